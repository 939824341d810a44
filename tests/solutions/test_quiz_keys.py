"""Every unit's quiz key (``solutions/<unit>/grading/quiz_key.py``) is complete and consistent.

What each key's numbers and claims are checked against (the unit's reference implementation) is
tested per unit, in ``tests/solutions/<unit>/grading/test_quiz_key.py``.
"""

import pytest

from course.quiz.questions import questions, quiz_units
from quiz_support import key_problems, source_positions


@pytest.mark.parametrize("unit", quiz_units())
def test_the_key_is_complete_and_consistent(unit):
    assert key_problems(unit) == []


@pytest.mark.parametrize("unit", quiz_units())
def test_right_options_are_not_in_one_telling_position_of_the_source(unit):
    kinds = {q.id: q.kind for q in questions(unit)}
    singles = [pos for qid, pos in source_positions(unit).items() if kinds[qid] == "single"]
    assert len({p[0] for p in singles}) >= 3
