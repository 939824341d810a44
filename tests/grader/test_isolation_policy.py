"""When the grader refuses to grade, and what reports say about the isolation they ran with."""

import pytest

from grader.runner.isolation import IsolationRefused, blocking_pieces, check_isolation
from grader.sandbox.zygote import IsolationInfo


def _ready(level, root=True, switched=True, seccomp="", visible=(), broken=()):
    return {"op": "ready", "isolation": level, "grader_is_root": root, "problems": [],
            "canary": {"broken": list(broken), "visible": list(visible), "switched": switched,
                       "seccomp": seccomp}}


@pytest.mark.parametrize(
    ("ready", "missing", "hidden_ok"),
    [
        (_ready("namespaces"), [], True),
        (_ready("user-namespaces", root=False, switched=False), [], True),
        (_ready("chroot"), ["namespaces"], True),
        (_ready("chroot", seccomp="EINVAL"), ["seccomp", "namespaces"], False),
        (_ready("namespaces", seccomp="EINVAL"), ["seccomp"], True),
        (_ready("process", root=False, switched=False), ["jail", "namespaces"], False),
        (_ready("process", switched=False), ["jail", "user", "namespaces"], False),
        (_ready("namespaces", visible=["/etc/passwd"]), ["jail"], False),
    ],
)
def test_missing_pieces_and_what_hidden_grading_needs(ready, missing, hidden_ok):
    info = IsolationInfo.from_ready(ready)
    assert info.missing == missing
    assert info.enough_for_hidden is hidden_ok
    assert (blocking_pieces(info, hidden=True) == []) is hidden_ok


def test_a_failed_self_test_refuses_every_grading():
    info = IsolationInfo.from_ready(_ready("namespaces", broken=["numpy.random: ImportError"]))
    for hidden in (False, True):
        for allow in (False, True):
            with pytest.raises(IsolationRefused) as refused:
                check_isolation(info, hidden, allow)
            english = refused.value.messages[0].render("en")
            assert "self-test failed" in english and "numpy.random" in english
            assert "الاختبار الذاتي" in refused.value.messages[0].render("ar")


def test_weak_isolation_is_refused_for_hidden_checks_unless_allowed():
    info = IsolationInfo.from_ready(_ready("process", root=False, switched=False))
    assert check_isolation(info, hidden=False, allow_weak=False) == []
    with pytest.raises(IsolationRefused) as refused:
        check_isolation(info, hidden=True, allow_weak=False)
    text = " ".join(m.render("en") for m in refused.value.messages)
    assert "isolation level process" in text and "a jail" in text
    assert "--allow-weak-isolation" in text
    arabic = " ".join(m.render("ar") for m in refused.value.messages)
    assert "سجن" in arabic and "--allow-weak-isolation" in arabic
    notes = check_isolation(info, hidden=True, allow_weak=True)
    assert len(notes) == 1 and "--allow-weak-isolation was given" in notes[0].render("en")


def test_root_without_an_unprivileged_user_is_refused_even_for_public_checks():
    info = IsolationInfo.from_ready(_ready("process", switched=False))
    with pytest.raises(IsolationRefused) as refused:
        check_isolation(info, hidden=False, allow_weak=False)
    assert "unprivileged user" in refused.value.messages[0].render("en")
    assert check_isolation(info, hidden=False, allow_weak=True)
