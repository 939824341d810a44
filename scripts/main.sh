#!/usr/bin/env bash
# The main job, from a fresh clone: set up .venv, get the cat-vs-non-cat data, train the L-layer
# model (the reference networks on the fast exact engine: the course's numbers in about a second)
# and write the figures to out/, then compare four learning rates (amiq sweep) into out/sweep/.
#
# Data, in order: $AMIQ_DATA_DIR, else ../shared/datasets/catvnoncat beside the repository, else
# datasets/catvnoncat/ if the files are already there. Found files are verified and copied into
# datasets/catvnoncat/ (git-ignored). With no data anywhere, the job trains on the generated
# synthetic stand-in instead and says so loudly.
#
# Usage: bash scripts/main.sh [extra `amiq train` options, e.g. --iterations 500]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/venv.sh

project_data="datasets/catvnoncat"
source_dir=""
if [ -n "${AMIQ_DATA_DIR:-}" ]; then
    source_dir="$AMIQ_DATA_DIR"
elif [ -f ../shared/datasets/catvnoncat/train_catvnoncat.h5 ]; then
    source_dir="../shared/datasets/catvnoncat"
elif [ -f "$project_data/train_catvnoncat.h5" ]; then
    source_dir="$project_data"
fi

if [ -n "$source_dir" ]; then
    echo "==> data: verifying and copying from $source_dir"
    # A folder that was named or found must hold the right files: no silent fallback then.
    amiq --lang en data fetch "$source_dir" --data-dir "$project_data"
    amiq --lang en data check --data-dir "$project_data"
    echo "==> training the L-layer model (reference networks, fast engine) on the real data"
    amiq --lang en train --impl reference --engine fast --model L-layer --data-dir "$project_data" \
        --out out "$@"
    echo "==> learning-rate sweep of the L-layer model (fast engine)"
    amiq --lang en sweep --engine fast --model L-layer --data-dir "$project_data" --out out/sweep
else
    cat >&2 <<'NOTE'
############################################################################################
#  NOTE: the course's data files were not found ($AMIQ_DATA_DIR, ../shared/datasets/       #
#  catvnoncat, datasets/catvnoncat). Training on the SYNTHETIC stand-in instead: the costs  #
#  and accuracies below are NOT the course's numbers. Get the real files with               #
#      amiq data fetch SOURCE      (see datasets/README.md)                                  #
############################################################################################
NOTE
    amiq --lang en data synthesize --out "$project_data"
    amiq --lang en train --impl reference --engine fast --model L-layer --synthetic \
        --data-dir "$project_data" --out out "$@"
    amiq --lang en sweep --engine fast --model L-layer --synthetic --data-dir "$project_data" \
        --out out/sweep
fi
echo "==> done: cost.png, mislabelled.png and summary.json (its \"engine\" says which engine ran)"
echo "    are in the --out folder (default out/); the sweep's plot and table are in out/sweep/"
