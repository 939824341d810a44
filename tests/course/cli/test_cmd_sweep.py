"""``amiq sweep`` on the synthetic stand-in and the real data, in both languages; bad input."""

import csv
import io
import json

import pytest

PNG = b"\x89PNG\r\n\x1a\n"


def _table(folder):
    return list(csv.reader(io.StringIO((folder / "sweep.csv").read_text(encoding="utf-8"))))


@pytest.mark.parametrize("lang, header", [("en", "learning rate"), ("ar", "معدّل التعلّم")])
def test_sweep_on_synthetic_data(amiq, synthetic_data_dir, tmp_path, lang, header):
    out = tmp_path / "sweep"
    result = amiq("--lang", lang, "sweep", "--synthetic", "--data-dir", synthetic_data_dir,
                  "--model", "two-layer", "--lr", "0.0075", "0.03", "5", "--iterations", 300,
                  "--jobs", 2, "--log-scale", "--out", out)
    assert result.code == 0, result.err
    assert ("SYNTHETIC DATA" if lang == "en" else "اصطناعية") in result.err
    for name in ("sweep.png", "sweep.svg", "sweep.csv", "sweep.json"):
        assert (out / name).is_file()
    assert (out / "sweep.png").read_bytes().startswith(PNG)
    rows = _table(out)
    assert rows[0][0] == header and [float(r[0]) for r in rows[1:]] == [0.0075, 0.03, 5.0]
    data = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert data["synthetic"] is True and data["engine"] == "fast" and data["jobs"] == 2
    assert [s["diverged"] for s in data["settings"]] == [False, False, True]
    assert data["settings"][2]["finding_kind"] == "non-finite"
    assert data["best_learning_rate"] == 0.03
    # The printed table: one line per rate, the diverged one said so, then the best.
    lines = result.out.splitlines()
    if lang == "en":
        assert sum(line.startswith("learning rate ") for line in lines) == 3
        assert any(line.startswith("learning rate 5:") and "diverged" in line for line in lines)
        assert "Lowest final cost: learning rate 0.03" in result.out
        assert "matplotlib" not in result.out
    else:
        assert "تباعُد" in result.out and "أدنى تكلفة نهائية" in result.out
        note = [line for line in lines if "matplotlib" in line]
        assert len(note) == 1 and "labels are in English" in note[0]


def test_sweep_on_real_data(amiq, real_data_dir, tmp_path):
    out = tmp_path / "sweep"
    result = amiq("--lang", "en", "sweep", "--data-dir", real_data_dir, "--lr", "0.0075",
                  "0.03", "--iterations", 200, "--quiet", "--out", out)
    assert result.code == 0, result.err
    data = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert data["layers"] == [12288, 20, 7, 5, 1] and data["synthetic"] is False
    first = data["settings"][0]
    assert first["first_cost"] == pytest.approx(0.7717493284237686, rel=1e-12)
    assert first["first_layer_method"] == "gram" and len(first["costs"]) == 2
    assert "209 training images" in result.out


def test_sweep_backs_up_earlier_files(amiq, synthetic_data_dir, tmp_path):
    args = ("--lang", "en", "sweep", "--synthetic", "--data-dir", synthetic_data_dir, "--lr",
            "0.01", "--iterations", 3, "--quiet", "--out", tmp_path)
    assert amiq(*args).code == 0
    again = amiq(*args)
    assert again.code == 0 and "Earlier sweep files were moved to" in again.out
    assert len(list((tmp_path / ".amiq-backups").rglob("sweep.json"))) == 1


@pytest.mark.parametrize("args, expected", [
    (["--lr"], "expected at least one value"),
    (["--lr", "0"], "expected a positive number"),
    (["--lr", "-0.1"], "expected a positive number"),
    (["--lr", "abc"], "expected a positive number"),
    (["--engine", "turbo"], "invalid choice"),
    (["--jobs", "0"], "expected a positive integer"),
])
def test_bad_arguments_are_bilingual_usage_errors(amiq, args, expected):
    result = amiq("--lang", "en", "sweep", *args)
    assert result.code == 2 and expected in result.err and "amiq sweep --help" in result.err
    assert "خطأ" in result.err  # the Arabic half


@pytest.mark.parametrize("args, expected, arabic", [
    (["--lr", "0.1", "0.01", "0.1"], "given twice", "مرتين"),
    (["--model", "two-layer", "--layers", "12288,5,3,1"], "exactly three sizes", "ثلاثة"),
])
def test_bad_settings_fail_before_the_data_is_loaded(amiq, tmp_path, args, expected, arabic):
    result = amiq("--lang", "en", "sweep", "--data-dir", tmp_path / "none", "--out",
                  tmp_path / "out", *args)
    assert result.code == 2 and expected in result.err and arabic in result.err
    assert "Data files missing" not in result.err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("out", ["/etc/passwd", "/etc/passwd/sub"])
def test_unusable_out_folder_fails_before_training(amiq, synthetic_data_dir, out):
    result = amiq("--lang", "ar", "sweep", "--synthetic", "--data-dir", synthetic_data_dir,
                  "--iterations", 1, "--out", out)
    assert result.code == 2 and "/etc/passwd" in result.err and "--out" in result.err
    assert "is not a folder" in result.err and "Sweep of" not in result.out


def test_student_stubs_exit_2_with_advice(amiq, synthetic_data_dir, tmp_path):
    result = amiq("--lang", "en", "sweep", "--engine", "student", "--synthetic", "--data-dir",
                  synthetic_data_dir, "--lr", "0.01", "0.02", "--iterations", 2, "--out",
                  tmp_path)
    assert result.code == 2 and "Not attempted yet: L_layer_model" in result.err
    assert "Traceback" not in result.err and not (tmp_path / "sweep.csv").exists()


def test_ctrl_c_stops_the_workers_at_once(synthetic_data_dir, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    # A run long enough to interrupt: the course's own loop, many iterations.
    proc = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "--lang", "en", "sweep", "--engine", "reference",
         "--synthetic", "--data-dir", str(synthetic_data_dir), "--iterations", "1000000",
         "--jobs", "2", "--quiet", "--out", str(tmp_path)],
        cwd=root, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        workers = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                     text=True).stdout.split()
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(1.0)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130 and "Interrupted." in err and "Traceback" not in err
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]


def test_missing_data_is_bad_input(amiq, tmp_path):
    result = amiq("--lang", "en", "sweep", "--engine", "reference", "--data-dir",
                  tmp_path / "missing", "--out", tmp_path / "out")
    assert result.code == 2 and "Data files missing from" in result.err
    assert "ملفا البيانات" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "out").exists()
