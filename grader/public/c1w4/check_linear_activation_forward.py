"""Public checks of ``linear_activation_forward`` (c1w4 exercise 4): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``linear_activation_forward``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from grader.api import check
from grader.public.c1w4 import _support as s

EX = "linear_activation_forward"


@check(EX, points=1, visibility="public", title=s.TITLE_SHAPES)
def check_shapes(submission):
    s.public_values(submission, EX, ["sigmoid", "relu"], values=False)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["sigmoid", "relu"])
