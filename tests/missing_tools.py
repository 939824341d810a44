"""What a test does when a tool it needs (a pip extra, a browser) is missing: skip, or fail in CI.

CI must not pass by skipping, so a missing tool fails the run there, except when the run
installed the package without the extra that provides the tool on purpose. The Python 3.10 CI
step is such a run: it installs the package alone (``AMIQ_EXTRAS=""``, as students and
Gradescope do), so the docs and notebook browser checks are not its job; the other steps run them.
"""

import os

import pytest

#: The extras that the ``dev`` extra (scripts/lib/venv.sh's default) pulls in.
DEV_EXTRAS = ("docs", "browser", "notebook-tests", "dev")


def installed_extras():
    """The extras this run installed, from ``AMIQ_EXTRAS`` (default ``dev``, as in scripts/lib/venv.sh).

    Returns
    -------
    set of str
        For example ``{"dev", "docs", "browser", "notebook-tests"}``; empty for the package alone.
    """
    named = {name.strip() for name in os.environ.get("AMIQ_EXTRAS", "dev").split(",") if name.strip()}
    if "dev" in named:
        named.update(DEV_EXTRAS)
    return named


def skip_or_fail(reason, extras):
    """Skip the calling test (or module) because a tool is missing, or fail in CI if it was owed.

    Parameters
    ----------
    reason : str
        What is missing and how to install it.
    extras : tuple of str
        The pip extras that provide the missing tools (e.g. ``("browser", "notebook-tests")``).
    """
    owed = [extra for extra in extras if extra in installed_extras()]
    if os.environ.get("CI") and owed:
        pytest.fail(f"cannot run in CI, which installed the extras {', '.join(owed)}: {reason}")
    pytest.skip(reason, allow_module_level=True)


def require_modules(modules, extras):
    """Skip or fail (see `skip_or_fail`) unless every module in ``modules`` imports.

    Parameters
    ----------
    modules : tuple of str
        Importable names, e.g. ``("nbclient", "ipykernel")``.
    extras : tuple of str
        The pip extras that provide them.
    """
    for module in modules:
        try:
            __import__(module)
        except ImportError:
            skip_or_fail(f"the pip package {module.split('.')[0]} is not installed", extras)
