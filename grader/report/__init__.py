"""Report formats: the terminal view, our JSON, Gradescope's results.json and JUnit XML.

صيغ التقرير: عرض الطرفية، وJSON الخاص بنا، وملف Gradescope، وJUnit XML.
"""

FORMATS = ("text", "json", "gradescope", "junit")


def render(report, fmt="text", lang=None, color=False):
    """Render ``report`` as a string in format ``fmt`` and language ``lang``."""
    from course.i18n import resolve_language

    lang = resolve_language(lang)
    if fmt == "text":
        from .text import render_text

        return render_text(report, lang, color=color)
    if fmt == "json":
        from .json_report import render_json

        return render_json(report, lang)
    if fmt == "gradescope":
        from .gradescope import render_gradescope

        return render_gradescope(report, lang)
    if fmt == "junit":
        from .junit import render_junit

        return render_junit(report, lang)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
