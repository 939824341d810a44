"""Authoring tools for instructors: stub generation and other build steps."""
