#!/usr/bin/env bash
# Trains the two bundled find-the-block checkpoints from one seed and puts them where the module
# packages them: src/main/resources/org/mtalens/samples/findblock-{mta,baseline}/
# (model.safetensors, config.json, loss.csv, eval.json). Usage: sample-checkpoints/train-samples.sh [SEED]
# Work folders (resumable: run the script again after an interruption) go to ${WORK:-/tmp/mta-lens-toy}.
# The two models train one after the other, each on one intra-op thread (about 10 minutes each on 2 cores).
set -euo pipefail
seed="${1:-42}"
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
work="${WORK:-/tmp/mta-lens-toy}"
mkdir -p "$work"
(cd "$root" && mvn -B -q -o -pl sample-checkpoints -am compile \
  && mvn -B -q -o -pl sample-checkpoints dependency:build-classpath -Dmdep.outputFile="$work/cp.txt")
# the reactor's model-runtime classes, not whatever jar the local repository holds
cp_line="$here/target/classes:$root/model-runtime/target/classes:$(tr ':' '\n' < "$work/cp.txt" | grep -v '/model-runtime/' | paste -sd:)"
for model in mta baseline; do
  out="$work/findblock-$model-seed$seed"
  OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" java -Dai.djl.offline=true -cp "$cp_line" org.mtalens.samples.TrainToyCommand \
    --config "$here/configs/findblock-$model.json" --seed "$seed" --out "$out" --log-every 100 \
    --eval-instances 1000 --eval-seed 1000
  dest="$here/src/main/resources/org/mtalens/samples/findblock-$model"
  mkdir -p "$dest"
  cp "$out"/{model.safetensors,config.json,loss.csv,eval.json} "$dest/"
done
