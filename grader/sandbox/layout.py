"""What the sandbox needs to know of a unit: its package, module files and functions.

ما يلزم صندوقَ العزل معرفته عن الوحدة: اسم حزمتها وملفاتها ودوالها.

The sandbox imports no unit: the engine describes the one being graded with a
:class:`SubmissionLayout`.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SubmissionLayout:
    """How one unit's submission is laid out in a worker's folder.

    Attributes
    ----------
    package : str
        The package name the worker imports the modules from (the unit id, ``"c1w4"``).
    submission_modules : tuple of str
        Module names read from the student's folder (``"step_by_step"``...).
    provided : dict
        ``{file name: text}`` of the trusted provided modules (never the student's copy).
    functions : dict
        ``{function name: module}`` for every exercise and provided function.
    reference_package : str or None
        ``"solutions.<unit>"``: where stage-isolation callbacks find the reference (hidden
        mode only).
    numbers : dict
        ``{exercise name: number}``, for messages such as "write exercise 3 first".
    """

    package: str
    submission_modules: tuple
    provided: dict = field(default_factory=dict)
    functions: dict = field(default_factory=dict)
    reference_package: str = None
    numbers: dict = field(default_factory=dict)
