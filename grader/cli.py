"""``python -m grader``: the same command as ``amiq grade`` (the one ``amiq`` parser).

الأمر ``python -m grader``: هو نفسه الأمر ``amiq grade``.

The command itself lives in :mod:`course.cli.cmd_grade`; exit statuses are described there.
"""


def main(argv=None):
    """Run ``amiq grade`` with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    import sys

    from course.cli.main import main as amiq

    return amiq(["grade", *(sys.argv[1:] if argv is None else argv)])
