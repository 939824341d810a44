"""The Gradescope autograder, end to end: build the zip, set it up, grade like Gradescope does.

The zip is unpacked into a temporary tree shaped like Gradescope's (``source/``,
``submission/``, ``results/``); ``setup.sh`` runs with ``AMIQ_AUTOGRADER_TEST_SKIP_INSTALL=1``
and ``AMIQ_AUTOGRADER_PYTHON`` pointing at an interpreter that already has the dependencies
(test-only: nothing is downloaded), then ``run_autograder`` grades the reference (full marks), the
stubs (zero) and a hostile submission that tries to copy the reference's functions, read the
grader's key and write ``results.json`` itself (zero, and a result is still written).

Two more runs emulate Gradescope more closely when the machine allows it:

* as Gradescope's container runs it: root with Docker's default capabilities (no
  ``CAP_SYS_ADMIN``) under Docker's default seccomp profile (``tests/grader/docker_like.py``),
  where the sandbox builds a lesser jail; a control shows the hostile code really takes the
  marks when nothing stops it;
* under Python 3.10 (Gradescope's Ubuntu 22.04): ``$AMIQ_TEST_PYTHON310`` names a Python 3.10
  with the zip's ``requirements.txt`` installed (``python3.10 -m venv V && V/bin/pip install -r
  requirements.txt``).
"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from course.units import get_unit
from grader.build import submissions
from grader.classroom.gradescope import build_gradescope, pinned_requirements
from grader.classroom.submit import submission_zip

ROOT = Path(__file__).resolve().parents[3]
UNIT = "c1w4"

HOSTILE = '''

_ROOT = {root!r}
_stolen = {{"__name__": __name__ + "_stolen", "__package__": __package__}}
try:  # the reference's functions, if it can be read
    exec(open(_ROOT + "/source/amiq/solutions/c1w4/step_by_step.py").read(), _stolen)
except Exception as _error:
    print("no reference", type(_error).__name__)
for _name, _value in list(_stolen.items()):
    if callable(_value) and not _name.startswith("_"):
        globals()[_name] = _value
try:
    print("KEY", open(_ROOT + "/source/amiq/solutions/.grader-key").read())
except Exception as _error:
    print("no key", type(_error).__name__)
try:
    with open(_ROOT + "/results/results.json", "w") as _out:
        _out.write('{{"score": 1000, "tests": []}}')
except Exception as _error:
    print("no results", type(_error).__name__)
'''


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "autograder.zip"
    build_gradescope(out, ROOT, UNIT, "en")
    return out


def _tree(zip_path):
    """A fresh ``autograder/`` tree (under /tmp, traversable like Gradescope's /autograder)."""
    root = Path(tempfile.mkdtemp(prefix="amiq-autograder-test-"))
    os.chmod(root, 0o755)
    for name in ("source", "submission", "results"):
        (root / name).mkdir()
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            target = root / "source" / info.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
            os.chmod(target, (info.external_attr >> 16) & 0o777)
    return root


def _env(root, python):
    env = {k: v for k, v in os.environ.items() if k != "AMIQ_GRADER_KEY"}  # the zip's own key
    env.update(AMIQ_AUTOGRADER_ROOT=str(root), AMIQ_AUTOGRADER_PYTHON=str(python),
               AMIQ_AUTOGRADER_TEST_SKIP_INSTALL="1")
    env.pop("PYTHONPATH", None)
    return env


def _run(root, script, python, prefix=()):
    proc = subprocess.run([*prefix, "bash", str(root / "source" / script)], cwd="/",
                          env=_env(root, python), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc


def _submit(root, files, python, prefix=()):
    """Put ``files`` (``{name: bytes}``) in ``submission/``, run the autograder, read results."""
    submission = root / "submission"
    shutil.rmtree(submission)
    submission.mkdir()
    for name, data in files.items():
        (submission / name).write_bytes(data)
    (root / "results" / "results.json").unlink(missing_ok=True)
    _run(root, "run_autograder", python, prefix)
    text = (root / "results" / "results.json").read_text(encoding="utf-8")
    return json.loads(text), text


def _reference():
    return {n: t.encode() for n, t in submissions.reference_sources(UNIT).items()}


def _stubs():
    return {n: t.encode() for n, t in submissions.stub_sources(UNIT).items()}


def _hostile(root):
    files = _stubs()
    files["step_by_step.py"] += HOSTILE.format(root=str(root)).encode()
    return files


def _visibility():
    """``{test name: Gradescope visibility}`` from the unit's planned checks."""
    from grader.plan import plan

    unit = get_unit(UNIT)
    return {f"{c.exercise.name} · {c.title.render('en')}":
            "after_published" if c.visibility == "hidden" else "visible"
            for c in plan(UNIT, list(unit.exercises), hidden=True)}


def _secret_lines():
    from course.authoring.release import published_lines, solution_only_lines

    return solution_only_lines(ROOT / "solutions") - published_lines(ROOT / "course", [UNIT])


def _check_results(data, text):
    """Gradescope's specification, and nothing secret in what students see."""
    assert set(data) >= {"score", "tests", "output", "visibility", "stdout_visibility"}
    assert data["stdout_visibility"] == "hidden"
    visibility = _visibility()
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "output", "visibility"}
        assert 0 <= test["score"] <= test["max_score"]
        # Hidden checks are shown once the grades are published; public ones at once.
        assert test["visibility"] == visibility[test["name"]], test["name"]
    assert abs(data["score"] - sum(t["score"] for t in data["tests"])) < 1e-9
    assert os.environ["AMIQ_GRADER_KEY"] not in text  # the key (conftest's, put in the zip)
    assert "seed" not in json.dumps(data).lower()
    leaked = [line for line in _secret_lines() if len(line) > 12 and line in text]
    assert not leaked, leaked[:3]


def test_the_zip_holds_what_gradescope_needs(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        config = json.loads(zf.read("amiq.json"))
        requirements = zf.read("requirements.txt").decode()
    for name in ("setup.sh", "run_autograder"):
        assert (infos[name].external_attr >> 16) & stat.S_IXUSR
    key = infos["amiq/solutions/.grader-key"]
    assert (key.external_attr >> 16) & 0o777 == 0o600
    assert "amiq/solutions/c1w4/grading/hidden_cases.py" in infos
    assert not any(n.startswith("amiq/solutions/c1w3/") for n in infos)  # only this unit
    assert not any(n.startswith("amiq/grader/build/") for n in infos)
    assert "README.md" in infos and "amiq/pyproject.toml" in infos
    assert config["unit"] == UNIT and config["lang"] == "en"
    assert "numpy==" in requirements and "pytest==" in requirements


def test_pins_suit_the_image_python():
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet

    lines = [line for line in pinned_requirements("3.10").splitlines()
             if line and not line.startswith("#")]
    pins = {Requirement(line).name.lower(): Requirement(line) for line in lines}
    assert all(str(r.specifier).startswith("==") for r in pins.values())
    assert {"numpy", "pytest", "babel", "tomli", "exceptiongroup"} <= set(pins)
    numpy_python = metadata.metadata("numpy").get("Requires-Python") or ""
    if numpy_python and not SpecifierSet(numpy_python).contains("3.10.0"):
        assert str(pins["numpy"].specifier) == "==2.2.6"  # the last NumPy for Python 3.10
    newer = pinned_requirements("3.12")
    assert "tomli" not in newer and f"numpy=={metadata.version('numpy')}" in newer


def test_end_to_end(autograder_zip):
    root = _tree(autograder_zip)
    try:
        _run(root, "setup.sh", sys.executable)
        assert not os.stat(root / "source" / "amiq").st_mode & 0o077  # root only
        # The reference, uploaded as amiq submit's zip (found inside the upload).
        upload = submission_zip(get_unit(UNIT), _reference(), [])
        data, text = _submit(root, {"submission-c1w4.zip": upload}, sys.executable)
        _check_results(data, text)
        assert data["score"] == data["max_score"] > 0
        assert {t["visibility"] for t in data["tests"]} == {"visible", "after_published"}
        data, text = _submit(root, _stubs(), sys.executable)
        _check_results(data, text)
        assert data["score"] == 0 and data["max_score"] > 0
        data, text = _submit(root, _hostile(root), sys.executable)
        _check_results(data, text)
        assert data["score"] == 0  # nothing gained, and the result is ours, not the student's
        data, _text = _submit(root, {"readme.txt": b"oops"}, sys.executable)
        assert data["score"] == 0 and "No exercise files" in data["output"]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_in_a_docker_like_container(autograder_zip):
    """As Gradescope runs it: root with Docker's capabilities and Docker's seccomp profile."""
    from sandbox_levels import DOCKER_CAPABILITIES, DOCKER_LIKE, skip_reason

    reason = skip_reason("root-docker")
    if reason:
        pytest.skip(f"cannot emulate Gradescope's container here: {reason}")
    docker = ("setpriv", f"--bounding-set={DOCKER_CAPABILITIES}", "--inh-caps=-all",
              sys.executable, str(DOCKER_LIKE))
    root = _tree(autograder_zip)
    try:
        _run(root, "setup.sh", sys.executable, docker)
        data, text = _submit(root, _reference(), sys.executable, docker)
        level = re.search(r"isolation: ([\w-]+)", data["output"]).group(1)
        assert level not in ("namespaces", "process"), level  # a jail without CAP_SYS_ADMIN
        _check_results(data, text)
        assert data["score"] == data["max_score"] > 0
        data, text = _submit(root, _hostile(root), sys.executable, docker)
        _check_results(data, text)
        assert data["score"] == 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_the_hostile_submission_is_a_real_attack(autograder_zip, tmp_path):
    """Control: without the sandbox and with the source readable, the same code takes the marks."""
    from grader.runner.engine import grade

    root = _tree(autograder_zip)
    try:
        folder = tmp_path / "hostile"
        folder.mkdir()
        for name, data in _hostile(root).items():
            (folder / name).write_bytes(data)
        report = grade(["c1w4.linear_forward"], folder, unit=UNIT, isolate=False,
                       allow_weak_isolation=True)
        assert report.score == report.max_score > 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_under_python_310(autograder_zip):
    python = os.environ.get("AMIQ_TEST_PYTHON310")
    if not python:
        pytest.skip("set AMIQ_TEST_PYTHON310 to a Python 3.10 with the zip's requirements.txt "
                    "installed (Gradescope's image runs 3.10)")
    version = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.strip()
    assert version == "(3, 10)", version
    root = _tree(autograder_zip)
    try:
        _run(root, "setup.sh", python)
        data, text = _submit(root, _reference(), python)
        _check_results(data, text)
        assert data["score"] == data["max_score"] > 0
        data, _text = _submit(root, _stubs(), python)
        assert data["score"] == 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_set_up_stops_where_the_sandbox_is_too_weak(autograder_zip, monkeypatch):
    """``setup.sh``'s check refuses a sandbox without a jail, unless the zip opts in."""
    from grader.classroom import autograder
    from grader.sandbox import zygote as zygote_module

    class WeakZygote:
        info = zygote_module.IsolationInfo(level="process",
                                           missing=["jail", "namespaces", "seccomp"])

        def start(self):
            return self

        def ready(self):
            return self.info.level

        def close(self):
            pass

    monkeypatch.setattr(zygote_module, "Zygote", WeakZygote)
    root = _tree(autograder_zip)
    try:
        config = autograder.read_config(root)
        with pytest.raises(SystemExit, match="too weak"):
            autograder.check(root, config)
        autograder.check(root, {**config, "allow_weak_isolation": True})
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_a_units_zip_carries_what_its_grading_needs_and_grades(tmp_path):
    """The c1w3 zip leaves out the other unit, the notebooks and the instructor tools, yet the
    autograder built from it sets up and grades the unit (reference: full marks, stubs: zero)."""
    unit = "c1w3"
    out = tmp_path / "c1w3.zip"
    build_gradescope(out, ROOT, unit, "en")
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
    course = {n[len("amiq/course/"):] for n in names if n.startswith("amiq/course/")}
    assert not any(n.startswith("c1w4/") for n in course)
    assert not any(n.startswith("c1w3/notebooks/") for n in course)
    assert {n for n in course if n.startswith("authoring/")} == {"authoring/__init__.py",
                                                                "authoring/stubs.py"}
    assert "c1w3/grading/examples.py" not in course
    shipped = {p.relative_to(ROOT / "course").as_posix()
               for p in (ROOT / "course" / unit / "grading").rglob("*")
               if p.is_file() and p.suffix in (".py", ".json") and p.name != "examples.py"}
    assert shipped <= course  # every public check and expected output of the unit
    assert {"units.py", "i18n.py", f"{unit}/unit.py", f"{unit}/planar_classifier.py"} <= course
    root = _tree(out)
    try:
        _run(root, "setup.sh", sys.executable)
        reference = {n: t.encode() for n, t in submissions.reference_sources(unit).items()}
        data, text = _submit(root, reference, sys.executable)
        assert data["score"] == data["max_score"] > 0, text[:2000]
        stubs = {n: t.encode() for n, t in submissions.stub_sources(unit).items()}
        data, _text = _submit(root, stubs, sys.executable)
        assert data["score"] == 0 and data["max_score"] > 0
    finally:
        shutil.rmtree(root, ignore_errors=True)
