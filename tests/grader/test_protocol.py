"""The wire format: exact round trips for plain data, Foreign for everything else, strict limits."""

import base64
import json

import numpy as np
import pytest

from grader.sandbox import protocol
from grader.sandbox.protocol import Foreign, ProtocolError


def roundtrip(value):
    framed = protocol.dumps({"v": protocol.encode(value)})
    size = protocol.parse_header(framed[:4])
    assert size == len(framed) - 4
    return protocol.decode(protocol.loads(framed[4:])["v"])


@pytest.mark.parametrize("dtype", [bool, np.int8, np.int64, np.uint16, np.float32, np.float64])
@pytest.mark.parametrize("shape", [(), (0,), (3,), (3, 1), (2, 3, 4)])
def test_arrays_round_trip_exactly(dtype, shape):
    arr = np.asarray(np.arange(int(np.prod(shape))).reshape(shape) % 3).astype(dtype)
    out = roundtrip(arr)
    assert type(out) is np.ndarray
    assert out.dtype == arr.dtype and out.shape == arr.shape
    assert np.array_equal(out, arr)
    assert out.flags.writeable


def test_non_contiguous_and_big_endian_arrays():
    arr = np.arange(12.0).reshape(3, 4).T
    assert np.array_equal(roundtrip(arr), arr)
    big = np.arange(3, dtype=">f8")
    out = roundtrip(big)
    assert out.dtype == big.dtype and np.array_equal(out, big)


def test_scalars_floats_and_zero_d_arrays_stay_distinct():
    assert type(roundtrip(1.5)) is float
    assert type(roundtrip(np.float64(1.5))) is np.float64
    assert type(roundtrip(np.float32(1.5))) is np.float32
    assert type(roundtrip(np.int64(3))) is np.int64
    assert type(roundtrip(np.bool_(True))) is np.bool_
    zero_d = roundtrip(np.array(2.5))
    assert type(zero_d) is np.ndarray and zero_d.shape == ()
    assert roundtrip(True) is True and type(roundtrip(7)) is int


def test_containers_keep_their_types():
    value = {"W1": np.ones((2, 1)), (1, "a"): [1, (2.0, None)], 3: "x"}
    out = roundtrip(value)
    assert type(out) is dict and set(out) == {"W1", (1, "a"), 3}
    assert type(out[(1, "a")]) is list and type(out[(1, "a")][1]) is tuple


def test_nan_and_infinities():
    out = roundtrip([float("nan"), float("inf"), float("-inf")])
    assert np.isnan(out[0]) and out[1] == float("inf") and out[2] == float("-inf")


class Rigged(np.ndarray):
    def __eq__(self, other):
        return True


class AlwaysEqual:
    def __eq__(self, other):
        return True


class MyStr(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        np.zeros(3).view(Rigged),
        np.zeros((2, 2)).view(np.matrix),
        np.zeros(2, dtype=complex),
        np.array([object()], dtype=object),
        np.array(["a"]),
        AlwaysEqual(),
        MyStr("x"),
        b"bytes",
        {1, 2},
    ],
)
def test_everything_else_is_foreign(value):
    out = roundtrip(value)
    assert isinstance(out, Foreign)
    assert out.__eq__(value) is False and out.__ne__(value) is True
    assert out != Foreign(out.type_name, out.summary)


def test_too_deep_values_become_foreign():
    deep = []
    for _ in range(100):
        deep = [deep]
    out = roundtrip(deep)

    def innermost(v):
        while isinstance(v, list):
            v = v[0]
        return v

    assert isinstance(innermost(out), Foreign)


def _nd(dtype="<f8", shape=(2,), data=None):
    raw = np.zeros(
        int(np.prod(shape)), dtype=np.dtype(dtype) if dtype[-1:].isdigit() else "f8"
    ).tobytes()
    return {
        "$": "nd",
        "dtype": dtype,
        "shape": list(shape),
        "data": base64.b64encode(raw).decode() if data is None else data,
    }


@pytest.mark.parametrize(
    "node",
    [
        {"plain": "dict"},
        {"$": "nope"},
        _nd(dtype="O"),
        _nd(dtype="<c16"),
        _nd(dtype="<U3"),
        {**_nd(), "shape": [3]},
        {**_nd(), "shape": [-1]},
        {**_nd(), "shape": [2**41]},
        {**_nd(), "data": "!!!not base64"},
        {"$": "tuple", "items": "x"},
        {"$": "dict", "items": [[1]]},
        {"$": "dict", "items": [[[1, 2], 3]]},
        {"$": "float", "v": "1e9999"},
        {"$": "np", "dtype": "<f8", "data": "AAAA"},
    ],
)
def test_decoder_rejects_malformed_nodes(node):
    with pytest.raises(ProtocolError):
        protocol.decode(node)


def test_decoder_limits_nesting_and_size():
    deep = 0
    for _ in range(200):
        deep = [deep]
    with pytest.raises(ProtocolError):
        protocol.decode(deep)
    with pytest.raises(ProtocolError):
        protocol.decode(list(range(protocol.MAX_NODES + 5)))
    with pytest.raises(ProtocolError):
        protocol.parse_header((protocol.MAX_MESSAGE_BYTES + 1).to_bytes(4, "big"))
    with pytest.raises(ProtocolError):
        protocol.loads(b"\xff\xfe not json")


def test_json_on_the_wire_only():
    framed = protocol.dumps({"v": protocol.encode((np.ones(2), 1))})
    text = framed[4:].decode("utf-8")
    assert json.loads(text)["v"]["$"] == "tuple"
    source = open(protocol.__file__, encoding="utf-8").read()
    assert "import pickle" not in source and "pickle.loads" not in source


@pytest.mark.parametrize("value", [10**400, -(7**5000), [1, {"x": (2, 10**309)}]])
def test_integers_beyond_float_range_travel_as_their_size_and_refuse_to_decode(value):
    framed = protocol.dumps({"v": protocol.encode(value)})
    assert len(framed) < 1000  # the digits themselves never travel
    with pytest.raises(protocol.NumberOutOfRange) as info:
        protocol.decode(protocol.loads(framed[4:])["v"])
    assert info.value.digits > 300


def test_integer_literals_too_long_for_a_float_are_not_parsed():
    # A forged reply: 5000 digits would make Python's int() refuse the whole frame.
    body = b'{"v": [1, ' + b"9" * 5000 + b"]}"
    with pytest.raises(protocol.NumberOutOfRange) as info:
        protocol.decode(protocol.loads(body)["v"])
    assert info.value.digits == 5000
    assert protocol.decode(protocol.loads(b'{"v": 123456789012345678901234567890}')["v"]) == (
        123456789012345678901234567890
    )


def test_frames_with_too_many_elements_are_refused_before_parsing():
    with pytest.raises(ProtocolError, match="too many elements"):
        protocol.loads(b"[" + b"{}," * (protocol.MAX_STRUCTURE + 1) + b"{}]")
    assert protocol.loads(b"[" + b"0," * 1000 + b"0]") == [0] * 1001


def test_the_reply_limit_follows_the_request():
    assert protocol.frame_limit(10) == protocol.MIN_FRAME_LIMIT
    assert protocol.frame_limit(10 * protocol.MIN_FRAME_LIMIT) == 40 * protocol.MIN_FRAME_LIMIT
