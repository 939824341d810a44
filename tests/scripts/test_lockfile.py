"""scripts/lib/lockfile.py and constraints.txt: one exact version per package, within pyproject's ranges."""

import importlib.util
import json
import sys
from pathlib import Path

from packaging.requirements import Requirement

from course.toml_reader import tomllib

ROOT = Path(__file__).resolve().parents[2]


def _load_lockfile():
    spec = importlib.util.spec_from_file_location("amiq_lockfile", ROOT / "scripts" / "lib" / "lockfile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lockfile = _load_lockfile()


def test_same_versions_everywhere_give_plain_pins():
    lines = lockfile.merge({"3.11": {"pytest": "9.2.0"}, "3.12": {"pytest": "9.2.0"}})
    assert lines == ["pytest==9.2.0"]


def test_differing_versions_get_python_version_ranges():
    lines = lockfile.merge({
        "3.10": {"numpy": "2.2.6", "tomli": "2.5.0"},
        "3.11": {"numpy": "2.4.6"},
        "3.12": {"numpy": "2.5.5"},
        "3.13": {"numpy": "2.5.5"},
    })
    assert lines == [
        'numpy==2.2.6; python_version < "3.11"',
        'numpy==2.4.6; python_version >= "3.11" and python_version < "3.12"',
        'numpy==2.5.5; python_version >= "3.12"',
        "tomli==2.5.0",  # needed on 3.10 only: a pin elsewhere constrains nothing
    ]
    # Sorted numerically: 3.10 comes after 3.9.
    assert lockfile.merge({"3.10": {"a": "2"}, "3.9": {"a": "1"}}) == [
        'a==1; python_version < "3.10"', 'a==2; python_version >= "3.10"']


def test_constraints_are_read_back_for_one_python():
    text = "\n".join(["# header", "Jinja2==3.1.6"] + lockfile.merge(
        {"3.10": {"numpy": "2.2.6"}, "3.11": {"numpy": "2.4.6"}, "3.12": {"numpy": "2.5.5"}}))
    assert lockfile.read_constraints(text, "3.10") == {"jinja2": "3.1.6", "numpy": "2.2.6"}
    assert lockfile.read_constraints(text, "3.11")["numpy"] == "2.4.6"
    assert lockfile.read_constraints(text, "3.14")["numpy"] == "2.5.5"


def test_reports_are_merged_without_the_project_itself(tmp_path):
    def report(python, pins):
        install = [{"download_info": {"url": "file:///x", "dir_info": {"editable": True}},
                    "metadata": {"name": "amiq", "version": "0.1.0"}}]
        install += [{"download_info": {"url": "https://x"}, "metadata": {"name": n, "version": v}}
                    for n, v in pins.items()]
        path = tmp_path / f"report-{python}.json"
        path.write_text(json.dumps({"install": install, "environment": {
            "python_version": python, "sys_platform": "linux", "platform_machine": "x86_64"}}))
        return str(path)

    out = tmp_path / "constraints.txt"
    assert lockfile.main(["merge", str(out), report("3.10", {"NumPy": "2.2.6"}),
                          report("3.11", {"numpy": "2.4.6"})]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Resolved for: Python 3.10, 3.11 (linux x86_64)" in text
    assert 'numpy==2.2.6; python_version < "3.11"' in text and "amiq" not in text.split("\n", 7)[-1]


def _requirements(project, extra=None, seen=None):
    """Direct requirements of the project (recursing into ``amiq[...]`` self-references)."""
    seen = seen if seen is not None else set()
    specs = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    found = []
    for spec in specs:
        requirement = Requirement(spec)
        if requirement.name == "amiq":
            for name in requirement.extras - seen:
                seen.add(name)
                found += _requirements(project, name, seen)
        else:
            found.append(requirement)
    return found


def test_constraints_pin_every_direct_dependency_within_pyprojects_ranges():
    with open(ROOT / "pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    pins = lockfile.read_constraints((ROOT / "constraints.txt").read_text(encoding="utf-8"), python)
    environment = {"python_version": python, "extra": "dev"}
    for requirement in _requirements(project) + _requirements(project, "dev"):
        if requirement.marker and not requirement.marker.evaluate(environment):
            continue
        name = lockfile.canonical(requirement.name)
        assert name in pins, f"{name} is not in constraints.txt: run bash scripts/lock.sh"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {name}=={pins[name]}, outside pyproject.toml's "
            f"{requirement.specifier}: run bash scripts/lock.sh"
        )
