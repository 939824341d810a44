"""Compare printed text by its numbers: tokens equal, numbers within a relative tolerance.

مقارنة النصوص المطبوعة بأعدادها: الكلمات متطابقة، والأعداد ضمن تفاوت نسبي.

Printed floats depend on the NumPy and BLAS versions in their last digits (``…085775`` on one
machine, ``…085765`` on another), so expected outputs are never compared character by character.
"""

import math
import re

_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|nan|inf")


def parse_numbers(text):
    """``(words, numbers)``: the text with every number replaced by ``#``, and the numbers."""
    numbers = [float(m) for m in _NUMBER.findall(text or "")]
    words = _NUMBER.sub("#", text or "").split()
    return (tuple(words), tuple(numbers))


def same_numbers(a, b, rtol=1e-9, atol=1e-12):
    """True when two texts differ only in numbers within ``rtol`` (and ``atol`` near zero)."""
    (wa, na), (wb, nb) = parse_numbers(a), parse_numbers(b)
    return wa == wb and len(na) == len(nb) and all(
        (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=rtol, abs_tol=atol)
        for x, y in zip(na, nb))
