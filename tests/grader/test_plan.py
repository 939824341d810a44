"""The run's plan: one PlannedCheck per declared kind, in course order, public before hidden."""

import pytest

from course.c1w4.grading.checks import CHECKS
from grader import plan as planning
from grader.declare import HIDDEN_KINDS, PUBLIC_KINDS
from grader.feedback import Message
from grader_test_support import UNIT


def test_a_public_plan_has_only_public_checks_in_course_order():
    checks = planning.plan("c1w4", UNIT.exercises)
    assert {c.visibility for c in checks} == {"public"}
    order = [c.exercise.number for c in checks]
    assert order == sorted(order)
    assert sum(c.points for c in checks) == 65


def test_a_hidden_plan_puts_each_exercises_public_checks_before_its_hidden_ones():
    checks = planning.plan("c1w4", UNIT.exercises, hidden=True)
    assert sum(c.points for c in checks) == 130
    for ex in UNIT.exercises:
        mine = [c for c in checks if c.exercise == ex]
        kinds = [(c.visibility, c.kind) for c in mine]
        public = [k for v, k in kinds if v == "public"]
        hidden = [k for v, k in kinds if v == "hidden"]
        assert kinds == [("public", k) for k in public] + [("hidden", k) for k in hidden]
        assert public == [k for k in PUBLIC_KINDS if k in public]
        assert hidden == [k for k in HIDDEN_KINDS if k in hidden]


def test_check_ids_are_qualified_unique_and_stable():
    first = planning.plan("c1w4", UNIT.exercises, hidden=True)
    again = planning.plan("c1w4", UNIT.exercises, hidden=True)
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first)
    for check in first:
        assert check.id == f"{check.exercise.id}/{check.visibility}/{check.kind}"
        assert check.id.startswith("c1w4.")
        assert check.name == check.kind
        assert isinstance(check.title, Message)


def test_the_plan_follows_the_declarations():
    checks = planning.plan("c1w4", UNIT.exercises, hidden=True)
    by_exercise = {}
    for check in checks:
        by_exercise.setdefault(check.exercise.name, []).append(check)
    for decl in CHECKS:
        planned = by_exercise[decl.name]
        for visibility in ("public", "hidden"):
            kinds = [c.kind for c in planned if c.visibility == visibility]
            assert kinds == decl.kinds(visibility), (decl.name, visibility)
        assert sum(c.points for c in planned) == decl.max_points()
    # The shapes of the declarations: gradients for backward functions, prints for models.
    kinds = {(c.exercise.name, c.visibility, c.kind) for c in checks}
    assert ("linear_backward", "public", "gradient") in kinds
    assert ("L_layer_model", "public", "prints") in kinds
    assert ("initialize_parameters", "hidden", "inputs") not in kinds  # int arguments only


def test_only_chosen_exercises_are_planned():
    chosen = [UNIT.exercise("predict"), UNIT.exercise("compute_cost")]
    checks = planning.plan("c1w4", chosen, hidden=True)
    assert [c.exercise.name for c in checks][0] == "predict"  # the order given
    assert {c.exercise.name for c in checks} == {"predict", "compute_cost"}


def test_the_hidden_count_is_what_a_hidden_run_adds():
    for chosen in (UNIT.exercises, [UNIT.exercise("linear_backward")], []):
        public = planning.plan("c1w4", chosen)
        hidden = planning.plan("c1w4", chosen, hidden=True)
        assert planning.hidden_count("c1w4", chosen) == len(hidden) - len(public)
    assert planning.hidden_count("c1w4", [UNIT.exercise("linear_backward")]) == 3


def test_every_planned_kind_has_a_flow():
    for check in planning.plan("c1w4", UNIT.exercises, hidden=True):
        assert (check.visibility, check.kind) in planning.FLOWS


def test_declarations_are_read_from_the_units_grading_package():
    checks, mistakes = planning.declarations("c1w4")
    assert list(checks) == [ex.name for ex in UNIT.exercises]
    assert all(mid.split(".", 1)[0] in checks for mid in mistakes)


def test_unit_of_requires_a_single_unit():
    assert planning.unit_of(UNIT.exercises[:2]) is UNIT
    from course.units import Exercise

    other = Exercise("c1w3", "layer_sizes", "planar", 1, "planar")
    with pytest.raises(ValueError):
        planning.unit_of([UNIT.exercises[0], other])
