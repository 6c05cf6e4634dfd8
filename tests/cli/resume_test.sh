#!/usr/bin/env bash
# kill -9 at each stage of a batch, then the rerun: it reuses every replicate finished before the
# kill, gives the same bytes as an uninterrupted batch, and leaves no partial or staging folder.
# The kill comes from hhu itself at a named stage (HHU_KILL_AT), so the test waits on state, not time.
# Also: a rerun with another scenario or fewer replicates refuses the old replicates.
# Usage: resume_test.sh HHU_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
S="$src/scenarios/baseline.json"
batch=(--scale 0.002 -D end_year=2022 -r 3)

"$hhu" run "$S" --out "$tmp/ref" "${batch[@]}" -q >"$tmp/out" 2>&1
check "the uninterrupted batch succeeds" test $? -eq 0

same_as_ref() {  # same_as_ref DIR: every output file has the reference's bytes
  local f
  for f in yearly.csv yearly_interval.csv replicates/001/yearly.csv replicates/002/yearly.csv replicates/003/yearly.csv; do
    cmp -s "$tmp/ref/$f" "$1/$f" || return 1
  done
}

# stage, then how many replicates the rerun must find done
for case in "replicate-running:1 0" "replicate-done:1 1" "replicate-running:2 1" "replicate-done:2 2" \
            "replicate-done:3 3" "batch-staged 3" "batch-committed 3"; do
  set -- $case; stage="$1"; done_before="$2"
  out="$tmp/run-${stage/:/-}"
  HHU_KILL_AT="$stage" "$hhu" run "$S" --out "$out" "${batch[@]}" >"$tmp/out" 2>&1; rc=$?
  check "$stage: the batch is killed (kill -9)" test $rc -eq 137
  if [ "$stage" = batch-committed ]; then
    check "$stage: the run directory is complete" same_as_ref "$out"
    force=(--force)
  else
    check "$stage: no run directory appears" test ! -e "$out"
    force=()
  fi
  "$hhu" run "$S" --out "$out" "${batch[@]}" "${force[@]}" >"$tmp/out" 2>&1; rc=$?
  check "$stage: the rerun succeeds" test $rc -eq 0
  check "$stage: the rerun reuses the $done_before replicate(s) finished" test "$(grep -c 'already done' "$tmp/out")" -eq "$done_before"
  check "$stage: the same bytes as without the kill" same_as_ref "$out"
  check "$stage: no partial folder is left" test ! -e "$out.partial"
  check "$stage: no staging folder is left" bash -c "! ls -d '$out'.tmp-* 2>/dev/null"
done

# A single run killed in the middle leaves nothing.
HHU_KILL_AT=run-running "$hhu" run "$S" --out "$tmp/single" --scale 0.002 -D end_year=2022 -q >"$tmp/out" 2>&1; rc=$?
check "a single run is killed" test $rc -eq 137
check "a killed single run leaves no run directory" test ! -e "$tmp/single"

# Replicates of another batch are never mixed in.
HHU_KILL_AT=replicate-done:3 "$hhu" run "$S" --out "$tmp/mix" "${batch[@]}" >/dev/null 2>&1
"$hhu" run "$S" --out "$tmp/mix" --scale 0.002 -D end_year=2022 -r 2 >"$tmp/out" 2>&1; rc=$?
check "fewer replicates: refused" bash -c "test $rc -eq 2 && grep -q '003: not one of this batch' '$tmp/out'"
"$hhu" run "$S" --out "$tmp/mix" "${batch[@]}" -D demography.mortality_scale=0.9 >"$tmp/out" 2>&1; rc=$?
check "another scenario: refused, naming what differs" bash -c "test $rc -eq 2 && grep -q \"001: its scenario differs from this batch's (baseline, as resolved) at 'demography'\" '$tmp/out'"
"$hhu" run "$S" --out "$tmp/mix" "${batch[@]}" --seed 7 >"$tmp/out" 2>&1; rc=$?
check "another seed: refused" bash -c "test $rc -eq 2 && grep -q '001: its seed is 20210101, this batch.s is 7' '$tmp/out'"
"$hhu" run "$S" --out "$tmp/mix" --scale 0.001 -D end_year=2022 -r 3 >"$tmp/out" 2>&1; rc=$?
check "another scale: refused" bash -c "test $rc -eq 2 && grep -q '001: its scale is 0.002, this batch.s is 0.001' '$tmp/out'"
sed -i 's/"hhu_version": "[^"]*"/"hhu_version": "0.0.0-other"/' "$tmp/mix.partial/replicates/002/manifest.json"
"$hhu" run "$S" --out "$tmp/mix" "${batch[@]}" >"$tmp/out" 2>&1; rc=$?
check "another build: refused" bash -c "test $rc -eq 2 && grep -q '002: written by hhu 0.0.0-other' '$tmp/out'"
check "refusals leave the finished replicates in place" test -s "$tmp/mix.partial/replicates/003/yearly.csv"
rm -rf "$tmp/mix.partial/replicates/002"
"$hhu" run "$S" --out "$tmp/mix" "${batch[@]}" >"$tmp/out" 2>&1; rc=$?
check "the matching replicates are reused" bash -c "test $rc -eq 0 && test \$(grep -c 'already done' '$tmp/out') -eq 2"
check "and the batch is the reference" same_as_ref "$tmp/mix"

# The batch manifest sums its replicates' work.
check "the batch manifest records the replicates' wall time and person-steps" python3 - "$tmp/ref/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["wall_seconds"] > 0 and m["person_steps"] > 0, (m.get("wall_seconds"), m.get("person_steps"))
PY

finish
