"""Find the students in what an instructor has, and each student's module files in any layout.

استلام التسليمات: التعرّف على الطلاب فيما لدى المعلّم، وعلى ملفات كل طالب أيًّا كان ترتيبها.

What instructors have (``SUBMISSIONS`` is a folder or one archive of it):

* one folder per student, the module files flat in it or in the workspace layout
  (``course/<unit>/step_by_step.py``), possibly inside a wrapper folder or a zip;
* one archive per student (``alice.zip``, ``alice.tar.gz``; an ``amiq submit`` zip too);
* Canvas's "Download Submissions": one file per uploaded file, named
  ``<name>[_late]_<user id>_<submission id>_<original file name>`` (a student's zip stays a zip);
* Moodle's "Download all submissions": one folder per participant,
  ``<Full Name>_<participant id>_assignsubmission_file_`` (older versions: files named
  ``<Full Name>_<participant id>_assignsubmission_file_<original file name>``).

:func:`scan` lists the students (:class:`Candidate`) and :func:`materialize` finds one student's
module files (:class:`Material`); both only read ``SUBMISSIONS``. Problems with one student
raise :class:`IntakeError` from :func:`materialize`, which costs that student's row only.
"""

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from course import units

from ..feedback import Message, N_, sanitize
from ..sandbox.client import MAX_FILE_BYTES
from .archives import (CLASS_LIMITS, STUDENT_LIMITS, ArchiveError, archive_kind, archive_stem,
                       extract)

MANIFEST_NAME = "amiq-manifest.json"
MANIFEST_FORMAT = "amiq-submission"
# Nested archives opened inside one student's material (a zip in a folder in a zip, at most).
MAX_ARCHIVE_DEPTH = 2
# Entries looked at in one student's material, and how deep.
MAX_ENTRIES = 20_000
MAX_DEPTH = 12
# Names that never hold a submission: macOS resource forks, caches, editor and VCS folders.
SKIPPED_NAMES = {"__MACOSX", "__pycache__", ".ipynb_checkpoints", ".git", ".venv", "venv",
                 "node_modules", ".amiq-backups"}

CANVAS_FILE = re.compile(
    r"^(?P<name>.+?)_(?P<late>late_|LATE_)?(?P<user>\d+)_(?P<submission>\d+)_(?P<file>.+)$")
MOODLE_FOLDER = re.compile(r"^(?P<name>.+)_(?P<participant>\d+)_assignsubmission_(?P<kind>[a-z]+)_$")
MOODLE_FILE = re.compile(
    r"^(?P<name>.+)_(?P<participant>\d+)_assignsubmission_(?P<kind>[a-z]+)_(?P<file>.+)$")


class IntakeError(Exception):
    """What is wrong with a submission (or the whole ``SUBMISSIONS``); ``messages`` say why."""

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


@dataclass
class Candidate:
    """One student found in ``SUBMISSIONS``.

    Attributes
    ----------
    student : str
        The student id: the folder or archive name, Canvas's user id, Moodle's participant id.
    name : str
        The student's name when the LMS gives it (Canvas: ``lastfirst``; Moodle: the full name).
    origin : {"folder", "archive", "canvas", "moodle"}
    sources : list of (pathlib.Path, str)
        The files or folders holding this student's material, each with the name it stands for
        (a Canvas or Moodle file's original name; a folder's name).
    late : bool
        The LMS marked the submission late (Canvas).
    conflict : list of str
        Other entries claiming the same student id (the row is refused, see :func:`scan`).
    """

    student: str
    name: str = ""
    origin: str = "folder"
    sources: list = field(default_factory=list)
    late: bool = False
    conflict: list = field(default_factory=list)

    @property
    def label(self):
        """The entries of ``SUBMISSIONS`` this student came from, for messages."""
        return ", ".join(sorted({p.name for p, _ in self.sources}))


@dataclass
class Material:
    """One student's module files, found.

    Attributes
    ----------
    files : dict
        ``{"step_by_step.py": bytes, ...}``: the unit's module files found (some may be absent).
    found_at : dict
        ``{file name: path inside the student's material}`` (where each was found).
    notes : list of Message
        Things worth telling the instructor that are not errors (a changed file since
        ``amiq submit``, several copies of a file).
    """

    files: dict
    found_at: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    @property
    def digest(self):
        """SHA-256 of the files (independent of their order); the resume key of the student."""
        from ..keys import submission_digest

        return submission_digest(self.files)


@dataclass
class Scan:
    """What :func:`scan` found.

    Attributes
    ----------
    candidates : list of Candidate
        Sorted by student id.
    layouts : set of str
        The origins seen (``folder``, ``archive``, ``canvas``, ``moodle``).
    ignored : list of str
        Entries of ``SUBMISSIONS`` that are no submission (loose files).
    root : pathlib.Path
        Where the students were found (inside the extracted archive for a bulk download).
    """

    candidates: list
    layouts: set
    ignored: list
    root: Path


# --------------------------------------------------------------------------------------------
# Scanning SUBMISSIONS
# --------------------------------------------------------------------------------------------


def _skipped(name):
    return name.startswith(".") or name in SKIPPED_NAMES


def _relevant(rel):
    """Members worth writing out of an archive: sources, manifests and nested archives."""
    if any(_skipped(part) for part in rel.parts):
        return False
    name = rel.name
    return name.endswith(".py") or name == MANIFEST_NAME or archive_kind(name) is not None


def _module_names(unit):
    return {f"{m}.py" for m in unit.submission_modules}


def looks_like_one_submission(folder, unit):
    """True when ``folder`` itself holds the unit's module files (flat or workspace layout)."""
    folder = Path(folder)
    names = _module_names(unit)
    for base in (folder, folder / "course" / unit.id, folder / unit.id):
        if any((base / n).is_file() for n in names):
            return True
    return (folder / MANIFEST_NAME).is_file()


def _unwrap(root, unit):
    """Descend through lone wrapper folders (``class/``, an LMS's top folder) to the students."""
    for _ in range(3):
        entries = [e for e in os.scandir(root) if not _skipped(e.name)]
        if (len(entries) == 1 and entries[0].is_dir(follow_symlinks=False)
                and not looks_like_one_submission(entries[0].path, unit)
                and not MOODLE_FOLDER.match(entries[0].name)):
            root = Path(entries[0].path)
            continue
        break
    return root


def expected_layouts(unit):
    """The message listing the layouts ``--class`` accepts (for errors)."""
    files = ", ".join(f"{m}.py" for m in unit.submission_modules)
    return Message(
        N_("Expected one folder or archive (.zip, .tar.gz) per student holding {files} (flat "
           "or in course/{unit}/), a Canvas \"Download Submissions\" zip or folder, or a "
           "Moodle \"Download all submissions\" zip or folder."),
        files=files, unit=unit.id)


def scan(path, unit, workdir):
    """List the students of ``SUBMISSIONS``.

    Parameters
    ----------
    path : path
        A folder, or one archive of the whole class (an LMS bulk download), only read.
    unit : course.units.Unit
    workdir : pathlib.Path
        A private folder; a bulk archive is extracted into ``workdir / "bulk"``.

    Returns
    -------
    Scan

    Raises
    ------
    IntakeError
        ``path`` is missing, unreadable, one student's submission rather than a class, or holds
        nothing that looks like a submission.
    """
    root = Path(path)
    if not root.exists():
        raise IntakeError(Message(N_("{path} does not exist."), path=str(root)),
                          expected_layouts(unit))
    if root.is_file():
        if archive_kind(root.name) is None:
            raise IntakeError(Message(N_("{path} is neither a folder nor a zip or tar archive."),
                                      path=str(root)), expected_layouts(unit))
        try:
            extract(root, Path(workdir) / "bulk", CLASS_LIMITS, wanted=_relevant)
        except ArchiveError as exc:
            raise IntakeError(exc.message) from None
        root = Path(workdir) / "bulk"
        if looks_like_one_submission(root, unit):
            raise IntakeError(_single_submission(path, unit))
        # An LMS or a zip tool may wrap everything in one top folder.
        root = _unwrap(root, unit)
    elif not root.is_dir():
        raise IntakeError(Message(N_("{path} is neither a folder nor a zip or tar archive."),
                                  path=str(root)), expected_layouts(unit))
    elif looks_like_one_submission(root, unit):
        raise IntakeError(_single_submission(path, unit))

    groups, ignored, layouts = {}, [], set()

    def add(key, candidate, source):
        found = groups.get(key)
        if found is None:
            groups[key] = found = candidate
        found.sources.append(source)
        found.late = found.late or candidate.late
        layouts.add(candidate.origin)

    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        name = entry.name
        if _skipped(name):
            continue
        path_ = Path(entry.path)
        if entry.is_symlink():
            # Listed as a student whose row says why it is refused (it could point anywhere).
            add(("link", name), Candidate(name, origin="folder"), (path_, name))
            continue
        if entry.is_dir():
            moodle = MOODLE_FOLDER.match(name)
            if moodle:
                add(("moodle", moodle["participant"]),
                    Candidate(moodle["participant"], moodle["name"], "moodle"), (path_, name))
            else:
                add(("folder", name), Candidate(name, origin="folder"), (path_, name))
            continue
        if not entry.is_file():
            ignored.append(name)
            continue
        moodle = MOODLE_FILE.match(name)
        canvas = CANVAS_FILE.match(name)
        if moodle:
            add(("moodle", moodle["participant"]),
                Candidate(moodle["participant"], moodle["name"], "moodle"),
                (path_, moodle["file"]))
        elif canvas:
            add(("canvas", canvas["user"]),
                Candidate(canvas["user"], canvas["name"], "canvas", late=bool(canvas["late"])),
                (path_, canvas["file"]))
        elif archive_kind(name) is not None:
            add(("archive", archive_stem(name)),
                Candidate(archive_stem(name), origin="archive"), (path_, name))
        else:
            ignored.append(name)

    candidates = sorted(groups.values(), key=lambda c: (_sort_key(c.student), c.origin))
    by_id = {}
    for candidate in candidates:
        by_id.setdefault(candidate.student, []).append(candidate)
    for same in by_id.values():
        if len(same) > 1:
            for candidate in same:
                candidate.conflict = [c.label for c in same if c is not candidate]
    if not candidates:
        raise IntakeError(Message(N_("No submissions were found in {path}."), path=str(path)),
                          expected_layouts(unit))
    return Scan(candidates, layouts, ignored, root)


def _sort_key(student):
    return (0, int(student), "") if student.isdigit() else (1, 0, student.lower())


def _single_submission(path, unit):
    return Message(
        N_("{path} looks like one student's submission, not a class (it holds the unit's "
           "files itself). Grade it with --submission, or give the folder that holds one "
           "folder or archive per student."), path=str(path))


# --------------------------------------------------------------------------------------------
# One student's material
# --------------------------------------------------------------------------------------------


class _Tree:
    """The relevant files of one student's material: ``{relative path: real path}``."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.files = {}
        self.links = []
        self.entries = 0
        self.archives = 0

    def add_file(self, rel, real, depth):
        name = rel.name
        if archive_kind(name) is not None:
            self.open_archive(rel, real, depth)
        elif name.endswith(".py") or name == MANIFEST_NAME:
            self.files[rel] = real

    def open_archive(self, rel, real, depth):
        if depth >= MAX_ARCHIVE_DEPTH:
            return  # an archive inside an archive inside an archive: not a submission
        self.archives += 1
        dest = self.workdir / f"archive-{self.archives}"
        try:
            extract(real, dest, STUDENT_LIMITS, wanted=_relevant)
        except ArchiveError as exc:
            raise IntakeError(Message(N_("{name}: {problem}"), name=str(rel), problem=exc.message)
                              ) from None
        self.walk(dest, PurePosixPath(archive_stem(str(rel))), depth + 1)

    def walk(self, folder, prefix, depth=0):
        for current, dirs, files in os.walk(folder, followlinks=False):
            relative = Path(current).relative_to(folder)
            if len(relative.parts) > MAX_DEPTH:
                dirs[:] = []
                continue
            dirs[:] = sorted(d for d in dirs if not _skipped(d))
            base = prefix.joinpath(*relative.parts)
            for d in dirs:
                if os.path.islink(os.path.join(current, d)):
                    self.links.append(str(base / d))
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(current, d))]
            for name in sorted(files):
                self.entries += 1
                if self.entries > MAX_ENTRIES:
                    raise IntakeError(Message(
                        N_("The submission holds more than {count} files; a submission is a "
                           "few source files."), count=MAX_ENTRIES))
                if _skipped(name):
                    continue
                real = Path(current) / name
                rel = base / name
                if real.is_symlink():
                    self.links.append(str(rel))
                    continue
                self.add_file(rel, real, depth)


def _choose(paths, module, unit):
    """The path of ``module``'s file among ``paths`` (exact names first, then Canvas's ``-1``).

    Ranked by: in a ``<unit>/`` folder first, then the shallowest. Returns ``(path, others)``.
    """
    exact = [p for p in paths if p.name == f"{module}.py"]
    renamed = [p for p in paths if re.fullmatch(rf"{re.escape(module)}-\d+\.py", p.name)]
    pool = exact or sorted(renamed, key=lambda p: -int(p.stem.rsplit("-", 1)[1]))[:1]
    if not pool:
        return None, []
    ranked = sorted(pool, key=lambda p: (p.parent.name != unit.id, len(p.parts), str(p)))
    best = ranked[0]
    rank = (best.parent.name != unit.id, len(best.parts))
    ties = [p for p in ranked[1:] if (p.parent.name != unit.id, len(p.parts)) == rank]
    return best, ties


def _read(real, shown):
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        raise IntakeError(Message(N_("{path} cannot be read: {error}"), path=shown,
                                  error=exc.strerror or str(exc))) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise IntakeError(Message(N_("{path} is not an ordinary file."), path=shown))
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise IntakeError(Message(
            N_("{path} is larger than {limit} bytes: it cannot be a module file of this course."),
            path=shown, limit=MAX_FILE_BYTES))
    return data


def _other_unit(tree, unit):
    names = {p.name for p in tree.files}
    for other in units.all_units().values():
        if other.id != unit.id and names & _module_names(other):
            return other.id
    return None


def materialize(candidate, unit, workdir):
    """Find ``candidate``'s module files.

    Parameters
    ----------
    candidate : Candidate
    unit : course.units.Unit
    workdir : pathlib.Path
        A private empty folder (nested archives are extracted there).

    Returns
    -------
    Material

    Raises
    ------
    IntakeError
        Nothing usable: a link, a refused archive, no module file, two different copies of one,
        or a file too large; the message says which and what was expected.
    """
    if candidate.conflict:
        raise IntakeError(Message(
            N_("Several submissions carry the student id {student}: {entries}. None was graded; "
               "keep one."), student=candidate.student,
            entries=", ".join([candidate.label, *candidate.conflict])))
    tree = _Tree(workdir)
    for real, label in candidate.sources:
        if real.is_symlink():
            raise IntakeError(Message(
                N_("{path} is a symbolic link; a submission must be an ordinary folder or file."),
                path=real.name))
        if real.is_dir():
            tree.walk(real, PurePosixPath() if len(candidate.sources) == 1
                      else PurePosixPath(label))
        else:
            tree.add_file(PurePosixPath(label), real, 0)

    files, found_at, notes = {}, {}, []
    for module in unit.submission_modules:
        best, ties = _choose(list(tree.files), module, unit)
        if best is None:
            linked = [p for p in tree.links if PurePosixPath(p).name == f"{module}.py"]
            if linked:
                raise IntakeError(Message(
                    N_("{path} is a symbolic link; a submission must hold ordinary files."),
                    path=linked[0]))
            continue
        data = _read(tree.files[best], str(best))
        different = [str(p) for p in ties if _read(tree.files[p], str(p)) != data]
        if different:
            raise IntakeError(Message(
                N_("Several different copies of {file} were found ({paths}); keep one."),
                file=f"{module}.py", paths=", ".join([str(best), *different])))
        files[f"{module}.py"] = data
        found_at[f"{module}.py"] = str(best)

    if not files:
        other = _other_unit(tree, unit)
        if other is not None:
            raise IntakeError(Message(
                N_("This submission holds the files of unit {other}, not of unit {unit}."),
                other=other, unit=unit.id))
        expected = ", ".join(f"{m}.py" for m in unit.submission_modules)
        raise IntakeError(Message(N_("No exercise files were found ({files} expected)."),
                                  files=expected))
    notes += _manifest_notes(tree, files, unit)
    return Material(files, found_at, notes)


# --------------------------------------------------------------------------------------------
# amiq submit's manifest
# --------------------------------------------------------------------------------------------


def _manifest_notes(tree, files, unit):
    """Check an ``amiq submit`` manifest against the files found (notes, or IntakeError)."""
    manifests = sorted((p for p in tree.files if p.name == MANIFEST_NAME), key=lambda p: len(p.parts))
    if not manifests:
        return []
    try:
        data = json.loads(_read(tree.files[manifests[0]], str(manifests[0])).decode("utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError("format")
        listed = {str(f["name"]): str(f["sha256"]) for f in data.get("files", [])}
        manifest_unit = str(data.get("unit", ""))
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return [Message(N_("{file} is damaged and was not used."), file=MANIFEST_NAME)]
    if manifest_unit and manifest_unit != unit.id:
        raise IntakeError(Message(
            N_("This submission was made for unit {other} (amiq submit), not for unit {unit}."),
            other=sanitize(manifest_unit, 40), unit=unit.id))
    changed = sorted(name for name, data in files.items()
                     if name in listed and hashlib.sha256(data).hexdigest() != listed[name])
    if changed:
        return [Message(N_("Changed after amiq submit: {files}."), files=", ".join(changed))]
    return []
