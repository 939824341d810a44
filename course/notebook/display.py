"""Show the course's PNG figures inside a notebook (they are drawn by :mod:`course.plots`).

عرض أشكال PNG الخاصة بالمقرر داخل الدفتر (ترسمها الوحدة :mod:`course.plots`).

:mod:`course.plots` writes PNG files without pyplot, so figures look the same from ``amiq train``
and from a notebook. Here each figure is drawn into a temporary folder, read back and handed to
IPython's display as PNG bytes, so nothing is written into the student's folders.
"""

import tempfile
from pathlib import Path


def show_png(draw, name="figure.png"):
    """Draw a figure with ``draw(path)`` and display it inline.

    Parameters
    ----------
    draw : callable
        Takes the path of a PNG file to write (such as a :mod:`course.plots` function with its
        other arguments bound).
    name : str
        File name used in the temporary folder.

    Returns
    -------
    bytes
        The PNG data that was displayed (also returned outside IPython, where nothing is shown).
    """
    with tempfile.TemporaryDirectory(prefix="amiq-figure-") as folder:
        path = Path(folder) / name
        draw(path)
        data = path.read_bytes()
    show_png_bytes(data)
    return data


def show_png_bytes(data):
    """Display PNG bytes inline (no-op outside IPython)."""
    try:
        from IPython.display import Image, display
    except ImportError:
        return
    display(Image(data=data, format="png"))
