"""One call of a graded function: the unit of every check's inputs.

استدعاء واحد لدالة مُقيَّمة: وحدة المُدخلات في كل فحص.

Public cases are fixed and seeded (``course/<unit>/grading/cases.py``; students may see their
expected outputs); hidden cases are drawn from a per-check ``numpy.random.Generator``
(``solutions/<unit>/grading/hidden_cases.py``) with non-square shapes.
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
    seed : int or None
        When set, ``np.random.seed(seed)`` runs just before the call, as the course's test does
        for a function that draws random numbers without seeding itself.
    """

    name: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    seed: int = None

    def with_kwargs(self, **kwargs):
        """This case with some keyword arguments replaced (e.g. fewer iterations)."""
        return Case(self.name, self.args, {**self.kwargs, **kwargs}, self.seed)
