"""docs/hooks/inline_code.py: short inline code with a space is kept on one line in Arabic pages."""

from types import SimpleNamespace

import pytest

from .conftest import load_hook

inline_code = load_hook("inline_code")


def config_for(lang):
    return {"plugins": {"i18n": SimpleNamespace(current_language=lang)}, "theme": {"language": "ar"}}


@pytest.mark.parametrize(
    "text, kept",
    [
        ("&quot;dA&quot; + str(l - 1)", True),  # the escaped form of "dA" + str(l - 1)
        ("L = len(layer_dims)", True),
        ("linear_activation_backward.relu_everywhere", False),  # no space: may break anywhere
        ("db = np.sum(dZ, axis=1, keepdims=True) / m", False),  # too long for a phone line
        ("x" * 31 + " ", True),
        ("x" * 32 + " ", False),
    ],
)
def test_which_fragments_are_kept_together(text, kept):
    assert inline_code.keep_together(text) is kept


def test_only_inline_code_outside_code_blocks_is_marked():
    page = (
        '<p>المفتاح <code>&quot;dA&quot; + str(l - 1)</code> و <code>grads</code>.</p>\n'
        '<div class="highlight"><pre><span></span><code>x = 1 + 2\n</code></pre></div>\n'
        '<pre class="amiq-report"><code style="direction: rtl">a b</code></pre>\n'
        '<td><code>(n_l, 1)</code></td>'
    )
    out = inline_code.mark_inline_code(page)
    assert '<code class="amiq-nowrap">&quot;dA&quot; + str(l - 1)</code>' in out
    assert "<code>grads</code>" in out  # no space: nothing to keep together
    assert "<pre><span></span><code>x = 1 + 2\n</code></pre>" in out
    assert '<code style="direction: rtl">a b</code>' in out
    assert '<td><code class="amiq-nowrap">(n_l, 1)</code></td>' in out
    assert out.count("amiq-nowrap") == 2


@pytest.mark.parametrize("lang, marked", [("ar", True), ("en", False)])
def test_the_hook_marks_arabic_pages_only(lang, marked):
    page = "<p><code>L = len(layer_dims)</code></p>"
    out = inline_code.on_page_content(page, page=None, config=config_for(lang), files=None)
    assert ("amiq-nowrap" in out) is marked


def test_the_class_is_styled_and_the_built_page_uses_it(site):
    from .conftest import CONTENT_DIR

    css = (CONTENT_DIR / "assets" / "stylesheets" / "amiq.css").read_text(encoding="utf-8")
    assert ".md-typeset code.amiq-nowrap {\n  white-space: nowrap;" in css
    ar = (site / "c1w4" / "exercises" / "L_model_backward" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "c1w4" / "exercises" / "L_model_backward" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<code class="amiq-nowrap">"dA" + str(l - 1)</code>' in ar
    assert '<code>"dA" + str(l - 1)</code>' in en and "amiq-nowrap" not in en
