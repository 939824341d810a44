"""Course 1, Week 4 reference solutions: deep L-layer networks.

Modules: ``dnn_helpers`` (provided activations), ``step_by_step`` (assignment 1) and
``cat_classifier`` (assignment 2). ``amiq stubs`` generates ``course/c1w4`` from these files.

Instructors: each exercise's code is marked as a solution region; ``amiq stubs`` replaces each
region with a "not attempted yet" line and keeps its ``# HINT:`` lines (see
``course/authoring/stubs.py``). This paragraph is left out of the students' stubs.
"""
