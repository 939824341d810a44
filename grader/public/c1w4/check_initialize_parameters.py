"""Public checks of ``initialize_parameters`` (c1w4 exercise 1): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``initialize_parameters``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.public.c1w4 import _support as s

EX = "initialize_parameters"


@check(EX, points=2, visibility="public",
       title=Message(N_("Returns the dict W1, b1, W2, b2 with the right shapes")))
def check_shapes(submission):
    s.public_values(submission, EX, ["course", "wide"], values=False)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["course", "wide"])
