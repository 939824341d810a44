"""Author-side tools of the checks: expected data, wrong submissions, an in-process runner.

أدوات المؤلِّف للفحوص: البيانات المتوقَّعة، وتسليمات خاطئة، ومشغِّل داخل العملية نفسها.

Nothing here ships to students: it needs the reference (``solutions/``) and the mutants.
"""
