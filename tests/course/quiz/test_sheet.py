"""The answers file: the template reads back, keeps what it must, and bad files get clear errors."""

import re

import pytest

from course.i18n import in_language
from course.quiz import render
from course.quiz.questions import questions, quiz_units
from course.quiz.sheet import (FORMAT, SheetError, answer_states, current_fingerprint,
                               parse_sheet, read_sheet, template_text, toml_string, toml_value,
                               write_sheet)
from course.quiz.variants import variant

from course.toml_reader import tomllib  # tomli on Python 3.10

UNITS = quiz_units()


def _comments(text):
    """The template's comment text as one line per question block (wrapping undone)."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.startswith("#"):
            current.append(line[1:].strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_template_reads_back_with_every_question_unanswered(unit, lang):
    with in_language(lang):
        text = template_text(unit, "Alice")
    sheet = parse_sheet(text)
    assert (sheet.unit, sheet.student, sheet.language) == (unit, "alice", lang)
    assert sheet.fingerprint == current_fingerprint(unit, "alice")
    assert sheet.answers == {q.id: "" for q in questions(unit)}
    assert tomllib.loads(text)["quiz"]["format"] == FORMAT


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_template_shows_the_students_own_variant(unit, lang):
    with in_language(lang):
        text = template_text(unit, "alice")
        blocks = _comments(text)[1:]  # after the file's header
        assert len(blocks) == len(questions(unit))
        for block, q in zip(blocks, questions(unit)):
            drawn = variant(unit, q, "alice")
            assert render.prompt_text(q, drawn, bidi=False) in block
            for letter, option in render.lettered_options(q, drawn, bidi=False):
                assert f"{letter}) {option}" in block
    assert "\u2066" not in text and "\u2069" not in text  # no invisible bidi controls in files


def test_code_spans_are_never_split_across_comment_lines():
    with in_language("en"):
        text = template_text("c1w4", "alice")
    for line in text.splitlines():
        if line.startswith("#"):
            assert line.count("`") % 2 == 0, line
            assert len(line) <= 96 or " " not in line.strip("# ")


def test_previous_answers_are_written_back():
    previous = {"notation": "b", "layer_count": 4, "w_shape": [3, 5], "hyperparameters":
                ["a", "c"], "why_deep": 0.5, "empirical": {"not": "an answer"}}
    sheet = parse_sheet(template_text("c1w4", "alice", previous))
    assert {k: sheet.answers[k] for k in previous if k != "empirical"} == \
        {k: v for k, v in previous.items() if k != "empirical"}
    assert sheet.answers["empirical"] == ""  # a table is no answer; the backup keeps it


@pytest.mark.parametrize("text", ['say "hi"', "back\\slash", "tab\tnew\nline", "\x7f\x01", "عربي"])
def test_toml_strings_round_trip(text):
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text
    assert tomllib.loads(f"x = {toml_value([1, 2.5, text, True])}")["x"] == [1, 2.5, text, True]


def test_a_byte_order_mark_is_accepted():
    sheet = parse_sheet("\ufeff" + template_text("c1w3", "bob"))
    assert sheet.student == "bob"


BAD_FILES = [
    ('unit = "c1w4"\nnotation = b\n', "not valid TOML"),
    ('[answers]\nnotation = "b"\n', "no [quiz] table"),
    ('[quiz]\nstudent = "a"\n', "no [quiz] table"),
    ('[quiz]\nunit = "c1w4"\nstudent = "two words"\n', "student id"),
    ('[quiz]\nunit = "c1w4"\nstudent = "a"\n[[answers]]\nx = 3\n', "must be a table"),
    ('answers = 1\n[quiz]\nunit = "c1w4"\nstudent = "a"\n', "must be a table"),
    ('[quiz]\nunit = "c1w4"\nstudent = "a"\n[answers]\nx = 1\nx = 2\n', "not valid TOML"),
    # More digits than Python turns into an int: tomllib raises ValueError, not its own error.
    ('[quiz]\nunit = "c1w4"\nstudent = "a"\n[answers]\nx = ' + "9" * 5000 + "\n",
     "not valid TOML"),
]


@pytest.mark.parametrize("text, words", BAD_FILES)
def test_unusable_files_get_a_bilingual_message(text, words):
    with pytest.raises(SheetError) as caught:
        parse_sheet(text, "answers.toml")
    with in_language("en"):
        assert words in caught.value.render()
    with in_language("ar"):
        assert re.search("[\u0600-\u06ff]", caught.value.render())


def test_missing_non_utf8_and_huge_files(tmp_path):
    with in_language("en"):
        _check_bad_files(tmp_path)


def _check_bad_files(tmp_path):
    with pytest.raises(SheetError, match="no answers file"):
        read_sheet(tmp_path / "absent.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[quiz]\nunit = "c1w4"\nstudent = "jos\xe9"\n'.encode("latin-1"))
    with pytest.raises(SheetError, match="UTF-8"):
        read_sheet(latin)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * 1_000_001)
    with pytest.raises(SheetError, match="too large"):
        read_sheet(huge)
    sparse = tmp_path / "sparse.toml"  # 3 GB that take no disk: refused without reading them
    with open(sparse, "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    with pytest.raises(SheetError, match="too large"):
        read_sheet(sparse)


def test_writing_over_a_file_keeps_a_backup(tmp_path):
    path = tmp_path / "quiz_answers.toml"
    assert write_sheet(path, "first\n", tmp_path) is None
    backup = write_sheet(path, "second\n", tmp_path)
    assert backup.read_text() == "first\n" and path.read_text() == "second\n"
    assert ".amiq-backups" in backup.parts


def test_answer_states_without_the_key():
    text = template_text("c1w4", "alice").replace('w_shape = ""', 'w_shape = [3, 5]').replace(
        'notation = ""', 'notation = "z"') + 'extra = 1\n"\\u202e" = 2\n'
    states, unknown = answer_states(parse_sheet(text))
    by_id = {s.question.id: s for s in states}
    assert by_id["w_shape"].state == "answered" and by_id["notation"].state == "unreadable"
    assert by_id["notation"].problem.msgid.startswith("Expected")
    assert sum(s.state == "unanswered" for s in states) == len(states) - 2
    assert unknown == ["\\u202e", "extra"]  # control characters shown escaped


def test_a_folder_is_not_an_answers_file(tmp_path, lang):
    # As for the lab's choice file: a folder is "not a file", not a missing answers file.
    lang("en")
    with pytest.raises(SheetError, match="is not a file"):
        read_sheet(tmp_path)
