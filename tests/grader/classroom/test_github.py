"""The GitHub Classroom export: a valid workflow whose commands exist and grade as they should.

The workflow is parsed with PyYAML; every ``run`` and ``command`` must name a command that
exists in the exported repository (``amiq`` is its console script) or on this machine
(``python``). Then the grading commands run, as written, in the exported repository: with the
reference in ``course/c1w4/`` every one exits 0 (full points), with the stubs it was exported
with every one exits non-zero (no points).
"""

import os
import shlex
import shutil
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from course.toml_reader import tomllib  # tomli on Python 3.10
from course.units import get_unit
from grader.build import submissions
from grader.classroom.github import (COMMAND_GRADER, REPORTER, WORKFLOW_PATH, build_classroom,
                                     public_points)

yaml = pytest.importorskip("yaml")
ROOT = Path(__file__).resolve().parents[3]
UNIT = get_unit("c1w4")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("classroom") / "c1w4-starter"
    build_classroom(out, ROOT, "c1w4", "en")
    return out


def _workflow(exported):
    return yaml.safe_load((exported / WORKFLOW_PATH).read_text(encoding="utf-8"))


def test_the_repository_is_the_student_bundle_with_a_workflow(exported):
    assert (exported / "course" / "c1w4" / "step_by_step.py").is_file()
    assert not (exported / "solutions").exists()
    assert (exported / WORKFLOW_PATH).is_file()
    with open(exported / "pyproject.toml", "rb") as fh:
        scripts = tomllib.load(fh)["project"]["scripts"]
    assert scripts["amiq"] == "course.cli.main:main"


def test_the_workflow_is_valid_and_grades_each_exercise(exported):
    workflow = _workflow(exported)
    assert "push" in workflow["on"]
    assert workflow["permissions"]["checks"] == "write"
    steps = workflow["jobs"]["run-autograding-tests"]["steps"]
    graders = [s for s in steps if s.get("uses") == COMMAND_GRADER]
    assert [s["with"]["test-name"] for s in graders] == [e.id for e in UNIT.exercises]
    points = public_points(UNIT)
    for step, exercise in zip(graders, UNIT.exercises):
        assert step["with"]["max-score"] == points[exercise.name] > 0
        assert 0 < step["with"]["timeout"] <= 60  # minutes
        assert exercise.id in step["with"]["command"]
    reporter = steps[-1]
    assert reporter["uses"] == REPORTER
    ids = reporter["with"]["runners"].split(",")
    assert ids == [s["id"] for s in graders]
    for step_id in ids:
        assert reporter["env"][f"{step_id.upper()}_RESULTS"] == \
            "${{steps." + step_id + ".outputs.result}}"


def _commands(exported):
    steps = _workflow(exported)["jobs"]["run-autograding-tests"]["steps"]
    found = [s["run"] for s in steps if "run" in s]
    found += [s["with"]["command"] for s in steps if s.get("uses") == COMMAND_GRADER]
    return found


def test_every_command_exists(exported):
    for command in _commands(exported):
        program = shlex.split(command)[0]
        if program == "amiq":
            assert (exported / "course" / "cli" / "main.py").is_file()
        else:
            assert shutil.which(program) is not None, program


def _shim(folder, exported):
    """``amiq`` as ``pip install -e .`` would make it for the exported repository."""
    folder.mkdir()
    script = folder / "amiq"
    script.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m course.cli \"$@\"\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMIQ_GRADER_KEY")}
    env.update(PATH=f"{folder}{os.pathsep}{os.environ['PATH']}", PYTHONPATH=str(exported))
    return env


def _run_all(commands, cwd, env):
    def one(command):
        return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=600)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, commands))


def test_the_commands_pass_on_the_reference_and_fail_on_the_stubs(exported, tmp_path):
    graders = [c for c in _commands(exported) if c.startswith("amiq ")]
    env = _shim(tmp_path / "bin", exported)
    for proc in _run_all(graders, exported, env):  # the stubs, as exported
        assert proc.returncode == 1, proc.stdout + proc.stderr
    solved = tmp_path / "solved"
    shutil.copytree(exported, solved)
    submissions.write(submissions.reference_sources(), solved / "course" / "c1w4")
    env = _shim(tmp_path / "bin2", solved)
    for command, proc in zip(graders, _run_all(graders, solved, env)):
        assert proc.returncode == 0, command + "\n" + proc.stdout + proc.stderr
