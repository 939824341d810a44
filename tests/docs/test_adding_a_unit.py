"""The "Adding a unit" guide works: a toy unit built from the guide's own files grades as it says.

Every ```python title="path"``` block of the English page is written to a temporary project; the
guide's steps then run through the same functions as its commands (``amiq stubs``, ``amiq
expected``, ``amiq grade``): the reference gets full marks, the stubs zero, and a submission with
the catalogued mistake loses points on its exercise with the mistake named. The guide's own
snippet that writes such a submission (``mutant_sources``) is run too, and its step on the site's
navigation is checked on ``docs/mkdocs.yml``: every navigation title has an Arabic title.
"""

import re
from pathlib import Path

import pytest

from course import units

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "content" / "guides" / "adding-a-unit.en.md"
GUIDE_AR = ROOT / "docs" / "content" / "guides" / "adding-a-unit.md"
_FILE_BLOCK = re.compile(r'^```python title="([^"]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)


def guide_files(page):
    return {path: body for path, body in _FILE_BLOCK.findall(page.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def toy_unit(tmp_path_factory):
    root = tmp_path_factory.mktemp("toy-project")
    files = guide_files(GUIDE)
    for path, body in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    unit_id = Path(next(p for p in files if p.endswith("/unit.py"))).parent.name
    units.add_unit_root(root)
    try:
        yield root, unit_id
    finally:
        units.forget_unit_root(root)
        import sys

        for name in [m for m in sys.modules if f".{unit_id}" in m]:
            del sys.modules[name]


def test_both_languages_show_the_same_files():
    assert guide_files(GUIDE) == guide_files(GUIDE_AR)
    assert len(guide_files(GUIDE)) >= 8


def test_a_toy_unit_from_the_guide_is_graded_as_the_guide_says(toy_unit, tmp_path):
    from course.authoring.sync import sync_unit
    from grader.build import expected
    from grader.runner.engine import grade

    root, unit_id = toy_unit
    unit = units.get_unit(unit_id)
    assert unit_id in units.all_units()
    # amiq stubs --unit ...; amiq expected --unit ...
    sync_unit(root / "solutions", root / "course", unit_id)
    assert expected.write(unit_id)
    assert expected.check([unit_id]) == {unit_id: []}
    # The reference gets full marks, the untouched stubs zero.
    reference = grade(unit=unit_id, submission=root / "solutions" / unit_id, hidden=True)
    assert reference.score == reference.max_score > 0
    stubs = grade(unit=unit_id, hidden=True)
    assert stubs.score == 0
    assert {c.status for c in stubs.checks} == {"not_attempted"}
    # A submission with the catalogued mistake loses points on its exercise, which names it.
    from grader.sources import HiddenData

    mutants = HiddenData(unit_id).catalogue.MUTANTS
    mistake_id, edit = next(iter(mutants.items()))
    module = unit.exercise(mistake_id.split(".")[0]).module
    source = (root / "solutions" / unit_id / f"{module}.py").read_text(encoding="utf-8")
    (old, new), = edit.replacements
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    (wrong / f"{module}.py").write_text(source.replace(old, new), encoding="utf-8")
    report = grade(unit=unit_id, submission=wrong, hidden=True)
    exercise = next(e for e in report.exercises if e.name == mistake_id.split(".")[0])
    assert exercise.score < exercise.max_score
    assert mistake_id in {c.mistake.id for c in exercise.checks if c.mistake is not None}
    others = [e for e in report.exercises if e is not exercise]
    assert all(e.score == e.max_score for e in others)


_PLAIN_PYTHON = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_EXERCISE_ENTRY = re.compile(r"^\d+ · \w+$")  # "1 · layer_sizes": code, not translated


def _mistake_snippet(page):
    [snippet] = [code for code in _PLAIN_PYTHON.findall(page.read_text(encoding="utf-8"))
                 if "mutant_sources" in code]
    return snippet


def test_the_guides_mistake_submission_is_graded_with_the_mistake_named(toy_unit, tmp_path,
                                                                         monkeypatch):
    from grader.build import submissions
    from grader.runner.engine import grade

    root, unit_id = toy_unit
    snippet = _mistake_snippet(GUIDE)
    assert snippet == _mistake_snippet(GUIDE_AR)
    mistake_id, folder = re.search(r'mutant_sources\("([\w.]+)".*?write\(files, "([^"]+)"\)',
                                   snippet, re.DOTALL).groups()
    assert f"--submission {folder}" in GUIDE.read_text(encoding="utf-8")
    # Run from the project's root, as the guide says (here the toy project's).
    monkeypatch.setattr(submissions, "ROOT", root)
    monkeypatch.chdir(tmp_path)
    exec(compile(snippet, "adding-a-unit.en.md", "exec"), {})
    report = grade(unit=unit_id, submission=tmp_path / folder, hidden=True)
    exercise = next(e for e in report.exercises if e.name == mistake_id.split(".")[0])
    assert exercise.score < exercise.max_score
    assert mistake_id in {c.mistake.id for c in exercise.checks if c.mistake is not None}


def _nav_titles(items):
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                yield title
                if isinstance(value, list):
                    yield from _nav_titles(value)


def test_every_navigation_title_has_its_arabic_title():
    # The guide's step 6: a unit's navigation titles are English, with Arabic in nav_translations.
    from mkdocs.config import load_config

    from .conftest import MKDOCS_YML

    config = load_config(config_file=str(MKDOCS_YML))
    [arabic] = [lang for lang in config["plugins"]["i18n"].config["languages"]
                if lang["locale"] == "ar"]
    translations = arabic["nav_translations"] or {}
    titles = set(_nav_titles(config["nav"]))
    assert {"Course 1 · Week 3: shallow neural networks", "Exercises"} <= titles
    missing = sorted(t for t in titles if t not in translations and not _EXERCISE_ENTRY.match(t))
    assert not missing, f"add their Arabic under nav_translations in docs/mkdocs.yml: {missing}"
