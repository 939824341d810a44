"""Public checks of ``predict`` (c1w4 exercise 13): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``predict``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from grader.api import check
from grader.public.c1w4 import _support as s

EX = "predict"


@check(EX, points=2, visibility="public", title=s.TITLE_SHAPES)
def check_shapes(submission):
    s.public_values(submission, EX, ["course", "tie"], values=False)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["course", "tie"])
