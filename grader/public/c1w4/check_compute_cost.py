"""Public checks of ``compute_cost`` (c1w4 exercise 6): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``compute_cost``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from course.i18n import N_
from grader.api import check
from grader.compare import check_scalar
from grader.feedback import Message
from grader.public.c1w4 import _support as s

EX = "compute_cost"


def _zero_d_array(got, expected, values=True):
    check_scalar(got, expected, "cost", values=False, require_0d_array=True)


@check(EX, points=2, visibility="public",
       title=Message(N_("The cost is returned as a 0-d NumPy array (shape ())")))
def check_cost_type(submission):
    s.public_values(submission, EX, ["course"], compare=_zero_d_array)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["course", "five"])
