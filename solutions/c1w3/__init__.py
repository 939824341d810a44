"""Course 1, Week 3 reference solutions: planar data classification with one hidden layer.

Modules: ``planar_utils`` (provided: the flower data, the extra data sets, the decision-boundary
plot, ``sigmoid``, an overflow-safe accuracy and the logistic-regression baseline) and
``planar_classifier`` (the assignment's eight graded functions). ``amiq stubs --unit c1w3``
generates ``course/c1w3`` from these files.

Instructors: each exercise's code is marked as a solution region; ``amiq stubs`` replaces each
region with a "not attempted yet" line and keeps its ``# HINT:`` lines (see
``course/authoring/stubs.py``). This paragraph is left out of the students' stubs.
"""
