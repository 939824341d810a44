"""``amiq quiz template``: the answers file in either language, never replaced without a backup."""

import pytest

from course.quiz.questions import questions
from course.quiz.sheet import read_sheet

UNITS = ("c1w3", "c1w4")


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("unit", UNITS)
def test_the_template_is_written_in_the_chosen_language(amiq, tmp_path, unit, lang):
    path = tmp_path / "answers.toml"
    result = amiq("--lang", lang, "quiz", "template", "--unit", unit, "--student", "S1",
                  "--output", path)
    assert result.code == 0, result.err
    sheet = read_sheet(path)
    assert (sheet.unit, sheet.student, sheet.language) == (unit, "s1", lang)
    assert len(sheet.answers) == len(questions(unit))
    text = path.read_text(encoding="utf-8")
    assert ("طريقة الإجابة" in text) == (lang == "ar")
    assert ("How to answer" in text) == (lang == "en")
    assert "amiq grade quiz" in result.out and "s1" in result.out


def test_the_default_place_and_student(amiq, tmp_path, monkeypatch):
    from course.cli import cmd_quiz
    from course.quiz import sheet as sheet_module

    monkeypatch.setattr(sheet_module, "default_path", lambda unit: tmp_path / f"{unit}.toml")
    monkeypatch.setattr(cmd_quiz, "_user_name", lambda: "Lab-User")
    result = amiq("--lang", "en", "quiz", "template", "--unit", "c1w4")
    assert result.code == 0, result.err
    assert read_sheet(tmp_path / "c1w4.toml").student == "lab-user"
    assert "--student ID --force" in result.out  # told how to use the instructor's id instead
    monkeypatch.setattr(cmd_quiz, "_user_name", lambda: None)
    unknown = amiq("--lang", "en", "quiz", "template", "--unit", "c1w3")
    assert unknown.code == 2 and "--student ID" in unknown.err and "تعذّرت معرفة هويتك" in unknown.err


def test_an_existing_file_is_kept_unless_forced_and_then_backed_up(amiq, tmp_path):
    path = tmp_path / "course" / "quiz_answers.toml"
    path.parent.mkdir()
    args = ("quiz", "template", "--unit", "c1w4", "--student", "s1", "--output", path)
    assert amiq("--lang", "en", *args).code == 0
    work = path.read_text(encoding="utf-8").replace('notation = ""', 'notation = "c"')
    path.write_text(work, encoding="utf-8")
    refused = amiq("--lang", "en", *args)
    assert refused.code == 2 and "--force" in refused.err and "يُكتب" not in refused.err
    assert "موجود" in refused.err  # both languages
    assert path.read_text(encoding="utf-8") == work
    forced = amiq("--lang", "ar", *args, "--force")
    assert forced.code == 0, forced.err
    [backup] = [p for p in tmp_path.rglob("quiz_answers.toml") if ".amiq-backups" in p.parts]
    assert backup.read_text(encoding="utf-8") == work
    assert read_sheet(path).answers["notation"] == "c" and read_sheet(path).language == "ar"


def test_another_students_file_is_not_carried_over(amiq, tmp_path):
    path = tmp_path / "a.toml"
    amiq("--lang", "en", "quiz", "template", "--unit", "c1w3", "--student", "s1", "--output", path)
    path.write_text(path.read_text().replace('zero_init = ""', 'zero_init = "a"'))
    amiq("--lang", "en", "quiz", "template", "--unit", "c1w3", "--student", "s2", "--output",
         path, "--force")
    assert read_sheet(path).answers["zero_init"] == ""  # letters mean other options for s2


@pytest.mark.parametrize("args, words", [
    (("--unit", "c1w4", "--student", "two words"), ("not a usable student id", "لا يصلح")),
    (("--unit", "c9w9", "--student", "s"), ("Unknown unit", "")),
    (("--student", "s"), ("Several units have a quiz", "لأكثر من وحدة")),
    (("--unit", "c1w4", "--student", "s", "--output", "/nonexistent/dir/a.toml"),
     ("does not exist", "")),
])
def test_bad_input_is_a_bilingual_usage_error(amiq, args, words):
    result = amiq("--lang", "en", "quiz", "template", *args)
    assert result.code == 2 and "Traceback" not in result.err
    english, arabic = words
    assert english in result.err and arabic in result.err
    assert any("\u0600" <= ch <= "\u06ff" for ch in result.err)


def test_the_command_has_help_in_both_languages(amiq):
    english = amiq("--lang", "en", "quiz", "template", "--help")
    arabic = amiq("--lang", "ar", "quiz", "template", "--help")
    assert english.code == arabic.code == 0
    assert "--student" in english.out and "your student id" in english.out
    assert "معرِّف الطالب" in arabic.out
