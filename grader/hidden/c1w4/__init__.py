"""Hidden checks of unit c1w4: ``check_<exercise>.py``, the live flows in ``_live.py`` and the
catalogued wrong variants in ``mutants.py``.
"""
