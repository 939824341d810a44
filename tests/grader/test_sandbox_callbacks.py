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
