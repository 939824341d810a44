"""``amiq expected [--unit U] [--check]``: the public checks' expected outputs."""

import json
import shutil

import pytest

from grader.build import expected
from grader.sandbox import protocol
from grader.sources import expected_path


@pytest.fixture
def stored(tmp_path, monkeypatch):
    """The stored files of c1w4 copied to a temporary folder the command reads and writes.

    The other units' files stay where they are (read only: they are current).
    """
    folder = tmp_path / "expected"
    shutil.copytree(expected_path("c1w4", "linear_forward").parent, folder)
    monkeypatch.setattr(expected, "expected_path", lambda unit, name: (
        folder / f"{name}.json" if unit == "c1w4" else expected_path(unit, name)))
    return folder


def test_check_passes_on_the_projects_files(amiq):
    result = amiq("--lang", "en", "expected", "--check", "--unit", "c1w4")
    assert result.code == 0, result.out
    assert "The expected outputs of c1w4 are up to date" in result.out


def test_a_changed_number_is_stale_then_rewritten(amiq, stored):
    path = stored / "linear_forward.json"
    data = json.loads(path.read_text())
    data["note"] = "kept?"  # not compared, but rewritten
    Z, cache = protocol.decode(data["cases"][0]["expected"])
    data["cases"][0]["expected"] = protocol.encode((Z * (1 + 1e-6), cache))  # beyond rtol 1e-9
    path.write_text(json.dumps(data))
    check = amiq("--lang", "en", "expected", "--check")
    assert check.code == 1
    assert "1 difference from a fresh build:" in check.out and "linear_forward.json" in check.out
    assert "amiq expected" in check.out and json.loads(path.read_text()) == data
    rewrite = amiq("--lang", "en", "expected", "--unit", "c1w4")
    assert rewrite.code == 0 and rewrite.out.strip() == f"Wrote {path}."
    assert json.loads(path.read_text())["note"] == expected.NOTE
    again = amiq("--lang", "ar", "expected", "--check")
    assert again.code == 0 and "محدَّثة" in again.out
