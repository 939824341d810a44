"""JSON, Gradescope results.json and JUnit XML renderings of a report."""

import json
import xml.etree.ElementTree as ET

import pytest

from grader.report import render
from report_fixtures import make_report


def test_json_report_has_every_check_and_its_feedback():
    data = json.loads(render(make_report(mode="hidden"), "json", "en"))
    assert data["format"] == "amiq-grader-report"
    assert (data["score"], data["max_score"], data["seed"], data["mode"]) == (
        2.0,
        8.0,
        42,
        "hidden",
    )
    checks = [c for ex in data["exercises"] for c in ex["checks"]]
    assert len(checks) == 4
    failed = next(c for c in checks if c["status"] == "failed")
    assert failed["message"]["text"] == "Z has shape (12288, 209)."
    assert failed["mistake"]["id"] == "linear_forward.transposed"
    assert failed["details"][0]["params"] == {"err": "0.5"}
    assert {c["status"] for c in checks} == {"passed", "failed", "not_attempted", "timeout"}
    assert data["versions"] == {"numpy": "x"} and data["direction"] == "ltr"


def test_json_in_arabic_is_rtl():
    data = json.loads(render(make_report(), "json", "ar"))
    assert data["direction"] == "rtl" and data["lang"] == "ar"


def test_gradescope_results():
    data = json.loads(render(make_report(mode="hidden"), "gradescope", "en"))
    assert data["score"] == 2.0 and data["max_score"] == 8.0
    tests = data["tests"]
    assert len(tests) == 4
    assert {t["status"] for t in tests} == {"passed", "failed"}
    assert {t["visibility"] for t in tests} == {"visible", "after_published"}
    failed = next(t for t in tests if t["status"] == "failed" and "mistake" in t["output"].lower())
    assert "W was transposed." in failed["output"]
    assert all(
        {"name", "score", "max_score", "status", "output", "visibility"} <= set(t) for t in tests
    )


def test_junit_xml():
    root = ET.fromstring(render(make_report(mode="hidden"), "junit", "en"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"c1w4.linear_forward", "c1w4.compute_cost"}
    not_attempted = suites["c1w4.compute_cost"].find("testcase/failure")
    assert not_attempted.get("type") == "not_attempted"
    error = suites["c1w4.linear_forward"].find("testcase/error")
    assert error.get("type") == "timeout"


def test_unknown_format():
    with pytest.raises(ValueError):
        render(make_report(), "html", "en")
