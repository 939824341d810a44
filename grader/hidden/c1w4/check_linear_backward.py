"""Hidden checks of ``linear_backward`` (c1w4 exercise 7): random non-square cases.

الفحوص المخفية للتمرين ``linear_backward``: حالات عشوائية غير مربّعة.
"""

from grader.api import check
from grader.hidden.c1w4 import _live as live
from grader.public.c1w4 import _support as s

EX = "linear_backward"


@check(EX, points=2, visibility="hidden", title=s.TITLE_HIDDEN_VALUES)
def check_random_values(submission, rng):
    live.hidden_values(submission, rng, EX)


@check(EX, points=1, visibility="hidden", title=s.TITLE_HIDDEN_GRAD_OWN)
def check_gradients_own_forward(submission, rng):
    live.hidden_gradient_own(submission, rng, EX)


@check(EX, points=1, visibility="hidden", title=s.TITLE_HIDDEN_GRAD_REF)
def check_gradients_reference(submission, rng):
    live.hidden_gradient_reference(submission, rng, EX)


@check(EX, points=1, visibility="hidden", title=s.TITLE_HIDDEN_INPUTS)
def check_inputs_unchanged(submission, rng):
    live.hidden_inputs(submission, rng, EX)
