# Sourced by scripts/main.sh and scripts/test.sh: make a venv and install the project into it.
#
# Which versions (AMIQ_DEPS):
#   locked (default)  the exact versions of constraints.txt (`pip install -c constraints.txt`),
#                     so every machine installs what CI tested; venv .venv. Made by scripts/lock.sh.
#   newest            the newest releases pyproject.toml allows (`pip install --upgrade`,
#                     re-resolved on every run), to see drift before a fresh install meets it;
#                     venv .venv-newest. Lists the packages that differ from constraints.txt.
# AMIQ_VENV names another venv folder; PYTHON chooses the interpreter (Python >= 3.10);
# AMIQ_EXTRAS the extras to install (default "dev"; empty: the package alone, as students and
# graders install it: the docs tools of "dev" need Python 3.11+).
#
# Idempotent and quick on a second locked run: the install is redone only when pyproject.toml,
# constraints.txt or the interpreter changed (a SHA-256 of them is kept in <venv>/.amiq-installed).
# Needs access to PyPI.

amiq_python="${PYTHON:-python3}"
amiq_deps="${AMIQ_DEPS:-locked}"
amiq_target="."
if [ -n "${AMIQ_EXTRAS-dev}" ]; then
    amiq_target=".[${AMIQ_EXTRAS-dev}]"
fi
case "$amiq_deps" in
    locked) amiq_venv="${AMIQ_VENV:-.venv}" ;;
    newest) amiq_venv="${AMIQ_VENV:-.venv-newest}" ;;
    *)
        echo "error: AMIQ_DEPS must be 'locked' (constraints.txt, the default) or 'newest' (the newest" \
             "releases pyproject.toml allows), not '$amiq_deps'." >&2
        exit 1 ;;
esac
if ! command -v "$amiq_python" >/dev/null 2>&1; then
    echo "error: $amiq_python not found; install Python 3.10 or newer (or set PYTHON)." >&2
    exit 1
fi
if ! "$amiq_python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "error: Amiq needs Python 3.10 or newer; $amiq_python is $("$amiq_python" -V 2>&1)." >&2
    exit 1
fi
if [ "$amiq_deps" = locked ] && [ ! -f constraints.txt ]; then
    echo "error: constraints.txt is missing; restore it (git checkout constraints.txt), make it with" \
         "bash scripts/lock.sh, or run with AMIQ_DEPS=newest." >&2
    exit 1
fi

if [ ! -x "$amiq_venv/bin/python" ]; then
    echo "==> creating $amiq_venv with $("$amiq_python" -V 2>&1)"
    "$amiq_python" -m venv "$amiq_venv"
fi

if [ "$amiq_deps" = locked ]; then
    amiq_stamp="$( (cat pyproject.toml constraints.txt; echo "$amiq_target") | "$amiq_venv/bin/python" -c '
import hashlib, sys
print(hashlib.sha256(sys.stdin.buffer.read() + sys.version.encode()).hexdigest())')"
    if [ ! -f "$amiq_venv/.amiq-installed" ] || [ "$(cat "$amiq_venv/.amiq-installed")" != "$amiq_stamp" ]; then
        echo "==> installing $amiq_target into $amiq_venv, versions from constraints.txt"
        "$amiq_venv/bin/python" -m pip install --quiet --upgrade pip
        if ! "$amiq_venv/bin/python" -m pip install --quiet -c constraints.txt -e "$amiq_target"; then
            echo "error: pip could not install the versions locked in constraints.txt with" \
                 "$("$amiq_venv/bin/python" -V 2>&1) (see its header for the Pythons it was resolved" \
                 "for). Run bash scripts/lock.sh to re-lock, or set AMIQ_DEPS=newest." >&2
            exit 1
        fi
        echo "$amiq_stamp" > "$amiq_venv/.amiq-installed"
    else
        echo "==> $amiq_venv is up to date (pyproject.toml and constraints.txt unchanged)"
    fi
else
    echo "==> installing $amiq_target with the NEWEST releases pyproject.toml allows into $amiq_venv"
    "$amiq_venv/bin/python" -m pip install --quiet --upgrade pip
    "$amiq_venv/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e "$amiq_target"
    rm -f "$amiq_venv/.amiq-installed"
    "$amiq_venv/bin/python" scripts/lib/lockfile.py compare constraints.txt
fi

case "$amiq_venv" in
    /*) export VIRTUAL_ENV="$amiq_venv" ;;
    *) export VIRTUAL_ENV="$PWD/$amiq_venv" ;;
esac
export PATH="$VIRTUAL_ENV/bin:$PATH"
