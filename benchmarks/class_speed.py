"""Benchmark: grading a class of 100 submissions with all checks, in parallel and with one worker.

قياس زمن تصحيح صفٍّ من 100 تسليم بكل الفحوص، بالتوازي وبعامل واحد.

The class is a realistic mix for unit c1w4, built from the reference (no solution code is kept
here):

* 40 complete submissions (the reference);
* 35 partly wrong ones (the reference with one catalogued mistake pasted in, a different one
  each time, from ``grader.build.submissions.mutant_sources``);
* 20 unfinished ones (the stubs as handed out) and 3 empty folders;
* 1 endless loop (``L_layer_model``'s training loop never ends);
* 1 crash (``linear_forward`` kills its own process).

Both runs are whole ``amiq grade --class ... --hidden`` processes (interpreter start-up, the
workers' start-up, the outputs), one after the other in the same invocation so the speed-up is
measured side by side: ``--jobs N`` (default: every core) and ``--jobs 1``. The script checks the
gradebooks (complete submissions full marks, unfinished ones zero, the endless loop timed out in
its own row only) so that a fast failure is never reported as a fast run.

Usage::

    python benchmarks/class_speed.py [--jobs N] [--students 100] [--keep DIR]
"""

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.build import submissions  # noqa: E402
from grader.classroom.pool import default_jobs  # noqa: E402
from grader.sources import HiddenData  # noqa: E402

UNIT = "c1w4"
LOOP = "L_layer_model"
CRASH = "linear_forward"


def _with_body(sources, name, body):
    """``sources`` with function ``name``'s body replaced (its signature kept)."""
    import ast
    import textwrap

    module = next(f for f, text in sources.items() if f"def {name}(" in text)
    tree = ast.parse(sources[module])
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    lines = sources[module].splitlines(keepends=True)
    header = "".join(lines[node.lineno - 1: node.body[0].lineno - 1])
    if isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
        header = "".join(lines[node.lineno - 1: node.body[0].end_lineno])  # keep the docstring
    new = header + textwrap.indent(textwrap.dedent(body), "    ")
    return submissions.with_function(sources, name, new, UNIT)


def build_class(folder, students=100):
    """Write the class mix into ``folder``; returns ``{student: kind}``."""
    reference = submissions.reference_sources(UNIT)
    stubs = submissions.stub_sources(UNIT)
    mistakes = [m for ex in HiddenData(UNIT).unit.exercises
                for m in HiddenData(UNIT).mutants(ex.name)]
    kinds = {}
    plan = ([("complete", None)] * 40 + [("partly_wrong", i) for i in range(35)]
            + [("unfinished", None)] * 20 + [("empty", None)] * 3
            + [("endless_loop", None), ("crash", None)])
    plan = plan[:students]
    for index, (kind, extra) in enumerate(plan):
        student = f"student-{index + 1:03d}"
        target = Path(folder) / student
        kinds[student] = kind
        if kind == "complete":
            submissions.write(reference, target)
        elif kind == "partly_wrong":
            submissions.write(submissions.mutant_sources(mistakes[extra % len(mistakes)], UNIT),
                              target)
        elif kind == "unfinished":
            submissions.write(stubs, target)
        elif kind == "empty":
            target.mkdir(parents=True)
        elif kind == "endless_loop":
            submissions.write(_with_body(reference, LOOP, "while True:\n    pass\n"), target)
        elif kind == "crash":
            submissions.write(_with_body(reference, CRASH,
                                         "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"),
                              target)
    return kinds


def grade(folder, out, jobs):
    """One whole ``amiq grade --class`` process; returns ``(wall seconds, CPU seconds)``.

    The CPU time is that of the whole process tree (the command, its workers, their sandboxes),
    which the command waits for.
    """
    cmd = [sys.executable, "-m", "course.cli", "grade", "--class", str(folder), "--out", str(out),
           "--unit", UNIT, "--hidden", "--jobs", str(jobs), "--no-progress", "--lang", "en"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.setdefault("AMIQ_GRADER_KEY", "5a" * 32)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=str(ROOT), env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"amiq grade --class failed ({proc.returncode}):\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def check(out, kinds):
    """Check the gradebook against the mix; returns the endless loop's own seconds."""
    rows = {r["student"]: r for r in csv.DictReader(open(out / "grades.csv", encoding="utf-8"))}
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    seconds = {s["student"]: s["seconds"] for s in results["students"]}
    problems = []
    for student, kind in kinds.items():
        row = rows[student]
        if kind == "complete" and not (row["status"] == "graded" and row["total"] == row["max_score"]):
            problems.append(f"{student} (complete): {row['status']} {row['total']}")
        if kind == "unfinished" and not (row["status"] == "graded" and float(row["total"]) == 0):
            problems.append(f"{student} (unfinished): {row['status']} {row['total']}")
        if kind == "empty" and not (row["status"] == "failed" and row["error"]):
            problems.append(f"{student} (empty): {row['status']}")
        if kind in ("endless_loop", "crash") and (row["status"] == "graded" or not row["error"]):
            problems.append(f"{student} ({kind}): {row['status']} without an error")
    if problems:
        raise SystemExit("wrong gradebook:\n" + "\n".join(problems))
    loop = next(s for s, k in kinds.items() if k == "endless_loop")
    return seconds.get(loop), rows[loop]["status"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--keep", help="keep the class and the results in this folder")
    args = parser.parse_args(argv)

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="amiq-class-bench-"))
    try:
        classroom = base / "class"
        kinds = build_class(classroom, args.students)
        load_before = os.getloadavg()
        parallel, parallel_cpu = grade(classroom, base / f"jobs-{args.jobs}", args.jobs)
        loop_seconds, loop_status = check(base / f"jobs-{args.jobs}", kinds)
        serial, serial_cpu = grade(classroom, base / "jobs-1", 1)
        check(base / "jobs-1", kinds)
        load_after = os.getloadavg()
        cores = default_jobs()
        print(f"class of {len(kinds)} submissions, unit {UNIT}, public + hidden checks")
        print(f"  --jobs {args.jobs}: {parallel:6.1f} s wall, {parallel_cpu:6.1f} s CPU "
              f"({parallel / len(kinds):.2f} s per student)")
        print(f"  --jobs 1: {serial:6.1f} s wall, {serial_cpu:6.1f} s CPU "
              f"({serial / len(kinds):.2f} s per student)")
        print(f"  speed-up: {serial / parallel:.2f}x with {args.jobs} workers")
        print(f"  the endless loop ({LOOP}): {loop_seconds:.1f} s of its own, status {loop_status}")
        print(f"  CPU-bound floor on {cores} idle cores: {parallel_cpu / cores:.1f} s")
        print(f"  load average before/after: {load_before[0]:.2f} / {load_after[0]:.2f} "
              f"on {os.cpu_count()} cores (other work on the machine stretches wall time)")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
