"""Each student's variant of a quiz question, from an unkeyed hash of who and what is asked.

نسخة كل طالب من سؤال الاختبار، مشتقّة من بصمة (hash) غير مفتاحية لهوية الطالب والسؤال.

A variant is the question's parameters (layer sizes, ``m``, a value of ``a``...) and the order in
which its options are shown (so the letters differ between students). It is a pure function of
``(unit, question id, student id)``:

* the template is written on the student's machine and graded on the instructor's, maybe with
  other Python and NumPy versions, so the draws use :class:`VariantRandom` (SHA-256 in counter
  mode) rather than :mod:`random` or NumPy, whose streams are not promised across versions;
* no key is needed: knowing another student's variant gives nothing away, since the answers follow
  from the lessons, not from a secret;
* grading recomputes the variant from the student id and never reads variant data from the file.

The docs site's practice page uses the *practice* variant (another role in the hash, so no
student id can produce it), and a student's variant is redrawn until it differs from the practice
one (:func:`variant`): a question's numbers on the practice page are never exactly a student's.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from course.i18n import LocalizedError, _, isolate

SCHEME = "amiq-quiz-v1"  # part of every hash: changing the draws means a new scheme name
STUDENT, PRACTICE = "student", "practice"
# Redraws until a variant differs from the practice one; a question needs at least two variants
# (tests check every question has many), so this bound is never reached in practice.
MAX_REDRAWS = 64
MAX_STUDENT_ID = 64
_STUDENT_ID = re.compile(r"[\w.@+-]+")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


class StudentIdError(LocalizedError, ValueError):
    """A student id that cannot be used (bilingual message)."""


def normalise_student_id(text):
    """The canonical form of a student id: NFKC, stripped, case-folded.

    Case is folded so that ``Alice`` on a class list and ``alice`` typed by the student give the
    same variant.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Raises
    ------
    StudentIdError
        Empty, too long, or holding characters other than letters, digits and ``. _ @ + -``.
    """
    if not isinstance(text, str):
        raise StudentIdError(lambda: _("The student id must be text, such as {example}.").format(
            example=isolate('"s2024017"')))
    value = unicodedata.normalize("NFKC", text).strip().casefold()
    if not value or len(value) > MAX_STUDENT_ID or not _STUDENT_ID.fullmatch(value):
        raise StudentIdError(
            lambda: _("{value} is not a usable student id: expected 1 to {limit} letters, digits "
                      "or the characters {characters}, such as {example}.").format(
                value=isolate(repr(text)), limit=isolate(MAX_STUDENT_ID),
                characters=isolate(". _ @ + -"), example=isolate("s2024017")))
    return value


class VariantRandom:
    """A deterministic stream of random integers: SHA-256 of the seed parts and a counter.

    Parameters
    ----------
    *parts
        Anything with a stable ``str``: they are joined with NUL characters into the seed.
    """

    def __init__(self, *parts):
        self._seed = "\0".join(str(p) for p in parts).encode("utf-8")
        self._counter = 0

    def _word(self):
        digest = hashlib.sha256(self._seed + b"\0" + str(self._counter).encode()).digest()
        self._counter += 1
        return int.from_bytes(digest[:8], "big")

    def integer(self, low, high):
        """A uniform integer in ``[low, high]`` (both included), without modulo bias."""
        if high < low:
            raise ValueError(f"empty range [{low}, {high}]")
        span = high - low + 1
        limit = (1 << 64) - (1 << 64) % span
        while True:
            word = self._word()
            if word < limit:
                return low + word % span

    def choice(self, items):
        """One element of the sequence ``items``."""
        return items[self.integer(0, len(items) - 1)]

    def shuffled(self, items):
        """A new list with the elements of ``items`` in random order (Fisher–Yates)."""
        out = list(items)
        for i in range(len(out) - 1, 0, -1):
            j = self.integer(0, i)
            out[i], out[j] = out[j], out[i]
        return out

    def sample(self, items, k):
        """``k`` distinct elements of ``items``, in random order."""
        return self.shuffled(items)[:k]


def layer_sizes(rng, hidden, n_x=(2, 12), n_h=(2, 12), n_y=1):
    """Layer sizes ``[n[0], n[1], ..., n[L]]`` with neighbouring sizes different.

    Neighbours differ so that no ``W[l]`` is square: a transposed shape is then never accidentally
    right. Every variant has the same number of layers and sizes from the same ranges, so all
    variants are equally hard.

    Parameters
    ----------
    rng : VariantRandom
    hidden : int
        Number of hidden layers (``L - 1``).
    n_x, n_h : (int, int)
        Ranges (both ends included) of the input size and of each hidden layer's size.
    n_y : int
        The output layer's size (1 for the course's binary classifiers).

    Returns
    -------
    list of int
        ``hidden + 2`` sizes.
    """
    sizes = [rng.integer(*n_x)]
    for _layer in range(hidden):
        size = rng.integer(*n_h)
        while size == sizes[-1]:
            size = rng.integer(*n_h)
        sizes.append(size)
    sizes.append(n_y)
    return sizes


@dataclass(frozen=True)
class Variant:
    """One student's (or the practice page's) version of a question.

    Attributes
    ----------
    question : str
        The question id.
    params : dict
        The values of the prompt's ``{placeholders}`` (JSON-able: ints, floats, lists of ints).
    order : tuple of str
        Option ids in the order shown; option ``order[k]`` gets letter ``LETTERS[k]``.
    """

    question: str
    params: dict = field(default_factory=dict)
    order: tuple = ()

    @property
    def letters(self):
        """``{option id: letter}``."""
        return {option: LETTERS[k] for k, option in enumerate(self.order)}

    def option_at(self, letter):
        """The option id shown with ``letter`` (``None`` when no option has it)."""
        k = LETTERS.find(letter)
        return self.order[k] if 0 <= k < len(self.order) else None


def _draw(unit_id, question, role, student, attempt):
    rng = VariantRandom(SCHEME, unit_id, question.id, role, student, attempt)
    params = dict(question.draw(rng)) if question.draw is not None else {}
    order = tuple(rng.shuffled([o.id for o in question.options]))
    return Variant(question.id, params, order)


@lru_cache(maxsize=None)
def practice_variant(unit_id, question):
    """The variant shown on the docs site's practice page (the same for everyone)."""
    return _draw(unit_id, question, PRACTICE, "", 0)


def variant(unit_id, question, student_id):
    """A student's variant of ``question``.

    Parameters
    ----------
    unit_id : str
    question : course.quiz.questions.Question
    student_id : str
        Normalised with :func:`normalise_student_id`.

    Returns
    -------
    Variant
        Redrawn (deterministically) while it equals the practice variant.
    """
    student = normalise_student_id(student_id)
    practice = practice_variant(unit_id, question)
    for attempt in range(MAX_REDRAWS):
        drawn = _draw(unit_id, question, STUDENT, student, attempt)
        if drawn != practice:
            return drawn
    return drawn


def fingerprint(variants):
    """A short digest of a list of variants (written in the answers file, checked at grading).

    A mismatch means the file was made for another student id or another version of the quiz;
    grading still uses the recomputed variants and only warns.
    """
    digest = hashlib.sha256()
    for v in variants:
        digest.update(repr((v.question, sorted(v.params.items()), v.order)).encode("utf-8"))
    return digest.hexdigest()[:12]
