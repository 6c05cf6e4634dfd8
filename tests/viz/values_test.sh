#!/usr/bin/env bash
# The viewer shows the numbers `hhu run` writes: for every indicator of the catalogue, for the province
# and one district, the values the viewer exports (its chart's CSV) equal yearly.csv of `hhu run` at the
# same scenario, scale and seed, after the viewer's display scaling (per 1,000 residents or live births,
# per resident, percent). Indicators are visited in catalogue order, so a value cache that confuses two
# indicators shows one indicator's numbers under another's name and fails here.
# usage: values_test.sh HHU VIEWER SOURCE_DIR
set -euo pipefail
hhu=$1
viewer=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "values_test: FAIL: $*" >&2; exit 1; }
scale=0.02

# A horizon of 2031 (every indicator still compared over 11 years) keeps the test short.
sed 's/"end_year": 2040/"end_year": 2031/' "$src/scenarios/baseline.json" > "$work/baseline.json"
grep -q '"end_year": 2031' "$work/baseline.json" || fail "the baseline's end year was not shortened"
"$hhu" run "$work/baseline.json" --scale $scale --out "$work/run" > /dev/null || fail "hhu run"
mkdir -p "$work/csv"
{
  echo "speed max"
  echo "advance_to 2031"
  tail -n +2 "$src/data/indicators.csv" | cut -d, -f1 | while read -r name; do
    for zone in PV26 WK034403; do
      echo "indicator $name"
      echo "zone $zone"
      echo "csv $work/csv/$name.$zone.csv"
    done
  done
  echo "quit"
} > "$work/script.txt"
xvfb-run -a -s '-screen 0 1280x800x24' "$viewer" --scale $scale "$work/baseline.json" --script "$work/script.txt" > "$work/viewer.out" 2>&1 ||
  fail "the viewer exited non-zero: $(tail -5 "$work/viewer.out")"

python3 - "$work/run/yearly.csv" "$work/csv" "$src/data/indicators.csv" <<'EOT' || fail "the viewer's values differ from hhu run's"
import csv, glob, os, sys
yearly, folder, catalogue = sys.argv[1:]
run = {}
for r in csv.DictReader(open(yearly)):
    if r["sex"] == r["age_group"] == r["education"] == "all":
        run[(r["indicator"], r["zone"], int(r["year"]))] = float(r["value"])
names = [r["name"] for r in csv.DictReader(open(catalogue))]
checked, bad, zones_seen = 0, [], set()
for name in names:
    for zone in ("PV26", "WK034403"):
        path = os.path.join(folder, f"{name}.{zone}.csv")
        if not os.path.exists(path):
            bad.append(f"{name} {zone}: no CSV exported")
            continue
        for r in csv.DictReader(open(path)):
            if r["scenario"] != "baseline":
                continue
            shown, z, year = r["indicator"], r["zone"], int(r["year"])
            zones_seen.add(z)
            key = (name, z, year)
            if key not in run:
                bad.append(f"{name} {z} {year}: the viewer shows {r['value']}, hhu run has no such row")
                continue
            v = run[key]
            if shown == name:
                factor = 1
            elif shown.endswith("_per_1000_residents"):
                factor = 1000 / run[("population", z, year)]
            elif shown.endswith("_per_1000_live_births"):
                factor = 1000 / run[("births", z, year)]
            elif shown.endswith("_per_resident"):
                factor = 1 / run[("population", z, year)]
            elif shown.endswith("_percent"):
                factor = 100
            else:
                bad.append(f"{name}: unknown display name {shown}")
                continue
            expected = factor * v
            got = float(r["value"])
            checked += 1
            # Both files round to 4 decimals (format_value): yearly.csv's value before the display
            # scaling, the viewer's after it. Another indicator's numbers are far outside this.
            tolerance = 0.5e-4 * (1 + factor) * 1.01 + 1e-9 * abs(expected)
            if abs(got - expected) > tolerance:
                bad.append(f"{name} ({shown}) {z} {year}: viewer {got}, hhu run {expected}")
print(f"values_test: {checked} values of {len(names)} indicators compared, zones {sorted(zones_seen)}")
if checked < len(names) * 10:
    bad.append(f"only {checked} values compared")
for b in bad[:20]:
    print("  " + b)
sys.exit(1 if bad else 0)
EOT
echo "values_test: all passed"
