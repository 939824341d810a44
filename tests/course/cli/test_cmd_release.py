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

from course.authoring.release import bundle_problems, solution_only_lines
from course.authoring.stubs import render_unit
from course.units import get_unit

ROOT = Path(__file__).resolve().parents[3]
EXERCISES = get_unit("c1w4").exercises


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from course.cli.main import main

    out = tmp_path_factory.mktemp("release") / "student"
    assert main(["--lang", "en", "release", str(out)]) == 0
    return out


def test_bundle_has_no_instructor_material(bundle):
    assert bundle_problems(bundle, ROOT / "solutions") == []
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


def test_bundle_has_the_public_grading_material_of_each_unit(bundle):
    grading = bundle / "course" / "c1w4" / "grading"
    for name in ("__init__.py", "checks.py", "cases.py", "mistakes.py", "gradients.py",
                 "hints.py"):
        assert (grading / name).read_text() == (ROOT / "course/c1w4/grading" / name).read_text()
    stored = sorted(p.name for p in (grading / "expected").glob("*.json"))
    assert stored == sorted(f"{ex.name}.json" for ex in EXERCISES)
    assert (bundle / "course/c1w4/unit.py").is_file() and (bundle / "course/units.py").is_file()
    # The pages' examples are input of the docs tool only; they quote solution lines.
    assert not (grading / "examples.py").exists()
    import tomllib

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
    assert (bundle / "grader" / "cli.py").is_file()
    assert "amiq grade" in (bundle / "README.md").read_text()
    pyproject = (bundle / "pyproject.toml").read_text()
    assert 'include = ["course*", "grader*"]' in pyproject and "solutions" not in pyproject
    assert (bundle / "datasets/SHA256SUMS").is_file()
    assert (bundle / "course/locale/ar/LC_MESSAGES").is_dir()


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
    problems = "\n".join(bundle_problems(tmp_path, ROOT / "solutions"))
    assert "reference solutions" in problems and "marker" in problems and "data file" in problems
    assert "b.py: reference solution code" in problems
    assert "grader/build: instructor-only grader files" in problems
    assert "course/.grader-key: instructor-only grader files" in problems


def test_non_empty_target_is_refused_then_backed_up_with_force(amiq, tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    refused = amiq("--lang", "en", "release", target)
    assert refused.code == 1 and "--force" in refused.err
    assert (target / "notes.txt").read_text() == "keep me"
    forced = amiq("--lang", "en", "release", target, "--force")
    assert forced.code == 0, forced.err
    [kept] = (tmp_path / ".amiq-backups").rglob("notes.txt")
    assert kept.read_text() == "keep me" and (target / "course").is_dir()


@pytest.mark.parametrize("target", [".", "course/bundle", ".."])
def test_unsafe_targets_are_refused(amiq, target):
    result = amiq("--lang", "en", "release", ROOT / target, "--force")
    assert result.code == 1 and "Refusing" in result.err


def test_arabic_error_for_non_empty_target(amiq, tmp_path):
    (tmp_path / "x").write_text("")
    result = amiq("--lang", "ar", "release", tmp_path)
    assert result.code == 1 and "ليس فارغًا" in result.err


def _grade_in_bundle(bundle, submission, report_path):
    """``amiq grade`` run from the bundle alone (``solutions`` and the checkout unreachable)."""
    import sysconfig

    site = sysconfig.get_paths()["purelib"]
    code = ("import sys; sys.path[:0] = [sys.argv.pop(1), sys.argv.pop(1)]; "
            "sys.modules['solutions'] = None; "
            "from course.cli.main import main; sys.exit(main(sys.argv[1:]))")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AMIQ_GRADER_KEY")}
    proc = subprocess.run(
        [sys.executable, "-S", "-c", code, str(bundle), site, "--lang", "en", "grade",
         "--format", "json", "--submission", str(submission), "--output", str(report_path)],
        cwd=bundle, env=env, capture_output=True, text=True, timeout=300,
    )
    assert report_path.is_file(), proc.stdout + proc.stderr
    return proc, json.loads(report_path.read_text())


def test_the_bundle_imports_nothing_from_this_checkout(bundle):
    import sysconfig

    code = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; "
            "import course, grader.runner.engine as e; print(course.__file__); print(e.__file__)")
    out = subprocess.run([sys.executable, "-S", "-c", code, str(bundle),
                          sysconfig.get_paths()["purelib"]], capture_output=True, text=True,
                         cwd=bundle, timeout=120)
    assert out.returncode == 0, out.stderr
    assert all(line.startswith(str(bundle)) for line in out.stdout.split())


def test_bundle_stubs_grade_to_zero_and_the_hidden_count_is_stated(bundle, tmp_path):
    from grader.plan import hidden_count

    proc, report = _grade_in_bundle(bundle, bundle / "course" / "c1w4", tmp_path / "r.json")
    assert report["mode"] == "public" and report["unit"] == "c1w4"
    assert report["score"] == 0 and report["max_score"] == 5 * len(EXERCISES)
    assert [e["id"] for e in report["exercises"]] == [e.id for e in EXERCISES]
    assert {e["status"] for e in report["exercises"]} == {"not_attempted"}
    assert report["hidden_pending"] == hidden_count("c1w4", EXERCISES) > 0
    summary = proc.stderr
    assert f"{report['hidden_pending']} hidden checks also run when your work is graded" in summary
    assert proc.returncode == 1


def test_the_reference_pasted_into_the_bundle_gets_full_public_marks(bundle, tmp_path):
    from grader.build import submissions

    folder = submissions.write(submissions.reference_sources(), tmp_path / "answers")
    proc, report = _grade_in_bundle(bundle, folder, tmp_path / "r.json")
    assert report["score"] == report["max_score"] == 5 * len(EXERCISES), proc.stderr
    assert {c["visibility"] for e in report["exercises"] for c in e["checks"]} == {"public"}
    assert "hidden checks run when your work is graded" in proc.stderr
    assert proc.returncode == 0


def test_hidden_grading_is_refused_in_the_bundle(bundle, tmp_path):
    import sysconfig

    code = ("import sys; sys.path[:0] = [sys.argv.pop(1), sys.argv.pop(1)]; "
            "sys.modules['solutions'] = None; "
            "from course.cli.main import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run(
        [sys.executable, "-S", "-c", code, str(bundle), sysconfig.get_paths()["purelib"],
         "--lang", "en", "grade", "--hidden", "--submission", str(bundle / "course" / "c1w4")],
        cwd=bundle, capture_output=True, text=True, timeout=300,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "only available to instructors" in proc.stderr


def test_bundle_packages_the_glossary_and_explains_notebooks_and_lessons(bundle):
    import tomllib

    with open(bundle / "pyproject.toml", "rb") as fh:
        package_data = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["*"]
    assert "*.csv" in package_data and (bundle / "course/glossary.csv").is_file()
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    assert 'grader.check("c1w4.linear_forward")' in readme
    assert "amiq grade --unit UNIT" in readme and "amiq units" in readme
    assert "| `c1w4` | `course/c1w4/step_by_step.py`, `course/c1w4/cat_classifier.py` |" in readme
    assert "website" in readme and not (bundle / "docs").exists()  # lessons are on the site
