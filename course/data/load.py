"""Load the cat-vs-non-cat HDF5 files exactly as the course's ``load_data()`` does.

تحميل ملفات HDF5 لصور القطط وغير القطط كما تفعل الدالة ``load_data()`` في المقرر.
"""

import warnings

import numpy as np

from course.i18n import _, isolate

from .errors import DataCorruptError, DataError, DataSchemaError
from .locate import data_files
from .schema import CLASSES, CLASSES_KEY, IMAGE_SHAPE, SPLITS, SYNTHETIC_ATTR
from .verify import verify_file


class SyntheticDataWarning(UserWarning):
    """Emitted whenever the synthetic stand-in is loaded, so it is never mistaken for real data."""


def _schema_error(path, what):
    return DataSchemaError(
        lambda: _("{file} does not follow the course's data layout: {what}.").format(
            file=isolate(path), what=what()
        )
    )


def _check_arrays(path, split, x, y, classes):
    if x.dtype != np.uint8 or x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE:
        raise _schema_error(
            path,
            lambda: _("{key} should be uint8 of shape {expected}, got {dtype} {shape}").format(
                key=isolate(split.x_key),
                expected=isolate("(m, 64, 64, 3)"),
                dtype=isolate(x.dtype),
                shape=isolate(x.shape),
            ),
        )
    if y.shape != (x.shape[0],) or not np.isin(y, (0, 1)).all():
        raise _schema_error(
            path,
            lambda: _("{key} should hold one 0/1 label per image, shape {expected}, got {shape}").format(
                key=isolate(split.y_key), expected=isolate((x.shape[0],)), shape=isolate(y.shape)
            ),
        )
    if tuple(classes.tolist()) != CLASSES:
        raise _schema_error(
            path,
            lambda: _("{key} should be {expected}").format(
                key=isolate(CLASSES_KEY), expected=isolate(list(CLASSES))
            ),
        )


def read_split(path, split, synthetic=False):
    """Read one file's images, labels and class names.

    Parameters
    ----------
    path : pathlib.Path
        The HDF5 file (already verified when it is a real one).
    split : course.data.schema.Split
        Which keys to read.
    synthetic : bool
        The file must carry the synthetic marker when ``True`` and must not when ``False``.

    Returns
    -------
    x : numpy.ndarray, shape (m, 64, 64, 3), uint8
    y : numpy.ndarray, shape (m,), int64
    classes : numpy.ndarray, shape (2,), bytes

    Raises
    ------
    DataCorruptError
        The file cannot be read as HDF5 (never an h5py traceback).
    DataSchemaError
        Keys, shapes or dtypes differ from the course's, or the synthetic marker is wrong.
    """
    import h5py

    try:
        with h5py.File(path, "r") as h5:
            marked = bool(h5.attrs.get(SYNTHETIC_ATTR, False))
            if synthetic and not marked:
                raise _schema_error(
                    path, lambda: _("it is not marked as the synthetic stand-in; create one with {cmd}").format(
                        cmd=isolate("amiq data synthesize")
                    )
                )
            missing = [k for k in (split.x_key, split.y_key, CLASSES_KEY) if k not in h5]
            if missing:
                raise _schema_error(
                    path, lambda: _("missing {keys}").format(keys=isolate(", ".join(missing)))
                )
            x = np.array(h5[split.x_key][:])
            y = np.array(h5[split.y_key][:])
            classes = np.array(h5[CLASSES_KEY][:])
    except DataError:
        raise
    except (OSError, KeyError, ValueError, TypeError, RuntimeError) as exc:
        raise DataCorruptError(
            lambda exc=exc: _("Cannot read {file} as an HDF5 data file ({reason}). Delete it and get the files "
              "again with {command}.").format(
                file=isolate(path), reason=str(exc).split("(")[0].strip() or type(exc).__name__,
                command=isolate("amiq data fetch SOURCE"),
            )
        ) from None
    _check_arrays(path, split, x, y, classes)
    return x, y, classes


def synthetic_notice():
    """The loud, translated notice printed or warned whenever synthetic data is used."""
    return _(
        "SYNTHETIC DATA: these are generated stand-in images, not the course's photographs; "
        "costs and accuracies will not match the course's numbers."
    )


def load_data(data_dir=None, synthetic=False, verify=True):
    """Load the train and test sets like the course's ``load_data()``.

    Parameters
    ----------
    data_dir : str or os.PathLike or None
        Folder holding the files; default ``$AMIQ_DATA_DIR``, else ``datasets/catvnoncat`` in
        the project.
    synthetic : bool, default False
        Load the generated stand-in (``train_synthetic_catvnoncat.h5`` ...) instead of the real
        files. A :class:`SyntheticDataWarning` says so every time.
    verify : bool, default True
        Check the real files' SHA-256 digests first (cached while the files are unchanged).

    Returns
    -------
    train_set_x_orig : numpy.ndarray, shape (209, 64, 64, 3), uint8
    train_set_y : numpy.ndarray, shape (1, 209), int64
    test_set_x_orig : numpy.ndarray, shape (50, 64, 64, 3), uint8
    test_set_y : numpy.ndarray, shape (1, 50), int64
    classes : numpy.ndarray, shape (2,), dtype ``S7``
        ``[b'non-cat', b'cat']`` (read from the test file, as the course does).

    Raises
    ------
    DataMissingError, DataCorruptError, DataSchemaError
        With a message naming the file and what to do.

    Notes
    -----
    العربية: تُحمِّل مجموعتي التدريب (training set) والاختبار (test set) كما في المقرر. تتحقق
    أولًا من بصمة SHA-256 لكل ملف حقيقي، وترفض البيانات الاصطناعية إلا إذا طُلبت صراحةً
    بالوسيط ``synthetic=True``.
    """
    paths = data_files(data_dir, synthetic=synthetic)
    if synthetic:
        warnings.warn(synthetic_notice(), SyntheticDataWarning, stacklevel=2)
    loaded = []
    for path, split in zip(paths, SPLITS):
        if verify and not synthetic:
            verify_file(path, split)
        loaded.append(read_split(path, split, synthetic=synthetic))
    (train_x, train_y, _train_classes), (test_x, test_y, classes) = loaded
    return (
        train_x,
        train_y.reshape((1, train_y.shape[0])),
        test_x,
        test_y.reshape((1, test_y.shape[0])),
        classes,
    )
