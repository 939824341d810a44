"""Engine-test checks for compute_cost (the published value, a 0-d ndarray)."""

import numpy as np

from grader.api import check
from grader.feedback import Failure, Message, N_

AL = np.array([[0.8, 0.9, 0.4]])
Y = np.array([[1, 1, 0]])


@check("compute_cost", points=2, visibility="public", title=N_("The cost has the right value"))
def check_value(submission):
    cost = submission.call("compute_cost", AL, Y).value
    if type(cost) is not np.ndarray or cost.shape != () or cost.dtype.kind != "f":
        raise Failure(Message(N_("The cost must be a 0-d array.")))
    if abs(float(cost) - 0.2797765635793422) > 1e-12:
        raise Failure(Message(N_("The cost has the wrong value.")))


@check("compute_cost", points=1, visibility="public", title=N_("The cost is a 0-d array"))
def check_type(submission, rng):
    al = rng.uniform(0.05, 0.95, size=(1, 7))
    y = (rng.uniform(size=(1, 7)) > 0.5).astype(float)
    cost = submission.call("compute_cost", al, y).value
    if type(cost) is not np.ndarray or cost.shape != ():
        raise Failure(Message(N_("The cost must be a 0-d array.")))
