"""docs/hooks/samples.py: the sample grid comes from the real data when found, else the stand-in, and says so."""

import io
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from .conftest import REPO_ROOT, load_hook

samples = load_hook("samples")


def decode_png(data):
    """The RGB pixels of a PNG as uint8 (matplotlib reads PNGs as floats in [0, 1])."""
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(data), format="png")
    return np.rint(pixels[..., :3] * 255).astype(np.uint8)


@pytest.fixture(scope="module")
def real_folder():
    """A folder holding the verified real training file; skipped when there is none (fails in CI)."""
    found = samples.load_real_train(samples.candidate_dirs())
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("the real cat-vs-non-cat training file was not found (AMIQ_DATA_DIR)")
        pytest.skip("the real cat-vs-non-cat training file is not on this machine")
    return found[2].parent


# --- where the real data is looked for ------------------------------------------------------


def test_candidate_folders_are_searched_env_first_then_shared_then_the_checkout(tmp_path):
    repo = tmp_path / "checkout"
    folders = samples.candidate_dirs({"AMIQ_DATA_DIR": "/data/cats"}, repo_root=repo)
    assert folders == [
        Path("/data/cats"),
        tmp_path / "shared" / "datasets" / "catvnoncat",
        repo / "datasets" / "catvnoncat",
    ]
    assert samples.candidate_dirs({"AMIQ_DATA_DIR": "  "}, repo_root=repo) == folders[1:]


def test_no_real_file_means_none(tmp_path):
    assert samples.load_real_train([tmp_path / "missing", tmp_path]) is None


def test_a_file_with_the_real_name_but_another_digest_is_never_shown(tmp_path):
    from course.data.synthetic import synthesize

    (written, _backup), _test = synthesize(tmp_path / "made")
    impostor = tmp_path / "folder" / "train_catvnoncat.h5"
    impostor.parent.mkdir()
    shutil.copy(written, impostor)
    assert samples.load_real_train([impostor.parent]) is None


def test_the_first_verified_folder_wins(tmp_path, real_folder):
    x, y, path = samples.load_real_train([tmp_path / "empty", real_folder])
    assert path == real_folder / "train_catvnoncat.h5"
    assert x.shape == (209, 64, 64, 3) and x.dtype == np.uint8
    assert y.shape == (209,) and int(y.sum()) == 72


# --- choosing and laying out the images -------------------------------------------------------


def test_pick_samples_takes_the_first_cats_then_the_first_non_cats():
    x = np.arange(10, dtype=np.uint8).reshape(10, 1, 1, 1) * np.ones((1, 64, 64, 3), np.uint8)
    y = np.array([0, 1, 0, 1, 1, 0, 0, 1, 1, 0])
    picked = samples.pick_samples(x, y.reshape(1, -1), per_class=3)
    assert picked.shape == (2, 3, 64, 64, 3)
    assert picked[0, :, 0, 0, 0].tolist() == [1, 3, 4]
    assert picked[1, :, 0, 0, 0].tolist() == [0, 2, 5]


def test_pick_samples_needs_enough_of_each_class():
    x = np.zeros((4, 64, 64, 3), np.uint8)
    with pytest.raises(ValueError, match="need 3 images labelled 1, found 1"):
        samples.pick_samples(x, np.array([1, 0, 0, 0]), per_class=3)


def test_tile_puts_every_image_in_its_cell_with_white_gaps():
    rng = np.random.default_rng(0)
    cells = rng.integers(0, 200, size=(2, 3, 64, 64, 3), dtype=np.uint8)
    grid = samples.tile(cells, gap=2)
    assert grid.shape == (2 * 66 + 2, 3 * 66 + 2, 3)
    for r in range(2):
        for c in range(3):
            top, left = 2 + 66 * r, 2 + 66 * c
            assert np.array_equal(grid[top : top + 64, left : left + 64], cells[r, c])
    assert (grid[:2] == 255).all() and (grid[:, 66:68] == 255).all()


def test_png_round_trips_and_is_the_same_every_time():
    grid = samples.tile(samples.pick_samples(*samples.synthetic_train()))
    first, second = samples.png_bytes(grid), samples.png_bytes(grid)
    assert first == second  # a rebuild does not change the file
    assert first.startswith(b"\x89PNG") and b"Software" not in first and b"tIME" not in first
    assert np.array_equal(decode_png(first), grid)


def test_the_stand_in_images_are_those_amiq_data_synthesize_writes(tmp_path):
    from course.data.load import read_split
    from course.data.schema import TRAIN
    from course.data.synthetic import synthesize

    (train_path, _backup), _test = synthesize(tmp_path)
    x_file, y_file, _classes = read_split(train_path, TRAIN, synthetic=True)
    x, y = samples.synthetic_train()
    assert np.array_equal(x, x_file) and np.array_equal(y, y_file)


# --- the two paths ------------------------------------------------------------------------------


def test_without_real_data_the_grid_is_the_stand_in(tmp_path):
    grid = samples.sample_grid(folders=[tmp_path])
    assert grid["source"] == "synthetic" and grid["path"] is None
    x, y = samples.synthetic_train()
    expected = samples.tile(samples.pick_samples(x, y))
    assert np.array_equal(grid["image"], expected)


def test_with_real_data_the_grid_shows_the_first_real_cats_and_non_cats(real_folder):
    from course.data.load import read_split
    from course.data.schema import TRAIN

    grid = samples.sample_grid(folders=[real_folder])
    assert grid["source"] == "real"
    x, y, _classes = read_split(real_folder / TRAIN.filename, TRAIN)
    first_cat, first_non_cat = x[np.flatnonzero(y == 1)[0]], x[np.flatnonzero(y == 0)[0]]
    gap = samples.GAP
    assert np.array_equal(grid["image"][gap : gap + 64, gap : gap + 64], first_cat)
    assert np.array_equal(grid["image"][2 * gap + 64 : 2 * gap + 128, gap : gap + 64], first_non_cat)


def test_synthetic_mode_never_reads_the_real_data(real_folder):
    grid = samples.sample_grid(mode="synthetic", folders=[real_folder])
    assert grid["source"] == "synthetic"


def test_an_unknown_mode_is_refused_in_both_languages():
    with pytest.raises(ValueError) as info:
        samples.sample_grid(mode="photos")
    assert "'auto' or 'synthetic'" in str(info.value) and "إمّا 'auto'" in str(info.value)


def test_write_png_keeps_one_file_per_source(tmp_path):
    grid = samples.tile(samples.pick_samples(*samples.synthetic_train()))
    path = samples.write_png(grid, "synthetic", folder=tmp_path)
    assert path.name == "cat-samples-synthetic.png"
    assert np.array_equal(decode_png(path.read_bytes()), grid)
    stamp = path.stat().st_mtime_ns
    assert samples.write_png(grid, "synthetic", folder=tmp_path).stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cat-samples-synthetic.png"]


# --- the page -----------------------------------------------------------------------------------


def _config(lang):
    return {"plugins": {"i18n": SimpleNamespace(current_language=lang)}, "theme": {"language": "ar"}}


@pytest.mark.parametrize(
    "source, lang, words",
    [
        ("real", "ar", ("من البيانات الحقيقية", "الوسم 1")),
        ("real", "en", ("from the real data", "label 1")),
        ("synthetic", "ar", ("صور اصطناعية، لا صور المقرّر", "amiq data synthesize")),
        ("synthetic", "en", ("Synthetic images, not the course's photographs", "amiq data synthesize")),
    ],
)
def test_the_marker_becomes_a_figure_that_says_where_its_images_come_from(
    monkeypatch, source, lang, words
):
    grid = {"source": source, "image": np.zeros((134, 398, 3), np.uint8), "path": None}
    monkeypatch.setattr(samples, "_current", grid)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="c1w4/assignments/cat-classifier.md"))
    out = samples.on_page_markdown(
        f"# T\n\n{samples.MARKER}\n", page=page, config=_config(lang), files=None
    )
    assert samples.MARKER not in out
    assert f'data-amiq-source="{source}"' in out
    assert "](../../assets/generated/cat-samples.png){ .amiq-pixelated" in out
    assert 'width="796" height="268"' in out
    for word in words:
        assert word in out


def test_pages_without_the_marker_are_left_alone():
    text = "# T\n\nno grid here\n"
    assert samples.on_page_markdown(text, page=None, config=_config("ar"), files=None) == text


def test_the_cache_folder_is_ignored_by_git():
    gitignore = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/docs/.cache/" in gitignore
    assert samples.CACHE_DIR == REPO_ROOT / "docs" / ".cache" / "generated"


def test_a_mistyped_mode_stops_the_build_with_the_message(monkeypatch):
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv(samples.MODE_VARIABLE, "photos")
    with pytest.raises(PluginError, match="AMIQ_DOCS_SAMPLES must be 'auto' or 'synthetic'"):
        samples.on_files([], config={})
