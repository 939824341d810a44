"""Training the cat classifier from the command line or Python, with progress and figures.

تدريب مصنِّف القطط من سطر الأوامر أو من بايثون، مع شريط التقدّم والأشكال.

Modules: ``impl`` (reference or student code), ``engines`` (who runs the loop: fast, reference
or student), ``fast`` (the fast exact trainer), ``progress`` (bar and cost lines), ``run``
(validation, training, accuracy), ``sweep`` (one architecture over several learning rates, in
parallel) and ``sweep_files`` (its figure and table files).
"""

from .engines import DEFAULT_ENGINE, ENGINES, resolve_engine
from .impl import IMPLEMENTATIONS, ImplementationError, NotAttemptedError, load_implementation
from .run import (
    DEFAULT_ITERATIONS,
    DEFAULT_LAYERS,
    DEFAULT_LEARNING_RATE,
    MODELS,
    TrainingConfigError,
    TrainResult,
    accuracy,
    correct_count,
    parse_layers,
    train,
    validate_layers,
)

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "DEFAULT_ITERATIONS",
    "DEFAULT_LAYERS",
    "DEFAULT_LEARNING_RATE",
    "IMPLEMENTATIONS",
    "ImplementationError",
    "MODELS",
    "NotAttemptedError",
    "TrainResult",
    "TrainingConfigError",
    "accuracy",
    "correct_count",
    "load_implementation",
    "parse_layers",
    "resolve_engine",
    "train",
    "validate_layers",
]
