"""Training runs: argument validation, results, and the student's unfinished code."""

import warnings

import numpy as np
import pytest

from course.data import load_data, preprocess
from course.train import NotAttemptedError, TrainingConfigError, parse_layers, train
from course.train.run import accuracy, validate


@pytest.fixture(scope="module")
def synthetic(synthetic_data_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        train_x, train_y, test_x, test_y, _ = load_data(synthetic_data_dir, synthetic=True)
    return preprocess(train_x), train_y, preprocess(test_x), test_y


def test_parse_layers():
    assert parse_layers("12288, 20,7,5,1") == (12288, 20, 7, 5, 1)


@pytest.mark.parametrize("text", ["", "12288", "12288,x,1", "12288,0,1", "12288,-2,1"])
def test_parse_layers_refuses_bad_text(text, lang):
    lang("en")
    with pytest.raises(TrainingConfigError, match="positive integers separated by commas"):
        parse_layers(text)


@pytest.mark.parametrize("model, layers, lr, iterations, message", [
    ("three-layer", (10, 1), 0.1, 5, "Unknown model"),
    ("two-layer", (10, 4, 2, 1), 0.1, 5, "exactly three sizes"),
    ("L-layer", (11, 4, 1), 0.1, 5, "number of input features"),
    ("L-layer", (10, 4, 2), 0.1, 5, "last layer size must be 1"),
    ("L-layer", (10, 4, 1), 0.0, 5, "learning rate must be a positive"),
    ("L-layer", (10, 4, 1), float("nan"), 5, "learning rate must be a positive"),
    ("L-layer", (10, 4, 1), 0.1, 0, "iterations must be a positive integer"),
])
def test_validate_explains_each_mistake(model, layers, lr, iterations, message, lang):
    lang("en")
    with pytest.raises(TrainingConfigError, match=message):
        validate(model, layers, lr, iterations, n_x=10)


def test_accuracy_matches_the_course_formula():
    y = np.array([[1, 0, 1, 1]])
    assert accuracy(np.array([[1.0, 0.0, 0.0, 1.0]]), y) == 0.75


@pytest.mark.parametrize("model", ["two-layer", "L-layer"])
def test_reference_training_on_synthetic_data(synthetic, model):
    result = train(*synthetic, model=model, impl="reference", iterations=150, print_cost=False,
                   show_bar=False)
    assert len(result.all_costs) == 150 and len(result.costs) == 2
    assert result.final_cost < result.first_cost
    assert result.costs[0] == result.first_cost
    assert result.train_predictions.shape == (1, 40) and result.test_predictions.shape == (1, 10)
    assert 0.0 <= result.test_accuracy <= 1.0 and result.seconds > 0


def test_custom_layers_are_used(synthetic):
    result = train(*synthetic, model="L-layer", impl="reference", layers=(12288, 3, 1),
                   iterations=2, print_cost=False, show_bar=False)
    assert sorted(result.parameters) == ["W1", "W2", "b1", "b2"]
    assert result.parameters["W1"].shape == (3, 12288)


def test_reference_first_cost_on_real_data(real_data_dir):
    train_x, train_y, test_x, test_y, _ = load_data(real_data_dir)
    result = train(preprocess(train_x), train_y, preprocess(test_x), test_y, model="L-layer",
                   impl="reference", iterations=3, print_cost=False, show_bar=False)
    assert result.first_cost == pytest.approx(0.7717493284237686, abs=1e-12)


def test_unfilled_student_code_is_reported_as_not_attempted(synthetic, lang):
    lang("en")
    with pytest.raises(NotAttemptedError, match="Not attempted yet: L_layer_model") as info:
        train(*synthetic, model="L-layer", impl="student", iterations=2, show_bar=False)
    assert info.value.function == "L_layer_model"
    assert info.value.__cause__ is None and info.value.__suppress_context__
