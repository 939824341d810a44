"""Public checks of ``update_parameters`` (c1w4 exercise 10): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``update_parameters``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.public.c1w4 import _support as s

EX = "update_parameters"


@check(EX, points=1, visibility="public", title=s.TITLE_SHAPES)
def check_shapes(submission):
    s.public_values(submission, EX, ["course"], values=False)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["course"])


@check(EX, points=2, visibility="public",
       title=Message(N_("params is not modified: a new dictionary is returned")))
def check_inputs_unchanged(submission):
    (stored,) = s.stored_cases(EX, ["course"])
    s.inputs_unchanged(submission, EX, stored.case, s.public_case_detail)
