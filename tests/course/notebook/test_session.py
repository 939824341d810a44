"""A notebook's session: ``setup`` and the ``%%exercise`` cell magic, in a real IPython shell."""

import numpy as np
import pytest

from course.i18n import current_language, in_language
from course.notebook.session import (NotebookStop, not_attempted_function, not_attempted_message,
                                     setup)

IPython = pytest.importorskip("IPython")


@pytest.fixture
def shell(lang):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    lang("en")
    saved = np.get_printoptions()
    yield shell
    np.set_printoptions(**saved)
    InteractiveShell.clear_instance()


def _run(shell, code, capsys):
    result = shell.run_cell(code)
    return result, capsys.readouterr().out


def test_setup_sets_the_language_print_options_and_the_magic(shell, capsys, monkeypatch):
    monkeypatch.delenv("AMIQ_LANG", raising=False)
    np.set_printoptions(precision=3, linewidth=200)
    assert setup("ar", unit="c1w4", shell=shell) is None
    assert current_language() == "ar"
    import os

    assert os.environ["AMIQ_LANG"] == "ar"  # grader.check() without lang= follows the notebook
    options = np.get_printoptions()
    assert (options["precision"], options["linewidth"]) == (8, 75)
    assert shell.find_cell_magic("exercise") is not None
    out = capsys.readouterr().out
    assert "course/c1w4/*.py" in out and "شيفرتك" in out


def test_an_unwritten_stub_prints_what_to_write_and_where(shell, capsys):
    setup("en", unit="c1w4", shell=shell)
    capsys.readouterr()
    shell.run_cell(
        "def L_model_forward(X, parameters):\n"
        "    raise NotImplementedError('L_model_forward is not attempted yet: replace this line.')\n")
    result, out = _run(shell, "%%exercise c1w4.L_model_forward\nvalue = 1\nL_model_forward(1, 2)\n",
                       capsys)
    assert result.success
    assert out.strip() == ("L_model_forward is not attempted yet: write its code in "
                           "course/c1w4/step_by_step.py, save the file, then run this cell again.")
    assert shell.user_ns["value"] == 1  # the cell ran in the notebook's namespace


def test_a_stub_of_a_provided_module_names_its_own_file(shell, capsys):
    setup("ar", unit="c1w4", shell=shell)
    capsys.readouterr()
    shell.user_ns["stub"] = _raiser("initialize_parameters_deep_scaled is not attempted yet: x")
    result, out = _run(shell, "%%exercise c1w4.L_layer_model\nstub()\n", capsys)
    assert result.success
    assert "course/c1w4/cat_classifier.py" in out and "لم تُحَلّ" in out


def _raiser(message):
    def stub():
        raise NotImplementedError(message)

    return stub


def test_other_errors_are_not_hidden(shell, capsys):
    setup("en", unit="c1w4", shell=shell)
    shell.user_ns["other"] = _raiser("not implemented for complex numbers")
    result, _ = _run(shell, "%%exercise c1w4.linear_forward\nother()\n", capsys)
    assert isinstance(result.error_in_exec, NotImplementedError)
    result, _ = _run(shell, "%%exercise c1w4.linear_forward\n1 / 0\n", capsys)
    assert isinstance(result.error_in_exec, ZeroDivisionError)


def test_a_traceback_shows_the_cells_own_line(shell, capsys):
    setup("en", unit="c1w4", shell=shell)
    capsys.readouterr()
    shell.run_cell("%%exercise c1w4.linear_forward\nx = 1\nundefined_name_in_cell + x\n")
    captured = capsys.readouterr()
    assert "undefined_name_in_cell + x" in captured.out + captured.err


def test_not_attempted_helpers():
    assert not_attempted_function(NotImplementedError("predict is not attempted yet: ...")) == "predict"
    assert not_attempted_function(NotImplementedError("something else")) is None
    with in_language("en"):
        assert "course/" not in not_attempted_message("predict")
        assert "course/c1w4/cat_classifier.py" in not_attempted_message("predict", "c1w4.predict")
        assert "course/" not in not_attempted_message("predict", "nounit.predict")


def test_a_notebook_stop_shows_its_message_instead_of_a_traceback(shell, capsys):
    shell.user_ns["NotebookStop"] = NotebookStop
    result, shown = _run(shell, "raise NotebookStop(['first line', 'السطر الثاني'])", capsys)
    assert isinstance(result.error_in_exec, NotebookStop)  # "Run all" stops there
    assert "first line" in shown and "السطر الثاني" in shown
    assert "Traceback" not in shown and "raise NotebookStop" not in shown


def test_arabic_lines_keep_their_reading_order_in_an_output_area():
    from course.notebook.session import PDI, RLI, in_direction

    assert in_direction("first\n\nsecond", "en") == "first\n\nsecond"
    assert in_direction("سطر أول\n\nسطر ثانٍ", "ar") == f"{RLI}سطر أول{PDI}\n\n{RLI}سطر ثانٍ{PDI}"
    with in_language("ar"):
        assert in_direction("نص").startswith(RLI)


def test_the_session_names_the_notebooks_own_unit(shell, capsys):
    # Nothing in the session is c1w4's: Week 3's notebook gets its own folder and files.
    setup("en", unit="c1w3", shell=shell)
    assert "course/c1w3/*.py" in capsys.readouterr().out
    shell.user_ns["stub"] = _raiser("layer_sizes is not attempted yet: replace this line.")
    result, out = _run(shell, "%%exercise c1w3.nn_model\nstub()\n", capsys)
    assert result.success
    assert out.strip() == ("layer_sizes is not attempted yet: write its code in "
                           "course/c1w3/planar_classifier.py, save the file, then run this cell "
                           "again.")
