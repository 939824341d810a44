"""Problems of a whole submission module, found once and reported once at the top of the report.

مشكلات تخصّ ملفًا كاملًا من الحل (ملف لا يمكن استيراده أو ملف مفقود)، تُعرض مرة واحدة في أعلى التقرير.

When ``step_by_step.py`` has a ``SyntaxError`` every call of every check fails the same way; the
checks keep a one-line status that refers to this problem instead of repeating the traceback.
"""

from ..feedback import ImportFailed, Message, ModuleMissing, N_, Plural
from ..sandbox.allowlist import shown_list
from .results import SubmissionProblem


def _exercise_module(unit, name):
    for ex in unit.exercises:
        if ex.name == name:
            return f"{ex.module}.py"
    return None


def _missing_import(exc, files, unit):
    """The missing module file an import error is about (``No module named 'c1w4.x'``), if any."""
    if exc.type_name != "ModuleNotFoundError":
        return None
    for module in unit.submission_modules:
        name = f"{module}.py"
        if name not in files and f"'{unit.id}.{module}'" in exc.error_message:
            return name
    return None


def _code_block(exc):
    """The offending line with its number and, when the column is known, a caret under it."""
    source = exc.source_line.expandtabs(4)
    if not source.strip():
        return None
    prefix = f"{exc.line} | " if exc.line is not None else ""
    stripped = source.lstrip()
    lines = [f"{prefix}{stripped}"]
    if exc.column is not None:
        offset = exc.column - 1 - (len(source) - len(stripped))
        if 0 <= offset <= len(stripped):
            lines.append(" " * (len(prefix) + offset) + "^")
    return "\n".join(lines)


def _number(unit, name):
    return unit.exercise(name).number


def _import_problem(exc, exercises, unit):
    modules = {e: _exercise_module(unit, e) for e in exercises}
    others = sorted({m for m in modules.values() if m != exc.file})
    if others:
        consequence = Message(
            N_(
                "Every exercise in it, and those in {modules} that import it, scores 0 until "
                "it imports."
            ),
            modules=", ".join(m for m in others if m),
        )
    else:
        consequence = Message(N_("Every exercise in it scores 0 until it imports."))
    details = [consequence]
    block = _code_block(exc)
    if block is not None:
        details.append(Message(N_("The line at fault:\n{code}"), code=block))
    if exc.type_name != "SyntaxError" and exc.traceback_text:
        details.append(Message(N_("Where it happened:\n{traceback}"), traceback=exc.traceback_text))
    if exc.type_name == "ModuleNotFoundError":
        details.append(
            Message(
                N_(
                    "The grader runs your code with numpy and a fixed list of standard modules "
                    "only ({modules}); other modules cannot be imported there."
                ),
                modules=shown_list(),
            )
        )
    return SubmissionProblem(
        kind="import",
        file=exc.file,
        message=exc.summary(),
        details=tuple(details),
        exercises=tuple(sorted(exercises, key=lambda e: _number(unit, e))),
    )


def _missing_problem(file, exercises, unit):
    ordered = tuple(sorted(exercises, key=lambda e: _number(unit, e)))
    message = Plural(
        "{file} is not in the submission: exercise {exercises} is not graded (0).",
        "{file} is not in the submission: exercises {exercises} are not graded (0).",
        len(ordered),
        file=file,
        exercises=", ".join(ordered),
    )
    return SubmissionProblem(kind="missing", file=file, message=message, exercises=ordered)


def submission_problems(specs, run, files, unit):
    """Group the checks that failed on an import or a missing file into one problem per file.

    Parameters
    ----------
    specs : list of grader.plan.PlannedCheck
        The checks of the run, in order.
    run : grader.runner.engine.Run
        Holds ``outcomes`` (check id -> first exception) and ``results``.
    files : dict
        The submission's ``{file name: bytes}``.
    unit : course.units.Unit

    Returns
    -------
    list of SubmissionProblem
        Missing files first, then import errors, each listing the exercises it zeroes.
    """
    missing, failed, first = {}, {}, {}
    for spec in specs:
        exc = run.outcomes.get(spec.id)
        if isinstance(exc, ModuleMissing):
            missing.setdefault(exc.file, set()).add(spec.exercise.name)
        elif isinstance(exc, ImportFailed):
            gone = _missing_import(exc, files, unit)
            if gone is not None:
                # cat_classifier.py cannot import a step_by_step.py that is not there.
                missing.setdefault(gone, set()).add(spec.exercise.name)
                run.results[spec.id].message = ModuleMissing(gone).message()
                continue
            failed.setdefault(exc.file, set()).add(spec.exercise.name)
            first.setdefault(exc.file, exc)
    problems = [_missing_problem(f, ex, unit) for f, ex in sorted(missing.items())]
    problems += [_import_problem(first[f], ex, unit) for f, ex in sorted(failed.items())]
    return problems
