#!/usr/bin/env bash
# hhu-viewer end to end, without a screen (Xvfb):
#   1. --frames N --screenshot: exits 0, the PNG is not blank and the map shows several colours;
#   2. --script: indicator, zone, advance_to, year, frames, screenshot, csv, quit;
#   3. --geojson: real boundaries are drawn, unknown codes are warned about, a broken file is an error;
#   4. errors: an unknown script command names its line; bad flags exit non-zero.
# usage: viewer_test.sh VIEWER PNG_CHECK SOURCE_DIR
set -euo pipefail
viewer=$1
check=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "viewer_test: FAIL: $*" >&2; exit 1; }
run() { xvfb-run -a -s '-screen 0 1280x800x24' "$viewer" --scale 0.02 "$@"; }
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
head -1 "$work/series.csv" | grep -qx "year,zone,indicator,value" || fail "CSV header"
grep -q "^2021,GM0344,life_expectancy,[0-9.]*$" "$work/series.csv" || fail "CSV rows for GM0344"
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

echo "viewer_test: all passed"
