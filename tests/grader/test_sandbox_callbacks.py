"""Reference callbacks are bounded: arguments, memory and time."""

import time

import numpy as np
import pytest

from grader.sandbox import callbacks, protocol


def _message(*args, **kwargs):
    return {"op": "callback", "name": "f", "args": protocol.encode(list(args)),
            "kwargs": protocol.encode(kwargs)}


def test_an_honest_callback_is_answered():
    reply = callbacks.answer(lambda a, b: a @ b, _message(np.eye(2), np.ones((2, 1))),
                             limit=1 << 20, deadline=time.monotonic() + 5)
    assert reply["op"] == "callback_result"
    assert np.array_equal(protocol.decode(reply["value"]), np.ones((2, 1)))


def test_oversized_arguments_are_refused_before_the_reference_runs():
    ran = []
    big = np.zeros(callbacks.CALLBACK_ARRAY_BYTES // 8 + 1)
    reply = callbacks.answer(lambda a: ran.append(a), _message(big), limit=1 << 30,
                             deadline=time.monotonic() + 5)
    assert reply["op"] == "callback_error" and "bytes of arrays" in reply["message"]
    assert ran == []


def test_a_slow_reference_is_stopped_at_the_per_callback_limit(monkeypatch):
    monkeypatch.setattr(callbacks, "CALLBACK_SECONDS", 0.2)

    def slow(x):
        while True:  # Python-level work (a reference looping over layers, say)
            x = x + 1

    started = time.monotonic()
    reply = callbacks.answer(slow, _message(1), limit=1 << 20, deadline=time.monotonic() + 30)
    assert time.monotonic() - started < 1.0
    assert reply["op"] == "callback_error" and "TimeoutError" in reply["message"]


def test_the_calls_deadline_stops_a_callback_and_times_out_the_call():
    def slow(x):
        while True:
            x = x + 1

    started = time.monotonic()
    with pytest.raises(callbacks.CallbackTimeUp):
        callbacks.answer(slow, _message(1), limit=1 << 20, deadline=time.monotonic() + 0.2)
    assert time.monotonic() - started < 1.0


def test_the_timer_and_the_memory_limit_are_restored():
    import resource
    import signal

    before = resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)
    callbacks.answer(lambda: np.ones((10_000, 10_000)), _message(), limit=1 << 20,
                     deadline=time.monotonic() + 5)
    assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _wire_state(state):
    """A legacy NumPy state as the worker sends it: the keys as one encoded uint32 array."""
    _name, keys, position, has_gauss, cached = state
    return [int(position), protocol.encode(keys), int(has_gauss), float(cached)]


def test_a_callback_draws_from_the_workers_random_stream_and_hands_it_back():
    worker = np.random.RandomState(7)
    message = _message(3)
    message["random_state"] = _wire_state(worker.get_state())
    np.random.seed(123)
    own_next = np.random.RandomState(123).rand()

    reply = callbacks.answer(lambda n: np.random.rand(n), message, limit=1 << 20,
                             deadline=time.monotonic() + 5)

    assert np.array_equal(protocol.decode(reply["value"]), worker.rand(3))
    position, keys, has_gauss, cached = reply["random_state"]
    assert keys["$"] == "nd" and keys["dtype"] == np.dtype(np.uint32).str  # one array, not 624 ints
    continued = np.random.RandomState()
    continued.set_state(("MT19937", protocol.decode(keys), position, has_gauss, cached))
    assert continued.rand() == worker.rand()
    assert np.random.rand() == own_next  # the grader's own stream is untouched


@pytest.mark.parametrize("keys", [
    list(range(624)),  # plain numbers: not the wire format
    protocol.encode(np.arange(624, dtype=np.float64)),  # wrong dtype
    protocol.encode(np.arange(623, dtype=np.uint32)),  # wrong length
    {"$": "nd", "dtype": "<u4", "shape": [624], "data": "!!"},  # bad array data
])
def test_a_malformed_random_state_is_ignored(keys):
    message = _message(2)
    message["random_state"] = [0, keys, 0, 0.0]
    np.random.seed(5)
    reply = callbacks.answer(lambda n: np.random.rand(n), message, limit=1 << 20,
                             deadline=time.monotonic() + 5)
    assert np.array_equal(protocol.decode(reply["value"]), np.random.RandomState(5).rand(2))
    assert reply.get("random_state") is None
