"""Tests of the docs site (docs/): build, language parity, hooks, figures and a real browser.

(A package, so these test modules never clash by name with test modules elsewhere in tests/.)
"""
