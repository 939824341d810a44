"""Records: status and error of a report, the resume fingerprint, atomic storage."""

import json

from grader.classroom.records import (RecordStore, failed_record, finished, fingerprint,
                                      hard_timeout_record, record_from_report, report_problems,
                                      safe_name)
from grader.feedback import Message
from grader.runner.results import SubmissionProblem
from report_fixtures import make_report


def test_a_clean_report_is_graded_without_error():
    report = make_report(statuses=("passed", "failed"))
    status, problems = report_problems(report)
    assert status == "graded" and problems == []


def test_timeouts_crashes_and_module_problems_are_named():
    report = make_report(statuses=("passed", "timeout"))
    status, problems = report_problems(report)
    assert status == "timed_out"
    assert "Timed out in exercise linear_forward." in [p.render("en") for p in problems]
    report = make_report(statuses=("crashed", "passed"))
    report.submission_problems.append(SubmissionProblem(
        kind="import", file="step_by_step.py",
        message=Message("{file} cannot be imported: SyntaxError", file="step_by_step.py"),
        exercises=("linear_forward",)))
    status, problems = report_problems(report)
    texts = [p.render("en") for p in problems]
    assert status == "problems"
    assert texts[0] == "step_by_step.py cannot be imported: SyntaxError"  # module problems first
    assert any("crashed" in t and "linear_forward" in t for t in texts)


def test_a_record_has_both_languages_and_the_report():
    report = make_report(statuses=("passed", "timeout"))
    record = record_from_report(report, "ar")
    assert record["status"] == "timed_out" and record["score"] == report.score
    assert record["error"]["en"].startswith("Timed out") and record["error"]["ar"]
    assert record["error"]["ar"] != record["error"]["en"]
    assert record["report"]["lang"] == "ar" and record["report"]["score"] == report.score
    assert set(record["feedback"]) == {"ar", "en"}
    assert record["exercises"]["c1w4.linear_forward"]["max_score"] == 4.0
    json.dumps(record)  # plain data


def test_which_records_are_finished():
    assert not finished(None, 60)
    assert not finished(failed_record("failed", [Message("worker died")]), 60)
    assert finished(record_from_report(make_report(), "en"), 60)
    stopped = hard_timeout_record(60)
    assert finished(stopped, 60) and not finished(stopped, 120)  # a higher limit tries again


def test_fingerprints_follow_settings_and_files():
    settings = {"unit": "c1w4", "hidden": True, "seed": 1}
    key = fingerprint(settings, "abc")
    assert key == fingerprint(dict(reversed(settings.items())), "abc")
    assert key != fingerprint({**settings, "seed": 2}, "abc")
    assert key != fingerprint(settings, "abd")


def test_safe_names_are_file_names_and_unique():
    assert safe_name("alice") == "alice"
    names = {safe_name(s) for s in ("a b", "a_b", "../x", "=cmd|x", "أحمد")}
    assert len(names) == 5
    assert all("/" not in n and not n.startswith(".") for n in names)
    assert safe_name("أحمد") == "أحمد"


def test_a_folder_named_like_a_cleaned_id_cannot_take_over_its_files():
    # "bob smith" is cleaned to "bob_smith-<hash>"; a student naming a folder exactly that must
    # get another file name, or their feedback and record would overwrite Bob's.
    bob = safe_name("bob smith")
    assert bob.startswith("bob_smith-") and safe_name(bob) != bob
    assert len({safe_name(s) for s in ("bob smith", bob, safe_name(bob))}) == 3


def test_the_store_keeps_records_by_fingerprint(tmp_path):
    store = RecordStore(tmp_path / "records")
    record = failed_record("failed", [Message("x")])
    store.save("../alice", "k1", record)
    assert [p.name for p in (tmp_path / "records").iterdir()] == [f"{safe_name('../alice')}.json"]
    assert store.load("../alice", "k1")["status"] == "failed"
    assert store.load("../alice", "k2") is None and store.load("bob", "k1") is None
    store.path("bob").write_text("{half")  # damaged: as if absent
    assert store.load("bob", "k1") is None
