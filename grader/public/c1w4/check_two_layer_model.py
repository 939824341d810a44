"""Public checks of ``two_layer_model`` (c1w4 exercise 11): fixed cases, stored outputs.

الفحوص العلنية للتمرين ``two_layer_model``: حالات ثابتة ومخرجات متوقَّعة مخزَّنة.
"""

from course.i18n import N_
from grader.api import check
from grader.feedback import Message
from grader.public.c1w4 import _support as s

EX = "two_layer_model"


@check(EX, points=2, visibility="public",
       title=Message(N_("Returns (parameters, costs) with one cost every 100 iterations")))
def check_shapes(submission):
    s.public_values(submission, EX, ["values"], values=False)


@check(EX, points=3, visibility="public", title=s.TITLE_VALUES)
def check_values(submission):
    s.public_values(submission, EX, ["values"])


@check(EX, points=1, visibility="public",
       title=Message(N_("print_cost=True prints the cost every 100 iterations and at the last "
                        "one; print_cost=False prints nothing")))
def check_print_cost(submission):
    s.public_print_check(submission, EX, "print")
