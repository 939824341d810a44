"""Shared helpers of the quiz tests: a student's right answers, written as a student would."""

from course.quiz.questions import questions
from course.quiz.variants import variant
from grader.quiz import expected_answer, load_key


def right_answers(unit, student):
    """``{question id: raw value}`` that scores full marks for ``student`` (letters, numbers)."""
    key = load_key(unit)
    answers = {}
    for q in questions(unit):
        drawn = variant(unit, q, student)
        right = expected_answer(q, drawn, key[q.id])
        if q.kind == "single":
            answers[q.id] = drawn.letters[right]
        elif q.kind == "multiple":
            answers[q.id] = sorted(drawn.letters[o] for o in right)
        elif q.kind == "shape":
            answers[q.id] = list(right)
        else:
            answers[q.id] = right
    return answers


def toml_answers(answers):
    """An ``[answers]`` table body for the values of :func:`right_answers`."""
    from course.quiz.sheet import toml_value

    return "".join(f"{k} = {toml_value(v)}\n" for k, v in answers.items())


def key_problems(unit, students=200):
    """What is wrong with a unit's answer key, checked over many students' variants.

    Returns
    -------
    list of str
        Empty when every question has a key entry of its kind, choice keys name existing
        options (one for single choice; at most as many right as wrong for multiple choice),
        numbers are whole or have at most the decimals the question asks for, shapes are two
        positive whole numbers, and explanations render in both languages with the variant's
        values.
    """
    import math
    import string

    from course.i18n import in_language
    from grader.quiz import ChoiceKey, NumberKey, ShapeKey, explanation

    kinds = {"single": ChoiceKey, "multiple": ChoiceKey, "numeric": NumberKey, "shape": ShapeKey}
    key = load_key(unit)
    asked = questions(unit)
    problems = []
    if set(key) != {q.id for q in asked}:
        problems.append(f"key ids {sorted(key)} differ from the questions")
    for q in asked:
        entry = key.get(q.id)
        if not isinstance(entry, kinds[q.kind]):
            problems.append(f"{q.id}: a {q.kind} question needs a {kinds[q.kind].__name__}")
            continue
        fields = {f for _, f, _, _ in string.Formatter().parse(entry.explanation) if f}
        if q.is_choice:
            ids = {o.id for o in q.options}
            wrong = len(ids - entry.correct)
            if not entry.correct <= ids:
                problems.append(f"{q.id}: unknown options {sorted(entry.correct - ids)}")
            if q.kind == "single" and len(entry.correct) != 1:
                problems.append(f"{q.id}: single choice needs exactly one right option")
            if q.kind == "multiple" and not 1 <= len(entry.correct) <= wrong:
                problems.append(f"{q.id}: needs 1 to {wrong} right options (as many wrong ones)")
        elif q.kind == "numeric" and q.decimals is not None:
            half = 0.5 * 10 ** -q.decimals
            if not half - 1e-12 <= entry.tolerance <= 2 * half:
                problems.append(f"{q.id}: tolerance {entry.tolerance} is not half a unit of the "
                                f"{q.decimals}th decimal")
        for n in range(students):
            drawn = variant(unit, q, f"student{n}")
            if not fields <= set(drawn.params) | ({"answer"} if not q.is_choice else set()):
                problems.append(f"{q.id}: explanation fields {sorted(fields)}")
                break
            right = expected_answer(q, drawn, entry)
            if q.kind == "numeric" and q.integer and not isinstance(right, int):
                problems.append(f"{q.id}: {right!r} is not a whole number")
                break
            if q.kind == "numeric" and q.decimals is not None and not math.isclose(
                    right, round(right, q.decimals), abs_tol=1e-9):
                problems.append(f"{q.id}: {right!r} needs more than {q.decimals} decimals")
                break
            if q.kind == "shape" and not (len(right) == 2 and all(
                    isinstance(d, int) and d > 0 for d in right)):
                problems.append(f"{q.id}: {right!r} is not a matrix shape")
                break
        with in_language("en"):
            english = explanation(q, drawn, entry).render("en")
        arabic = explanation(q, drawn, entry).render("ar")
        if "{" in english or english == arabic:
            problems.append(f"{q.id}: explanation not rendered or not translated")
    return problems


def source_positions(unit):
    """For each choice question, where its right options are in the source's option order."""
    key = load_key(unit)
    return {q.id: tuple(k for k, o in enumerate(q.options) if o.id in key[q.id].correct)
            for q in questions(unit) if q.is_choice}
