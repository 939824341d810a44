"""Hidden checks of ``two_layer_model`` (c1w4 exercise 11): random non-square cases.

الفحوص المخفية للتمرين ``two_layer_model``: حالات عشوائية غير مربّعة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.hidden.c1w4 import _live as live
from grader.public.c1w4 import _support as s

EX = "two_layer_model"


@check(EX, points=1, visibility="hidden",
       title=Message(N_("On random data the cost goes down and is recorded every 100 iterations")))
def check_cost_decreases(submission, rng):
    live.hidden_costs_decrease(submission, rng, EX)


@check(EX, points=2, visibility="hidden", title=s.TITLE_HIDDEN_ISOLATED)
def check_isolated(submission, rng):
    live.hidden_values(submission, rng, EX, isolated=True, iterations=21)


@check(EX, points=1, visibility="hidden", title=s.TITLE_HIDDEN_INPUTS)
def check_inputs_unchanged(submission, rng):
    live.hidden_inputs(submission, rng, EX, num_iterations=3)
