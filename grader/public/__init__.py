"""Public checks: fixed, seeded cases whose expected outputs ship to students as data.

الفحوص العلنية: حالات ثابتة ببذور معروفة، ومخرجاتها المتوقَّعة تُشحَن للطلاب بيانات.
"""
