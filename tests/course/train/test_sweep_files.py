"""A sweep's files: figure data, PNG/SVG, CSV and JSON in the chosen language, backups."""

import csv
import io
import json
import math

import numpy as np
import pytest

from course.train.sweep import run_sweep
from course.train.sweep_files import (FILE_NAMES, figure_title, summary_lines, to_csv, to_json,
                                      write_sweep)

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def result():
    rng = np.random.default_rng(1)
    X = rng.random((40, 40))
    y = ((rng.standard_normal(40) @ (X - 0.5)) > 0).astype(np.float64).reshape(1, -1)
    return run_sweep(X[:, :30], y[:, :30], X[:, 30:], y[:, 30:], [0.2, 0.05, 400.0],
                     iterations=300, model="L-layer", layers=(40, 5, 3, 1), jobs=1,
                     show_bar=False)


def test_json_has_every_setting_and_no_nan(result, lang):
    lang("en")
    data = to_json(result, synthetic=True)
    text = json.dumps(data, allow_nan=False)  # raises if a nan slipped through
    assert json.loads(text)["synthetic"] is True
    assert data["engine"] == "fast" and data["layers"] == [40, 5, 3, 1]
    assert data["best_learning_rate"] == 0.2
    assert [s["learning_rate"] for s in data["settings"]] == [0.2, 0.05, 400.0]
    good, _, diverged = data["settings"]
    assert good["final_cost"] == result.settings[0].final_cost and good["diverged"] is False
    assert good["costs"] == result.settings[0].costs and good["first_layer_method"] == "gram"
    assert diverged["final_cost"] is None and diverged["diverged"] is True
    assert diverged["finding_kind"] == "non-finite" and None in diverged["costs"]
    assert data["columns"]["final_cost"] == "final cost"


@pytest.mark.parametrize("language, header, finding_word", [
    ("en", "learning rate", "diverged"), ("ar", "معدّل التعلّم", "تباعُد")])
def test_csv_is_in_the_chosen_language(result, lang, language, header, finding_word):
    lang(language)
    rows = list(csv.reader(io.StringIO(to_csv(result))))
    assert rows[0][0] == header and len(rows) == 4
    assert [float(r[0]) for r in rows[1:]] == [0.2, 0.05, 400.0]
    assert float(rows[1][1]) == result.settings[0].final_cost
    assert rows[3][1] == "" and finding_word in rows[3][-1]


def test_summary_lines_name_the_lowest_final_cost(result, lang):
    lang("en")
    lines = summary_lines(result)
    assert len(lines) == 4 and lines[0].startswith("learning rate 0.2: final cost")
    assert "final cost -" in lines[2] and lines[3] == (
        f"Lowest final cost: learning rate 0.2 ({round(result.settings[0].final_cost, 4)}).")


def test_figure_draws_the_figure_data(result):
    from course.plots import sweep_figure

    curves = result.figure_data()
    fig = sweep_figure(curves, title=figure_title(result), log_scale=True)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and "fast engine" in ax.get_title()
    lines = [line for line in ax.get_lines() if line.get_label() in {c["label"] for c in curves}]
    assert [line.get_label() for line in lines] == [c["label"] for c in curves]
    for line, curve in zip(lines, curves):
        np.testing.assert_array_equal(line.get_xdata(), curve["iterations"])
        np.testing.assert_array_equal(line.get_ydata(), curve["costs"])
        assert line.get_linestyle() == ("--" if curve["diverged"] else "-")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["learning rate = 0.2", "learning rate = 0.05",
                      "learning rate = 400 (diverged)"]


def test_write_sweep_writes_four_files_and_backs_up_earlier_ones(result, tmp_path, lang):
    lang("en")
    out = tmp_path / "sweep"
    written, backups = write_sweep(result, out, log_scale=False)
    assert [p.name for p in written] == list(FILE_NAMES) and backups == []
    assert (out / "sweep.png").read_bytes().startswith(PNG)
    assert (out / "sweep.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert json.loads((out / "sweep.json").read_text(encoding="utf-8"))["iterations"] == 300
    first_json = (out / "sweep.json").read_text(encoding="utf-8")
    lang("ar")
    written, backups = write_sweep(result, out)
    assert sorted(p.name for p in backups) == sorted(FILE_NAMES)
    assert all(".amiq-backups" in p.parts for p in backups)
    kept = next(p for p in backups if p.name == "sweep.json")
    assert kept.read_text(encoding="utf-8") == first_json  # the earlier file, unchanged
    assert "معدّل التعلّم" in (out / "sweep.csv").read_text(encoding="utf-8")


def test_finite_numbers_only_in_the_table(result):
    for row in result.table():
        assert row["final_cost"] is None or math.isfinite(row["final_cost"])
