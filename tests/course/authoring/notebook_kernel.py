"""Test support: run the committed notebooks in a real Jupyter kernel inside a copy of the project.

A copy, because the two runs need different ``course/<unit>/`` modules (the reference solutions, or
stubs freshly generated from them) and must never touch the checkout. The kernel imports
``course`` and ``grader`` from the copy (``PYTHONPATH``), runs in the notebook's own folder as
Jupyter would, and uses one BLAS thread: on a shared two-core machine, OpenBLAS's spinning threads
make training many times slower under load.
"""

import os
import shutil
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[3]
COPIED = ("course", "grader", "solutions", "datasets")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".amiq-backups", "*.h5")
CELL_TIMEOUT = 1800  # seconds; training 2500 iterations on a loaded machine is the longest cell


def copy_project(target, mode):
    """Copy the project to ``target`` with ``course/<unit>/`` as ``mode`` says.

    Parameters
    ----------
    target : pathlib.Path
    mode : {"reference", "stubs"}
        ``"reference"``: every unit's modules are the reference solutions; ``"stubs"``: the
        untouched stubs, generated from the reference as ``amiq stubs`` does.

    Returns
    -------
    pathlib.Path
        ``target``.
    """
    from course.authoring.stubs import render_unit
    from course.units import all_units

    target = Path(target)
    for name in COPIED:
        shutil.copytree(ROOT / name, target / name, ignore=IGNORED)
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    for unit in all_units():
        if not (ROOT / "solutions" / unit).is_dir():
            continue
        for name, text in render_unit(ROOT / "solutions", unit).items():
            module = target / "course" / unit / name
            if mode == "reference" and name != "__init__.py":
                text = (ROOT / "solutions" / unit / name).read_text(encoding="utf-8")
            module.write_text(text, encoding="utf-8")
    return target


def kernel_env(project, data_dir=None):
    """The kernel's environment: the copy first on the path, one BLAS thread, no preset language."""
    env = dict(os.environ)
    env.pop("AMIQ_LANG", None)
    env["PYTHONPATH"] = str(project)
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    if data_dir is not None:
        env["AMIQ_DATA_DIR"] = str(data_dir)
    return env


def notebook_in(project, unit, assignment, lang):
    """The committed notebook as copied into ``project``."""
    return Path(project) / "course" / unit / "notebooks" / f"{assignment}.{lang}.ipynb"


def execute(path, env, extra_cells=()):
    """Run a notebook top to bottom (then ``extra_cells``) in its folder; return it with outputs.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first cell that fails.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for code in extra_cells:
        nb.cells.append(nbformat.v4.new_code_cell(code, metadata={"amiq": {"role": "test"}}))
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute(env=env)
    return nb


def stream_text(cell, name="stdout"):
    """Everything a cell printed on one stream."""
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.output_type == "stream" and o.name == name)


def has_png(cell):
    """True when the cell displayed a PNG image."""
    return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))


def role_cells(nb, role):
    """The cells of one role (``setup``, ``example``, ``expected``, ``check``, ``code``...)."""
    return [c for c in nb.cells if c.get("metadata", {}).get("amiq", {}).get("role") == role]
