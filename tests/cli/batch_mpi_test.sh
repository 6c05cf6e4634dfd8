#!/usr/bin/env bash
# A plan under mpirun: 2 ranks (each taking every other run, the folder shared) give the same bytes
# as one process; a plan refused on one rank stops every rank, none hangs.
# Usage: batch_mpi_test.sh HHU_BINARY SOURCE_DIR MPIRUN
set -euo pipefail
hhu="$1"; src="$2"; mpirun="$3"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cat >"$work/plan.json" <<JSON
{"name": "mpi", "scale": 0.002, "replicates": 2, "detail": "summary", "set": {"end_year": 2022},
 "runs": [{"scenario": "$src/scenarios/baseline.json"}],
 "sweeps": [{"name": "start", "scenario": "$src/scenarios/lifestyle_gli.json",
             "key": "interventions.combined_lifestyle_intervention.when.start_year", "values": [2021, 2022],
             "indicator": "deaths", "year": 2022}]}
JSON
"$hhu" batch "$work/plan.json" --out "$work/one" -q || fail "the plan in one process failed"
timeout 300 "$mpirun" --allow-run-as-root --oversubscribe --bind-to none -np 2 "$hhu" batch "$work/plan.json" \
  --out "$work/np2" --runs-at-once 1 -q || fail "the plan on 2 ranks failed"
for f in results.csv summary.csv rows.csv curves/start.csv plan.json rows/003/yearly.csv rows/002/replicates/002/yearly.csv; do
  cmp -s "$work/one/$f" "$work/np2/$f" || fail "$f differs between 1 process and 2 ranks"
done
[ -z "$(ls -d "$work"/np2/rows/*.partial 2>/dev/null)" ] || fail "partial rows were left behind on 2 ranks"
sed 's/"replicates": 2/"replicates": 3/' "$work/plan.json" >"$work/other.json"
if timeout 120 "$mpirun" --allow-run-as-root --oversubscribe --bind-to none -np 2 "$hhu" batch "$work/other.json" \
     --out "$work/one" 2>"$work/err"; then
  fail "another plan's folder was reused"
fi
grep -q "holds another plan" "$work/err" || fail "no clear error for another plan's folder"
echo "mpi batch: identical outputs on 1 and 2 ranks"
