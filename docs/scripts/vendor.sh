#!/usr/bin/env bash
# Vendor the browser assets of the docs site from the npm registry, reproducibly.
#
# `npm ci` installs exactly what docs/package-lock.json pins; this script then copies a fixed list of
# files into docs/content/assets/vendor/ (gitignored, never committed). The site then loads nothing
# from a CDN: MathJax's own default font path points at jsDelivr, so the font is vendored too and
# assets/javascripts/mathjax-config.js points `loader.paths.fonts` at it.
#
# Usage:  bash docs/scripts/vendor.sh          (from anywhere; idempotent)
set -euo pipefail

docs_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vendor="$docs_dir/content/assets/vendor"
modules="$docs_dir/node_modules"

command -v npm >/dev/null || { echo "vendor.sh: npm is required (Debian: apt-get install npm)" >&2; exit 1; }

(cd "$docs_dir" && npm ci --no-audit --no-fund --loglevel=error)

rm -rf "$vendor"
mkdir -p "$vendor/mathjax" "$vendor/mathjax-fonts/mathjax-newcm-font" "$vendor/fonts/noto-naskh-arabic"

# MathJax 4: the TeX -> CHTML combined component plus the pieces it loads on demand
# (TeX extensions, accessibility/speech, the menu).
cp "$modules/mathjax/tex-chtml.js" "$modules/mathjax/LICENSE" "$modules/mathjax/package.json" "$vendor/mathjax/"
for sub in input output a11y ui sre; do
    cp -R "$modules/mathjax/$sub" "$vendor/mathjax/"
done

# The New Computer Modern font: CHTML metrics (chtml.js), dynamic ranges and woff2 files.
font="$modules/@mathjax/mathjax-newcm-font"
cp -R "$font/chtml" "$font/chtml.js" "$font/package.json" "$vendor/mathjax-fonts/mathjax-newcm-font/"
cp "$modules/mathjax/LICENSE" "$vendor/mathjax-fonts/mathjax-newcm-font/LICENSE"

# Arabic webfont (Noto Naskh Arabic, SIL OFL): only the Arabic subset, regular and bold;
# assets/stylesheets/fonts.css declares it for Arabic code points only.
naskh="$modules/@fontsource/noto-naskh-arabic"
for weight in 400 700; do
    cp "$naskh/files/noto-naskh-arabic-arabic-$weight-normal.woff2" "$vendor/fonts/noto-naskh-arabic/"
done
cp "$naskh/LICENSE" "$vendor/fonts/noto-naskh-arabic/LICENSE"

echo "vendor.sh: vendored $(du -sh "$vendor" | cut -f1) into ${vendor#"$docs_dir/"}/"
