#!/usr/bin/env bash
# The viewer a policymaker uses unaided, end to end under Xvfb:
#   1. the real map by default (data/geo), Utrecht's districts as cells inside the city's outline; the
#      schematic map, with a warning, when the data directory has no boundaries;
#   2. "What changes" of a scenario against its baseline simulated in the viewer: the same numbers as
#      `hhu compare` of the same runs written by `hhu run` (sim/compare is the one definition);
#      the map alone exported as PNG; the difference map;
#   3. run directories of `hhu run` with replicates opened by path (--open-runs and the script's
#      open_runs): again hhu compare's numbers, now with intervals; its CSV carries the runs;
#   4. the same in Dutch (--language nl): the costs panel shows compare's numbers written the Dutch way
#      (1.234,5 and "1,5 mln"), the same numbers once parsed; the CSV keeps compare's own cells.
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
# Its horizon is 2031 (2030 and a last year, as compare reports them), to keep the test short.
sed 's/"end_year": 2040/"end_year": 2031/' "$src/scenarios/baseline.json" > "$work/baseline.json"
grep -q '"end_year": 2031' "$work/baseline.json" || fail "the baseline's end year was not shortened"
cat > "$work/falls.json" <<'EOT'
{"name": "falls_test", "description": "Falls prevention: residents aged 65 and over.", "extends": "baseline.json",
 "interventions": [{"id": "falls_test", "name": "Falls prevention (65+)", "programme": "seniors",
   "who": {"age_min": 65}, "when": {"start_year": 2023}, "reach": {"coverage": 0.4},
   "effects": [{"target": "fall", "relative_risk": 0.7, "duration_years": 2}], "cost": {"per_participant_eur": 400, "price_year": 2023}}]}
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

# Each cell of the viewer's costs panel (its CSV) must be the very string hhu compare prints for that row
# and period: payers, returns on investment, break-even years, cost per QALY, net benefit at 20k/50k/80k,
# and the societal perspective's rows.
costs_as_compare() {  # COSTS_CSV COMPARE_STDOUT EXPECTED_REPLICATES
  python3 - "$@" <<'EOT'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
lines = open(sys.argv[2]).read().split("\n")
header = next(l for l in lines if l.startswith("measure"))
# Columns from the third on are right-aligned: each ends where its header ends.
tokens, ends, pos = re.split(r"\s{2,}", header.strip()), [], 0
for t in tokens:
    pos = header.index(t, pos) + len(t)
    ends.append(pos)
def column(period):
    for i, t in enumerate(tokens):
        if i >= 3 and (t == period if period == "lifetime" else t.startswith(period)):
            return i
    raise AssertionError(f"no column {period} in {tokens}")
table, group = {}, None
for l in lines[lines.index(header) + 1:]:
    if l and not l.startswith("  "):
        group = l
    elif l.startswith("  "):
        label = re.split(r"\s{2,}", l.strip())[0]
        table[(group, label)] = l
measures = {r["measure"] for r in rows}
for m in ("cost_per_qaly_gained", "net_monetary_benefit_20k", "net_monetary_benefit_50k", "net_monetary_benefit_80k",
          "intervention_cost_change", "care_cost_change"):
    assert m in measures, f"{m} not in the costs panel"
payers = ("insurer_zvw", "long_term_care_wlz", "municipality", "programme_funder")
for p in payers:
    assert "cost_change_" + p in measures, f"no payer {p}"
for p in payers[:3] + ("all_payers",):
    assert "return_on_investment_" + p in measures and "break_even_year_" + p in measures, f"no return for {p}"
# The payers are split with the care prices of the data directory, as hhu compare splits them: not n/a.
for r in rows:
    if r["measure"] == "cost_change_insurer_zvw" and r["period"] == "cumulated":
        assert r["cell"] not in ("", "n/a"), r
# The societal perspective (issue 14): informal care, productivity losses by the friction-cost method, the
# societal net cost and its net benefit, each with a value (the runs have deaths and new cases by age).
societal = ("informal_care_value_change", "productivity_loss_deaths_change", "productivity_loss_new_cases_change",
            "productivity_loss_change", "societal_cost_change", "net_monetary_benefit_societal_20k")
for m in societal:
    assert m in measures, f"{m} not in the costs panel"
    for period in ("cumulated", "discounted"):
        cell = [r["cell"] for r in rows if r["measure"] == m and r["period"] == period]
        assert cell and cell[0] not in ("", "n/a"), (m, period, cell)
for r in rows:
    line = table[(r["group"], r["label"])]
    i = column(r["period"])
    cell = line[ends[i - 1]:ends[i]].strip()
    assert cell == r["cell"], (r["measure"], r["period"], "viewer", r["cell"], "hhu compare", cell)
    assert r["replicates"] == sys.argv[3], r
print(f"costs: {len(rows)} cells of {len(measures)} rows, each the string hhu compare prints")
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
chart_png $work/chart_trend.png trend
chart_png $work/chart_districts.png districts
costs on
wait_changes
frames 3
screenshot $work/costs.png
costs_csv $work/costs.csv
costs off
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
# One chart alone for a memo: the chart's size, its title at the top, the scenario and source lines at
# the bottom, a chart in between (several colours), for the trend and for the districts with their table.
for chart in trend districts; do
  png=$work/chart_$chart.png
  "$check" "$png" --min-pixels 20 --min-colours 4 > "$work/chart_$chart.out" || fail "the $chart chart PNG shows too few colours"
  grep -q ": 1280x800;" "$work/chart_$chart.out" || fail "the $chart chart PNG is not 1280x800: $(cat "$work/chart_$chart.out")"
  "$check" "$png" --rect 0 0 1280 50 --min-pixels 20 --min-colours 2 > /dev/null || fail "no title on the $chart chart PNG"
  "$check" "$png" --rect 0 730 1280 70 --min-pixels 20 --min-colours 2 > /dev/null || fail "no source lines on the $chart chart PNG"
  grep -q "^chart png: $png 1280x800" "$work/live.out" || fail "the $chart chart export was not reported"
done
"$check" "$work/costs.png" --min-colours 20 || fail "the costs panel screenshot is blank"
# The difference map: scenario minus baseline per zone, in several colours of its diverging scale.
"$check" "$work/difference.png" --rect $(map_area "$work/live.out") --min-pixels 100 --min-colours 4 ||
  fail "the difference map shows too few colours"
"$hhu" run "$work/baseline.json" --scale 0.02 -q -o "$work/base1" > /dev/null
"$hhu" run "$work/falls.json" --scale 0.02 -q -o "$work/scen1" > /dev/null
"$hhu" compare "$work/base1" "$work/scen1" -o "$work/cmp1" > "$work/cmp1.txt"
same_as_compare "$work/live.csv" "$work/cmp1.csv" 1 || fail "the viewer's what-changes differs from hhu compare"
costs_as_compare "$work/costs.csv" "$work/cmp1.txt" 1 || fail "the viewer's costs panel differs from hhu compare"

echo "== 3. run directories with replicates, opened by path"
"$hhu" run "$work/baseline.json" --scale 0.01 -r 3 -q -o "$work/base3" > /dev/null
"$hhu" run "$work/falls.json" --scale 0.01 -r 3 -q -o "$work/scen3" > /dev/null
"$hhu" compare "$work/base3" "$work/scen3" -o "$work/cmp3" > "$work/cmp3.txt"
printf 'wait_changes\nframes 3\nscreenshot %s\nchanges_csv %s\ncosts_csv %s\nquit\n' "$work/opened.png" "$work/opened.csv" \
  "$work/opened_costs.csv" > "$work/open.txt"
run --scale 0.01 --open-runs "$work/base3" "$work/scen3" --script "$work/open.txt" > "$work/open.out" 2> "$work/open.err" ||
  fail "--open-runs exited non-zero: $(cat "$work/open.err")"
grep -q "^changes: 3 replicates paired" "$work/open.out" || fail "the opened runs did not report 3 replicates"
same_as_compare "$work/opened.csv" "$work/cmp3.csv" 3 || fail "the opened runs' what-changes differs from hhu compare"
costs_as_compare "$work/opened_costs.csv" "$work/cmp3.txt" 3 || fail "the opened runs' costs panel differs from hhu compare"
grep -q ',[0-9.e+-]*,[0-9.e+-]\+,[0-9.e+-]\+,3,' "$work/opened.csv" || fail "no interval in the opened runs' CSV"
printf 'open_runs %s %s\nwait_changes\nchanges_csv %s\nquit\n' "$work/base3" "$work/scen3" "$work/script_open.csv" > "$work/open2.txt"
run --scale 0.01 --script "$work/open2.txt" > /dev/null 2> "$work/open2.err" || fail "open_runs exited non-zero: $(cat "$work/open2.err")"
cmp -s "$work/opened.csv" "$work/script_open.csv" || fail "open_runs and --open-runs differ"
if run --scale 0.01 --open-runs "$work/base3" "$work/nothing" --frames 1 2> "$work/bad.err"; then fail "a missing run directory was accepted"; fi
grep -q "nothing" "$work/bad.err" || fail "the error does not name the directory: $(cat "$work/bad.err")"
echo "== 4. the costs panel in Dutch: the same numbers, written the Dutch way"
printf 'costs on\nwait_changes\nframes 3\nscreenshot %s\ncosts_csv %s\nquit\n' "$work/dutch.png" "$work/dutch_costs.csv" > "$work/dutch.txt"
run --language nl --scale 0.01 --open-runs "$work/base3" "$work/scen3" --script "$work/dutch.txt" > "$work/dutch.out" \
  2> "$work/dutch.err" || fail "the Dutch costs panel exited non-zero: $(cat "$work/dutch.err")"
"$check" "$work/dutch.png" --min-colours 20 || fail "the Dutch costs panel screenshot is blank"
costs_as_compare "$work/dutch_costs.csv" "$work/cmp3.txt" 3 || fail "the Dutch costs panel's cells differ from hhu compare"
python3 - "$work/dutch_costs.csv" <<'EOT' || fail "the Dutch costs panel does not show compare's numbers the Dutch way"
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
# A number of compare's formatter ("-1,234.5", "1.2M", "950k") and the same written the Dutch way
# ("-1.234,5", "1,2 mln", "950k"): parsed, they must be equal.
english_number = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?(?:M|bn|k)?")
dutch_number = re.compile(r"-?[0-9][0-9.]*(?:,[0-9]+)?(?: mln| mld|k)?")
scale = {"M": 1e6, "bn": 1e9, "k": 1e3, " mln": 1e6, " mld": 1e9}
def value(text, thousands, decimal):
    for suffix, factor in scale.items():
        if text.endswith(suffix):
            return value(text[: -len(suffix)], thousands, decimal) * factor
    return float(text.replace(thousands, "").replace(decimal, "."))
checked = 0
for r in rows:
    cell, shown = r["cell"], r["shown"]
    if cell in ("", "n/a"):
        assert shown in ("\u2013", "n.v.t."), (r["measure"], cell, shown)
        continue
    english = [value(m, ",", ".") for m in english_number.findall(cell.replace("dominant: ", ""))]
    dutch = [value(m, ".", ",") for m in dutch_number.findall(shown.replace("dominant: ", ""))]
    assert english == dutch, (r["measure"], r["period"], cell, shown)
    if re.search(r"[0-9]\.[0-9]", cell):  # a decimal point in English: a decimal comma in Dutch
        assert re.search(r"[0-9],[0-9]", shown), (cell, shown)
    checked += len(english)
societal = {r["measure"] for r in rows if r["group"].startswith("Societal perspective")}
assert {"productivity_loss_change", "societal_cost_change", "net_monetary_benefit_societal_20k"} <= societal, societal
assert checked > 100, checked
print(f"Dutch costs panel: {checked} numbers, each compare's, written the Dutch way")
EOT
echo "changes_test: OK"
