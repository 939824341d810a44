#!/usr/bin/env bash
# Re-lock: write constraints.txt, the exact versions `pip install -e '.[dev]'` resolves today.
#
# On Python 3.10 only the package itself is resolved (`pip install -e .`, what students and
# autograder images install): the docs tools of the dev extra (mkdocs-material 9.8) need 3.11+.
#
# For every Python of AMIQ_LOCK_PYTHONS (default: 3.10 3.11 3.12 3.13) found on this machine (on
# PATH or in pyenv's versions; missing ones are skipped with a note, the default python3 is
# always used), pip resolves the project in a scratch venv without installing anything
# (`pip install --dry-run --report`); scripts/lib/lockfile.py merges the reports, with
# `python_version` markers where the versions differ (NumPy 2.3+ needs Python 3.11, say).
#
# Run it after changing the dependencies in pyproject.toml, or to move to newer releases; then
# run `bash scripts/test.sh` and commit constraints.txt with the change.
#
# Usage: bash scripts/lock.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/find_python.sh

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

declare -A seen=()
interpreters=()
for minor in ${AMIQ_LOCK_PYTHONS:-3.10 3.11 3.12 3.13}; do
    if interpreter="$(amiq_find_python "$minor")"; then
        interpreters+=("$interpreter")
    else
        echo "==> note: no Python $minor here; constraints.txt will not name its own versions for it"
    fi
done
interpreters+=("${PYTHON:-python3}")

reports=()
for interpreter in "${interpreters[@]}"; do
    minor="$("$interpreter" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    [ -n "${seen[$minor]:-}" ] && continue
    seen[$minor]=1
    echo "==> resolving with $("$interpreter" -V 2>&1) ($interpreter)"
    "$interpreter" -m venv "$scratch/venv-$minor"
    "$scratch/venv-$minor/bin/python" -m pip install --quiet --upgrade pip >"$scratch/pip-$minor.log" 2>&1 \
        || { cat "$scratch/pip-$minor.log" >&2; exit 1; }
    target=".[dev]"
    if [ "$minor" = 3.10 ]; then
        target="."
    fi
    if ! "$scratch/venv-$minor/bin/python" -m pip install --quiet --dry-run --ignore-installed \
        --report "$scratch/report-$minor.json" -e "$target" >>"$scratch/pip-$minor.log" 2>&1; then
        cat "$scratch/pip-$minor.log" >&2
        echo "error: pip could not resolve $target for Python $minor" >&2
        exit 1
    fi
    reports+=("$scratch/report-$minor.json")
done

"${PYTHON:-python3}" scripts/lib/lockfile.py merge constraints.txt "${reports[@]}"
echo "==> wrote constraints.txt ($(grep -cv '^#' constraints.txt) lines); test it with bash scripts/test.sh"
