"""Engine-test hidden check: L_model_forward with the reference layer (stage isolation)."""

import numpy as np

from grader.api import check
from grader.feedback import Failure, Message, N_
from solutions.c1w4 import step_by_step as ref


@check("L_model_forward", points=3, visibility="hidden", title=N_("AL matches the reference"))
def check_isolated(submission, rng):
    dims = [5, 4, 3, 1]
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(size=(dims[l], 1))
    X = rng.normal(size=(5, 7))
    AL = submission.call(
        "L_model_forward", X, params, reference_callees=("linear_activation_forward",)
    ).value[0]
    expected = ref.L_model_forward(X, params)[0]
    if type(AL) is not np.ndarray or AL.shape != expected.shape or not np.allclose(AL, expected):
        raise Failure(Message(N_("AL differs from the reference.")))
