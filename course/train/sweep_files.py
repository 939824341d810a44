"""A sweep's files: the cost-curve figure (PNG and SVG) and the table (CSV and JSON).

ملفات المسح: شكل منحنيات التكلفة (PNG و SVG) والجدول (CSV و JSON).

The table is in the current message language (column titles and findings; JSON keys stay
English so programs can read it); the figure's text is English (see :mod:`course.plots`).
Files a previous sweep left in the folder are moved to ``.amiq-backups/<time>/`` first.
"""

import csv
import io
import json
import math
from pathlib import Path

from course.data.backups import backup_file, timestamp
from course.i18n import _, isolate

from .sweep import TABLE_COLUMNS, column_headers

FILE_NAMES = ("sweep.png", "sweep.svg", "sweep.csv", "sweep.json")


def _number(value):
    return value if isinstance(value, (int, float)) and math.isfinite(value) else None


def to_json(result, synthetic=False):
    """The sweep as JSON-ready data.

    Parameters
    ----------
    result : course.train.sweep.SweepResult
    synthetic : bool
        Trained on the synthetic stand-in.

    Returns
    -------
    dict
        Run facts, ``columns`` (translated titles by key), ``best_learning_rate`` and one
        entry per setting: the table's row plus the first cost, the recorded costs, the
        finding's kind, iteration and count of rises, and the fast engine's first-layer method.
        Numbers that are not finite are ``null``.
    """
    best = result.best()
    settings = []
    for row, s in zip(result.table(), result.settings):
        entry = {key: (_number(value) if isinstance(value, float) else value)
                 for key, value in row.items()}
        entry.update({
            "first_cost": _number(s.first_cost),
            "costs": [_number(c) for c in s.costs],
            "finding_kind": s.finding.kind,
            "finding_iteration": s.finding.iteration,
            "rises": s.finding.rises,
            "first_layer_method": s.method,
        })
        settings.append(entry)
    return {
        "model": result.model,
        "layers": list(result.layers),
        "iterations": result.iterations,
        "engine": result.engine,
        "synthetic": bool(synthetic),
        "jobs": result.jobs,
        "seconds": round(result.seconds, 3),
        "best_learning_rate": best.learning_rate if best else None,
        "columns": column_headers(),
        "settings": settings,
    }


def to_csv(result):
    """The table as CSV text: a header row of translated titles, then one row per setting.

    Numbers are written in full (``repr``); a cost that is not finite is left empty.
    """
    headers = column_headers()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([headers[key] for key in TABLE_COLUMNS])
    for row in result.table():
        writer.writerow(["" if row[key] is None else row[key] for key in TABLE_COLUMNS])
    return buffer.getvalue()


def figure_title(result, synthetic=False):
    """The figure's English title: model, layers, iterations and engine."""
    noun = "iteration" if result.iterations == 1 else "iterations"
    title = (f"{result.model} model {list(result.layers)}, {result.iterations} {noun}, "
             f"{result.engine} engine")
    return title + (" (SYNTHETIC data)" if synthetic else "")


def write_sweep(result, out_dir, synthetic=False, log_scale=False):
    """Write ``sweep.png``, ``sweep.svg``, ``sweep.csv`` and ``sweep.json`` into ``out_dir``.

    Parameters
    ----------
    result : course.train.sweep.SweepResult
    out_dir : str or os.PathLike
        Created if needed.
    synthetic : bool
    log_scale : bool
        A logarithmic cost axis in the figure.

    Returns
    -------
    written : list of pathlib.Path
    backups : list of pathlib.Path
        Where earlier files of the same names were moved.

    Raises
    ------
    OSError
        The folder cannot be written.
    """
    from course.plots import save_figure, sweep_figure

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = timestamp()
    backups = [backup_file(out_dir / name, out_dir, stamp, move=True)
               for name in FILE_NAMES if (out_dir / name).is_file()]
    fig = sweep_figure(result.figure_data(), title=figure_title(result, synthetic),
                       log_scale=log_scale)
    written = save_figure(fig, [out_dir / "sweep.png", out_dir / "sweep.svg"])
    csv_path = out_dir / "sweep.csv"
    csv_path.write_text(to_csv(result), encoding="utf-8")
    json_path = out_dir / "sweep.json"
    json_path.write_text(json.dumps(to_json(result, synthetic), indent=2, ensure_ascii=False)
                         + "\n", encoding="utf-8")
    return written + [csv_path, json_path], backups


def format_number(value, digits=4):
    """A table cell for people: ``-`` for a missing or non-finite value, else rounded."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    return str(round(float(value), digits))


def summary_lines(result):
    """One translated line per setting, then the best setting (or that none converged).

    Returns
    -------
    list of str
    """
    lines = []
    for row in result.table():
        lines.append(_("learning rate {rate}: final cost {cost}, train accuracy {train}, test "
                       "accuracy {test}, {seconds} s; {finding}").format(
            rate=isolate(f"{row['learning_rate']:g}"), cost=isolate(format_number(row["final_cost"])),
            train=isolate(format_number(row["train_accuracy"])),
            test=isolate(format_number(row["test_accuracy"])),
            seconds=isolate(format_number(row["seconds"], 2)), finding=row["finding"]))
    best = result.best()
    if best is None:
        lines.append(_("Every setting diverged: try smaller learning rates."))
    else:
        lines.append(_("Lowest final cost: learning rate {rate} ({cost}).").format(
            rate=isolate(f"{best.learning_rate:g}"), cost=isolate(format_number(best.final_cost))))
    return lines
