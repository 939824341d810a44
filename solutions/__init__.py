"""Reference solutions (instructors only; never shipped to students).

الحلول المرجعية (للمدرّسين فقط؛ لا تُوزَّع على الطلاب أبدًا).
"""
