#!/usr/bin/env bash
# The viewer a policymaker uses unaided, end to end under Xvfb:
#   1. the real map by default (data/geo), Utrecht's districts as cells inside the city's outline; the
#      schematic map, with a warning, when the data directory has no boundaries;
#   2. "What changes" of a scenario against its baseline simulated in the viewer: the same numbers as
#      `hhu compare` of the same runs written by `hhu run` (sim/compare is the one definition);
#      the map alone exported as PNG; the difference map;
#   3. run directories of `hhu run` with replicates opened by path (--open-runs and the script's
#      open_runs): again hhu compare's numbers, now with intervals; its CSV carries the runs.
# usage: changes_test.sh HHU VIEWER PNG_CHECK SOURCE_DIR
set -euo pipefail
hhu=$1
viewer=$2
check=$3
src=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "changes_test: FAIL: $*" >&2; exit 1; }
run() { xvfb-run -a -s '-screen 0 1280x720x24' "$viewer" "$@"; }
map_area() { sed -n 's/^map area: //p' "$1"; }

echo "== 1. the real map by default"
run --scale 0.01 --frames 40 --screenshot "$work/map.png" > "$work/map.out" 2> "$work/map.err" ||
  fail "the viewer exited non-zero: $(cat "$work/map.err")"
grep -q "^map: Municipal boundaries: CBS / Kadaster 2021" "$work/map.out" || fail "not the real boundaries: $(cat "$work/map.out")"
grep -q "districts: schematic cells" "$work/map.out" || fail "the districts are not said to be schematic"
if grep -q "warning" "$work/map.err"; then fail "warnings with the default map: $(cat "$work/map.err")"; fi
"$check" "$work/map.png" --rect $(map_area "$work/map.out") --min-pixels 100 --min-colours 6 ||
  fail "the real map shows too few colours"
mkdir "$work/data"
for f in "$src"/data/*; do [ "$(basename "$f")" = geo ] || ln -s "$f" "$work/data/"; done
run --scale 0.01 --data "$work/data" --frames 5 > "$work/schematic.out" 2> "$work/schematic.err" ||
  fail "the viewer without boundaries exited non-zero: $(cat "$work/schematic.err")"
grep -q "warning: no boundaries at .*utrecht_municipalities_2021.geojson; drawing the schematic map" "$work/schematic.err" ||
  fail "no warning for missing boundaries: $(cat "$work/schematic.err")"
grep -q "^map: Schematic map" "$work/schematic.out" || fail "not the schematic map without boundaries"

# The scenario: falls prevention added to the baseline (a copy of the library's baseline beside it).
cp "$src/scenarios/baseline.json" "$work/baseline.json"
cat > "$work/falls.json" <<'EOT'
{"name": "falls_test", "description": "Falls prevention: residents aged 65 and over.", "extends": "baseline.json",
 "interventions": [{"id": "falls_test", "name": "Falls prevention (65+)", "programme": "seniors",
   "who": {"age_min": 65}, "when": {"start_year": 2023}, "reach": {"coverage": 0.4},
   "effects": [{"target": "fall", "relative_risk": 0.7, "duration_years": 2}], "cost": {"per_participant_eur": 400}}]}
EOT
# Each viewer CSV row (measure, period) must carry exactly the mean, lower and upper of hhu compare's CSV.
same_as_compare() {  # VIEWER_CSV COMPARE_CSV EXPECTED_REPLICATES
  python3 - "$@" <<'EOT'
import csv, sys
viewer = list(csv.DictReader(open(sys.argv[1])))
compare = {(r["measure"], r["period"]): r for r in csv.DictReader(open(sys.argv[2]))}
assert len(viewer) >= 20, f"only {len(viewer)} rows"
na = lambda v: "" if v == "n/a" else v
for r in viewer:
    c = compare[(r["measure"], r["period"])]
    for k in ("mean", "lower", "upper"):
        assert r[k] == na(c[k]), (r["measure"], r["period"], k, r[k], c[k])
    assert r["replicates"] == sys.argv[3], r
    assert r["version"] and r["scenario"] and r["seed"] and r["scale"], r
measures = {r["measure"] for r in viewer}
for m in ("qalys_gained", "healthy_life_expectancy_change", "care_fte_gap_change", "intervention_cost_change",
          "district_gap_healthy_life_expectancy_change", "education_gap_healthy_life_expectancy_change",
          "cost_per_qaly_gained"):
    assert m in measures, m
cost = [r for r in viewer if r["measure"] == "intervention_cost_change" and r["period"] == "cumulated"][0]
assert float(cost["mean"]) > 0, cost
print(f"{len(viewer)} values, each equal to hhu compare's")
EOT
}

echo "== 2. what changes, simulated in the viewer, equals hhu compare"
cat > "$work/live.txt" <<EOT
speed max
wait_result
wait_changes
frames 3
screenshot $work/changes.png
changes_csv $work/live.csv
map_png $work/map_export.png
indicator hip_fractures
difference on
frames 3
screenshot $work/difference.png
quit
EOT
run --scale 0.02 --library "$work" --script "$work/live.txt" "$work/falls.json" > "$work/live.out" 2> "$work/live.err" ||
  fail "the live script exited non-zero: $(cat "$work/live.err")"
grep -q "^changes: 1 replicate paired" "$work/live.out" || fail "what changes did not report: $(cat "$work/live.out")"
"$check" "$work/changes.png" --min-colours 20 || fail "the what-changes screenshot is blank"
# The map alone for a memo: 1600x1200, a choropleth (not a blank image), no partial file left.
"$check" "$work/map_export.png" --min-pixels 200 --min-colours 6 > "$work/map_export.out" ||
  fail "the exported map shows too few colours"
grep -q "1600x1200" "$work/map_export.out" || fail "the exported map is not 1600x1200: $(cat "$work/map_export.out")"
if ls "$work"/*.partial* > /dev/null 2>&1; then fail "a partial file was left behind"; fi
# The difference map: scenario minus baseline per zone, in several colours of its diverging scale.
"$check" "$work/difference.png" --rect $(map_area "$work/live.out") --min-pixels 100 --min-colours 4 ||
  fail "the difference map shows too few colours"
"$hhu" run "$work/baseline.json" --scale 0.02 -q -o "$work/base1" > /dev/null
"$hhu" run "$work/falls.json" --scale 0.02 -q -o "$work/scen1" > /dev/null
"$hhu" compare "$work/base1" "$work/scen1" -o "$work/cmp1" > /dev/null
same_as_compare "$work/live.csv" "$work/cmp1.csv" 1 || fail "the viewer's what-changes differs from hhu compare"

echo "== 3. run directories with replicates, opened by path"
"$hhu" run "$work/baseline.json" --scale 0.01 -r 3 -q -o "$work/base3" > /dev/null
"$hhu" run "$work/falls.json" --scale 0.01 -r 3 -q -o "$work/scen3" > /dev/null
"$hhu" compare "$work/base3" "$work/scen3" -o "$work/cmp3" > /dev/null
printf 'wait_changes\nframes 3\nscreenshot %s\nchanges_csv %s\nquit\n' "$work/opened.png" "$work/opened.csv" > "$work/open.txt"
run --scale 0.01 --open-runs "$work/base3" "$work/scen3" --script "$work/open.txt" > "$work/open.out" 2> "$work/open.err" ||
  fail "--open-runs exited non-zero: $(cat "$work/open.err")"
grep -q "^changes: 3 replicates paired" "$work/open.out" || fail "the opened runs did not report 3 replicates"
same_as_compare "$work/opened.csv" "$work/cmp3.csv" 3 || fail "the opened runs' what-changes differs from hhu compare"
grep -q ',[0-9.e+-]*,[0-9.e+-]\+,[0-9.e+-]\+,3,' "$work/opened.csv" || fail "no interval in the opened runs' CSV"
printf 'open_runs %s %s\nwait_changes\nchanges_csv %s\nquit\n' "$work/base3" "$work/scen3" "$work/script_open.csv" > "$work/open2.txt"
run --scale 0.01 --script "$work/open2.txt" > /dev/null 2> "$work/open2.err" || fail "open_runs exited non-zero: $(cat "$work/open2.err")"
cmp -s "$work/opened.csv" "$work/script_open.csv" || fail "open_runs and --open-runs differ"
if run --scale 0.01 --open-runs "$work/base3" "$work/nothing" --frames 1 2> "$work/bad.err"; then fail "a missing run directory was accepted"; fi
grep -q "nothing" "$work/bad.err" || fail "the error does not name the directory: $(cat "$work/bad.err")"
echo "changes_test: OK"
