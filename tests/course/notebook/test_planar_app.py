"""The planar application's cells (unit c1w3): figures by their data, training the student's code
(here the reference, or the checkout's untouched stubs), the experiment and the other data sets."""

import re

import numpy as np
import pytest

from course.c1w3.planar_utils import accuracy_percent, load_planar_dataset
from course.notebook import planar_app
from course.notebook.session import NotebookStop
from solutions.c1w3 import planar_classifier as reference

ARABIC = re.compile("[\u0600-\u06FF]")


@pytest.fixture
def english(lang):
    lang("en")


@pytest.fixture
def flower():
    return load_planar_dataset()


@pytest.fixture
def shown(monkeypatch):
    """The figures the cells display, instead of IPython's display."""
    figures = []

    def show_panels(panels, name="planar.png"):
        figure = planar_app.planar_figure(panels)
        figures.append((name, figure))
        return figure

    monkeypatch.setattr(planar_app, "show_panels", show_panels)
    return figures


@pytest.fixture
def reference_as_student(monkeypatch):
    """Train "the student's" code with the reference (the checkout's files are stubs)."""
    monkeypatch.setattr(planar_app, "STUDENT_MODULE", "solutions.c1w3.planar_classifier")


def _points(ax):
    """The scatter of an axes: (offsets (m, 2), colour values (m,))."""
    scatter = ax.collections[-1]
    return np.asarray(scatter.get_offsets()), np.asarray(scatter.get_array())


# ------------------------------------------------------------------------------ figures


def test_a_data_panel_draws_every_point_coloured_by_its_label(flower):
    X, Y = flower
    fig = planar_app.planar_figure([planar_app.Panel("The flower", X, Y)])
    (ax,) = fig.axes
    offsets, colours = _points(ax)
    np.testing.assert_array_equal(offsets, X.T)
    np.testing.assert_array_equal(colours, np.ravel(Y))
    assert ax.get_title() == "The flower" and ax.get_xlabel() == "x1"
    assert len(ax.collections) == 1  # no regions without a model


def test_a_model_panel_fills_the_regions_the_model_gives_under_the_points(flower):
    X, Y = flower

    def upper_half(points):  # class 1 where x2 > 0
        return (points[:, 1] > 0).astype(int)

    fig = planar_app.planar_figure([planar_app.Panel("half", X, Y, upper_half)])
    (ax,) = fig.axes
    regions = ax.collections[0]
    assert regions.__class__.__name__.endswith("ContourSet")
    # The filled levels split the labels 0 and 1, and span the data plus the course's padding.
    assert regions.levels[0] <= 0 < 1 <= regions.levels[-1]
    x0, x1 = ax.get_xlim()
    assert x0 == pytest.approx(X[0].min() - 1, abs=0.05) and x1 >= X[0].max() + 1 - 0.1
    offsets, colours = _points(ax)
    np.testing.assert_array_equal(offsets, X.T)
    np.testing.assert_array_equal(colours, np.ravel(Y))


def test_several_panels_are_laid_out_in_rows_of_four(flower):
    X, Y = flower
    panels = [planar_app.Panel(f"n_h = {n}", X, Y) for n in range(7)]
    fig = planar_app.planar_figure(panels)
    assert [ax.get_title() for ax in fig.axes] == [p.title for p in panels]
    rows = {round(ax.get_position().y0, 3) for ax in fig.axes}
    assert len(rows) == 2


def test_the_grid_has_a_bounded_number_of_points_whatever_the_data_range(flower):
    X, _ = flower
    for scale in (0.1, 1, 100):
        step = planar_app.grid_step(X * scale, 200)
        span = np.max(np.ptp(X * scale, axis=1)) + 2
        assert len(np.arange(0, span, step)) == pytest.approx(200, abs=1)


# ------------------------------------------------------------------------------ training


def test_training_reports_what_the_students_functions_give(flower, reference_as_student, english,
                                                           capsys):
    X, Y = flower
    model = planar_app.train_network(X, Y, n_h=3, num_iterations=300, print_cost=True)
    parameters = reference.nn_model(X, Y, 3, num_iterations=300)
    expected = accuracy_percent(reference.predict(parameters, X), Y)
    assert (model.n_h, model.num_iterations) == (3, 300)
    assert model.accuracy == expected
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_allclose(model.parameters[key], parameters[key], rtol=1e-12)
    out = capsys.readouterr().out
    assert "Cost after iteration 0:" in out
    assert f"3 hidden units, 300 iterations: {expected:g} %" in out
    # The model's labels for plots take points as rows, like the course's plotting helper.
    np.testing.assert_array_equal(model.labels(X.T), reference.predict(parameters, X))


def test_the_accuracy_line_counts_hidden_units_in_arabic(flower, reference_as_student, lang,
                                                         capsys):
    X, Y = flower
    lang("ar")
    planar_app.train_network(X, Y, n_h=1, num_iterations=10, print_cost=False)
    planar_app.train_network(X, Y, n_h=2, num_iterations=10, print_cost=False)
    out = capsys.readouterr().out
    assert "وحدة مخفية واحدة" in out and "وحدتان مخفيتان" in out


def test_with_the_stubs_training_says_what_to_write_instead_of_raising(flower, english, capsys,
                                                                      shown):
    X, Y = flower  # the checkout's course/c1w3 holds the untouched stubs
    assert planar_app.train_network(X, Y) is None
    out = capsys.readouterr().out
    assert out.startswith("The network cannot be trained yet.")
    # nn_model's first provided line calls layer_sizes, the first stub reached.
    assert "layer_sizes is not attempted yet" in out and "course/c1w3/planar_classifier.py" in out
    assert planar_app.hidden_layer_sizes(X, Y, sizes=(1, 2)) is None
    assert capsys.readouterr().out.count("cannot be trained yet") == 1
    assert planar_app.show_network(None, X, Y) is None
    assert "No trained model yet" in capsys.readouterr().out
    assert shown == []


def test_other_not_implemented_errors_are_not_hidden(flower, monkeypatch):
    X, Y = flower

    def unfinished(*args, **kwargs):
        raise NotImplementedError("complex labels are not supported")

    monkeypatch.setattr(reference, "nn_model", unfinished)
    monkeypatch.setattr(planar_app, "STUDENT_MODULE", "solutions.c1w3.planar_classifier")
    with pytest.raises(NotImplementedError, match="complex labels"):
        planar_app.train_network(X, Y)


def test_the_experiment_trains_one_network_per_size_and_draws_them_all(
        flower, reference_as_student, english, capsys, shown):
    X, Y = flower
    models = planar_app.hidden_layer_sizes(X, Y, sizes=(1, 3), num_iterations=200)
    assert list(models) == [1, 3]
    for n_h, model in models.items():
        parameters = reference.nn_model(X, Y, n_h, num_iterations=200)
        assert model.accuracy == accuracy_percent(reference.predict(parameters, X), Y)
    out = capsys.readouterr().out
    assert "1 hidden unit, 200 iterations" in out and "3 hidden units, 200 iterations" in out
    ((name, figure),) = shown
    assert name == "hidden-sizes.png"
    assert [ax.get_title() for ax in figure.axes] == [
        f"n_h = {n}: {m.accuracy:g} %" for n, m in models.items()]


def test_the_network_figure_is_titled_with_its_size_and_accuracy(flower, reference_as_student,
                                                                 shown):
    X, Y = flower
    model = planar_app.train_network(X, Y, n_h=2, num_iterations=50, print_cost=False)
    figure = planar_app.show_network(model, X, Y)
    assert figure.axes[0].get_title() == f"Hidden layer of size 2: {model.accuracy:g} %"


def test_the_baseline_is_the_courses_logistic_regression(flower, english, capsys, shown):
    X, Y = flower
    classifier, accuracy = planar_app.logistic_regression(X, Y)
    assert accuracy == 47.0  # the course's published baseline on the flower
    assert "Logistic regression labels 47 % of the points correctly." in capsys.readouterr().out
    assert shown[0][1].axes[0].get_title() == "Logistic regression: 47 %"


# ------------------------------------------------------------------------------ other data


@pytest.mark.parametrize("name", planar_app.EXTRA_DATASETS)
def test_each_extra_data_set_comes_in_the_flowers_layout_and_repeats(name):
    X, Y = planar_app.load_extra_dataset(name)
    assert X.shape == (2, 200) and Y.shape == (1, 200) and Y.dtype == np.uint8
    assert set(np.unique(Y)) == {0, 1}
    again_X, again_Y = planar_app.load_extra_dataset(name)
    np.testing.assert_array_equal(X, again_X)
    np.testing.assert_array_equal(Y, again_Y)


def test_the_blobs_six_labels_become_two_as_in_the_course():
    from course.c1w3.planar_utils import load_extra_datasets

    np.random.seed(planar_app.EXTRA_SEED)
    blobs = load_extra_datasets()[2]
    X, Y = planar_app.load_extra_dataset("blobs")
    np.testing.assert_array_equal(X, blobs[0].T)
    np.testing.assert_array_equal(Y[0], blobs[1] % 2)
    assert set(np.unique(blobs[1])) == set(range(6))


def test_an_unknown_data_set_stops_the_cell_in_both_languages(english):
    with pytest.raises(NotebookStop) as info:
        planar_app.load_extra_dataset("moons")
    english_line, arabic_line = info.value.lines
    assert "Unknown data set 'moons'" in english_line and "'noisy_moons'" in english_line
    assert ARABIC.search(arabic_line) and "'noisy_moons'" in arabic_line
