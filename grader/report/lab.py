"""The learning-rate lab's result (:class:`grader.lab.LabResult`) as text or as JSON.

نتيجة مختبر معدّل التعلّم نصًّا للطرفية أو بصيغة JSON.

The JSON format is stable (``format_version`` changes when a field changes meaning)::

    {
      "format": "amiq-lab-result", "format_version": 1,
      "id": "c1w4.lab", "unit": "c1w4", "lang": "en", "direction": "ltr",
      "status": "failed", "score": 0.0, "max_score": 10.0,
      "choice": 0.001, "file": "course/c1w4/lab_choice.toml",
      "lab": {"model": "two-layer", "layers": [12288, 7, 1], "iterations": 1200,
              "rates": [0.001, 0.0075, 0.03, 0.1], "margin": 0.1},
      "message": {"msgid", "params", "text"}, "advice": {"msgid", "params", "text"} or null,
      "reference": [{"learning_rate": 0.03, "final_cost": 0.0224, "diverged": false,
                     "finding": "ok", "within_margin": true}, ...]
    }

``reference`` is empty when the reference sweep did not run (a missing or unusable file, or a
student bundle: status ``pending``); a final cost that is not a number is ``null``.
"""

import json
import math

from course.i18n import _, in_language, isolate, ngettext, text_direction

from ..lab import STATUS_LABELS
from .common import points

FORMAT = "amiq-lab-result"
FORMAT_VERSION = 1


def _message(message, lang):
    return None if message is None else message.to_json(lang)


def result_data(result, lang):
    """The result as plain data (``json.dumps``-able); see the module's documentation."""
    lab = result.lab
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": lab.id,
        "unit": lab.unit,
        "lang": lang,
        "direction": text_direction(lang),
        "status": result.status,
        "score": result.score,
        "max_score": result.max_score,
        "choice": result.choice,
        "file": None if result.path is None else str(result.path),
        "lab": {"model": lab.model, "layers": list(lab.layers), "iterations": lab.iterations,
                "rates": list(lab.rates), "margin": lab.margin},
        "message": _message(result.message, lang),
        "advice": _message(result.advice, lang),
        "reference": [
            {"learning_rate": s.learning_rate,
             "final_cost": s.final_cost if math.isfinite(s.final_cost) else None,
             "diverged": s.diverged, "finding": s.finding, "within_margin": s.within_margin}
            for s in result.settings
        ],
    }


def render_json(result, lang):
    return json.dumps(result_data(result, lang), ensure_ascii=False, indent=2) + "\n"


def summary_line(result, lang):
    """``c1w4.lab: failed, 0 of 10.``"""
    with in_language(lang):
        return _("{id}: {status}, {score} of {max_score}.").format(
            id=isolate(result.lab.id), status=_(STATUS_LABELS[result.status]),
            score=isolate(points(result.score)), max_score=isolate(points(result.max_score)))


def reference_lines(result, lang):
    """The reference sweep's final costs, one line per setting (empty when it did not run)."""
    if not result.settings:
        return []
    with in_language(lang):
        count = result.lab.iterations
        lines = [ngettext("The reference networks' final costs ({count} iteration):",
                          "The reference networks' final costs ({count} iterations):",
                          count).format(count=isolate(count))]
        for s in result.settings:
            if s.diverged:
                note = _("diverged")
            elif s.within_margin:
                note = _("within the margin")
            else:
                note = _("outside the margin")
            cost = f"{s.final_cost:.4f}" if math.isfinite(s.final_cost) else "nan"
            lines.append("   " + _("learning rate {rate}: {cost} ({note})").format(
                rate=isolate(f"{s.learning_rate:g}"), cost=isolate(cost), note=note))
    return lines


def render_text(result, lang):
    """The result as text in ``lang``: a heading, what happened, advice, the reference, score."""
    lab = result.lab
    with in_language(lang):
        lines = [_("Learning-rate lab of unit {unit}: choose the rate whose final cost is within "
                   "{margin} of the best").format(unit=isolate(lab.unit),
                                                  margin=isolate(f"{100 * lab.margin:g} %")), ""]
        lines.append(result.message.render(lang))
        if result.advice is not None:
            lines.append(result.advice.render(lang))
        reference = reference_lines(result, lang)
        if reference:
            lines += [""] + reference
        lines += ["", summary_line(result, lang)]
    return "\n".join(lines) + "\n"


def render(result, fmt="text", lang="ar"):
    """``render_text`` or ``render_json``."""
    if fmt == "json":
        return render_json(result, lang)
    if fmt == "text":
        return render_text(result, lang)
    raise ValueError(f"unknown lab report format {fmt!r}; expected text or json")
