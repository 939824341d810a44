"""Amiq (عميق): the student's course package.

حزمة المقرر للطالب: هياكل التمارين والدوال المساعدة وتحميل البيانات.

``course/<unit>/`` holds the exercise stubs students fill in (generated from ``solutions/``);
the rest of the package is provided tooling (data loading, the ``amiq`` command, messages).
This file imports nothing from the units, so tools can import ``course`` without running
student code.
"""

__version__ = "0.1.0"
