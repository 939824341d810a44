"""Orchestration: discover the checks, run them with pytest in the trusted process, collect results.

التنسيق: اكتشاف الفحوص وتشغيلها بـ pytest في العملية الموثوقة وجمع النتائج.
"""
