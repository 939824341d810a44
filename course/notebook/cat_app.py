"""The cat application's notebook cells: load the data, train with a bar, figures, your picture.

خلايا تطبيق القطط في الدفتر: تحميل البيانات، والتدريب مع شريط التقدّم، والأشكال، وصورتك أنت.

Every function here trains or runs the *student's* code (``course.<unit>.cat_classifier``, via
:mod:`course.train`), and none of them raises when that code is not written yet: they print what
to do and return ``None``, so "Run all" on a fresh notebook reaches the end. Loading the data is
the exception: without data nothing below can run, so :func:`load_cat_data` stops the cell with a
bilingual message (:class:`course.notebook.session.NotebookStop`) saying how to get the files.
"""

import sys
import tempfile
from dataclasses import dataclass
from functools import partial

import numpy as np

from course.cli.output import texts
from course.i18n import N_, LocalizedError, _, current_language, isolate, ngettext, other_language

from .display import show_png, show_png_bytes
from .session import NotebookStop, in_direction, not_attempted_message, say

IMAGE_SIZE = 64  # the course's pictures are 64 x 64 RGB
CLASS_NAMES = {0: N_("non-cat"), 1: N_("cat")}
PICTURE_LABELS = {0: N_("y = {label}: this is not a cat picture."),
                  1: N_("y = {label}: this is a cat picture.")}
SYNTHETIC_SWITCH = "USE_SYNTHETIC = True"


@dataclass
class CatData:
    """The cat-vs-non-cat sets as the course's notebook names them.

    Attributes
    ----------
    train_x_orig : numpy.ndarray, shape (m_train, 64, 64, 3), uint8
    train_y : numpy.ndarray, shape (1, m_train)
    test_x_orig : numpy.ndarray, shape (m_test, 64, 64, 3), uint8
    test_y : numpy.ndarray, shape (1, m_test)
    classes : numpy.ndarray, shape (2,)
        ``[b'non-cat', b'cat']``.
    train_x : numpy.ndarray, shape (12288, m_train)
        Flattened and scaled to [0, 1] by :func:`course.data.preprocess`.
    test_x : numpy.ndarray, shape (12288, m_test)
    synthetic : bool
        True for the generated stand-in (its numbers are not the course's).
    """

    train_x_orig: np.ndarray
    train_y: np.ndarray
    test_x_orig: np.ndarray
    test_y: np.ndarray
    classes: np.ndarray
    train_x: np.ndarray
    test_x: np.ndarray
    synthetic: bool = False


def load_cat_data(synthetic=False, data_dir=None):
    """Load and preprocess the data, or stop the cell saying how to get it.

    Parameters
    ----------
    synthetic : bool, default False
        Use the generated stand-in (made in a temporary folder) instead of the course's pictures:
        only when asked, and announced loudly.
    data_dir : str or os.PathLike, optional
        Folder of the real files; default ``$AMIQ_DATA_DIR``, else ``datasets/catvnoncat``.

    Returns
    -------
    CatData

    Raises
    ------
    course.notebook.session.NotebookStop
        The files are missing, corrupt or not the course's: the data layer's message in both
        languages and how to go on (shown without a traceback).
    """
    from course.data import DataError, load_data, preprocess, synthesize, synthetic_notice

    try:
        if synthetic:
            folder = tempfile.mkdtemp(prefix="amiq-synthetic-")
            synthesize(folder)
            say(synthetic_notice())
            loaded = load_data(folder, synthetic=True)
        else:
            loaded = load_data(data_dir)
    except DataError as error:
        advice = texts(lambda: _(
            "Then run this cell again. To try the notebook without the course's pictures, write "
            "{switch} in this cell: the stand-in's numbers are not the course's."
        ).format(switch=isolate(SYNTHETIC_SWITCH)), both=True)
        first, second = current_language(), other_language()
        lines = texts(error, both=True)
        raise NotebookStop([in_direction(lines[0], first), in_direction(advice[0], first), "",
                            *(in_direction(line, second) for line in lines[1:]),
                            in_direction(advice[1], second)]) from None
    train_x_orig, train_y, test_x_orig, test_y, classes = loaded
    data = CatData(train_x_orig, train_y, test_x_orig, test_y, classes,
                   preprocess(train_x_orig), preprocess(test_x_orig), synthetic=bool(synthetic))
    say(_("Pictures in the training set: {m_train}; in the test set: {m_test}. Each picture is "
          "flattened into a column of length {n_x}, with values between 0 and 1.").format(
        m_train=isolate(train_y.shape[1]), m_test=isolate(test_y.shape[1]),
        n_x=isolate(data.train_x.shape[0])))
    return data


def _picture_png(image, scale=3):
    """PNG bytes of an (h, w, 3) uint8 picture, enlarged ``scale`` times without smoothing."""
    import io

    from PIL import Image

    picture = Image.fromarray(np.asarray(image, dtype=np.uint8))
    picture = picture.resize((picture.width * scale, picture.height * scale), Image.NEAREST)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def class_name(label):
    """The translated name of label 0 or 1 ("non-cat" / "cat")."""
    return _(CLASS_NAMES[int(label)])


def show_picture(data, index):
    """Display training picture ``index`` and print its label.

    Parameters
    ----------
    data : CatData
    index : int
        Between 0 and ``m_train - 1``.
    """
    m = data.train_y.shape[1]
    if not 0 <= int(index) < m:
        say(_("Choose an index between 0 and {last}; got {index}.").format(
            last=isolate(m - 1), index=isolate(index)))
        return
    show_png_bytes(_picture_png(data.train_x_orig[index]))
    label = int(data.train_y[0, index])
    say(_(PICTURE_LABELS[label]).format(label=isolate(label)))


def train_model(model, data, iterations=None, learning_rate=None, layers=None):
    """Train the student's ``model`` on ``data`` with a progress bar; report both accuracies.

    Parameters
    ----------
    model : {"two-layer", "L-layer"}
    data : CatData
    iterations : int, optional
        Default the assignment's 2500.
    learning_rate : float, optional
        Default the assignment's 0.0075.
    layers : sequence of int, optional
        Default ``(12288, 7, 1)`` / ``(12288, 20, 7, 5, 1)``.

    Returns
    -------
    course.train.TrainResult or None
        None when a function the model needs is not written yet (what to write is printed).
    """
    from course.train import (DEFAULT_ITERATIONS, DEFAULT_LEARNING_RATE, IMPLEMENTATIONS, MODELS,
                              NotAttemptedError, train)

    try:
        result = train(
            data.train_x, data.train_y, data.test_x, data.test_y, model=model, impl="student",
            layers=layers, iterations=DEFAULT_ITERATIONS if iterations is None else iterations,
            learning_rate=DEFAULT_LEARNING_RATE if learning_rate is None else learning_rate,
            print_cost=True, show_bar=True, bar_file=sys.stderr, out=sys.stdout,
        )
    except NotAttemptedError as error:
        unit = IMPLEMENTATIONS["student"].split(".")[1]  # course.<unit>.cat_classifier
        function = error.function or MODELS.get(model, model)
        say(_("This model cannot be trained yet.") + " " +
            not_attempted_message(function, f"{unit}.{function}"))
        return None
    say(_("Training accuracy: {train}; test accuracy: {test} ({seconds} s of training).").format(
        train=isolate(f"{result.train_accuracy:.4f}"), test=isolate(f"{result.test_accuracy:.4f}"),
        seconds=isolate(f"{result.seconds:.1f}")))
    return result


def _no_model():
    say(_("No trained model yet: run the training cells above once your functions are written."))


def show_cost_curves(results):
    """Plot the recorded costs of several trained models on one figure.

    Parameters
    ----------
    results : dict
        ``{label: TrainResult or None}``; models that were not trained are left out.

    Returns
    -------
    dict or None
        ``{label: costs}`` as plotted (None when no model was trained).
    """
    from course.plots import plot_cost_curves

    curves = {label: r.costs for label, r in results.items() if r is not None}
    if not curves:
        _no_model()
        return None
    show_png(partial(plot_cost_curves, curves, title="Cost during training"), "cost.png")
    return curves


def show_mislabelled(result, data, max_images=20):
    """Display the test pictures ``result``'s model gets wrong.

    Returns
    -------
    numpy.ndarray or None
        Indices of the mislabelled test pictures (None when there is no trained model).
    """
    from course.plots import plot_mislabelled

    if result is None:
        _no_model()
        return None
    show_png(partial(plot_mislabelled, data.test_x_orig, data.test_y, result.test_predictions,
                     data.classes, max_images=max_images), "mislabelled.png")
    wrong = np.flatnonzero(np.ravel(data.test_y) != np.ravel(result.test_predictions))
    say(ngettext("{n} of the {m} test pictures is mislabelled.",
                 "{n} of the {m} test pictures are mislabelled.", len(wrong)).format(
        n=isolate(len(wrong)), m=isolate(data.test_y.shape[1])))
    return wrong


def read_picture(path):
    """Load any picture Pillow reads as a 64 x 64 RGB array, like the course's pictures.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    numpy.ndarray, shape (64, 64, 3), uint8

    Raises
    ------
    PictureError
        A bilingual message naming the file and what was expected.
    """
    from pathlib import Path

    from PIL import Image, UnidentifiedImageError

    where = Path(str(path)).expanduser()
    if not str(path).strip():
        reason = N_("no path was given")
    elif not where.exists():
        reason = N_("there is no such file")
    elif where.is_dir():
        reason = N_("it is a folder, not a file")
    else:
        try:
            with Image.open(where) as picture:
                picture.load()
                rgb = picture.convert("RGB").resize((IMAGE_SIZE, IMAGE_SIZE), Image.LANCZOS)
            return np.asarray(rgb, dtype=np.uint8)
        except (UnidentifiedImageError, Image.DecompressionBombError):
            reason = N_("it is not a picture Pillow can read")
        except (OSError, ValueError, SyntaxError):  # truncated or damaged picture data
            reason = N_("the picture's data is damaged")
    raise PictureError(lambda: _(
        "Cannot read {path} as a picture: {reason}. Give the path of a JPEG or PNG file, "
        "such as {example}.").format(path=isolate(path), reason=_(reason),
                                     example=isolate("my_cat.jpg")))


class PictureError(LocalizedError, ValueError):
    """A file that cannot be read as a picture (``texts(error, both=True)`` gives both languages)."""


def classify_picture(path, result):
    """Classify your own picture with a trained model (the cell "try your own image").

    The picture is converted to RGB, resized to 64 x 64 and preprocessed like the training
    data (flattened, divided by 255), then the student's ``L_model_forward`` gives the
    probability of a cat; above 0.5 the model says "cat", as ``predict`` does.

    Parameters
    ----------
    path : str or os.PathLike
        A JPEG or PNG file (any format Pillow reads works).
    result : course.train.TrainResult or None
        A trained model (from :func:`train_model`).

    Returns
    -------
    tuple or None
        ``(label, probability)``; None when the file cannot be read (a bilingual message is
        printed, no traceback) or no model is trained.
    """
    from course.data import preprocess
    from course.train import load_implementation

    try:
        picture = read_picture(path)
    except PictureError as error:
        for line, lang in zip(texts(error, both=True), (current_language(), other_language())):
            say(line, lang)
        return None
    if result is None:
        _no_model()
        return None
    x = preprocess(picture[np.newaxis])  # (12288, 1), like one column of train_x
    module = load_implementation("student")
    probabilities, _caches = module.L_model_forward(x, result.parameters)
    probability = float(np.squeeze(probabilities))
    label = int(probability > 0.5)
    show_png_bytes(_picture_png(picture))
    say(_("The model says: {name} (probability of a cat: {p}).").format(
        name=class_name(label), p=isolate(f"{probability:.3f}")))
    return label, probability
