"""The standard library's TOML reader on every supported Python: ``tomllib``, ``tomli`` on 3.10.

قارئ TOML في كل إصدارات بايثون المدعومة (الحزمة ``tomli`` على 3.10، ولها الواجهة نفسها).

Import it as ``from course.toml_reader import tomllib``.
"""

try:
    import tomllib  # novermin (Python 3.11+; the fallback below covers 3.10)
except ModuleNotFoundError:  # Python 3.10: tomli, the same parser (a dependency there)
    import tomli as tomllib

__all__ = ["tomllib"]
