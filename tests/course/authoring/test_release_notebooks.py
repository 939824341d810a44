"""The student bundle carries every unit's notebooks, freshly built, without their sources, and its
leak scan reads notebook cells (where JSON would otherwise hide a line of solution code)."""

import json
from pathlib import Path

import nbformat
import pytest

from course.authoring import notebooks as nbb
from course.authoring.release import (bundle_problems, build_release, example_output_lines,
                                      published_lines, solution_only_lines)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("release-notebooks") / "student"
    build_release(out, ROOT)
    return out


def test_every_unit_ships_its_notebooks_in_both_languages_without_sources(bundle):
    units = nbb.units_with_notebooks()
    assert {"c1w3", "c1w4"} <= set(units)
    for unit in units:
        folder = bundle / "course" / unit / nbb.SOURCE_FOLDER
        expected = {nbb.notebook_name(a.id, lang)
                    for a in nbb.assignments_with_sources(unit) for lang in nbb.LANGUAGES}
        assert {p.name for p in folder.iterdir()} == expected
        for name in expected:
            shipped = nbformat.read(folder / name, as_version=4)
            assignment, lang = name.split(".")[:2]
            assert shipped.metadata["amiq"] == {"unit": unit, "assignment": assignment, "lang": lang}
            assert nbb.differences(shipped, nbb.build_notebook(unit, assignment, lang)) == []


def test_the_bundle_readme_points_to_the_notebooks(bundle):
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    english, arabic = readme.split("\n---\n", 1)
    assert ".ar.ipynb" in english and ".ar.ipynb" in arabic
    assert "JupyterLab" in english and "JupyterLab" in arabic


def _published(bundle):
    """What the release counts as public: the examples, and what they print in the notebooks."""
    lines = published_lines(ROOT / "course", nbb.units_with_notebooks())
    for notebook in (bundle / "course").rglob("*.ipynb"):
        lines |= example_output_lines(notebook)
    return lines


def test_the_bundle_has_no_instructor_material(bundle):
    assert bundle_problems(bundle, ROOT / "solutions", _published(bundle)) == []


def test_what_an_example_prints_is_public_though_it_reads_like_a_solution_line(bundle):
    # layer_sizes' example prints "n_h = 4", which is also a line of its solution.
    notebooks = sorted((bundle / "course" / "c1w3" / "notebooks").glob("*.ipynb"))
    line = "n_h = 4"
    assert line in solution_only_lines(ROOT / "solutions")
    for notebook in notebooks:
        printed = example_output_lines(notebook)
        assert line in printed and not any(p.startswith("```") for p in printed)
    # Without the printed outputs counted as public, the release would refuse its own notebooks.
    examples_only = published_lines(ROOT / "course", nbb.units_with_notebooks())
    refused = bundle_problems(bundle, ROOT / "solutions", examples_only)
    assert refused == [f"course/c1w3/notebooks/{n.name}: reference solution code ({line!r})"
                       for n in notebooks]


def test_the_bundle_readme_points_to_the_notebooks(bundle):
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    english, arabic = readme.split("\n---\n", 1)
    assert ".ar.ipynb" in english and ".ar.ipynb" in arabic
    assert "JupyterLab" in english and "JupyterLab" in arabic


def _published(bundle):
    """What the release counts as public: the examples, and what they print in the notebooks."""
    lines = published_lines(ROOT / "course", nbb.units_with_notebooks())
    for notebook in (bundle / "course").rglob("*.ipynb"):
        lines |= example_output_lines(notebook)
    return lines


def test_the_bundle_has_no_instructor_material(bundle):
    assert bundle_problems(bundle, ROOT / "solutions", _published(bundle)) == []


def test_what_an_example_prints_is_public_but_the_same_line_as_code_is_a_leak(bundle, tmp_path):
    # layer_sizes' example prints "n_h = 4", which reads like the solution line n_h = 4.
    printed = example_output_lines(bundle / "course/c1w3/notebooks/planar_classifier.en.ipynb")
    line = "n_h = 4"
    assert line in printed and line in solution_only_lines(ROOT / "solutions")
    assert "```text" not in printed and "```" not in printed  # only the printed block is read
    notebook = json.loads((bundle / "course/c1w3/notebooks/planar_classifier.en.ipynb")
                          .read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "code", "id": "leak", "metadata": {}, "outputs": [],
                              "execution_count": None, "source": [line]})
    leaky = tmp_path / "bundle" / "course" / "leaky.ipynb"
    leaky.parent.mkdir(parents=True)
    leaky.write_text(json.dumps(notebook), encoding="utf-8")
    assert "n_h = 4" not in example_output_lines(leaky) - printed
    assert bundle_problems(tmp_path / "bundle", ROOT / "solutions", _published(bundle) - {line}) \
        == [f"course/leaky.ipynb: reference solution code ({line!r})"]


def test_a_line_of_solution_code_in_a_notebook_cell_is_caught(bundle, tmp_path):
    secret = sorted(solution_only_lines(ROOT / "solutions"))[0]
    path = next((bundle / "course").rglob("*.ipynb"))
    leaky = tmp_path / "bundle" / "course" / path.name
    leaky.parent.mkdir(parents=True)
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "code", "id": "leak", "metadata": {}, "outputs": [],
                              "execution_count": None, "source": ["x = 1\n", "    " + secret]})
    leaky.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    # The line is in the file only as a JSON string, so a plain line scan would miss it.
    assert secret not in {line.strip() for line in leaky.read_text().splitlines()}
    problems = bundle_problems(tmp_path / "bundle", ROOT / "solutions")
    assert problems == [f"course/{path.name}: reference solution code ({secret!r})"]
