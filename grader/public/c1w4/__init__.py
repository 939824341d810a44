"""Public checks of unit c1w4: ``check_<exercise>.py``, shared logic in ``_support.py``, and the
expected outputs in ``expected/<exercise>.json`` (``python -m grader.build.expected``).
"""
