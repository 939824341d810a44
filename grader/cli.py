"""``amiq grade`` / ``python -m grader``: grade a submission and print or write the report.

الأمر ``amiq grade``: يصحّح الحلّ ويطبع التقرير أو يكتبه في ملف.

Exit status: 0 when every check that ran passed, 1 when some did not, 2 for bad input (unknown
exercise, unusable folder, ``--hidden`` without the reference), 3 when the sandbox could not
start or is too weak for the grading asked for (see :mod:`grader.runner.isolation`), 130 or 143
when interrupted by SIGINT or SIGTERM (the sandbox's processes and temporary folders are removed
first, and nothing is written). The exit status and output of the student's code play no part
in any of these.
"""

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from course.cli.parser import AmiqArgumentParser
from course.fileio import write_text
from course.i18n import in_language, resolve_language, translations

from .feedback import Message, N_
from .report import FORMATS, render


class _Parser(AmiqArgumentParser):
    """The course's localised parser (``usage:``/``options:`` in the user's language); errors
    are printed in English and Arabic, as the grader's other input errors are."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: {message}\n")
        sys.stderr.write(
            Message(N_("Invalid command line: {error}"), error=message).render("ar") + "\n"
        )
        sys.stderr.write(f"{self.format_usage()}")
        raise SystemExit(2)


def build_parser(prog="amiq grade"):
    parser = _Parser(
        prog=prog,
        description=(
            "Grade exercises in a sandbox and report in Arabic or English. / "
            "صحِّح التمارين داخل صندوق عزل واعرض التقرير بالعربية أو الإنجليزية."
        ),
    )
    parser.add_argument(
        "exercises",
        nargs="*",
        metavar="EXERCISE",
        help="exercise ids (default: all) / معرِّفات التمارين (الافتراضي: كلها)",
    )
    parser.add_argument(
        "--submission",
        metavar="DIR",
        help="folder holding the module files (default: course/c1w4) / مجلد ملفات الحل",
    )
    parser.add_argument(
        "--hidden",
        action="store_true",
        help="also run the hidden checks (instructors) / شغِّل الفحوص المخفية أيضًا (للمعلّمين)",
    )
    parser.add_argument("--lang", choices=("ar", "en"), help="report language / لغة التقرير")
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="report format / صيغة التقرير"
    )
    parser.add_argument(
        "--output", metavar="FILE", help="write the report here / اكتب التقرير في ملف"
    )
    parser.add_argument(
        "--seed",
        type=int,
        help="seed of the random cases (default: $AMIQ_GRADER_SEED, else a fixed seed) / "
        "بذرة الحالات العشوائية (الافتراضي: $AMIQ_GRADER_SEED، وإلا بذرة ثابتة)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="wall-time limit of one call, seconds / المهلة القصوى لاستدعاء واحد بالثواني",
    )
    parser.add_argument(
        "--allow-weak-isolation",
        action="store_true",
        help="grade even where the sandbox is weaker than the grading needs (the report says "
        "so) / صحِّح ولو كان العزل أضعف مما يحتاجه التصحيح (ويذكر التقرير ذلك)",
    )
    parser.add_argument("--no-color", action="store_true", help="no ANSI colours / بلا ألوان")
    parser.add_argument(
        "--class",
        dest="class_dir",
        metavar="DIR",
        help="grade every subfolder of DIR (one per student) into a CSV / "
        "صحِّح كل مجلد فرعي (لكل طالب) في ملف CSV",
    )
    # For the engine's own tests: checks laid out like grader/ under another folder.
    parser.add_argument("--check-root", metavar="DIR", help=argparse.SUPPRESS)
    return parser


def _bilingual(messages, lang):
    order = (lang, "en" if lang == "ar" else "ar")
    return "\n".join(m.render(code) for code in order for m in messages)


def _stop_on_signals():
    """Turn SIGINT and SIGTERM into ``KeyboardInterrupt``, so every ``finally`` cleans up.

    The first signal ignores any further ones, so a second Ctrl-C cannot interrupt the clean-up
    itself (stopping the sandbox, removing its folders). Returns ``(received, restore)``:
    the list the signal number is recorded in, and a function restoring the old handlers.
    """
    received = []
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def stop(signum, frame):
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        received.append(signum)
        raise KeyboardInterrupt

    def restore():
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)

    for sig in previous:
        signal.signal(sig, stop)
    return received, restore


def _interrupted(received, lang):
    message = Message(N_("Grading was interrupted; no report was written."))
    sys.stderr.write(_bilingual([message], lang) + "\n")
    return 128 + int(received[0] if received else signal.SIGINT)


def _grade_class(args, lang):
    """``--class DIR``: one CSV row per student folder (errors are rows too, never fatal)."""
    import csv
    import io

    from .runner.engine import GradingError, IsolationError, grade, select_exercises
    from .sandbox.client import Limits

    root = Path(args.class_dir)
    if not root.is_dir() or args.submission:
        message = Message(
            N_("--class needs an existing folder of submission folders (and no --submission).")
        )
        sys.stderr.write(_bilingual([message], lang) + "\n")
        return 2
    try:
        exercises = select_exercises(args.exercises)
    except GradingError as exc:
        sys.stderr.write(_bilingual(exc.messages, lang) + "\n")
        return 2
    limits = Limits()
    if args.timeout is not None:
        limits.timeout = args.timeout
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["submission", "score", "max_score", *[ex.id for ex in exercises], "error"])
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        try:
            report = grade(
                [ex.id for ex in exercises],
                folder,
                hidden=args.hidden,
                seed=args.seed,
                check_root=args.check_root,
                limits=limits,
                allow_weak_isolation=args.allow_weak_isolation,
            )
        except IsolationError as exc:
            # The same for every student: stop instead of filling the CSV with refusals.
            sys.stderr.write(_bilingual(exc.messages, lang) + "\n")
            return 3
        except GradingError as exc:
            writer.writerow(
                [
                    folder.name,
                    "",
                    "",
                    *[""] * len(exercises),
                    " ".join(m.render(lang) for m in exc.messages),
                ]
            )
            continue
        scores = {ex.id: f"{ex.score:g}" for ex in report.exercises}
        writer.writerow(
            [
                folder.name,
                f"{report.score:g}",
                f"{report.max_score:g}",
                *[scores.get(ex.id, "") for ex in exercises],
                "",
            ]
        )
    if args.output:
        write_text(args.output, buffer.getvalue())
    else:
        sys.stdout.write(buffer.getvalue())
    return 0


def _requested_language(argv):
    """``--lang`` from ``argv`` before the full parse, so that ``--help`` speaks it too."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=("ar", "en"))
    try:
        known, _rest = pre.parse_known_args(argv)
    except SystemExit:  # a bad --lang value: the full parser reports it
        return resolve_language(None)
    return resolve_language(known.lang)


def main(argv=None):
    """Run ``amiq grade``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    with in_language(_requested_language(argv)):
        args = build_parser().parse_args(argv)
    lang = resolve_language(args.lang)
    if args.timeout is not None and not args.timeout > 0:
        message = Message(N_("--timeout must be a positive number of seconds."))
        sys.stderr.write(_bilingual([message], lang) + "\n")
        return 2
    if args.output:
        parent = Path(args.output).parent
        if str(parent) and not parent.is_dir():
            message = Message(
                N_("The folder of the output file {path} does not exist."), path=str(parent)
            )
            sys.stderr.write(_bilingual([message], lang) + "\n")
            return 2
    received, restore = [], None
    if threading.current_thread() is threading.main_thread():
        received, restore = _stop_on_signals()
    try:
        if args.class_dir:
            return _grade_class(args, lang)
        return _grade_one(args, lang)
    except KeyboardInterrupt:
        return _interrupted(received, lang)
    finally:
        if restore is not None:
            restore()


def _grade_one(args, lang):
    from .sandbox.zygote import SandboxError, Zygote

    # Start the sandbox's interpreter first: it imports numpy while this process does too.
    zygote = None
    try:
        try:
            zygote = Zygote()
            zygote.start()
        except (OSError, SandboxError) as exc:
            message = Message(N_("The sandbox could not start: {error}"), error=str(exc))
            sys.stderr.write(_bilingual([message], lang) + "\n")
            return 3
        # The Arabic catalogue is compiled in memory on first use (tens of ms); a thread does it
        # while this process waits for the sandbox.
        threading.Thread(target=translations, args=(lang,), daemon=True).start()
        from .runner.engine import GradingError, IsolationError, grade
        from .sandbox.client import Limits

        limits = Limits()
        if args.timeout is not None:
            limits.timeout = args.timeout
        try:
            report = grade(
                args.exercises,
                args.submission,
                hidden=args.hidden,
                seed=args.seed,
                check_root=args.check_root,
                limits=limits,
                zygote=zygote,
                allow_weak_isolation=args.allow_weak_isolation,
            )
        except IsolationError as exc:
            sys.stderr.write(_bilingual(exc.messages, lang) + "\n")
            return 3
        except GradingError as exc:
            sys.stderr.write(_bilingual(exc.messages, lang) + "\n")
            return 2
        except SandboxError as exc:
            message = Message(N_("The sandbox could not start: {error}"), error=str(exc))
            sys.stderr.write(_bilingual([message], lang) + "\n")
            return 3
    finally:
        if zygote is not None:
            zygote.close()  # idempotent: grade() normally closed it already

    to_terminal = not args.output and sys.stdout.isatty()
    color = (
        args.format == "text" and to_terminal and not args.no_color and "NO_COLOR" not in os.environ
    )
    text = render(report, args.format, lang, color=color)
    if args.output:
        write_text(args.output, text)
        if args.format != "text":
            from .report.text import summary_lines

            sys.stderr.write("\n".join(summary_lines(report, lang)) + "\n")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0 if report.all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
