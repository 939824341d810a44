"""Where a check's inputs and expected outputs come from: stored data, or the live reference.

من أين تأتي مُدخلات الفحص ومخرجاته المتوقَّعة: بيانات مخزَّنة، أو الحل المرجعي مباشرةً.

* :class:`PublicData` reads ``course/<unit>/grading/expected/<exercise>.json``: each public case's
  inputs, the reference's output and printed text, and every catalogued mistake's output on it.
  It ships to students, so the public checks never need ``solutions/``.
* :class:`HiddenData` (instructors) runs the reference, the hidden case generators and the
  mistakes' code from ``solutions/<unit>/grading/`` in this (trusted) process.

Both hand values over in the form a student's value takes after crossing the sandbox boundary
(:func:`received`), so the comparison treats them alike.
"""

import importlib
import inspect
import json
from dataclasses import dataclass, field
from functools import lru_cache

from course.units import get_unit, unit_dir
from grader import mutate
from grader.cases import Case
from grader.judging.common import MISSING
from grader.sandbox import protocol

FORMAT = 2


def received(value):
    """``value`` as the grader receives it from the sandbox (same types, private copies)."""
    return protocol.decode(protocol.encode(value))


def expected_dir(unit_id):
    """``course/<unit>/grading/expected/``."""
    return unit_dir(unit_id) / "grading" / "expected"


def expected_path(unit_id, name):
    return expected_dir(unit_id) / f"{name}.json"


def unit_grading(unit_id):
    """The unit's public grading module, ``course.<unit>.grading``."""
    return importlib.import_module(f"course.{unit_id}.grading")


@dataclass
class StoredCase:
    """A public case with the reference's output and the catalogued mistakes' outputs.

    Attributes
    ----------
    case : Case
    expected : object
        The reference's return value.
    stdout : str
        What the reference printed.
    mutants : dict
        ``{mistake id: return value}`` (a mistake whose variant raised is absent).
    forward : object
        For a gradient case: the reference forward function's output at its point, so the
        public gradient check can tell whether the student's forward function is right.
    """

    case: Case
    expected: object
    stdout: str = ""
    mutants: dict = field(default_factory=dict)
    forward: object = None


class PublicData:
    """The stored public cases of one unit (read once per process and exercise)."""

    def __init__(self, unit_id):
        self.unit_id = unit_id

    def stored(self, name, case_names):
        """The stored cases ``case_names`` of exercise ``name``, in that order."""
        cases = _load(self.unit_id, name)["cases"]
        return [cases[n] for n in case_names]

    def arg_names(self, name):
        """The exercise's parameter names, as recorded from the reference's signature."""
        return _load(self.unit_id, name)["arg_names"]

    @staticmethod
    def mutant_values(stored):
        """``mutant_values`` for :func:`grader.judging.common.recognise` (stored outputs)."""

        def values():
            ids = []
            for s in stored:
                ids += [m for m in s.mutants if m not in ids]
            return {mid: [s.mutants.get(mid, MISSING) for s in stored] for mid in ids}

        return values


@lru_cache(maxsize=None)
def _load(unit_id, name):
    path = expected_path(unit_id, name)
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT or data.get("exercise") != name:
        raise RuntimeError(f"{path} is not expected data of format {FORMAT} for {name}; "
                           "regenerate it with `amiq expected`")
    cases = {}
    for item in data["cases"]:
        case = Case(item["name"], tuple(protocol.decode(item["args"])),
                    protocol.decode(item["kwargs"]), item.get("seed"))
        mutants = {mid: protocol.decode(v) for mid, v in item["mutants"].items() if v is not None}
        forward = item.get("forward")
        cases[item["name"]] = StoredCase(case, protocol.decode(item["expected"]),
                                         item.get("stdout", ""), mutants,
                                         None if forward is None else protocol.decode(forward))
    return {"cases": cases, "arg_names": tuple(data.get("arg_names", ()))}


class HiddenData:
    """The live reference side of one unit: reference functions, hidden cases, mistakes' code."""

    def __init__(self, unit_id):
        self.unit = get_unit(unit_id)
        self.hidden = importlib.import_module(f"{self.unit.reference_package}.grading.hidden_cases")
        self.catalogue = importlib.import_module(f"{self.unit.reference_package}.grading.mutants")

    def reference(self, function_name):
        """The reference version of an exercise or provided function."""
        module = self.unit.module_of(function_name)
        if module is None:
            raise KeyError(function_name)
        package = importlib.import_module(f"{self.unit.reference_package}.{module}")
        return getattr(package, function_name)

    def arg_names(self, name):
        return tuple(inspect.signature(self.reference(name)).parameters)

    def cases(self, name, rng):
        """Random cases of an exercise drawn from ``rng``."""
        return list(self.hidden.HIDDEN[name](rng))

    def gradient_cases(self, name, rng):
        """Random backward calls with consistent caches (for gradient checks)."""
        return list(self.hidden.GRADIENT[name](rng))

    def outputs(self, function_name, cases):
        """``[(value, stdout), ...]`` of the reference on the cases (as received)."""
        function = self.reference(function_name)
        out = []
        for c in cases:
            value, stdout = mutate.run(function, c.args, c.kwargs, c.seed)
            out.append((received(value), stdout))
        return out

    def expected(self, name, cases):
        return [v for v, _ in self.outputs(name, cases)]

    def mutants(self, name):
        """``{mistake id: function}`` of one exercise's catalogued mistakes."""
        return _mutants(self, name)

    def mutant_values(self, name, cases):
        """``mutant_values`` for :func:`grader.judging.common.recognise`, run only when asked."""

        def values():
            out = {}
            for mistake_id, function in self.mutants(name).items():
                row = []
                for c in cases:
                    try:
                        row.append(received(mutate.run(function, c.args, c.kwargs, c.seed)[0]))
                    except Exception:  # noqa: BLE001 - this variant cannot run on this case
                        row.append(MISSING)
                out[mistake_id] = row
            return out

        return values


def _mutants(data, name):
    cache = data.__dict__.setdefault("_mutant_cache", {})
    if name not in cache:
        reference = data.reference(name)
        cache[name] = {
            mid: mutate.build(reference, edit, mid)
            for mid, edit in data.catalogue.MUTANTS.items()
            if mid.split(".", 1)[0] == name
        }
    return cache[name]
