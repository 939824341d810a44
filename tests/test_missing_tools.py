"""When a missing tool skips a test and when it fails the run (tests/missing_tools.py)."""

import pytest

from tests.missing_tools import installed_extras, require_modules, skip_or_fail


def test_the_default_install_is_dev_which_brings_every_test_extra(monkeypatch):
    monkeypatch.delenv("AMIQ_EXTRAS", raising=False)
    assert {"docs", "browser", "notebook-tests"} <= installed_extras()


def test_the_package_alone_has_no_extras(monkeypatch):
    monkeypatch.setenv("AMIQ_EXTRAS", "")
    assert installed_extras() == set()


def test_outside_ci_a_missing_tool_skips(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("AMIQ_EXTRAS", raising=False)
    with pytest.raises(pytest.skip.Exception):
        skip_or_fail("no browser", extras=("browser",))


def test_in_ci_a_tool_of_an_installed_extra_fails(monkeypatch):
    monkeypatch.setenv("CI", "1")
    monkeypatch.setenv("AMIQ_EXTRAS", "dev")
    with pytest.raises(pytest.fail.Exception, match="browser"):
        skip_or_fail("no browser", extras=("browser",))


def test_in_ci_without_extras_a_missing_tool_skips(monkeypatch):
    # The Python 3.10 step installs the package alone; the browser checks belong to the other steps.
    monkeypatch.setenv("CI", "1")
    monkeypatch.setenv("AMIQ_EXTRAS", "")
    with pytest.raises(pytest.skip.Exception):
        skip_or_fail("no browser", extras=("browser",))


def test_require_modules_names_the_missing_package(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="amiq_no_such_package"):
        require_modules(("json", "amiq_no_such_package.sub"), extras=("browser",))
    require_modules(("json",), extras=("browser",))  # present: returns
