"""A case is one call: positional and keyword arguments, replaced without touching the original."""

import dataclasses

import pytest

from grader.cases import Case


def test_with_kwargs_replaces_keyword_arguments_in_a_new_case():
    case = Case("values", (1, 2), {"num_iterations": 300, "print_cost": False})
    fewer = case.with_kwargs(num_iterations=21)
    assert fewer == Case("values", (1, 2), {"num_iterations": 21, "print_cost": False})
    assert case.kwargs == {"num_iterations": 300, "print_cost": False}
    assert fewer.args is case.args and fewer.name == case.name


def test_cases_are_frozen():
    case = Case("course", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.name = "other"
    assert Case("x", ()).kwargs == {} and Case("x", ()).kwargs is not Case("y", ()).kwargs
