#!/usr/bin/env bash
# The command line end to end: validation errors, refusing to overwrite, atomic run directories.
# Usage: cli_test.sh HHU_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

"$hhu" check "$src/scenarios/baseline.json" >"$tmp/out" 2>&1
check "check accepts the baseline" test $? -eq 0

cat >"$tmp/bad.json" <<'JSON'
{"name": "bad", "seed": -3, "end_year": 2050, "demography": {"mortality_scal": 1, "fertility_scale": "x"}}
JSON
"$hhu" run "$tmp/bad.json" --check >"$tmp/out" 2>&1; rc=$?
check "a bad scenario exits 2" test $rc -eq 2
for want in "bad.json" "/seed" "/end_year" "/demography/mortality_scal" "did you mean 'mortality_scale'" "/demography/fertility_scale"; do
  check "bad scenario names $want" grep -qF "$want" "$tmp/out"
done

"$hhu" run "$tmp/missing.json" --out "$tmp/r" >"$tmp/out" 2>&1; rc=$?
check "a missing scenario exits 2 and names it" bash -c "test $rc -eq 2 && grep -q missing.json '$tmp/out'"

"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/r" --scale 0.01 -D end_year=2022 -q >"$tmp/out" 2>&1
check "a small run succeeds" test $? -eq 0
check "the run directory has its files" test -s "$tmp/r/yearly.csv" -a -s "$tmp/r/summary.json" -a -s "$tmp/r/manifest.json"
check "yearly.csv has the exact header" bash -c "head -1 '$tmp/r/yearly.csv' | grep -qx 'year,zone,sex,age_group,education,indicator,value'"
check "no staging folder is left" bash -c "! ls -d '$tmp'/r.tmp-* 2>/dev/null"

"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/r" --scale 0.01 -D end_year=2022 -q >"$tmp/out" 2>&1; rc=$?
check "an existing run directory is refused" bash -c "test $rc -eq 2 && grep -q -- --force '$tmp/out'"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/r" --scale 0.01 -D end_year=2022 -q --force >"$tmp/out" 2>&1
check "--force overwrites" test $? -eq 0
# --force replaces one run's directory, never a study: a batch plan's folder, a set of draws, a folder whose
# manifest.json is not a run's (each holds a manifest.json too).
mkdir -p "$tmp/study/rows" && echo '{"plan": "p", "rows": 8}' >"$tmp/study/manifest.json"
mkdir -p "$tmp/drawset/draws" && echo '{"kind": "parameter_draws", "draws": 8}' >"$tmp/drawset/manifest.json"
mkdir -p "$tmp/other" && echo '{}' >"$tmp/other/manifest.json"
for study in study drawset other; do
  "$hhu" run "$src/scenarios/baseline.json" --out "$tmp/$study" --scale 0.01 -D end_year=2022 -q --force >"$tmp/out" 2>&1; rc=$?
  check "--force keeps $study, and says why" bash -c "test $rc -eq 2 && test -s '$tmp/$study/manifest.json' && grep -q 'replaces only a run directory' '$tmp/out'"
done

"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/r2" --scale 0 >"$tmp/out" 2>&1; rc=$?
check "an out-of-range flag is refused" bash -c "test $rc -ne 0 && grep -qi scale '$tmp/out'"

"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/r3" --scale 0.01 --data "$tmp/nodata" >"$tmp/out" 2>&1; rc=$?
check "a missing data directory is named" bash -c "test $rc -eq 2 && grep -q nodata '$tmp/out'"
check "nothing is written when the run fails" test ! -e "$tmp/r3"

"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/rep" --scale 0.01 -D end_year=2022 -r 2 -q >"$tmp/out" 2>&1
check "replicates write each, the mean and the interval" test -s "$tmp/rep/yearly_interval.csv" -a -s "$tmp/rep/replicates/002/yearly.csv"
mkdir -p "$tmp/rep2.partial/replicates" && cp -r "$tmp/rep/replicates/001" "$tmp/rep2.partial/replicates/"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/rep2" --scale 0.01 -D end_year=2022 -r 2 >"$tmp/out" 2>&1
check "an interrupted batch resumes with the replicates it finished" grep -q "replicate 1/2: already done" "$tmp/out"
check "the resumed batch gives the same mean" cmp -s "$tmp/rep/yearly.csv" "$tmp/rep2/yearly.csv"
check "the partial folder is gone when the batch completes" test ! -e "$tmp/rep2.partial"
# A finished replicate damaged after its run (a file not the size written) is not taken as done: the batch is refused,
# naming the file, like a replicate of another batch.
mkdir -p "$tmp/rep3.partial/replicates" && cp -r "$tmp/rep/replicates/001" "$tmp/rep3.partial/replicates/"
echo '{' >"$tmp/rep3.partial/replicates/001/summary.json"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/rep3" --scale 0.01 -D end_year=2022 -r 2 >"$tmp/out" 2>&1; rc=$?
check "a damaged replicate is not reused, and named" bash -c "test $rc -eq 2 && grep -q '001: summary.json is not the file written (2 bytes, written' '$tmp/out'"

# hhu compare: two small runs with 2 replicates each, their paired differences as a table, CSV and JSON.
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/cmpA" --scale 0.01 -D end_year=2031 -r 2 -q >"$tmp/out" 2>&1
check "compare: the baseline run succeeds" test $? -eq 0
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/cmpB" --scale 0.01 -D end_year=2031 -D demography.mortality_scale=0.9 -r 2 -q >"$tmp/out" 2>&1
check "compare: the scenario run succeeds" test $? -eq 0
"$hhu" compare "$tmp/cmpA" "$tmp/cmpB" >"$tmp/cmp_out" 2>&1
check "compare exits 0" test $? -eq 0
check "compare writes the CSV and the JSON" test -s "$tmp/cmpB/compare_baseline.csv" -a -s "$tmp/cmpB/compare_baseline.json"
check "compare's CSV has the exact header" bash -c "head -1 '$tmp/cmpB/compare_baseline.csv' | grep -qx 'measure,unit,period,mean,lower,upper,mcse,replicates,replicates_to_tell_from_zero'"
check "compare prints deaths averted with an interval" grep -qE "deaths averted .*[[]" "$tmp/cmp_out"
check "a lower mortality averts deaths, cumulated" grep -qE "^deaths_averted,deaths,cumulated,[1-9]" "$tmp/cmpB/compare_baseline.csv"
check "compare writes the plane and the acceptability curve" test -s "$tmp/cmpB/compare_baseline_plane.csv" -a -s "$tmp/cmpB/compare_baseline_acceptability.csv"
check "compare leaves no temporary file" bash -c "test \$(ls '$tmp/cmpB' | grep -c '^compare_') -eq 4"
"$hhu" compare "$tmp/cmpA" "$tmp/cmpA" --out "$tmp/self" >"$tmp/out" 2>&1
check "compare: a run with itself exits 0" test $? -eq 0
check "compare: a run with itself averts no deaths" grep -qx "deaths_averted,deaths,cumulated,0,0,0,0,2,n/a" "$tmp/self.csv"
"$hhu" compare "$tmp/cmpA" "$tmp/nothere" >"$tmp/out" 2>&1; rc=$?
check "compare: a missing run directory exits 2 and is named" bash -c "test $rc -eq 2 && grep -q nothere '$tmp/out'"

# hhu run --lifetime: the survivors' tail beside yearly.csv (and nothing new without the flag); compare's
# lifetime columns, the payers and the returns.
check "without --lifetime a run writes no lifetime.csv" test ! -e "$tmp/cmpA/replicates/001/lifetime.csv"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/lifeA" --scale 0.01 -D end_year=2022 -r 2 --lifetime -q >"$tmp/out" 2>&1
check "run --lifetime succeeds" test $? -eq 0
check "run --lifetime writes lifetime.csv beside each replicate's yearly.csv" \
    test -s "$tmp/lifeA/replicates/001/lifetime.csv" -a -s "$tmp/lifeA/replicates/002/lifetime.csv"
"$hhu" compare "$tmp/lifeA" "$tmp/lifeA" --out "$tmp/lifeself" >"$tmp/out" 2>&1
check "compare of two lifetime runs exits 0" test $? -eq 0
check "compare reports the lifetime horizon, discounted" grep -qx "qalys_gained,QALY,lifetime discounted,0,0,0,0,2,n/a" "$tmp/lifeself.csv"
check "compare prints the lifetime columns" grep -q "lifetime discounted" "$tmp/out"
check "compare splits the costs by payer" grep -q "^cost_change_long_term_care_wlz,EUR (2023 prices),lifetime,0," "$tmp/lifeself.csv"

finish
