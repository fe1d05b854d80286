#!/usr/bin/env bash
# Derives ci/baselines/<budget>.csv from measured spread: the budget's experiments run over five
# seeds, then once more with the first seed alone (the same-machine rerun), and the bands are
# computed from the two results folders. Usage: ci/derive-baseline.sh BUDGET "why the baseline changes"
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:?budget: smoke or quick}"
message="${2:?a message saying why the baseline changes is required}"
seeds="${SEEDS:-1,2,3,4,5}"
work="$(mktemp -d)"
profile=()
[ "$budget" = smoke ] || profile=(-Pablation)

# The experiments only: the regression check would compare against the baseline being replaced.
mvn -B -q "${profile[@]}" verify -pl harness,reports,experiments -Dtest='io.vggsuite.experiments.**,!ImagenetBudgetTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dablation.budget="$budget" -Dablation.seeds="$seeds" \
  -Dablation.results="$work/seeds"
mvn -B -q "${profile[@]}" verify -pl harness,reports,experiments -Dtest='io.vggsuite.experiments.**,!ImagenetBudgetTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dablation.budget="$budget" -Dablation.seeds="${seeds%%,*}" \
  -Dablation.results="$work/rerun"
ci/baseline derive "$budget" "$work/seeds/$budget" "$work/rerun/$budget" "$message"
echo "Results of the derivation kept in $work"
