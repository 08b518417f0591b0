#!/usr/bin/env bash
# Regenerates README's screenshots (docs/images/*.png) with `mta-lens snapshot`, one per tab of the window,
# so they never go stale. Each PNG gets its description beside it (FILE.json: checkpoint, tokens, and the colour
# range of every map drawn); those are left in a temporary folder, not committed.
# Usage: docs/make-screenshots.sh [WIDTH HEIGHT]   (default 1280 720)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
images="$root/docs/images"
width="${1:-1280}" height="${2:-720}"
tiny="$root/model-runtime/src/test/resources/official-mta/tiny"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

shot() { # NAME ARGS...: snapshot into $scratch, then copy the PNG into docs/images
  local name="$1"; shift
  "$root/bin/mta-lens" snapshot "$@" --width "$width" --height "$height" --out "$scratch/$name.png"
  cp "$scratch/$name.png" "$images/$name.png"
  echo "docs/images/$name.png"
}

# the bundled find-the-block MTA model (the default checkpoint)
shot pipeline --layer 1 --head 0 --stage final --tab pipeline
shot before-after --layer 1 --head 0 --tab before-after
shot grid --tab grid
shot compare --ablate L1.pre_sm_conv --stage final --tab compare
shot mta-change --tab change
shot checkpoint --tab checkpoint
# the official tiny fixture: negative weights after the post-softmax convolution, a cell explained, an ablation
shot explain "$tiny" --layer 1 --head 0 --stage post_sm_conv --cell 12,9 --zoom 8
shot ablation "$tiny" --layer 1 --head 0 --stage pre_sm_conv --ablate L1.head0.pre_sm_conv
