"""How c1w3's ``backward_propagation`` is gradient-checked: against the mean cross-entropy.

كيف يُفحص تدرّج ``backward_propagation`` في الوحدة c1w3: مقارنةً بمتوسط الإنتروبيا التقاطعية.

The objective is the cost itself, ``J = -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2))`` with ``A2``
from ``forward_propagation(X, parameters)``, so the course's ``dW1, db1, dW2, db2`` are exactly
``dJ/dW1`` ... (no further scaling).
"""

import numpy as np

from course.c1w4.grading.gradients import forward_output
from grader import gradcheck
from grader.compare import check_keys
from grader.judging.gradients import GradientSpec

ORDER = ("dW2", "db2", "dW1", "db1")


class TwoLayerGradient(GradientSpec):
    """``backward_propagation(parameters, cache, X, Y)`` against ``forward_propagation``."""

    forward = "forward_propagation"
    cases = ("gradient",)

    def forward_args(self, case):
        parameters, _cache, X, _Y = case.args
        return (X, parameters)

    def forward_output(self, value, shape):
        return forward_output(value, self.forward, shape)

    def plan(self, case):
        parameters, _cache, X, Y = case.args
        Y = np.asarray(Y, dtype=float)
        point = {k: np.asarray(v, float) for k, v in parameters.items()}
        keys, points = gradcheck.perturbations(point)
        calls = [(self.forward, (np.asarray(X, float), p), {}) for p in points]

        def finish(outputs):
            values = []
            for value in outputs:
                A2 = self.forward_output(value, Y.shape)
                with np.errstate(divide="ignore", invalid="ignore"):
                    values.append(float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))))
            numeric = gradcheck.assemble(point, keys, values)
            return {"d" + k: v for k, v in numeric.items()}

        return calls, finish, list(ORDER)

    def analytic(self, value, order):
        if order is not None:
            check_keys(value, order, "grads")
        return dict(value)
