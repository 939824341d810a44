"""How c1w4's backward functions are gradient-checked (the course's conventions as objectives).

كيف يُفحص تدرّج دوال الانتشار الخلفي في الوحدة c1w4 (أعراف المقرر دوالَّ هدف).

* Layer functions (``linear_backward``, ``linear_activation_backward``): with the upstream
  gradient ``G`` (``dZ`` or ``dA``) and the layer output ``Y(A_prev, W, b)``, take
  ``F = sum(G * Y)``; then ``dA_prev = dF/dA_prev``, ``dW = (1/m) dF/dW`` and
  ``db = (1/m) dF/db`` (the course averages the parameter gradients over the ``m`` examples but
  not the gradients that flow backwards).
* ``L_model_backward``: ``F = sum_i L(AL_i, Y_i)`` (``m`` times the cost), so
  ``dWl = (1/m) dF/dWl``, ``dbl = (1/m) dF/dbl`` and ``dAl = dF/dAl``; ``dA0`` is the derivative
  with respect to ``X`` and ``dAl`` (``l >= 1``) comes from running the network from layer
  ``l + 1`` on the input ``A^[l]``.
"""

import numpy as np

from course.i18n import N_
from grader import gradcheck
from grader.compare import check_keys, check_sequence, describe
from grader.feedback import Failure, Message
from grader.judging.gradients import GradientSpec

TRIPLE = ("dA_prev", "dW", "db")


def forward_output(value, forward, shape):
    """The first item of a ``(output, cache)`` return value, required to be a plain array."""
    if type(value) not in (tuple, list) or len(value) != 2:
        raise Failure(Message(N_("The gradient check needs {forward} to return (output, cache), "
                                 "but it returned {got}."), forward=forward, got=describe(value)))
    out = value[0]
    if type(out) is not np.ndarray or out.shape != tuple(shape):
        raise Failure(Message(N_("The gradient check needs the output of {forward} to be an "
                                 "array of shape {shape}, but it is {got}."),
                              forward=forward, shape=str(tuple(shape)), got=describe(out)))
    return out.astype(float)


class LayerGradient(GradientSpec):
    """``linear_backward`` (``forward="linear_forward"``) or ``linear_activation_backward``."""

    def __init__(self, forward, cases=("gradient",)):
        self.forward = forward
        self.cases = cases

    def forward_args(self, case):
        if self.forward == "linear_forward":
            return tuple(case.args[1])
        A_prev, W, b = case.args[1][0]
        return (A_prev, W, b, case.args[2])

    def forward_output(self, value, shape):
        return forward_output(value, self.forward, shape)

    def plan(self, case):
        base = self.forward_args(case)
        extra = tuple(base[3:])
        point = {k: np.asarray(v, float) for k, v in zip(("A_prev", "W", "b"), base[:3])}
        keys, points = gradcheck.perturbations(point)
        calls = [(self.forward, (p["A_prev"], p["W"], p["b"]) + extra, {}) for p in points]
        G = np.asarray(case.args[0], dtype=float)
        m = point["A_prev"].shape[1]

        def finish(outputs):
            values = [float(np.sum(G * self.forward_output(v, G.shape))) for v in outputs]
            numeric = gradcheck.assemble(point, keys, values)
            return {"dA_prev": numeric["A_prev"], "dW": numeric["W"] / m, "db": numeric["b"] / m}

        return calls, finish, list(TRIPLE)

    def analytic(self, value, order):
        check_sequence(value, 3, Message(N_("the return value (dA_prev, dW, db)")))
        return dict(zip(TRIPLE, value))


def network_order(L):
    """Gradient names from the output layer backwards: dA{L-1}, dWL, dbL, dA{L-2}, ..."""
    order = []
    for l in range(L, 0, -1):
        order += ["dA" + str(l - 1), "dW" + str(l), "db" + str(l)]
    return order


def _params(point, first=1):
    """``{"W1", "b1", ...}`` of ``point`` from layer ``first`` on, renumbered from 1."""
    params, l = {}, first
    while "W" + str(l) in point:
        params["W" + str(l - first + 1)] = point["W" + str(l)]
        params["b" + str(l - first + 1)] = point["b" + str(l)]
        l += 1
    return params


class NetworkGradient(GradientSpec):
    """``L_model_backward`` against ``L_model_forward``."""

    forward = "L_model_forward"
    cases = ("gradient",)

    @staticmethod
    def _point(caches):
        point = {"X": np.asarray(caches[0][0][0], float)}
        for l, ((_, W, b), _) in enumerate(caches, start=1):
            point["W" + str(l)] = np.asarray(W, float)
            point["b" + str(l)] = np.asarray(b, float)
        return point

    def forward_args(self, case):
        point = self._point(case.args[2])
        return (point["X"], _params(point))

    def forward_output(self, value, shape):
        return forward_output(value, self.forward, shape)

    def plan(self, case):
        _, Y, caches = case.args
        Y = np.asarray(Y, dtype=float)
        L, m = len(caches), Y.shape[1]
        point = self._point(caches)
        calls, plan = [], []
        keys, points = gradcheck.perturbations(point)
        for (name, index, sign), p in zip(keys, points):
            calls.append((self.forward, (p["X"], _params(p)), {}))
            plan.append(("dA0" if name == "X" else "d" + name, index, sign))
        for l in range(1, L):  # dA_l: the sub-network of layers l+1 .. L, fed A^[l]
            sub = {"X": np.asarray(caches[l][0][0], float),
                   **{k: v for k, v in point.items() if k != "X"}}
            keys, points = gradcheck.perturbations(sub, only=["X"])
            for (_, index, sign), p in zip(keys, points):
                calls.append((self.forward, (p["X"], _params(p, first=l + 1)), {}))
                plan.append(("dA" + str(l), index, sign))
        shapes = {"dA0": point["X"].shape}
        for l in range(1, L + 1):
            shapes["dW" + str(l)] = point["W" + str(l)].shape
            shapes["db" + str(l)] = point["b" + str(l)].shape
            if l < L:
                shapes["dA" + str(l)] = np.shape(caches[l][0][0])

        def finish(outputs):
            grads = {name: np.zeros(shape) for name, shape in shapes.items()}
            for (name, index, sign), value in zip(plan, outputs):
                AL = self.forward_output(value, Y.shape)
                with np.errstate(divide="ignore", invalid="ignore"):
                    loss = float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
                grads[name][index] += sign * loss / (2 * gradcheck.EPS)
            return {k: (v / m if k[:2] in ("dW", "db") else v) for k, v in grads.items()}

        return calls, finish, network_order(L)

    def analytic(self, value, order):
        if order is not None:
            check_keys(value, order, "grads")
        return dict(value)
