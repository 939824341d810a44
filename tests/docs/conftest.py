"""Fixtures for the docs-site tests: paths, the hooks as modules, and one strict build per session."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = REPO_ROOT / "docs"
CONTENT_DIR = DOCS_DIR / "content"
MKDOCS_YML = DOCS_DIR / "mkdocs.yml"
HOOKS_DIR = DOCS_DIR / "hooks"
VENDOR_DIR = CONTENT_DIR / "assets" / "vendor"
VENDOR_HINT = (
    "the vendored browser assets are missing: run `bash docs/scripts/vendor.sh` first "
    "(npm ci from docs/package-lock.json, then a copy into docs/content/assets/vendor/)"
)


def load_hook(name):
    """Import ``docs/hooks/<name>.py`` the way MkDocs does (its folder on sys.path while loading)."""
    path = HOOKS_DIR / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"amiq_docs_hook_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HOOKS_DIR))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS_DIR))
    return module


# The files the vendor_check hook requires before any build (one list for the hook and the tests).
VENDOR_FILES = load_hook("vendor_check").REQUIRED_FILES
# The published address used by the second build (canonical links, sitemap).
ALT_SITE_URL = "https://example.org/amiq/"


def missing_vendor_files():
    return [name for name in VENDOR_FILES if not (VENDOR_DIR / name).is_file()]


class SiteBuild:
    """The result of ``mkdocs build --strict``: ``returncode``, ``output`` and the ``site`` folder."""

    def __init__(self, returncode, output, site):
        self.returncode = returncode
        self.output = output
        self.site = site


def build_site(site, **env_overrides):
    """``mkdocs build --strict`` of the real configuration into ``site``; returns a :class:`SiteBuild`.

    ``AMIQ_SITE_URL`` and ``AMIQ_DOCS_SAMPLES`` are removed from the environment unless given.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in ("AMIQ_SITE_URL", "AMIQ_DOCS_SAMPLES"):
        env.pop(name, None)
    env.update(env_overrides)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(MKDOCS_YML), "-d", str(site)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return SiteBuild(proc.returncode, proc.stdout + proc.stderr, site)


def require_success(build):
    """The built site folder; fails (with the build log) when the strict build failed."""
    if build.returncode != 0:
        problems = [line for line in build.output.splitlines() if "WARNING" in line or "ERROR" in line]
        pytest.fail(
            "mkdocs build --strict failed:\n" + "\n".join(problems or build.output.splitlines()[-30:])
        )
    return build.site


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """Build the whole site once, strictly, into a temporary folder (never into the repo).

    No site URL is configured and the sample images come from the real data when it is found.
    """
    return build_site(tmp_path_factory.mktemp("amiq-site"))


@pytest.fixture(scope="session")
def alt_site(tmp_path_factory):
    """A second build: published at :data:`ALT_SITE_URL`, sample images forced to the stand-in."""
    build = build_site(
        tmp_path_factory.mktemp("amiq-site-alt"),
        AMIQ_SITE_URL=ALT_SITE_URL,
        AMIQ_DOCS_SAMPLES="synthetic",
    )
    return require_success(build)


@pytest.fixture(scope="session")
def site(site_build):
    """The built site folder; fails (with the build log) when the strict build failed."""
    return require_success(site_build)


@pytest.fixture(scope="session")
def vendored():
    """The vendored MathJax and fonts must be there (tests never download them themselves)."""
    missing = missing_vendor_files()
    if missing:
        pytest.fail(f"{VENDOR_HINT}; missing: {', '.join(missing)}")
    return VENDOR_DIR
