"""Errors of the data layer: each carries a complete, translated message for the user.

أخطاء طبقة البيانات: يحمل كلٌّ منها رسالة كاملة مترجمة للمستخدم.
"""

from course.i18n import LocalizedError


class DataError(LocalizedError):
    """Base class: the message says what is wrong and what to do (in the current language)."""


class DataMissingError(DataError, FileNotFoundError):
    """The data folder or one of its files does not exist."""


class DataCorruptError(DataError):
    """A file exists but is not the expected one (digest mismatch, truncated, unreadable)."""


class DataSchemaError(DataError):
    """A readable HDF5 file without the course's keys, shapes or dtypes."""


class DataFetchError(DataError):
    """Copying or downloading the files failed; nothing was written in place."""


class DataSourceError(DataFetchError):
    """The source given to fetch is not usable: an unsupported URL scheme or no such folder."""
