#!/usr/bin/env bash
# Workshop mode at a projector's 1280x720: Dutch by default (English with --language en, a bad language
# refused naming the flag), scenarios side by side as one large map with a switcher rather than three
# small maps, the chart buttons and "What changes" in Dutch, screenshots that are not blank.
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
run --workshop --language en --frames 2 > "$work/en.out" 2> /dev/null || fail "workshop --language en exited non-zero"
grep -q "; language en$" "$work/en.out" || fail "--language en was not taken"
run --frames 2 > "$work/normal.out" 2> /dev/null || fail "normal mode --frames exited non-zero"
grep -q "; language en$" "$work/normal.out" || fail "normal mode is not in English"

# Two scenarios side by side with the live one: one large map and a switcher, What changes in Dutch.
printf 'speed max\npanel scenario\nside_by_side seniors_fall_prevention\nside_by_side lifestyle_gli\nwait_result\nchanges on\nwait_changes\nframes 3\nscreenshot %s\nchanges_csv %s\nquit\n' \
  "$work/side.png" "$work/changes.csv" > "$work/side.txt"
run --workshop "$work/scenarios/health_hub_agenda.json" --script "$work/side.txt" > "$work/side.out" 2> "$work/side.err" ||
  fail "the side-by-side script exited non-zero: $(cat "$work/side.err")"
grep -q "^maps: 1 drawn for 3 scenarios (one large map and a switcher)" "$work/side.out" ||
  fail "side by side is not one large map: $(grep '^maps' "$work/side.out")"
"$check" "$work/side.png" --min-colours 20 || fail "the side-by-side screenshot is blank"
grep -q "^qalys_gained," "$work/changes.csv" || fail "no QALYs in the What changes table"
echo "workshop_test: ok"
