#!/usr/bin/env bash
# hhu bench at a tiny scale: the table has a row per configuration with the whole run split into its
# parts, and callgrind's count gives a positive number of instructions per person-step (when valgrind is
# installed). No timing is checked: timings belong to the bench's printout, never to a test.
# Usage: bench_test.sh HHU_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

"$hhu" bench --scale 0.002 --end-year 2021 --threads 1 --callgrind-scale 0.001 >"$tmp/out" 2>"$tmp/err"
check "bench succeeds" test $? -eq 0
cat "$tmp/out"
check "the table names the parts of the whole run" grep -q "whole \[s\]" "$tmp/out"
check "a demography row" grep -Eq '^demography +1 ' "$tmp/out"
check "a full-model row" grep -Eq '^demography \+ health \+ care labour market +1 ' "$tmp/out"
check "person-years per second per core is a column" grep -q "p-years/s/core" "$tmp/out"
if command -v valgrind >/dev/null; then
  n="$(sed -n 's/^instructions per person-step[^:]*: \([0-9][0-9]*\) .*/\1/p' "$tmp/out")"
  check "callgrind's instructions per person-step is a positive number" test "${n:-0}" -gt 0
fi
"$hhu" bench --scale 0.002 --end-year 2021 --threads 1 --model full --callgrind-scale 0 >"$tmp/out2" 2>&1; rc=$?
check "--callgrind-scale 0 skips the count" bash -c "test $rc -eq 0 && grep -q 'whole \[s\]' '$tmp/out2' && ! grep -q 'instructions per person-step' '$tmp/out2'"
# The paired scenario (the agenda, programmes from 2025) against the baseline: from the baseline's state and from 2021.
"$hhu" bench --scale 0.002 --end-year 2026 --threads 1 --model full --callgrind-scale 0 >"$tmp/out3" 2>&1; rc=$?
check "the paired scenario is timed" bash -c "test $rc -eq 0 && grep -q 'the scenario from that state .* from 2021' '$tmp/out3'"
check "from the baseline's state of 1 January 2025" grep -q "saving its state of 1 January 2025" "$tmp/out3"
check "the end year 2021: no state" grep -q "no state to start from" "$tmp/out"

finish bench_test
