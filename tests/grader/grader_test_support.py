"""Shared helpers of the grader's tests: whole submissions as text, in folders, in a sandbox.

A submission is ``{file name: text}`` (:mod:`grader.build.submissions`). The helpers here build
the ones the tests need from the reference, so no test carries a copy of solution code:

* :func:`write_submission`: the stubs (or the reference) with code appended to a module;
* :func:`replaced`: the reference with some exercises' functions replaced by a body that wraps
  the reference (renamed ``_reference_<name>``), e.g. "return zeros shaped like the reference's
  result";
* :func:`open_sandbox`: a :class:`~grader.sandbox.client.Sandbox` on a folder, laid out as the
  engine lays out unit c1w4;
* :func:`long_name_bomb`: a tar whose one header hides megabytes of zeros (a few KB packed).
"""

import inspect
import tarfile
import textwrap
from pathlib import Path

from course.units import get_unit
from grader.build import submissions

ROOT = Path(__file__).resolve().parents[2]
UNIT = get_unit("c1w4")
EXERCISES = UNIT.exercises
NAMES = [ex.name for ex in EXERCISES]


def write_submission(folder, step_extra="", cat_extra="", reference=False):
    """Stubs (or the reference) in ``folder``, with extra code appended to each module.

    Code appended after a function redefines it (the later ``def`` wins at import).
    """
    sources = submissions.reference_sources() if reference else submissions.stub_sources()
    sources = dict(sources)
    sources["step_by_step.py"] += "\n" + step_extra
    sources["cat_classifier.py"] += "\n" + cat_extra
    return submissions.write(sources, folder)


def reference_function(name):
    """The reference source of exercise ``name`` (dedented)."""
    from grader.sources import HiddenData

    return textwrap.dedent(inspect.getsource(HiddenData("c1w4").reference(name)))


def replaced(body, names=None, helpers="", sources=None):
    """The reference with each exercise in ``names`` replaced by ``def name(*args, **kwargs)``.

    Parameters
    ----------
    body : str
        The new function body (indented by 4), a ``str.format`` template: ``{name}`` is the
        exercise; ``_reference_{name}(*args, **kwargs)`` calls the reference version, which
        stays in the module under that name.
    names : iterable of str or None
        Exercises to replace (default: all of c1w4's).
    helpers : str
        Module-level code added once per replaced function (defined before it).
    sources : dict or None
        The submission to start from (default: the reference).
    """
    out = dict(sources or submissions.reference_sources())
    for name in names or NAMES:
        renamed = reference_function(name).replace(f"def {name}(", f"def _reference_{name}(", 1)
        new = (f"{renamed}\n{helpers}\n\ndef {name}(*args, **kwargs):\n"
               + body.format(name=name))
        out = submissions.with_function(out, name, new)
    return out


def with_body(name, body, sources=None):
    """``sources`` (default: the reference) with ``name``'s body replaced, signature kept."""
    source = reference_function(name)
    header = source[: source.index(":\n", source.index(f"def {name}(")) + 2]
    return submissions.with_function(dict(sources or submissions.reference_sources()), name,
                                     header + textwrap.indent(textwrap.dedent(body), "    "))


def open_sandbox(folder, hidden=True, **kwargs):
    """A :class:`Sandbox` on the submission in ``folder``, laid out like the engine's.

    ``hidden`` gives the layout a reference package (stage isolation needs it).
    """
    from grader.runner.engine import layout_for
    from grader.sandbox.client import Sandbox, read_submission

    files = read_submission(folder, UNIT.submission_modules)
    return Sandbox(files, layout_for(UNIT, hidden), **kwargs)


def long_name_bomb(path, opener, body):
    """A tar whose first header is a GNU long name of ``body`` zero bytes, then one real file.

    ``opener`` (``gzip.open``, ``bz2.open``, ``open``) compresses it; the body is streamed, so
    building it never holds it in memory.
    """
    longname = tarfile.TarInfo("././@LongLink")
    longname.type = tarfile.GNUTYPE_LONGNAME
    longname.size = body
    source = b"x = 1\n"
    member = tarfile.TarInfo("step_by_step.py")
    member.size = len(source)
    zeros = bytes(1 << 20)
    with opener(path, "wb") as out:
        out.write(longname.tobuf(format=tarfile.GNU_FORMAT))
        left = body + (-body) % tarfile.BLOCKSIZE
        while left:
            out.write(zeros[:min(left, len(zeros))])
            left -= min(left, len(zeros))
        out.write(member.tobuf(format=tarfile.GNU_FORMAT))
        out.write(source + bytes(-len(source) % tarfile.BLOCKSIZE) + bytes(2 * tarfile.BLOCKSIZE))
    return path
