"""Check that a data file is the course's file, before any HDF5 reader touches it.

تحقّق من أن ملف البيانات هو ملف المقرر نفسه، قبل أن يقرأه أيّ قارئ HDF5.
"""

from pathlib import Path

from course.i18n import _, isolate

from .digests import cached_sha256
from .errors import DataCorruptError, DataMissingError
from .schema import SYNTHETIC_ATTR


def is_synthetic_file(path):
    """``True`` when ``path`` is a readable HDF5 file marked as the synthetic stand-in."""
    try:
        import h5py

        with h5py.File(path, "r") as h5:
            return bool(h5.attrs.get(SYNTHETIC_ATTR, False))
    except Exception:  # any unreadable file is simply "not the stand-in"
        return False


HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


def has_hdf5_signature(path):
    """``True`` when the file starts with the 8-byte HDF5 signature (``False`` if unreadable)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(HDF5_SIGNATURE)) == HDF5_SIGNATURE
    except OSError:
        return False


def digest_mismatch_message(path, split, actual_digest, actual_size):
    """The translated explanation for a file whose SHA-256 is not the expected one."""
    path = Path(path)
    if is_synthetic_file(path):
        return _(
            "{file} is the SYNTHETIC stand-in, not the course's data. Load it only on purpose: "
            "pass {flag} (or {kwarg} in Python)."
        ).format(file=isolate(path), flag=isolate("--synthetic"), kwarg=isolate("synthetic=True"))
    if not has_hdf5_signature(path):
        why = _("it is not an HDF5 file at all (it does not start with the HDF5 signature): a "
                "different file, or a web page saved under that name.")
    elif actual_size < split.size:
        why = _("it is shorter than expected ({got} of {expected} bytes): a truncated copy or an "
                "interrupted download.").format(got=isolate(actual_size), expected=isolate(split.size))
    else:
        why = _("it is corrupt or a different file.")
    return (
        _("{file} is not the course's {name} file: its SHA-256 digest is {got}, expected {expected}; "
          "{why}").format(
            file=isolate(path),
            name=isolate(split.filename),
            got=isolate(actual_digest[:16] + "…"),
            expected=isolate(split.sha256[:16] + "…"),
            why=why,
        )
        + " "
        + _("Delete it and get the files again with {command}.").format(
            command=isolate("amiq data fetch SOURCE")
        )
    )


def verify_file(path, split):
    """Raise unless ``path`` has the SHA-256 digest of ``split``'s real file.

    Parameters
    ----------
    path : str or os.PathLike
        The file to check.
    split : course.data.schema.Split
        Which file it should be.

    Raises
    ------
    DataMissingError
        The file does not exist.
    DataCorruptError
        Digest mismatch (truncated, corrupt, another file, or the synthetic stand-in).
    """
    path = Path(path)
    try:
        actual = cached_sha256(path)
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataMissingError(lambda: _("Data file not found: {file}.").format(file=isolate(path))) from None
    except OSError as exc:
        raise DataCorruptError(
            lambda exc=exc: _("Cannot read {file}: {reason}.").format(file=isolate(path), reason=exc.strerror or exc)
        ) from None
    if actual != split.sha256:
        raise DataCorruptError(lambda: digest_mismatch_message(path, split, actual, size))
