"""The practice version of a unit's quiz, as Markdown for the docs site (instructors' tool).

نسخة التدرّب من الاختبار القصير للوحدة، بصيغة Markdown لموقع الدروس (أداة للمعلّم).

Every question in the *practice* variant (:func:`course.quiz.variants.practice_variant`: no
student id gives it, and every student's variant differs from it), its options, and the answer
with the key's explanation inside a collapsible ``??? note`` block. The page's generated block
is written by :mod:`course.authoring.docs_blocks` (``<!-- amiq:quiz <unit> -->``), which needs
the answer key, so it runs in the instructor's checkout only.
"""

from course.i18n import _, current_language, in_language
from course.quiz import render
from course.quiz.questions import questions
from course.quiz.variants import practice_variant

INDENT = "    "  # the body of a pymdownx "details" block


def _answer_lines(question, drawn, expected):
    if question.is_choice:
        chosen = (expected,) if question.kind == "single" else expected
        letters = drawn.letters
        return [f"- **{letters[o]})** {render.option_text(question, drawn, o, bidi=False)}"
                for o in sorted(chosen, key=letters.get)]
    return [f"`{render.answer_text(question, drawn, expected, bidi=False)}`"]


def question_markdown(unit_id, number, question, entry):
    """One question of the practice page (in the current language)."""
    from grader.quiz import expected_answer, explanation

    drawn = practice_variant(unit_id, question)
    expected = expected_answer(question, drawn, entry)
    why = render.strip_isolates(
        explanation(question, drawn, entry, expected).render(current_language()))
    heading = _("Question {number}").format(number=number)
    lines = [f"### {heading} · {render.kind_label(question)}", "",
             render.prompt_text(question, drawn, bidi=False), ""]
    if question.is_choice:
        lines += [f"- **{letter})** {text}"
                  for letter, text in render.lettered_options(question, drawn, bidi=False)]
        lines.append("")
    title = _("Answer")
    lines += [f'??? note "{title}"', ""]
    lines += [INDENT + line for line in _answer_lines(question, drawn, expected)]
    lines += ["", INDENT + why]
    return "\n".join(lines)


def practice_markdown(unit_id, lang):
    """The whole generated block of the unit's practice page in ``lang``.

    Raises
    ------
    grader.quiz.KeyMissing
        Without the answer key (a student bundle).
    """
    from grader.quiz import load_key

    key = load_key(unit_id)
    with in_language(lang):
        return "\n\n".join(question_markdown(unit_id, number, q, key[q.id])
                           for number, q in enumerate(questions(unit_id), start=1))
