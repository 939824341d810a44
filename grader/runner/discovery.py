"""Find every check the run must report, before anything runs.

اكتشاف كل الفحوص المتوقَّعة قبل تشغيل أي شيء، ليكون التقرير كاملًا دائمًا.

Checks live in ``grader/<visibility>/<unit>/check_<exercise>.py`` (or under an alternative root
with the same layout, used by the engine's own tests). The modules are trusted code: importing
them registers their :class:`~grader.api.CheckSpec` objects. The resulting list is the contract
of the run: a check on it that does not report scores 0.
"""

import ast
import hashlib
import importlib
import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path

from course import catalog

from .. import api
from ..feedback import Message, N_, sanitize


@dataclass
class Discovery:
    """What was found.

    Attributes
    ----------
    specs : list of CheckSpec
        In running order (course order, public before hidden, definition order).
    modules : dict
        ``{file path: module}`` of the loaded check modules.
    problems : list of Message
        Modules that failed to import.
    """

    specs: list = field(default_factory=list)
    modules: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)


def _package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def check_file(visibility, unit, exercise_id, root=None):
    """Path of a check module (it may not exist)."""
    base = Path(root) if root is not None else Path(__file__).resolve().parent.parent
    return base / visibility / unit / f"check_{exercise_id}.py"


def _import_alternative(path, visibility, unit, exercise_id):
    digest = hashlib.sha1(str(path.parent.parent.parent).encode()).hexdigest()[:10]
    name = f"_amiq_checks_{digest}.{visibility}.{unit}.check_{exercise_id}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def load_module(visibility, unit, exercise_id, root=None):
    """Import one check module; returns ``None`` when the exercise has no such checks."""
    path = check_file(visibility, unit, exercise_id, root)
    if not path.is_file():
        return None
    if root is not None:
        return _import_alternative(path, visibility, unit, exercise_id)
    return importlib.import_module(f"grader.{visibility}.{unit}.check_{exercise_id}")


def discover(exercises, visibilities, root=None):
    """Import the check modules of ``exercises`` and list their checks.

    Parameters
    ----------
    exercises : sequence of course.catalog.Exercise
        In course order.
    visibilities : sequence of {"public", "hidden"}
    root : path or None
        Alternative folder laid out like ``grader/`` (``<visibility>/<unit>/check_*.py``).

    Returns
    -------
    Discovery
    """
    found = Discovery()
    for ex in exercises:
        for visibility in visibilities:
            try:
                module = load_module(visibility, ex.unit, ex.id, root)
            except Exception as exc:  # noqa: BLE001 - a broken check module is reported, not fatal
                unloadable = {
                    "public": N_("The public checks of {exercise} could not be loaded: {error}"),
                    "hidden": N_("The hidden checks of {exercise} could not be loaded: {error}"),
                }
                found.problems.append(
                    Message(
                        unloadable[visibility],
                        exercise=ex.id,
                        error=sanitize(f"{type(exc).__name__}: {exc}", 300),
                    )
                )
                continue
            if module is None:
                continue
            found.modules[str(Path(module.__file__).resolve())] = module
            for spec in api.registered(module.__name__):
                if spec.exercise == ex.id and spec.visibility == visibility:
                    found.specs.append(spec)
    return found


def count_checks_in_source(path):
    """Count ``@check(...)`` decorated functions in a file without importing it (0 if absent)."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return 0
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for deco in node.decorator_list:
                target = deco.func if isinstance(deco, ast.Call) else deco
                name = getattr(target, "id", None) or getattr(target, "attr", None)
                if name == "check":
                    count += 1
                    break
    return count


HIDDEN_COUNT_FILE = "hidden_checks.json"


def released_hidden_count(exercises, base):
    """The hidden-check count a student bundle ships (``amiq release`` writes it), else None.

    ``grader/public/<unit>/hidden_checks.json`` holds ``{"count": N}`` for the whole unit, so it
    answers only when every exercise of the unit is graded, or when it also holds a
    ``"by_exercise"`` mapping of exercise id to count.
    """
    import json

    exercises = list(exercises)
    if not exercises:
        return None
    unit = exercises[0].unit
    try:
        data = json.loads((Path(base) / "public" / unit / HIDDEN_COUNT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    by_exercise = data.get("by_exercise")
    if isinstance(by_exercise, dict):
        counts = [by_exercise.get(ex.id) for ex in exercises]
        if all(type(c) is int and c >= 0 for c in counts):
            return sum(counts)
    every = {ex.id for ex in catalog.EXERCISES if ex.unit == unit}
    count = data.get("count")
    if {ex.id for ex in exercises} == every and type(count) is int and count >= 0:
        return count
    return None


def pending_hidden(exercises, root=None):
    """How many hidden checks exist for ``exercises`` (None when the hidden checks are absent)."""
    base = Path(root) if root is not None else Path(__file__).resolve().parent.parent
    if not (base / "hidden").is_dir():
        return released_hidden_count(exercises, base)
    return sum(
        count_checks_in_source(check_file("hidden", ex.unit, ex.id, root)) for ex in exercises
    )
