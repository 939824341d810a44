"""Mutation found by the grader: the arguments sent are compared with those sent back."""

import numpy as np
import pytest

from grader.sandbox import protocol
from grader.sandbox.judging import changed_paths, mutated_arguments


def _sent(*args, **kwargs):
    return protocol.encode(list(args)), protocol.encode(dict(kwargs))


def _reply(args, kwargs):
    # What the worker sends back: the same wire format, after a JSON round trip.
    framed = protocol.dumps({"args": protocol.encode(list(args)), "kwargs": protocol.encode(kwargs)})
    return protocol.loads(framed[4:])


def test_unchanged_arguments_are_not_reported():
    params = {"W1": np.arange(6.0).reshape(2, 3), "b1": np.zeros((2, 1))}
    args, kwargs = _sent(params, 0.1, float("nan"), x=[1, (2, None)])
    assert mutated_arguments(args, kwargs, _reply([params, 0.1, float("nan")],
                                                  {"x": [1, (2, None)]})) == []


def test_changed_paths_are_named_with_the_parameter_names():
    params = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.ones((2, 2))}
    args, kwargs = _sent(params, grads, 0.5)
    after = {"W1": np.full((2, 2), -0.5), "b1": np.zeros((2, 1))}
    reply = _reply([after, grads, 0.5], {})
    assert mutated_arguments(args, kwargs, reply, ["params", "grads", "learning_rate"]) == [
        "params['W1']"
    ]


def test_unusable_names_fall_back_to_positions():
    args, kwargs = _sent(np.zeros(2))
    reply = _reply([np.ones(2)], {})
    assert mutated_arguments(args, kwargs, reply, ["not a name; rm -rf"]) == ["args[0]"]


def test_keyword_arguments_dtype_shape_and_type_changes():
    args, kwargs = _sent(np.zeros((2, 2)), np.zeros(3), [1, 2], cache=(np.ones(2), 3))
    reply = _reply([np.zeros((2, 2), dtype=np.float32), np.zeros((3, 1)), [1, 2, 3]],
                   {"cache": [np.ones(2), 3]})
    assert mutated_arguments(args, kwargs, reply, ["A", "B", "C"]) == ["A", "B", "C", "cache"]


def test_missing_or_malformed_arguments_are_a_protocol_error():
    args, kwargs = _sent(np.zeros(2))
    with pytest.raises(protocol.ProtocolError):
        mutated_arguments(args, kwargs, {"value": None})
    with pytest.raises(protocol.ProtocolError):
        mutated_arguments(args, kwargs, {"args": [], "kwargs": kwargs})


def test_changed_paths_compares_numpy_scalars_by_value_and_dtype():
    out = []
    changed_paths(np.float64(1.0), np.float64(1.0), "x", out)
    changed_paths(np.float64(1.0), np.float32(1.0), "y", out)
    changed_paths([np.float64(np.nan)], [np.float64(np.nan)], "z", out)
    changed_paths({"k": np.int64(3)}, {"k": np.int64(4)}, "w", out)
    assert out == ["y", "w['k']"]
