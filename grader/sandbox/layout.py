"""What the sandbox needs to know about a unit's submission, in one small value.

وصف تسليم الوحدة كما يحتاجه صندوق العزل: الحزمة، ووحدات التسليم، والوحدات المعطاة، ومكان كل دالة.

The sandbox does not read the course catalogue: the engine builds a :class:`SubmissionLayout`
from it (:func:`grader.runner.engine.submission_layout`) and hands it to
:class:`~grader.sandbox.client.Sandbox`, so several units can share one sandbox code.
"""

from dataclasses import dataclass, field
from types import MappingProxyType


def _frozen(mapping):
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class SubmissionLayout:
    """A unit's submission as the sandbox sees it.

    Attributes
    ----------
    package : str
        The unit package the modules belong to, e.g. ``"c1w4"``.
    submission_modules : tuple of str
        Module names a submission consists of (``"step_by_step"``, ``"cat_classifier"``); the
        files read are ``<name>.py``.
    provided : mapping of str to str
        ``{file name: text}`` of the provided (ungraded) modules, from a trusted source; the
        submission's own copies are never used.
    functions : mapping of str to str
        ``{function name: module}`` for every exercise and provided function.
    reference_package : str or None
        The importable package of the reference, e.g. ``"solutions.c1w4"`` (hidden mode; used
        by the grader's process only, never sent to a worker).
    numbers : mapping of str to int
        ``{exercise name: number}``, for messages such as "write exercise 3 first".
    """

    package: str
    submission_modules: tuple
    provided: object = field(default_factory=dict)
    functions: object = field(default_factory=dict)
    reference_package: object = None
    numbers: object = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "submission_modules", tuple(self.submission_modules))
        object.__setattr__(self, "provided", _frozen(self.provided))
        object.__setattr__(self, "functions", _frozen(self.functions))
        object.__setattr__(self, "numbers", _frozen(self.numbers))

    @property
    def provided_modules(self):
        """Module names of the provided files (``"dnn_helpers"``)."""
        return tuple(name[:-3] for name in self.provided if name.endswith(".py"))

    def module_of(self, function_name):
        """``(module, function)`` for an exercise id, a provided function or ``"module.func"``.

        Raises
        ------
        ValueError
            For an unknown name.
        """
        if "." in function_name:
            module, _, name = function_name.partition(".")
            return module, name
        if function_name in self.functions:
            return self.functions[function_name], function_name
        raise ValueError(f"unknown function {function_name!r}: use 'module.function'")
