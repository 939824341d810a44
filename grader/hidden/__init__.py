"""Hidden checks: random non-square cases compared with the reference in the trusted process.

الفحوص المخفية: حالات عشوائية غير مربّعة تُقارَن بالحل المرجعي في العملية الموثوقة.

Never shipped to students (the release leaves ``grader/hidden/`` out).
"""
