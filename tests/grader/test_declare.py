"""Check declarations: points per kind, which kinds an exercise has, bilingual titles."""

import pytest

from grader.declare import HIDDEN_KINDS, PUBLIC_KINDS, TITLES, Checks, Points
from grader.structures import Array


def test_points_per_kind():
    points = Points(public=3, hidden=2, inputs=1, gradient=2, hidden_gradient=2, prints=0)
    assert points.of("public", "values") == 3 and points.of("hidden", "values") == 2
    assert points.of("public", "gradient") == 2 and points.of("hidden", "gradient") == 2
    assert points.of("hidden", "inputs") == 1 and points.of("public", "prints") == 0


def test_kinds_follow_the_declaration_and_skip_kinds_worth_nothing():
    plain = Checks("f", Array())
    assert plain.kinds("public") == ["values"]
    assert plain.kinds("hidden") == ["values", "inputs"]
    assert plain.max_points() == 5 + 4 + 1
    backward = Checks("g", Array(), gradient=object(),
                      points=Points(public=3, gradient=2, hidden=2, hidden_gradient=2, inputs=1))
    assert backward.kinds("public") == ["values", "gradient"]
    assert backward.kinds("hidden") == ["values", "gradient", "inputs"]
    assert backward.max_points(("public",)) == 5
    model = Checks("m", Array(), prints="print", points=Points(public=4, prints=1))
    assert model.kinds("public") == ["values", "prints"] and "prints" not in model.kinds("hidden")
    immutable = Checks("i", Array(), inputs=False, points=Points(public=5, hidden=5, inputs=0))
    assert immutable.kinds("hidden") == ["values"] and immutable.max_points() == 10
    no_gradient_points = Checks("h", Array(), gradient=object())
    assert no_gradient_points.kinds("public") == ["values"]  # gradient worth 0 is not planned


def test_every_kind_has_a_title():
    assert set(TITLES) == ({("public", k) for k in PUBLIC_KINDS}
                           | {("hidden", k) for k in HIDDEN_KINDS})


@pytest.mark.parametrize("key", sorted(TITLES), ids="/".join)
def test_titles_are_translated(key):
    from grader.feedback import Message

    title = Message(TITLES[key])
    assert title.render("ar") != title.render("en")


def test_a_learning_rate_lab_names_itself_and_matches_offered_rates_only():
    from grader.declare import LearningRateLab

    lab = LearningRateLab(unit="c9w9", model="two-layer", layers=(4, 2, 1),
                          rates=(0.001, 0.0075, 0.03), iterations=10, margin=0.1)
    assert lab.id == "c9w9.lab" and lab.points == 10
    assert lab.offered(0.0075) == 0.0075
    assert lab.offered(0.0075 * (1 + 1e-12)) == 0.0075  # a decimal read back from a file
    assert lab.offered(0.0076) is None and lab.offered(0.3) is None
