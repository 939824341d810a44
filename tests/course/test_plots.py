"""Figures are written as PNG files without a display."""

import numpy as np

from course.plots import plot_cost_curve, plot_cost_curves, plot_mislabelled

PNG = b"\x89PNG\r\n\x1a\n"


def test_cost_curve_png(tmp_path):
    path = plot_cost_curve([np.array(0.7), 0.5, 0.3], tmp_path / "sub" / "cost.png",
                           learning_rate=0.0075)
    assert path.read_bytes().startswith(PNG) and path.stat().st_size > 5000


def test_several_curves_png(tmp_path):
    path = plot_cost_curves({"lr 0.01": [0.7, 0.4], "lr 0.001": [0.7, 0.65]}, tmp_path / "c.png")
    assert path.read_bytes().startswith(PNG)


def test_mislabelled_grid_shows_only_wrong_predictions(tmp_path):
    images = np.zeros((6, 64, 64, 3), np.uint8)
    y = np.array([[1, 0, 1, 0, 1, 0]])
    wrong = plot_mislabelled(images, y, 1 - y, np.array([b"non-cat", b"cat"]), tmp_path / "m.png")
    right = plot_mislabelled(images, y, y, np.array([b"non-cat", b"cat"]), tmp_path / "r.png")
    assert wrong.read_bytes().startswith(PNG) and right.read_bytes().startswith(PNG)
    # six labelled panels make a bigger picture than the "no mislabelled images" note
    assert wrong.stat().st_size > right.stat().st_size


def _png_size(path):
    import struct

    return struct.unpack(">II", path.read_bytes()[16:24])


def test_mislabelled_figure_keeps_a_minimum_size_with_few_or_no_mistakes(tmp_path):
    images = np.zeros((6, 64, 64, 3), np.uint8)
    y = np.array([[1, 0, 1, 0, 1, 0]])
    one_wrong = y.copy()
    one_wrong[0, 0] = 0
    classes = np.array([b"non-cat", b"cat"])
    none = plot_mislabelled(images, y, y, classes, tmp_path / "none.png")
    one = plot_mislabelled(images, y, one_wrong, classes, tmp_path / "one.png")
    for path in (none, one):
        width, height = _png_size(path)
        assert width >= 600 and height >= 200  # room for the whole title


def test_mislabelled_title_says_when_the_grid_is_capped(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    titles = []
    original = Figure.suptitle
    monkeypatch.setattr(Figure, "suptitle",
                        lambda self, t, **kw: titles.append(t) or original(self, t, **kw))
    images = np.zeros((33, 64, 64, 3), np.uint8)
    y = np.ones((1, 33), int)
    classes = np.array([b"non-cat", b"cat"])
    plot_mislabelled(images, y, 1 - y, classes, tmp_path / "all.png")
    plot_mislabelled(images, y, y, classes, tmp_path / "none.png")
    assert titles == ["Mislabelled test images: 33 of 33 (first 20 shown)",
                      "Mislabelled test images: 0 of 33"]


def test_sweep_figure_draws_given_curves_and_marks_divergence(tmp_path):
    from course.plots import save_figure, sweep_figure

    curves = [
        {"label": "learning rate = 0.01", "iterations": np.array([0, 100, 199]),
         "costs": np.array([0.7, 0.5, 0.4]), "diverged": False},
        {"label": "learning rate = 5 (diverged)", "iterations": np.array([0, 100, 199]),
         "costs": np.array([0.7, 2.0, np.nan]), "diverged": True},
    ]
    fig = sweep_figure(curves, title="t")
    ax = fig.axes[0]
    assert ax.get_yscale() == "linear" and ax.get_xlabel() == "iteration"
    drawn = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_array_equal(drawn["learning rate = 0.01"].get_ydata(), [0.7, 0.5, 0.4])
    assert drawn["learning rate = 5 (diverged)"].get_linestyle() == "--"
    # The last finite point of the diverged curve carries an "x".
    marks = [line for line in ax.get_lines() if line.get_marker() == "x"]
    assert len(marks) == 1 and list(marks[0].get_xdata()) == [100]
    assert sweep_figure(curves, log_scale=True).axes[0].get_yscale() == "log"
    png, svg = save_figure(fig, [tmp_path / "a.png", tmp_path / "b" / "a.svg"])
    assert png.read_bytes().startswith(PNG)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "<dc:date>" not in text
