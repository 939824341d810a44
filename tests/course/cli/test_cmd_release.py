"""``amiq release``: a student bundle without reference, hidden checks or data; it still grades."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.authoring.release import bundle_problems, solution_only_lines
from course.authoring.stubs import render_unit
from course.catalog import EXERCISES

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from course.cli.main import main

    out = tmp_path_factory.mktemp("release") / "student"
    assert main(["--lang", "en", "release", str(out)]) == 0
    return out


def test_bundle_has_no_instructor_material(bundle):
    assert bundle_problems(bundle, ROOT / "solutions") == []
    assert not (bundle / "solutions").exists()
    assert not (bundle / "grader" / "hidden").exists() and not (bundle / "grader/build").exists()
    assert not list(bundle.rglob("*.h5"))
    marker_lines = [
        path for path in bundle.rglob("*") if path.is_file() and path.suffix in (".py", ".toml")
        and any(line.strip().startswith(("# BEGIN SOLUTION", "# END SOLUTION"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert marker_lines == []


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
    problems = "\n".join(bundle_problems(tmp_path, ROOT / "solutions"))
    assert "reference solutions" in problems and "marker" in problems and "data file" in problems
    assert "b.py: reference solution code" in problems


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


def test_bundle_stubs_grade_to_zero_without_solutions(bundle, tmp_path):
    if not (ROOT / "grader" / "cli.py").is_file():
        pytest.skip("grader.cli (the grader engine) is not there yet")
    # Run from the bundle with `solutions` made unimportable, as on a student's machine (an
    # editable install of this checkout would otherwise still expose it).
    code = ("import sys; sys.modules['solutions'] = None; "
            "from course.cli.main import main; sys.exit(main(sys.argv[1:]))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    report_path = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-c", code, "--lang", "en", "grade", "--format", "json",
         "--submission", str(bundle / "course" / "c1w4"), "--output", str(report_path)],
        cwd=bundle, env=env, capture_output=True, text=True, timeout=300,
    )
    assert report_path.is_file(), proc.stderr
    report = json.loads(report_path.read_text())
    assert report["score"] == 0 and report["max_score"] > 0
    assert [e["id"] for e in report["exercises"]] == [e.id for e in EXERCISES]
    assert {e["status"] for e in report["exercises"]} == {"not_attempted"}
    assert proc.returncode == 1


def test_bundle_ships_the_hidden_check_count(bundle):
    from course.authoring.release import hidden_check_counts

    data = json.loads((bundle / "grader/public/c1w4/hidden_checks.json").read_text("utf-8"))
    counts = hidden_check_counts(ROOT / "grader", "c1w4")
    assert data["by_exercise"] == counts and data["count"] == sum(counts.values())
    # every graded exercise has hidden checks in this checkout
    assert data["count"] >= len([ex for ex in EXERCISES if ex.unit == "c1w4"]) > 0


def test_bundle_packages_the_glossary_and_explains_notebooks_and_lessons(bundle):
    from course.authoring.release import tomllib  # tomli on Python 3.10

    with open(bundle / "pyproject.toml", "rb") as fh:
        package_data = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["*"]
    assert "*.csv" in package_data and (bundle / "course/glossary.csv").is_file()
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    assert 'grader.check("' in readme and "mkdocs serve -f docs/mkdocs.yml" in readme
