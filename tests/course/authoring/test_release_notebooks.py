"""The student bundle carries every unit's notebooks, freshly built, without their sources, and its
leak scan reads notebook cells (where JSON would otherwise hide a line of solution code)."""

import json
from pathlib import Path

import nbformat
import pytest

from course.authoring import notebooks as nbb
from course.authoring.release import bundle_problems, build_release, solution_only_lines

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("release-notebooks") / "student"
    build_release(out, ROOT)
    return out


def test_every_unit_ships_its_notebooks_in_both_languages_without_sources(bundle):
    units = nbb.units_with_notebooks()
    assert units, "no unit has notebook sources"
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


def test_the_bundle_has_no_instructor_material(bundle):
    assert bundle_problems(bundle, ROOT / "solutions") == []


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
