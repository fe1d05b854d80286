#!/usr/bin/env bash
# Same machine, same numbers? (issue 30) Trains the smoke grid REPEATS times, each time into a fresh
# results folder with every run in its own fresh JVM (as a cluster trains it: vgg-cluster.jar
# train-run, parents first), under the build's settings (oneDNN capped at AVX2, 2 intra-op threads,
# 1 inter-op), then compares every run with the first repetition: the training curve (epochs.csv
# without its timing columns, every value at full precision) and the final weights (model.params).
# Prints one line per repetition, "repetition K: D of N runs differ", naming each run that differs,
# the first epoch where its curve departs and, from the runs' step traces (-Dvggsuite.stepTrace, see
# docs/determinism.md), the first step that differs and the tensors that differ in it; a run that
# met a non-finite loss says so (its replay). Exits 1 if any run differs.
#
# Usage: ci/determinism.sh [REPEATS] [TRAIN_IMAGES]
#   REPEATS        repetitions of the grid (default 20)
#   TRAIN_IMAGES   training images (default: the smoke budget's own; the cluster tests' 1,500 is
#                  ~3× cheaper and trains the same grid shape)
#   VGG_DATA_DIR   where CIFAR-10 is (as for every other command)
#   LOAD=yes       train a second copy of each repetition beside it, in parallel, to load both cores
#                  (a rare difference was seen only while another process trained, docs/determinism.md)
#   THREADS=N      intra-op threads (default 2, the build's)
#   ONLY=GLOB      train only the runs whose id matches GLOB (a run warm-started from one left out cannot train),
#                  e.g. ONLY='A_LRN-*': one net in many fresh processes; other variables pass through
#                  to every JVM (ATEN_CPU_CAPABILITY, MKL_CBWR, MALLOC_PERTURB_, as in docs/determinism.md)
#   TRACE=false    no step traces (each step's gradients copied to the JVM cost time, and change its
#                  memory traffic; the measurements before 2026-12-08 ran without them)
# Cost: one repetition of the smoke grid is ~5 min here (20 JVM starts and ~4 min of training).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-20}"
images=()
[ -z "${2:-}" ] || images=(--train-images "$2")
jar=cluster/target/vgg-cluster.jar
[ -f "$jar" ] || mvn -B -q -o package -pl cluster -am -DskipTests
export ONEDNN_MAX_CPU_ISA=AVX2
java_opts=(-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=${THREADS:-2} -Dai.djl.pytorch.num_interop_threads=1
  -Dvggsuite.stepTrace=${TRACE:-true})
work="$(mktemp -d)"
mapfile -t runs < <(java "${java_opts[@]}" -jar "$jar" runs --budget smoke "${images[@]}" --ids)
if [ -n "${ONLY:-}" ]; then
  chosen=()
  for run in "${runs[@]}"; do [[ $run == $ONLY ]] && chosen+=("$run"); done
  [ "${#chosen[@]}" -gt 0 ] || { echo "ONLY=$ONLY matches none of the smoke grid's ${#runs[@]} runs" >&2; exit 2; }
  runs=("${chosen[@]}")
fi
echo "${#runs[@]} runs per repetition, ${repeats} repetitions, into $work"

train_grid() {
  local results="$1" run
  : >"$results.log"
  for run in "${runs[@]}"; do
    # A run that diverges (A-LRN did, in one process of five on 2026-12-06) or whose parent did is
    # an outcome to compare with the reference, not the end of the measurement: say so and go on.
    java "${java_opts[@]}" -jar "$jar" train-run --budget smoke "${images[@]}" --results "$results" --run-id "$run" \
      >>"$results.log" 2>&1 || echo "train-run $run ended with an error (status: $(head -1 \
        "$results/smoke/runs/$run/status" 2>/dev/null || echo none)); see $results.log" >&2
  done
}

# epochs.csv without the seconds and images-per-second columns, which measure the machine, not the run.
curve() { cut -d, -f1-6 "$1"; }

# The first line of two step traces that differs: its step, what it fingerprints, and the tensors
# (or loss) that differ in it, e.g. "epoch 2 batch 13 gradients: 01features_01Conv2d_weight ...".
first_step_difference() {
  local a="$1/steps.trace" b="$2/steps.trace" line
  [ -f "$a" ] && [ -f "$b" ] || { echo "no step trace"; return; }
  line=$(cmp "$a" "$b" 2>/dev/null | awk '/differ/ {print $NF}')
  [ -n "$line" ] || { echo "traces equal up to the shorter one's end"; return; }
  awk -v n="$line" 'FNR == n { if (NR == FNR) { split($0, x, " ") } else {
      k = split($0, y, " "); head = y[1] " " y[2] " " y[3] " " y[4] " " y[5]; out = ""
      for (i = 6; i <= k; i++) if (x[i] != y[i]) { split(y[i], kv, "="); out = out " " kv[1] }
      print head ":" out } }' "$a" "$b"
}

differing=0
for k in $(seq 1 "$repeats"); do
  mkdir -p "$work/r$k"
  if [ "${LOAD:-no}" = yes ]; then
    mkdir -p "$work/load$k"
    train_grid "$work/load$k" & load=$!
  fi
  train_grid "$work/r$k"
  [ "${LOAD:-no}" = yes ] && wait "$load"
  [ "$k" -eq 1 ] && { echo "repetition 1: reference"; continue; }
  differ=()
  for run in "${runs[@]}"; do
    a="$work/r1/smoke/runs/$run" b="$work/r$k/smoke/runs/$run"
    if ! cmp -s "$a/status" "$b/status" || ! cmp -s <(curve "$a/epochs.csv") <(curve "$b/epochs.csv") \
        || ! cmp -s "$a/model.params" "$b/model.params"; then
      epoch=$(diff <(curve "$a/epochs.csv" 2>/dev/null) <(curve "$b/epochs.csv" 2>/dev/null) | grep -m1 '^[<>] [0-9]' \
        | cut -d, -f1 | tr -d '<> ' || true)
      replay=$(grep -h '^loss.not.finite=' "$b/run.properties" 2>/dev/null | cut -d= -f2- | tr -d '\\' || true)
      differ+=("$run (from epoch ${epoch:-? weights only}, status $(head -1 "$b/status" 2>/dev/null || echo none);\
 first step that differs: $(first_step_difference "$a" "$b")${replay:+; non-finite loss: $replay})")
    fi
  done
  # A run whose loss stopped being finite is replayed from its last checkpoint (train/LossReplay); one
  # that replayed to the reference's curve and weights is the same outcome, but its trace shows the event.
  recovered=()
  for run in "${runs[@]}"; do
    b="$work/r$k/smoke/runs/$run"
    if grep -q '^loss.not.finite=' "$b/run.properties" 2>/dev/null && [[ " ${differ[*]} " != *" $run ("* ]]; then
      recovered+=("$run ($(grep -h '^loss.not.finite=' "$b/run.properties" | cut -d= -f2- | tr -d '\\'))")
    fi
  done
  [ "${#differ[@]}" -eq 0 ] || differing=$((differing + 1))
  echo "repetition $k: ${#differ[@]} of ${#runs[@]} runs differ${differ[*]:+: ${differ[*]}}${recovered[*]:+; \
replayed a non-finite loss to the same outcome: ${recovered[*]}}"
done
echo "$differing of $((repeats - 1)) repetitions differ from the first; results in $work"
[ "$differing" -eq 0 ]
