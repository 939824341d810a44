"""Engine-test checks for initialize_parameters (shapes and the seeded values)."""

import numpy as np

from grader.api import check
from grader.feedback import Failure, Message, N_


@check(
    "initialize_parameters",
    points=2,
    visibility="public",
    title=N_("The parameters have the right shapes and values"),
)
def check_values(submission):
    params = submission.call("initialize_parameters", 3, 2, 1).value
    if type(params) is not dict or sorted(params) != ["W1", "W2", "b1", "b2"]:
        raise Failure(Message(N_("Expected a dict with W1, b1, W2, b2.")))
    state = np.random.RandomState(1)
    expected = {
        "W1": state.randn(2, 3) * 0.01,
        "b1": np.zeros((2, 1)),
        "W2": state.randn(1, 2) * 0.01,
        "b2": np.zeros((1, 1)),
    }
    for key, value in expected.items():
        got = params[key]
        if type(got) is not np.ndarray or got.shape != value.shape or not np.allclose(got, value):
            raise Failure(Message(N_("{key} is wrong."), key=key))
