"""How a unit declares its checks: one small declaration per exercise, interpreted generically.

كيف تُعلِن الوحدة فحوصها: تصريح صغير واحد لكل تمرين، يفسّره المصحِّح بشيفرة عامة.

A unit's ``course/<unit>/grading/checks.py`` defines ``CHECKS``, a tuple of :class:`Checks`, one
per exercise::

    Checks("linear_backward", returns=BACKWARD_TRIPLE, public=("course",),
           gradient=LayerGradient("linear_forward"), points=BACKWARD_POINTS)

From it the grader builds the run's checks (:mod:`grader.plan`), each of one *kind*:

========================  ==========  ==========================================================
kind                      visibility  passes when
========================  ==========  ==========================================================
``values``                public      the outputs on the public cases equal the reference's
``gradient``              public      the gradients match centred differences of the student's
                                      own forward function (the reference's where it is wrong)
``prints``                public      the outputs are right and ``print_cost`` prints the cost
                                      lines as the course does, and nothing when False
``values``                hidden      the outputs on random non-square cases equal the
                                      reference's, with the reference versions of the functions
                                      the exercise calls (stage isolation)
``gradient``              hidden      the gradients match centred differences of the reference
``inputs``                hidden      the outputs are right *and* the inputs come back unchanged
========================  ==========  ==========================================================

Every check that could pass on a do-nothing answer (``prints``, ``inputs``) also requires the
right values, so no point is ever earned by structure alone.
"""

from dataclasses import dataclass, field

from course.i18n import N_

PUBLIC_KINDS = ("values", "gradient", "prints")
HIDDEN_KINDS = ("values", "gradient", "inputs")

TITLES = {
    ("public", "values"): N_("Values on the public cases (the course's test cases)"),
    ("public", "gradient"): N_(
        "Gradient check: your gradients match numerical derivatives of your own forward function"),
    ("public", "prints"): N_(
        "print_cost=True prints the cost lines the course prints; print_cost=False prints "
        "nothing"),
    ("hidden", "values"): N_(
        "Values on random non-square inputs, with the reference versions of the functions it "
        "calls"),
    ("hidden", "gradient"): N_(
        "Gradient check on random inputs against numerical derivatives of the reference"),
    ("hidden", "inputs"): N_("Right values, and the inputs are not modified in place"),
}


@dataclass(frozen=True)
class Points:
    """Points per kind of check (all or nothing per check).

    Attributes
    ----------
    public, hidden : float
        The ``values`` checks.
    gradient, hidden_gradient : float
        The gradient checks (only for exercises with a ``gradient`` declaration).
    prints : float
        The print check (only with ``prints``).
    inputs : float
        The hidden "inputs unchanged" check (only with ``inputs=True``).
    """

    public: float = 5
    hidden: float = 4
    inputs: float = 1
    gradient: float = 0
    hidden_gradient: float = 0
    prints: float = 0

    def of(self, visibility, kind):
        """Points of one check kind."""
        if kind == "values":
            return self.public if visibility == "public" else self.hidden
        if kind == "gradient":
            return self.gradient if visibility == "public" else self.hidden_gradient
        return getattr(self, kind)


@dataclass(frozen=True)
class Checks:
    """The checks of one exercise.

    Attributes
    ----------
    name : str
        The exercise (function) name.
    returns : grader.structures.Structure
        What it returns, compared with the reference.
    result : str
        What feedback calls the returned value (``"parameters"``, ``"cost"``...).
    public : tuple of str
        Names of the public cases (``course/<unit>/grading/cases.py``) graded by ``values``.
    points : Points
    gradient : object or None
        A gradient specification (see :mod:`grader.judging.gradients`) for backward functions.
    prints : str or None
        The public case whose ``print_cost=True`` output is checked (models).
    inputs : bool
        Whether the hidden ``inputs`` check runs (False when every input is immutable).
    isolated_kwargs : dict
        Keyword arguments replaced in stage-isolated calls (fewer iterations for models:
        every reference callee costs a round trip).
    inputs_kwargs : dict
        Keyword arguments replaced in the ``inputs`` check's call.
    hint : callable or None
        ``(exercise name, case, StudentError) -> Failure or None``: unit-specific guidance when
        the student's code stops on an error (e.g. which array a NumPy shape error is about).
    requirement : str or None
        Msgid stating the one convention students must follow (the stub's docstring and the
        lesson page quote the same text; a test checks it).
    """

    name: str
    returns: object
    result: str = "result"
    public: tuple = ()
    points: Points = field(default_factory=Points)
    gradient: object = None
    prints: str = None
    inputs: bool = True
    isolated_kwargs: dict = field(default_factory=dict)
    inputs_kwargs: dict = field(default_factory=dict)
    hint: object = None
    requirement: str = None

    def kinds(self, visibility):
        """The kinds of check this exercise has in ``visibility``, in running order."""
        kinds = ["values"]
        if self.gradient is not None:
            kinds.append("gradient")
        if visibility == "public" and self.prints:
            kinds.append("prints")
        if visibility == "hidden" and self.inputs:
            kinds.append("inputs")
        return [k for k in kinds if self.points.of(visibility, k) > 0]

    def max_points(self, visibilities=("public", "hidden")):
        """Total points of the exercise over ``visibilities``."""
        return sum(self.points.of(v, k) for v in visibilities for k in self.kinds(v))


@dataclass(frozen=True)
class LearningRateLab:
    """A graded choice that is not a function: the learning-rate lab of a unit.

    A unit declares it in ``course/<unit>/grading/lab.py`` as ``LAB``. The student runs the same
    sweep with their own functions (the application notebook), looks at the cost curves and
    records one of the offered learning rates in ``course/<unit>/lab_choice.toml``. The grader
    (:mod:`grader.lab`) reruns the sweep with the reference networks, in its own trusted process
    (no student code runs), and the choice passes when its final cost is at most ``1 + margin``
    times the lowest final cost of a setting that did not diverge.

    Attributes
    ----------
    unit : str
    model : {"two-layer", "L-layer"}
    layers : tuple of int
    rates : tuple of float
        The offered settings, in the order they are shown.
    iterations : int
        Gradient-descent iterations of every setting.
    margin : float
        Relative margin, e.g. ``0.10``: within 10 % of the best final cost.
    points : float
    """

    unit: str
    model: str
    layers: tuple
    rates: tuple
    iterations: int
    margin: float
    points: float = 10

    ID = "lab"

    @property
    def id(self):
        """The qualified id, ``"c1w4.lab"`` (what ``grader.check`` and reports name it)."""
        return f"{self.unit}.{self.ID}"

    def offered(self, rate):
        """The offered rate equal to ``rate`` (up to rounding of its decimal form), or None.

        Parameters
        ----------
        rate : float

        Returns
        -------
        float or None
        """
        for offered in self.rates:
            if abs(rate - offered) <= 1e-9 * offered:
                return offered
        return None
