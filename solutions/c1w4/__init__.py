"""Course 1, Week 4 reference solutions: deep L-layer networks.

Modules: ``dnn_helpers`` (provided activations), ``step_by_step`` (assignment 1) and
``cat_classifier`` (assignment 2). ``amiq stubs`` generates ``course/c1w4`` from these files.
"""
