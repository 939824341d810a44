"""The catalogue of units and exercises: one exercise id names a stub, its checks and its lesson page.

فهرس الوحدات والتمارين: مُعرِّف التمرين الواحد يدلّ على هيكله وفحوصه وصفحة درسه.

An exercise id is the function name (``linear_forward``); within unit ``c1w4`` it is found at

* the stub: ``course/c1w4/<module>.py``, function ``<id>``;
* the reference: ``solutions/c1w4/<module>.py``, function ``<id>``;
* the checks: ``grader/public/c1w4/check_<id>.py`` and ``grader/hidden/c1w4/check_<id>.py``;
* the lesson page: ``docs/content/c1w4/exercises/<id>.md`` (Arabic) and ``<id>.en.md`` (English).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    """One graded function.

    Attributes
    ----------
    id : str
        The function name, also the exercise id.
    unit : str
        The unit package, e.g. ``"c1w4"``.
    module : str
        The module inside the unit that defines the function.
    number : int
        The exercise number within the unit (1-based, course order).
    depends_on : tuple of str
        Exercise ids this one calls (used by stage isolation).
    """

    id: str
    unit: str
    module: str
    number: int
    depends_on: tuple = ()


UNIT = "c1w4"
STEP = "step_by_step"
APP = "cat_classifier"

EXERCISES = (
    Exercise("initialize_parameters", UNIT, STEP, 1),
    Exercise("initialize_parameters_deep", UNIT, STEP, 2),
    Exercise("linear_forward", UNIT, STEP, 3),
    Exercise("linear_activation_forward", UNIT, STEP, 4, ("linear_forward",)),
    Exercise("L_model_forward", UNIT, STEP, 5, ("linear_activation_forward",)),
    Exercise("compute_cost", UNIT, STEP, 6),
    Exercise("linear_backward", UNIT, STEP, 7),
    Exercise("linear_activation_backward", UNIT, STEP, 8, ("linear_backward",)),
    Exercise("L_model_backward", UNIT, STEP, 9, ("linear_activation_backward",)),
    Exercise("update_parameters", UNIT, STEP, 10),
    Exercise(
        "two_layer_model",
        UNIT,
        APP,
        11,
        (
            "initialize_parameters",
            "linear_activation_forward",
            "compute_cost",
            "linear_activation_backward",
            "update_parameters",
        ),
    ),
    Exercise(
        "L_layer_model",
        UNIT,
        APP,
        12,
        ("L_model_forward", "compute_cost", "L_model_backward", "update_parameters"),
    ),
    Exercise("predict", UNIT, APP, 13, ("L_model_forward",)),
)

# Provided, ungraded functions students call but do not write.
PROVIDED = {
    "dnn_helpers": ("sigmoid", "relu", "sigmoid_backward", "relu_backward"),
    APP: ("initialize_parameters_deep_scaled",),
}

# The module files a submission consists of (what `amiq grade --submission DIR` looks for).
SUBMISSION_MODULES = (STEP, APP)
# Provided module files; the grader always uses its own trusted copy of these.
PROVIDED_MODULES = ("dnn_helpers",)


def exercise(exercise_id):
    """Return the :class:`Exercise` with this id.

    Raises
    ------
    KeyError
        With a bilingual message listing the known ids.
    """
    for ex in EXERCISES:
        if ex.id == exercise_id:
            return ex
    known = ", ".join(ex.id for ex in EXERCISES)
    raise KeyError(
        f"unknown exercise {exercise_id!r}; expected one of: {known} / "
        f"تمرين غير معروف {exercise_id!r}؛ المعروف: {known}"
    )
