"""Engine-test checks for update_parameters (values and no mutation)."""

import numpy as np

from grader.api import check
from grader.feedback import Failure, Message, N_


def _case(rng):
    params = {
        "W1": rng.normal(size=(3, 2)),
        "b1": rng.normal(size=(3, 1)),
        "W2": rng.normal(size=(1, 3)),
        "b2": rng.normal(size=(1, 1)),
    }
    grads = {"d" + k: rng.normal(size=v.shape) for k, v in params.items()}
    return params, grads


@check(
    "update_parameters",
    points=2,
    visibility="public",
    title=N_("The parameters move against the gradient"),
)
def check_values(submission, rng):
    params, grads = _case(rng)
    new = submission.call("update_parameters", params, grads, 0.1).value
    if type(new) is not dict or set(new) != set(params):
        raise Failure(Message(N_("Expected a dict with the same keys.")))
    for key, value in params.items():
        got = new[key]
        if type(got) is not np.ndarray or got.shape != value.shape:
            raise Failure(Message(N_("{key} has the wrong shape."), key=key))
        if not np.allclose(got, value - 0.1 * grads["d" + key]):
            raise Failure(Message(N_("{key} has the wrong values."), key=key))


@check("update_parameters", points=1, visibility="public", title=N_("The inputs are not modified"))
def check_no_mutation(submission, rng):
    params, grads = _case(rng)
    outcome = submission.call("update_parameters", params, grads, 0.1)
    if outcome.mutated:
        raise Failure(
            Message(N_("Your function changed {names}."), names=", ".join(outcome.mutated))
        )
