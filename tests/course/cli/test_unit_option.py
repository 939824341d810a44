"""``--unit`` everywhere: an unknown unit is a bilingual error; a bare id must be unambiguous."""

import pytest

from course.units import all_units

COMMANDS_WITH_UNIT = [["units"], ["grade"], ["stubs", "--check"], ["expected", "--check"],
                      ["release", "out"]]


@pytest.mark.parametrize("command", COMMANDS_WITH_UNIT)
def test_unknown_unit_is_a_bilingual_error(amiq, tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)  # release would write out/ here
    result = amiq("--lang", "en", *command, "--unit", "c0w0")
    assert result.code == 2, result.err
    lines = result.err.strip().splitlines()
    assert lines[0] == ("error: Unknown unit c0w0. Installed units: "
                        f"{', '.join(all_units())}.")
    assert lines[1].startswith("خطأ: الوحدة الدراسية") and "c0w0" in lines[1]
    assert not (tmp_path / "out").exists()


def test_an_ambiguous_bare_id_names_the_units_that_define_it(amiq, second_unit):
    result = amiq("--lang", "en", "grade", "compute_cost")
    assert result.code == 2
    english, arabic = result.err.strip().splitlines()
    assert english == (f"error: compute_cost is defined by several units (c1w3, c1w4, "
                       f"{second_unit}): write c1w3.compute_cost, c1w4.compute_cost, "
                       f"{second_unit}.compute_cost, or choose the unit with --unit.")
    assert arabic.startswith("خطأ: ") and "وحدات دراسية" in arabic and second_unit in arabic


def test_a_qualified_id_of_another_unit_is_refused(amiq, second_unit):
    result = amiq("--lang", "ar", "grade", "--unit", "c1w4", f"{second_unit}.compute_cost")
    assert result.code == 2
    arabic, english = result.err.strip().splitlines()
    assert arabic.startswith("خطأ: ") and english == (
        f"error: {second_unit}.compute_cost belongs to unit {second_unit}, not to the chosen "
        "unit c1w4.")


def test_several_installed_units_need_a_choice(amiq, second_unit):
    result = amiq("--lang", "en", "grade")
    assert result.code == 2 and "Several units are installed" in result.err
    assert "اختر" in result.err


def test_a_bare_id_unknown_in_the_chosen_unit(amiq):
    result = amiq("--lang", "en", "grade", "--unit", "c1w4", "no_such_exercise")
    assert result.code == 2
    assert "Unit c1w4 has no exercise no_such_exercise" in result.err and "خطأ: " in result.err
