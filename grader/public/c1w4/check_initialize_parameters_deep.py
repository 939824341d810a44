"""Public checks of ``initialize_parameters_deep`` (c1w4 exercise 2): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``initialize_parameters_deep``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.public.c1w4 import _support as s

EX = "initialize_parameters_deep"


@check(EX, points=2, visibility="public",
       title=Message(N_("Returns W1, b1, ..., WL, bL with the right shapes")))
def check_shapes(submission):
    s.public_values(submission, EX, ["course", "deeper"], values=False)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["course", "deeper"])
