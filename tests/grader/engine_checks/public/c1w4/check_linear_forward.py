"""Engine-test checks for linear_forward (value, exact type and shape, no mutation)."""

import numpy as np

from grader.api import check
from grader.feedback import Failure, Message, N_

A = np.arange(6.0).reshape(3, 2) / 10
W = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [0.0, 1.0, 1.0], [-2.0, 0.5, 0.1]])
b = np.array([[0.1], [0.2], [-0.3], [0.4]])


def _z(outcome):
    value = outcome.value
    if type(value) is not tuple or len(value) != 2:
        raise Failure(Message(N_("Expected a tuple (Z, cache).")))
    Z = value[0]
    if type(Z) is not np.ndarray or Z.shape != (4, 2):
        raise Failure(Message(N_("Z must be an array of shape {shape}."), shape=(4, 2)))
    return Z


@check("linear_forward", points=2, visibility="public", title=N_("Z has the right shape"))
def check_shape(submission):
    _z(submission.call("linear_forward", A, W, b))


@check("linear_forward", points=3, visibility="public", title=N_("Z has the right values"))
def check_values(submission):
    Z = _z(submission.call("linear_forward", A, W, b))
    if not np.allclose(Z, W @ A + b, rtol=1e-7, atol=1e-12):
        raise Failure(Message(N_("Z has the wrong values.")))


@check("linear_forward", points=1, visibility="public", title=N_("The inputs are not modified"))
def check_no_mutation(submission):
    outcome = submission.call("linear_forward", A, W, b)
    _z(outcome)
    if outcome.mutated:
        raise Failure(
            Message(N_("Your function changed {names}."), names=", ".join(outcome.mutated))
        )
