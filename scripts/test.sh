#!/usr/bin/env bash
# The test job, from a fresh clone: set up .venv, install what the browser tests need, vendor the
# docs site's assets, then run every test (slow ones included) and exit with pytest's status.
#
# Python packages come from constraints.txt (exact versions, see scripts/lib/venv.sh);
# AMIQ_DEPS=newest runs the same tests with the newest releases pyproject.toml allows, in
# .venv-newest, to catch drift before a fresh install does.
#
# Usage: bash scripts/test.sh [extra pytest arguments]
#        AMIQ_DEPS=newest bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/venv.sh

# Debian packages for the real-browser docs tests: Chromium and Arabic/Latin fonts.
debian_packages=(chromium fonts-noto-core fonts-hosny-amiri)
if ! dpkg -s "${debian_packages[@]}" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "==> installing ${debian_packages[*]} with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${debian_packages[@]}" >/dev/null
    else
        echo "==> note: ${debian_packages[*]} not all installed and not root; browser tests may skip"
    fi
fi

# The docs site's browser assets come from the npm registry (pinned by docs/package-lock.json).
if [ -f docs/package.json ]; then
    if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "==> installing npm with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
    fi
    if [ -f docs/scripts/vendor.sh ]; then
        echo "==> vendoring the docs site's assets (docs/scripts/vendor.sh)"
        bash docs/scripts/vendor.sh
    else
        echo "==> npm ci in docs/"
        (cd docs && npm ci --no-audit --no-fund --loglevel=error)
    fi
fi

# The Gradescope autograder test also runs under Python 3.10 (Gradescope's image) when this machine
# has a Python 3.10 (on the PATH or in pyenv's versions; CI installs one): a venv with the
# autograder's pinned requirements.
source scripts/lib/find_python.sh
if [ -z "${AMIQ_TEST_PYTHON310:-}" ] && python310="$(amiq_find_python 3.10)"; then
    echo "==> Python 3.10 with the Gradescope autograder's requirements (.venv-py310)"
    [ -x .venv-py310/bin/python ] || "$python310" -m venv .venv-py310
    python -c 'from grader.classroom.gradescope import pinned_requirements as p; print(p("3.10"), end="")' \
        > .venv-py310/requirements.txt
    .venv-py310/bin/python -m pip install --quiet -r .venv-py310/requirements.txt
    export AMIQ_TEST_PYTHON310="$PWD/.venv-py310/bin/python"
else
    echo "==> note: no Python 3.10 here; the Gradescope end-to-end test runs on $(python -V 2>&1) only"
fi

echo "==> python -m pytest --run-slow $*"
set +e
python -m pytest --run-slow "$@"
status=$?
set -e
exit "$status"
