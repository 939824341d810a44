"""The grader's secret key and the keyed generators of the hidden cases.

المفتاح السرّي للمصحِّح، ومولِّدات الحالات المخفية المشتقّة منه.

A hidden check's random inputs come from a generator seeded with
``HMAC-SHA256(key, run seed | submission digest | check id)``. The key ships only with the hidden
checks (an instructor's checkout, a Gradescope autograder), never to students, so seeing the
check code, the seed or one's own earlier feedback does not tell a student the next inputs; a
resubmission with any change gets new inputs, and regrading the same files gives the same ones.

The key is ``$AMIQ_GRADER_KEY`` (hex) when set, else the file ``solutions/.grader-key``
(git-ignored, created with 32 random bytes and mode 0600 on first hidden grading).
"""

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import numpy as np

KEY_VARIABLE = "AMIQ_GRADER_KEY"
KEY_FILE = ".grader-key"


def key_path():
    """Where the key file lives: beside the reference solutions."""
    from grader.sandbox.zygote import find_package_dir

    solutions = find_package_dir("solutions")
    return None if solutions is None else Path(solutions) / KEY_FILE


def grader_key(create=True):
    """The key as bytes (created on first use when ``create``).

    Raises
    ------
    RuntimeError
        When ``$AMIQ_GRADER_KEY`` is not hex, or no key exists and none can be created.
    """
    value = os.environ.get(KEY_VARIABLE, "").strip()
    if value:
        try:
            return bytes.fromhex(value)
        except ValueError:
            raise RuntimeError(f"{KEY_VARIABLE} must be hexadecimal") from None
    path = key_path()
    if path is None:
        raise RuntimeError("no grader key: the reference solutions are not installed")
    if not path.is_file() and create:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    return bytes.fromhex(path.read_text().strip())


def submission_digest(files):
    """SHA-256 of a submission's files (``{name: bytes}``), independent of their order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def check_rng(key, seed, digest, check_id):
    """The private generator of one hidden check."""
    message = f"{int(seed)}\0{digest}\0{check_id}".encode()
    mac = hmac.new(key, message, hashlib.sha256).digest()
    return np.random.default_rng(int.from_bytes(mac[:16], "big"))
