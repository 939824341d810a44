"""Copy or download the two data files, verifying them before anything is written in place.

نسخ ملفَّي البيانات أو تنزيلهما، مع التحقق من بصمتيهما قبل كتابة أي شيء في مكانه.

Each file is streamed into a temporary file in the target folder while its SHA-256 is computed;
only when *both* files match their digests are they renamed into place (an atomic rename on one
file system). A different file already in place is moved to ``.amiq-backups/`` first.
"""

import hashlib
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from course.fileio import AtomicFile
from course.i18n import _, isolate

from .backups import backup_file, timestamp
from .digests import cached_sha256
from .errors import DataFetchError, DataSourceError
from .locate import resolve_data_dir
from .schema import SPLITS

_CHUNK = 1 << 16
URL_SCHEMES = ("http", "https", "file")


def _is_url(source):
    scheme = urllib.parse.urlsplit(str(source)).scheme.lower()
    # A one-letter "scheme" is a Windows drive (C:\...), not a URL.
    return len(scheme) > 1, scheme


def _source_location(source, name):
    """Where file ``name`` is under ``source`` (a folder or URL, possibly naming one of the files)."""
    is_url, scheme = _is_url(source)
    text = str(source)
    if is_url:
        if scheme not in URL_SCHEMES:
            raise DataSourceError(
                lambda: _("Unsupported source {source}: expected a folder, or an http://, https:// or "
                  "file:// URL.").format(source=isolate(text))
            )
        base = text.rsplit("/", 1)[0] + "/" if text.endswith(".h5") else text.rstrip("/") + "/"
        if scheme == "file":  # a local folder after all: it must exist, like a plain path
            _require_folder(Path(urllib.request.url2pathname(urllib.parse.urlsplit(base).path)))
        return urllib.parse.urljoin(base, name)
    folder = Path(text).expanduser()
    if folder.suffix == ".h5":
        folder = folder.parent
    _require_folder(folder)
    return folder / name


def _require_folder(folder):
    """Raise :class:`DataSourceError` unless the source ``folder`` exists."""
    if not folder.is_dir():
        raise DataSourceError(
            lambda: _("Source folder not found: {source}. Give the folder that holds {names}.").format(
                source=isolate(folder), names=isolate(", ".join(s.filename for s in SPLITS))
            )
        )


def _open(location, timeout):
    if isinstance(location, Path):
        try:
            return open(location, "rb")
        except OSError as exc:
            raise DataFetchError(
                lambda exc=exc: _("Cannot read {source}: {reason}.").format(
                    source=isolate(location), reason=exc.strerror or exc
                )
            ) from None
    try:
        return urllib.request.urlopen(location, timeout=timeout)  # noqa: S310 (scheme checked)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DataFetchError(
            lambda: _("Cannot download {source}: {reason}.").format(source=isolate(location), reason=reason)
        ) from None


def _download(location, split, folder, timeout):
    """Stream one file into a staged :class:`~course.fileio.AtomicFile` in ``folder``.

    Returns it once verified, not yet committed (the caller renames both files into place only
    when both are right).
    """
    staged = AtomicFile(Path(folder) / split.filename, binary=True)
    out = staged.file
    digest = hashlib.sha256()
    size = 0
    try:
        with _open(location, timeout) as src:
            while True:
                chunk = src.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > split.size:  # never fill a disk from a wrong URL
                    raise DataFetchError(
                        lambda: _("{source} is larger than the expected {expected} bytes: not the "
                          "course's {name}.").format(
                            source=isolate(location), expected=isolate(split.size),
                            name=isolate(split.filename),
                        )
                    )
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != split.sha256:
            raise DataFetchError(
                lambda: _("{source} is not the course's {name}: its SHA-256 digest is {got}, expected "
                  "{expected} ({size} bytes received). Nothing was written.").format(
                    source=isolate(location), name=isolate(split.filename),
                    got=isolate(digest.hexdigest()[:16] + "…"),
                    expected=isolate(split.sha256[:16] + "…"), size=isolate(size),
                )
            )
    except BaseException:
        staged.discard()
        raise
    return staged


def _make_folder(target):
    """Create ``target`` (and missing parents); return the folders created, deepest first."""
    created = []
    probe = target
    while not probe.exists() and probe != probe.parent:
        created.append(probe)
        probe = probe.parent
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_created(created)
        raise DataFetchError(
            lambda exc=exc: _("Cannot create the data folder {folder}: {reason}.").format(
                folder=isolate(target), reason=exc.strerror or exc
            )
        ) from None
    return created


def _remove_created(created):
    """Remove the folders a failed fetch created (only while empty; never older folders)."""
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            return


def fetch(source, data_dir=None, timeout=60):
    """Copy or download ``train_catvnoncat.h5`` and ``test_catvnoncat.h5`` into the data folder.

    Parameters
    ----------
    source : str or os.PathLike
        A folder holding the two files, or an ``http://``, ``https://`` or ``file://`` URL of
        such a folder (a path or URL ending in one of the file names is also accepted).
    data_dir : str or os.PathLike or None
        Target folder (see :func:`course.data.locate.resolve_data_dir`); created if needed.
    timeout : float
        Seconds to wait for a network response.

    Returns
    -------
    list of (str, str, pathlib.Path or None)
        One ``(file name, status, backup)`` per file; status is ``"present"`` (already there and
        verified) or ``"fetched"``; ``backup`` is where a different old file was moved, if any.

    Raises
    ------
    DataSourceError
        The source is not usable (unsupported URL scheme, or a folder that does not exist),
        checked first, so even when both files are already in place.
    DataFetchError
        Network/read failure, or a digest mismatch. Nothing is changed in the target
        folder in that case (temporary files are removed), and a target folder the fetch created
        is removed again (a folder that existed before is always kept).
    """
    # A mistyped source is an error even when there is nothing to fetch: otherwise it would go
    # unnoticed until the day it is needed.
    _source_location(source, SPLITS[0].filename)
    target = resolve_data_dir(data_dir)
    created = _make_folder(target)
    try:
        todo, report = [], {}
        for split in SPLITS:
            dest = target / split.filename
            if dest.is_file() and cached_sha256(dest) == split.sha256:
                report[split.filename] = (split.filename, "present", None)
            else:
                todo.append(split)
        downloaded = {}
        try:
            for split in todo:
                downloaded[split.filename] = _download(
                    _source_location(source, split.filename), split, target, timeout
                )
        except BaseException:
            for staged in downloaded.values():
                staged.discard()
            raise
    except BaseException:
        _remove_created(created)
        raise
    stamp = timestamp()
    for split in todo:
        dest = target / split.filename
        backup = backup_file(dest, target, stamp, move=True) if dest.exists() else None
        downloaded[split.filename].commit()
        report[split.filename] = (split.filename, "fetched", backup)
    return [report[s.filename] for s in SPLITS]
