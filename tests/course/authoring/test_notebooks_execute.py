"""Every committed notebook, run top to bottom in a real kernel, in both languages:

* with the reference in place of the student's functions: no error, every example prints its
  expected output (numbers within a tolerance), every check passes, and the cat application trains
  both models on the real data, draws its figures and classifies a picture given by path;
* with the untouched stubs: it still runs to the end, saying "not attempted" where it should;
* editing a stub and running the cell again uses the new code (autoreload).
"""

import json
import os
import re
import time

import pytest

from course.authoring import notebooks as nbb
from course.authoring.numbers import same_numbers
from course.i18n import in_language
from course.notebook.session import in_direction, not_attempted_message

from .notebook_kernel import (copy_project, execute, has_png, kernel_env, notebook_in, role_cells,
                              stream_text)

pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = [(u, a.id) for u in nbb.units_with_notebooks() for a in nbb.assignments_with_sources(u)]
# Printed examples: the same code and inputs as the reference run at build time, in another
# process; only BLAS rounding may differ.
RTOL = 1e-6


def _status_label(status, lang):
    from grader.report.common import status_label

    return status_label(status, lang)


def _row(output, exercise_name):
    """The grader's summary row of one exercise in a check cell's output."""
    rows = [line for line in output.splitlines() if re.search(rf"\d+\.\s*\S*{exercise_name}\b", line)]
    assert len(rows) == 1, f"no single row for {exercise_name} in:\n{output}"
    return rows[0]


@pytest.fixture(scope="module")
def run(tmp_path_factory, real_data_dir):
    """``run(mode, unit, assignment, lang)``: the executed notebook (each run once per module).

    The cat application's runs get extra cells after the last one that report what the kernel
    holds (see :data:`APPLICATION_PROBES`).
    """
    projects, done = {}, {}

    def get(mode, unit, assignment, lang):
        key = (mode, unit, assignment, lang)
        if key not in done:
            if mode not in projects:
                projects[mode] = copy_project(tmp_path_factory.mktemp(f"project-{mode}"), mode)
            project = projects[mode]
            extra = ["import course\nprint('COURSE', course.__file__)"]
            if (unit, assignment) == ("c1w4", "cat_classifier"):
                pictures = str(tmp_path_factory.mktemp("pictures"))
                extra += [probe.replace("{tmp}", pictures)
                          for probe in APPLICATION_PROBES[mode]]
            started = time.perf_counter()
            nb = execute(notebook_in(project, unit, assignment, lang),
                         kernel_env(project, real_data_dir), extra)
            nb.metadata["test_seconds"] = time.perf_counter() - started
            nb.metadata["test_project"] = str(project)
            done[key] = nb
        return done[key]

    return get


def _ran_in_the_copy(nb):
    """The kernel imported ``course`` from the project copy, not from the checkout."""
    assert _probe(nb, "COURSE").startswith(nb.metadata["test_project"])


# ---------------------------------------------------------------------------------- all notebooks


@pytest.mark.slow
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_with_the_reference_every_example_prints_its_expected_output_and_every_check_passes(
        run, unit_id, assignment_id, lang):
    nb = run("reference", unit_id, assignment_id, lang)
    _ran_in_the_copy(nb)
    examples, expected, checks = (role_cells(nb, r) for r in ("example", "expected", "check"))
    assert len(examples) == len(expected) == len(checks) > 0
    for example, shown in zip(examples, expected):
        printed = stream_text(example)
        block = re.search(r"```text\n(.*?)```", shown.source, re.DOTALL).group(1)
        assert same_numbers(printed, block, rtol=RTOL), (example.source, printed, block)
    passed = _status_label("passed", lang)
    for check in checks:
        name = check.metadata["amiq"]["exercise"].split(".", 1)[1]
        assert _row(stream_text(check), name).endswith(passed), stream_text(check)
    print(f"{unit_id}/{assignment_id}.{lang} with the reference: {nb.metadata['test_seconds']:.1f} s")


@pytest.mark.slow
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_with_the_stubs_the_notebook_runs_to_the_end_saying_not_attempted(
        run, unit_id, assignment_id, lang):
    nb = run("stubs", unit_id, assignment_id, lang)  # nbclient raises on any cell error
    _ran_in_the_copy(nb)
    for example in role_cells(nb, "example"):
        exercise_id = example.metadata["amiq"]["exercise"]
        # Every exercise's own stub raises before it calls anything else.
        with in_language(lang):
            message = in_direction(not_attempted_message(exercise_id.split(".")[1], exercise_id))
        assert stream_text(example).strip() == message
    not_attempted = _status_label("not_attempted", lang)
    for check in role_cells(nb, "check"):
        name = check.metadata["amiq"]["exercise"].split(".", 1)[1]
        assert _row(stream_text(check), name).endswith(not_attempted), stream_text(check)
    print(f"{unit_id}/{assignment_id}.{lang} with the stubs: {nb.metadata['test_seconds']:.1f} s")


# ---------------------------------------------------------------------------------- application

# Cells appended to the cat application's runs: what the kernel holds after "Run all".
APPLICATION_PROBES = {
    "reference": [
        # The two models as trained by the notebook.
        "import json\nprint('MODELS', json.dumps({name: dict(train=r.train_accuracy, "
        "test=r.test_accuracy, costs=r.costs, iterations=r.iterations, "
        "wrong=[int(i) for i in np.flatnonzero(r.test_predictions != data.test_y)]) "
        "for name, r in (('two', two_layer), ('deep', deep))}))",
        # Your own picture: a test picture saved as PNG (64 x 64, so resizing keeps it), the same
        # one enlarged as JPEG, then a file that is not a picture.
        "from PIL import Image\n"
        "index = int(np.flatnonzero(data.test_y[0] == 1)[0])\n"
        "Image.fromarray(data.test_x_orig[index]).save('{tmp}/picture.png')\n"
        "Image.fromarray(data.test_x_orig[index]).resize((300, 200)).save('{tmp}/picture.jpg')\n"
        "open('{tmp}/notes.png', 'w').write('not a picture')\n"
        "result = classify_picture('{tmp}/picture.png', deep)\n"
        "print('OWN', json.dumps(dict(label=result[0], probability=result[1], "
        "predicted=int(deep.test_predictions[0, index]))))",
        "print('JPEG', classify_picture('{tmp}/picture.jpg', deep))",
        "print('TEXT', classify_picture('{tmp}/notes.png', deep))",
    ],
    "stubs": [
        "print('MODELS', two_layer, deep)",
    ],
}


def _probe(nb, tag):
    for cell in nb.cells:
        if cell.metadata.get("amiq", {}).get("role") == "test":
            for line in stream_text(cell).splitlines():
                if line.startswith(tag + " "):
                    return line[len(tag) + 1:]
    raise AssertionError(f"no {tag} line")


def _code_cell(nb, text):
    return next(c for c in role_cells(nb, "code") if text in c.source)


@pytest.mark.slow
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
def test_the_cat_application_trains_both_models_on_the_real_data(run, lang):
    nb = run("reference", "c1w4", "cat_classifier", lang)
    models = json.loads(_probe(nb, "MODELS"))
    # The course's published results for these settings (its notebook's test accuracies).
    assert models["two"]["iterations"] == models["deep"]["iterations"] == 2500
    assert models["two"]["test"] == pytest.approx(0.72, abs=1e-9)
    assert models["deep"]["test"] == pytest.approx(0.8, abs=1e-9)
    for name, text in (("two", 'train_model("two-layer"'), ("deep", 'train_model("L-layer"')):
        cell = _code_cell(nb, text)
        assert "100%|" in stream_text(cell, "stderr"), "no finished progress bar"
        printed = stream_text(cell)
        assert printed.count("Cost after iteration") == 26  # 0, 100, ..., 2400 and 2499
        assert f"{models[name]['test']:.4f}" in printed and f"{models[name]['train']:.4f}" in printed
    assert has_png(_code_cell(nb, "show_cost_curves("))
    mislabelled = _code_cell(nb, "show_mislabelled(")
    assert has_png(mislabelled)
    assert str(len(models["deep"]["wrong"])) in stream_text(mislabelled)


@pytest.mark.slow
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
def test_the_cat_application_classifies_a_picture_given_by_path(run, lang):
    nb = run("reference", "c1w4", "cat_classifier", lang)
    own = json.loads(_probe(nb, "OWN"))
    # The picture is a test picture, so the model must say what it said on the test set.
    assert own["label"] == own["predicted"] and 0 <= own["probability"] <= 1
    assert _probe(nb, "JPEG").startswith("(")
    assert _probe(nb, "TEXT") == "None"
    text_cell = next(c for c in nb.cells if "notes.png', deep" in c.source)
    message = stream_text(text_cell)
    assert "notes.png" in message and "JPEG" in message
    assert re.search("[\u0600-\u06FF]", message) and "Cannot read" in message  # both languages
    # The notebook's own "try your own image" cell, with its placeholder path that does not exist.
    own_cell = _code_cell(nb, "classify_picture(my_image")
    assert "my_cat.jpg" in stream_text(own_cell) and "Cannot read" in stream_text(own_cell)


@pytest.mark.slow
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
def test_the_cat_application_with_the_stubs_explains_instead_of_training(run, lang):
    nb = run("stubs", "c1w4", "cat_classifier", lang)
    assert _probe(nb, "MODELS") == "None None"
    for text in ('train_model("two-layer"', 'train_model("L-layer"'):
        printed = stream_text(_code_cell(nb, text))
        assert "course/c1w4/" in printed, printed
    for text in ("show_cost_curves(", "show_mislabelled("):
        cell = _code_cell(nb, text)
        assert not has_png(cell) and stream_text(cell).strip()
    assert has_png(_code_cell(nb, "show_picture("))  # the data itself loads without the stubs


# ---------------------------------------------------------------------------------- reloading


def test_editing_a_stub_and_running_the_cell_again_uses_the_new_code(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    from course.authoring.notebooks import notebook_name

    project = copy_project(tmp_path / "project", "stubs")
    path = notebook_in(project, "c1w4", "step_by_step", "en")
    assert path.name == notebook_name("step_by_step", "en")
    nb = nbformat.read(path, as_version=4)
    index = {id(c): i for i, c in enumerate(nb.cells)}
    setup = role_cells(nb, "setup")[0]
    example = next(c for c in role_cells(nb, "example")
                   if c.metadata["amiq"]["exercise"] == "c1w4.linear_forward")
    expected = next(c for c in role_cells(nb, "expected")
                    if c.metadata["amiq"]["exercise"] == "c1w4.linear_forward")
    check = next(c for c in role_cells(nb, "check")
                 if c.metadata["amiq"]["exercise"] == "c1w4.linear_forward")
    module = project / "course" / "c1w4" / "step_by_step.py"
    reference = (project / "solutions" / "c1w4" / "step_by_step.py").read_text(encoding="utf-8")
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel(env=kernel_env(project)):
        for cell in (setup, example, check):
            client.execute_cell(cell, index[id(cell)])
        with in_language("en"):
            assert stream_text(example).strip() == not_attempted_message(
                "linear_forward", "c1w4.linear_forward")
        assert _row(stream_text(check), "linear_forward").endswith("not attempted yet")

        # The student writes the function and saves the file; the kernel keeps running.
        stat = module.stat()
        module.write_text(reference, encoding="utf-8")
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
        for cell in (example, check):
            client.execute_cell(cell, index[id(cell)])
    block = re.search(r"```text\n(.*?)```", expected.source, re.DOTALL).group(1)
    assert same_numbers(stream_text(example), block, rtol=RTOL), stream_text(example)
    assert _row(stream_text(check), "linear_forward").endswith("passed")
