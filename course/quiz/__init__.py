"""The end-of-week quiz: questions, per-student variants and the students' answers file.

الاختبار القصير في نهاية الأسبوع: الأسئلة، ونسخة لكل طالب، وملف إجابات الطالب.

Everything here is public (it ships in the student bundle) and reveals no answer:

* :mod:`course.quiz.questions`: the question model; a unit's questions live in
  ``course/<unit>/quiz.py`` (``QUESTIONS``);
* :mod:`course.quiz.variants`: each student's variant of a question (layer sizes, option order),
  derived from an unkeyed hash of (unit, question id, student id), so a template made on the
  student's machine and the grading on the instructor's agree without any secret;
* :mod:`course.quiz.render`: a question's prompt, options and answer format as text;
* :mod:`course.quiz.answers`: reading one answer value (a letter, letters, a number, a shape);
* :mod:`course.quiz.sheet`: the answers file students fill in (``quiz_answers.toml``).

The answer key (correct options, functions computing the numeric answers, explanations) is
``solutions/<unit>/grading/quiz_key.py``, with its Arabic in ``solutions/locale/``; it never ships
to students. Grading is :mod:`grader.quiz`.
"""
