"""Hidden checks of ``initialize_parameters_deep`` (c1w4 exercise 2): random non-square cases.

الفحوص المخفية للتمرين ``initialize_parameters_deep``: حالات عشوائية غير مربّعة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.hidden.c1w4 import _live as live

EX = "initialize_parameters_deep"


@check(EX, points=5, visibility="hidden",
       title=Message(N_("Values for a random number of layers of random sizes")))
def check_random_values(submission, rng):
    live.hidden_values(submission, rng, EX)
