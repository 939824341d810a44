"""``amiq units``: every installed unit, its data, assignments and exercises (text and JSON)."""

import json

from course.units import all_units, get_unit


def test_text_lists_every_exercise_with_its_number_and_qualified_id(amiq):
    result = amiq("--lang", "en", "units")
    assert result.code == 0, result.err
    unit = get_unit("c1w4")
    assert "c1w4: Deep neural networks (course 1, week 4)" in result.out
    assert "Data: cat vs non-cat images" in result.out
    assert "Assignment step_by_step: Building a deep neural network, step by step" in result.out
    for ex in unit.exercises:
        assert f"{ex.number:>3}. {ex.id}\n" in result.out
    # exercises follow their assignment's heading
    assert result.out.index("Assignment cat_classifier") < result.out.index("c1w4.predict")
    assert result.out.index("c1w4.update_parameters") < result.out.index("Assignment cat_class")


def test_text_in_arabic(amiq):
    result = amiq("--lang", "ar", "units")
    assert result.code == 0
    assert "الشبكات العصبية العميقة" in result.out and "الواجب" in result.out
    assert "Deep neural networks" not in result.out
    assert "\u2066c1w4.linear_forward\u2069" in result.out  # ids stay left-to-right


def test_json_describes_the_registry(amiq):
    result = amiq("--lang", "ar", "units", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [u["id"] for u in data["units"]] == list(all_units())
    [c1w4] = [u for u in data["units"] if u["id"] == "c1w4"]
    assert c1w4["title"] == {"ar": "الشبكات العصبية العميقة", "en": "Deep neural networks"}
    exercises = [ex for a in c1w4["assignments"] for ex in a["exercises"]]
    unit = get_unit("c1w4")
    assert [(e["id"], e["number"], e["module"]) for e in exercises] == [
        (ex.id, ex.number, ex.module) for ex in unit.exercises]
    assert [a["id"] for a in c1w4["assignments"]] == list(unit.submission_modules)


def test_a_second_unit_is_listed_and_can_be_selected(amiq, second_unit):
    every = json.loads(amiq("units", "--json").out)
    assert [u["id"] for u in every["units"]] == ["c1w3", "c1w4", second_unit]
    [toy] = json.loads(amiq("units", "--json", "--unit", second_unit).out)["units"]
    assert [e["id"] for e in toy["assignments"][0]["exercises"]] == [
        f"{second_unit}.compute_cost", f"{second_unit}.toy_only"]
    text = amiq("--lang", "en", "units", "--unit", second_unit).out
    assert text.startswith(f"{second_unit}: A toy unit (course 9, week 9)") and "c1w4" not in text
