"""Judging in the grader's process: which arguments a call changed in place.

الحكم داخل عملية المصحِّح: أيّ المُدخَلات غيّرها الاستدعاء في مكانها.

The worker sends the arguments back as its call left them; they are compared here with the
encoded copies the grader sent, so code in the worker cannot patch the comparison away. Both
sides are the wire format of :mod:`.protocol`: identical encodings mean identical values (exact
bytes of every array), and only when they differ are the values decoded to name the paths.
"""

import numpy as np

from . import protocol

MAX_PATHS = 50


def _same_scalar(before, after):
    if isinstance(before, float) and before != before:
        return isinstance(after, float) and after != after  # NaN stays NaN
    return before == after


def changed_paths(before, after, path, out):
    """Append to ``out`` the paths where ``after`` differs from ``before`` (decoded values)."""
    if len(out) >= MAX_PATHS:
        return
    if type(before) is not type(after):
        out.append(path)
    elif type(before) is np.ndarray:
        if (
            before.shape != after.shape
            or before.dtype != after.dtype
            or not np.array_equal(before, after, equal_nan=before.dtype.kind == "f")
        ):
            out.append(path)
    elif type(before) in (list, tuple):
        if len(before) != len(after):
            out.append(path)
        else:
            for i, (b, a) in enumerate(zip(before, after)):
                changed_paths(b, a, f"{path}[{i}]", out)
    elif type(before) is dict:
        if list(before) != list(after):
            out.append(path)
        else:
            for key in before:
                changed_paths(before[key], after[key], f"{path}[{key!r}]", out)
    elif isinstance(before, np.generic):
        same = before == after or (before.dtype.kind == "f" and np.isnan(before) and np.isnan(after))
        if before.dtype != after.dtype or not same:
            out.append(path)
    elif not _same_scalar(before, after):
        out.append(path)


def mutated_arguments(sent_args, sent_kwargs, reply, names=()):
    """The paths of the arguments a call changed in place, e.g. ``["params['W1']"]``.

    Parameters
    ----------
    sent_args, sent_kwargs : object
        The encoded ``args`` (a list) and ``kwargs`` the grader sent.
    reply : dict
        The worker's result: ``args`` and ``kwargs`` as the call left them (untrusted).
    names : sequence of str
        Parameter names for the labels (untrusted, display only).

    Raises
    ------
    protocol.ProtocolError
        When the returned arguments are missing or malformed.
    """
    returned_args, returned_kwargs = reply.get("args"), reply.get("kwargs")
    if not isinstance(returned_args, list) or len(returned_args) != len(sent_args):
        raise protocol.ProtocolError("the arguments did not come back")
    if returned_args == sent_args and returned_kwargs == sent_kwargs:
        return []
    out = []
    labels = [n if isinstance(n, str) and n.isidentifier() else None for n in names]
    for i, (before, after) in enumerate(zip(sent_args, returned_args)):
        if before != after:
            label = labels[i] if i < len(labels) and labels[i] else f"args[{i}]"
            changed_paths(protocol.decode(before), protocol.decode(after), label, out)
    if returned_kwargs != sent_kwargs:
        before, after = protocol.decode(sent_kwargs), protocol.decode(returned_kwargs)
        if not isinstance(after, dict):
            raise protocol.ProtocolError("the keyword arguments did not come back")
        for key in before:
            changed_paths(before[key], after.get(key, protocol.Foreign("missing")), str(key), out)
    return out[:MAX_PATHS]
