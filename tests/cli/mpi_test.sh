#!/usr/bin/env bash
# A distributed batch: 3 replicates on 2 MPI ranks give byte-identical outputs to the same batch in
# one process; a rank count above the replicate count works too.
set -euo pipefail
hhu="$1"; src="$2"; mpirun="$3"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
args=(run "$src/scenarios/baseline.json" --scale 0.02 -D end_year=2022 -r 3 --quiet)
"$hhu" "${args[@]}" --out "$work/one" || fail "the single-process batch failed"
for np in 2 4; do
  timeout 300 "$mpirun" --allow-run-as-root --oversubscribe -np "$np" "$hhu" "${args[@]}" --out "$work/np$np" ||
    fail "the batch on $np ranks failed"
  for f in yearly.csv yearly_interval.csv summary.json; do
    cmp -s "$work/one/$f" "$work/np$np/$f" || fail "$f differs between 1 process and $np ranks"
  done
  [ ! -e "$work/np$np.partial" ] || fail "the partial directory was left behind on $np ranks"
done
# Refused like a single run: the output exists and --force is missing; every rank stops, none hangs.
if timeout 120 "$mpirun" --allow-run-as-root --oversubscribe -np 2 "$hhu" "${args[@]}" --out "$work/one" 2> "$work/err"; then
  fail "an existing run directory was overwritten without --force"
fi
grep -q "exists; use --force" "$work/err" || fail "no clear error for an existing run directory"
echo "mpi: identical outputs on 1, 2 and 4 ranks"
