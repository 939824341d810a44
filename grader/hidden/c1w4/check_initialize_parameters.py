"""Hidden checks of ``initialize_parameters`` (c1w4 exercise 1): random non-square cases.

الفحوص المخفية للتمرين ``initialize_parameters``: حالات عشوائية غير مربّعة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.hidden.c1w4 import _live as live

EX = "initialize_parameters"


@check(EX, points=5, visibility="hidden",
       title=Message(N_("Values for random layer sizes")))
def check_random_values(submission, rng):
    live.hidden_values(submission, rng, EX)
