"""What the grader needs of unit c1w3: check declarations, public cases, mistake messages."""

from . import cases, checks, mistakes  # noqa: F401
