"""``amiq grade`` and ``amiq expected``: hand every argument to the grader's own command line.

الأمران ``amiq grade`` و ``amiq expected``: تمرير كل الوسائط إلى واجهة المصحِّح الآلي نفسها.
"""

import importlib
import sys

from course.i18n import _, isolate

# command -> (module, what it is, passes --lang through)
DELEGATED = {
    "grade": ("grader.cli", True),
    "expected": ("grader.build.expected", False),
}


def _missing(module_name, exc):
    # Only a missing grader module is "not installed"; an import error inside it is a real bug.
    name = exc.name or ""
    return name and (module_name == name or module_name.startswith(name + "."))


def run_delegated(command, argv, lang=None, err=None):
    """Run ``<module>.main(argv)`` for ``command`` and return its exit status.

    Parameters
    ----------
    command : {"grade", "expected"}
    argv : list of str
        Everything after the subcommand, unchanged.
    lang : str, optional
        A global ``--lang`` given before the subcommand; passed on to the grader when its
        arguments do not already choose a language.
    err : file, default ``sys.stderr``
    """
    err = sys.stderr if err is None else err
    module_name, takes_lang = DELEGATED[command]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if not _missing(module_name, exc):
            raise
        print(
            _("{command} is not available: the module {module} is missing from this "
              "installation.").format(command=isolate(f"amiq {command}"), module=isolate(module_name)),
            file=err,
        )
        return 1
    argv = list(argv)
    if takes_lang and lang and not any(a == "--lang" or a.startswith("--lang=") for a in argv):
        argv += ["--lang", lang]
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
