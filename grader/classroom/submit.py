"""``amiq submit``: check a student's module files and pack them into one zip to upload.

الأمر ``amiq submit``: فحص ملفات الطالب وتجميعها في ملف zip واحد جاهز للرفع.

The checks are static (nothing of the student's code runs): every module file of the unit is
there, is UTF-8, parses, and defines each graded function at its top level; a function that
still raises the stub's ``NotImplementedError`` is *unfinished* (a warning, not an error). The
zip holds the module files at its root, the quiz's and the lab's answer files when they exist
(:data:`ANSWER_FILES`), and ``amiq-manifest.json`` (the unit, each file's SHA-256
and size, the unfinished exercises, the tool's version and the time), so ``amiq grade --class``
and the Gradescope autograder take it as it is, and can tell when a file changed afterwards.
"""

import ast
import hashlib
import io
import json
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..feedback import Message, N_
from ..sandbox.client import MAX_FILE_BYTES
from .intake import MANIFEST_FORMAT, MANIFEST_NAME

# Answer files the unit's workspace may hold besides the modules: the end-of-week quiz and the
# learning-rate lab's choice. Packed when present, so one zip hands in everything.
ANSWER_FILES = ("quiz_answers.toml", "lab_choice.toml")
ANSWER_FILE_BYTES = 1_000_000


@dataclass
class SubmitCheck:
    """What :func:`check_files` found.

    Attributes
    ----------
    files : dict
        ``{file name: bytes}`` of the module files that exist.
    errors : list of Message
        What stops the submission (missing file, syntax error, undefined function).
    unfinished : list of str
        Exercise names whose function still raises ``NotImplementedError``.
    """

    files: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    unfinished: list = field(default_factory=list)


def _raises_not_implemented(function):
    for node in ast.walk(function):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id == "NotImplementedError":
                return True
    return False


def _top_level_functions(tree):
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = node
    return found


def check_files(folder, unit):
    """Check ``folder``'s module files of ``unit`` without running them.

    Parameters
    ----------
    folder : pathlib.Path
        The student's ``course/<unit>/``.
    unit : course.units.Unit

    Returns
    -------
    SubmitCheck
    """
    result = SubmitCheck()
    for module in unit.submission_modules:
        name = f"{module}.py"
        path = Path(folder) / name
        if not path.is_file() or path.is_symlink():
            result.errors.append(Message(N_("{file} is missing from {folder}."), file=name,
                                         folder=str(folder)))
            continue
        data = path.read_bytes()
        if len(data) > MAX_FILE_BYTES:
            result.errors.append(Message(N_("{file} is larger than {limit} bytes."), file=name,
                                         limit=MAX_FILE_BYTES))
            continue
        result.files[name] = data
        try:
            tree = ast.parse(data.decode("utf-8"), filename=name)
        except UnicodeDecodeError:
            result.errors.append(Message(N_("{file} is not UTF-8 text."), file=name))
            continue
        except SyntaxError as exc:
            result.errors.append(Message(N_("{file} has a syntax error at line {line}: {error}"),
                                         file=name, line=exc.lineno or "?",
                                         error=exc.msg or "invalid syntax"))
            continue
        functions = _top_level_functions(tree)
        for exercise in unit.exercises:
            if exercise.module != module:
                continue
            function = functions.get(exercise.name)
            if function is None:
                result.errors.append(Message(
                    N_("{file} does not define the graded function {function} (at its top "
                       "level)."), file=name, function=exercise.name))
            elif _raises_not_implemented(function):
                result.unfinished.append(exercise.name)
    for name in ANSWER_FILES:
        path = Path(folder) / name
        if path.is_file() and not path.is_symlink():
            if path.stat().st_size > ANSWER_FILE_BYTES:
                result.errors.append(Message(N_("{file} is larger than {limit} bytes."),
                                             file=name, limit=ANSWER_FILE_BYTES))
            else:
                result.files[name] = path.read_bytes()
    return result


def manifest(unit, files, unfinished):
    """The ``amiq-manifest.json`` data of a submission."""
    return {
        "format": MANIFEST_FORMAT,
        "format_version": 1,
        "unit": unit.id,
        "files": [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                  for name, data in sorted(files.items())],
        "exercises": {"unfinished": list(unfinished),
                      "finished": [e.name for e in unit.exercises if e.name not in unfinished]},
        "amiq": __version__,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def submission_zip(unit, files, unfinished):
    """The zip's bytes: the module files at the root and the manifest."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in sorted(files.items()):
            zf.writestr(name, data)
        zf.writestr(MANIFEST_NAME, json.dumps(manifest(unit, files, unfinished), indent=2) + "\n")
    return buffer.getvalue()


def write_submission(out, unit, files, unfinished):
    """Write the zip atomically; an existing file is first copied to ``.amiq-backups/``.

    Returns
    -------
    (pathlib.Path, pathlib.Path or None)
        The zip and the backup.
    """
    from course.data.backups import backup_file, timestamp
    from course.fileio import write_bytes

    out = Path(out)
    backup = None
    if out.is_file():
        backup = backup_file(out, out.parent, timestamp())
    write_bytes(out, submission_zip(unit, files, unfinished))
    return out, backup
