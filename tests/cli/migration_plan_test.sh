#!/usr/bin/env bash
# A scenario with health interventions takes a finished baseline's migration (hhu run --migration-from,
# and a batch plan's baseline rows) instead of stepping a policy-free twin: the same bytes as with the
# twin, one replicate or several, at 1 and 2 threads; the baseline's run directory holds the plan, with
# its wellbeing calibration (which the scenario takes instead of fitting; an older plan without it is fitted).
# Usage: migration_plan_test.sh HHU_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

flags=(--scale 0.005 -D end_year=2026 -q)  # the GLI programme starts in 2025
loud=(--scale 0.005 -D end_year=2026)       # the same, with what it says on stderr
not() { ! "$@"; }
gli="$src/scenarios/lifestyle_gli.json"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/base" "${flags[@]}" -r 2 -t 2 >"$tmp/out" 2>&1
check "the baseline runs" test $? -eq 0
check "each baseline replicate stores its migration" test -s "$tmp/base/replicates/001/migration_plan.json" -a \
  -s "$tmp/base/replicates/002/migration_plan.json"
"$hhu" run "$gli" --out "$tmp/twin" "${loud[@]}" -r 2 -t 2 --step-twin >"$tmp/out" 2>&1
check "the scenario runs with its twin" test $? -eq 0
check "--step-twin: no baseline looked for" not grep -q "no policy-free twin stepped" "$tmp/out"
for t in 1 2; do
  "$hhu" run "$gli" --out "$tmp/taken$t" "${flags[@]}" -r 2 -t $t --migration-from "$tmp/base" >"$tmp/out" 2>&1
  check "the scenario runs with the baseline's migration ($t thread(s))" test $? -eq 0
  for f in yearly.csv yearly_interval.csv summary.json replicates/001/yearly.csv replicates/002/summary.json \
           replicates/002/migration_plan.json; do
    check "$t thread(s): $f is the twin's" cmp -s "$tmp/twin/$f" "$tmp/taken$t/$f"
  done
done
check "the baseline's plan carries its wellbeing calibration" grep -q '"wellbeing_calibration":{"band":\[' \
  "$tmp/base/replicates/001/migration_plan.json"
# A baseline's folder written before the plan kept the fit: the scenario fits as before, the same bytes.
cp -r "$tmp/base" "$tmp/old"
for r in 001 002; do
  python3 - "$tmp/old/replicates/$r/migration_plan.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
del plan["wellbeing_calibration"]
open(sys.argv[1], "w").write(json.dumps(plan, separators=(",", ":")) + "\n")
PY
done
"$hhu" run "$gli" --out "$tmp/old_taken" "${flags[@]}" -r 2 -t 2 --migration-from "$tmp/old" >"$tmp/out" 2>&1
check "a plan without the fit is taken (the scenario fits)" test $? -eq 0
check "a plan without the fit: yearly.csv is the twin's" cmp -s "$tmp/twin/yearly.csv" "$tmp/old_taken/yearly.csv"
check "a plan without the fit: the scenario's own plan holds the same fit" \
  cmp -s "$tmp/twin/replicates/002/migration_plan.json" "$tmp/old_taken/replicates/002/migration_plan.json"
# Without --migration-from, a run directory beside --out with the plans of the same seeds is taken (named on stderr).
"$hhu" run "$gli" --out "$tmp/beside" "${loud[@]}" -r 2 -t 2 >"$tmp/out" 2>&1
check "a baseline beside --out: the scenario runs" test $? -eq 0
check "a baseline beside --out: its folder is named" grep -q "the migration of $tmp/base (the same seeds" "$tmp/out"
check "a baseline beside --out: yearly.csv is the twin's" cmp -s "$tmp/twin/yearly.csv" "$tmp/beside/yearly.csv"
"$hhu" run "$gli" --out "$tmp/slash/" "${loud[@]}" -r 2 -t 2 >"$tmp/out" 2>&1
check "a baseline beside --out given with a trailing slash: its folder is named" \
  grep -q "the migration of $tmp/[a-z]* (the same seeds" "$tmp/out"
"$hhu" run "$gli" --out "$tmp/seed7" "${loud[@]}" --seed 7 -t 2 >"$tmp/out" 2>&1
check "beside baselines of other seeds only: the scenario runs" test $? -eq 0
check "beside baselines of other seeds only: it steps its twin" not grep -q "no policy-free twin stepped" "$tmp/out"
# A baseline beside --out that ends before the scenario is passed over for one that reaches its end (the plans' keys
# leave the end year out: the short one was taken and the run failed at its first year past it).
mkdir -p "$tmp/ends"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/ends/a_short" --scale 0.005 -D end_year=2025 -q >/dev/null 2>&1
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/ends/b_full" "${flags[@]}" >/dev/null 2>&1
"$hhu" run "$gli" --out "$tmp/ends/gli" "${loud[@]}" >"$tmp/out" 2>&1
check "beside a baseline too short and one long enough: the scenario runs" test $? -eq 0
check "beside a baseline too short and one long enough: the long one is taken" \
  grep -q "the migration of $tmp/ends/b_full (the same seed" "$tmp/out"
# In a batch plan, of the baseline rows of a key the one that reaches the latest year makes the plan a scenario row takes.
cat >"$tmp/ends/plan.json" <<JSON
{"name": "ends", "scale": 0.005, "replicates": 1,
 "runs": [{"scenario": "$src/scenarios/baseline.json", "set": {"end_year": 2025}},
          {"scenario": "$src/scenarios/baseline.json", "set": {"end_year": 2026}},
          {"scenario": "$gli", "set": {"end_year": 2026}}]}
JSON
"$hhu" batch "$tmp/ends/plan.json" --out "$tmp/ends/batch" -q >"$tmp/out" 2>&1
check "a plan with a short and a long baseline row: the scenario row takes the long one's plan" test $? -eq 0
# One run takes the replicate of its seed from a set of replicates.
"$hhu" run "$gli" --out "$tmp/one" "${flags[@]}" --seed 20210102 --migration-from "$tmp/base" >"$tmp/out" 2>&1
check "one run finds the replicate of its seed" cmp -s "$tmp/one/yearly.csv" "$tmp/twin/replicates/002/yearly.csv"
# A scenario without health interventions needs no plan: the flag changes nothing.
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/b1" "${flags[@]}" --seed 20210102 --migration-from "$tmp/base" \
  >"$tmp/out" 2>&1
check "a baseline run given a plan is itself" cmp -s "$tmp/b1/yearly.csv" "$tmp/base/replicates/002/yearly.csv"

# A batch plan: the scenario rows take the baseline rows' migration; the bytes are hhu run's.
cat >"$tmp/plan.json" <<JSON
{"name": "paired", "scale": 0.005, "replicates": 2, "set": {"end_year": 2026},
 "runs": [{"scenario": "$gli"}, {"scenario": "$src/scenarios/baseline.json"}]}
JSON
"$hhu" batch "$tmp/plan.json" --out "$tmp/batch" --runs-at-once 2 -q >"$tmp/out" 2>&1
check "the plan runs" test $? -eq 0
check "plan row 1 (the scenario) = hhu run with its twin" cmp -s "$tmp/batch/rows/001/yearly.csv" "$tmp/twin/yearly.csv"
check "plan row 1 started from the baseline row's state of 1 January 2025 (held in memory)" grep -q \
  '"started_from_saved_state_of": 2025' "$tmp/batch/rows/001/replicates/002/manifest.json"
check "plan row 2 (the baseline) did not" not grep -q "started_from_saved_state_of" "$tmp/batch/rows/002/replicates/001/manifest.json"
check "plan row 2 (the baseline) = hhu run" cmp -s "$tmp/batch/rows/002/yearly.csv" "$tmp/base/yearly.csv"

# --gzip: the baseline's plan is written compressed (no plain copy), found beside --out from its compressed head,
# and a scenario takes it: the bytes of the twin's run.
mkdir -p "$tmp/gz"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/gz/base" "${flags[@]}" -t 2 --gzip >"$tmp/out" 2>&1
check "--gzip: the baseline runs" test $? -eq 0
check "--gzip: its plan is compressed" test -s "$tmp/gz/base/migration_plan.json.gz" -a ! -e "$tmp/gz/base/migration_plan.json"
check "--gzip: the plan reads back as a plain run's" \
  python3 -c 'import gzip, sys; sys.exit(gzip.open(sys.argv[1]).read() != open(sys.argv[2], "rb").read())' \
  "$tmp/gz/base/migration_plan.json.gz" "$tmp/base/replicates/001/migration_plan.json"
"$hhu" run "$gli" --out "$tmp/gz/beside" "${loud[@]}" -t 2 --gzip >"$tmp/out" 2>&1
check "--gzip: a compressed baseline beside --out is named" grep -q "the migration of $tmp/gz/base (the same seed" "$tmp/out"
check "--gzip: its summary is the twin's" cmp -s "$tmp/gz/beside/summary.json" "$tmp/twin/replicates/001/summary.json"
"$hhu" run "$gli" --out "$tmp/gz/taken" "${flags[@]}" -t 2 --migration-from "$tmp/gz/base" >"$tmp/out" 2>&1
check "--gzip: --migration-from a compressed plan" cmp -s "$tmp/gz/taken/yearly.csv" "$tmp/twin/replicates/001/yearly.csv"
# A baseline's states of 1 January (--save-state): a scenario's runs that take its migration start from the latest state
# before their first programme (named on stderr), each replicate from its own, the bytes of the twin's run; --from-start
# lives every year; the baseline's own tables are as without the states.
mkdir -p "$tmp/st"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/st/base" "${flags[@]}" -r 2 -t 2 --save-state 2025 \
  --save-state 2023 >"$tmp/out" 2>&1
check "--save-state: the baseline runs" test $? -eq 0
check "--save-state: each replicate holds its states" test -s "$tmp/st/base/replicates/001/state_2025.bin" -a \
  -s "$tmp/st/base/replicates/002/state_2023.bin"
check "--save-state: the baseline's tables are as without it" cmp -s "$tmp/st/base/yearly.csv" "$tmp/base/yearly.csv"
"$hhu" run "$gli" --out "$tmp/st/gli" "${loud[@]}" -r 2 -t 1 >"$tmp/out" 2>&1
check "a state beside --out: the scenario runs" test $? -eq 0
check "a state beside --out: the manifest says so" grep -q '"started_from_saved_state_of": 2025' \
  "$tmp/st/gli/replicates/001/manifest.json"
check "a state beside --out: the manifest names its file" grep -q \
  "\"started_from_saved_state_file\": \"$tmp/st/base/replicates/001/state_2025.bin\"" "$tmp/st/gli/replicates/001/manifest.json"
check "a state beside --out: named, each replicate its own" grep -q \
  "starts from $tmp/st/base/replicates/002/state_2025.bin, the baseline's state of 1 January 2025" "$tmp/out"
for f in yearly.csv yearly_interval.csv summary.json replicates/001/yearly.csv replicates/002/migration_plan.json; do
  check "from the state: $f is the twin's" cmp -s "$tmp/twin/$f" "$tmp/st/gli/$f"
done
"$hhu" run "$gli" --out "$tmp/st/gli_all" "${loud[@]}" -r 2 -t 2 --from-start >"$tmp/out" 2>&1
check "--from-start: no state taken" not grep -q "starts from" "$tmp/out"
check "--from-start: yearly.csv is the twin's" cmp -s "$tmp/twin/yearly.csv" "$tmp/st/gli_all/yearly.csv"
# A programme starting in 2024 starts from the state of 2023: the bytes of its run from 2021.
early=(-D interventions.0.when.start_year=2024 --migration-from "$tmp/st/base" -t 2)
"$hhu" run "$gli" --out "$tmp/st/early" "${loud[@]}" "${early[@]}" >"$tmp/out" 2>&1
check "a programme from 2024 starts from 2023's state" grep -q "replicates/001/state_2023.bin" "$tmp/out"
"$hhu" run "$gli" --out "$tmp/st/early_all" "${flags[@]}" "${early[@]}" --from-start >"$tmp/out" 2>&1
check "a programme from 2024: the bytes of its run from 2021" cmp -s "$tmp/st/early/yearly.csv" "$tmp/st/early_all/yearly.csv"
# Draws finished without states are run again when states are asked for (never reused without them).
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/st/draws" "${flags[@]}" --draws 2 >"$tmp/out" 2>&1
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/st/draws" "${loud[@]}" --draws 2 --force --save-state 2025 \
  >"$tmp/out" 2>&1
check "draws without states: run again for --save-state" not grep -q "already done" "$tmp/out"
check "draws without states: each has its state now" test -s "$tmp/st/draws/draws/0001/state_2025.bin" -a \
  -s "$tmp/st/draws/draws/0002/state_2025.bin"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/st/draws" "${loud[@]}" --draws 2 --force --save-state 2025 \
  >"$tmp/out" 2>&1
check "draws with their states: reused" grep -q "draw 2/2: already done" "$tmp/out"
# A damaged state (one byte changed): the run stops, naming the file and what to do.
mkdir -p "$tmp/dmg"
cp -r "$tmp/st/base" "$tmp/dmg/base"
python3 - "$tmp/dmg/base/replicates/001/state_2025.bin" <<'PY'
import sys
p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 1; open(p, "wb").write(bytes(b))
PY
"$hhu" run "$gli" --out "$tmp/dmg/gli" "${loud[@]}" -t 2 --migration-from "$tmp/dmg/base" >"$tmp/out" 2>&1
check "a damaged state: the run stops" test $? -ne 0
check "a damaged state: refused, naming its file" grep -q "replicates/001/state_2025.bin: damaged" "$tmp/out"
# Refused: the state of a run with programmes, a year after the run's end.
"$hhu" run "$gli" --out "$tmp/st/bad" "${flags[@]}" --save-state 2025 >"$tmp/out" 2>&1
check "--save-state of a scenario with programmes: refused" test $? -ne 0
check "--save-state of a scenario with programmes: says why" grep -q "has programmes; save the state of its baseline" "$tmp/out"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/st/bad" "${flags[@]}" --save-state 2030 >"$tmp/out" 2>&1
check "--save-state after the last year: refused" grep -q "save-state 2030: after the run's last year (2026)" "$tmp/out"
finish migration_plan
