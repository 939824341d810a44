"""MkDocs hook: stop the build at once when the vendored browser assets are missing.

MathJax, its font and the Arabic web font are not in the repository: ``docs/scripts/vendor.sh``
copies them from the npm registry into ``docs/content/assets/vendor/`` (gitignored). Without them
a build still "succeeds", but every page then shows raw TeX and a fallback font. This hook turns
that silent failure into a build error that says what to run.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

VENDOR_SUBDIR = Path("assets") / "vendor"
# The files the pages load (relative to the vendor folder): MathJax's combined component, the
# CHTML metrics of its font, and both weights of the Arabic web font (stylesheets/fonts.css).
REQUIRED_FILES = (
    "mathjax/tex-chtml.js",
    "mathjax-fonts/mathjax-newcm-font/chtml.js",
    "fonts/noto-naskh-arabic/noto-naskh-arabic-arabic-400-normal.woff2",
    "fonts/noto-naskh-arabic/noto-naskh-arabic-arabic-700-normal.woff2",
)
VENDOR_COMMAND = "bash docs/scripts/vendor.sh"


def missing_vendor_files(docs_dir):
    """The required vendored files that are not in ``<docs_dir>/assets/vendor/``.

    Parameters
    ----------
    docs_dir : path-like
        The site's ``docs_dir`` (``docs/content``).

    Returns
    -------
    list of str
        Paths relative to the vendor folder, in :data:`REQUIRED_FILES` order (empty: all there).
    """
    vendor = Path(docs_dir) / VENDOR_SUBDIR
    return [name for name in REQUIRED_FILES if not (vendor / name).is_file()]


def missing_message(missing):
    """The bilingual build error naming the missing files and the command that restores them."""
    listed = ", ".join(missing)
    return (
        f"The vendored browser assets (MathJax, its font, the Arabic font) are missing: {listed}. "
        f"Run `{VENDOR_COMMAND}` first (npm ci from docs/package-lock.json, then a copy into "
        f"docs/content/assets/vendor/); without them every formula would be published as raw TeX.\n"
        f"ملفات المتصفح المضمَّنة (MathJax وخطّه والخط العربي) ناقصة: {listed}. "
        f"شغّل الأمر `{VENDOR_COMMAND}` أولًا؛ فمن دونها تُنشَر الصيغ الرياضية نصَّ TeX خامًا."
    )


def on_config(config, **kwargs):
    """Fail the build before any page is rendered when a vendored file is missing."""
    missing = missing_vendor_files(config["docs_dir"])
    if missing:
        raise PluginError(missing_message(missing))
    return config
