"""Project-wide test set-up: the import path, the slow-test switch and the data fixtures.

* The repository root goes first on ``sys.path`` so ``course``, ``solutions`` and ``grader`` import
  from this checkout even without ``pip install -e .``; ``tests/grader`` follows, for the shared
  grader test helpers.
* ``@pytest.mark.slow`` tests (full-length training runs) are skipped unless ``--run-slow`` is
  given, the ``-m`` expression selects them, or ``CI`` / ``AMIQ_RUN_SLOW`` is set.
* ``real_data_dir`` gives the folder with the course's two HDF5 files: ``$AMIQ_DATA_DIR``, else
  ``../shared/datasets/catvnoncat`` beside the repository. When they are absent the test is
  skipped with the reason, except under CI (``CI`` set), where it fails: CI must use the real data.
* ``synthetic_data_dir`` is a session-wide folder with the synthetic stand-in.
* The digest cache is pointed at a temporary folder so tests never write to the user's cache, and
  a fixed grader key is set so hidden grading never creates ``solutions/.grader-key``.
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# The grader tests' helpers (grader_test_support, report_fixtures) are plain modules there; tests
# in other folders (tests/course/c1w4/grading/, tests/grader/judging/...) import them too.
GRADER_TESTS = str(ROOT / "tests" / "grader")
if GRADER_TESTS not in sys.path:
    sys.path.insert(1, GRADER_TESTS)

SHARED_DATA_DIR = ROOT.parent / "shared" / "datasets" / "catvnoncat"


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run tests marked slow (full-length training runs)")


def _slow_enabled(config):
    if config.getoption("--run-slow"):
        return True
    if "slow" in (config.getoption("-m") or ""):
        return True
    return bool(os.environ.get("CI") or os.environ.get("AMIQ_RUN_SLOW"))


def pytest_collection_modifyitems(config, items):
    if _slow_enabled(config):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (CI runs it)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _test_grader_key():
    """A fixed grader key for the whole run, so tests never create ``solutions/.grader-key``."""
    previous = os.environ.get("AMIQ_GRADER_KEY")
    os.environ["AMIQ_GRADER_KEY"] = "00112233445566778899aabbccddeeff" * 2
    yield
    if previous is None:
        os.environ.pop("AMIQ_GRADER_KEY", None)
    else:
        os.environ["AMIQ_GRADER_KEY"] = previous


@pytest.fixture(autouse=True, scope="session")
def _private_digest_cache(tmp_path_factory):
    previous = os.environ.get("AMIQ_CACHE_DIR")
    os.environ["AMIQ_CACHE_DIR"] = str(tmp_path_factory.mktemp("amiq-cache"))
    yield
    if previous is None:
        os.environ.pop("AMIQ_CACHE_DIR", None)
    else:
        os.environ["AMIQ_CACHE_DIR"] = previous


def find_real_data_dir():
    """The folder that should hold the real files (it may not exist)."""
    explicit = os.environ.get("AMIQ_DATA_DIR", "").strip()
    return Path(explicit) if explicit else SHARED_DATA_DIR


@pytest.fixture(scope="session")
def real_data_dir():
    """Folder with ``train_catvnoncat.h5`` and ``test_catvnoncat.h5`` (skip or fail if absent)."""
    folder = find_real_data_dir()
    names = ("train_catvnoncat.h5", "test_catvnoncat.h5")
    missing = [n for n in names if not (folder / n).is_file()]
    if missing:
        reason = (f"real cat-vs-non-cat data not found: {', '.join(missing)} missing in {folder} "
                  "(set AMIQ_DATA_DIR or put the files in ../shared/datasets/catvnoncat)")
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run with the real data")
        pytest.skip(reason)
    return folder


@pytest.fixture(scope="session")
def synthetic_data_dir(tmp_path_factory):
    """Folder with the default synthetic stand-in (40 train, 10 test images, seed 0)."""
    from course.data import synthesize

    folder = tmp_path_factory.mktemp("synthetic-data")
    synthesize(folder)
    return folder


@pytest.fixture
def lang():
    """Set the message language for one test and restore the previous one afterwards.

    Use as ``lang("en")``; returns the language set.
    """
    from course import i18n

    previous = i18n._current

    def choose(code):
        return i18n.set_language(code)

    yield choose
    i18n._current = previous
