#!/usr/bin/env bash
# Derives ci/baselines/<budget>.csv from measured spread: the budget's experiments run over five
# seeds, then once more with the first seed alone (the same-machine rerun), and the bands are
# computed from the two results folders. Usage: ci/derive-baseline.sh BUDGET "why the baseline changes"
#   SEEDS=1,2,3   seeds to run (default 1,2,3,4,5; at least 2)
#   RERUN=no      skip the same-machine rerun (for budgets too long to run twice): the baseline's
#                 same-machine band is then round-off only and its provenance says it was not measured
#   RESULTS=DIR   results root to run in (default a fresh temporary folder); runs already complete
#                 there are reused from the run cache (-Dablation.keepResults: the smoke budget
#                 otherwise empties its folder first)
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:?budget: smoke or quick}"
message="${2:?a message saying why the baseline changes is required}"
seeds="${SEEDS:-1,2,3,4,5}"
work="${RESULTS:-$(mktemp -d)}"
profile=()
[ "$budget" = smoke ] || profile=(-Pablation)

# The experiments only: the regression check would compare against the baseline being replaced.
mvn -B -q "${profile[@]}" verify -pl harness,reports,experiments -Dtest='io.vggsuite.experiments.**,!ImagenetBudgetTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dablation.budget="$budget" -Dablation.seeds="$seeds" \
  -Dablation.results="$work/seeds" -Dablation.keepResults=true
if [ "${RERUN:-yes}" = no ]; then
  ci/baseline derive "$budget" "$work/seeds/$budget" none "$message"
else
  mvn -B -q "${profile[@]}" verify -pl harness,reports,experiments -Dtest='io.vggsuite.experiments.**,!ImagenetBudgetTest' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dablation.budget="$budget" -Dablation.seeds="${seeds%%,*}" \
    -Dablation.results="$work/rerun" -Dablation.keepResults=true
  ci/baseline derive "$budget" "$work/seeds/$budget" "$work/rerun/$budget" "$message"
fi
echo "Results of the derivation kept in $work"
