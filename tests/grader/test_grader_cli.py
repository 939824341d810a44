"""``amiq grade`` / ``python -m grader``: formats, output files, exit codes, bilingual errors."""

import json
import os
import subprocess
import sys

import pytest

from grader.cli import main
from grader_test_support import ENGINE_CHECKS, ROOT, write_submission


def _args(folder, *extra):
    return ["--submission", str(folder), "--check-root", str(ENGINE_CHECKS), *extra]


def test_json_output_file_and_exit_code(tmp_path, capsys):
    folder = write_submission(tmp_path / "ref", reference=True)
    out = tmp_path / "report.json"
    out.write_text("old content")
    status = main(
        _args(
            folder,
            "--hidden",
            "--format",
            "json",
            "--output",
            str(out),
            "--lang",
            "en",
            "--seed",
            "7",
        )
    )
    assert status == 0
    data = json.loads(out.read_text())
    assert data["seed"] == 7 and data["score"] == data["max_score"] > 0
    assert "Score:" in capsys.readouterr().err  # one-line summary when writing a file


def test_failures_give_exit_status_1_and_text_on_stdout(tmp_path, capsys):
    status = main(_args(write_submission(tmp_path / "s"), "linear_forward", "--lang", "en"))
    out = capsys.readouterr().out
    assert status == 1
    assert "not attempted yet" in out and "seed 20240104" in out
    assert "\033[" not in out  # not a terminal: no colours


@pytest.mark.parametrize("fmt", ["gradescope", "junit"])
def test_other_formats(tmp_path, capsys, fmt):
    main(_args(write_submission(tmp_path / "s"), "compute_cost", "--format", fmt))
    out = capsys.readouterr().out
    assert out.startswith("{") if fmt == "gradescope" else out.startswith("<?xml")


@pytest.mark.parametrize(
    "argv",
    [
        ["--submission", "/no/such/folder"],
        ["not_an_exercise"],
        ["--timeout", "0"],
        ["--output", "/no/such/folder/report.json"],
    ],
)
def test_bad_input_gives_a_bilingual_error_and_status_2(tmp_path, capsys, argv):
    if "--submission" not in argv:
        argv = argv + ["--submission", str(write_submission(tmp_path / "s"))]
    assert main(argv + ["--check-root", str(ENGINE_CHECKS), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert any("\u0600" <= ch <= "\u06ff" for ch in err)  # Arabic
    assert any("a" <= ch <= "z" for ch in err)  # and English


def test_argparse_errors_are_bilingual(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--format", "pdf"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and "سطر أوامر غير صالح" in err


def test_python_dash_m_grader(tmp_path):
    folder = write_submission(tmp_path / "s")
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANG="ar_EG.UTF-8")
    env.pop("AMIQ_LANG", None)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    proc = subprocess.run(
        [sys.executable, "-m", "grader", "compute_cost", *_args(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(tmp_path),
        timeout=120,
    )
    assert proc.returncode == 1
    assert "لم يُحَلّ بعد" in proc.stdout  # language from the locale


def test_class_mode_writes_one_csv_row_per_student(tmp_path, capsys):
    import csv

    classroom = tmp_path / "class"
    write_submission(classroom / "alice", reference=True)
    write_submission(classroom / "bob")
    (classroom / "carol").mkdir()
    out = tmp_path / "grades.csv"
    status = main(
        [
            "--class",
            str(classroom),
            "--check-root",
            str(ENGINE_CHECKS),
            "--lang",
            "en",
            "--output",
            str(out),
            "compute_cost",
            "linear_forward",
        ]
    )
    assert status == 0
    rows = {r["submission"]: r for r in csv.DictReader(out.open())}
    assert set(rows) == {"alice", "bob", "carol"}
    assert (rows["alice"]["score"], rows["alice"]["max_score"]) == ("9", "9")
    assert rows["bob"]["score"] == "0" and rows["bob"]["compute_cost"] == "0"
    assert rows["carol"]["score"] == "" and "No exercise files" in rows["carol"]["error"]


def test_help_follows_the_language(capsys):
    with pytest.raises(SystemExit):
        main(["--help", "--lang", "ar"])
    arabic = capsys.readouterr().out
    assert "usage:" not in arabic and "options:" not in arabic and "--submission" in arabic
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: amiq grade") and "options:" in english


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
@pytest.mark.parametrize("mode", ["report", "class"])
def test_output_files_follow_the_users_umask(tmp_path, umask, mode):
    # mkstemp's private 0600 used to leak through: a report meant for a shared folder was
    # unreadable by the other instructors.
    folder = write_submission(tmp_path / "s")
    out = tmp_path / "out"
    if mode == "report":
        argv = _args(folder, "compute_cost", "--format", "json", "--output", str(out))
    else:
        (tmp_path / "class").mkdir()
        write_submission(tmp_path / "class" / "student")
        argv = ["--class", str(tmp_path / "class"), "--check-root", str(ENGINE_CHECKS),
                "compute_cost", "--output", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "grader", *argv], cwd=str(ROOT), capture_output=True, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)), preexec_fn=lambda: os.umask(umask),
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert os.stat(out).st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_interrupted_status_and_message_are_bilingual(tmp_path, capsys, monkeypatch):
    import grader.cli as cli

    def interrupted(args, lang):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_grade_one", interrupted)
    status = main(_args(write_submission(tmp_path / "s"), "--lang", "ar"))
    err = capsys.readouterr().err
    assert status == 130
    assert "قُطِع التصحيح" in err and "Grading was interrupted" in err
