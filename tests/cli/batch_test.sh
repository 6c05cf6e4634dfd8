#!/usr/bin/env bash
# hhu batch end to end, at a tiny scale: a 2 x 2 x 2 plan (two scenarios, two values of an override,
# two replicates) gives the same bytes as `hhu run` of each row, at one or two runs at once; killed
# (kill -9, from hhu itself at a named stage, so the test waits on state, not time) and resumed, it
# reuses every finished run and gives the same bytes; gzip tables read back (python3) equal the plain
# ones (and the baselines' migration plans); a sweep writes its response curve; a folder holding another plan is
# refused.
# Usage: batch_test.sh HHU_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

plan() {  # plan FILE GZIP: the 2 x 2 x 2 plan
  cat >"$1" <<JSON
{"name": "grid222", "scale": 0.002, "replicates": 2, "detail": "zones", "gzip": $2, "set": {"end_year": 2022},
 "grids": [{"scenarios": ["$src/scenarios/baseline.json", "$src/scenarios/lifestyle_gli.json"],
            "set": {"demography.mortality_scale": [0.9, 1.0]}}]}
JSON
}
plan "$tmp/plan.json" false
plan "$tmp/plan_gz.json" true

"$hhu" batch "$tmp/plan.json" --out "$tmp/ref" --runs-at-once 2 >"$tmp/out" 2>&1
check "the plan runs" test $? -eq 0
check "it reports 8 runs of 4 rows" grep -q "4 rows, 8 runs (0 done before, 8 now, 2 at once" "$tmp/out"
check "results.csv: header" test "$(head -1 "$tmp/ref/results.csv")" = "row,replicate,year,zone,sex,age_group,education,indicator,value"
check "results.csv: every row and replicate" test "$(tail -n +2 "$tmp/ref/results.csv" | cut -d, -f1,2 | sort -u | tr '\n' ' ')" = "1,1 1,2 2,1 2,2 3,1 3,2 4,1 4,2 "
check "summary.csv: header" test "$(head -1 "$tmp/ref/summary.csv")" = "row,year,zone,sex,age_group,education,indicator,mean,lower,upper,mcse,replicates"
check "rows.csv: the grid's labels" grep -q '^4,lifestyle_gli demography.mortality_scale=1.0,/grids/0,' "$tmp/ref/rows.csv"
check "zones detail: totals only" bash -c "! tail -n +2 '$tmp/ref/results.csv' | cut -d, -f5-7 | grep -qv '^all,all,all$'"

# Row 3 is hhu run of its scenario with its overrides: the same bytes.
"$hhu" run "$src/scenarios/lifestyle_gli.json" --out "$tmp/row3" --scale 0.002 -r 2 --detail zones \
  -D end_year=2022 -D demography.mortality_scale=0.9 -q >"$tmp/out" 2>&1
check "hhu run of row 3 succeeds" test $? -eq 0
for f in yearly.csv yearly_interval.csv replicates/002/yearly.csv; do
  check "row 3 = hhu run: $f" cmp -s "$tmp/row3/$f" "$tmp/ref/rows/003/$f"
done
check "results.csv holds row 3 replicate 2's table" bash -c \
  "diff <(grep '^3,2,' '$tmp/ref/results.csv' | cut -d, -f3-) <(tail -n +2 '$tmp/ref/rows/003/replicates/002/yearly.csv')"

same_tables() {  # same_tables DIR: the plan's tables and row tables have the reference's bytes
  local f
  for f in results.csv summary.csv rows.csv plan.json rows/001/yearly.csv rows/004/yearly_interval.csv \
           rows/002/replicates/001/yearly.csv; do
    cmp -s "$tmp/ref/$f" "$1/$f" || { echo "  differs: $f"; return 1; }
  done
}

# Killed at four stages in a row, one run at a time, each rerun resuming the last. The runs go baseline rows' replicates
# two at a time, each pair followed by the scenario's replicates that take their migration (jobs 1, 2, 5, 6, 3, ...): by
# the end of job 3, five are done.
out="$tmp/killed"
for case in "plan-job-running:1 0" "plan-job-done:3 0" "plan-row-staged:2 5" "plan-tables-written 8"; do
  set -- $case; stage="$1"; done_before="$2"
  HHU_KILL_AT="$stage" "$hhu" batch "$tmp/plan.json" --out "$out" --runs-at-once 1 >"$tmp/out" 2>&1; rc=$?
  check "$stage: killed (kill -9)" test $rc -eq 137
  check "$stage: no tables before the end" test ! -e "$out/manifest.json"
  if [ "$done_before" -eq 0 ]; then
    check "$stage: the killed session started afresh" bash -c "! grep -q 'resuming:' '$tmp/out'"
  else
    check "$stage: the killed session found $done_before run(s) done" grep -q "resuming: $done_before of 8 runs done" "$tmp/out"
  fi
done
"$hhu" batch "$tmp/plan.json" --out "$out" --runs-at-once 1 >"$tmp/out" 2>&1; rc=$?
check "the last rerun succeeds" test $rc -eq 0
check "the last rerun ran nothing again" grep -q "(8 done before, 0 now" "$tmp/out"
check "killed and resumed: the same bytes, one run at a time as two at once" same_tables "$out"
check "no partial row folder is left" bash -c "! ls -d '$out'/rows/*.partial 2>/dev/null"
check "no staging folder is left" bash -c "! ls -d '$out'/rows/*.tmp-* 2>/dev/null"
"$hhu" batch "$tmp/plan.json" --out "$out" >"$tmp/out" 2>&1
check "a finished plan reruns nothing" grep -q "already complete" "$tmp/out"

# gzip: the same tables, compressed, read back by Python's gzip module.
"$hhu" batch "$tmp/plan_gz.json" --out "$tmp/gz" -q >"$tmp/out" 2>&1
check "the gzip plan runs" test $? -eq 0
gunzip_equal() {  # gunzip_equal GZ PLAIN
  python3 -c 'import gzip, sys; sys.exit(gzip.open(sys.argv[1]).read() != open(sys.argv[2], "rb").read())' "$1" "$2"
}
for f in results summary rows/002/yearly rows/002/yearly_interval rows/002/replicates/001/yearly; do
  check "gzip: $f.csv.gz reads back as $f.csv" gunzip_equal "$tmp/gz/$f.csv.gz" "$tmp/ref/$f.csv"
done
check "gzip: no plain results.csv" test ! -e "$tmp/gz/results.csv"
# A baseline's migration plan too (a tenth of the size), read back as the plain one.
check "gzip: the migration plan reads back as the plain one's" \
  gunzip_equal "$tmp/gz/rows/002/replicates/001/migration_plan.json.gz" "$tmp/ref/rows/002/replicates/001/migration_plan.json"
check "gzip: no plain migration plan" test ! -e "$tmp/gz/rows/002/replicates/001/migration_plan.json"
"$hhu" compare "$tmp/gz/rows/001" "$tmp/gz/rows/003" -o "$tmp/gzcmp" >"$tmp/out" 2>&1
check "hhu compare reads gzip run directories" test $? -eq 0

# A folder holding another plan is refused, naming the difference.
"$hhu" batch "$tmp/plan_gz.json" --out "$tmp/ref" >"$tmp/out" 2>&1; rc=$?
check "another plan's folder: refused" bash -c "test $rc -eq 2 && grep -q 'holds another plan (its plan has another \"gzip\")' '$tmp/out'"

# A sweep: one row per value of a programme's uptake, and its response curve.
cat >"$tmp/sweep.json" <<JSON
{"name": "sweep", "scale": 0.002, "replicates": 2, "detail": "summary", "set": {"end_year": 2022},
 "sweeps": [{"name": "gli_start", "scenario": "$src/scenarios/lifestyle_gli.json",
             "key": "interventions.combined_lifestyle_intervention.when.start_year", "values": [2021, 2022],
             "indicator": "intervention_participants", "zone": "U16", "year": 2022}]}
JSON
"$hhu" batch "$tmp/sweep.json" --out "$tmp/sweep" -q >"$tmp/out" 2>&1
check "the sweep runs" test $? -eq 0
check "the curve's header" test "$(head -1 "$tmp/sweep/curves/gli_start.csv")" = "value,row,mean,lower,upper,mcse,replicates"
check "the curve: one line per value, from the rows' intervals" bash -c \
  "test \"\$(cut -d, -f1,2,7 '$tmp/sweep/curves/gli_start.csv' | tail -n +2 | tr '\n' ' ')\" = '2021,1,2 2022,2,2 ' &&
   grep -q \"^2022,U16,all,all,all,intervention_participants,\$(sed -n 2p '$tmp/sweep/curves/gli_start.csv' | cut -d, -f3-)\$\" '$tmp/sweep/rows/001/yearly_interval.csv'"

finish
