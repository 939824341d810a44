"""Engine-test hidden check: linear_backward against a numerical gradient (uses call_many)."""

import numpy as np

from grader.api import check
from grader.feedback import Failure, Message, N_


@check(
    "linear_backward", points=3, visibility="hidden", title=N_("dW matches a numerical gradient")
)
def check_numerical(submission, rng):
    A = rng.normal(size=(3, 5))
    W = rng.normal(size=(2, 3))
    b = rng.normal(size=(2, 1))
    dZ = rng.normal(size=(2, 5))
    dA_prev, dW, db = submission.call("linear_backward", dZ, (A, W, b)).value
    # cost(W) = sum(dZ * (W A + b)) / m has gradient dZ A^T / m: probe the student's own
    # linear_forward numerically in one round trip.
    eps = 1e-6
    calls = []
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            for sign in (1, -1):
                Wp = W.copy()
                Wp[i, j] += sign * eps
                calls.append(("linear_forward", (A, Wp, b), {}))
    outs = submission.call_many(calls)
    numerical = np.zeros_like(W)
    k = 0
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            plus = np.sum(dZ * outs[k].value[0]) / 5
            minus = np.sum(dZ * outs[k + 1].value[0]) / 5
            numerical[i, j] = (plus - minus) / (2 * eps)
            k += 2
    if (
        type(dW) is not np.ndarray
        or dW.shape != W.shape
        or not np.allclose(dW, numerical, atol=1e-6)
    ):
        raise Failure(Message(N_("dW does not match the numerical gradient.")))
