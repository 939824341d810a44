"""JSON, Gradescope results.json and JUnit XML renderings of a report."""

import json
import xml.etree.ElementTree as ET

import pytest

from grader.report import FORMATS, render
from report_fixtures import ISOLATION, SEED, make_report


def test_json_report_has_every_check_and_its_feedback():
    data = json.loads(render(make_report(mode="hidden"), "json", "en"))
    assert data["format"] == "amiq-grader-report"
    assert (data["score"], data["max_score"], data["mode"], data["unit"]) == (
        2.0,
        8.0,
        "hidden",
        "c1w4",
    )
    checks = [c for ex in data["exercises"] for c in ex["checks"]]
    assert len(checks) == 4
    assert [c["id"] for c in checks] == [
        "c1w4.linear_forward/public/values",
        "c1w4.linear_forward/public/gradient",
        "c1w4.linear_forward/hidden/values",
        "c1w4.compute_cost/public/values",
    ]
    assert [c["name"] for c in checks] == ["values", "gradient", "values", "values"]
    failed = next(c for c in checks if c["status"] == "failed")
    assert failed["message"]["text"] == "Z has shape (12288, 209)."
    assert failed["mistake"]["id"] == "linear_forward.transposed"
    assert failed["details"][0]["params"] == {"err": "0.5"}
    assert {c["status"] for c in checks} == {"passed", "failed", "not_attempted", "timeout"}
    assert data["isolation"] == ISOLATION and data["direction"] == "ltr"


def test_json_exercises_carry_qualified_id_bare_name_number_and_module():
    data = json.loads(render(make_report(), "json", "en"))
    (lf, cc) = data["exercises"]
    assert (lf["id"], lf["name"], lf["number"], lf["module"]) == (
        "c1w4.linear_forward", "linear_forward", 3, "step_by_step")
    assert (cc["id"], cc["number"], cc["status"]) == ("c1w4.compute_cost", 6, "not_attempted")


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
    assert [t["number"] for t in tests] == ["3.1", "3.2", "3.3", "6.1"]
    failed = next(t for t in tests if t["status"] == "failed" and "mistake" in t["output"].lower())
    assert "W was transposed." in failed["output"]
    assert all(
        {"name", "score", "max_score", "status", "output", "visibility"} <= set(t) for t in tests
    )


@pytest.mark.parametrize("isolation", ["namespaces", "process"])
def test_gradescope_summary_states_the_isolation_level(isolation):
    data = json.loads(render(make_report(isolation=isolation), "gradescope", "en"))
    assert f"(isolation: {isolation})" in data["output"].splitlines()[0]


def test_junit_xml():
    root = ET.fromstring(render(make_report(mode="hidden"), "junit", "en"))
    assert root.tag == "testsuites" and root.get("name") == "amiq.c1w4"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"c1w4.linear_forward", "c1w4.compute_cost"}
    names = [c.get("name") for c in suites["c1w4.linear_forward"].findall("testcase")]
    assert names == ["public/values", "public/gradient", "hidden/values"]
    not_attempted = suites["c1w4.compute_cost"].find("testcase/failure")
    assert not_attempted.get("type") == "not_attempted"
    error = suites["c1w4.linear_forward"].find("testcase/error")
    assert error.get("type") == "timeout"


@pytest.mark.parametrize("isolation", ["namespaces", "process"])
def test_junit_properties_state_the_isolation_level_of_every_suite(isolation):
    root = ET.fromstring(render(make_report(isolation=isolation), "junit", "en"))
    for suite in root.findall("testsuite"):
        props = {p.get("name"): p.get("value") for p in suite.findall("properties/property")}
        assert props["isolation"] == isolation and props["mode"] == "public"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seed_appears_in_no_format(fmt, lang):
    # Hidden inputs are keyed with the grader's secret key; the seed is no secret, but reports
    # have no use for it and a student must not be invited to replay a run.
    for mode in ("public", "hidden"):
        text = render(make_report(mode=mode), fmt, lang)
        assert str(SEED) not in text, (fmt, lang, mode)
        assert "seed" not in text.lower(), (fmt, lang, mode)


def test_unknown_format():
    with pytest.raises(ValueError):
        render(make_report(), "html", "en")
