#!/usr/bin/env bash
# Renders Kanca's icon (resources/icons/io.github.kanca.Kanca.svg) to the PNG sizes of the hicolor
# theme, resources/icons/hicolor/NxN/apps/io.github.kanca.Kanca.png. The PNGs are committed, so
# that a build needs no SVG renderer; run this after changing the SVG (needs rsvg-convert, from
# the Debian package librsvg2-bin).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
icons=$here/resources/icons
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$icons/hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$icons/io.github.kanca.Kanca.svg" \
        -o "$icons/hicolor/${size}x${size}/apps/io.github.kanca.Kanca.png"
done
