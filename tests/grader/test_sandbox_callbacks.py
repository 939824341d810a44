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
    _assert_ignored(message)


def _assert_ignored(message):
    """The callee drew from a throwaway stream; the grader's own stream was neither read nor
    advanced, and no state goes back to the worker."""
    np.random.seed(5)
    reply = callbacks.answer(lambda n: np.random.rand(n), message, limit=1 << 20,
                             deadline=time.monotonic() + 5)
    assert reply["op"] == "callback_result"
    assert np.array_equal(protocol.decode(reply["value"]), np.random.RandomState(0).rand(2))
    assert reply.get("random_state") is None
    assert np.random.rand() == np.random.RandomState(5).rand()


_KEYS = '{"$":"nd","dtype":"<u4","shape":[624],"data":"' + "A" * 3328 + '"}'
_BIG = "9" * 400


# Each is what protocol.loads makes of a hostile worker's frame.
HOSTILE_STATES = {
    "bigint-position": f"[{_BIG},{_KEYS},0,0.0]",  # an integer literal too long for a float
    "nan-position": f"[NaN,{_KEYS},0,0.0]",
    "infinite-position": f"[Infinity,{_KEYS},0,0.0]",
    "huge-position": f"[1e300,{_KEYS},0,0.0]",
    "negative-position": f"[-1,{_KEYS},0,0.0]",
    "position-past-the-end": f"[625,{_KEYS},0,0.0]",
    "text-has-gauss": f'[0,{_KEYS},"x",0.0]',
    "list-has-gauss": f"[0,{_KEYS},[1],0.0]",
    "bigint-has-gauss": f"[0,{_KEYS},{_BIG},0.0]",
    "nan-has-gauss": f"[0,{_KEYS},NaN,0.0]",
    "list-cached": f"[0,{_KEYS},0,[]]",
    "text-cached": f'[0,{_KEYS},0,"abc"]',
    "bigint-cached": f"[0,{_KEYS},0,{_BIG}]",
    "byte-swapped-keys": f"[0,{_KEYS.replace('<u4', '>u4')},0,0.0]",
    "2-d-keys": f"[0,{_KEYS.replace('[624]', '[624,1]')},0,0.0]",
    "huge-shape": '[0,{"$":"nd","dtype":"<u4","shape":[1099511627775],"data":"AAAA"},0,0.0]',
    "bigint-keys": '[0,{"$":"bigint","digits":999},0,0.0]',
    "foreign-keys": '[0,{"$":"foreign","type":"x"},0,0.0]',
    "scalar-keys": '[0,{"$":"np","dtype":"<u4","data":"AAAAAA=="},0,0.0]',
    "deep-keys": "[0," + "[" * 200 + "]" * 200 + ",0,0.0]",  # past the decoder's depth
    "old-format-keys": "[0,[" + ",".join(["1"] * 624) + "],0,0.0]",  # plain numbers
    "five-items": f"[0,{_KEYS},0,0.0,1]",
    "two-items": f"[0,{_KEYS}]",
    "text": '"abcd"',
    "dict": '{"a":1,"b":2,"c":3,"d":4}',
    "null": "null",
    "number": "7",
    "bigint": _BIG,
}


@pytest.mark.parametrize("state", list(HOSTILE_STATES.values()), ids=list(HOSTILE_STATES))
def test_a_hostile_random_state_changes_nothing_in_the_grader(state):
    message = _message(2)
    message["random_state"] = protocol.loads(f'{{"random_state":{state}}}'.encode())[
        "random_state"]
    _assert_ignored(message)


def test_the_workers_state_is_swapped_in_and_out_with_no_timer_or_memory_cap_armed(monkeypatch):
    """Swapping streams must not be interruptible: a CallbackTimeUp (or a MemoryError under the
    cap) between the two swaps would leave the grader drawing from the worker's stream."""
    import resource
    import signal

    seen = []
    real = np.random.set_state

    def watched(state):
        seen.append((signal.getitimer(signal.ITIMER_REAL), resource.getrlimit(resource.RLIMIT_AS)))
        real(state)

    monkeypatch.setattr(np.random, "set_state", watched)
    message = _message(2)
    message["random_state"] = _wire_state(np.random.RandomState(7).get_state())
    before = resource.getrlimit(resource.RLIMIT_AS)
    reply = callbacks.answer(lambda n: np.random.rand(n), message, limit=1 << 20,
                             deadline=time.monotonic() + 5)
    assert reply["op"] == "callback_result" and len(seen) == 2
    assert seen == [((0.0, 0.0), before)] * 2


def test_the_graders_stream_comes_back_even_when_handing_the_state_back_fails(monkeypatch):
    real = protocol.encode

    def failing(value, *args):
        if isinstance(value, np.ndarray) and value.dtype == np.uint32 and value.shape == (624,):
            raise MemoryError  # e.g. the memory cap reached by the reference's own result
        return real(value, *args)

    message = _message(2)
    message["random_state"] = _wire_state(np.random.RandomState(7).get_state())
    monkeypatch.setattr(callbacks.protocol, "encode", failing)
    np.random.seed(5)
    reply = callbacks.answer(lambda n: np.random.rand(n), message, limit=1 << 20,
                             deadline=time.monotonic() + 5)
    assert reply["op"] == "callback_error"
    assert np.random.rand() == np.random.RandomState(5).rand()


def test_a_huge_keys_array_is_refused_without_being_decoded():
    import tracemalloc

    keys = protocol.encode(np.zeros(4_000_000, dtype=np.uint32))  # 16 MB: the frame allows it
    message = _message(2)
    message["random_state"] = [0, keys, 0, 0.0]
    tracemalloc.start()
    try:
        _assert_ignored(message)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20
