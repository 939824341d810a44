"""The roster CSV: our own columns, a Canvas gradebook export and a Moodle worksheet as they are."""

import pytest

from grader.classroom.roster import RosterError, normalise_id, read_roster


def _write(tmp_path, text, name="roster.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_our_columns(tmp_path):
    roster = read_roster(_write(tmp_path, "\ufeffStudent_ID,Name,Email,Language\n"
                                          "alice,Alice A,a@x.org,EN\n"
                                          "bob,,b@x.org,\n\n"))
    assert set(roster) == {"alice", "bob"}
    assert roster["alice"].name == "Alice A" and roster["alice"].language == "en"
    assert roster["bob"].language == "" and roster["bob"].email == "b@x.org"


def test_a_canvas_gradebook_export_is_a_roster(tmp_path):
    roster = read_roster(_write(tmp_path, (
        "Student,ID,SIS User ID,SIS Login ID,Section,Week 4 (77)\n"
        "    Points Possible,,,,,130\n"
        '"Smith, Jane",1001,S-1,jsmith,Section A,\n')))
    # The "Points Possible" row has no id and is skipped.
    assert list(roster) == ["1001"]
    entry = roster["1001"]
    assert entry.name == "Smith, Jane" and entry.sis_user_id == "S-1"
    assert entry.sis_login_id == "jsmith" and entry.section == "Section A"


def test_a_moodle_worksheet_is_a_roster(tmp_path):
    roster = read_roster(_write(tmp_path, (
        "Identifier,Full name,Email address,Status,Grade\n"
        "Participant 123456,Jane Smith,jane@x.org,Submitted,\n")))
    assert list(roster) == ["123456"] and roster["123456"].moodle
    assert roster["123456"].name == "Jane Smith" and roster["123456"].email == "jane@x.org"
    assert normalise_id(" Participant 7 ") == "7"


@pytest.mark.parametrize("text, english", [
    ("name,email\nA,a@x\n", "has no id column"),
    ("id,language\nalice,fr\n", "Line 2 of the roster gives the language fr"),
    ("id\nalice\nalice\n", "appears twice"),
    ("", "is empty"),
])
def test_bad_rosters_say_what_is_wrong(tmp_path, text, english):
    with pytest.raises(RosterError) as info:
        read_roster(_write(tmp_path, text))
    assert english in str(info.value)
    assert any("id column" in m.render("en") or english in m.render("en")
               for m in info.value.messages)


def test_an_unreadable_roster(tmp_path):
    with pytest.raises(RosterError, match="cannot be read"):
        read_roster(tmp_path / "missing.csv")
    (tmp_path / "latin.csv").write_bytes("id\nJos\xe9\n".encode("latin-1"))
    with pytest.raises(RosterError, match="cannot be read"):
        read_roster(tmp_path / "latin.csv")
