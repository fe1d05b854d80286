#!/usr/bin/env bash
# Same machine, same numbers? (issue 30) Trains the smoke grid REPEATS times, each time into a fresh
# results folder with every run in its own fresh JVM (as a cluster trains it: vgg-cluster.jar
# train-run, parents first), under the build's settings (oneDNN capped at AVX2, 2 intra-op threads,
# 1 inter-op), then compares every run with the first repetition: the training curve (epochs.csv
# without its timing columns, every value at full precision) and the final weights (model.params).
# Prints one line per repetition, "repetition K: D of N runs differ", naming each run that differs
# and the first epoch where its curve departs, and exits 1 if any run differs.
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
# Cost: one repetition of the smoke grid is ~5 min here (20 JVM starts and ~4 min of training).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-20}"
images=()
[ -z "${2:-}" ] || images=(--train-images "$2")
jar=cluster/target/vgg-cluster.jar
[ -f "$jar" ] || mvn -B -q -o package -pl cluster -am -DskipTests
export ONEDNN_MAX_CPU_ISA=AVX2
java_opts=(-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=${THREADS:-2} -Dai.djl.pytorch.num_interop_threads=1)
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
      differ+=("$run (from epoch ${epoch:-? weights only}, status $(head -1 "$b/status" 2>/dev/null || echo none))")
    fi
  done
  [ "${#differ[@]}" -eq 0 ] || differing=$((differing + 1))
  echo "repetition $k: ${#differ[@]} of ${#runs[@]} runs differ${differ[*]:+: ${differ[*]}}"
done
echo "$differing of $((repeats - 1)) repetitions differ from the first; results in $work"
[ "$differing" -eq 0 ]
