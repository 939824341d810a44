"""``amiq grade`` / ``python -m grader``: formats, output files, exit codes, bilingual errors."""

import json
import os
import subprocess
import sys

import pytest

from grader.cli import main
from grader_test_support import ROOT, write_submission


def _args(folder, *extra):
    return ["--submission", str(folder), *extra]


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
    assert data["mode"] == "hidden" and data["score"] == data["max_score"] == 130
    assert "seed" not in data  # the run seed is not reported
    assert "Score: 130 / 130" in capsys.readouterr().err  # a summary when writing a file


def test_failures_give_exit_status_1_and_text_on_stdout(tmp_path, capsys):
    status = main(_args(write_submission(tmp_path / "s"), "linear_forward", "--lang", "en"))
    out = capsys.readouterr().out
    assert status == 1
    assert "not attempted yet" in out and "seed" not in out
    assert out.startswith("Amiq grader: unit c1w4, public checks only, isolation ")
    assert "\033[" not in out  # not a terminal: no colours


@pytest.mark.parametrize("fmt", ["gradescope", "junit"])
def test_other_formats(tmp_path, capsys, fmt):
    main(_args(write_submission(tmp_path / "s"), "compute_cost", "--format", fmt))
    out = capsys.readouterr().out
    assert out.startswith("{") if fmt == "gradescope" else out.startswith("<?xml")


UNTRANSLATED = pytest.mark.xfail(strict=True, reason="course/units.py's messages have no Arabic "
                                 "translation yet (tests/grader/test_catalogs.py lists them)")


@pytest.mark.parametrize(
    "argv",
    [
        ["--submission", "/no/such/folder"],
        pytest.param(["not_an_exercise"], marks=UNTRANSLATED),
        ["--timeout", "0"],
        ["--output", "/no/such/folder/report.json"],
        pytest.param(["--unit", "c9w9"], marks=UNTRANSLATED),
        pytest.param(["c9w9.linear_forward"], marks=UNTRANSLATED),
    ],
)
def test_bad_input_gives_a_bilingual_error_and_status_2(tmp_path, capsys, argv):
    if "--submission" not in argv:
        argv = argv + ["--submission", str(write_submission(tmp_path / "s"))]
    assert main(argv + ["--lang", "en"]) == 2
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
    assert (rows["alice"]["score"], rows["alice"]["max_score"]) == ("10", "10")
    assert rows["alice"]["c1w4.linear_forward"] == rows["alice"]["c1w4.compute_cost"] == "5"
    assert rows["bob"]["score"] == "0" and rows["bob"]["c1w4.compute_cost"] == "0"
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


def test_unit_option_and_qualified_ids(tmp_path, capsys):
    folder = write_submission(tmp_path / "s", reference=True)
    status = main(_args(folder, "--unit", "c1w4", "c1w4.compute_cost", "--format", "json",
                        "--lang", "en"))
    data = json.loads(capsys.readouterr().out)
    assert status == 0 and [e["id"] for e in data["exercises"]] == ["c1w4.compute_cost"]


@pytest.mark.parametrize("argv", [["not_an_exercise"], ["--unit", "c9w9"]])
def test_unknown_ids_are_named_in_english_too(tmp_path, capsys, argv):
    folder = write_submission(tmp_path / "s")
    assert main(argv + ["--submission", str(folder), "--lang", "en"]) == 2
    first, second = capsys.readouterr().err.strip().split("\n")
    assert first.startswith(("Unknown exercise not_an_exercise", "Unknown unit c9w9"))
    assert "\u2066" not in first and "\u2066" in second  # then the Arabic rendering
