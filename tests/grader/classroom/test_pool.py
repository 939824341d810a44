"""The pool: parallel workers, the per-student wall-clock limit, a worker that dies mid-student."""

import os
import signal
import threading
import time

import pytest

from grader.classroom.pool import GradingPool, Job, PoolError, default_jobs
from grader_test_support import write_submission

OPTIONS = {"unit": "c1w4", "exercises": ["c1w4.linear_forward"], "hidden": False, "seed": None,
           "timeout": None, "allow_weak_isolation": False}


def _jobs(tmp_path, kinds):
    jobs = []
    for index, kind in enumerate(kinds):
        folder = tmp_path / f"s{index}"
        if kind == "loop":
            write_submission(folder, reference=True, step_extra="while True:\n    pass\n")
        else:
            write_submission(folder, reference=kind == "ref")
        jobs.append(Job(f"s{index}", str(folder), "en", f"s{index}"))
    return jobs


def test_default_jobs_is_the_usable_cores():
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)


def test_students_are_graded_in_parallel_and_a_hanging_one_is_stopped(tmp_path):
    jobs = _jobs(tmp_path, ["ref", "loop", "stub", "ref"])
    results = {}
    # The engine would give the loop 30 s per call: the pool's 8 s limit stops it first.
    pool = GradingPool(2, dict(OPTIONS, timeout=30), student_seconds=8)
    pool.run(jobs, lambda job, record: results.setdefault(job.key, record))
    assert set(results) == {"s0", "s1", "s2", "s3"}
    assert results["s0"]["score"] == results["s0"]["max_score"] > 0
    assert results["s2"]["score"] == 0 and results["s2"]["status"] == "graded"
    assert results["s1"]["status"] == "timed_out" and results["s1"]["report"] is None
    assert "longer than 8 s" in results["s1"]["error"]["en"]
    assert results["s3"]["score"] == results["s3"]["max_score"]  # graded after the kill
    assert not pool.workers


def test_a_worker_killed_mid_student_costs_that_row_only(tmp_path):
    jobs = _jobs(tmp_path, ["loop", "ref", "stub"])
    results = {}
    pool = GradingPool(1, OPTIONS, student_seconds=120)

    def kill_the_first_busy_worker():
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            busy = [w for w in list(pool.workers) if w.job is not None and w.job.key == "s0"]
            if busy:
                time.sleep(1.0)
                os.kill(busy[0].proc.pid, signal.SIGKILL)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_the_first_busy_worker)
    killer.start()
    pool.run(jobs, lambda job, record: results.setdefault(job.key, record))
    killer.join()
    assert results["s0"]["status"] == "failed"
    assert "stopped while grading" in results["s0"]["error"]["en"]
    assert results["s1"]["score"] == results["s1"]["max_score"] > 0
    assert results["s2"]["status"] == "graded"


def test_workers_that_cannot_start_are_reported(tmp_path):
    bad = dict(OPTIONS, unit="no-such-unit")
    pool = GradingPool(1, bad, student_seconds=30)
    with pytest.raises(PoolError):
        pool.run(_jobs(tmp_path, ["stub"]), lambda job, record: None)
