#!/usr/bin/env bash
# hhu-viewer end to end, without a screen (Xvfb):
#   1. --frames N --screenshot: exits 0, the PNG is not blank and the map shows several colours;
#   2. --script: indicator, zone, advance_to, year, frames, screenshot, csv, quit;
#   3. --geojson: real boundaries are drawn, unknown codes are warned about, a broken file is an error;
#   4. errors: an unknown script command names its line; bad flags exit non-zero;
#   5. the scenario panel, scripted: a library of two scenario files (read from the folder, not listed
#      anywhere), select an indicator, enable an intervention, move its coverage, start year and target
#      zone, wait for the quick preview (a lower scale) and for the full re-run against the background
#      baseline, advance to 2030, a scenario side by
#      side, screenshots, the chart's CSV with baseline and scenario, save the edited scenario and
#      load it again; the same in workshop mode.
# usage: viewer_test.sh VIEWER PNG_CHECK SOURCE_DIR
set -euo pipefail
viewer=$1
check=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "viewer_test: FAIL: $*" >&2; exit 1; }
# The scenarios run to 2031 rather than 2040: what is checked (the map, scripts, edits, previews, side by
# side, replicates) does not depend on the horizon, and the test takes half the time.
lib=$work/library
mkdir -p "$lib"
sed 's/"end_year": 2040/"end_year": 2031/' "$src/scenarios/baseline.json" > "$lib/baseline.json"
grep -q '"end_year": 2031' "$lib/baseline.json" || fail "the baseline's end year was not shortened"
run() { xvfb-run -a -s '-screen 0 1280x800x24' "$viewer" --scale 0.02 "$lib/baseline.json" "$@"; }
# The map's rectangle, as printed by the viewer at exit ("map area: X Y W H").
map_area() { sed -n 's/^map area: //p' "$1"; }

echo "== 1. --frames with a screenshot"
run --frames 120 --screenshot "$work/frames.png" > "$work/frames.out" || fail "--frames exited non-zero"
cat "$work/frames.out"
[ -s "$work/frames.png" ] || fail "no screenshot written"
"$check" "$work/frames.png" --min-colours 20 || fail "the screenshot is blank"
# A choropleth: at least 6 colours each covering 200+ pixels of the map (one flat colour plus the
# white card and the borders would be 3).
"$check" "$work/frames.png" --rect $(map_area "$work/frames.out") --min-pixels 200 --min-colours 6 ||
  fail "the map shows too few colours"
grep -q "^frames: 120 " "$work/frames.out" || fail "frame count not reported"
# Where the processor time went: the window's thread and the live run's, by name (thread_cpu.hpp).
grep -E "^cpu: .*hhu-live [0-9.]+ s" "$work/frames.out" | grep -q "hhu-viewer" ||
  fail "no CPU seconds of the window's and the live run's threads: $(grep '^cpu' "$work/frames.out")"

echo "== 2. a script"
cat > "$work/tour.txt" <<EOT
# a short tour
indicator deaths
zone WK034403
advance_to 2023
year 2023
frames 5
screenshot $work/script.png
indicator life_expectancy
zone GM0344
csv $work/series.csv
quit
EOT
run --script "$work/tour.txt" > "$work/script.out" || fail "the script exited non-zero"
"$check" "$work/script.png" --min-colours 20 || fail "the script's screenshot is blank"
"$check" "$work/script.png" --rect $(map_area "$work/script.out") --min-pixels 200 --min-colours 6 ||
  fail "the script's map shows too few colours"
head -1 "$work/series.csv" |
  grep -qx "year,zone,indicator,value,lower,upper,scenario,zone_name,unit,scenario_title,scale,seed,version" ||
  fail "CSV header"
grep -Eq "^2021,GM0344,life_expectancy,[0-9.]+,,,baseline,[^,]*Utrecht[^,]*,[^,]+,[^,]+,0.02,[0-9]+,.+" "$work/series.csv" ||
  fail "CSV rows for GM0344"
grep -q "^2023,PV26,life_expectancy," "$work/series.csv" || fail "CSV rows for the province"

echo "== 3. GeoJSON boundaries"
python3 - "$src/data/zones.csv" "$work/zones.geojson" <<'EOT'
# Squares of about 2 km around each zone's centroid, one with a hole, plus a feature of unknown code.
import csv, json, sys
features = []
for z in csv.DictReader(open(sys.argv[1])):
    lat, lon, d = float(z["lat"]), float(z["lon"]), 0.009
    ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
    hole = [[lon - d / 3, lat - d / 3], [lon - d / 3, lat + d / 3], [lon + d / 3, lat + d / 3],
            [lon + d / 3, lat - d / 3], [lon - d / 3, lat - d / 3]]
    rings = [ring, hole] if z["code"] == "GM0307" else [ring]
    features.append({"type": "Feature", "properties": {"statcode": z["code"]},
                     "geometry": {"type": "Polygon", "coordinates": rings}})
features.append({"type": "Feature", "properties": {"statcode": "GM9999"},
                 "geometry": {"type": "Polygon", "coordinates": [[[5, 52], [5.01, 52], [5.01, 52.01], [5, 52]]]}})
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[2], "w"))
EOT
run --geojson "$work/zones.geojson" --frames 30 --screenshot "$work/geojson.png" > "$work/geojson.out" 2> "$work/geojson.err" ||
  fail "--geojson exited non-zero: $(cat "$work/geojson.err")"
grep -q "GM9999 is not one of the model's zones" "$work/geojson.err" || fail "no warning for an unknown code"
"$check" "$work/geojson.png" --rect $(map_area "$work/geojson.out") --min-pixels 100 --min-colours 6 ||
  fail "the GeoJSON map shows too few colours"
echo '{"type": "FeatureCollection", "features": [' > "$work/broken.geojson"
if run --geojson "$work/broken.geojson" --frames 1 2> "$work/broken.err"; then fail "a broken GeoJSON was accepted"; fi
grep -q "broken.geojson" "$work/broken.err" || fail "the GeoJSON error does not name the file: $(cat "$work/broken.err")"

echo "== 4. errors"
printf 'indicator deaths\nfly_to_mars 2030\n' > "$work/bad.txt"
if run --script "$work/bad.txt" 2> "$work/bad.err"; then fail "an unknown script command was accepted"; fi
grep -q "bad.txt:2: unknown command 'fly_to_mars'" "$work/bad.err" || fail "the script error does not name the line: $(cat "$work/bad.err")"
printf 'zone XX0000\n' > "$work/badzone.txt"
if run --script "$work/badzone.txt" 2> /dev/null; then fail "an unknown zone was accepted"; fi
if run --screenshot "$work/x.png" 2> /dev/null; then fail "--screenshot without --frames was accepted"; fi
if run --scale 7 --frames 1 2> /dev/null; then fail "--scale 7 was accepted"; fi

echo "== 5. the scenario panel"
cat > "$lib/falls.json" <<'EOT'
{"name": "falls_test", "description": "Falls prevention for residents aged 65 and over.", "extends": "baseline.json",
 "interventions": [{"id": "falls_test", "name": "Falls prevention (65+)", "programme": "seniors",
   "who": {"age_min": 65}, "when": {"start_year": 2025}, "reach": {"coverage": 0.3},
   "effects": [{"target": "fall", "relative_risk": 0.7, "duration_years": 2}], "cost": {"per_participant_eur": 400, "price_year": 2023}}]}
EOT
echo '{"name": "broken", "interventions": {}}' > "$lib/broken.json"
cat > "$work/panel.txt" <<EOT
panel scenario
indicator hip_fractures
speed max
advance_to 2022
enable falls_test
wait_preview
coverage falls_test 60
start_year falls_test 2023
target falls_test GM0344
wait_preview
frames 2
screenshot $work/preview.png
wait_result
target falls_test all
wait_result
advance_to 2030
year 2030
side_by_side falls
wait_result
frames 5
screenshot $work/panel.png
csv $work/panel.csv
save_scenario $work/edited.json
load $work/edited.json
wait_result
quit
EOT
run --library "$lib" --script "$work/panel.txt" > "$work/panel.out" 2> "$work/panel.err" ||
  fail "the scenario script exited non-zero: $(cat "$work/panel.err")"
cat "$work/panel.out"
grep -q "broken.json skipped" "$work/panel.err" || fail "no warning for a broken library file"
# (the fourth waits for the side-by-side run, so that the CSV below has it however busy the machine)
[ "$(grep -c '^result: ' "$work/panel.out")" = 4 ] || fail "the re-runs did not report their timing"
# At --scale 0.02 an edit is previewed at 1% of residents (same seed, its own baseline) first.
[ "$(grep -c '^preview: [0-9.]* s after the change' "$work/panel.out")" = 2 ] || fail "the previews did not report their timing"
"$check" "$work/preview.png" --min-colours 20 || fail "the preview screenshot is blank"
"$check" "$work/panel.png" --min-colours 20 || fail "the panel screenshot is blank"
grep -q ",baseline-edited," "$work/panel.csv" || fail "no edited scenario in the CSV"
grep -q ",Baseline (no interventions)," "$work/panel.csv" || fail "no baseline in the CSV"
grep -q ",falls_test," "$work/panel.csv" || fail "no side-by-side scenario in the CSV"
python3 - "$work/edited.json" <<'EOT' || fail "the saved scenario is not the edited one"
import json, sys
d = json.load(open(sys.argv[1]))
i = [x for x in d["interventions"] if x["id"] == "falls_test"][0]
assert d["name"] == "baseline-edited", d["name"]
# An edited scenario says so in its titles too (the baseline's would tell the room "no new policy").
assert d["title"].endswith(" (edited)") and d["title_nl"].endswith(" (aangepast)"), (d.get("title"), d.get("title_nl"))
assert i["enabled"] and abs(i["reach"]["coverage"] - 0.6) < 1e-9 and i["when"]["start_year"] == 2023, i
assert i["who"]["zones"] == [], i["who"]["zones"]
EOT
printf 'panel scenario\ntab costs\nspeed max\nenable falls_test\nwait_result\nside_by_side falls\nwait_result\nframes 3\nscreenshot %s\ncsv %s\ntab trend\nside_by_side falls\nuncertainty on\nwait_replicates\nframes 2\nscreenshot %s\ncsv %s\nquit\n' \
  "$work/workshop.png" "$work/costs.csv" "$work/band.png" "$work/band.csv" > "$work/workshop.txt"
run --workshop --library "$lib" --script "$work/workshop.txt" > "$work/workshop.out" 2> /dev/null ||
  fail "the workshop script exited non-zero"
grep -q "^replicates: 5 " "$work/workshop.out" || fail "the replicates for the interval did not finish"
# The line is the mean of the replicates and the band its interval: every value inside its own band.
python3 - "$work/band.csv" <<'EOT' || fail "a value outside its own 95% interval"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["lower"] and r["upper"]]
assert len(rows) >= 10, f"only {len(rows)} rows with an interval"
for r in rows:
    v, lo, hi = float(r["value"]), float(r["lower"]), float(r["upper"])
    assert lo <= v <= hi, r
print(f"band: {len(rows)} values, each inside its interval")
EOT
"$check" "$work/band.png" --min-colours 20 || fail "the band screenshot is blank"
"$check" "$work/workshop.png" --min-colours 20 || fail "the workshop screenshot is blank"
head -1 "$work/costs.csv" |
  grep -qx "year,scenario,intervention_cost_eur,care_cost_change_eur,net_cost_eur,qalys_gained,participants" ||
  fail "the costs CSV header"
grep -q "^2031,baseline-edited,[0-9]" "$work/costs.csv" || fail "no costs of the edited scenario to its last year (2031)"
# A slider dragged and held still runs its value after 150 ms (debounced), before it is released; the
# release then runs nothing more. (1600x900: the coverage slider of the added intervention at y 471.)
cat > "$work/drag.txt" <<EOT
panel scenario
speed max
enable falls_test
wait_result
press 60 471
mouse 120 471
frames 2
mouse 200 471
frames 40
wait_preview
save_scenario $work/held.json
release 200 471
frames 5
wait_result
save_scenario $work/released.json
quit
EOT
xvfb-run -a -s '-screen 0 1600x900x24' "$viewer" --scale 0.02 "$lib/baseline.json" --library "$lib" --script "$work/drag.txt" > "$work/drag.out" 2> /dev/null ||
  fail "the drag script exited non-zero"
cat "$work/drag.out"
python3 - "$work/held.json" "$work/released.json" <<'EOT' || fail "the held slider did not run its value (debounce)"
import json, sys
held, released = ([i for i in json.load(open(f))["interventions"] if i["id"] == "falls_test"][0] for f in sys.argv[1:])
c = held["reach"]["coverage"]
assert 0.3 < c <= 1 and released["reach"]["coverage"] == c, (c, released["reach"]["coverage"])
EOT
[ "$(grep -c '^preview: ' "$work/drag.out")" = 1 ] || fail "the drag was not previewed exactly once"
printf 'enable no_such_intervention\n' > "$work/unknown.txt"
if run --library "$lib" --script "$work/unknown.txt" 2> "$work/unknown.err"; then fail "an unknown intervention was accepted"; fi
grep -q "unknown.txt:1: .*no_such_intervention" "$work/unknown.err" || fail "unknown intervention: $(cat "$work/unknown.err")"

echo "viewer_test: all passed"
