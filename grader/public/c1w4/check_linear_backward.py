"""Public checks of ``linear_backward`` (c1w4 exercise 7): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``linear_backward``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from grader.api import check
from grader.public.c1w4 import _support as s

EX = "linear_backward"


@check(EX, points=1, visibility="public", title=s.TITLE_SHAPES)
def check_shapes(submission):
    s.public_values(submission, EX, ["course"], values=False)


@check(EX, points=2, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["course"])


@check(EX, points=2, visibility="public", title=s.TITLE_GRAD_OWN_PUBLIC)
def check_gradients(submission):
    s.public_gradient_check(submission, EX, ["gradient-public"])
