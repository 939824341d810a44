"""Write the student bundle: stubs, provided code and the public grader; never the reference.

كتابة حزمة الطلاب: هياكل التمارين والشيفرة المساعدة والمصحِّح الآلي العلني، دون الحلول المرجعية.

Steps, in order (each later step relies on the earlier ones):

1. refuse unsafe targets (the checkout itself, its parents, or its source folders) and back up a
   non-empty target when ``force`` is given;
2. copy ``course/`` without the instructor-only ``authoring/`` tools, then overwrite every unit
   with stubs freshly generated from ``solutions/`` (so an instructor's local experiments in
   ``course/<unit>/`` never leak into the bundle);
3. copy ``grader/`` without ``grader/hidden/`` and ``grader/build/``;
4. add the data README and digests (never a data file), a bundle README and a ``pyproject.toml``;
5. scan the result (:func:`bundle_problems`: no ``solutions``, hidden checks, data files,
   solution marker lines or lines of solution code) and refuse to publish it if anything leaked.

The bundle is built in a temporary sibling folder and renamed into place at the end.
"""

import json
import shutil
import tempfile
from pathlib import Path

try:
    import tomllib  # novermin (Python 3.11+; the fallback below covers 3.10)
except ModuleNotFoundError:  # Python 3.10: tomli, the same parser (a dependency there)
    import tomli as tomllib

from course.data.backups import backup_file, timestamp
from course.i18n import LocalizedError, _, isolate

from .stubs import BEGIN, END, render_unit

EXCLUDED_NAMES = {"__pycache__", ".amiq-backups", ".pytest_cache", ".DS_Store"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".h5", ".hdf5", ".mo"}
COURSE_EXCLUDED_DIRS = {"authoring"}  # instructor tools: stub generator, release, page outputs
GRADER_EXCLUDED_DIRS = {"hidden", "build"}  # hidden checks and the expected-output builder
PROTECTED_DIRS = ("course", "grader", "solutions", "tests", "docs", "datasets", ".git")


class ReleaseError(LocalizedError, ValueError):
    """The bundle cannot be written safely (translated message)."""


def _ignore(excluded_dirs):
    def ignore(folder, names):
        top = Path(folder)
        skipped = set()
        for name in names:
            if name in EXCLUDED_NAMES or Path(name).suffix in EXCLUDED_SUFFIXES:
                skipped.add(name)
            elif name in excluded_dirs and top.name in ("course", "grader"):
                skipped.add(name)
        return skipped

    return ignore


def _check_target(out_dir, root):
    out_dir = out_dir.resolve()
    root = root.resolve()
    if out_dir == root or root.is_relative_to(out_dir):
        raise ReleaseError(
            lambda: _("Refusing to write the bundle into {target}: it contains the project itself. "
              "Choose a new, empty folder.").format(target=isolate(out_dir))
        )
    for name in PROTECTED_DIRS:
        if out_dir.is_relative_to(root / name):
            raise ReleaseError(
                lambda: _("Refusing to write the bundle inside the project's {folder} folder. Choose a "
                  "folder outside it, such as {example}.").format(
                    folder=isolate(name + "/"), example=isolate("dist/student")
                )
            )


def _units(solutions_dir):
    return sorted(p.name for p in Path(solutions_dir).iterdir()
                  if p.is_dir() and (p / "__init__.py").is_file())


def _pyproject(root):
    with open(root / "pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    deps = ",\n".join(f"    {json.dumps(d)}" for d in project.get("dependencies", []))
    return f"""# The student bundle of Amiq, written by `amiq release`.
[build-system]
requires = ["setuptools>=77", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "amiq"
version = {json.dumps(project.get("version", "0.0.0"))}
description = {json.dumps(project.get("description", "Amiq") + " (student bundle)")}
readme = "README.md"
requires-python = {json.dumps(project.get("requires-python", ">=3.10"))}
license = "MIT"
dependencies = [
{deps}
]

[project.scripts]
amiq = "course.cli.main:main"

[tool.setuptools.packages.find]
include = ["course*", "grader*"]

[tool.setuptools.package-data]
"*" = ["*.po", "*.pot", "*.json", "*.npz", "*.txt", "*.csv"]
"""


BUNDLE_README = """\
# Amiq (عميق): student bundle

This folder holds the exercises of the course and the public grader. It has no reference
solutions and no hidden checks.

Set up once (Python 3.10 or newer):

    python -m venv .venv && . .venv/bin/activate
    pip install -e .

Then:

- write your code in `course/c1w4/step_by_step.py` and `course/c1w4/cat_classifier.py`
  (replace each `raise NotImplementedError(...)` line);
- check your work: `amiq grade` (or one exercise: `amiq grade linear_forward`); in a
  notebook, `import grader; grader.check("linear_forward")`;
- get the data: `amiq data fetch SOURCE` (a folder or URL your instructor gives you), then
  `amiq data check`;
- train your own model: `amiq train --impl student --model L-layer`.

The lessons (one page per exercise, in Arabic and English) are on the course's website (your
instructor gives you the address); in the project's full repository they are served with
`mkdocs serve -f docs/mkdocs.yml`.

Messages are in Arabic by default; add `--lang en` for English.

---

<div dir="rtl" lang="ar">

# عميق: حزمة الطلاب

يضم هذا المجلد تمارين المقرر والمصحِّح الآلي العلني، ولا يضم الحلول المرجعية ولا الفحوص المخفية.

الإعداد مرة واحدة (بايثون 3.10 أو أحدث):

</div>

    python -m venv .venv && . .venv/bin/activate
    pip install -e .

<div dir="rtl" lang="ar">

ثم:

- اكتب شيفرتك في `course/c1w4/step_by_step.py` و `course/c1w4/cat_classifier.py`
  (ضع حلّك مكان كل سطر `raise NotImplementedError(...)`)؛
- افحص عملك: `amiq grade` (أو تمرينًا واحدًا: `amiq grade linear_forward`)؛ وفي دفتر
  Jupyter: `import grader; grader.check("linear_forward")`؛
- احصل على البيانات: `amiq data fetch SOURCE` (مجلد أو رابط يعطيك إياه المعلّم)، ثم
  `amiq data check`؛
- درِّب نموذجك أنت: `amiq train --impl student --model L-layer`.

الدروس (صفحة لكل تمرين بالعربية والإنجليزية) على موقع المقرر (يعطيك المعلّم عنوانه)، وفي
المستودع الكامل للمشروع تُعرض بالأمر `mkdocs serve -f docs/mkdocs.yml`.

الرسائل بالعربية افتراضيًّا؛ أضف `--lang en` للإنجليزية.

</div>
"""

GITIGNORE = "__pycache__/\n*.py[cod]\n*.egg-info/\n/.venv/\n/out/\n*.h5\n.amiq-backups/\n"


def solution_only_lines(solutions_dir):
    """Code lines that appear only inside solution regions of the reference.

    Parameters
    ----------
    solutions_dir : pathlib.Path
        The ``solutions/`` folder.

    Returns
    -------
    set of str
        Stripped, non-comment lines of the regions that occur nowhere outside them (so provided
        code that happens to repeat a solution line is not counted).
    """
    inside_lines, outside_lines = set(), set()
    for path in Path(solutions_dir).rglob("*.py"):
        inside = False
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped == BEGIN:
                inside = True
            elif stripped == END:
                inside = False
            elif inside and stripped and not stripped.startswith("#"):
                inside_lines.add(stripped)
            else:
                outside_lines.add(stripped)
    return {line for line in inside_lines - outside_lines if len(line) > 3}


def bundle_problems(bundle, solutions_dir=None):
    """List what must never be in a student bundle.

    Parameters
    ----------
    bundle : pathlib.Path
    solutions_dir : pathlib.Path, optional
        When given, a bundle file containing a line of reference solution code is a problem too.

    Returns
    -------
    list of str
        Relative paths with the reason (empty when the bundle is clean): a ``solutions``
        folder, ``grader/hidden`` or ``grader/build``, a data file, a solution marker line, or a
        line of solution code.
    """
    bundle = Path(bundle)
    secret = solution_only_lines(solutions_dir) if solutions_dir is not None else set()
    problems = []
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle)
        if "solutions" in rel.parts:
            problems.append(f"{rel}: reference solutions")
        elif rel.parts[:2] in (("grader", "hidden"), ("grader", "build")):
            problems.append(f"{rel}: instructor-only grader files")
        elif path.suffix in (".h5", ".hdf5"):
            problems.append(f"{rel}: data file")
        elif path.is_file():
            try:
                lines = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
            except (UnicodeDecodeError, OSError):
                continue
            if any(line.startswith((BEGIN, END)) for line in lines):
                problems.append(f"{rel}: solution marker line")
            leaked = sorted(lines & secret)
            if leaked:
                problems.append(f"{rel}: reference solution code ({leaked[0]!r})")
    return problems


HIDDEN_COUNT_FILE = "hidden_checks.json"


def hidden_check_counts(grader_dir, unit):
    """How many hidden checks each exercise of ``unit`` has, counted in the instructor's grader.

    Parameters
    ----------
    grader_dir : pathlib.Path
        The checkout's ``grader/`` (with ``hidden/<unit>/check_<id>.py``).
    unit : str

    Returns
    -------
    dict
        ``{exercise id: number of @check functions}`` in course order (0 for none).
    """
    from course.catalog import EXERCISES
    from grader.runner.discovery import count_checks_in_source

    hidden = Path(grader_dir) / "hidden" / unit
    return {ex.id: count_checks_in_source(hidden / f"check_{ex.id}.py")
            for ex in EXERCISES if ex.unit == unit}


def write_hidden_count(grader_dir, bundle_grader_dir, unit):
    """Write ``grader/public/<unit>/hidden_checks.json`` into the bundle.

    ``{"count": N, "by_exercise": {...}}``: the bundle has no hidden checks, but the grader
    tells students how many run when their work is graded.
    """
    counts = hidden_check_counts(grader_dir, unit)
    target = Path(bundle_grader_dir) / "public" / unit / HIDDEN_COUNT_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"count": sum(counts.values()), "by_exercise": counts},
                                 indent=1) + "\n", encoding="utf-8")
    return target


def build_release(out_dir, root, force=False):
    """Write the student bundle into ``out_dir``.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Target folder; must be absent or empty unless ``force``.
    root : pathlib.Path
        The instructor's checkout (holding ``course/``, ``grader/``, ``solutions/``).
    force : bool
        Replace a non-empty ``out_dir``, after moving it to ``.amiq-backups/`` beside it.

    Returns
    -------
    tuple
        ``(out_dir, backup or None, list of unit names)``.

    Raises
    ------
    ReleaseError
        Unsafe or non-empty target, missing sources, or a leak found in the built bundle.
    """
    root = Path(root)
    out_dir = Path(out_dir).expanduser()
    _check_target(out_dir, root)
    solutions_dir = root / "solutions"
    if not solutions_dir.is_dir():
        raise ReleaseError(
            lambda: _("No {folder} folder in {root}: a bundle is built from the instructor's checkout.")
            .format(folder=isolate("solutions/"), root=isolate(root))
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise ReleaseError(lambda: _("{target} exists and is not a folder.").format(target=isolate(out_dir)))
    backup = None
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not force:
            raise ReleaseError(
                lambda: _("{target} is not empty. Choose an empty folder, or pass {flag} to replace it "
                  "(its current content is moved to a backup first).").format(
                    target=isolate(out_dir), flag=isolate("--force")
                )
            )
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.staging-"))
    try:
        shutil.copytree(root / "course", staging / "course", ignore=_ignore(COURSE_EXCLUDED_DIRS))
        units = _units(solutions_dir)
        for unit in units:
            for name, text in render_unit(solutions_dir, unit).items():
                path = staging / "course" / unit / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        if (root / "grader").is_dir():
            shutil.copytree(root / "grader", staging / "grader",
                            ignore=_ignore(GRADER_EXCLUDED_DIRS))
        for unit in units:
            write_hidden_count(root / "grader", staging / "grader", unit)
        data_dir = staging / "datasets" / "catvnoncat"
        data_dir.mkdir(parents=True)
        (data_dir / ".gitkeep").write_text("")
        for name in ("README.md", "SHA256SUMS"):
            if (root / "datasets" / name).is_file():
                shutil.copy2(root / "datasets" / name, staging / "datasets" / name)
        (staging / "README.md").write_text(BUNDLE_README, encoding="utf-8")
        (staging / "pyproject.toml").write_text(_pyproject(root), encoding="utf-8")
        (staging / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        problems = bundle_problems(staging, solutions_dir)
        if problems:
            raise ReleaseError(
                lambda: _("The bundle would leak instructor material, so nothing was written: {items}.")
                .format(items="; ".join(problems[:10]))
            )
        if out_dir.exists():
            if any(out_dir.iterdir()):
                backup = backup_file(out_dir, out_dir.parent, timestamp(), move=True)
            else:
                out_dir.rmdir()
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir, backup, units
