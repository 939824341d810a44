"""The course's preprocessing: flatten each image into a column and scale to [0, 1].

المعالجة المسبقة في المقرر: تسطيح كل صورة في عمود واحد وقسمة القيم على 255.
"""

import numpy as np

from course.i18n import _, isolate


def preprocess(x_orig):
    """Flatten images into columns and divide by 255.

    Parameters
    ----------
    x_orig : numpy.ndarray, shape (m, 64, 64, 3), dtype uint8
        Images as loaded (any trailing shape works: each example is flattened whole).

    Returns
    -------
    x : numpy.ndarray, shape (12288, m), dtype float64
        Column ``i`` is image ``i`` flattened in channel-last (C) order, then divided by 255,
        i.e. ``x_orig.reshape(m, -1).T / 255.``.

    Raises
    ------
    ValueError
        When ``x_orig`` is not an array with at least 2 dimensions.

    Notes
    -----
    العربية: تُسطَّح كل صورة (المثال ``i``) في العمود ``i`` بترتيب القنوات الأخير، ثم تُقسَم
    القيم على 255 فتصبح بين 0 و 1. الشكل الناتج ``(12288, m)``.
    """
    if not isinstance(x_orig, np.ndarray) or x_orig.ndim < 2:
        raise ValueError(
            _("Expected an array of images of shape {expected}, got {got}.").format(
                expected=isolate("(m, 64, 64, 3)"),
                got=isolate(getattr(x_orig, "shape", type(x_orig).__name__)),
            )
        )
    m = x_orig.shape[0]
    return x_orig.reshape(m, -1).T / 255.0
