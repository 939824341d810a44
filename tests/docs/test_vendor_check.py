"""docs/hooks/vendor_check.py: no build without the vendored MathJax and fonts, and a message saying why."""

import subprocess
import sys
import textwrap

import pytest
from mkdocs.exceptions import PluginError

from .conftest import HOOKS_DIR, load_hook

vendor_check = load_hook("vendor_check")
COMMAND = "bash docs/scripts/vendor.sh"


def _vendor(docs_dir, names):
    for name in names:
        path = docs_dir / "assets" / "vendor" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("stand-in", encoding="utf-8")


def test_the_required_files_are_what_the_site_loads():
    # MathJax and its font (mkdocs.yml, mathjax-config.js) and both Arabic weights (fonts.css).
    assert "mathjax/tex-chtml.js" in vendor_check.REQUIRED_FILES
    assert any(name.startswith("mathjax-fonts/") for name in vendor_check.REQUIRED_FILES)
    assert sum("noto-naskh-arabic" in name for name in vendor_check.REQUIRED_FILES) == 2


def test_missing_files_are_listed_in_order(tmp_path):
    assert vendor_check.missing_vendor_files(tmp_path) == list(vendor_check.REQUIRED_FILES)
    _vendor(tmp_path, vendor_check.REQUIRED_FILES[:1])
    assert vendor_check.missing_vendor_files(tmp_path) == list(vendor_check.REQUIRED_FILES[1:])
    _vendor(tmp_path, vendor_check.REQUIRED_FILES)
    assert vendor_check.missing_vendor_files(tmp_path) == []


def test_on_config_raises_a_bilingual_error_naming_the_command(tmp_path):
    config = {"docs_dir": str(tmp_path)}
    with pytest.raises(PluginError) as info:
        vendor_check.on_config(config)
    message = str(info.value)
    assert f"Run `{COMMAND}` first" in message
    assert f"شغّل الأمر `{COMMAND}` أولًا" in message
    assert "mathjax/tex-chtml.js" in message
    _vendor(tmp_path, vendor_check.REQUIRED_FILES)
    assert vendor_check.on_config(config) is config


def _mini_site(tmp_path):
    docs = tmp_path / "content"
    (docs / "index.md").parent.mkdir(parents=True)
    (docs / "index.md").write_text("# T\n\n$x$\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(f"""\
            site_name: t
            docs_dir: content
            hooks:
              - {HOOKS_DIR / "vendor_check.py"}
            """),
        encoding="utf-8",
    )
    return docs


def _build(tmp_path):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(tmp_path / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def test_a_real_build_without_vendored_assets_fails_and_says_what_to_run(tmp_path):
    docs = _mini_site(tmp_path)
    proc = _build(tmp_path)
    assert proc.returncode != 0
    assert COMMAND in proc.stderr
    assert not (tmp_path / "site" / "index.html").exists()  # nothing was published
    _vendor(docs, vendor_check.REQUIRED_FILES)
    proc = _build(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "index.html").is_file()
