"""Benchmark: wall time of grading with full isolation, as a student or CI would run it.

قياس زمن التصحيح الكامل مع العزل.

Scenarios (each a fresh ``python -m grader`` process, so interpreter start-up is included):

* ``reference``: the reference module files as a submission, public + hidden checks
  (target: at most 2 s on a 2-core machine);
* ``stubs``: the unfilled stubs, public checks, as a student runs ``amiq grade``
  (target: at most 1 s);
* ``stubs+hidden``: the unfilled stubs with the hidden checks too (for information).

Prints the median, min and max wall time of ``--runs`` runs, the CPU time of the whole process
tree (grader, sandbox zygote and workers), and the load average, since other work on the machine
stretches wall time. Like an installed package, the project's bytecode is compiled first
(``--no-compile`` skips that).

Usage::

    python benchmarks/grade_speed.py [--runs 7] [--no-compile] [--unit UNIT ...]
"""

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course.authoring.stubs import render_unit  # noqa: E402
from course.units import all_units, get_unit  # noqa: E402

TARGETS = {"reference": 2.0, "stubs": 1.0}


def _submission(folder, files):
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _grade_once(unit, submission, hidden, output):
    cmd = [
        sys.executable,
        "-m",
        "grader",
        "--unit",
        unit,
        "--submission",
        str(submission),
        "--format",
        "json",
        "--output",
        str(output),
        "--lang",
        "en",
    ]
    if hidden:
        cmd.append("--hidden")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=str(ROOT), env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"grading failed ({proc.returncode}):\n{proc.stderr}")
    report = json.loads(Path(output).read_text(encoding="utf-8"))
    return wall, cpu, report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-compile", action="store_true")
    parser.add_argument("--unit", nargs="+", default=None,
                        help="units to grade (default: every unit)")
    args = parser.parse_args(argv)
    units = args.unit or list(all_units())
    if not args.no_compile:
        for package in ("course", "grader", "solutions"):
            compileall.compile_dir(str(ROOT / package), quiet=1)

    with tempfile.TemporaryDirectory(prefix="amiq-bench-") as tmp:
        tmp = Path(tmp)
        print(
            f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
            f"{os.cpu_count()} CPUs; {args.runs} runs each"
        )
        for unit in units:
            names = [f"{m}.py" for m in get_unit(unit).submission_modules]
            solutions = ROOT / "solutions" / unit
            reference = _submission(
                tmp / unit / "reference",
                {n: (solutions / n).read_text(encoding="utf-8") for n in names},
            )
            stubs_text = render_unit(ROOT / "solutions", unit)
            stubs = _submission(tmp / unit / "stubs", {n: stubs_text[n] for n in names})
            scenarios = [
                ("reference", reference, True),
                ("stubs", stubs, False),
                ("stubs+hidden", stubs, True),
            ]
            for name, folder, hidden in scenarios:
                _grade_once(unit, folder, hidden, tmp / "warm.json")  # warm the page cache
                walls, cpus = [], []
                for _ in range(args.runs):
                    wall, cpu, report = _grade_once(unit, folder, hidden, tmp / "out.json")
                    walls.append(wall)
                    cpus.append(cpu)
                checks = sum(len(ex["checks"]) for ex in report["exercises"])
                target = TARGETS.get(name)
                verdict = ""
                if target is not None:
                    verdict = f"  target <= {target:.1f} s: " + (
                        "met" if statistics.median(walls) <= target else "NOT met"
                    )
                print(
                    f"{unit} {name:13s} wall median {statistics.median(walls):.3f} s "
                    f"(min {min(walls):.3f}, max {max(walls):.3f}); "
                    f"CPU median {statistics.median(cpus):.3f} s; "
                    f"{checks} checks, score {report['score']:g}/{report['max_score']:g}, "
                    f"isolation {report['isolation']}{verdict}"
                )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
