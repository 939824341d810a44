"""Write the student bundle: stubs, provided code and the public grader; never the reference.

كتابة حزمة الطلاب: هياكل التمارين والشيفرة المساعدة والمصحِّح الآلي العلني، دون الحلول المرجعية.

Steps, in order (each later step relies on the earlier ones):

1. refuse unsafe targets (the checkout itself, its parents, or its source folders) and back up a
   non-empty target when ``force`` is given;
2. copy ``course/`` without the instructor-only ``authoring/`` tools and fast trainer
   (``train/fast.py``), then overwrite every unit
   with stubs freshly generated from ``solutions/`` (so an instructor's local experiments in
   ``course/<unit>/`` never leak into the bundle), and with its notebooks freshly built from their
   sources (``course/<unit>/notebooks/``: the ``.ipynb`` files go in, their ``.py`` sources not);
3. copy ``grader/`` without ``grader/build/`` (the expected-data builder needs the reference);
4. add the data README and digests (never a data file), a bundle README and a ``pyproject.toml``;
5. scan the result (:func:`bundle_problems`: no ``solutions``, hidden checks, quiz answer keys or
   their explanations, data files, solution marker lines or lines of solution code, in notebooks'
   cells too) and refuse to publish it if anything leaked.

The bundle is built in a temporary sibling folder and renamed into place at the end.
"""

import json
import shutil
import tempfile
from pathlib import Path

from course.toml_reader import tomllib

from course.data.backups import backup_file, timestamp
from course.i18n import LocalizedError, _, isolate
from course.units import all_units, get_unit

from .stubs import BEGIN, END, render_unit

# quiz_answers.toml, lab_choice.toml: an instructor's own try of the quiz or the learning-rate lab
# in course/<unit>/ is no student's file.
EXCLUDED_NAMES = {"__pycache__", ".amiq-backups", ".pytest_cache", ".DS_Store", "quiz_answers.toml",
                  "lab_choice.toml"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".h5", ".hdf5", ".mo"}
COURSE_EXCLUDED_DIRS = {"authoring"}  # instructor tools: stub generator, release, page outputs
GRADER_EXCLUDED_DIRS = {"build"}  # the expected-output builder and in-process runner
# The exercise pages' examples are input of the docs tool only (their output is on the
# pages); they quote calls that are also lines of the models' solutions.
GRADING_EXCLUDED_FILES = {"examples.py"}
# A complete trainer of the course's networks (forward and backward passes written out): it
# would answer the exercises, so only the instructor's checkout has it.
INSTRUCTOR_ONLY_FILES = {("course", "train", "fast.py")}
PROTECTED_DIRS = ("course", "grader", "solutions", "tests", "docs", "datasets", ".git")


class ReleaseError(LocalizedError, ValueError):
    """The bundle cannot be written safely (translated message)."""


class ReleaseInputError(ReleaseError):
    """What the user asked for cannot be done: an unsafe or non-empty target, or no reference
    solutions to build from (the command is not run from the instructor's checkout)."""


def _ignore(excluded_dirs, top):
    """A ``copytree`` filter: never-shipped names anywhere, ``excluded_dirs`` directly in ``top``."""
    top = Path(top)

    def ignore(folder, names):
        here = Path(folder)
        skipped = set()
        for name in names:
            if name in EXCLUDED_NAMES or Path(name).suffix in EXCLUDED_SUFFIXES:
                skipped.add(name)
            elif name in excluded_dirs and Path(folder) == top:
                skipped.add(name)
            elif name in GRADING_EXCLUDED_FILES and here.name == "grading":
                skipped.add(name)
            elif (here.parent.name, here.name, name) in INSTRUCTOR_ONLY_FILES:
                skipped.add(name)
        return skipped

    return ignore


def _check_target(out_dir, root):
    out_dir = out_dir.resolve()
    root = root.resolve()
    if out_dir == root or root.is_relative_to(out_dir):
        raise ReleaseInputError(
            lambda: _("Refusing to write the bundle into {target}: it contains the project itself. "
              "Choose a new, empty folder.").format(target=isolate(out_dir))
        )
    for name in PROTECTED_DIRS:
        if out_dir.is_relative_to(root / name):
            raise ReleaseInputError(
                lambda: _("Refusing to write the bundle inside the project's {folder} folder. Choose a "
                  "folder outside it, such as {example}.").format(
                    folder=isolate(name + "/"), example=isolate("dist/student")
                )
            )


def _units(solutions_dir):
    return [u for u in all_units() if (Path(solutions_dir) / u / "__init__.py").is_file()]


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


def bundle_readme(unit_ids):
    """The bundle's README (English, then Arabic), listing each unit's files to edit."""
    rows = []
    for unit_id in unit_ids:
        unit = get_unit(unit_id)
        files = ", ".join(f"`course/{unit_id}/{m}.py`" for m in unit.submission_modules)
        rows.append(f"| `{unit_id}` | {files} |")
    table = "| unit / الوحدة | files / الملفات |\n|---|---|\n" + "\n".join(rows)
    return BUNDLE_README.format(units=table)


BUNDLE_README = """\
# Amiq (عميق): student bundle

This folder holds the exercises of the course and the public grader. It has no reference
solutions and no hidden checks.

Set up once (Python 3.10 or newer):

    python -m venv .venv && . .venv/bin/activate
    pip install -e .

{units}

Then:

- write your code in the files of your unit (replace each `raise NotImplementedError(...)`
  line); `amiq units` lists the units and their exercises;
- or work in the notebooks, one per assignment in Arabic and English:
  `course/UNIT/notebooks/ASSIGNMENT.ar.ipynb` and `.en.ipynb` (open them in JupyterLab,
  Notebook 7 or VS Code, e.g. after `pip install jupyterlab`); they run each exercise's example
  and check it, and the code you write still goes in the files above;
- check your work: `amiq grade --unit UNIT` (or one exercise: `amiq grade c1w4.linear_forward`);
  in a notebook, `import grader; grader.check("c1w4.linear_forward")`;
- get the data of the cat application: `amiq data fetch SOURCE` (a folder or URL your
  instructor gives you), then `amiq data check`;
- train your own model: `amiq train --impl student --model L-layer`;
- at the end of the week, take the quiz: `amiq quiz template --unit UNIT --student YOUR_ID`
  writes `course/UNIT/quiz_answers.toml`; answer in it, check it with
  `amiq grade quiz --unit UNIT`, and submit it (it is graded then).

The lessons (one page per exercise, in Arabic and English) are on the course's website (your
instructor gives you the address).

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

- اكتب شيفرتك في ملفات وحدتك (ضع حلّك مكان كل سطر `raise NotImplementedError(...)`)؛
  ويعرض الأمر `amiq units` الوحدات وتمارينها؛
- أو اعمل في الدفاتر، دفتر لكل واجب بالعربية والإنجليزية:
  `course/UNIT/notebooks/ASSIGNMENT.ar.ipynb` و `.en.ipynb` (افتحها في JupyterLab أو Notebook 7
  أو VS Code، بعد `pip install jupyterlab` مثلًا)؛ تشغّل مثال كل تمرين وتفحصه، وتبقى الشيفرة التي
  تكتبها في الملفات نفسها أعلاه؛
- افحص عملك: `amiq grade --unit UNIT` (أو تمرينًا واحدًا: `amiq grade c1w4.linear_forward`)؛
  وفي دفتر Jupyter: `import grader; grader.check("c1w4.linear_forward")`؛
- احصل على بيانات تطبيق القطط: `amiq data fetch SOURCE` (مجلد أو رابط يعطيك إياه المعلّم)، ثم
  `amiq data check`؛
- درِّب نموذجك أنت: `amiq train --impl student --model L-layer`؛
- وفي نهاية الأسبوع أدِّ الاختبار القصير: يكتب الأمر `amiq quiz template --unit UNIT --student YOUR_ID`
  الملف `course/UNIT/quiz_answers.toml`، فأجب فيه، وافحصه بالأمر `amiq grade quiz --unit UNIT`، ثم سلّمه
  (يُصحَّح حينئذٍ).

الدروس (صفحة لكل تمرين بالعربية والإنجليزية) على موقع المقرر (يعطيك المعلّم عنوانه).

الرسائل بالعربية افتراضيًّا؛ أضف `--lang en` للإنجليزية.

</div>
"""

GITIGNORE = "__pycache__/\n*.py[cod]\n*.egg-info/\n/.venv/\n/out/\n*.h5\n.amiq-backups/\n"


def write_notebooks(course_dir, unit):
    """Build ``unit``'s notebooks into ``course_dir/<unit>/notebooks/`` and drop their sources.

    Returns
    -------
    list of pathlib.Path
        The notebooks written (none for a unit without notebook sources).
    """
    from .notebooks import SOURCE_FOLDER, build_unit, notebook_text

    folder = Path(course_dir) / unit / SOURCE_FOLDER
    if folder.is_dir():
        for source in folder.glob("*.py"):  # the bilingual sources are for authors only
            source.unlink()
    written = []
    for path, notebook in build_unit(unit).items():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / path.name).write_text(notebook_text(notebook), encoding="utf-8")
        written.append(folder / path.name)
    return written


def example_output_lines(notebook_path):
    """Lines the examples print, as a built notebook's expected-output cells show them.

    They are on the lesson pages too (the pages' output blocks), and a printed line may read like
    a solution line (``layer_sizes``' example prints ``n_h = 4``): public, not a leak. Only the
    ``text`` blocks of the cells the builder generated (role ``expected``) are read.

    Parameters
    ----------
    notebook_path : pathlib.Path
        A notebook written by :func:`write_notebooks`.

    Returns
    -------
    set of str
        Stripped lines.
    """
    from .notebooks import expected_block

    cells = json.loads(Path(notebook_path).read_text(encoding="utf-8")).get("cells", [])
    found = set()
    for cell in cells:
        if cell.get("metadata", {}).get("amiq", {}).get("role") == "expected":
            block = expected_block("".join(cell.get("source", "")))
            found |= {line.strip() for line in block.splitlines()}
    return found


def _file_text(path):
    """A text file's text; every cell's source for a notebook (JSON escapes code)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(text).get("cells", [])
        except (ValueError, AttributeError):
            cells = []
        text = "\n".join("".join(c.get("source", "")) for c in cells if isinstance(c, dict))
    return text


def _file_lines(path):
    """Stripped lines of a text file; of every cell's source for a notebook."""
    return {line.strip() for line in _file_text(path).splitlines()}


def _messages(path):
    """The messages a catalogue (``.po``) or a module (gettext calls, ``N_``, ``Message``) holds.

    Their text may be split over several quoted lines in the file, so it is read as the
    translation tools read it.
    """
    from babel.messages.extract import DEFAULT_KEYWORDS, extract
    from babel.messages.pofile import read_po

    found = set()
    try:
        if path.suffix == ".po":
            with open(path, "rb") as fh:
                for message in read_po(fh):
                    found |= {t for t in (message.id, message.string) if isinstance(t, str)}
        elif path.suffix == ".py":
            keywords = {**DEFAULT_KEYWORDS, "Message": (1,), "Plural": (1, 2)}
            with open(path, "rb") as fh:
                for _line, message, _comments, _context in extract("python", fh, keywords):
                    found |= {message} if isinstance(message, str) else set(message)
    except Exception:  # noqa: BLE001 - a file the tools cannot read: the text check still runs
        return set()
    return found


def stated_explanations(path, explanations):
    """The quiz keys' explanations (:func:`key_texts`) that a bundle file states."""
    text = " ".join(_file_text(path).split())
    messages = _messages(path)
    return sorted(t for t in explanations if t in messages or " ".join(t.split()) in text)


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


def published_lines(course_dir, unit_ids):
    """Lines students see on the lesson pages anyway: the units' examples.

    An example may call an exercise the way a solution does (``AL, caches =
    L_model_forward(X, parameters)``); that line is public, not a leak.

    Parameters
    ----------
    course_dir : pathlib.Path
        The checkout's ``course/`` folder.
    unit_ids : iterable of str

    Returns
    -------
    set of str
        Stripped lines of ``course/<unit>/grading/examples.py``.
    """
    found = set()
    for unit in unit_ids:
        path = Path(course_dir) / unit / "grading" / "examples.py"
        if path.is_file():
            found |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    return found


def key_texts(solutions_dir):
    """The quiz keys' explanations, in English and Arabic: text that states the answers.

    Read from the instructor-only catalogues ``solutions/locale/*/LC_MESSAGES/*.po``, which hold
    every explanation (a test keeps them complete).

    Returns
    -------
    set of str
    """
    from babel.messages.pofile import read_po

    found = set()
    for path in sorted(Path(solutions_dir).glob("locale/*/LC_MESSAGES/*.po")):
        with open(path, "rb") as fh:
            for message in read_po(fh):
                if message.id:
                    found.add(message.id)
                    if message.string:
                        found.add(message.string)
    return found


def bundle_problems(bundle, solutions_dir=None, published=frozenset()):
    """List what must never be in a student bundle.

    Parameters
    ----------
    bundle : pathlib.Path
    solutions_dir : pathlib.Path, optional
        When given, a bundle file containing a line of reference solution code is a problem too.
    published : set of str
        Lines that are public anyway (:func:`published_lines`, :func:`example_output_lines`),
        never counted as solution code.

    Returns
    -------
    list of str
        Relative paths with the reason (empty when the bundle is clean): a ``solutions``
        folder, ``grader/build``, a grader key, a quiz answer key or one of its explanations, a
        data file, a solution marker line, or a line of solution code.
    """
    bundle = Path(bundle)
    secret = solution_only_lines(solutions_dir) if solutions_dir is not None else set()
    secret -= set(published)
    explanations = key_texts(solutions_dir) if solutions_dir is not None else set()
    problems = []
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle)
        if "solutions" in rel.parts:
            problems.append(f"{rel}: reference solutions")
        elif rel.parts[:2] == ("grader", "build") or rel.name == ".grader-key":
            problems.append(f"{rel}: instructor-only grader files")
        elif rel.name == "quiz_key.py":
            problems.append(f"{rel}: quiz answer key")
        elif path.suffix in (".h5", ".hdf5"):
            problems.append(f"{rel}: data file")
        elif rel.parts in INSTRUCTOR_ONLY_FILES:
            problems.append(f"{rel}: instructor-only trainer")
        elif path.is_file():
            try:
                lines = _file_lines(path)
            except (UnicodeDecodeError, OSError):
                continue
            if any(line.startswith((BEGIN, END)) for line in lines):
                problems.append(f"{rel}: solution marker line")
            stated = stated_explanations(path, explanations) if explanations else []
            if stated:
                problems.append(f"{rel}: quiz answer key explanation ({stated[0][:40]!r}...)")
            leaked = sorted(lines & secret)
            if leaked:
                problems.append(f"{rel}: reference solution code ({leaked[0]!r})")
    return problems


def build_release(out_dir, root, force=False, unit_ids=None):
    """Write the student bundle into ``out_dir``.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Target folder; must be absent or empty unless ``force``.
    root : pathlib.Path
        The instructor's checkout (holding ``course/``, ``grader/``, ``solutions/``).
    force : bool
        Replace a non-empty ``out_dir``, after moving it to ``.amiq-backups/`` beside it.
    unit_ids : sequence of str, optional
        The units to ship (default: every installed unit with a reference in ``solutions/``);
        the other units' folders are left out of ``course/``.

    Returns
    -------
    tuple
        ``(out_dir, backup or None, list of unit names)``.

    Raises
    ------
    ReleaseInputError
        Unsafe or non-empty target, or missing sources.
    ReleaseError
        A leak found in the built bundle.
    """
    root = Path(root)
    out_dir = Path(out_dir).expanduser()
    _check_target(out_dir, root)
    solutions_dir = root / "solutions"
    if not solutions_dir.is_dir():
        raise ReleaseInputError(
            lambda: _("No {folder} folder in {root}: a bundle is built from the instructor's checkout.")
            .format(folder=isolate("solutions/"), root=isolate(root))
        )
    units = list(unit_ids) if unit_ids else _units(solutions_dir)
    for unit in units:
        if not (solutions_dir / unit / "__init__.py").is_file():
            raise ReleaseInputError(
                lambda unit=unit: _("No reference solutions for unit {unit} in {folder}: the stubs "
                                    "are generated from them, so this needs the instructor's "
                                    "checkout.").format(unit=isolate(unit),
                                                        folder=isolate(solutions_dir))
            )
    if out_dir.exists() and not out_dir.is_dir():
        raise ReleaseInputError(lambda: _("{target} exists and is not a folder.").format(target=isolate(out_dir)))
    backup = None
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not force:
            raise ReleaseInputError(
                lambda: _("{target} is not empty. Choose an empty folder, or pass {flag} to replace it "
                  "(its current content is moved to a backup first).").format(
                    target=isolate(out_dir), flag=isolate("--force")
                )
            )
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.staging-"))
    try:
        left_out = set(all_units()) - set(units)
        shutil.copytree(root / "course", staging / "course",
                        ignore=_ignore(COURSE_EXCLUDED_DIRS | left_out, root / "course"))
        published = published_lines(root / "course", units)
        for unit in units:
            for name, text in render_unit(solutions_dir, unit).items():
                path = staging / "course" / unit / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            for notebook in write_notebooks(staging / "course", unit):
                published |= example_output_lines(notebook)
        if (root / "grader").is_dir():
            shutil.copytree(root / "grader", staging / "grader",
                            ignore=_ignore(GRADER_EXCLUDED_DIRS, root / "grader"))
        data_dir = staging / "datasets" / "catvnoncat"
        data_dir.mkdir(parents=True)
        (data_dir / ".gitkeep").write_text("")
        for name in ("README.md", "SHA256SUMS"):
            if (root / "datasets" / name).is_file():
                shutil.copy2(root / "datasets" / name, staging / "datasets" / name)
        (staging / "README.md").write_text(bundle_readme(units), encoding="utf-8")
        (staging / "pyproject.toml").write_text(_pyproject(root), encoding="utf-8")
        (staging / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        problems = bundle_problems(staging, solutions_dir, published)
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
