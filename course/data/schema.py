"""The cat-vs-non-cat data set: file names, HDF5 keys, shapes and SHA-256 digests.

مخطط بيانات القطط وغير القطط: أسماء الملفات ومفاتيح HDF5 والأشكال وبصمات SHA-256.

One place for every fact about the files, so the loader, the verifier, the fetch command and the
synthetic generator cannot disagree.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Split:
    """One HDF5 file of the data set.

    Attributes
    ----------
    name : str
        ``"train"`` or ``"test"``.
    filename : str
        The real file's name, e.g. ``"train_catvnoncat.h5"``.
    synthetic_filename : str
        The synthetic stand-in's name, e.g. ``"train_synthetic_catvnoncat.h5"``.
    x_key, y_key : str
        HDF5 dataset names of the images (m, 64, 64, 3) uint8 and labels (m,).
    sha256 : str
        Digest of the real file.
    size : int
        Size in bytes of the real file.
    m : int
        Number of examples in the real file.
    """

    name: str
    filename: str
    synthetic_filename: str
    x_key: str
    y_key: str
    sha256: str
    size: int
    m: int


TRAIN = Split(
    name="train",
    filename="train_catvnoncat.h5",
    synthetic_filename="train_synthetic_catvnoncat.h5",
    x_key="train_set_x",
    y_key="train_set_y",
    sha256="fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
    size=2572022,
    m=209,
)
TEST = Split(
    name="test",
    filename="test_catvnoncat.h5",
    synthetic_filename="test_synthetic_catvnoncat.h5",
    x_key="test_set_x",
    y_key="test_set_y",
    sha256="6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
    size=616958,
    m=50,
)
SPLITS = (TRAIN, TEST)

CLASSES_KEY = "list_classes"
CLASSES = (b"non-cat", b"cat")
IMAGE_SHAPE = (64, 64, 3)  # height, width, RGB channels (channel-last)
N_X = IMAGE_SHAPE[0] * IMAGE_SHAPE[1] * IMAGE_SHAPE[2]  # 12288 features per flattened image

# HDF5 file attribute that marks the generated stand-in; the real files have no attributes.
SYNTHETIC_ATTR = "amiq_synthetic"

ENV_VAR = "AMIQ_DATA_DIR"


def filename(split, synthetic=False):
    """The file name of ``split`` (a :class:`Split`), real or synthetic."""
    return split.synthetic_filename if synthetic else split.filename
