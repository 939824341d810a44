"""The class outputs: gradebook columns, Canvas and Moodle imports, feedback files, results.json."""

import csv
import io
import json
from dataclasses import replace

from grader.classroom.gradebook import (CANVAS_COLUMNS, MOODLE_COLUMNS, Row, canvas_csv,
                                        feedback_file, grades_csv, moodle_csv, results_chunks,
                                        safe_cell, summary, summary_messages)
from grader.classroom.records import failed_record, record_from_report
from grader.feedback import Message
from report_fixtures import make_report

IDS = ["c1w4.linear_forward", "c1w4.compute_cost"]


def _rows():
    graded = Row("alice", "Alice", "a@x.org", language="en",
                 record=record_from_report(make_report(), "en"),
                 canvas={"sis_user_id": "S1", "sis_login_id": "alice", "section": "A"})
    timed = Row("=evil()", origin="archive", language="ar",
                record=record_from_report(make_report(statuses=("passed", "timeout")), "ar"))
    failed = Row("123456", "Jane", language="ar", moodle_participant=True,
                 record=failed_record("failed", [Message("No exercise files were found.")]))
    missing = Row("carol", origin="roster", record=failed_record(
        "missing", [Message("No submission was found for this student.")]))
    return [graded, timed, failed, missing]


def _read(text):
    return list(csv.reader(io.StringIO(text)))


def test_grades_csv_has_scores_per_exercise_and_errors_always_filled():
    rows = _read(grades_csv(_rows(), IDS, "en"))
    assert rows[0] == ["student", "name", "status", "total", "max_score", *IDS, "error", "notes"]
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    alice = by_id["alice"]
    assert alice["status"] == "graded" and alice["error"] == ""
    assert float(alice["c1w4.linear_forward"]) + float(alice["c1w4.compute_cost"]) == \
        float(alice["total"])
    evil = by_id["'=evil()"]  # never a formula in a spreadsheet
    assert evil["status"] == "timed_out" and evil["error"].startswith("Timed out")
    assert by_id["123456"]["total"] == "" and "No exercise files" in by_id["123456"]["error"]
    assert by_id["carol"]["status"] == "missing" and by_id["carol"]["error"]
    for row in by_id.values():
        assert row["status"] == "graded" or row["error"]


def test_csv_cells_are_never_formulas():
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("+x") == "'+x"
    assert safe_cell("@a") == "'@a" and safe_cell("alice") == "alice" and safe_cell(None) == ""


def test_every_cell_is_quoted_so_a_semicolon_locale_cannot_split_out_a_formula():
    # Opened with ";" as the list separator, an unquoted x;=1+1;y would yield a live =1+1.
    rows = _rows()
    rows[0] = replace(rows[0], student="x;=1+1;y", name="x;=1+1;y")
    for text in (grades_csv(rows, IDS, "en"), canvas_csv(rows, "Week 4", "77", 4.0),
                 moodle_csv(rows, 4.0)):
        assert "x;=1+1;y" in text
        assert text.count("x;=1+1;y") == text.count('"x;=1+1;y"')
        assert all(line.startswith('"') for line in text.splitlines()[:2])


def test_canvas_import_columns():
    rows = _read(canvas_csv(_rows(), "Week 4", "77", 4.0))
    assert rows[0] == [*CANVAS_COLUMNS, "Week 4 (77)"]
    assert rows[1][0] == "Points Possible" and rows[1][-1] == "4"
    alice = rows[2]
    # A folder's name is no Canvas id: the roster's SIS columns identify the student.
    assert alice[:5] == ["Alice", "", "S1", "alice", "A"] and float(alice[5]) > 0
    assert rows[4][:2] == ["Jane", "123456"]  # a numeric id is Canvas's user id
    assert rows[4][-1] == ""  # not graded: blank, never a made-up zero
    assert _read(canvas_csv(_rows(), "Week 4", None, 4.0))[0][-1] == "Week 4"


def test_moodle_worksheet_columns_and_comments_in_the_students_language():
    rows = _read(moodle_csv(_rows(), 4.0))
    assert rows[0] == list(MOODLE_COLUMNS)
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert "Participant 123456" in by_id and "alice" in by_id
    assert by_id["alice"]["Feedback comments"].startswith("Score:")
    arabic = by_id["'=evil()"]["Feedback comments"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic)
    assert by_id["Participant 123456"]["Grade"] == "" and by_id["Participant 123456"][
        "Maximum Grade"] == "4"


def test_feedback_files_follow_the_students_language_and_format():
    alice, timed, failed, _missing = _rows()
    suffix, text = feedback_file(alice, "text")
    assert suffix == ".txt" and "Amiq grader" in text
    _suffix, text = feedback_file(timed, "text")
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)
    suffix, text = feedback_file(alice, "json")
    assert suffix == ".json" and json.loads(text)["format"] == "amiq-grader-report"
    data = json.loads(feedback_file(failed, "json")[1])
    assert data["status"] == "failed" and data["error"]


def test_summary_counts_every_status():
    counts = summary(_rows())
    assert counts == {**counts, "students": 4, "graded": 1, "problems": 0, "timed_out": 1,
                      "failed": 1, "missing": 1}
    assert counts["mean_score"] == sum(r.score for r in _rows() if r.score is not None) / 2
    lines = [m.render("en") for m in summary_messages(counts)]
    assert lines[0].startswith("4 students: 1 graded") and "1 timed out, 1 failed" in lines[0]
    assert any("roster" in line for line in lines)


def test_results_json_has_everything():
    data = json.loads("".join(results_chunks(_rows(), {"unit": "c1w4"}, IDS)))
    assert data["format"] == "amiq-class-results" and data["exercises"] == IDS
    assert data["summary"]["students"] == 4
    alice = data["students"][0]
    assert alice["report"]["exercises"][0]["checks"] and alice["error"] == {"ar": "", "en": ""}
    assert data["students"][2]["report"] is None
    empty = json.loads("".join(results_chunks([], {"unit": "c1w4"}, IDS)))
    assert empty["students"] == []
