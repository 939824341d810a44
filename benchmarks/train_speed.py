"""Benchmark: whole training processes on the real cat data, side by side in one run.

قياس زمن عمليات التدريب كاملةً على بيانات القطط الحقيقية، جنبًا إلى جنب في تشغيل واحد.

Variants, each started as its own ``python`` process and timed from outside (interpreter
start-up, imports, reading the HDF5 files, training 2500 iterations in float64 and predicting
both sets are all included):

* ``reference``: the course-style loop of the reference solution
  (``solutions.c1w4.cat_classifier``);
* ``fast``: the fast exact engine (``course.train.fast``);
* ``torch``: the same network in PyTorch on the CPU (float64, autograd for the gradients, the
  same starting parameters, plain gradient descent), skipped with a note when PyTorch is not
  installed;
* ``amiq-fast``: for information, the whole ``amiq train --engine fast --quiet`` command,
  figures and summary included.

for the L-layer model [12288, 20, 7, 5, 1] and the two-layer model (12288, 7, 1), learning rate
0.0075. Repetitions are interleaved (one of each variant, then the next round), so a change of
load on the shared machine touches every variant alike; the table shows the median, min and max
wall time and the ratios of the medians. Every variant's recorded costs and predictions are
compared with the reference's before its time is quoted (``costs`` column: the largest relative
difference; ``preds``: the predictions on both sets are identical).

Target (issue 12): the fast engine's whole L-layer run within 1 s on a 2-core machine, and at
least 20 times faster than PyTorch CPU float64 with the same costs.

Set-up: PyTorch is the optional extra ``bench`` (``pip install -e '.[bench]'``). Pick a CPU
build: on the project's machines ``pip install torch==2.13.0`` installs one from a local wheel;
elsewhere a bare ``pip install torch`` may download a multi-GB CUDA build.

Usage::

    python benchmarks/train_speed.py [--runs 3] [--models L-layer two-layer]
        [--variants reference fast torch amiq-fast] [--data-dir DIR] [--iterations 2500]
        [--compare-openblas-env]

The BLAS kernel that ran (threadpoolctl's report of numpy's OpenBLAS) is printed per variant.
``OPENBLAS_CORETYPE`` / ``OPENBLAS_L2_SIZE`` are left as the environment sets them;
``--compare-openblas-env`` also runs every variant without them, as a second table.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"L-layer": [12288, 20, 7, 5, 1], "two-layer": [12288, 7, 1]}
LEARNING_RATE = 0.0075
VARIANTS = ("reference", "fast", "torch", "amiq-fast")
OPENBLAS_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
TARGET_SECONDS = 1.0
TARGET_RATIO = 20.0


# --- worker side: one training run, results as JSON on standard output ----------------------

def _load(data_dir):
    from course.data import load_data, preprocess

    train_x, train_y, test_x, test_y, _ = load_data(data_dir)
    return preprocess(train_x), train_y, preprocess(test_x), test_y


def _blas():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "threadpoolctl not installed"
    return "; ".join(f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} "
                     f"{i.get('num_threads')} threads" for i in threadpool_info()
                     if i.get("user_api") == "blas") or "no BLAS found"


def _train_reference(model, data, iterations):
    import contextlib
    import io

    from solutions.c1w4 import cat_classifier as reference

    train_x, train_y, test_x, test_y = data
    fit = reference.L_layer_model if model == "L-layer" else reference.two_layer_model
    with contextlib.redirect_stdout(io.StringIO()):
        parameters, costs = fit(train_x, train_y, LAYERS[model], learning_rate=LEARNING_RATE,
                                num_iterations=iterations)
        predictions = [reference.predict(x, y, parameters) for x, y in ((train_x, train_y),
                                                                        (test_x, test_y))]
    return [float(c) for c in costs], predictions


def _train_fast(model, data, iterations):
    from course.train import fast

    train_x, train_y, test_x, test_y = data
    result = fast.fit(train_x, train_y, LAYERS[model], LEARNING_RATE, iterations, model=model)
    return result.costs, [fast.predict(x, result.parameters) for x in (train_x, test_x)]


def _train_torch(model, data, iterations):
    import torch

    from course.train.fast import initial_parameters

    train_x, train_y, test_x, test_y = data
    X, Y = torch.from_numpy(train_x), torch.from_numpy(train_y)
    start = initial_parameters(model, LAYERS[model])  # the course's own starting point
    L = len(start) // 2
    W = [torch.tensor(start[f"W{l}"], requires_grad=True) for l in range(1, L + 1)]
    b = [torch.tensor(start[f"b{l}"], requires_grad=True) for l in range(1, L + 1)]
    m = X.shape[1]

    def forward(A):
        for l in range(L):
            Z = W[l] @ A + b[l]
            A = torch.relu(Z) if l < L - 1 else torch.sigmoid(Z)
        return A

    costs = []
    for i in range(iterations):
        AL = forward(X)
        cost = -(Y * torch.log(AL) + (1 - Y) * torch.log(1 - AL)).sum() / m
        if i % 100 == 0:
            costs.append(float(cost))
        cost.backward()
        with torch.no_grad():
            for p in W + b:
                p -= LEARNING_RATE * p.grad
                p.grad = None
    with torch.no_grad():
        predictions = [(forward(torch.from_numpy(x)) > 0.5).double().numpy()
                       for x in (train_x, test_x)]
    return costs, predictions


def _torch_info():
    import torch

    return f"torch {torch.__version__}, {torch.get_num_threads()} threads"


def worker(variant, model, data_dir, iterations, out_path):
    """Train once in this process and write costs, predictions and kernel facts as JSON."""
    import numpy as np

    data = _load(data_dir)
    started = time.perf_counter()
    trainer = {"reference": _train_reference, "fast": _train_fast, "torch": _train_torch}[variant]
    costs, predictions = trainer(model, data, iterations)
    seconds = time.perf_counter() - started
    kernel = _blas() + (f"; {_torch_info()}" if variant == "torch" else "")
    Path(out_path).write_text(json.dumps({
        "costs": costs,
        "predictions": [np.asarray(p).ravel().tolist() for p in predictions],
        "train_seconds": seconds,
        "kernel": kernel,
    }))


# --- parent side ------------------------------------------------------------------------------

def _command(variant, model, data_dir, iterations, out_path, scratch):
    if variant == "amiq-fast":
        return [sys.executable, "-m", "course.cli", "--lang", "en", "train", "--engine", "fast",
                "--model", model, "--data-dir", str(data_dir), "--iterations", str(iterations),
                "--quiet", "--out", str(scratch / "amiq-out")]
    return [sys.executable, str(Path(__file__).resolve()), "--worker", variant, "--model", model,
            "--data-dir", str(data_dir), "--iterations", str(iterations), "--result",
            str(out_path)]


def _run_once(variant, model, data_dir, iterations, env, scratch):
    out_path = scratch / f"{variant}-{model}.json"
    out_path.unlink(missing_ok=True)
    cmd = _command(variant, model, data_dir, iterations, out_path, scratch)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=str(ROOT), env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{variant} {model} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    if variant == "amiq-fast":
        summary = json.loads((scratch / "amiq-out" / "summary.json").read_text())
        return wall, {"costs": summary["costs"], "predictions": None,
                      "train_seconds": summary["seconds"], "kernel": "(as fast)"}
    return wall, json.loads(out_path.read_text())


def _torch_available(env):
    probe = subprocess.run([sys.executable, "-c", "import torch"], env=env, capture_output=True)
    return probe.returncode == 0


def _agreement(result, reference):
    """Largest relative difference of the recorded costs, and whether predictions match."""
    import numpy as np

    if reference is None:
        return None, None
    mine, theirs = np.asarray(result["costs"]), np.asarray(reference["costs"])
    if mine.shape != theirs.shape:
        return float("inf"), False
    rel = float(np.max(np.abs(mine - theirs) / np.abs(theirs)))
    same = (None if result["predictions"] is None
            else result["predictions"] == reference["predictions"])
    return rel, same


def benchmark(models, variants, runs, data_dir, iterations, env, label):
    """Run every (model, variant) ``runs`` times, interleaved; print one table; return rows."""
    scratch = Path(tempfile.mkdtemp(prefix="amiq-train-speed-"))
    walls = {(m, v): [] for m in models for v in variants}
    last = {}
    for round_ in range(runs):
        for model in models:
            for variant in variants:
                wall, result = _run_once(variant, model, data_dir, iterations, env, scratch)
                walls[(model, variant)].append(wall)
                last[(model, variant)] = result
                print(f"  round {round_ + 1}/{runs}: {model:9s} {variant:10s} {wall:8.2f} s",
                      file=sys.stderr, flush=True)
    print(f"\n## {label}\n")
    print(f"{'model':10s} {'variant':10s} {'median s':>9s} {'min s':>8s} {'max s':>8s} "
          f"{'train s':>8s} {'costs rel diff':>15s} {'preds':>6s}  kernel")
    medians = {}
    for model in models:
        reference = last.get((model, "reference"))
        for variant in variants:
            times = walls[(model, variant)]
            result = last[(model, variant)]
            medians[(model, variant)] = statistics.median(times)
            rel, same = _agreement(result, reference)
            rel_text = "-" if rel is None else f"{rel:.2e}"
            same_text = "-" if same is None else ("same" if same else "DIFFER")
            print(f"{model:10s} {variant:10s} {statistics.median(times):9.3f} {min(times):8.3f} "
                  f"{max(times):8.3f} {result['train_seconds']:8.3f} {rel_text:>15s} "
                  f"{same_text:>6s}  {result['kernel']}")
    print("\nRatios of median wall times (whole processes):")
    for model in models:
        fast = medians.get((model, "fast"))
        for other in ("reference", "torch"):
            if fast and (model, other) in medians:
                agree, _ = _agreement(last[(model, other)], last.get((model, "reference")))
                note = ("" if agree is None or agree <= 1e-9
                        else f"  (costs differ by {agree:.1e}: not the same computation)")
                print(f"  {model:9s} {other:9s} / fast = {medians[(model, other)] / fast:7.1f}x"
                      f"{note}")
        if fast is not None and model == "L-layer":
            verdict = "met" if fast <= TARGET_SECONDS else "NOT met"
            print(f"  target: fast L-layer whole run <= {TARGET_SECONDS:g} s: {fast:.3f} s "
                  f"({verdict})")
            if (model, "torch") in medians:
                ratio = medians[(model, "torch")] / fast
                verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
                print(f"  target: torch / fast >= {TARGET_RATIO:g}x: {ratio:.1f}x ({verdict})")
    return medians


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of every variant")
    parser.add_argument("--models", nargs="+", choices=tuple(LAYERS), default=list(LAYERS))
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder with the two .h5 files (default: AMIQ_DATA_DIR, else "
                             "../shared/datasets/catvnoncat, else datasets/catvnoncat)")
    parser.add_argument("--iterations", type=int, default=2500)
    parser.add_argument("--compare-openblas-env", action="store_true",
                        help=f"also run without {' / '.join(OPENBLAS_VARS)} when they are set")
    parser.add_argument("--worker", choices=("reference", "fast", "torch"), help=argparse.SUPPRESS)
    parser.add_argument("--model", choices=tuple(LAYERS), help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if args.worker:
        worker(args.worker, args.model, args.data_dir, args.iterations, args.result)
        return 0
    data_dir = args.data_dir or Path(os.environ.get("AMIQ_DATA_DIR") or "")
    if not str(data_dir) or not (data_dir / "train_catvnoncat.h5").is_file():
        shared = ROOT.parent / "shared" / "datasets" / "catvnoncat"
        data_dir = shared if (shared / "train_catvnoncat.h5").is_file() else ROOT / "datasets" / "catvnoncat"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    variants = list(args.variants)
    if "torch" in variants and not _torch_available(env):
        variants.remove("torch")
        print("NOTE: PyTorch is not installed, so the torch rows are skipped. Install the "
              "optional extra `bench` with a CPU build (here: pip install torch==2.13.0).")
    load = os.getloadavg()
    print(f"train_speed: {args.iterations} iterations, learning rate {LEARNING_RATE}, float64, "
          f"{args.runs} runs per variant, {os.cpu_count()} cores, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; python {sys.version.split()[0]}")
    print("environment: " + ", ".join(f"{v}={os.environ.get(v, '(unset)')}"
                                      for v in OPENBLAS_VARS))
    benchmark(args.models, variants, args.runs, data_dir, args.iterations, env,
              "environment as set")
    if args.compare_openblas_env:
        if any(v in os.environ for v in OPENBLAS_VARS):
            plain_env = {k: v for k, v in env.items() if k not in OPENBLAS_VARS}
            benchmark(args.models, variants, args.runs, data_dir, args.iterations, plain_env,
                      f"without {', '.join(OPENBLAS_VARS)}")
        else:
            print(f"\n(--compare-openblas-env: {' and '.join(OPENBLAS_VARS)} are not set; "
                  "nothing to compare)")
    load = os.getloadavg()
    print(f"\nload average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
