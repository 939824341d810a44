"""The checks discriminate: proven in-process (no sandbox) on the reference, mutants and stubs.

* the reference scores 100 % (public only, and public + hidden);
* every catalogued mutant loses points on its exercise **and** the feedback names it (and only it);
* the unfilled stubs make every check "not attempted";
* every single check fails on some wrong code (a catalogued mutant or a probe below);
* grading is deterministic.

The out-of-process twin of these tests, through the real engine, is ``test_checks_engine.py``.
"""

import re
from functools import lru_cache

import numpy as np
import pytest

from course.catalog import EXERCISES, exercise
from grader.build import inprocess, submissions
from grader.hidden.c1w4 import mutants

IDS = [ex.id for ex in EXERCISES]
ALL_MUTANTS = [(ex, mid) for ex, group in mutants.MUTANTS.items() for mid in group]


@lru_cache(maxsize=None)
def _report(kind, exercise_id=None, hidden=True):
    if kind == "reference":
        sources = submissions.reference_sources()
    elif kind == "stubs":
        sources = submissions.stub_sources()
    elif kind.startswith("probe:"):
        sources = PROBES[kind[6:]]()
    else:
        sources = submissions.mutant_sources(kind)
    return inprocess.run_checks(sources, [exercise_id] if exercise_id else None, hidden=hidden)


def _describe(outcome):
    return f"{outcome.id}: {outcome.status} {outcome.message and outcome.message.render('en')}"


@pytest.mark.parametrize("hidden", [False, True], ids=["public", "public+hidden"])
def test_reference_scores_full_marks(hidden):
    report = _report("reference", hidden=hidden)
    failed = [_describe(o) for o in report.outcomes if o.status != "passed"]
    assert not failed, "\n".join(failed)
    assert report.score() == report.max_score() > 0


def test_every_exercise_has_public_and_hidden_checks_worth_ten_points():
    for exercise_id in IDS:
        specs = inprocess.check_specs(exercise_id)
        assert {s.visibility for s in specs} == {"public", "hidden"}, exercise_id
        assert sum(s.points for s in specs) == 10, exercise_id
        for spec in specs:
            assert spec.title.render("en") != spec.title.render("ar"), spec.id


@pytest.mark.parametrize("hidden", [False, True], ids=["public", "public+hidden"])
@pytest.mark.parametrize("exercise_id, mistake_id", ALL_MUTANTS)
def test_each_mutant_loses_points_and_is_named(exercise_id, mistake_id, hidden):
    report = _report(mistake_id, exercise_id, hidden)
    assert report.score(exercise_id) < report.max_score(exercise_id)
    named = report.named(exercise_id)
    assert named == {mistake_id}, f"named {named or 'nothing'} for {mistake_id}"
    # Nothing crashed inside the grader while judging the mutant.
    assert not [o for o in report.outcomes if o.status == "error"]


def test_unfilled_stubs_are_not_attempted_everywhere():
    report = _report("stubs")
    assert report.outcomes
    wrong = [_describe(o) for o in report.outcomes if o.status != "not_attempted"]
    assert not wrong, "\n".join(wrong)
    assert report.score() == 0
    assert all("not attempted" in o.message.render("en") for o in report.outcomes)


def test_grading_is_deterministic():
    for kind in ("reference", "linear_backward.db_wrong_axis", "L_layer_model.no_update"):
        ex = None if kind == "reference" else kind.split(".")[0]
        first = inprocess.run_checks(
            submissions.reference_sources() if kind == "reference"
            else submissions.mutant_sources(kind), [ex] if ex else None, hidden=True)
        second = _report(kind, ex, True)
        assert [(o.id, o.status, o.message and o.message.render("en")) for o in first.outcomes] \
            == [(o.id, o.status, o.message and o.message.render("en")) for o in second.outcomes]


def test_a_different_run_seed_draws_different_hidden_cases():
    sources = submissions.mutant_sources("linear_forward.missing_bias")
    a = inprocess.run_checks(sources, ["linear_forward"], seed=1)
    b = inprocess.run_checks(sources, ["linear_forward"], seed=2)
    text = lambda r: [d.render("en") for o in r.outcomes if o.visibility == "hidden"  # noqa: E731
                      for d in o.details[:1]]
    assert text(a) != text(b)


# --------------------------------------------------------------------------------------------
# Probes: wrong code outside the catalogue, for checks no catalogued mistake trips.
# --------------------------------------------------------------------------------------------

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


def _mutating(exercise_id):
    """The reference, except that the function scribbles on its input after computing."""
    sources = submissions.reference_sources()
    module = exercise(exercise_id).module + ".py"
    text = re.sub(rf"^def {exercise_id}\(", f"def _reference_{exercise_id}(", sources[module],
                  flags=re.M)
    text += _SCRIBBLE + f'''

def {exercise_id}(*args, **kwargs):
    result = _reference_{exercise_id}(*args, **kwargs)
    _scribble(list(args))
    return result
'''
    return {**sources, module: text}


_TRANSPOSE = '''

def _transpose_first(value):
    """``value`` with its first non-square 2-D array transposed (a probe, not a student)."""
    import numpy as _np
    if type(value) is _np.ndarray:
        if value.ndim == 2 and value.shape[0] != value.shape[1]:
            return value.T.copy(), True
        return value, False
    if isinstance(value, dict):
        out, done = {}, False
        for key, item in value.items():
            out[key], hit = (item, False) if done else _transpose_first(item)
            done = done or hit
        return out, done
    if isinstance(value, (list, tuple)):
        items, done = [], False
        for item in value:
            new, hit = (item, False) if done else _transpose_first(item)
            items.append(new)
            done = done or hit
        return type(value)(items), done
    return value, False
'''


def _transposing(exercise_id):
    """The reference, except that the first non-square array it returns comes back transposed."""
    sources = submissions.reference_sources()
    module = exercise(exercise_id).module + ".py"
    text = re.sub(rf"^def {exercise_id}\(", f"def _reference_{exercise_id}(", sources[module],
                  flags=re.M)
    text += _TRANSPOSE + f'''

def {exercise_id}(*args, **kwargs):
    return _transpose_first(_reference_{exercise_id}(*args, **kwargs))[0]
'''
    return {**sources, module: text}


def _chatty(exercise_id):
    """The reference model printing the cost at every iteration, print_cost or not."""
    sources = submissions.reference_sources()
    text = sources["cat_classifier.py"].replace(
        "if print_cost and (i % 100 == 0 or i == num_iterations - 1):", "if True:"
    )
    assert text != sources["cat_classifier.py"]
    return {**sources, "cat_classifier.py": text}


PROBES = {f"mutating:{ex}": (lambda ex=ex: _mutating(ex)) for ex in IDS[2:]}
PROBES.update({f"transposing:{ex}": (lambda ex=ex: _transposing(ex)) for ex in IDS})
PROBES["chatty"] = lambda: _chatty("two_layer_model")


def test_every_check_fails_on_some_wrong_code():
    all_ids = {o.id for o in _report("reference").outcomes}
    tripped = set()
    for exercise_id, mistake_id in ALL_MUTANTS:
        report = _report(mistake_id, exercise_id, True)
        tripped |= {o.id for o in report.outcomes if o.status == "failed"}
    for name in PROBES:
        report = _report("probe:" + name, name.split(":")[-1] if ":" in name else None)
        tripped |= {o.id for o in report.outcomes if o.status == "failed"}
    assert all_ids - tripped == set(), f"checks no wrong code fails: {sorted(all_ids - tripped)}"


def test_input_mutation_is_reported_with_the_argument_path():
    report = _report("update_parameters.in_place", "update_parameters", True)
    (outcome,) = [o for o in report.outcomes
                  if o.id == "update_parameters/public/check_inputs_unchanged"]
    assert outcome.status == "failed"
    assert "params['W1']" in outcome.message.render("en")
    assert outcome.mistake.id == "update_parameters.in_place"


def test_stage_isolation_spares_a_composite_from_an_upstream_bug():
    # linear_forward is wrong; linear_activation_forward itself is right.
    report = _report("linear_forward.missing_bias", "linear_activation_forward", True)
    status = {o.name: o.status for o in report.of("linear_activation_forward")}
    assert status["check_isolated"] == "passed"
    assert status["check_random_values"] == "failed"


def test_feedback_names_the_first_wrong_layer():
    report = _report("L_model_backward.sigmoid_hidden", "L_model_backward", True)
    (outcome,) = [o for o in report.outcomes if o.id == "L_model_backward/hidden/check_isolated"]
    text = outcome.message.render("en")
    # The hidden layers are wrong; the output layer L is right, so layer L-1 is blamed.
    m = re.search(r"layer (\d+) is the first layer", text)
    detail = outcome.details[0].render("en")
    n_layers = detail.count("), (") and len(re.findall(r"\(\(\(", detail))
    assert m and int(m.group(1)) == n_layers - 1, (text, detail)


def test_gradient_check_reports_gradient_index_and_error():
    report = _report("linear_backward.dA_prev_over_m", "linear_backward", True)
    (outcome,) = [o for o in report.outcomes if o.id == "linear_backward/public/check_gradients"]
    text = outcome.message.render("en")
    assert "dA_prev does not match the numerical gradient of your linear_forward" in text
    assert re.search(r"relative error \d\.\d\de[+-]\d\d at index \(\d+, \d+\)", text)
    assert outcome.mistake.id == "linear_backward.dA_prev_over_m"


def test_public_checks_do_not_need_the_reference(monkeypatch):
    # With solutions/ and grader.hidden unimportable, the public checks still grade fully.
    import builtins
    import sys

    real_import = builtins.__import__
    blocked = ("solutions", "grader.hidden")

    def guarded(name, *args, **kwargs):
        if name.startswith(blocked):
            raise ImportError(f"{name} is not shipped to students")
        return real_import(name, *args, **kwargs)

    sources = submissions.reference_sources()
    for name in [m for m in sys.modules if m.startswith("grader.public")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(builtins, "__import__", guarded)
    report = inprocess.run_checks(sources, hidden=False)
    assert report.score() == report.max_score() > 0
    assert np.all([o.visibility == "public" for o in report.outcomes])


# --------------------------------------------------------------------------------------------
# Odd return values fail with feedback, never with an error inside the grader.
# --------------------------------------------------------------------------------------------

ODD_RETURNS = {
    "none": "None",
    "text": "'42'",
    "list": "[1, 2, 3]",
    "dict": "{'W1': 1}",
    "nan": "_nan_like(_reference_EX(*args, **kwargs))",
}

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


def _odd(exercise_id, expression):
    sources = submissions.reference_sources()
    module = exercise(exercise_id).module + ".py"
    text = re.sub(rf"^def {exercise_id}\(", f"def _reference_{exercise_id}(", sources[module],
                  flags=re.M)
    text += _NAN_LIKE + f'''

def {exercise_id}(*args, **kwargs):
    return {expression.replace("EX", exercise_id)}
'''
    return {**sources, module: text}


@pytest.mark.parametrize("kind", sorted(ODD_RETURNS))
@pytest.mark.parametrize("exercise_id", IDS)
def test_odd_return_values_fail_with_feedback(exercise_id, kind):
    report = inprocess.run_checks(_odd(exercise_id, ODD_RETURNS[kind]), [exercise_id])
    statuses = {o.status for o in report.outcomes}
    assert "error" not in statuses, [_describe(o) for o in report.outcomes if o.status == "error"]
    assert report.score(exercise_id) < report.max_score(exercise_id)
    for outcome in report.outcomes:
        if outcome.status == "failed":
            assert outcome.message.render("en") and outcome.message.render("ar")


# --------------------------------------------------------------------------------------------
# A wrong forward function is never blamed on the backward function's gradient check.
# --------------------------------------------------------------------------------------------


def _forward_and_backward(forward_mistake, backward_mistake=None):
    sources = submissions.mutant_sources(forward_mistake)
    if backward_mistake:
        exercise_id = backward_mistake.split(".")[0]
        function = mutants.mutants_of(exercise_id)[backward_mistake]
        sources = submissions.with_function(sources, exercise_id, mutants.source_of(function))
    return sources


@pytest.mark.parametrize("forward_mistake, backward", [
    ("linear_forward.bias_multiplied", "linear_backward"),
    ("linear_forward.z_transposed", "linear_backward"),
    ("linear_forward.bias_multiplied", "linear_activation_backward"),
    ("linear_activation_forward.swapped", "linear_activation_backward"),
    ("L_model_forward.sigmoid_hidden", "L_model_backward"),
])
def test_a_right_backward_passes_its_gradient_checks_with_a_wrong_forward(forward_mistake,
                                                                          backward):
    report = inprocess.run_checks(_forward_and_backward(forward_mistake), [backward])
    failed = [_describe(o) for o in report.outcomes if o.status != "passed"]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("hidden", [False, True], ids=["public", "public+hidden"])
def test_a_wrong_backward_with_a_wrong_forward_is_graded_against_the_expected_forward(hidden):
    sources = _forward_and_backward("linear_forward.bias_multiplied",
                                    "linear_backward.db_no_1_over_m")
    report = inprocess.run_checks(sources, ["linear_backward"], hidden=hidden)
    gradient = [o for o in report.outcomes if "check_gradients" in o.id
                and "reference" not in o.id]
    assert gradient
    for outcome in gradient:
        assert outcome.status == "failed"
        text = outcome.message.render("en")
        assert text.startswith("db does not match the numerical gradient of the expected "
                               "linear_forward"), text
        notes = [d.render("en") for d in outcome.details]
        assert any(n.startswith("Your linear_forward is wrong, so this check used the expected "
                                "forward output instead") for n in notes), notes
        assert outcome.mistake.id == "linear_backward.db_no_1_over_m"


def test_an_unattempted_forward_does_not_block_the_backward_gradient_check():
    sources = submissions.with_function(
        submissions.reference_sources(), "linear_forward",
        'def linear_forward(A, W, b):\n    raise NotImplementedError("not attempted yet")\n')
    report = inprocess.run_checks(sources, ["linear_backward"])
    assert report.score("linear_backward") == report.max_score("linear_backward")


def test_a_wrong_hidden_activation_blames_the_layer_whose_output_is_wrong():
    # sigmoid in layer 1: Z1 is still right, A1 is wrong and first shows up as layer 2's A_prev.
    report = _report("L_model_forward.sigmoid_hidden", "L_model_forward", False)
    (outcome,) = [o for o in report.outcomes if o.id == "L_model_forward/public/check_values"]
    text = outcome.message.render("en")
    assert "The output of layer 1 (A1, kept as A_prev in caches[1])" in text, text
    assert "Layer 2 is the first layer" not in text
