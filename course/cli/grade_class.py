"""``amiq grade --class SUBMISSIONS --out RESULTS``: the class options of ``amiq grade``.

خيارات تصحيح الصف في الأمر ``amiq grade``.

The work is done by :func:`grader.classroom.run.grade_class`; this module only turns options
into :class:`~grader.classroom.run.ClassOptions`, refuses what a class run cannot do, and prints
the summary. Exit status: 0 when every student has a row (whatever the scores), 2 for bad input,
3 when the grading workers (or their sandbox) could not start or the sandbox is too weak for the
grading asked for, 130 or 143 when interrupted by SIGINT or SIGTERM (finished students are kept;
the same command continues).
"""

from pathlib import Path

from course.i18n import LANGUAGES, _, current_language, isolate
from grader.classroom.records import DEFAULT_STUDENT_SECONDS

from .errors import BAD_INPUT_EXIT, CLIError
from .parser import positive_float, positive_int

SANDBOX_EXIT = 3
INTERRUPTED_EXIT = 130
# Report formats that make sense as one feedback file per student.
CLASS_FORMATS = ("text", "json")
# Options that only mean something with --class: (dest, option as typed).
CLASS_ONLY = (("out", "--out"), ("jobs", "--jobs"), ("force", "--force"),
              ("roster", "--roster"), ("feedback_lang", "--feedback-lang"),
              ("student_timeout", "--student-timeout"), ("assignment", "--assignment"),
              ("canvas_assignment_id", "--canvas-assignment-id"),
              ("no_progress", "--no-progress"))


def add_class_options(parser):
    """Add ``--class`` and its options to ``amiq grade``'s parser."""
    group = parser.add_argument_group(_("grading a class"))
    group.add_argument("--class", dest="class_dir", metavar="SUBMISSIONS",
                       help=_("grade a whole class: a folder (or one archive) with one folder "
                              "or archive per student, or a Canvas or Moodle bulk download"))
    group.add_argument("--out", metavar="RESULTS",
                       help=_("with --class: the results folder (gradebook, feedback, LMS "
                              "imports); running again continues an interrupted run"))
    group.add_argument("--jobs", type=positive_int, metavar="N",
                       help=_("with --class: students graded at once (default: one per "
                              "processor core)"))
    group.add_argument("--force", action="store_true",
                       help=_("with --class: grade again the students an earlier run finished"))
    group.add_argument("--roster", metavar="CSV",
                       help=_("with --class: a CSV of students (id, name, email, language)"))
    group.add_argument("--feedback-lang", choices=LANGUAGES,
                       help=_("with --class: the feedback language of the class (default: the "
                              "language of the messages; a roster line may choose another)"))
    group.add_argument("--student-timeout", type=positive_float, metavar="SECONDS",
                       help=_("with --class: the most one student's grading may take, in "
                              "seconds (default: {seconds})").format(
                                  seconds=f"{DEFAULT_STUDENT_SECONDS:g}"))
    group.add_argument("--assignment", metavar="TITLE",
                       help=_("with --class: the assignment's title in the Canvas import "
                              "(default: Amiq <unit>)"))
    group.add_argument("--canvas-assignment-id", metavar="ID",
                       help=_("with --class: the Canvas assignment id, to fill an existing "
                              "gradebook column"))
    group.add_argument("--no-progress", action="store_true",
                       help=_("with --class: no progress bar"))


def _error(render, code=BAD_INPUT_EXIT):
    return CLIError(render, code)


def check_single_options(args):
    """Refuse the class-only options without ``--class`` (bilingual error, status 2)."""
    for dest, option in CLASS_ONLY:
        value = getattr(args, dest, None)
        if value not in (None, False):
            raise _error(lambda option=option: _("{option} only applies to grading a class "
                                                 "(with --class).").format(
                option=isolate(option)))


def _check_class_args(args):
    if args.submission:
        raise _error(lambda: _("--class and --submission cannot be used together: --class "
                               "grades a whole class, --submission one student."))
    if args.output:
        raise _error(lambda: _("With --class the results go to the folder given with --out; "
                               "--output is for one submission."))
    if not args.out:
        raise _error(lambda: _("--class needs --out RESULTS: the folder that receives the "
                               "gradebook, the feedback and the LMS imports."))
    if args.format not in CLASS_FORMATS:
        raise _error(lambda: _("--format {format} describes one submission for a platform and "
                               "does not apply to a class; with --class the format chooses "
                               "the feedback files: {choices}.").format(
            format=isolate(args.format), choices=isolate(", ".join(CLASS_FORMATS))))
    if not Path(args.class_dir).exists():
        raise _error(lambda: _("--class needs an existing folder or archive of submissions; "
                               "{path} does not exist.").format(path=isolate(args.class_dir)))


def class_options(args):
    """:class:`~grader.classroom.run.ClassOptions` from the parsed arguments."""
    from grader.classroom.run import ClassOptions

    lang = current_language()
    return ClassOptions(
        submissions=Path(args.class_dir),
        out=Path(args.out),
        unit=args.unit,
        exercises=list(args.exercises),
        hidden=args.hidden,
        seed=args.seed,
        timeout=args.timeout,
        jobs=args.jobs,
        student_seconds=args.student_timeout or DEFAULT_STUDENT_SECONDS,
        force=args.force,
        roster=Path(args.roster) if args.roster else None,
        lang=args.feedback_lang or lang,
        instructor_lang=lang,
        feedback_format=args.format,
        assignment=args.assignment,
        canvas_assignment_id=args.canvas_assignment_id,
        allow_weak_isolation=args.allow_weak_isolation,
        progress=False if args.no_progress else None,
    )


def run_class(args, out):
    """Grade the class and print the summary; returns the exit status."""
    from grader.classroom.pool import PoolError
    from grader.classroom.run import ClassError, grade_class

    _check_class_args(args)
    options = class_options(args)
    try:
        result = grade_class(options)
    except ClassError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    except PoolError as exc:
        raise CLIError.wrap(exc, SANDBOX_EXIT) from None
    print_summary(result, out)
    return 0


def interrupted(args, code=INTERRUPTED_EXIT):
    """The error of an interrupted class run (SIGINT: 130, SIGTERM: 143)."""
    return CLIError(lambda: _("Interrupted. The students graded so far are kept in {out}; run "
                              "the same command again to continue.").format(
        out=isolate(args.out)), code)


def print_summary(result, out):
    """The run's summary, the output files, ignored entries and backups, in the current language."""
    from grader.classroom.gradebook import summary_messages

    lang = current_language()
    for message in summary_messages(result.counts):
        print(message.render(lang), file=out)
    print(_("Gradebook: {grades}; everything: {results}; feedback: {feedback}; LMS imports: "
            "{canvas}, {moodle}.").format(
        grades=isolate(result.out / "grades.csv"), results=isolate(result.out / "results.json"),
        feedback=isolate(result.out / "feedback"), canvas=isolate(result.out / "canvas.csv"),
        moodle=isolate(result.out / "moodle.csv")), file=out)
    if result.ignored:
        shown = ", ".join(result.ignored[:5]) + (" …" if len(result.ignored) > 5 else "")
        print(_("Not submissions, ignored: {names}").format(names=isolate(shown)), file=out)
    for backup in result.backups:
        print(_("You had changed {file}; your version is kept at {backup}.").format(
            file=isolate(Path(backup).name), backup=isolate(backup)), file=out)
