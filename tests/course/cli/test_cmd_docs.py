"""``amiq docs sync [--check]``: the lesson pages' generated blocks, checked and rewritten."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PAGE = Path("docs/content/c1w4/exercises/linear_forward.en.md")
PRINTED = "Z = [[ 3.26295337 -1.23429987]]"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project whose docs hold one copy of an exercise page."""
    from course.cli import cmd_docs

    (tmp_path / PAGE).parent.mkdir(parents=True)
    shutil.copy(ROOT / PAGE, tmp_path / PAGE)
    monkeypatch.setattr(cmd_docs, "instructor_root", lambda: tmp_path)
    return tmp_path


def test_the_projects_pages_are_current(amiq):
    result = amiq("--lang", "en", "docs", "sync", "--check")
    assert result.code == 0, result.out
    assert "up to date" in result.out


def test_check_reports_a_stale_page_and_sync_rewrites_only_its_block(amiq, project):
    page = project / PAGE
    original = page.read_text(encoding="utf-8")
    assert PRINTED in original
    stale = original.replace(PRINTED, "Z = [[ 3.3 -1.2]]").replace("Your numbers", "My words")
    page.write_text(stale, encoding="utf-8")
    check = amiq("--lang", "en", "docs", "sync", "--check")
    assert check.code == 1
    assert f"{PAGE} is stale:" in check.out and "c1w4.linear_forward" in check.out
    assert "amiq docs sync" in check.out
    assert page.read_text(encoding="utf-8") == stale  # --check writes nothing
    rewrite = amiq("--lang", "ar", "docs", "sync")
    assert rewrite.code == 0 and "أُعيدت كتابة" in rewrite.out
    assert page.read_text(encoding="utf-8") == original.replace("Your numbers", "My words")
    assert amiq("docs", "sync", "--check").code == 0
