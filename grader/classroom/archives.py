"""Extract zip and tar archives safely: nothing escapes the target folder, nothing is too big.

فكّ ضغط أرشيفات zip وtar بأمان: لا يخرج شيء من المجلد الهدف، ولا يتجاوز شيء الحدود.

Archives come from students (one zip each) or from an LMS (one bulk download for the class), so
they are untrusted. Every member is checked before anything is written:

* its name is relative and stays inside the target (no ``/abs``, ``C:``, ``..``; backslashes
  count as separators, as Windows tools write them);
* it is a regular file or a folder (no symbolic or hard link, device, FIFO);
* it is not encrypted;
* the archive has at most ``max_files`` members, at most ``max_bytes`` uncompressed in all, and
  no member compressed more than ``max_ratio`` times (zip bombs).

A tar is decompressed as its suffix says (never guessed from the content), and ``tarfile`` reads it
through a stream that refuses to go past ``max_bytes`` plus room for the headers: ``tarfile`` reads
a long-name or PAX header's whole body into memory before any member is seen, so that body is also
capped (``MAX_HEADER_BYTES``) before it is read.

Only the members the caller wants are written (``wanted``), each through a new file opened with
``O_EXCL | O_NOFOLLOW`` in a folder this module created, and the bytes actually decompressed are
counted again while writing (a forged header cannot lie about the size). The source archive is
only read.
"""

import bz2
import gzip
import lzma
import os
import re
import shutil
import stat
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..feedback import Message, N_

ZIP_SUFFIXES = (".zip",)
# Each tar suffix and the compression its content must have (checked by its first bytes).
TAR_COMPRESSIONS = {".tar": "tar", ".tar.gz": "gzip", ".tgz": "gzip", ".tar.bz2": "bzip2",
                    ".tar.xz": "xz"}
TAR_SUFFIXES = tuple(TAR_COMPRESSIONS)
_MAGIC = {"gzip": b"\x1f\x8b", "bzip2": b"BZh", "xz": b"\xfd7zXZ\x00"}
_OPENERS = {"gzip": lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"),
            "bzip2": lambda raw: bz2.BZ2File(raw), "xz": lambda raw: lzma.LZMAFile(raw)}
CHUNK = 1 << 16
# A GNU long name / long link or a PAX extended header: real ones are a few hundred bytes.
MAX_HEADER_BYTES = 64 * 1024
# Decompressed tar bytes allowed beyond max_bytes, per member (its header, a PAX header and
# padding: four 512-byte blocks) and once (the end-of-archive blocks, a global header).
TAR_HEADER_ALLOWANCE = 4 * tarfile.BLOCKSIZE
TAR_FIXED_ALLOWANCE = 1 << 20
_HEADER_TYPES = (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE,
                 tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE)
# Compression ratios are only judged on members big enough to matter (small text compresses well).
RATIO_FLOOR_BYTES = 1 << 20


@dataclass(frozen=True)
class ArchiveLimits:
    """Caps on one archive.

    Attributes
    ----------
    max_bytes : int
        Uncompressed size of all members together.
    max_files : int
        Number of members (folders included).
    max_ratio : float
        Largest uncompressed/compressed ratio of a member larger than 1 MiB (or of a whole tar).
    """

    max_bytes: int = 64 * 1024 * 1024
    max_files: int = 2000
    max_ratio: float = 200.0


# One student's archive: a few source files, perhaps a notebook or two and some images.
STUDENT_LIMITS = ArchiveLimits()
# One LMS bulk download: every student of a large class.
CLASS_LIMITS = ArchiveLimits(max_bytes=8 * 1024 * 1024 * 1024, max_files=500_000)


class ArchiveError(Exception):
    """An archive that is refused or cannot be read; ``message`` says why (a :class:`Message`)."""

    def __init__(self, message):
        self.message = message
        super().__init__(message.render("en"))


def archive_kind(name):
    """``"zip"``, ``"tar"`` or ``None`` from a file name's suffix (case-insensitive)."""
    lower = str(name).lower()
    if lower.endswith(ZIP_SUFFIXES):
        return "zip"
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    return None


def _tar_suffix(name):
    """The tar suffix ``name`` ends with (the longest one: ``.tar.gz``, not ``.gz``), or ``None``."""
    lower = str(name).lower()
    found = [suffix for suffix in TAR_SUFFIXES if lower.endswith(suffix)]
    return max(found, key=len) if found else None


def archive_stem(name):
    """The file name without its archive suffix (``alice.tar.gz`` -> ``alice``)."""
    lower = name.lower()
    suffix = _tar_suffix(name) or next((s for s in ZIP_SUFFIXES if lower.endswith(s)), None)
    return name[: len(name) - len(suffix)] if suffix else name


_DRIVE = re.compile(r"^[A-Za-z]:")


def member_path(name):
    """The safe relative path of a member, or ``None`` for the archive's root folder itself.

    Raises
    ------
    ArchiveError
        An absolute path, a drive letter, a ``..`` component or a NUL character.
    """
    text = name.replace("\\", "/")
    if "\x00" in text or text.startswith("/") or _DRIVE.match(text):
        raise ArchiveError(Message(N_("The archive holds an absolute path ({name}): refused."),
                                   name=_shown(name)))
    parts = [p for p in text.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveError(Message(
            N_("The archive holds a path that leaves its folder ({name}): refused."),
            name=_shown(name)))
    return PurePosixPath(*parts) if parts else None


def _shown(name):
    from ..feedback import sanitize

    return sanitize(name, 120)


def _too_many(limits):
    return ArchiveError(Message(N_("The archive has more than {count} entries: refused."),
                                count=limits.max_files))


def _too_large(limits):
    return ArchiveError(Message(
        N_("The archive holds more than {size} MB once extracted: refused."),
        size=limits.max_bytes // (1024 * 1024)))


def _bomb(name):
    return ArchiveError(Message(
        N_("{name} in the archive is compressed far more than real files are (a zip bomb?): "
           "refused."), name=_shown(name)))


def _link(name):
    return ArchiveError(Message(
        N_("The archive holds a link or a special file ({name}): only ordinary files and "
           "folders are accepted."), name=_shown(name)))


def _long_header(size):
    return ArchiveError(Message(
        N_("The archive holds a long name or an extended header of {size} KB (at most {limit} "
           "KB are accepted): refused."),
        size=-(-size // 1024), limit=MAX_HEADER_BYTES // 1024))


def _wrong_compression(name, suffix, expected):
    return ArchiveError(Message(
        N_("{name} does not hold what its suffix {suffix} says ({expected} data was expected): "
           "refused."), name=_shown(Path(name).name), suffix=suffix, expected=expected))


def _out_of_memory():
    return ArchiveError(Message(
        N_("Reading the archive needs more memory than the grader may use: refused.")))


def _damaged(error):
    return ArchiveError(Message(N_("The archive cannot be read: {error}"),
                                error=_shown(str(error) or type(error).__name__)))


class _Writer:
    """Writes wanted members under ``dest``, counting the bytes really written."""

    def __init__(self, dest, limits):
        self.dest = Path(dest)
        self.limits = limits
        self.total = 0
        self.written = []

    def write(self, rel, source, declared):
        target = self.dest.joinpath(*rel.parts)
        try:
            os.makedirs(target.parent, exist_ok=True)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            raise ArchiveError(Message(N_("The archive holds {name} twice: refused."),
                                       name=_shown(str(rel)))) from None
        size = 0
        with os.fdopen(fd, "wb") as out:
            while True:
                chunk = source.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                self.total += len(chunk)
                if size > declared or self.total > self.limits.max_bytes:
                    # More than the header said: a forged header, treated as a bomb.
                    raise _bomb(str(rel)) if size > declared else _too_large(self.limits)
                out.write(chunk)
        self.written.append(rel)


def extract(archive, dest, limits=STUDENT_LIMITS, wanted=None):
    """Check every member of ``archive``, then write the wanted ones under ``dest``.

    Parameters
    ----------
    archive : path
        A ``.zip``, ``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.bz2`` or ``.tar.xz`` file (only read);
        a tar's content must be compressed as its suffix says.
    dest : path
        A folder to create (it must not exist yet).
    limits : ArchiveLimits
    wanted : callable or None
        ``wanted(PurePosixPath) -> bool`` for regular files (default: every file).

    Returns
    -------
    list of pathlib.PurePosixPath
        The relative paths written.

    Raises
    ------
    ArchiveError
        Unknown kind, unreadable or damaged archive, or a member or total refused by the checks;
        ``dest`` is removed then.
    """
    kind = archive_kind(archive)
    if kind is None:
        raise ArchiveError(Message(N_("{name} is not a zip or tar archive."),
                                   name=_shown(Path(archive).name)))
    dest = Path(dest)
    dest.mkdir(parents=True)
    writer = _Writer(dest, limits)
    wanted = wanted or (lambda rel: True)
    try:
        if kind == "zip":
            _extract_zip(archive, writer, limits, wanted)
        else:
            _extract_tar(archive, writer, limits, wanted)
    except ArchiveError:
        shutil.rmtree(dest, ignore_errors=True)
        raise
    except MemoryError:
        # Whatever slipped past the caps costs this archive only, not the class run.
        shutil.rmtree(dest, ignore_errors=True)
        raise _out_of_memory() from None
    except (zipfile.BadZipFile, tarfile.TarError, zlib.error, lzma.LZMAError, EOFError, OSError,
            RuntimeError, NotImplementedError, ValueError) as exc:
        # RuntimeError / NotImplementedError: zipfile's "encrypted" or unsupported compression.
        shutil.rmtree(dest, ignore_errors=True)
        raise _damaged(exc) from None
    return writer.written


def _extract_zip(archive, writer, limits, wanted):
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        if len(infos) > limits.max_files:
            raise _too_many(limits)
        declared = 0
        selected = []
        for info in infos:
            rel = member_path(info.filename)
            mode = info.external_attr >> 16
            file_type = stat.S_IFMT(mode)
            if file_type and file_type not in (stat.S_IFREG, stat.S_IFDIR):
                raise _link(info.filename)
            if info.flag_bits & 0x1:
                raise ArchiveError(Message(
                    N_("The archive is protected by a password: it cannot be graded.")))
            declared += info.file_size
            if declared > limits.max_bytes:
                raise _too_large(limits)
            if (info.file_size > RATIO_FLOOR_BYTES
                    and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
                raise _bomb(info.filename)
            if rel is not None and not info.is_dir() and wanted(rel):
                selected.append((rel, info))
        for rel, info in selected:
            with zf.open(info) as source:
                writer.write(rel, source, info.file_size)


class _BoundedStream:
    """The decompressed tar stream, refusing any read or seek that would go past ``budget`` bytes.

    The check comes before the read, so a header announcing gigabytes is refused before
    ``tarfile`` allocates anything for it.
    """

    def __init__(self, stream, budget, limits):
        self.stream = stream
        self.budget = budget
        self.limits = limits
        self.position = 0

    def _allow(self, end):
        if end > self.budget:
            raise _too_large(self.limits)

    def read(self, size=-1):
        if size is None or size < 0:
            size = self.budget - self.position  # "everything": at most up to the budget
        self._allow(self.position + size)
        data = self.stream.read(size)
        self.position += len(data)
        return data

    def seek(self, offset, whence=os.SEEK_SET):
        if whence not in (os.SEEK_SET, os.SEEK_CUR):
            raise ValueError("only absolute and relative seeks are supported")
        target = offset if whence == os.SEEK_SET else self.position + offset
        self._allow(target)
        self.position = self.stream.seek(target)
        return self.position

    def tell(self):
        return self.position


class _CappedTarInfo(tarfile.TarInfo):
    """A ``TarInfo`` that refuses a long-name or PAX header body over ``MAX_HEADER_BYTES``.

    ``tarfile`` reads such a body whole (``_proc_member`` dispatches to it) before it returns
    the member it describes, so the size is checked here, from the header block just parsed.
    """

    def _proc_member(self, tarfile):
        if self.type in _HEADER_TYPES and self.size > MAX_HEADER_BYTES:
            raise _long_header(self.size)
        return super()._proc_member(tarfile)


def _is_tar_header(block):
    """Whether ``block`` (512 bytes) is a valid tar header (its checksum matches)."""
    try:
        tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True


def _open_tar_stream(archive, raw):
    """The decompressed stream of ``archive`` (open binary file ``raw``), as its suffix says.

    Raises
    ------
    ArchiveError
        The content's first bytes do not match the compression of the suffix.
    """
    suffix = _tar_suffix(archive)
    expected = TAR_COMPRESSIONS[suffix]
    head = raw.read(tarfile.BLOCKSIZE)
    raw.seek(0)
    found = next((kind for kind, magic in _MAGIC.items() if head.startswith(magic)), "tar")
    if found != "tar" and expected == "tar" and _is_tar_header(head):
        found = "tar"  # a plain tar whose first name happens to start like a compressed file
    if found != expected:
        raise _wrong_compression(archive, suffix, expected)
    return _OPENERS[expected](raw) if expected in _OPENERS else raw


def _extract_tar(archive, writer, limits, wanted):
    packed = max(os.path.getsize(archive), 1)
    budget = limits.max_bytes + limits.max_files * TAR_HEADER_ALLOWANCE + TAR_FIXED_ALLOWANCE
    with open(archive, "rb") as raw, _open_tar_stream(archive, raw) as stream, \
            tarfile.open(fileobj=_BoundedStream(stream, budget, limits), mode="r:",
                         tarinfo=_CappedTarInfo) as tf:
        count = declared = 0
        for member in tf:
            count += 1
            if count > limits.max_files:
                raise _too_many(limits)
            rel = member_path(member.name)
            if not (member.isreg() or member.isdir()):
                raise _link(member.name)
            declared += member.size
            if declared > limits.max_bytes:
                raise _too_large(limits)
            if declared > RATIO_FLOOR_BYTES and declared > limits.max_ratio * packed:
                raise _bomb(member.name)
            if rel is not None and member.isreg() and wanted(rel):
                source = tf.extractfile(member)
                writer.write(rel, source, member.size)
