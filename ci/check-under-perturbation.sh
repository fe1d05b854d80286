#!/usr/bin/env bash
# A check of the check (issue 30): does the committed smoke baseline hold on "another machine"?
# Runs the smoke grid's experiments under one numeric perturbation (ci/perturbation.sh, e.g.
# threads=1,isa=SSE41: a thread count and oneDNN cap that stand in for another CPU) with the same
# Maven command ci/derive-baseline.sh runs, into a fresh temporary results folder, then
#   ci/baseline check smoke <results>/smoke [BAND]
# prints its table and the counts, and exits with the check's status: 0 every metric within its
# band, 1 some out of band or missing (or the check could not read the results: no counts), 2 a
# usage error. A perturbation the baseline sampled
# (its provenance's "perturbations") should pass; one it did not is the real test of the bands.
#
# Usage: ci/check-under-perturbation.sh PERTURBATION [cross-machine|same-machine]
#   e.g.  ci/check-under-perturbation.sh threads=1,isa=SSE41
# Cost: one smoke grid of the budget's own seed (the check compares the first seed): ~5-10 min on
# the 2-core EPYC, more under SSE41. The results are kept; the script says where.
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/perturbation.sh
usage="usage: ci/check-under-perturbation.sh PERTURBATION [cross-machine|same-machine]   (e.g. threads=1,isa=SSE41)"
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "$usage" >&2; exit 2; }
perturbation="$1"
band="${2:-cross-machine}"
case "$band" in cross-machine|same-machine) ;; *) echo "$usage" >&2; exit 2 ;; esac
perturbation_flags "$perturbation"
results="$(mktemp -d)"
echo "smoke grid under $perturbation (${PERTURBATION_FLAGS[*]:-no flags}) into $results"
run_budget_experiments smoke "" "$results" "${PERTURBATION_FLAGS[@]}"
table="$results/check-smoke.txt"
set +e
ci/baseline check smoke "$results/smoke" "$band" | tee "$table"
status=${PIPESTATUS[0]}
set -e
counts="$(grep -E '^[0-9]+ within band, [0-9]+ out of band, [0-9]+ missing, [0-9]+ new' "$table" || true)"
echo "check of smoke under $perturbation ($band band): ${counts:-no counts printed}; exit $status"
echo "results kept in $results (table: $table)"
exit "$status"
