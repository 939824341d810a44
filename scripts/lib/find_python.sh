# Sourced by scripts/lock.sh and .ci/run: find a CPython interpreter of a given minor version.
#
# amiq_find_python 3.10   prints the path of a working python3.10 (on PATH, else in pyenv's
#                          versions folder), or nothing and status 1 when there is none.

amiq_find_python() {
    local minor="$1" candidate root
    local candidates=("python$minor")
    if command -v pyenv >/dev/null 2>&1; then
        root="$(pyenv root 2>/dev/null || true)"
    else
        root="${PYENV_ROOT:-$HOME/.pyenv}"
    fi
    if [ -n "$root" ] && [ -d "$root/versions" ]; then
        # Newest patch release first.
        while IFS= read -r candidate; do
            candidates+=("$candidate")
        done < <(ls -d "$root/versions/$minor".*/bin/python 2>/dev/null | sort -rV)
    fi
    for candidate in "${candidates[@]}"; do
        # A pyenv shim exists for every version but fails unless that version is selected:
        # ask the interpreter itself.
        if "$candidate" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$minor'.split('.'))))" \
            >/dev/null 2>&1; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return 0
        fi
    done
    return 1
}
