"""Whether the sandbox is strong enough to grade, and how reports say what it was.

هل العزل كافٍ للتصحيح؟ وكيف تذكر التقارير مستوى العزل الذي جرى به.

The sandbox reports its level and the pieces it lacks
(:class:`grader.sandbox.zygote.IsolationInfo`). Grading is refused, before any student code
runs, when

* the self-test failed: an honest, correct submission would lose marks (a module the students
  need does not work for the sandboxed user, say), whatever the level;
* hidden checks were asked for and the isolation is weaker than they need (no jail, no
  unprivileged user for the student's code under root, or neither namespaces nor the
  system-call filter), unless the instructor opts in with ``--allow-weak-isolation``;
* the grader runs as root and the student's code could not get an unprivileged user, unless the
  instructor opts in the same way.

A report made with the opt-in says so.
"""

from ..feedback import Message, N_

# How each missing piece is named in messages.
MISSING = {
    "jail": N_(
        "a jail (a file-system root that holds only the submission; it needs root, or Linux "
        "user namespaces)"
    ),
    "user": N_("an unprivileged user for the student's code (root could not switch user)"),
    "seccomp": N_("a system-call filter (seccomp)"),
    "namespaces": N_("Linux namespaces (PID, network, IPC)"),
}


class IsolationRefused(Exception):
    """The sandbox is too weak (or broken) to grade as asked; ``messages`` say why and what to do.

    The engine re-raises it as a :class:`~grader.runner.engine.GradingError` subclass.
    """

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


def missing_text(missing):
    """The missing pieces as one message parameter (a list in the message's language)."""
    return _Listing(tuple(m for m in missing if m in MISSING))


class _Listing(Message):
    """Several missing pieces joined by semicolons, each translated."""

    __slots__ = ("keys",)

    def __init__(self, keys):
        super().__init__("{items}")
        self.keys = keys

    def render(self, lang=None):
        return "; ".join(Message(MISSING[key]).render(lang) for key in self.keys)

    def to_json(self, lang=None):
        return {"msgid": "{items}", "params": {"items": list(self.keys)}, "text": self.render(lang)}


def blocking_pieces(info, hidden):
    """The missing pieces that stop this grading (in :data:`MISSING` order)."""
    missing = set(info.missing)
    blocking = set()
    if "user" in missing:
        blocking.add("user")
    if hidden:
        blocking |= missing & {"jail"}
        if {"namespaces", "seccomp"} <= missing:
            blocking |= {"namespaces", "seccomp"}
    return [key for key in MISSING if key in blocking]


def check_isolation(info, hidden, allow_weak):
    """Refuse (raise :class:`IsolationRefused`) or return the notes the report carries.

    Parameters
    ----------
    info : grader.sandbox.zygote.IsolationInfo
    hidden : bool
        Hidden checks were asked for.
    allow_weak : bool
        The instructor's explicit opt-in to weaker isolation.

    Returns
    -------
    list of Message
        Lines for the report's problems (empty when nothing is missing that matters).
    """
    if info.broken:
        raise IsolationRefused(
            Message(
                N_(
                    "The sandbox's self-test failed, so even a correct submission would lose "
                    "marks here: {error}"
                ),
                error="; ".join(info.broken[:3])[:600],
            ),
            Message(
                N_(
                    "Grading is refused. Run the grader with AMIQ_GRADER_DEBUG=1 to see the "
                    "sandbox's own errors."
                )
            ),
        )
    blocking = blocking_pieces(info, hidden)
    if blocking and not allow_weak:
        raise IsolationRefused(
            Message(
                N_(
                    "The sandbox here is too weak for this grading (isolation level {level}); "
                    "it lacks: {missing}."
                ),
                level=info.level,
                missing=missing_text(blocking),
            ),
            Message(
                N_(
                    "Run the grader as root (in a container with Docker's default "
                    "capabilities, or with CAP_SYS_ADMIN), or as a user where Linux user "
                    "namespaces are enabled; or pass --allow-weak-isolation to grade anyway "
                    "(the report then says so)."
                )
            ),
        )
    notes = []
    if blocking:
        notes.append(
            Message(
                N_(
                    "Graded with weak isolation ({level}) because --allow-weak-isolation was "
                    "given: the sandbox lacked {missing}, so the student's code was less "
                    "confined than this grading needs."
                ),
                level=info.level,
                missing=missing_text(blocking),
            )
        )
    return notes
