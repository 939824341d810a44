"""The cat-vs-non-cat data: locate, verify, fetch, load, preprocess, or synthesise a stand-in.

بيانات صور القطط وغير القطط: تحديد مكانها، والتحقق منها، وجلبها، وتحميلها، ومعالجتها،
أو توليد بديل اصطناعي عنها.

Typical use, as in the course::

    from course.data import load_data, preprocess
    train_x_orig, train_y, test_x_orig, test_y, classes = load_data()
    train_x = preprocess(train_x_orig)   # (12288, 209)

Modules (one job each): ``schema`` (file facts), ``locate`` (which folder), ``digests``
(cached SHA-256), ``verify`` (digest check), ``load`` (HDF5 reading), ``preprocess``,
``fetch`` (copy/download), ``synthetic`` (stand-in), ``backups``, ``errors``.
"""

from .errors import DataCorruptError, DataError, DataFetchError, DataMissingError, DataSchemaError
from .fetch import fetch
from .load import SyntheticDataWarning, load_data, synthetic_notice
from .locate import data_files, default_data_dir, resolve_data_dir
from .preprocess import preprocess
from .schema import ENV_VAR, SPLITS, TEST, TRAIN
from .synthetic import synthesize
from .verify import verify_file

__all__ = [
    "DataCorruptError",
    "DataError",
    "DataFetchError",
    "DataMissingError",
    "DataSchemaError",
    "ENV_VAR",
    "SPLITS",
    "SyntheticDataWarning",
    "TEST",
    "TRAIN",
    "data_files",
    "default_data_dir",
    "fetch",
    "load_data",
    "preprocess",
    "resolve_data_dir",
    "synthesize",
    "synthetic_notice",
    "verify_file",
]
