# Sourced by scripts/main.sh and scripts/test.sh: make .venv and install the project into it.
#
# Idempotent and quick on a second run: the editable install is redone only when pyproject.toml
# changed (its SHA-256 is stored in .venv/.amiq-installed) or the venv is new.
# Needs Python >= 3.10 (set PYTHON to choose the interpreter) and access to PyPI.

amiq_python="${PYTHON:-python3}"
if ! command -v "$amiq_python" >/dev/null 2>&1; then
    echo "error: $amiq_python not found; install Python 3.10 or newer (or set PYTHON)." >&2
    exit 1
fi
if ! "$amiq_python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "error: Amiq needs Python 3.10 or newer; $amiq_python is $("$amiq_python" -V 2>&1)." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "==> creating .venv"
    "$amiq_python" -m venv .venv
fi

amiq_stamp="$(.venv/bin/python -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read()).hexdigest())')"
if [ ! -f .venv/.amiq-installed ] || [ "$(cat .venv/.amiq-installed)" != "$amiq_stamp" ]; then
    echo "==> installing the project and its dev extras from PyPI into .venv"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    echo "$amiq_stamp" > .venv/.amiq-installed
else
    echo "==> .venv is up to date (pyproject.toml unchanged)"
fi

export PATH="$PWD/.venv/bin:$PATH"
export VIRTUAL_ENV="$PWD/.venv"
