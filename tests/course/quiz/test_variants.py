"""Per-student variants: stable draws, different students differ, never the practice variant."""

import hashlib
from collections import Counter

import pytest

from course.i18n import in_language
from course.quiz.questions import questions, quiz_units
from course.quiz.variants import (PRACTICE, STUDENT, StudentIdError, Variant, VariantRandom,
                                  fingerprint, layer_sizes, normalise_student_id,
                                  practice_variant, variant)

UNITS = quiz_units()
QUESTIONS = [(u, q) for u in UNITS for q in questions(u)]
PARAMETRISED = [(u, q) for u, q in QUESTIONS if q.draw is not None]
STUDENTS = [f"s{n:04d}" for n in range(300)]


def test_the_stream_is_sha256_in_counter_mode():
    # Anchored to SHA-256 itself, so no Python or NumPy upgrade can change a student's variant.
    rng = VariantRandom("amiq", "x", 3)
    seed = b"amiq\x00x\x003"
    words = [int.from_bytes(hashlib.sha256(seed + b"\x00" + str(k).encode()).digest()[:8], "big")
             for k in range(3)]
    assert [rng.integer(0, 2**64 - 1) for _ in range(3)] == words


def test_integers_cover_their_range_evenly():
    rng = VariantRandom("even")
    counts = Counter(rng.integer(3, 7) for _ in range(5000))
    assert set(counts) == {3, 4, 5, 6, 7}
    assert all(abs(c - 1000) < 150 for c in counts.values())  # about 6 standard deviations
    with pytest.raises(ValueError):
        rng.integer(2, 1)


def test_shuffled_and_sample_are_permutations():
    rng = VariantRandom("perm")
    items = list("abcdefgh")
    orders = {tuple(rng.shuffled(items)) for _ in range(50)}
    assert all(sorted(o) == items for o in orders) and len(orders) > 40
    picked = rng.sample(items, 3)
    assert len(set(picked)) == 3 and set(picked) <= set(items)


@pytest.mark.parametrize("given, canonical", [("Alice", "alice"), ("  s2024017 ", "s2024017"),
                                              ("ａｌｉｃｅ", "alice"), ("a.b@uni.edu", "a.b@uni.edu"),
                                              ("سارة_1", "سارة_1")])
def test_student_ids_are_normalised(given, canonical):
    assert normalise_student_id(given) == canonical


@pytest.mark.parametrize("bad", ["", "   ", "two words", 'quote"', "x" * 65, 17, None, "a\nb"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_unusable_student_ids_get_a_bilingual_message(bad, lang):
    with in_language(lang), pytest.raises(StudentIdError) as caught:
        normalise_student_id(bad)
    with in_language("en"):
        english = caught.value.render()
    with in_language("ar"):
        arabic = caught.value.render()
    assert "student id" in english and "طالب" in arabic and "طالب" not in english


def test_a_variant_depends_only_on_unit_question_and_student():
    unit, question = PARAMETRISED[0]
    assert variant(unit, question, "alice") == variant(unit, question, " ALICE ")
    assert variant(unit, question, "alice") != variant(unit, question, "bob")


@pytest.mark.parametrize("unit, question", PARAMETRISED, ids=lambda x: getattr(x, "id", x))
def test_students_get_different_numeric_variants(unit, question):
    params = [variant(unit, question, s).params for s in STUDENTS[:60]]
    distinct = {repr(sorted(p.items())) for p in params}
    assert len(distinct) >= 8  # sigmoid_derivative has 9 values of a; the others far more


def test_two_students_differ_on_most_numeric_questions():
    differing = sum(variant(u, q, "alice").params != variant(u, q, "bob").params
                    for u, q in PARAMETRISED)
    assert differing >= len(PARAMETRISED) - 2


@pytest.mark.parametrize("unit, question", QUESTIONS, ids=lambda x: getattr(x, "id", x))
def test_no_student_gets_the_practice_variant(unit, question):
    practice = practice_variant(unit, question)
    assert all(variant(unit, question, s) != practice for s in STUDENTS)
    # Without the redraw some of these students would have had it, for the small spaces.
    space = {repr((sorted(variant(unit, question, s).params.items()), variant(unit, question, s)
                   .order)) for s in STUDENTS[:100]}
    assert len(space) >= 2  # so a redraw always finds another variant


@pytest.mark.parametrize("unit, question", [(u, q) for u, q in QUESTIONS if q.is_choice],
                         ids=lambda x: getattr(x, "id", x))
def test_every_option_lands_on_every_letter(unit, question):
    letters = Counter((o, variant(unit, question, s).letters[o])
                      for s in STUDENTS for o in (question.options[0].id,))
    assert len(letters) == len(question.options)


def test_the_practice_variant_uses_its_own_role():
    # No student id, not even "practice", reaches it: the role is part of the hash.
    assert PRACTICE != STUDENT
    for unit, question in PARAMETRISED:
        assert variant(unit, question, "practice") != practice_variant(unit, question)


def test_layer_sizes_have_different_neighbours_and_a_single_output():
    rng = VariantRandom("sizes")
    for _ in range(500):
        sizes = layer_sizes(rng, hidden=3, n_x=(2, 5), n_h=(2, 4))
        assert len(sizes) == 5 and sizes[-1] == 1
        assert 2 <= sizes[0] <= 5 and all(2 <= n <= 4 for n in sizes[1:-1])
        assert all(a != b for a, b in zip(sizes, sizes[1:]))


@pytest.mark.parametrize("unit, question", PARAMETRISED, ids=lambda x: getattr(x, "id", x))
def test_all_variants_have_the_same_form(unit, question):
    # Equally hard: the same parameters, the same kind of values, m never a layer size, and no
    # square matrix (a transposed answer is never accidentally right).
    params = [variant(unit, question, s).params for s in STUDENTS]
    assert len({tuple(sorted(p)) for p in params}) == 1
    for p in params:
        if "dims" in p:
            dims = p["dims"]
            assert dims[-1] == 1 and all(a != b for a, b in zip(dims, dims[1:]))
            if question.id != "layer_count":
                assert len({len(v["dims"]) for v in params}) == 1
        if "m" in p:
            assert p["m"] >= 20 > max(p.get("dims", [p.get("n_x", 0), p.get("n_h", 0)]))
        if "n_x" in p:
            assert p["n_x"] != p["n_h"]


def test_the_fingerprint_tells_variants_apart():
    unit = UNITS[0]
    alice = [variant(unit, q, "alice") for q in questions(unit)]
    bob = [variant(unit, q, "bob") for q in questions(unit)]
    assert fingerprint(alice) == fingerprint(list(alice)) != fingerprint(bob)
    assert fingerprint([Variant("q", {"a": 1})]) != fingerprint([Variant("q", {"a": 2})])
