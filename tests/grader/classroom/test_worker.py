"""The worker's shared zygote: one zygote for many students, fresh folders for each."""

import os

import pytest

from grader.classroom import worker
from grader.classroom.worker import SharedZygote, grade_one, grade_options
from grader_test_support import write_submission

OPTIONS = {"unit": "c1w4", "exercises": ["c1w4.linear_forward"], "hidden": True, "seed": None,
           "timeout": None, "allow_weak_isolation": False}


def _listing(base):
    return sorted(os.path.relpath(os.path.join(d, f), base)
                  for d, _dirs, files in os.walk(base) for f in files)


def test_one_zygote_serves_several_students_with_fresh_folders(tmp_path):
    started = []
    zygotes = SharedZygote(started.append)
    kwargs = grade_options(OPTIONS)
    try:
        reference = write_submission(tmp_path / "a", reference=True)
        stubs = write_submission(tmp_path / "b")
        first = grade_one({"folder": str(reference), "lang": "en"}, OPTIONS, kwargs, zygotes)
        if not zygotes.shared:
            pytest.skip("no jail here: every student gets a zygote of its own (nothing shared)")
        pid = zygotes.zygote.proc.pid
        base = zygotes.zygote.base_dir
        assert _listing(base) == []  # the first student's folders are gone
        second = grade_one({"folder": str(stubs), "lang": "en"}, OPTIONS, kwargs, zygotes)
        assert zygotes.zygote.proc.pid == pid and len(started) == 1  # the same zygote
        assert _listing(base) == []
        assert first["score"] == first["max_score"] > 0 and second["score"] == 0
    finally:
        zygotes.close()
    assert not os.path.exists(started[0])


def test_a_lease_removes_only_what_the_grading_created(tmp_path):
    class FakeZygote:
        base_dir = str(tmp_path)

    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "old.txt").write_text("x")
    lease = worker._Lease(FakeZygote())
    (tmp_path / "01-linear_forward" / "c1w4").mkdir(parents=True)
    (tmp_path / "01-linear_forward" / "c1w4" / "step_by_step.py").write_text("y")
    (tmp_path / "kept" / "new.txt").write_text("z")
    lease.close()  # grade() closes its zygote: ignored
    assert lease.release()
    assert _listing(tmp_path) == ["kept/old.txt"]


def test_the_weak_isolation_opt_in_reaches_grade():
    assert grade_options(OPTIONS)["allow_weak_isolation"] is False
    assert grade_options(dict(OPTIONS, allow_weak_isolation=True))["allow_weak_isolation"] is True


def test_a_refused_sandbox_stops_the_class_not_one_row(monkeypatch, tmp_path):
    """The same weak sandbox would refuse every student: the worker says so, the pool stops."""
    import subprocess

    from grader.classroom.pool import GradingPool, PoolError, _Worker
    from grader.feedback import Message
    from grader.runner import engine

    def refuse(*args, **kwargs):
        raise engine.IsolationError(Message("The sandbox is too weak here."))

    monkeypatch.setattr(engine, "grade", refuse)
    zygotes = SharedZygote(lambda base: None)
    try:
        with pytest.raises(worker.Fatal):
            grade_one({"folder": str(tmp_path), "lang": "en"}, OPTIONS, grade_options(OPTIONS),
                      zygotes)
    finally:
        zygotes.close()
    pool = GradingPool(1, OPTIONS, student_seconds=10)
    sleeper = _Worker(subprocess.Popen(["sleep", "30"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, start_new_session=True))
    pool.workers.append(sleeper)
    with pytest.raises(PoolError) as info:
        pool._handle(sleeper, {"op": "fatal", "error": {"en": "too weak", "ar": "ضعيف"}},
                     lambda job, record: None)
    assert "too weak" in str(info.value.messages[0].render("en"))
    assert sleeper.proc.poll() is not None and not pool.workers  # the worker was stopped


def test_a_bad_submission_becomes_a_failed_record(tmp_path):
    zygotes = SharedZygote(lambda base: None)
    try:
        record = grade_one({"folder": str(tmp_path / "nothing"), "lang": "en"}, OPTIONS,
                           grade_options(OPTIONS), zygotes)
    finally:
        zygotes.close()
    assert record["status"] == "failed" and "does not exist" in record["error"]["en"]
