#!/usr/bin/env bash
# Workshop mode at a projector's 1280x720: Dutch by default (English with --language en, a bad language
# refused naming the flag), scenarios side by side as one large map with a switcher rather than three
# small maps, the chart buttons and "What changes" in Dutch, screenshots that are not blank; the scenarios'
# titles and descriptions in Dutch from the files' title_nl and description_nl (the English as written in
# English), on the cards, the heading, What changes and the chart CSV.
# usage: workshop_test.sh VIEWER PNG_CHECK SOURCE_DIR
set -euo pipefail
viewer=$1
check=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "workshop_test: FAIL: $*" >&2; exit 1; }
# The library's scenarios with a horizon of 2031 instead of 2040 (they extend baseline.json): what is
# checked here does not depend on the horizon, and three scenarios with their baselines run in half the time.
cp -r "$src/scenarios" "$work/scenarios"
sed -i 's/"end_year": 2040/"end_year": 2031/' "$work/scenarios/baseline.json"
grep -q '"end_year": 2031' "$work/scenarios/baseline.json" || fail "the baseline's end year was not shortened"
run() { xvfb-run -a -s '-screen 0 1280x720x24' "$viewer" --scale 0.01 --library "$work/scenarios" "$@"; }

# A language the viewer does not speak: refused before a window opens, naming the flag.
if run --workshop --language fr --frames 1 > /dev/null 2> "$work/lang.err"; then fail "--language fr was accepted"; fi
grep -q "language" "$work/lang.err" || fail "the error does not name --language: $(cat "$work/lang.err")"

# Dutch by default in workshop mode, English otherwise and when asked.
run --workshop --frames 2 > "$work/nl.out" 2> /dev/null || fail "workshop --frames exited non-zero"
grep -q "; language nl$" "$work/nl.out" || fail "workshop mode is not in Dutch: $(grep '^maps' "$work/nl.out")"
printf 'scenarios_csv %s\nquit\n' "$work/words_en.csv" > "$work/words_en.txt"
run --workshop --language en "$work/scenarios/health_hub_agenda.json" --script "$work/words_en.txt" > "$work/en.out" \
  2> /dev/null || fail "workshop --language en exited non-zero"
grep -q "; language en$" "$work/en.out" || fail "--language en was not taken"
run --frames 2 > "$work/normal.out" 2> /dev/null || fail "normal mode --frames exited non-zero"
grep -q "; language en$" "$work/normal.out" || fail "normal mode is not in English"

# Two scenarios side by side with the live one: one large map and a switcher, What changes in Dutch.
printf 'speed max\npanel scenario\nside_by_side seniors_fall_prevention\nside_by_side lifestyle_gli\nwait_result\nchanges on\nwait_changes\nframes 3\nscreenshot %s\nchanges_csv %s\nscenarios_csv %s\ncsv %s\nquit\n' \
  "$work/side.png" "$work/changes.csv" "$work/words_nl.csv" "$work/series.csv" > "$work/side.txt"
run --workshop "$work/scenarios/health_hub_agenda.json" --script "$work/side.txt" > "$work/side.out" 2> "$work/side.err" ||
  fail "the side-by-side script exited non-zero: $(cat "$work/side.err")"
grep -q "^maps: 1 drawn for 3 scenarios (one large map and a switcher)" "$work/side.out" ||
  fail "side by side is not one large map: $(grep '^maps' "$work/side.out")"
"$check" "$work/side.png" --min-colours 20 || fail "the side-by-side screenshot is blank"
grep -q "^qalys_gained," "$work/changes.csv" || fail "no QALYs in the What changes table"

# The words shown for each scenario: in Dutch the file's title_nl and the first sentence of its
# description_nl (never a file name), in English the description's lead and first sentence as before.
python3 - "$work/scenarios" "$work/words_nl.csv" "$work/words_en.csv" "$work/changes.csv" "$work/series.csv" <<'EOT' ||
import csv, json, pathlib, sys
library = {p.name: json.load(open(p, encoding="utf-8")) for p in pathlib.Path(sys.argv[1]).glob("*.json")}
def first_sentence(text):  # as a card shows it: at most 200 bytes, else cut with an ellipsis
    s = text[:text.find(". ") + 1] if ". " in text else text
    if len(s.encode()) <= 200:
        return s
    return s.encode()[:200].decode(errors="ignore") + "\u2026"
def english_title(f):  # sim/scenario/scenario_words.hpp: title, else the description's lead, else the name
    d = f["description"]
    ends = [i for i in (d.find(":"), d.find(".")) if i >= 0]
    lead = d[:min(ends)] if ends and 8 <= min(ends) <= 60 else ""
    return f.get("title") or lead or f["name"].replace("_", " ")[:1].upper() + f["name"].replace("_", " ")[1:]
def rows(path):
    return list(csv.DictReader(open(path, encoding="utf-8")))
nl, en = rows(sys.argv[2]), rows(sys.argv[3])
cards = [r for r in nl if r["place"] == "card"]
assert len(cards) == len(library) == 16, (len(cards), len(library))
for r in cards:
    f = library[r["file"]]
    assert r["title"] == f["title_nl"], (r["file"], r["title"])
    assert r["description"] == first_sentence(f["description_nl"]), (r["file"], r["description"])
    assert "_" not in r["title"], r
agenda = library["health_hub_agenda.json"]
heading = [r for r in nl if r["place"] == "heading"]
assert heading and heading[0]["title"] == agenda["title_nl"], heading
for r in en:
    f = library[r["file"]] if r["place"] == "card" else agenda
    assert r["title"] == english_title(f), (r, english_title(f))
    assert r["description"] == first_sentence(f["description"]), r
changes = rows(sys.argv[4])
assert {r["scenario"] for r in changes} == {agenda["title_nl"]}, {r["scenario"] for r in changes}
series = rows(sys.argv[5])
assert agenda["title_nl"] in {r["scenario_title"] for r in series}, {r["scenario_title"] for r in series}
print(f"titles: {len(cards)} cards in Dutch and English, the heading, What changes and the chart CSV")
EOT
  fail "a scenario's title or description is not the file's words in its language"
echo "workshop_test: ok"
