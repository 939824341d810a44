"""Printed text compared by its numbers, within a relative tolerance."""

from course.authoring.numbers import parse_numbers, same_numbers


def test_numbers_are_taken_out_of_the_words():
    words, numbers = parse_numbers("Z = [[ 3.26295337 -1.23429987]]\nshape (1, 2) 1e-3 nan")
    assert words == ("Z", "=", "[[", "#", "#]]", "shape", "(#,", "#)", "#", "#")
    assert numbers[:2] == (3.26295337, -1.23429987) and numbers[2:5] == (1.0, 2.0, 1e-3)
    assert numbers[5] != numbers[5]  # nan
    assert parse_numbers(None) == ((), ())


def test_same_numbers_within_the_tolerance_only():
    assert same_numbers("cost = 0.2797765635793422", "cost = 0.27977656357934")
    assert same_numbers("cost = 0.2797765635793422", "cost = 0.2797765636")  # 1.5e-10
    assert not same_numbers("cost = 0.2797765635793422", "cost = 0.27977656")  # 1.3e-8
    assert same_numbers("cost = 0.2797765635793422", "cost = 0.27977656", rtol=1e-7)
    assert same_numbers("x = nan", "x = nan") and same_numbers("0.0", "1e-13")


def test_words_and_counts_must_match():
    assert not same_numbers("cost = 1.0", "loss = 1.0")
    assert not same_numbers("[1.0 2.0]", "[1.0 2.0 3.0]")
    assert not same_numbers("a 1", "a")
