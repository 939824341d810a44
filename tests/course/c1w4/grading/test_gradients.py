"""c1w4's gradient specifications reproduce the course's backward conventions exactly."""

import numpy as np
import pytest

from course.c1w4.grading.cases import PUBLIC
from course.c1w4.grading.checks import CHECKS
from course.c1w4.grading.gradients import LayerGradient, NetworkGradient, network_order
from grader import gradcheck
from grader.feedback import Failure, Message
from solutions.c1w4 import step_by_step as ref

SPECS = {c.name: c.gradient for c in CHECKS if c.gradient is not None}


def _case(name, case_name):
    (case,) = [c for c in PUBLIC[name]() if c.name == case_name]
    return case


def _numeric(spec, case):
    calls, finish, order = spec.plan(case)
    functions = {"linear_forward": ref.linear_forward,
                 "linear_activation_forward": ref.linear_activation_forward,
                 "L_model_forward": ref.L_model_forward}
    return finish([functions[f](*args, **kwargs) for f, args, kwargs in calls]), order


@pytest.mark.parametrize("name, case_name", [
    ("linear_backward", "gradient"),
    ("linear_activation_backward", "gradient-sigmoid"),
    ("linear_activation_backward", "gradient-relu"),
])
def test_layer_convention_matches_the_reference_backward(name, case_name):
    # F = sum(G * output): dA_prev = dF/dA_prev, dW = dF/dW / m, db = dF/db / m.
    spec = SPECS[name]
    case = _case(name, case_name)
    numeric, order = _numeric(spec, case)
    analytic = spec.analytic(getattr(ref, name)(*case.args), order)
    assert order == ["dA_prev", "dW", "db"]
    gradcheck.compare_gradients(analytic, numeric, against=Message("the reference"), order=order)
    for key in order:
        assert gradcheck.relative_error(analytic[key], numeric[key])[0] < 1e-7


def test_the_convention_tells_a_missing_factor_apart():
    spec = SPECS["linear_backward"]
    case = _case("linear_backward", "gradient")
    numeric, order = _numeric(spec, case)
    dA_prev, dW, db = ref.linear_backward(*case.args)
    with pytest.raises(Failure) as info:
        gradcheck.compare_gradients({"dA_prev": dA_prev, "dW": dW * case.args[0].shape[1],
                                     "db": db}, numeric, against=Message("f"), order=order)
    assert info.value.message.render("en").startswith("dW does not match")


def test_network_convention_matches_the_reference_L_model_backward():
    spec = SPECS["L_model_backward"]
    case = _case("L_model_backward", "gradient")
    numeric, order = _numeric(spec, case)
    grads = ref.L_model_backward(*case.args)
    assert set(numeric) == set(grads) == set(order)  # dA0..dA{L-1}, dW1..dWL, db1..dbL
    gradcheck.compare_gradients(spec.analytic(grads, order), numeric,
                                against=Message("the reference"), order=order)
    # The intermediate dA_l really come from the sub-networks, not from dA0 alone.
    assert np.abs(numeric["dA1"]).max() > 0 and np.abs(numeric["dA2"]).max() > 0


def test_the_forward_call_at_a_backward_point_is_the_cached_one():
    case = _case("linear_activation_backward", "gradient-relu")
    A_prev, W, b, activation = LayerGradient("linear_activation_forward").forward_args(case)
    assert activation == "relu"
    np.testing.assert_array_equal(W @ A_prev + b, case.args[1][1])
    network = _case("L_model_backward", "gradient")
    X, params = NetworkGradient().forward_args(network)
    AL, _ = ref.L_model_forward(X, params)
    np.testing.assert_allclose(AL, network.args[0], rtol=1e-12)


def test_network_order_goes_backwards_layer_by_layer():
    assert network_order(2) == ["dA1", "dW2", "db2", "dA0", "dW1", "db1"]


def test_unusable_forward_outputs_and_backward_results_are_failures():
    spec = LayerGradient("linear_forward")
    with pytest.raises(Failure, match="to return \\(output, cache\\)"):
        spec.forward_output(np.ones((1, 2)), (1, 2))
    with pytest.raises(Failure, match="array of shape \\(1, 2\\)"):
        spec.forward_output((np.ones((2, 1)), None), (1, 2))
    assert spec.forward_output((np.ones((1, 2), dtype=int), None), (1, 2)).dtype == float
    with pytest.raises(Failure, match="must hold 3 items"):
        spec.analytic((np.ones(1), np.ones(1)), None)
    with pytest.raises(Failure, match="grads has the wrong keys"):
        NetworkGradient().analytic({"dW1": 1}, ["dA0", "dW1", "db1"])
