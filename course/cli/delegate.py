"""``amiq grade`` and ``amiq expected``: hand every argument to the grader's own command line.

الأمران ``amiq grade`` و ``amiq expected``: تمرير كل الوسائط إلى واجهة المصحِّح الآلي نفسها.
"""

import importlib
import sys

from course.i18n import _, both_languages, isolate

# command -> (module, what it is, passes --lang through)
DELEGATED = {
    "grade": ("grader.cli", True),
    "expected": ("grader.build.expected", False),
}


def _missing(module_name, exc):
    # Only a missing grader module is "not installed"; an import error inside it is a real bug.
    name = exc.name or ""
    return name and (module_name == name or module_name.startswith(name + "."))


def unavailable_message(command, missing):
    """The translated "instructor command not available here" message."""
    return _("{command} is not available in this installation ({missing} is missing): it is an "
             "instructor command, run from the project's full checkout.").format(
        command=isolate(f"amiq {command}"), missing=isolate(missing))


def strip_lang(argv):
    """``argv`` without ``--lang X`` / ``--lang=X`` (before any ``--``; amiq applied them)."""
    out, i = [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return out + argv[i:]
        if arg == "--lang":
            i += 2
            continue
        if not arg.startswith("--lang="):
            out.append(arg)
        i += 1
    return out


def run_delegated(command, argv, lang=None, err=None):
    """Run ``<module>.main(argv)`` for ``command`` and return its exit status.

    Parameters
    ----------
    command : {"grade", "expected"}
    argv : list of str
        Everything after the subcommand; ``--lang`` options are removed (``amiq`` has already
        applied them) and, for the grader, replaced by ``--lang <lang>``.
    lang : str, optional
        The language ``amiq`` chose from ``--lang`` before or after the subcommand.
    err : file, default ``sys.stderr``
    """
    err = sys.stderr if err is None else err
    module_name, takes_lang = DELEGATED[command]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if not _missing(module_name, exc):
            raise
        for line in both_languages(lambda: unavailable_message(command, module_name)):
            print(line, file=err)
        return 1
    argv = strip_lang(argv)
    if takes_lang and lang:
        # The grader reads --lang itself; hand it the one amiq chose (from anywhere in argv).
        end = argv.index("--") if "--" in argv else len(argv)
        argv[end:end] = ["--lang", lang]
    try:
        status = module.main(argv)
    except SystemExit as exc:  # argparse inside the grader exits on --help and usage errors
        status = exc.code
    if status is None:
        return 0
    if isinstance(status, int):
        return status
    print(status, file=err)
    return 1
