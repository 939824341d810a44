"""``amiq grade`` / ``python -m grader``: formats, output files, exit codes, bilingual errors.

``grader.cli.main`` is ``amiq grade``: the same parser and command (``course.cli.cmd_grade``).
"""

import json
import os
import subprocess
import sys

import pytest

from grader.cli import main
from grader_test_support import ROOT, write_submission


def _has_both_languages(text):
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in text)
    return arabic and any("a" <= ch <= "z" for ch in text)


def test_json_output_file_and_exit_code(tmp_path, capsys):
    folder = write_submission(tmp_path / "ref", reference=True)
    out = tmp_path / "report.json"
    out.write_text("old content")
    status = main(["--submission", str(folder), "--hidden", "--format", "json", "--output",
                   str(out), "--lang", "en", "--seed", "7"])
    assert status == 0
    data = json.loads(out.read_text())
    assert data["mode"] == "hidden" and data["score"] == data["max_score"] > 0
    assert "Score:" in capsys.readouterr().err  # one-line summary when writing a file


def test_failures_give_exit_status_1_and_text_on_stdout(tmp_path, capsys):
    folder = write_submission(tmp_path / "s")
    status = main(["--submission", str(folder), "linear_forward", "--lang", "en"])
    out = capsys.readouterr().out
    assert status == 1
    assert "not attempted yet" in out and "0 of 1 check passed" in out
    assert "\033[" not in out  # not a terminal: no colours


@pytest.mark.parametrize("fmt", ["gradescope", "junit"])
def test_other_formats(tmp_path, capsys, fmt):
    main(["--submission", str(write_submission(tmp_path / "s")), "c1w4.compute_cost",
          "--format", fmt])
    out = capsys.readouterr().out
    assert out.startswith("{") if fmt == "gradescope" else out.startswith("<?xml")


@pytest.mark.parametrize("argv, english", [
    (["--submission", "/no/such/folder", "--unit", "c1w4"],
     "The submission folder /no/such/folder does not exist"),
    (["not_an_exercise"], "Unit c1w4 has no exercise not_an_exercise"),
    (["--timeout", "0"], "expected a positive number"),
    (["--output", "/no/such/folder/report.json"], "The folder of the output file"),
    (["--class", "/no/such/folder", "--out", "/tmp/out"], "--class needs an existing folder"),
])
def test_bad_input_gives_a_bilingual_error_and_status_2(tmp_path, capsys, argv, english):
    if "--submission" not in argv and "--class" not in argv:
        argv = argv + ["--submission", str(write_submission(tmp_path / "s"))]
    assert main(argv + ["--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert english in err and _has_both_languages(err)
    assert err.index(english) < min(i for i, ch in enumerate(err) if "\u0600" <= ch <= "\u06ff")


def test_usage_errors_are_bilingual(capsys):
    assert main(["--format", "pdf", "--lang", "ar"]) == 2
    err = capsys.readouterr().err
    assert "اختيار غير صالح" in err and "invalid choice" in err and "amiq grade --help" in err


def test_a_sandbox_that_cannot_start_gives_status_3(tmp_path, capsys, monkeypatch):
    from grader.sandbox import zygote

    def refuse(self):
        raise OSError("no processes left")

    monkeypatch.setattr(zygote.Zygote, "start", refuse)
    assert main(["--submission", str(write_submission(tmp_path / "s")), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "The sandbox could not start: no processes left" in err and _has_both_languages(err)


def test_options_reach_the_engine(tmp_path, capsys, monkeypatch):
    from grader.feedback import Message
    from grader.runner import engine

    calls = []

    def fake_grade(exercises, submission, **options):
        options.pop("zygote").close()
        calls.append((exercises, submission, options))
        raise engine.GradingError(Message("stop here"))

    monkeypatch.setattr(engine, "grade", fake_grade)
    status = main(["linear_forward", "--unit", "c1w4", "--submission", str(tmp_path),
                   "--hidden", "--seed", "7", "--timeout", "2.5"])
    assert status == 2 and "stop here" in capsys.readouterr().err
    [(exercises, submission, options)] = calls
    assert exercises == ["linear_forward"] and submission == str(tmp_path)
    assert options["unit"] == "c1w4" and options["hidden"] is True and options["seed"] == 7
    assert options["limits"].timeout == 2.5


def test_python_dash_m_grader(tmp_path):
    folder = write_submission(tmp_path / "s")
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANG="ar_EG.UTF-8")
    for var in ("AMIQ_LANG", "LC_ALL", "LC_MESSAGES"):
        env.pop(var, None)
    proc = subprocess.run(
        [sys.executable, "-m", "grader", "compute_cost", "--submission", str(folder)],
        capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120,
    )
    assert proc.returncode == 1
    assert "لم يُحَلّ بعد" in proc.stdout  # language from the locale


def test_class_mode_writes_a_gradebook_with_one_row_per_student(tmp_path):
    import csv

    classroom = tmp_path / "class"
    write_submission(classroom / "alice", reference=True)
    write_submission(classroom / "bob")
    (classroom / "carol").mkdir()
    out = tmp_path / "results"
    status = main(["--class", str(classroom), "--out", str(out), "--lang", "en",
                   "--no-progress", "c1w4.compute_cost", "c1w4.linear_forward"])
    assert status == 0
    with open(out / "grades.csv", encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    assert set(rows) == {"alice", "bob", "carol"}
    assert rows["alice"]["total"] == rows["alice"]["max_score"] != ""
    assert float(rows["alice"]["total"]) > 0
    assert rows["bob"]["total"] == "0" and rows["bob"]["c1w4.compute_cost"] == "0"
    assert rows["carol"]["total"] == "" and "No exercise files" in rows["carol"]["error"]


def test_help_follows_the_language(capsys):
    assert main(["--help", "--lang", "ar"]) == 0
    arabic = capsys.readouterr().out
    assert "usage:" not in arabic and "options:" not in arabic and "--submission" in arabic
    assert main(["--lang", "en", "--help"]) == 0
    english = capsys.readouterr().out
    assert english.startswith("usage: amiq grade") and "options:" in english


def test_the_grade_command_offers_every_report_format(capsys):
    from grader.report import FORMATS

    assert main(["--lang", "en", "--help"]) == 0
    assert "{" + ",".join(FORMATS) + "}" in capsys.readouterr().out


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
@pytest.mark.parametrize("mode", ["report", "class"])
def test_output_files_follow_the_users_umask(tmp_path, umask, mode):
    # mkstemp's private 0600 used to leak through: a report meant for a shared folder was
    # unreadable by the other instructors.
    folder = write_submission(tmp_path / "s")
    out = tmp_path / "out"
    if mode == "report":
        argv = ["--submission", str(folder), "c1w4.compute_cost", "--format", "json",
                "--output", str(out)]
    else:
        (tmp_path / "class").mkdir()
        write_submission(tmp_path / "class" / "student")
        argv = ["--class", str(tmp_path / "class"), "c1w4.compute_cost", "--out", str(out),
                "--no-progress"]
    proc = subprocess.run(
        [sys.executable, "-m", "grader", *argv], cwd=str(ROOT), capture_output=True, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)), preexec_fn=lambda: os.umask(umask),
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    written = out if mode == "report" else out / "grades.csv"
    assert os.stat(written).st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_interrupted_status_and_message_are_bilingual(tmp_path, capsys, monkeypatch):
    from course.cli import cmd_grade

    def interrupted(args, out):
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd_grade, "grade_one", interrupted)
    status = main(["--submission", str(write_submission(tmp_path / "s")), "--lang", "ar"])
    err = capsys.readouterr().err
    assert status == 130
    assert "قُطِع التصحيح" in err and "Grading was interrupted" in err
