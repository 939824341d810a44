"""Hidden checks of ``predict`` (c1w4 exercise 13): random non-square cases.

الفحوص المخفية للتمرين ``predict``: حالات عشوائية غير مربّعة.
"""

from grader.api import check
from grader.hidden.c1w4 import _live as live
from grader.public.c1w4 import _support as s

EX = "predict"


@check(EX, points=2, visibility="hidden", title=s.TITLE_HIDDEN_VALUES)
def check_random_values(submission, rng):
    live.hidden_values(submission, rng, EX)


@check(EX, points=2, visibility="hidden", title=s.TITLE_HIDDEN_ISOLATED)
def check_isolated(submission, rng):
    live.hidden_values(submission, rng, EX, isolated=True)


@check(EX, points=1, visibility="hidden", title=s.TITLE_HIDDEN_INPUTS)
def check_inputs_unchanged(submission, rng):
    live.hidden_inputs(submission, rng, EX)
