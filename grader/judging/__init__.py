"""The generic check flows: how each kind of declared check is judged, for every unit.

مسارات الفحص العامة: كيف يُحكَم على كل نوع من الفحوص المُعلَنة، لكل الوحدات.

Everything here runs in the trusted grader process; only the student's function runs in the
sandbox (through ``ctx.submission``). A check fails by raising
:class:`~grader.feedback.Failure`; when the student's outputs on every case of a check match one
catalogued mistake's outputs, the failure names that mistake.
"""
