"""``amiq stubs``: check and regenerate, backing up changed files."""

import pytest

REFERENCE = "def f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "solutions/u1").mkdir(parents=True)
    (tmp_path / "solutions/u1/__init__.py").write_text("")
    (tmp_path / "solutions/u1/ex.py").write_text(REFERENCE)
    return tmp_path


def _args(tree, *extra):
    return ("--lang", "en", "stubs", "--unit", "u1", "--solutions-dir", tree / "solutions",
            "--course-dir", tree / "course", *extra)


def test_project_stubs_are_up_to_date(amiq):
    result = amiq("--lang", "en", "stubs", "--check")
    assert result.code == 0, result.out
    assert "up to date" in result.out


def test_check_lists_drift_and_writes_nothing(amiq, tree):
    result = amiq(*_args(tree, "--check"))
    assert result.code == 1 and "ex.py" in result.out and "amiq stubs" in result.out
    assert not (tree / "course").exists()


def test_regenerate_backs_up_the_students_file(amiq, tree):
    assert amiq(*_args(tree)).code == 0
    (tree / "course/u1/ex.py").write_text("my work\n")
    result = amiq(*_args(tree))
    assert result.code == 0 and "Backed up" in result.out
    [backup] = (tree / ".amiq-backups").rglob("ex.py")
    assert backup.read_text() == "my work\n"
    assert amiq(*_args(tree, "--check")).code == 0


@pytest.mark.parametrize("lang, expected", [("en", "No reference solutions"),
                                            ("ar", "لا حلول مرجعية")])
def test_an_installed_unit_without_reference_is_a_translated_error(amiq, tree, lang, expected):
    result = amiq("--lang", lang, "stubs", "--unit", "c1w4", "--solutions-dir",
                  tree / "solutions", "--course-dir", tree / "course")
    assert result.code == 1 and expected in result.err


def test_a_unit_neither_installed_nor_in_the_solutions_folder_is_unknown(amiq, tree):
    result = amiq("--lang", "en", "stubs", "--unit", "zz", "--solutions-dir", tree / "solutions",
                  "--course-dir", tree / "course")
    assert result.code == 2 and "Unknown unit zz" in result.err and "خطأ" in result.err


def test_default_is_every_installed_unit_with_a_reference(amiq, tree):
    # The tree's u1 is not installed (no manifest) and c1w4 has no reference there.
    result = amiq("--lang", "en", "stubs", "--check", "--solutions-dir", tree / "solutions",
                  "--course-dir", tree / "course")
    assert result.code == 1 and "No installed unit has reference solutions in" in result.err
    assert "The stubs of c1w4 are up to date." in amiq("--lang", "en", "stubs", "--check").out


def test_several_units_in_one_run(amiq, tree):
    (tree / "solutions/u2").mkdir()
    (tree / "solutions/u2/ex2.py").write_text(REFERENCE)
    result = amiq("--lang", "en", "stubs", "--unit", "u1", "--unit", "u2", "--solutions-dir",
                  tree / "solutions", "--course-dir", tree / "course")
    assert result.code == 0
    assert (tree / "course/u1/ex.py").is_file() and (tree / "course/u2/ex2.py").is_file()
    check = amiq("--lang", "en", "stubs", "--check", "--unit", "u1", "--unit", "u2",
                 "--solutions-dir", tree / "solutions", "--course-dir", tree / "course")
    assert check.code == 0 and check.out.count("are up to date") == 2


def test_malformed_markers_are_reported_without_traceback(amiq, tree):
    (tree / "solutions/u1/ex.py").write_text("# END SOLUTION\n")
    result = amiq(*_args(tree))
    assert result.code == 1 and "without" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("drifted, ending", [(1, "لإعادة توليده."), (2, "لإعادة توليدهما."),
                                             (3, "لإعادة توليدها.")])
def test_arabic_check_agrees_with_the_count(amiq, tmp_path, drifted, ending):
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    course = tmp_path / "course"
    shutil.copytree(root / "course" / "c1w4", course / "c1w4")
    for name in ("step_by_step.py", "cat_classifier.py", "dnn_helpers.py")[:drifted]:
        with open(course / "c1w4" / name, "a", encoding="utf-8") as fh:
            fh.write("# my change\n")
    result = amiq("--lang", "ar", "stubs", "--check", "--unit", "c1w4", "--course-dir", course)
    assert result.code == 1
    assert result.out.strip().splitlines()[-1].endswith(ending)
