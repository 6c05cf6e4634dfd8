#!/usr/bin/env bash
# hhu run --draws and hhu compare over draws, at a tiny scale: draw 0 is today's run byte for byte; a
# draw is reproducible; draw k is the same parameter set in the baseline and the agenda (paired), and
# their comparison splits each interval into parameter uncertainty and Monte Carlo noise; a finished
# set of draws resumes without redoing anything.
# Usage: draws_test.sh HHU_BINARY SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

small=(--scale 0.002 -D end_year=2026 -q)  # the agenda starts in 2025
B="$src/scenarios/baseline.json"; A="$src/scenarios/health_hub_agenda.json"

# Draw 0 and no draw: the same tables.
"$hhu" run "$B" "${small[@]}" --out "$tmp/plain" && "$hhu" run "$B" "${small[@]}" --draw 0 --out "$tmp/draw0"
check "runs without and with --draw 0" test $? -eq 0
for f in yearly.csv summary.json; do check "draw 0 = no draw: $f" cmp -s "$tmp/plain/$f" "$tmp/draw0/$f"; done
check "draw 0's manifest names no draw" bash -c "test -s '$tmp/draw0/manifest.json' && ! grep -q parameter_draw '$tmp/draw0/manifest.json'"

# Draws x replicates of both scenarios.
"$hhu" run "$B" "${small[@]}" --draws 2 -r 2 --out "$tmp/base" && "$hhu" run "$A" "${small[@]}" --draws 2 -r 2 --out "$tmp/agenda"
check "two sets of 2 draws x 2 replicates" test $? -eq 0
for d in 0001 0002; do
  check "draw $d has its replicates" test -f "$tmp/base/draws/$d/replicates/002/yearly.csv"
  check "draw $d is recorded in its manifest" grep -q "\"parameter_draw\": ${d#000}" "$tmp/base/draws/$d/manifest.json"
done
check "a draw changes the outcome (same seed as the plain run)" bash -c "test -s '$tmp/base/draws/0001/replicates/001/yearly.csv' && test -s '$tmp/plain/yearly.csv' && ! cmp -s '$tmp/base/draws/0001/replicates/001/yearly.csv' '$tmp/plain/yearly.csv'"
check "draws differ from each other" bash -c "test -s '$tmp/base/draws/0001/yearly.csv' && test -s '$tmp/base/draws/0002/yearly.csv' && ! cmp -s '$tmp/base/draws/0001/yearly.csv' '$tmp/base/draws/0002/yearly.csv'"
drawn() {  # drawn DIR: the drawn values of a run directory's manifest
  python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['drawn_values'], sort_keys=True))" "$1"
}
check "draw 1 is the same parameter set in both scenarios" \
  test "$(drawn "$tmp/base/draws/0001/manifest.json")" = "$(drawn "$tmp/agenda/draws/0001/manifest.json")"
check "draw 2 is too" test "$(drawn "$tmp/base/draws/0002/manifest.json")" = "$(drawn "$tmp/agenda/draws/0002/manifest.json")"
check "draws 1 and 2 differ" test "$(drawn "$tmp/base/draws/0001/manifest.json")" != "$(drawn "$tmp/base/draws/0002/manifest.json")"

# Draws side by side (the default at small scale: one per core) or one at a time: the same tables; the
# agenda's draws with the baseline's migration, draw k from draw k (--migration-from a set of draws), as
# with their policy-free twins.
"$hhu" run "$B" "${small[@]}" --draws 2 -r 2 --runs-at-once 1 --out "$tmp/base_one"
"$hhu" run "$A" "${small[@]}" --draws 2 -r 2 --runs-at-once 2 --migration-from "$tmp/base" --out "$tmp/agenda_mig"
check "draws one at a time and with the baseline's migration run" test $? -eq 0
for d in 0001 0002; do
  for r in 001 002; do
    check "draw $d replicate $r: side by side = one at a time" \
      cmp -s "$tmp/base/draws/$d/replicates/$r/yearly.csv" "$tmp/base_one/draws/$d/replicates/$r/yearly.csv"
    check "draw $d replicate $r: the baseline's migration = the twin's" \
      cmp -s "$tmp/agenda/draws/$d/replicates/$r/yearly.csv" "$tmp/agenda_mig/draws/$d/replicates/$r/yearly.csv"
  done
  check "draw $d: the same summary either way" cmp -s "$tmp/agenda/draws/$d/summary.json" "$tmp/agenda_mig/draws/$d/summary.json"
done
"$hhu" run "$A" "${small[@]}" --draws 3 -r 2 --migration-from "$tmp/base" --out "$tmp/agenda_3" >"$tmp/out" 2>&1; rc=$?
check "a draw the baseline's set lacks is refused, naming its folder" bash -c "test $rc -eq 2 && grep -q 'base/draws/0003' '$tmp/out'"

# A draw is reproducible: --draw 2 alone gives draw 2's tables.
"$hhu" run "$B" "${small[@]}" --draw 2 -r 2 --out "$tmp/again"
check "draw 2 again = draw 2 of the set" cmp -s "$tmp/again/yearly.csv" "$tmp/base/draws/0002/yearly.csv"
"$hhu" run "$B" "${small[@]}" --draw 2 --draw-seed 9 -r 2 --out "$tmp/seed9"; rc=$?
check "another draw seed, another draw 2" bash -c "test $rc -eq 0 && test -s '$tmp/seed9/yearly.csv' && ! cmp -s '$tmp/seed9/yearly.csv' '$tmp/base/draws/0002/yearly.csv'"

# Resuming: nothing is redone.
"$hhu" run "$B" --scale 0.002 -D end_year=2026 --draws 2 -r 2 --out "$tmp/base" --force >"$tmp/out" 2>&1
check "a rerun finds both draws done" test "$(grep -c 'already done' "$tmp/out")" -eq 2

# Compare over draws x replicates.
"$hhu" compare "$tmp/base" "$tmp/agenda" --out "$tmp/cmp" >"$tmp/out" 2>&1
check "compare over draws succeeds" test $? -eq 0
check "it says what it paired" grep -q "2 parameter draws (draw seed 1) x 2 paired replicates" "$tmp/out"
check "draws.csv header" test "$(head -1 "$tmp/cmp_draws.csv")" = \
  "measure,unit,period,mean,lower,upper,sd_parameter,sd_monte_carlo,parameter_share,monte_carlo_share,draws,replicates"
check "draws.csv: QALYs gained, cumulated, with shares that sum to 1" python3 - "$tmp/cmp_draws.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["measure"] == "qalys_gained" and r["period"] == "cumulated"]
assert len(rows) == 1, rows
r = rows[0]
assert r["draws"] == "2" and r["replicates"] == "2", r
assert abs(float(r["parameter_share"]) + float(r["monte_carlo_share"]) - 1) < 1e-9, r
assert float(r["sd_monte_carlo"]) >= 0 and float(r["sd_parameter"]) >= 0, r
assert r["lower"] == "n/a" and r["upper"] == "n/a", r  # 2 draws: no interval (it would be their range)
PY
check "acceptability over draws: 41 values per QALY with EVPI" test "$(tail -n +2 "$tmp/cmp_acceptability_draws.csv" | wc -l)" -eq 41
check "EVPPI per group: header" test "$(head -1 "$tmp/cmp_evppi_draws.csv")" = \
  "group,parameters,value_per_qaly_eur,evppi_eur,evppi_eur_discounted,evpi_eur,evpi_eur_discounted,draws"
check "EVPPI per group: every group drawn at the three reference values, n/a with 2 draws" python3 - "$tmp/cmp_evppi_draws.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
groups = {r["group"] for r in rows}
assert {"relative_risks", "intervention_effects"} <= groups, groups
assert len(rows) == 3 * len(groups), rows
assert {r["value_per_qaly_eur"] for r in rows} == {"20000", "50000", "80000"}, rows
assert all(r["evppi_eur"] == "n/a" and r["draws"] == "2" for r in rows), rows
assert all(float(r["evpi_eur"]) >= 0 for r in rows), rows
PY
check "compare refuses draws against a plain run" bash -c "'$hhu' compare '$tmp/base' '$tmp/plain' --out '$tmp/x' 2>&1 | grep -q 'is a set of parameter draws and the other is not'"

# A batch plan with draws: 2 scenarios x 2 draws x 2 replicates; each row is hhu run of its draw, and
# draw k is the same parameter set in both scenarios' rows.
cat >"$tmp/plan.json" <<JSON
{"name": "draws222", "scale": 0.002, "replicates": 2, "draws": 2, "detail": "zones", "set": {"end_year": 2026},
 "runs": [{"scenario": "$B"}, {"scenario": "$A"}]}
JSON
"$hhu" batch "$tmp/plan.json" --out "$tmp/plan" >"$tmp/out" 2>&1
check "the plan with draws runs" test $? -eq 0
check "it has 4 rows of 8 runs" grep -q "4 rows, 8 runs" "$tmp/out"
check "rows.csv labels the draws" grep -q "health_hub_agenda draw 2" "$tmp/plan/rows.csv"
"$hhu" run "$A" --scale 0.002 -D end_year=2026 -q --detail zones --draw 2 -r 2 --out "$tmp/agenda_draw2"
check "row 4 (agenda, draw 2) = hhu run --draw 2" cmp -s "$tmp/plan/rows/004/yearly.csv" "$tmp/agenda_draw2/yearly.csv"
check "rows 1 and 3 (draw 1) are paired" test "$(drawn "$tmp/plan/rows/001/manifest.json")" = "$(drawn "$tmp/plan/rows/003/manifest.json")"
check "rows 1 and 2 are other draws" test "$(drawn "$tmp/plan/rows/001/manifest.json")" != "$(drawn "$tmp/plan/rows/002/manifest.json")"
"$hhu" batch "$tmp/plan.json" --out "$tmp/plan" >"$tmp/out" 2>&1
check "the finished plan is not redone" grep -q "already complete" "$tmp/out"

finish draws_test
