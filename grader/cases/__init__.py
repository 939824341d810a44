"""Input generators for the checks, one module per unit.

مولِّدات المُدخلات للفحوص، وحدة لكل درس.

Public cases are fixed and seeded (students may see their expected outputs); hidden cases are
drawn from the per-check ``numpy.random.Generator`` with non-square shapes.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One call of a graded function.

    Attributes
    ----------
    name : str
        Short id of the case, unique within its exercise (``"course"``, ``"relu"``, ...).
    args : tuple
        Positional arguments, in the order of the function's signature.
    kwargs : dict
        Keyword arguments.
    """

    name: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
