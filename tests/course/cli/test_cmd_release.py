"""``amiq release``: a student bundle without reference, hidden checks or data; it still grades.

Grading inside the bundle runs in a fresh interpreter started with ``-S``: no ``.pth`` file is
read, so this checkout's editable install cannot stand in for files the bundle lacks (only the
environment's site-packages, for NumPy and pytest, is put on the path).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.authoring.release import (bundle_problems, example_output_lines, key_texts,
                                      published_lines, solution_only_lines)
from course.authoring.stubs import render_unit
from course.units import all_units, get_unit

ROOT = Path(__file__).resolve().parents[3]
EXERCISES = get_unit("c1w4").exercises


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from course.cli.main import main

    out = tmp_path_factory.mktemp("release") / "student"
    assert main(["--lang", "en", "release", str(out)]) == 0
    return out


def test_bundle_has_no_instructor_material(bundle):
    # As the release does: the examples and the printed outputs the notebooks show are public.
    published = published_lines(ROOT / "course", list(all_units()))
    for notebook in bundle.glob("course/*/notebooks/*.ipynb"):
        published |= example_output_lines(notebook)
    assert bundle_problems(bundle, ROOT / "solutions", published) == []
    assert not (bundle / "solutions").exists()
    assert not (bundle / "grader/build").exists() and not (bundle / "course/authoring").exists()
    assert not list(bundle.rglob(".grader-key")) and not list(bundle.rglob("*.h5"))
    assert not list(bundle.rglob("hidden_cases.py")) and not list(bundle.rglob("mutants.py"))
    marker_lines = [
        path for path in bundle.rglob("*") if path.is_file() and path.suffix in (".py", ".toml")
        and any(line.strip().startswith(("# BEGIN SOLUTION", "# END SOLUTION"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert marker_lines == []


@pytest.mark.parametrize("unit_id", list(all_units()))
def test_bundle_has_the_public_grading_material_of_each_unit(bundle, unit_id):
    grading = bundle / "course" / unit_id / "grading"
    public = [p.name for p in (ROOT / "course" / unit_id / "grading").glob("*.py")
              if p.name != "examples.py"]
    assert {"__init__.py", "checks.py", "cases.py", "mistakes.py"} <= set(public)
    for name in public:
        assert (grading / name).read_text() == (
            ROOT / "course" / unit_id / "grading" / name).read_text()
    stored = sorted(p.name for p in (grading / "expected").glob("*.json"))
    assert stored == sorted(f"{ex.name}.json" for ex in get_unit(unit_id).exercises)
    assert (bundle / "course" / unit_id / "unit.py").is_file()
    assert (bundle / "course/units.py").is_file()
    # The pages' examples are input of the docs tool only; they quote solution lines.
    assert not (grading / "examples.py").exists()
    from course.toml_reader import tomllib  # tomli on Python 3.10

    with open(bundle / "pyproject.toml", "rb") as fh:
        assert "*.json" in tomllib.load(fh)["tool"]["setuptools"]["package-data"]["*"]


def test_bundle_has_no_marker_text_at_all(bundle):
    mentions = [path for path in bundle.rglob("*.py")
                if "BEGIN SOLUTION" in path.read_text(encoding="utf-8")]
    assert mentions == []


def test_solution_code_lines_are_found_only_in_regions():
    secret = solution_only_lines(ROOT / "solutions")
    assert "Z = np.dot(W, A) + b" in secret
    assert 'parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))' not in secret  # provided too


def test_bundle_has_fresh_stubs_readme_pyproject_and_data_notes(bundle):
    for name, text in render_unit(ROOT / "solutions", "c1w4").items():
        assert (bundle / "course/c1w4" / name).read_text(encoding="utf-8") == text
    assert (bundle / "grader" / "cli.py").is_file() and (bundle / "course/cli/cmd_grade.py").is_file()
    assert "amiq grade" in (bundle / "README.md").read_text()
    pyproject = (bundle / "pyproject.toml").read_text()
    assert 'include = ["course*", "grader*"]' in pyproject and "solutions" not in pyproject
    assert (bundle / "datasets/SHA256SUMS").is_file()
    assert (bundle / "course/locale/ar/LC_MESSAGES").is_dir()


def test_published_example_lines_are_not_leaks(tmp_path):
    line = "A2, cache = forward_propagation(X, parameters)"
    assert line in solution_only_lines(ROOT / "solutions")  # inside nn_model's solution
    assert line in published_lines(ROOT / "course", ["c1w3"])  # and in an example
    (tmp_path / "notes.py").write_text(f"    {line}\n")
    assert bundle_problems(tmp_path, ROOT / "solutions") != []
    assert bundle_problems(tmp_path, ROOT / "solutions", {line}) == []


def test_leak_detection_finds_planted_material(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions/x.py").write_text("")
    (tmp_path / "a.py").write_text("# BEGIN SOLUTION\n")
    (tmp_path / "d.h5").write_bytes(b"")
    (tmp_path / "b.py").write_text("    Z = np.dot(W, A) + b\n")
    (tmp_path / "grader/build").mkdir(parents=True)
    (tmp_path / "grader/build/expected.py").write_text("")
    (tmp_path / "course").mkdir()
    (tmp_path / "course/.grader-key").write_text("00")
    (tmp_path / "course/train").mkdir(parents=True)
    (tmp_path / "course/train/fast.py").write_text("")
    problems = "\n".join(bundle_problems(tmp_path, ROOT / "solutions"))
    assert "reference solutions" in problems and "marker" in problems and "data file" in problems
    assert "b.py: reference solution code" in problems
    assert "grader/build: instructor-only grader files" in problems
    assert "course/.grader-key: instructor-only grader files" in problems
    assert "course/train/fast.py: instructor-only trainer" in problems


def test_bundle_has_no_fast_trainer_and_says_so(bundle, synthetic_data_dir, tmp_path):
    assert (ROOT / "course/train/fast.py").is_file()
    assert not (bundle / "course/train/fast.py").exists()
    assert (bundle / "course/train/engines.py").is_file()
    # From the bundle, as on a student's machine: the fast engine is explained, and a sweep
    # trains the student's functions by default (here: the unfilled stubs).
    code = ("import sys; sys.modules['solutions'] = None; "
            "from course.cli.main import main; sys.exit(main(sys.argv[1:]))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    common = ["--synthetic", "--data-dir", str(synthetic_data_dir), "--iterations", "2",
              "--out", str(tmp_path)]
    runs = {}
    for name, args in (("train", ["train", "--engine", "fast"]), ("sweep", ["sweep"])):
        runs[name] = subprocess.run([sys.executable, "-c", code, "--lang", "en", *args, *common],
                                    cwd=bundle, env=env, capture_output=True, text=True,
                                    timeout=300)
    assert runs["train"].returncode == 2, runs["train"].stderr
    assert "fast engine is not installed here" in runs["train"].stderr
    assert "--engine student" in runs["train"].stderr
    assert runs["sweep"].returncode == 2, runs["sweep"].stderr
    assert "Not attempted yet" in runs["sweep"].stderr


def test_non_empty_target_is_refused_then_backed_up_with_force(amiq, tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    refused = amiq("--lang", "en", "release", target)
    assert refused.code == 2 and "--force" in refused.err
    assert (target / "notes.txt").read_text() == "keep me"
    forced = amiq("--lang", "en", "release", target, "--force")
    assert forced.code == 0, forced.err
    [kept] = (tmp_path / ".amiq-backups").rglob("notes.txt")
    assert kept.read_text() == "keep me" and (target / "course").is_dir()


@pytest.mark.parametrize("target", [".", "course/bundle", ".."])
def test_unsafe_targets_are_refused(amiq, target):
    result = amiq("--lang", "en", "release", ROOT / target, "--force")
    assert result.code == 2 and "Refusing" in result.err


def test_arabic_error_for_non_empty_target(amiq, tmp_path):
    (tmp_path / "x").write_text("")
    result = amiq("--lang", "ar", "release", tmp_path)
    assert result.code == 2 and "ليس فارغًا" in result.err


def _run_in_bundle(bundle, *argv, cwd=None):
    # Run from the bundle with the instructor's packages made unimportable, as on a student's
    # machine (an editable install of this checkout would otherwise still expose them).
    code = ("import sys; sys.modules.update(dict.fromkeys(('solutions', 'course.authoring', "
            "'grader.build'))); from course.cli.main import main; sys.exit(main(sys.argv[1:]))")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AMIQ_LANG")}
    return subprocess.run([sys.executable, "-c", code, *argv], cwd=cwd or bundle, env=env,
                          capture_output=True, text=True, timeout=300)


def test_bundle_stubs_grade_to_zero_without_solutions(bundle, tmp_path):
    report_path = tmp_path / "report.json"
    proc = _run_in_bundle(bundle, "--lang", "en", "grade", "--format", "json", "--submission",
                          str(bundle / "course" / "c1w4"), "--output", str(report_path))
    assert report_path.is_file(), proc.stderr
    report = json.loads(report_path.read_text())
    assert report["score"] == 0 and report["max_score"] > 0
    assert [e["id"] for e in report["exercises"]] == [e.id for e in get_unit("c1w4").exercises]
    assert {e["status"] for e in report["exercises"]} == {"not_attempted"}
    assert report["hidden_pending"] > 0  # students are told how many hidden checks exist
    assert proc.returncode == 1


def test_bundle_lists_its_units_and_hides_instructor_commands(bundle):
    units = _run_in_bundle(bundle, "--lang", "en", "units")
    assert units.returncode == 0, units.stderr
    assert "c1w4.linear_forward" in units.stdout
    listing = _run_in_bundle(bundle, "--lang", "en", "--help").stdout
    assert "    grade " in listing and "    units " in listing
    for command in ("stubs", "release", "expected", "docs"):
        assert f"    {command} " not in listing
    refused = _run_in_bundle(bundle, "--lang", "en", "expected", "--check")
    assert refused.returncode == 2 and "is not available" in refused.stderr
    assert "غير متاح" in refused.stderr


def test_release_inside_the_bundle_is_bad_input(bundle, tmp_path):
    target = tmp_path / "again"
    refused = _run_in_bundle(bundle, "--lang", "ar", "release", str(target))
    assert refused.returncode == 2, refused.stderr
    assert "amiq release is not available" in refused.stderr and "غير متاح" in refused.stderr
    assert "Traceback" not in refused.stderr and not target.exists()


def test_unit_without_reference_is_refused(amiq, tmp_path, second_unit):
    refused = amiq("--lang", "en", "release", tmp_path / "toy", "--unit", second_unit)
    assert refused.code == 2 and f"No reference solutions for unit {second_unit}" in refused.err
    assert not (tmp_path / "toy").exists()


def test_one_unit_bundle_leaves_the_other_units_out(tmp_path, second_unit):
    import shutil

    from course.authoring.release import build_release

    # A checkout whose course/ holds a second installed unit beside c1w4.
    checkout = tmp_path / "checkout"
    for name in ("course", "grader", "solutions"):
        shutil.copytree(ROOT / name, checkout / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", checkout / "pyproject.toml")
    shutil.copytree(tmp_path / "course" / second_unit, checkout / "course" / second_unit)
    out, _backup, shipped = build_release(tmp_path / "one", checkout, unit_ids=["c1w4"])
    assert shipped == ["c1w4"]
    assert (out / "course/c1w4/step_by_step.py").is_file()
    assert not (out / "course" / second_unit).exists()
    assert "c1w4" in (out / "README.md").read_text() and second_unit not in (
        out / "README.md").read_text()


def test_every_installed_unit_is_shipped_by_default(bundle):
    shipped = {p.name for p in (bundle / "course").iterdir() if (p / "unit.py").is_file()}
    assert shipped == set(all_units())


def test_bundle_packages_the_glossary_and_explains_notebooks_and_lessons(bundle):
    from course.toml_reader import tomllib  # tomli on Python 3.10

    with open(bundle / "pyproject.toml", "rb") as fh:
        package_data = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["*"]
    assert "*.csv" in package_data and (bundle / "course/glossary.csv").is_file()
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    assert 'grader.check("' in readme and "amiq units" in readme


def test_bundle_has_the_quiz_but_not_its_key(bundle):
    for unit in ("c1w3", "c1w4"):
        assert (bundle / "course" / unit / "quiz.py").read_text(encoding="utf-8") == \
            (ROOT / "course" / unit / "quiz.py").read_text(encoding="utf-8")
    assert (bundle / "course/quiz/sheet.py").is_file() and (bundle / "grader/quiz.py").is_file()
    assert not list(bundle.rglob("quiz_key*")) and not (bundle / "solutions").exists()
    explanations = key_texts(ROOT / "solutions")
    assert len(explanations) > 40  # English and Arabic of every explanation
    for path in bundle.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".po", ".md", ".toml", ".txt", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not [t for t in explanations if t in text], path


def test_a_planted_quiz_key_or_explanation_is_caught(tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course/quiz_key.py").write_text("KEY = {}\n")
    stated = max(key_texts(ROOT / "solutions"), key=len)
    # Split over quoted lines, as a catalogue and a module would write it.
    half = stated.rindex(" ", 0, len(stated) // 2) + 1
    (tmp_path / "course/notes.po").write_text(
        f'msgid ""\n"{stated[:half]}"\n"{stated[half:]}"\nmsgstr "x"\n', encoding="utf-8")
    (tmp_path / "course/notes.py").write_text(
        f'from course.i18n import N_\nWHY = N_(\n    "{stated[:half]}"\n    "{stated[half:]}")\n',
        encoding="utf-8")
    (tmp_path / "course/notes.md").write_text(f"{stated[:half]}\n{stated[half:]}\n",
                                              encoding="utf-8")
    problems = "\n".join(bundle_problems(tmp_path, ROOT / "solutions"))
    assert "course/quiz_key.py: quiz answer key" in problems
    for name in ("notes.po", "notes.py", "notes.md"):
        assert f"course/{name}: quiz answer key explanation" in problems


def test_an_instructors_own_answers_file_is_not_shipped(tmp_path):
    import shutil

    from course.authoring.release import build_release

    checkout = tmp_path / "checkout"
    for name in ("course", "grader", "solutions"):
        shutil.copytree(ROOT / name, checkout / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", checkout / "pyproject.toml")
    (checkout / "course/c1w4/quiz_answers.toml").write_text('[quiz]\nunit = "c1w4"\n')
    (checkout / "course/c1w4/lab_choice.toml").write_text('[lab]\nunit = "c1w4"\n')
    out, _backup, _units = build_release(tmp_path / "bundle", checkout, unit_ids=["c1w4"])
    assert (out / "course/c1w4/quiz.py").is_file()
    assert (out / "course/c1w4/grading/lab.py").is_file()  # the lab's declaration ships
    assert not (out / "course/c1w4/quiz_answers.toml").exists()
    assert not (out / "course/c1w4/lab_choice.toml").exists()


@pytest.mark.parametrize("lang, words", [
    ("en", ("graded by the instructor", "0 questions of 13 answered")),
    ("ar", ("يصحّح المعلّم", "لم يُجَب عن أي سؤال من")),
])
def test_in_the_bundle_the_quiz_template_is_written_and_grading_only_checks_it(
        bundle, tmp_path, lang, words):
    answers = tmp_path / "quiz_answers.toml"
    made = _run_in_bundle(bundle, "--lang", lang, "quiz", "template", "--unit", "c1w4",
                          "--student", "s2024017", "--output", str(answers))
    assert made.returncode == 0, made.stderr
    checked = _run_in_bundle(bundle, "--lang", lang, "grade", "quiz", "--answers", str(answers))
    assert checked.returncode == 0, checked.stderr
    assert "Traceback" not in checked.stderr
    for word in words:
        assert word in checked.stdout, word
