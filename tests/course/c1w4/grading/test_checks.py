"""Unit c1w4's declared checks discriminate, proven in-process on the reference, mistakes, stubs.

* the reference scores full marks (130/130 with the hidden checks, 65/65 public only);
* every catalogued mistake (``solutions/c1w4/grading/mutants.py``) loses points on its exercise,
  is named by a failing check, and costs nothing on any other exercise (stage isolation);
* the unfilled stubs make every check "not attempted";
* every single check fails on some wrong code (a catalogued mistake or a probe below);
* odd return values fail with feedback, never with an error inside the grader;
* grading is deterministic.

The runs use :func:`grader.build.inprocess.run_checks` (no sandbox); the out-of-process twin of
these tests, through the real engine, is ``tests/grader/test_checks_engine.py``.
"""

import builtins
import re
import sys
from functools import lru_cache

import pytest

from course.c1w4.grading.checks import CHECKS
from course.c1w4.grading.mistakes import MISTAKES
from grader.build import inprocess, submissions
from grader_test_support import NAMES, replaced
from solutions.c1w4.grading.mutants import MUTANTS

INTERNAL = "The check itself failed"  # the msgid start of a grader bug's message


@lru_cache(maxsize=None)
def _report(kind, hidden=True, exercise=None):
    """An in-process run on a named submission (cached: several tests read the same runs)."""
    if kind == "reference":
        sources = submissions.reference_sources()
    elif kind == "stubs":
        sources = submissions.stub_sources()
    elif kind in PROBES:
        sources = PROBES[kind]()
    else:
        sources = submissions.mutant_sources(kind)
    return inprocess.run_checks(sources, [exercise] if exercise else None, hidden=hidden)


def _describe(outcome):
    return f"{outcome.id}: {outcome.status} {outcome.message and outcome.message.render('en')}"


def _internal(report):
    return [_describe(o) for o in report.outcomes
            if o.message is not None and o.message.msgid.startswith(INTERNAL)]


# ------------------------------------------------------------------------------ reference, stubs


@pytest.mark.parametrize("hidden, total", [(False, 65), (True, 130)], ids=["public", "hidden"])
def test_reference_scores_full_marks(hidden, total):
    report = _report("reference", hidden)
    failed = [_describe(o) for o in report.outcomes if o.status != "passed"]
    assert not failed, "\n".join(failed)
    assert report.score() == report.max_score() == total
    assert {o.visibility for o in report.outcomes} == ({"public", "hidden"} if hidden
                                                       else {"public"})


def test_every_exercise_is_declared_once_worth_ten_points_public_and_hidden():
    assert [c.name for c in CHECKS] == NAMES
    for decl in CHECKS:
        assert decl.max_points() == 10, decl.name
        assert decl.kinds("public") and decl.kinds("hidden"), decl.name


def test_unfilled_stubs_are_not_attempted_everywhere():
    report = _report("stubs")
    assert len(report.outcomes) == len(_report("reference").outcomes)
    wrong = [_describe(o) for o in report.outcomes if o.status != "not_attempted"]
    assert not wrong, "\n".join(wrong)
    assert report.score() == 0
    assert all("not attempted" in o.message.render("en") for o in report.outcomes)


def test_grading_is_deterministic():
    def summary(report):
        return [(o.id, o.status, o.message and o.message.render("en"),
                 tuple(d.render("en") for d in o.details), o.mistake and o.mistake.id)
                for o in report.outcomes]

    for kind in ("reference", "linear_backward.db_wrong_axis", "L_layer_model.no_update"):
        sources = (submissions.reference_sources() if kind == "reference"
                   else submissions.mutant_sources(kind))
        first = inprocess.run_checks(sources, hidden=True)
        assert summary(first) == summary(_report(kind))


def test_the_hidden_cases_depend_on_the_seed_and_the_key():
    sources = submissions.mutant_sources("linear_forward.missing_bias")

    def cases(**kwargs):
        report = inprocess.run_checks(sources, ["linear_forward"], **kwargs)
        return [d.render("en") for o in report.outcomes if o.visibility == "hidden"
                for d in o.details if d.render("en").startswith("Random case")]

    base = cases(seed=1, key=b"k")
    assert base == cases(seed=1, key=b"k")
    assert base != cases(seed=2, key=b"k") or base != cases(seed=3, key=b"k")
    assert base != cases(seed=1, key=b"other") or base != cases(seed=1, key=b"third")


# ------------------------------------------------------------------------------ every mistake


@pytest.mark.parametrize("mistake_id", list(MUTANTS))
def test_each_mistake_loses_points_is_named_and_costs_nothing_elsewhere(mistake_id):
    name = mistake_id.split(".", 1)[0]
    report = _report(mistake_id)  # hidden mode, every exercise
    assert report.score(name) < report.max_score(name)
    named = report.named(name)
    assert mistake_id in named, f"named {sorted(named) or 'nothing'} for {mistake_id}"
    failing = [o for o in report.of(name) if o.status != "passed"]
    assert any(o.mistake is not None and o.mistake.id == mistake_id for o in failing)
    # No double penalty (issue 8 section 4): with the reference versions of the functions they
    # call, the other exercises keep full marks.
    others = [_describe(o) for o in report.outcomes if o.exercise != name and o.status != "passed"]
    assert not others, "\n".join(others)
    assert not _internal(report)


@pytest.mark.parametrize("mistake_id", [m for m in MUTANTS if m != "update_parameters.in_place"])
def test_each_mistake_also_fails_and_is_named_by_the_public_checks(mistake_id):
    name = mistake_id.split(".", 1)[0]
    report = _report(mistake_id, False, name)
    assert report.score(name) < report.max_score(name)
    assert mistake_id in report.named(name)
    assert not _internal(report)


def test_the_in_place_update_is_caught_by_the_hidden_inputs_check_only():
    # Its values are right: the public checks pass, the hidden "inputs" check names it.
    public = _report("update_parameters.in_place", False, "update_parameters")
    assert public.score() == public.max_score()
    hidden = _report("update_parameters.in_place")
    failing = [o for o in hidden.of("update_parameters") if o.status != "passed"]
    assert [o.id for o in failing] == ["c1w4.update_parameters/hidden/inputs"]
    (outcome,) = failing
    assert outcome.mistake.id == "update_parameters.in_place"
    text = outcome.message.render("en")
    assert "changed its input" in text and "params['W1']" in text


def test_catalogue_and_code_of_the_mistakes_are_one_to_one():
    assert list(MUTANTS) == list(MISTAKES)


# ------------------------------------------------------------------------------ probes

_SCRIBBLE = '''
def _scribble(value):
    """Change the first float array found in ``value`` in place (a probe, not a student)."""
    import numpy as _np
    if type(value) is _np.ndarray and value.dtype.kind == "f" and value.size:
        value.flat[0] += 1.0
        return True
    items = value.values() if isinstance(value, dict) else value
    if isinstance(value, (dict, list, tuple)):
        return any(_scribble(v) for v in items)
    return False
'''

_TRANSPOSE = '''
def _transpose_first(value):
    """``value`` with its first non-square 2-D array transposed (a probe, not a student)."""
    import numpy as _np
    if type(value) is _np.ndarray:
        if value.ndim == 2 and value.shape[0] != value.shape[1]:
            return value.T.copy(), True
        return value, False
    if isinstance(value, (dict, list, tuple)):
        items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        out, done = {}, False
        for key, item in items:
            out[key], hit = (item, False) if done else _transpose_first(item)
            done = done or hit
        if isinstance(value, dict):
            return out, done
        return type(value)(out[i] for i in range(len(value))), done
    return value, False
'''


def _chatty():
    """The reference models printing the cost at every iteration, print_cost or not."""
    sources = submissions.reference_sources()
    text = sources["cat_classifier.py"]
    loud = text.replace("if print_cost and (i % 100 == 0 or i == num_iterations - 1):",
                        "if True:")
    assert loud.count("if True:") == 2, "the probe no longer finds the print condition"
    return {**sources, "cat_classifier.py": loud}


_RECORD = "        if i % 100 == 0:\n            costs.append(cost)"
_PRINT = "if print_cost and (i % 100 == 0 or i == num_iterations - 1):"


def _every_ten(old, new):
    """The reference models with ``old`` (a cost-recording or printing condition) replaced."""
    sources = submissions.reference_sources()
    text = sources["cat_classifier.py"]
    assert text.count(old) == 2, "the probe no longer finds the condition"
    return {**sources, "cat_classifier.py": text.replace(old, new)}


MUTABLE_INPUTS = [n for n in NAMES if not n.startswith("initialize_parameters")]
PROBES = {
    # The result is copied first: a cache may hold the very arrays that are then changed.
    "mutating": lambda: replaced("    import copy\n"
                                 "    result = copy.deepcopy(_reference_{name}(*args, **kwargs))\n"
                                 "    _scribble(list(args) + list(kwargs.values()))\n"
                                 "    return result\n", MUTABLE_INPUTS, _SCRIBBLE),
    "transposing": lambda: replaced(
        "    return _transpose_first(_reference_{name}(*args, **kwargs))[0]\n",
        helpers=_TRANSPOSE),
    "chatty": _chatty,
    # Wrong only from iteration 10 on: a stage-isolated retry (which replaces the verdict of a
    # failed call with the student's own functions) must train long enough to see it.
    "recording_every_ten": lambda: _every_ten(
        _RECORD, _RECORD.replace("i % 100", "i % 10")),
    "printing_every_ten": lambda: _every_ten(
        _PRINT, _PRINT.replace("i % 100", "i % 10")),
}


def test_every_check_fails_on_some_wrong_code():
    all_ids = {o.id for o in _report("reference").outcomes}
    tripped = set()
    for kind in list(MUTANTS) + list(PROBES):
        tripped |= {o.id for o in _report(kind).outcomes if o.status == "failed"}
    assert all_ids - tripped == set(), f"checks no wrong code fails: {sorted(all_ids - tripped)}"


def test_inputs_changed_in_place_fail_every_inputs_check_and_nothing_else():
    report = _report("mutating")
    failed = {o.id for o in report.outcomes if o.status != "passed"}
    assert failed == {f"c1w4.{n}/hidden/inputs" for n in MUTABLE_INPUTS}
    for outcome in report.outcomes:
        if outcome.status != "passed":
            assert "in place" in outcome.message.render("en"), _describe(outcome)


def test_a_model_printing_at_every_iteration_fails_only_its_print_check():
    report = _report("chatty")
    failed = sorted(o.id for o in report.outcomes if o.status != "passed")
    assert failed == ["c1w4.L_layer_model/public/prints", "c1w4.two_layer_model/public/prints"]
    for outcome in report.outcomes:
        if outcome.status != "passed":
            assert "printed" in outcome.message.render("en")


@pytest.mark.parametrize("kind, failing", [
    ("recording_every_ten", ("public/values", "public/prints", "hidden/values")),
    ("printing_every_ten", ("public/prints",)),
])
def test_a_model_wrong_only_after_some_iterations_fails_even_when_retried_isolated(kind, failing):
    # The own call (300 or 150 iterations) fails; the isolated retry that then decides the
    # verdict, and the always-isolated hidden values, must still see the mistake.
    report = _report(kind)
    for model in ("two_layer_model", "L_layer_model"):
        statuses = {o.id.split("/", 1)[1]: o.status for o in report.outcomes
                    if o.id.startswith(f"c1w4.{model}/")}
        assert {c: statuses[c] for c in failing} == dict.fromkeys(failing, "failed"), statuses
    failed = {o.id.split("/")[0] for o in report.outcomes if o.status != "passed"}
    assert failed == {"c1w4.two_layer_model", "c1w4.L_layer_model"}


def test_a_transposed_result_fails_every_exercise_that_returns_a_matrix():
    report = _report("transposing")
    for name in NAMES:
        if name == "compute_cost":  # a single number: nothing to transpose, still right
            assert report.score(name) == report.max_score(name)
        else:  # (a composite may pass where two transposes cancel out)
            assert report.score(name) < report.max_score(name), name
    assert not _internal(report)


# ------------------------------------------------------------------------------ feedback


def test_feedback_names_the_first_wrong_layer_going_backwards():
    report = _report("L_model_backward.sigmoid_hidden", exercise="L_model_backward")
    (outcome,) = [o for o in report.outcomes if o.id == "c1w4.L_model_backward/public/values"]
    text = outcome.message.render("en")
    # The public case has 2 layers: the output layer is right, so layer 1 is blamed.
    assert text.startswith("Going backwards from the output, layer 1 is the first layer whose "
                           "gradients differ: grads['dA0']"), text


def test_a_wrong_hidden_activation_blames_the_layer_whose_output_is_wrong():
    # sigmoid in layer 1: Z1 is still right, A1 is wrong and first shows up as layer 2's A_prev.
    report = _report("L_model_forward.sigmoid_hidden", False, "L_model_forward")
    (outcome,) = report.outcomes
    text = outcome.message.render("en")
    assert "The output of layer 1 (A1, kept as A_prev in caches[1])" in text, text
    assert "Layer 2 is the first layer" not in text


def test_gradient_check_reports_gradient_index_and_error():
    report = _report("linear_backward.dA_prev_over_m", False, "linear_backward")
    (outcome,) = [o for o in report.outcomes if o.id == "c1w4.linear_backward/public/gradient"]
    text = outcome.message.render("en")
    assert "dA_prev does not match the numerical gradient of your linear_forward" in text
    assert re.search(r"relative error \d\.\d\de[+-]\d\d at index \(\d+, \d+\)", text)
    assert outcome.mistake.id == "linear_backward.dA_prev_over_m"


def test_failures_start_with_the_case_they_happened_on():
    report = _report("compute_cost.no_mean", exercise="compute_cost")
    for outcome in report.outcomes:
        first = outcome.details[0].render("en")
        if outcome.id.endswith("public/values"):
            assert first == 'Public case "course": AL (1, 3), Y (1, 3).'
        elif outcome.id.endswith("hidden/values"):
            assert re.fullmatch(r"Random case with inputs AL \(1, \d+\), Y \(1, \d+\)\.", first)


def test_public_checks_do_not_need_the_reference(monkeypatch):
    # With solutions/ unimportable (as in the student bundle) the public checks still grade.
    real_import = builtins.__import__

    def guarded(name, *args, **kwargs):
        if name == "solutions" or name.startswith("solutions."):
            raise ImportError(f"{name} is not shipped to students")
        return real_import(name, *args, **kwargs)

    sources = submissions.reference_sources()
    for module in [m for m in sys.modules if m == "solutions" or m.startswith("solutions.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(builtins, "__import__", guarded)
    report = inprocess.run_checks(sources, hidden=False)
    assert report.score() == report.max_score() == 65
    assert all(o.visibility == "public" for o in report.outcomes)


# ------------------------------------------------------------------------------ odd values

_NAN_LIKE = '''
def _nan_like(value):
    """``value`` with every float array filled with NaN (a probe, not a student)."""
    import numpy as _np
    if type(value) is _np.ndarray:
        return _np.full(value.shape, _np.nan) if value.dtype.kind == "f" else value
    if isinstance(value, dict):
        return {k: _nan_like(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_nan_like(v) for v in value)
    return value
'''

ODD_RETURNS = {
    "none": "    return None\n",
    "text": "    return '42'\n",
    "list": "    return [1, 2, 3]\n",
    "dict": "    return {{'W1': 1}}\n",
    "nan": "    return _nan_like(_reference_{name}(*args, **kwargs))\n",
}


@pytest.mark.parametrize("kind", sorted(ODD_RETURNS))
def test_odd_return_values_fail_with_feedback(kind):
    report = inprocess.run_checks(replaced(ODD_RETURNS[kind], helpers=_NAN_LIKE), hidden=True)
    assert not _internal(report), "\n".join(_internal(report))
    for name in NAMES:
        assert report.score(name) == 0, name
    for outcome in report.outcomes:
        if outcome.status == "failed":
            assert outcome.message.render("en") and outcome.message.render("ar")
