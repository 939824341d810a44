"""The @check decorator validates its arguments and registers checks for discovery."""

import pytest

from grader import api
from grader.feedback import Message


def test_registers_a_spec_and_marks_the_function():
    @api.check("linear_forward", points=2, visibility="public", title="Shapes are right")
    def check_something(submission):
        return None

    spec = api.spec_of(check_something)
    assert spec.id == "linear_forward/public/check_something"
    assert spec.points == 2.0 and isinstance(spec.title, Message)
    assert spec in api.registered(__name__)


def test_redefinition_replaces_rather_than_duplicates():
    for _ in range(2):

        @api.check("compute_cost", points=1, visibility="hidden", title="t")
        def check_twice(submission):
            return None

    names = [s.name for s in api.registered(__name__)]
    assert names.count("check_twice") == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"exercise": "no_such_exercise", "points": 1, "visibility": "public", "title": "t"},
        {"exercise": "linear_forward", "points": 1, "visibility": "secret", "title": "t"},
        {"exercise": "linear_forward", "points": -1, "visibility": "public", "title": "t"},
        {"exercise": "linear_forward", "points": True, "visibility": "public", "title": "t"},
        {"exercise": "linear_forward", "points": 1, "visibility": "public", "title": 3},
    ],
)
def test_bad_arguments_are_rejected(kwargs):
    exercise = kwargs.pop("exercise")
    with pytest.raises((ValueError, TypeError)):
        api.check(exercise, **kwargs)
