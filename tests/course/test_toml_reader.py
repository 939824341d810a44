"""course/toml_reader.py: one TOML reader on every supported Python."""

import sys

import pytest

from course.toml_reader import tomllib


def test_it_is_the_standard_library_from_3_11_and_tomli_before():
    assert tomllib.__name__ == ("tomllib" if sys.version_info >= (3, 11) else "tomli")


def test_it_reads_toml_and_reports_bad_toml():
    assert tomllib.loads('rate = 0.03\nname = "قطة"\n') == {"rate": 0.03, "name": "قطة"}
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads("rate = = 1")
