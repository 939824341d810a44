"""Build a complete Gradescope autograder zip for one unit (``amiq export gradescope``).

بناء ملف zip كامل للمصحِّح الآلي في منصة Gradescope لوحدة دراسية واحدة.

Gradescope unpacks the zip into ``/autograder/source/``, runs ``setup.sh`` once as root (Ubuntu
22.04, Python 3.10), then ``run_autograder`` for every submission with the student's files in
``/autograder/submission/``; the result goes to ``/autograder/results/results.json``. The zip:

============================  ==============================================================
``setup.sh``                  installs the pinned dependencies (``requirements.txt``), makes the
                              source readable by root only, checks the grader starts
``run_autograder``            grades ``submission/`` with the hidden checks
                              (:mod:`grader.classroom.autograder`), always writes a result
``requirements.txt``          exact versions for the image's Python (:func:`pinned_requirements`)
``amiq.json``                 the unit, the feedback language, the seed
``amiq/``                     the grader (``grader/``), what grading the unit needs of
                              ``course/`` (:func:`course_files`), the unit's reference and
                              hidden checks (``solutions/<unit>/``) and the grader's secret key
                              (``solutions/.grader-key``, mode 0600)
``README.md``                 for the instructor: upload, what students submit, what they see
============================  ==============================================================

The zip is for the instructor and Gradescope only: students never receive it (they receive the
student bundle of ``amiq release``, which has no reference and no key).
"""

import io
import json
import os
import stat
import time
import zipfile
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..feedback import Message, N_

CONFIG_NAME = "amiq.json"
CONFIG_FORMAT = "amiq-gradescope"
SOURCE_DIR = "amiq"
# Gradescope's default image (Ubuntu 22.04) runs Python 3.10.
DEFAULT_PYTHON = "3.10"
# What grading imports: NumPy, pytest and its own dependencies, Babel (the Arabic catalogues).
GRADING_DISTRIBUTIONS = ("numpy", "pytest", "pluggy", "iniconfig", "packaging", "pygments",
                         "babel")
# pytest's extra dependencies before Python 3.11 (and exceptiongroup's), with the versions used
# when this interpreter (3.11 or newer) has none installed to copy.
OLD_PYTHON_EXTRAS = {"exceptiongroup": "1.3.0", "tomli": "2.2.1", "typing_extensions": "4.15.0"}
# The newest release of a distribution that still supports an older Python, for when the
# installed one does not (NumPy 2.3 dropped Python 3.10).
LAST_RELEASE_FOR = {("numpy", "3.10"): "2.2.6"}
EXCLUDED_NAMES = {"__pycache__", ".amiq-backups", ".pytest_cache", ".DS_Store", ".grader-key"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".h5", ".hdf5", ".mo"}
# Of course/authoring (instructor tools), grading imports only the stub renderer: with the
# reference installed, the provided modules are rendered from it (grader.runner.engine.layout_for).
AUTHORING_NEEDED = {"__init__.py", "stubs.py"}
# In the unit's folder: the notebooks are for students, grading/examples.py is input of the docs
# tool, and quiz_answers.toml / lab_choice.toml would be an instructor's own try.
UNIT_EXCLUDED = {"notebooks", "quiz_answers.toml", "lab_choice.toml"}
GRADING_EXCLUDED = {"examples.py"}
PROTECTED_DIRS = ("course", "grader", "solutions", "tests", "docs", "datasets", ".git")


class ExportError(Exception):
    """The export cannot be written; ``messages`` say why."""

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


def _version_key(text):
    return tuple(int(p) for p in text.split(".")[:2])


def pinned_requirements(python=DEFAULT_PYTHON):
    """``requirements.txt`` for grading on ``python``: exact versions.

    Each distribution is pinned to the version installed here when that version supports
    ``python``, else to :data:`LAST_RELEASE_FOR`; pytest's back-ports are added for Python
    before 3.11.

    Raises
    ------
    ExportError
        A distribution is missing here, or no known version supports ``python``.
    """
    from packaging.specifiers import SpecifierSet

    lines = [f"# Grading dependencies of Amiq {__version__} for Python {python}, written by "
             "amiq export gradescope."]
    for name in GRADING_DISTRIBUTIONS:
        try:
            info = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            raise ExportError(Message(N_("{name} is not installed here, so its version cannot "
                                         "be pinned."), name=name)) from None
        version = info["Version"]
        supported = info.get("Requires-Python") or ""
        if supported and not SpecifierSet(supported).contains(f"{python}.0"):
            version = LAST_RELEASE_FOR.get((name, python))
            if version is None:
                raise ExportError(Message(
                    N_("No known version of {name} supports Python {python}; choose another "
                       "Python with --python."), name=name, python=python))
        lines.append(f"{name}=={version}")
    if _version_key(python) < (3, 11):
        for name, fallback in OLD_PYTHON_EXTRAS.items():
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = fallback
            lines.append(f'{name}=={version}; python_version < "3.11"')
    return "\n".join(lines) + "\n"


SETUP_SH = """\
#!/usr/bin/env bash
# Amiq's Gradescope set-up: run once, as root, when Gradescope builds the autograder image.
set -euo pipefail
ROOT="${AMIQ_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
PYTHON="${AMIQ_AUTOGRADER_PYTHON:-python3}"
# AMIQ_AUTOGRADER_TEST_SKIP_INSTALL=1 is for Amiq's own tests only: they point PYTHON at an
# environment that already has the dependencies, so nothing is downloaded.
if [ "${AMIQ_AUTOGRADER_TEST_SKIP_INSTALL:-0}" != "1" ]; then
    if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-pip
    fi
    "$PYTHON" -m pip install --no-cache-dir --disable-pip-version-check -r "$SOURCE/requirements.txt"
fi
# The reference solutions and the grader's key are readable by root only; the students' code
# never runs as root.
chmod -R go-rwx "$SOURCE"
# From the source folder, so that no other "grader" package in the working folder is imported.
cd "$SOURCE/amiq"
PYTHONPATH="$SOURCE/amiq" "$PYTHON" -m grader.classroom.autograder --check --root "$ROOT"
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Amiq's Gradescope run: grade /autograder/submission with the hidden checks into
# /autograder/results/results.json. A result is always written, whatever the submission does.
ROOT="${AMIQ_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
PYTHON="${AMIQ_AUTOGRADER_PYTHON:-python3}"
mkdir -p "$ROOT/results"
chmod 755 "$ROOT/results"
# From the source folder, so that no other "grader" package in the working folder is imported.
cd "$SOURCE/amiq" && PYTHONPATH="$SOURCE/amiq" "$PYTHON" -m grader.classroom.autograder --root "$ROOT"
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
    printf '{"score": 0, "output": "%s (%s)", "tests": []}\\n' \\
        "The autograder could not run; please tell your instructor. / تعذّر تشغيل المصحِّح الآلي؛ أخبر المعلّم." \\
        "$status" > "$ROOT/results/results.json"
fi
exit 0
"""


def _readme(unit, lang, seed):
    files = ", ".join(f"`{m}.py`" for m in unit.submission_modules)
    seed_en = f"`{seed}`" if seed is not None else "the grader's default (fixed)"
    seed_ar = f"`{seed}`" if seed is not None else "الافتراضية للمصحِّح (ثابتة)"
    return README.format(unit=unit.id, files=files, lang=lang, seed_en=seed_en, seed_ar=seed_ar,
                         version=__version__)


README = """\
# Amiq autograder for Gradescope: unit {unit}

Built by `amiq export gradescope` (Amiq {version}). **Keep this zip private**: it holds the
reference solutions, the hidden checks and the grader's secret key.

1. In Gradescope, create a *Programming Assignment*; under *Configure Autograder* choose
   *Zip file upload*, the Ubuntu 22.04 base image, and upload this zip.
2. Students upload {files} (flat, or in their workspace layout `course/{unit}/`), or the zip
   written by `amiq submit`. Any of these works.
3. Each submission is graded with the public and hidden checks; feedback is in `{lang}`.
   Hidden checks are shown to students once you publish the grades (`after_published`).
4. Seed of the random cases: {seed_en}. Hidden inputs also depend on the secret key and on the
   student's files, so students cannot predict them.

`setup.sh` installs the exact versions in `requirements.txt` for the image's Python. The
students' code runs in Amiq's sandbox as an unprivileged user, with time and memory limits;
the source folder is readable by root only. Build a new zip when the unit changes.

---

<div dir="rtl" lang="ar">

# المصحِّح الآلي لعميق في Gradescope: الوحدة الدراسية {unit}

بناه الأمر `amiq export gradescope` (عميق {version}). **احتفظ بهذا الملف لنفسك**: فيه الحلول
المرجعية والفحوص المخفية والمفتاح السرّي للمصحِّح.

1. أنشئ في Gradescope واجبًا برمجيًّا (Programming Assignment)، واختر في إعداد المصحِّح الآلي
   رفع ملف zip وصورة Ubuntu 22.04 الأساسية، ثم ارفع هذا الملف.
2. يرفع الطلاب {files} (مباشرةً أو بترتيب مساحة عملهم `course/{unit}/`)، أو ملف zip الذي يكتبه
   الأمر `amiq submit`، وكل ذلك مقبول.
3. يُصحَّح كل تسليم بالفحوص العلنية والمخفية، والملاحظات باللغة `{lang}`. ويرى الطلاب الفحوص
   المخفية بعد أن تنشر الدرجات (`after_published`).
4. بذرة الحالات العشوائية: {seed_ar}. وتعتمد المُدخلات المخفية أيضًا على المفتاح السرّي وعلى ملفات
   الطالب، فلا يستطيع الطلاب توقّعها.

يثبّت `setup.sh` الإصدارات المحدّدة في `requirements.txt` لبايثون الصورة. وتعمل شيفرة الطلاب في
صندوق العزل مستخدمًا بلا صلاحيات، مع حدود للزمن والذاكرة، ولا يقرأ مجلدَ المصدر إلا المستخدم
الجذر (root). ابنِ ملفًا جديدًا كلما تغيّرت الوحدة الدراسية.

</div>
"""


def _files(folder, arc_prefix, skip_top=()):
    """``(path, name in the zip)`` of every file under ``folder`` that ships."""
    folder = Path(folder)
    for current, dirs, files in os.walk(folder):
        rel = Path(current).relative_to(folder)
        dirs[:] = sorted(d for d in dirs if d not in EXCLUDED_NAMES
                         and not (rel == Path(".") and d in skip_top))
        for name in sorted(files):
            if name in EXCLUDED_NAMES or Path(name).suffix in EXCLUDED_SUFFIXES:
                continue
            path = Path(current) / name
            if path.is_symlink():
                continue
            yield path, f"{arc_prefix}/{(rel / name).as_posix()}"


def course_files(course_dir, unit_id, arc_prefix):
    """``(path, name in the zip)`` of what grading ``unit_id`` needs of ``course_dir``.

    That is the shared code (``units.py``, ``i18n.py`` with ``locale/``, ``fileio.py``, and the
    packages the grader's own modules import: ``cli``, ``data``, ``quiz``, ``train``, ...), the
    unit's folder without its notebooks, and :data:`AUTHORING_NEEDED` of ``authoring/``. The
    other units' folders are left out: units are found by their ``unit.py``, so the unit
    registry of the autograder lists this unit only.
    """
    from course.units import all_units

    course_dir = Path(course_dir)
    other_units = set(all_units()) - {unit_id}
    for path, name in _files(course_dir, arc_prefix, skip_top=other_units):
        parts = path.relative_to(course_dir).parts
        if parts[0] == "authoring" and (len(parts) > 2 or parts[-1] not in AUTHORING_NEEDED):
            continue
        if parts[0] == unit_id and len(parts) > 1 and parts[1] in UNIT_EXCLUDED:
            continue
        if parts[:2] == (unit_id, "grading") and parts[-1] in GRADING_EXCLUDED:
            continue
        yield path, name


def _add(zf, name, data, mode=0o644):
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = (stat.S_IFREG | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def _check_target(out, root):
    out = Path(out).resolve()
    for name in PROTECTED_DIRS:
        if out.is_relative_to((Path(root) / name).resolve()):
            raise ExportError(Message(N_("Refusing to write inside the project's {folder} "
                                         "folder; choose a path outside it."),
                                      folder=name + "/"))
    if out.exists() and out.is_dir():
        raise ExportError(Message(N_("{path} is a folder; give the zip file's path."),
                                  path=str(out)))
    if not out.parent.is_dir():
        raise ExportError(Message(N_("The folder {folder} does not exist."),
                                  folder=str(out.parent)))


def build_gradescope(out_zip, root, unit_id, lang, seed=None, python=DEFAULT_PYTHON,
                     allow_weak_isolation=False, force=False):
    """Write the Gradescope autograder zip for ``unit_id``.

    Parameters
    ----------
    out_zip : path
        The zip to write (refused if it exists, unless ``force``: then backed up first).
    root : pathlib.Path
        The instructor's checkout (``course/``, ``grader/``, ``solutions/``).
    unit_id : str
    lang : {"ar", "en"}
        The students' feedback language.
    seed : int or None
        The seed of the random cases (None: the grader's default).
    python : str
        The image's Python version (``3.10`` for Gradescope's Ubuntu 22.04).
    allow_weak_isolation : bool
        Let the autograder grade where the sandbox is weaker than hidden grading needs (passed to
        the engine when it has that policy).
    force : bool

    Returns
    -------
    (pathlib.Path, pathlib.Path or None)
        The zip and the backup of a previous file.

    Raises
    ------
    ExportError
    """
    from course.data.backups import backup_file, timestamp
    from course.fileio import write_bytes
    from course.units import get_unit

    from ..keys import grader_key
    from ..runner.engine import hidden_available

    root = Path(root)
    out = Path(out_zip)
    _check_target(out, root)
    unit = get_unit(unit_id)
    solutions = root / "solutions"
    if not hidden_available(unit) or not (solutions / unit.id).is_dir():
        raise ExportError(Message(N_("The autograder needs the reference solutions and hidden "
                                     "checks of unit {unit} (solutions/{unit}/)."), unit=unit.id))
    if out.exists() and not force:
        raise ExportError(Message(N_("{path} exists; pass --force to replace it (a copy is kept "
                                     "first)."), path=str(out)))
    key = grader_key(create=True).hex()
    config = {"format": CONFIG_FORMAT, "format_version": 1, "unit": unit.id, "lang": lang,
              "seed": seed, "allow_weak_isolation": bool(allow_weak_isolation),
              "python": python, "amiq": __version__}
    requirements = pinned_requirements(python)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        _add(zf, "setup.sh", SETUP_SH, 0o755)
        _add(zf, "run_autograder", RUN_AUTOGRADER, 0o755)
        _add(zf, "requirements.txt", requirements)
        _add(zf, CONFIG_NAME, json.dumps(config, indent=2) + "\n")
        _add(zf, "README.md", _readme(unit, lang, seed))
        _add(zf, f"{SOURCE_DIR}/pyproject.toml", (root / "pyproject.toml").read_bytes())
        for path, name in course_files(root / "course", unit.id, f"{SOURCE_DIR}/course"):
            _add(zf, name, path.read_bytes())
        for path, name in _files(root / "grader", f"{SOURCE_DIR}/grader", ("build",)):
            _add(zf, name, path.read_bytes())
        _add(zf, f"{SOURCE_DIR}/solutions/__init__.py",
             (solutions / "__init__.py").read_bytes() if (solutions / "__init__.py").is_file()
             else b"")
        for path, name in _files(solutions / unit.id, f"{SOURCE_DIR}/solutions/{unit.id}"):
            _add(zf, name, path.read_bytes())
        _add(zf, f"{SOURCE_DIR}/solutions/.grader-key", key + "\n", 0o600)
    backup = None
    if out.exists():
        backup = backup_file(out, out.parent, timestamp())
    write_bytes(out, buffer.getvalue(), mode=0o600)  # it holds the key: private from the start
    return out, backup
