"""Run the checks in this process against a submission given as source text (author tool).

تشغيل الفحوص داخل هذه العملية على تسليم مُعطى نصًّا (أداة للمؤلِّف، لا للتصحيح الفعلي).

This is **not** a secure way to grade: the submission runs in the grader's own process. It exists
so the checks can be developed and proven (reference scores 100 %, every mutant loses points and
is named, stubs are "not attempted") quickly and without the sandbox. It mimics the engine's
``submission`` fixture closely:

* arguments and return values go through the sandbox's wire format
  (:mod:`grader.sandbox.protocol`), so the function gets private copies and the check sees the
  same decoded values (ndarray subclasses become ``Foreign``, tuples stay tuples...);
* printed output is captured, arguments changed in place are reported as paths;
* an unfilled stub raises :class:`~grader.feedback.NotAttempted`, any other exception
  :class:`~grader.feedback.StudentError`;
* ``reference_callees`` swaps module-level callees for the reference (hidden mode only).
"""

import contextlib
import importlib
import inspect
import io
import itertools
import sys
import traceback
import types
from dataclasses import dataclass, field

import numpy as np

from course.units import get_unit
from grader.feedback import NotAttempted, StudentError
from grader.sandbox import protocol
from grader.sandbox.client import Outcome

from .submissions import ROOT

_counter = itertools.count()


def load_modules(sources, unit="c1w4"):
    """Import a submission's sources as a fresh package next to the trusted provided modules.

    Parameters
    ----------
    sources : dict
        ``{file name: text}`` (``step_by_step.py``, ``cat_classifier.py``).

    Returns
    -------
    dict
        ``{module name: module}``; a module whose import fails is absent and its error kept
        under the key ``"<name>!error"``.
    """
    package = f"_amiq_inprocess_{next(_counter)}"
    pkg = types.ModuleType(package)
    pkg.__path__ = []
    sys.modules[package] = pkg
    modules = {}
    texts = {}
    manifest = get_unit(unit)
    for name in manifest.provided_modules:
        texts[name] = (ROOT / "solutions" / unit / f"{name}.py").read_text(encoding="utf-8")
    for filename, text in sources.items():
        texts[filename[:-3]] = text
    order = list(manifest.provided_modules) + [m for m in manifest.submission_modules
                                               if m in texts]
    for name in order:
        full = f"{package}.{name}"
        module = types.ModuleType(full)
        module.__package__ = package
        module.__file__ = f"<{unit}/{name}.py>"
        sys.modules[full] = module
        try:
            exec(compile(texts[name], module.__file__, "exec"), module.__dict__)
        except BaseException as exc:  # noqa: BLE001 - a broken submission file
            del sys.modules[full]
            modules[name + "!error"] = exc
            continue
        setattr(pkg, name, module)
        modules[name] = module
    return modules


def _snapshot(value):
    return protocol.decode(protocol.encode(value))


def _changed(before, after, path, out):
    if type(before) is np.ndarray:
        if (
            type(after) is not np.ndarray
            or before.shape != after.shape
            or before.dtype != after.dtype
            or not np.array_equal(before, after, equal_nan=before.dtype.kind == "f")
        ):
            out.append(path)
        return
    if isinstance(before, dict):
        if not isinstance(after, dict) or set(before) != set(after):
            out.append(path)
            return
        for key in before:
            _changed(before[key], after[key], f"{path}[{key!r}]", out)
        return
    if isinstance(before, (list, tuple)):
        if type(after) is not type(before) or len(before) != len(after):
            out.append(path)
            return
        for i, (b, a) in enumerate(zip(before, after)):
            _changed(b, a, f"{path}[{i}]", out)
        return
    try:
        same = type(before) is type(after) and before == after
    except Exception:  # noqa: BLE001
        same = False
    if not same:
        out.append(path)


def _raised_in(exc):
    tb = exc.__traceback__
    frame = None
    while tb is not None:
        frame = tb.tb_frame
        tb = tb.tb_next
    if frame is None:
        return None, None
    return frame.f_globals.get("__name__"), frame.f_code.co_name


class InProcessSubmission:
    """A stand-in for the engine's ``submission`` fixture that calls functions in-process.

    Parameters
    ----------
    sources : dict
        ``{file name: text}`` of the submission.
    exercise : str
        The exercise whose checks will use it.
    mode : {"public", "hidden"}
    seed : int
    """

    def __init__(self, sources, exercise, mode="public", seed=0, unit="c1w4"):
        self.modules = load_modules(sources, unit)
        self.exercise = exercise
        self.mode = mode
        self.seed = seed
        self.unit = unit
        self.calls = 0

    def _function(self, function_name):
        if "." in function_name:
            module_name, _, name = function_name.partition(".")
        else:
            module_name, name = get_unit(self.unit).module_of(function_name), function_name
        if module_name is None:
            raise ValueError(f"unknown function {function_name!r}")
        module = self.modules.get(module_name)
        if module is None:
            error = self.modules.get(module_name + "!error")
            if error is not None:
                raise StudentError(type(error).__name__, str(error), "")
            raise StudentError("FileNotFoundError", f"{module_name}.py is missing", "")
        if not hasattr(module, name):
            raise StudentError("AttributeError", f"{module_name} has no {name}", "")
        return module, module_name, name, getattr(module, name)

    def _proxy(self, reference):
        def proxy(*args, **kwargs):
            args = protocol.decode(protocol.encode(list(args)))
            kwargs = protocol.decode(protocol.encode(dict(kwargs)))
            return protocol.decode(protocol.encode(reference(*args, **kwargs)))

        return proxy

    def call(self, function_name, *args, reference_callees=(), timeout=None, seed=None, **kwargs):
        """Call the submission's ``function_name``; see the engine's ``Submission.call``."""
        self.calls += 1
        module, module_name, name, function = self._function(function_name)
        installed = []
        if reference_callees:
            if self.mode != "hidden":
                raise RuntimeError("reference_callees needs hidden mode")
            ref_module = importlib.import_module(f"solutions.{self.unit}.{module_name}")
            for callee in reference_callees:
                installed.append((callee, module.__dict__.get(callee)))
                module.__dict__[callee] = self._proxy(getattr(ref_module, callee))
        args = protocol.decode(protocol.encode(list(args)))
        kwargs = protocol.decode(protocol.encode(dict(kwargs)))
        before = [_snapshot(a) for a in args], {k: _snapshot(v) for k, v in kwargs.items()}
        buffer = io.StringIO()
        state = np.random.get_state()
        try:
            if seed is not None:
                np.random.seed(seed)
            # Diverging variants overflow; NumPy's warnings would only be noise in test logs.
            with contextlib.redirect_stdout(buffer), np.errstate(all="ignore"):
                value = function(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - like the worker: everything is reported
            where = _raised_in(exc)
            if isinstance(exc, NotImplementedError) and where == (module.__name__, name):
                raise NotAttempted(name) from None
            raise StudentError(
                type(exc).__name__, str(exc), "".join(traceback.format_exception(exc)[-3:])
            ) from None
        finally:
            np.random.set_state(state)
            for callee, original in installed:
                if original is None:
                    module.__dict__.pop(callee, None)
                else:
                    module.__dict__[callee] = original
        mutated = []
        try:
            names = list(inspect.signature(function).parameters)
        except (TypeError, ValueError):
            names = []
        for i, (b, a) in enumerate(zip(before[0], args)):
            _changed(b, a, names[i] if i < len(names) else f"args[{i}]", mutated)
        for key, b in before[1].items():
            _changed(b, kwargs[key], key, mutated)
        decoded = protocol.decode(protocol.encode(value))
        return Outcome(decoded, buffer.getvalue(), mutated, 0.0)

    def call_many(self, calls, timeout=None):
        """Several calls; the first failing one raises (as in the engine)."""
        return [self.call(c[0], *c[1], seed=c[3] if len(c) > 3 else None, **(c[2] or {}))
                for c in calls]

    def close(self):
        for module in self.modules.values():
            if isinstance(module, types.ModuleType):
                sys.modules.pop(module.__name__, None)


# --------------------------------------------------------------------------------------------
# Running checks
# --------------------------------------------------------------------------------------------


@dataclass
class CheckOutcome:
    """One check's result in an in-process run."""

    id: str
    exercise: str
    visibility: str
    name: str
    points: float
    status: str
    message: object = None
    details: tuple = ()
    mistake: object = None

    @property
    def score(self):
        return self.points if self.status == "passed" else 0.0


@dataclass
class InProcessReport:
    """All check outcomes of a run."""

    outcomes: list = field(default_factory=list)

    def of(self, exercise_id):
        return [o for o in self.outcomes if o.exercise == exercise_id]

    def score(self, exercise_id=None):
        items = self.outcomes if exercise_id is None else self.of(exercise_id)
        return sum(o.score for o in items)

    def max_score(self, exercise_id=None):
        items = self.outcomes if exercise_id is None else self.of(exercise_id)
        return sum(o.points for o in items)

    def named(self, exercise_id=None):
        """Mistake ids named by failed checks."""
        items = self.outcomes if exercise_id is None else self.of(exercise_id)
        return {o.mistake.id for o in items if o.mistake is not None}


def run_checks(sources, exercises=None, *, unit="c1w4", hidden=True, seed=20_240_104,
               key=b"in-process test key"):
    """Run the planned checks of ``exercises`` in-process on a submission's sources.

    Parameters
    ----------
    sources : dict
        ``{file name: text}``.
    exercises : sequence of str or None
        Exercise names (all of the unit by default).
    unit : str
    hidden : bool
        Also run the hidden checks (mode ``"hidden"``).
    seed : int
    key : bytes
        The grader key the hidden generators are derived from.

    Returns
    -------
    InProcessReport
    """
    from grader.keys import check_rng, submission_digest
    from grader.plan import Context, declarations, plan
    from grader.runner.plugin import classify
    from grader.sources import HiddenData, PublicData

    manifest = get_unit(unit)
    chosen = [ex for ex in manifest.exercises if not exercises or ex.name in exercises]
    mode = "hidden" if hidden else "public"
    declared, mistakes = declarations(unit)
    public, hidden_data = PublicData(unit), (HiddenData(unit) if hidden else None)
    digest = submission_digest({k: v.encode() for k, v in sources.items()})
    report = InProcessReport()
    for ex in chosen:
        submission = InProcessSubmission(sources, ex.name, mode=mode, seed=seed, unit=unit)
        try:
            for check in plan(unit, [ex], hidden):
                ctx = Context(
                    exercise=ex, checks=declared[ex.name], mistakes=mistakes,
                    submission=submission, public=public, hidden=hidden_data,
                    rng=check_rng(key, seed, digest, check.id) if check.visibility == "hidden"
                    else None,
                    arg_names=(hidden_data or public).arg_names(ex.name))
                outcome = CheckOutcome(check.id, ex.name, check.visibility, check.kind,
                                       check.points, "passed")
                try:
                    check.run(ctx)
                except Exception as exc:  # noqa: BLE001 - classified like the engine
                    status, message, details, mistake, _ = classify(exc)
                    outcome.status, outcome.message = status, message
                    outcome.details, outcome.mistake = tuple(details), mistake
                report.outcomes.append(outcome)
        finally:
            submission.close()
    return report
