"""The wire format between the grader and the student's process: JSON with tagged arrays.

صيغة التخاطب بين المصحِّح وعملية الطالب: JSON مع مصفوفات موسومة، ولا pickle أبدًا.

Only plain data crosses the boundary, so nothing the student's process sends can run code in the
grader: ``None``, ``bool``, ``int``, finite ``float``, ``str`` and ``list`` are plain JSON; every
other value is a dict with a ``"$"`` tag:

=========  ==========================================================================
``nd``     exact ``numpy.ndarray`` of a bool/int/uint/float dtype: dtype, shape, base64 bytes
``np``     numpy scalar (``np.float64`` stays distinct from ``float`` and from a 0-d array)
``tuple``  a tuple
``dict``   a dict, as a list of ``[key, value]`` pairs (keys may be any encodable value)
``float``  ``nan``, ``inf`` or ``-inf``
``bigint`` a Python ``int`` too large for a float (only its number of digits travels); decoding
           it raises :class:`NumberOutOfRange`, the student's error
``foreign``anything else the student returned (ndarray subclasses, ``np.matrix``, objects with
           a custom ``__eq__``, complex or object arrays): only its type name and a short summary
=========  ==========================================================================

Messages are framed as a 4-byte big-endian length followed by UTF-8 JSON. Size, depth and
element-count limits bound what a hostile process can make the grader decode: :func:`loads`
counts a frame's JSON containers and separators (a fast byte count) and refuses one with more
than the element budget before parsing it, since ``json.loads`` of ``"{},{},..."`` costs ~25
times the frame's size in memory. An integer literal is parsed only when it fits a float.

This module is imported by the sandbox worker too, so it depends on numpy and the standard
library only.
"""

import base64
import json
import re
import struct

import numpy as np

MAX_MESSAGE_BYTES = 128 * 1024 * 1024
# What the grader accepts from a worker while it serves one request: this floor or 4 times the
# request's size, whichever is larger (see :func:`frame_limit`). The largest honest reply of a
# full grading (hidden checks included) is about 250 kB; the arguments sent back after the call
# at most double that.
MIN_FRAME_LIMIT = 2 * 1024 * 1024
MAX_DEPTH = 24
MAX_NODES = 200_000
# Bytes that can start or separate JSON values ("{", "[", ","): their count bounds the number of
# objects json.loads would build. Text (printed output, messages) adds a few; honest frames
# stay far below.
MAX_STRUCTURE = 2 * MAX_NODES
# Integers whose absolute value a float cannot hold (about 1.8e308) are the student's mistake:
# they travel as their digit count only.
MAX_INT_DIGITS = 309
MAX_NDIM = 32
MAX_SUMMARY = 200
MAX_STRING = 1_000_000

_DTYPE_RE = re.compile(r"^[<>|=]?[biuf][0-9]{1,2}$")
# The characters grader.feedback.sanitize drops (this module must not import the grader).
_UNSAFE_TEXT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
_HEADER = struct.Struct(">I")


class ProtocolError(ValueError):
    """The bytes are not a valid message (too big, too deep, wrong tags, bad array data)."""


class NumberOutOfRange(ProtocolError):
    """A reply holds an integer too large for a float (``digits`` decimal digits).

    The student's function returned it (or put it in an argument); it is their error, not a
    malformed reply.
    """

    def __init__(self, digits):
        self.digits = int(digits)
        super().__init__(f"an integer with {self.digits} digits")


class Foreign:
    """A value the protocol does not carry: only its type name and a short summary survive.

    It never compares equal to anything but itself, so no check can be fooled by it.

    Attributes
    ----------
    type_name : str
        ``module.QualName`` of the original value's type.
    summary : str
        A truncated ``repr`` produced in the student's process (untrusted text).
    """

    __slots__ = ("type_name", "summary")

    def __init__(self, type_name, summary=""):
        # Both come from the student's process (a class can set any ``__qualname__``) and are
        # shown in reports: no control, bidi or surrogate characters.
        self.type_name = _UNSAFE_TEXT.sub("", str(type_name))[:MAX_SUMMARY]
        self.summary = _UNSAFE_TEXT.sub("", str(summary))[:MAX_SUMMARY]

    def __repr__(self):
        return f"Foreign({self.type_name!r}, {self.summary!r})"

    # Explicit identity comparisons (never NotImplemented), so an always-equal object on the
    # other side of == is never asked.
    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    __hash__ = object.__hash__


# --------------------------------------------------------------------------- encoding


def _type_name(value):
    cls = type(value)
    module = getattr(cls, "__module__", "?")
    name = getattr(cls, "__qualname__", getattr(cls, "__name__", "?"))
    return f"{module}.{name}" if module != "builtins" else str(name)


def _summary(value):
    # repr may run the student's code; it is only ever called inside the student's process.
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - any failure just means "no summary"
        text = "<repr failed>"
    if not isinstance(text, str):
        return "<repr failed>"
    return text[:MAX_SUMMARY]


def _foreign(value):
    return {"$": "foreign", "type": _type_name(value)[:MAX_SUMMARY], "summary": _summary(value)}


def _fits_float(value):
    try:
        float(value)
    except OverflowError:
        return False
    return True


def _digits(value):
    """Decimal digits of an int (estimated from its bit length past Python's str() limit)."""
    bits = abs(value).bit_length()
    if bits < 14_000:
        return len(str(abs(value)))
    return int(bits * 0.30102999566398120) + 1


def _is_plain_numpy_scalar(value):
    cls = type(value)
    return (
        isinstance(value, np.generic)
        and getattr(cls, "__module__", "") == "numpy"
        and np.dtype(cls).kind in "biuf"
    )


def _encode_array(arr):
    dtype = arr.dtype
    if dtype.kind not in "biuf" or dtype.fields is not None or dtype.subdtype is not None:
        return _foreign(arr)
    if arr.ndim > MAX_NDIM:
        return _foreign(arr)
    data = np.ascontiguousarray(arr).tobytes()
    return {
        "$": "nd",
        "dtype": dtype.str,
        "shape": list(arr.shape),
        "data": base64.b64encode(data).decode("ascii"),
    }


def encode(value, _depth=0):
    """Turn a Python value into a JSON-able structure (unknown values become ``foreign``).

    Parameters
    ----------
    value : object
        Typically a function's return value: arrays, tuples, dicts, numbers.

    Returns
    -------
    object
        Plain JSON data (dicts, lists, str, numbers, bools, None).
    """
    if _depth > MAX_DEPTH:
        return {"$": "foreign", "type": "too-deep", "summary": "nested too deeply"}
    cls = type(value)
    if value is None or cls is bool or cls is str:
        return value
    if cls is int:
        if not _fits_float(value):
            # Sent as its size only: str() of a huge int is slow, and refused past 4300 digits.
            return {"$": "bigint", "digits": _digits(value)}
        return value
    if cls is float:
        if value != value:
            return {"$": "float", "v": "nan"}
        if value in (float("inf"), float("-inf")):
            return {"$": "float", "v": "inf" if value > 0 else "-inf"}
        return value
    if cls is np.ndarray:
        return _encode_array(value)
    if _is_plain_numpy_scalar(value):
        data = np.asarray(value).tobytes()
        return {
            "$": "np",
            "dtype": value.dtype.str,
            "data": base64.b64encode(data).decode("ascii"),
        }
    if cls is list:
        return [encode(v, _depth + 1) for v in value]
    if cls is tuple:
        return {"$": "tuple", "items": [encode(v, _depth + 1) for v in value]}
    if cls is dict:
        return {
            "$": "dict",
            "items": [[encode(k, _depth + 1), encode(v, _depth + 1)] for k, v in value.items()],
        }
    return _foreign(value)


def frame_limit(request_bytes):
    """The largest frame a worker may send while serving a request of ``request_bytes``."""
    return max(MIN_FRAME_LIMIT, 4 * int(request_bytes))


def dumps(message):
    """Frame an already-encoded message: length header + compact UTF-8 JSON."""
    body = json.dumps(message, allow_nan=False, separators=(",", ":"), ensure_ascii=False)
    data = body.encode("utf-8")
    if len(data) > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"message of {len(data)} bytes exceeds the limit")
    return _HEADER.pack(len(data)) + data


# --------------------------------------------------------------------------- decoding


def parse_header(header):
    """Return the body length announced by a 4-byte header, checking the limit."""
    (size,) = _HEADER.unpack(header)
    if size > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"announced message of {size} bytes exceeds the limit")
    return size


class _BigLiteral:
    """An integer literal too long for a float, kept as its digit count (see :func:`loads`)."""

    __slots__ = ("digits",)

    def __init__(self, digits):
        self.digits = digits


def _parse_int(text):
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _BigLiteral(digits)
    return int(text)


def loads(body):
    """Parse a message body (bytes) into JSON data; raises :class:`ProtocolError`.

    A frame with more than :data:`MAX_STRUCTURE` containers and separators is refused before
    parsing (the count is a fast scan of the bytes).
    """
    body = bytes(body)
    if body.count(b"{") + body.count(b"[") + body.count(b",") > MAX_STRUCTURE:
        raise ProtocolError("too many elements")
    try:
        return json.loads(body.decode("utf-8"), parse_int=_parse_int)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError(f"not JSON: {type(exc).__name__}") from None


def _dtype(text):
    if not isinstance(text, str) or not _DTYPE_RE.match(text):
        raise ProtocolError("bad dtype")
    try:
        dtype = np.dtype(text)
    except TypeError:
        raise ProtocolError("bad dtype") from None
    if dtype.kind not in "biuf":
        raise ProtocolError("bad dtype")
    return dtype


def _raw(node, expected):
    data = node.get("data")
    if not isinstance(data, str) or len(data) > MAX_MESSAGE_BYTES:
        raise ProtocolError("bad array data")
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise ProtocolError("bad base64") from None
    if len(raw) != expected:
        raise ProtocolError("array data has the wrong length")
    return raw


class _Decoder:
    def __init__(self):
        self.nodes = 0

    def __call__(self, node, depth=0):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ProtocolError("too many elements")
        if depth > MAX_DEPTH + 2:
            raise ProtocolError("nested too deeply")
        if node is None or isinstance(node, bool):
            return node
        if isinstance(node, int):
            if not _fits_float(node):
                raise NumberOutOfRange(_digits(node))
            return node
        if isinstance(node, _BigLiteral):
            raise NumberOutOfRange(node.digits)
        if isinstance(node, float):
            return node
        if isinstance(node, str):
            if len(node) > MAX_STRING:
                raise ProtocolError("string too long")
            return node
        if isinstance(node, list):
            return [self(v, depth + 1) for v in node]
        if not isinstance(node, dict):
            raise ProtocolError("unknown JSON value")
        tag = node.get("$")
        if tag == "nd":
            return self._array(node)
        if tag == "np":
            dtype = _dtype(node.get("dtype"))
            raw = _raw(node, dtype.itemsize)
            return np.frombuffer(raw, dtype=dtype)[0]
        if tag == "tuple":
            items = node.get("items")
            if not isinstance(items, list):
                raise ProtocolError("bad tuple")
            return tuple(self(v, depth + 1) for v in items)
        if tag == "dict":
            items = node.get("items")
            if not isinstance(items, list):
                raise ProtocolError("bad dict")
            out = {}
            for pair in items:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ProtocolError("bad dict item")
                key = self(pair[0], depth + 1)
                try:
                    hash(key)
                except TypeError:
                    raise ProtocolError("unhashable dict key") from None
                out[key] = self(pair[1], depth + 1)
            return out
        if tag == "float":
            v = node.get("v")
            if v not in ("nan", "inf", "-inf"):
                raise ProtocolError("bad float")
            return float(v)
        if tag == "foreign":
            return Foreign(str(node.get("type", "?")), str(node.get("summary", "")))
        if tag == "bigint":
            digits = node.get("digits")
            if type(digits) is not int or not 0 < digits < 10**9:
                raise ProtocolError("bad bigint")
            raise NumberOutOfRange(digits)
        raise ProtocolError("unknown tag")

    def _array(self, node):
        dtype = _dtype(node.get("dtype"))
        shape = node.get("shape")
        if (
            not isinstance(shape, list)
            or len(shape) > MAX_NDIM
            or not all(type(d) is int and 0 <= d < 2**40 for d in shape)
        ):
            raise ProtocolError("bad shape")
        count = 1
        for d in shape:
            count *= d
        nbytes = count * dtype.itemsize
        if nbytes > MAX_MESSAGE_BYTES:
            raise ProtocolError("array too large")
        raw = _raw(node, nbytes)
        # A writable private copy: frombuffer over bytes would be read-only.
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def decode(node):
    """Turn JSON data back into Python/numpy values; raises :class:`ProtocolError`.

    Exact ``numpy.ndarray`` objects come back as writable arrays of the same dtype and shape;
    numpy scalars as numpy scalars; ``foreign`` tags as :class:`Foreign`.
    """
    return _Decoder()(node)
