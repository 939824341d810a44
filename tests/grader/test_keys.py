"""The grader key and the keyed generators of the hidden cases."""

import os
import stat

import numpy as np
import pytest

from grader import keys

KEY = bytes(range(32))
DIGEST = keys.submission_digest({"step_by_step.py": b"x = 1\n"})
CHECK = "c1w4.linear_forward/hidden/values"


def _draws(key=KEY, seed=7, digest=DIGEST, check_id=CHECK):
    return keys.check_rng(key, seed, digest, check_id).standard_normal(8)


def test_same_key_seed_digest_and_check_give_the_same_draws():
    np.testing.assert_array_equal(_draws(), _draws())


@pytest.mark.parametrize("change", [
    {"key": bytes(32)},
    {"seed": 8},
    {"digest": keys.submission_digest({"step_by_step.py": b"x = 2\n"})},
    {"check_id": "c1w4.linear_forward/hidden/inputs"},
])
def test_any_change_of_key_seed_submission_or_check_gives_other_draws(change):
    assert not np.array_equal(_draws(), _draws(**change))


def test_the_digest_does_not_depend_on_file_order_but_on_names_and_contents():
    a = {"step_by_step.py": b"one", "cat_classifier.py": b"two"}
    b = dict(reversed(list(a.items())))
    assert list(a) != list(b) and keys.submission_digest(a) == keys.submission_digest(b)
    assert keys.submission_digest(a) != keys.submission_digest(
        {"step_by_step.py": b"two", "cat_classifier.py": b"one"})
    assert keys.submission_digest(a) != keys.submission_digest({"step_by_step.py": b"one"})


@pytest.fixture
def key_file(tmp_path, monkeypatch):
    path = tmp_path / "solutions" / keys.KEY_FILE
    path.parent.mkdir()
    monkeypatch.setattr(keys, "key_path", lambda: path)
    monkeypatch.delenv(keys.KEY_VARIABLE, raising=False)
    return path


def test_the_key_file_is_created_once_with_mode_0600(key_file):
    first = keys.grader_key()
    assert len(first) == 32
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert keys.grader_key() == first  # read back, not replaced
    assert bytes.fromhex(key_file.read_text().strip()) == first


def test_no_key_file_is_made_when_not_asked(key_file):
    with pytest.raises(FileNotFoundError):
        keys.grader_key(create=False)
    assert not key_file.exists()


def test_the_environment_key_is_used_when_set(key_file, monkeypatch):
    monkeypatch.setenv(keys.KEY_VARIABLE, " " + KEY.hex() + "\n")
    assert keys.grader_key() == KEY
    assert not key_file.exists()  # the file is neither read nor created


def test_an_environment_key_that_is_not_hex_is_refused(key_file, monkeypatch):
    monkeypatch.setenv(keys.KEY_VARIABLE, "not-hex")
    with pytest.raises(RuntimeError, match=keys.KEY_VARIABLE):
        keys.grader_key()


def test_without_the_reference_there_is_no_key(monkeypatch):
    monkeypatch.delenv(keys.KEY_VARIABLE, raising=False)
    monkeypatch.setattr(keys, "key_path", lambda: None)
    with pytest.raises(RuntimeError, match="no grader key"):
        keys.grader_key()


def test_the_key_file_lives_beside_the_reference_and_is_ignored_by_git():
    from grader_test_support import ROOT

    assert keys.key_path() == ROOT / "solutions" / keys.KEY_FILE
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert any(keys.KEY_FILE in line for line in ignored)
