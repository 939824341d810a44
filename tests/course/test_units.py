"""The unit registry: manifests, qualified ids, resolving bare names, bilingual errors."""

from course.cli.output import texts
import pytest

from course import units
from course.cli.output import texts
from course.units import Assignment, Exercise, Unit, UnitError

C1W4 = units.get_unit("c1w4")


def test_c1w4_is_registered_from_its_manifest():
    assert list(units.all_units()) == ["c1w3", "c1w4"]  # course order
    assert units.default_unit(["c1w4"]) is C1W4
    assert (C1W4.course, C1W4.week, C1W4.package, C1W4.reference_package) == (
        1, 4, "course.c1w4", "solutions.c1w4")
    assert C1W4.submission_modules == ("step_by_step", "cat_classifier")
    assert C1W4.provided_modules == ("dnn_helpers",)
    assert units.unit_dir("c1w4") == units.COURSE_DIR / "c1w4"


def test_the_installed_units_share_bare_names_that_only_qualified_ids_tell_apart(lang):
    lang("en")
    c1w3 = units.get_unit("c1w3")
    assert (c1w3.course, c1w3.week, c1w3.submission_modules) == (1, 3, ("planar_classifier",))
    shared = {ex.name for ex in c1w3.exercises} & {ex.name for ex in C1W4.exercises}
    assert {"compute_cost", "update_parameters", "predict"} <= shared
    for name in sorted(shared):
        with pytest.raises(UnitError, match="defined by several units"):
            units.resolve(name)
        assert units.resolve(f"c1w3.{name}").unit == "c1w3"
        assert units.resolve(name, "c1w4").unit == "c1w4"
    with pytest.raises(UnitError, match="Several units are installed"):
        units.default_unit()


def test_exercises_are_numbered_in_course_order_across_assignments():
    names = [ex.name for ex in C1W4.exercises]
    assert names[:3] == ["initialize_parameters", "initialize_parameters_deep", "linear_forward"]
    assert names[-3:] == ["two_layer_model", "L_layer_model", "predict"]
    assert [ex.number for ex in C1W4.exercises] == list(range(1, 14))
    predict = C1W4.exercise("predict")
    assert (predict.id, predict.module, predict.assignment, predict.depends_on) == (
        "c1w4.predict", "cat_classifier", "cat_classifier", ("L_model_forward",))
    assert C1W4.exercise("linear_forward").depends_on == ()


def test_every_dependency_names_an_exercise_of_the_unit():
    names = {ex.name for ex in C1W4.exercises}
    for ex in C1W4.exercises:
        assert set(ex.depends_on) <= names, ex.name
        assert all(C1W4.exercise(d).number < ex.number for d in ex.depends_on), ex.name


def test_module_of_knows_exercises_and_provided_functions():
    assert C1W4.module_of("linear_forward") == "step_by_step"
    assert C1W4.module_of("predict") == "cat_classifier"
    assert C1W4.module_of("relu_backward") == "dnn_helpers"
    assert C1W4.module_of("initialize_parameters_deep_scaled") == "cat_classifier"
    assert C1W4.module_of("nope") is None


@pytest.mark.parametrize("name", ["linear_forward", "c1w4.linear_forward"])
def test_resolve_accepts_bare_and_qualified_ids(name):
    assert units.resolve(name) is C1W4.exercise("linear_forward")
    assert units.resolve(name, "c1w4").id == "c1w4.linear_forward"
    assert C1W4.exercise(name).name == "linear_forward"


@pytest.mark.parametrize("call, words", [
    (lambda: units.resolve("nope"), ["Unknown exercise", "nope", "c1w4.predict"]),
    (lambda: units.resolve("c1w4.nope"), ["Unit c1w4 has no exercise nope", "predict"]),
    (lambda: units.get_unit("c9w9"), ["Unknown unit c9w9", "c1w4"]),
    (lambda: units.resolve("linear_forward", "c9w9"), ["Unknown unit c9w9"]),
])
def test_unknown_names_raise_a_unit_error_listing_what_exists(call, words, lang):
    lang("en")
    with pytest.raises(UnitError) as info:
        call()
    assert isinstance(info.value, KeyError)
    text = str(info.value)
    assert all(w in text for w in words), text
    english, other = texts(info.value, both=True)
    assert english == text and "\u2066" in other  # the other half is rendered for Arabic


@pytest.fixture
def two_units(monkeypatch):
    c1w3 = Unit(id="c1w3", course=1, week=3, title="Shallow",
                assignments=(Assignment("planar", "Planar", ("layer_sizes", "linear_forward")),),
                depends={"linear_forward": ("layer_sizes",)})
    found = {"c1w3": c1w3, "c1w4": C1W4}
    monkeypatch.setattr(units, "_discover", lambda: dict(found))
    return c1w3


def test_a_bare_name_of_two_units_is_ambiguous_until_qualified(two_units, lang):
    lang("en")
    with pytest.raises(UnitError) as info:
        units.resolve("linear_forward")
    text = str(info.value)
    assert "linear_forward is defined by several units (c1w3, c1w4)" in text
    assert "c1w3.linear_forward, c1w4.linear_forward" in text and "--unit" in text
    assert units.resolve("c1w3.linear_forward").unit == "c1w3"
    assert units.resolve("linear_forward", "c1w4").unit == "c1w4"
    assert units.resolve("layer_sizes") is two_units.exercise("layer_sizes")
    assert two_units.exercise("linear_forward").depends_on == ("layer_sizes",)


def test_a_qualified_id_of_another_unit_than_the_chosen_one_is_refused(two_units, lang):
    lang("en")
    with pytest.raises(UnitError, match="belongs to unit c1w3, not to the chosen unit c1w4"):
        units.resolve("c1w3.layer_sizes", "c1w4")


def test_with_several_units_there_is_no_default(two_units, lang):
    lang("en")
    with pytest.raises(UnitError, match="Several units are installed"):
        units.default_unit()
    assert units.default_unit(["c1w3"]) is two_units


def test_exercise_ids_are_qualified():
    ex = Exercise("c1w4", "linear_forward", "step_by_step", 3, "step_by_step")
    assert ex.id == "c1w4.linear_forward"
