"""MkDocs hook: ``<!-- amiq:cat-samples -->`` becomes a grid of training images, made at build time.

The course's images are never stored in the repository. When the site is built, the grid is drawn
from the real training file ``train_catvnoncat.h5`` if it is found and its SHA-256 digest checks
out, searching in this order:

1. ``$AMIQ_DATA_DIR``;
2. ``../shared/datasets/catvnoncat`` beside the checkout;
3. ``datasets/catvnoncat`` in the checkout.

Otherwise (or with ``AMIQ_DOCS_SAMPLES=synthetic``, e.g. to publish a site without the course's
photographs) it shows the images of the synthetic stand-in, the same ones ``amiq data
synthesize`` writes, and the caption says so in the page's language.

The PNG is written to ``docs/.cache/generated/`` (gitignored, outside ``docs_dir`` so that
``mkdocs serve`` does not rebuild in a loop) and added to the build as a generated file, so it
only reaches the built site; nothing is written into ``docs/content/``. The grid is
deterministic: the first six cats and the first six non-cats in file order (or in the stand-in's
fixed-seed order), encoded without any date or version metadata.
"""

import html
import io
import logging
import os
import tempfile
from pathlib import Path

import numpy as np

from _shared import REPO_ROOT, build_language, replace_marker

log = logging.getLogger("mkdocs.hooks.samples")

MARKER = "<!-- amiq:cat-samples -->"
IMAGE_URI = "assets/generated/cat-samples.png"
CACHE_DIR = REPO_ROOT / "docs" / ".cache" / "generated"  # gitignored
MODE_VARIABLE = "AMIQ_DOCS_SAMPLES"  # "synthetic" forces the stand-in; unset or "auto": real if found
PER_CLASS = 6  # images per row: one row of cats, one row of non-cats
GAP = 2  # white pixels between and around the 64 x 64 images
DISPLAY_SCALE = 2  # shown twice as large, with crisp pixels (see amiq.css)

CAPTIONS = {
    ("real", "ar"): (
        "صورٌ من مجموعة التدريب في الملف <code>train_catvnoncat.h5</code>: في الصف العلوي أول ست "
        "صور قطط (الوسم 1)، وفي الصف السفلي أول ست صور ليست قططًا (الوسم 0). رُسمت هذه الشبكة "
        "من البيانات الحقيقية عند بناء الموقع، ولا تُحفَظ الصور في المستودع."
    ),
    ("real", "en"): (
        "Images from the training set in <code>train_catvnoncat.h5</code>: top row, the first six "
        "cats (label 1); bottom row, the first six non-cats (label 0). This grid was drawn from "
        "the real data when the site was built; the images are not stored in the repository."
    ),
    ("synthetic", "ar"): (
        "<strong>صور اصطناعية، لا صور المقرّر:</strong> لم تتوافر ملفات البيانات الحقيقية عند "
        "بناء الموقع، فتعرض الشبكة صور البديل الاصطناعي (synthetic stand-in) التي يولّدها الأمر "
        "<code>amiq data synthesize</code>: في الصف العلوي ست «قطط» (الوسم 1)، وفي الصف السفلي "
        "ست صور «ليست قططًا» (الوسم 0)."
    ),
    ("synthetic", "en"): (
        "<strong>Synthetic images, not the course's photographs:</strong> the real data files "
        "were not available when the site was built, so the grid shows the synthetic stand-in "
        "that <code>amiq data synthesize</code> generates: top row, six \"cats\" (label 1); "
        "bottom row, six \"non-cats\" (label 0)."
    ),
}
ALT_TEXT = {
    "ar": "شبكة من اثنتي عشرة صورة صغيرة: ست صور قطط في الصف العلوي وست صور أخرى في الصف السفلي",
    "en": "A grid of twelve small images: six cats in the top row and six other pictures below",
}


def candidate_dirs(environ=None, repo_root=REPO_ROOT):
    """The folders searched for the real training file, in order (see the module docstring)."""
    environ = os.environ if environ is None else environ
    folders = []
    explicit = environ.get("AMIQ_DATA_DIR", "").strip()
    if explicit:
        folders.append(Path(explicit).expanduser())
    folders.append(Path(repo_root).parent / "shared" / "datasets" / "catvnoncat")
    folders.append(Path(repo_root) / "datasets" / "catvnoncat")
    return folders


def load_real_train(folders):
    """The images and labels of the first real training file found among ``folders``.

    A file whose digest does not match is skipped (with a note in the build log), never shown.

    Returns
    -------
    tuple or None
        ``(x, y, path)`` with ``x`` of shape (m, 64, 64, 3) uint8 and ``y`` of shape (m,), or
        ``None`` when no folder holds the verified file.
    """
    from course.data.errors import DataError
    from course.data.load import read_split
    from course.data.schema import TRAIN
    from course.data.verify import verify_file

    for folder in folders:
        path = Path(folder) / TRAIN.filename
        if not path.is_file():
            continue
        try:
            verify_file(path, TRAIN)
            x, y, _classes = read_split(path, TRAIN)
        except DataError as exc:
            log.info(f"cat samples: skipping {path}: {exc}")
            continue
        return x, y, path
    return None


def synthetic_train():
    """The synthetic stand-in's training images, exactly as ``amiq data synthesize`` makes them.

    Returns
    -------
    x : numpy.ndarray, shape (40, 64, 64, 3), uint8
    y : numpy.ndarray, shape (40,), int64
    """
    from course.data.schema import SPLITS, TRAIN
    from course.data.synthetic import DEFAULT_SEED, DEFAULT_SIZES, make_images

    # synthesize() gives each split its own child of SeedSequence(seed), in SPLITS order.
    stream = np.random.SeedSequence(DEFAULT_SEED).spawn(len(SPLITS))[SPLITS.index(TRAIN)]
    return make_images(DEFAULT_SIZES["train"], np.random.default_rng(stream))


def pick_samples(x, y, per_class=PER_CLASS):
    """The first ``per_class`` cats, then the first ``per_class`` non-cats, in file order.

    Parameters
    ----------
    x : numpy.ndarray, shape (m, 64, 64, 3)
    y : numpy.ndarray, shape (m,) or (1, m)
        1 for a cat, 0 otherwise.

    Returns
    -------
    numpy.ndarray, shape (2, per_class, 64, 64, 3)
        Row 0 holds the cats, row 1 the non-cats.

    Raises
    ------
    ValueError
        When either class has fewer than ``per_class`` images.
    """
    y = np.asarray(y).reshape(-1)
    rows = []
    for label in (1, 0):
        index = np.flatnonzero(y == label)[:per_class]
        if len(index) < per_class:
            raise ValueError(
                f"need {per_class} images labelled {label}, found {len(index)} / "
                f"يلزم {per_class} صور وسمها {label}، والموجود {len(index)}"
            )
        rows.append(x[index])
    return np.stack(rows)


def tile(samples, gap=GAP):
    """Lay ``samples`` (rows, columns, h, w, 3) out as one RGB image with white gaps.

    Returns
    -------
    numpy.ndarray, shape (rows * (h + gap) + gap, columns * (w + gap) + gap, 3), uint8
    """
    rows, columns, h, w, _channels = samples.shape
    grid = np.full((rows * (h + gap) + gap, columns * (w + gap) + gap, 3), 255, dtype=np.uint8)
    for r in range(rows):
        for c in range(columns):
            top, left = gap + r * (h + gap), gap + c * (w + gap)
            grid[top : top + h, left : left + w] = samples[r, c]
    return grid


def png_bytes(image):
    """Encode an RGB uint8 image as PNG, with no software or date metadata (same bytes each run)."""
    from matplotlib.image import imsave

    buffer = io.BytesIO()
    imsave(buffer, image, format="png", metadata={"Software": None})
    return buffer.getvalue()


def sample_grid(mode=None, folders=None):
    """Choose the source and draw the grid.

    Parameters
    ----------
    mode : {"auto", "synthetic"}, optional
        Default: ``$AMIQ_DOCS_SAMPLES``, else ``"auto"`` (the real data when it is found).
    folders : list of path-like, optional
        Where to look for the real file; default :func:`candidate_dirs`.

    Returns
    -------
    dict
        ``{"source": "real" | "synthetic", "image": uint8 array, "path": Path or None}``.
    """
    mode = (mode or os.environ.get(MODE_VARIABLE, "") or "auto").strip().lower()
    if mode not in ("auto", "synthetic"):
        raise ValueError(
            f"{MODE_VARIABLE} must be 'auto' or 'synthetic', got {mode!r} / "
            f"يجب أن تكون قيمة {MODE_VARIABLE} إمّا 'auto' وإمّا 'synthetic'"
        )
    real = None if mode == "synthetic" else load_real_train(folders or candidate_dirs())
    if real is not None:
        x, y, path = real
        return {"source": "real", "image": tile(pick_samples(x, y)), "path": path}
    x, y = synthetic_train()
    return {"source": "synthetic", "image": tile(pick_samples(x, y)), "path": None}


def render_figure(source, image_src, lang, shape):
    """The Markdown (``md_in_html``) of the figure, with the caption for ``source`` in ``lang``."""
    height, width = shape[:2]
    return (
        f'<figure class="amiq-samples" data-amiq-source="{source}" markdown="span">\n'
        f"  ![{ALT_TEXT[lang]}]({image_src}){{ .amiq-pixelated "
        f'width="{width * DISPLAY_SCALE}" height="{height * DISPLAY_SCALE}" }}\n'
        f"  <figcaption>{CAPTIONS[(source, lang)]}</figcaption>\n"
        f"</figure>"
    )


_current = {}  # the grid of the build in progress, set by on_files and read by on_page_markdown


def write_png(image, source, folder=CACHE_DIR):
    """Write the grid's PNG into ``folder`` and return its path.

    One file per source (``cat-samples-real.png``, ``cat-samples-synthetic.png``), written only
    when its bytes changed and through a temporary file, so that two builds running at once
    never copy a half-written image or one drawn from the other source.
    """
    path = Path(folder) / f"cat-samples-{source}.png"
    data = png_bytes(image)
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    return path


def on_files(files, config, **kwargs):
    """Draw the grid once per language build and add its PNG to the site as a generated file.

    The file is backed by a path outside ``docs_dir`` (mkdocs-static-i18n cannot handle files
    held in memory). The i18n plugin treats such files like theme files: one copy at the site
    root (``assets/generated/``), which the English pages link to as well.
    """
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    try:
        grid = sample_grid()
    except ValueError as exc:  # a mistyped AMIQ_DOCS_SAMPLES: say so instead of a traceback
        raise PluginError(str(exc)) from None
    _current.clear()
    _current.update(grid)
    if grid["source"] == "real":
        log.info(f"cat samples: drawn from {grid['path']}")
    else:
        log.info("cat samples: the real training file was not used; showing the synthetic stand-in")
    path = write_png(grid["image"], grid["source"])
    files.append(File.generated(config, IMAGE_URI, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Replace the marker with the figure; the image path is relative to the page's source."""
    if MARKER not in markdown:
        return markdown
    from mkdocs.utils import get_relative_url

    grid = _current or sample_grid()
    image_src = get_relative_url(IMAGE_URI, page.file.src_uri)
    lang = build_language(config)
    return replace_marker(
        markdown,
        MARKER,
        lambda: render_figure(grid["source"], html.escape(image_src), lang, grid["image"].shape),
    )
