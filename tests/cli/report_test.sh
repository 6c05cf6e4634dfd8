#!/usr/bin/env bash
# hhu report end to end: small paired runs of the baseline and the Health Hub agenda, the brief in
# English and Dutch, rendered by headless Chromium. Checks that the page is self-contained, that the
# screenshot is not blank, that the page text holds the headline numbers exactly as `hhu compare`
# prints them (localised in Dutch), that the scenarios are titled in words (Dutch: the files' title_nl),
# that it prints to PDF, and that bad input writes nothing.
# Usage: report_test.sh HHU_BINARY SOURCE_DIR
set -u
hhu="$1"; src="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "FAIL: chromium not found (tools/bootstrap.sh installs the Debian package chromium)"; exit 1; }
# Chromium writes its profile under HOME; keep it in the test's folder.
export HOME="$tmp/home"; mkdir -p "$HOME"
chrome() { "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
             --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.log"; }

# Small runs; the agenda takes the baseline's stored migration plan instead of stepping a policy-free twin.
small=(--scale 0.01 -r 2 -q)
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/base" "${small[@]}" >/dev/null || { echo "FAIL: baseline run"; exit 1; }
"$hhu" run "$src/scenarios/health_hub_agenda.json" --out "$tmp/agenda" --migration-from "$tmp/base" "${small[@]}" >/dev/null ||
  { echo "FAIL: agenda run"; exit 1; }
"$hhu" compare "$tmp/base" "$tmp/agenda" --out "$tmp/cmp" >"$tmp/compare.txt" || { echo "FAIL: compare"; exit 1; }

for lang in en nl; do
  "$hhu" report "$tmp/base" "$tmp/agenda" --out "$tmp/brief_$lang.html" --lang "$lang" >/dev/null || bad "report --lang $lang"
done
[ -s "$tmp/brief_en.html" ] && [ -s "$tmp/brief_nl.html" ] || { echo "FAIL: no brief written"; exit 1; }
# The same runs give the same bytes.
"$hhu" report "$tmp/base" "$tmp/agenda" --out "$tmp/again.html" --lang en >/dev/null || bad "report again"
cmp -s "$tmp/brief_en.html" "$tmp/again.html" || bad "the same runs gave a different brief"

# Self-contained: no scripts, nothing fetched (the only URL is the SVG namespace).
for lang in en nl; do
  f="$tmp/brief_$lang.html"
  grep -qi '<script' "$f" && bad "$lang: the brief has a script"
  grep -qiE '(src|href)=|@import|url\(' "$f" && bad "$lang: the brief refers to another file"
  [ "$(grep -oE 'https?://[^"]*' "$f" | sort -u)" = "http://www.w3.org/2000/svg" ] || bad "$lang: a URL other than the SVG namespace"
  grep -q "<html lang=\"$lang\">" "$f" || bad "$lang: html lang attribute"
done
# The scenarios in plain words, not file names: the files' title_nl in Dutch and title in English (the brief's title
# and the heading of its table; a scenario without an English title: the description's lead); compare's header says
# the same.
words() { python3 -c 'import html, json, sys; print(html.escape(json.load(open(sys.argv[1], encoding="utf-8"))[sys.argv[2]]).replace("&#x27;", "&#39;"))' "$src/scenarios/$1" "$2"; }
grep -qF "<h1>Beleidsnotitie: $(words health_hub_agenda.json title_nl)</h1>" "$tmp/brief_nl.html" || bad "nl: the agenda's Dutch title is not the brief's title"
grep -qF "“$(words baseline.json title_nl)”" "$tmp/brief_nl.html" || bad "nl: the baseline's Dutch title is not named"
grep -qF "<h1>Policy brief: $(words health_hub_agenda.json title)</h1>" "$tmp/brief_en.html" || bad "en: the agenda is not titled in words"
grep -q "health_hub_agenda</h1>" "$tmp/brief_en.html" "$tmp/brief_nl.html" && bad "a brief is titled with a file name"
grep -qF "\"$(words health_hub_agenda.json title)\" minus \"Demographic baseline of the Utrecht region 2021-2040\"" "$tmp/compare.txt" ||
  bad "compare's header does not name the runs in words"
# The scenario's notes among the assumptions, in the page's language (notes_nl in Dutch); no maintainer's notes.
grep -qF "$(python3 -c 'import html, json, sys; print(html.escape(json.load(open(sys.argv[1], encoding="utf-8"))["notes_nl"][0]).replace("&#x27;", "&#39;"))' "$src/scenarios/health_hub_agenda.json")" "$tmp/brief_nl.html" ||
  bad "nl: the agenda's Dutch notes are not among the assumptions"
grep -qF "Every programme names the published source" "$tmp/brief_nl.html" && bad "nl: English notes in the Dutch brief"
grep -qF "Every programme names the published source" "$tmp/brief_en.html" || bad "en: the agenda's notes are not among the assumptions"
grep -qiE "build_scenarios|edit the script" "$tmp/brief_en.html" "$tmp/brief_nl.html" && bad "a brief shows a maintainer's note"
# The map has the 26 outlines; the districts are a labelled chart.
[ "$(grep -o '<path d=' "$tmp/brief_en.html" | wc -l)" -ge 26 ] || bad "en: fewer than 26 municipal outlines"
grep -q 'Leidsche Rijn' "$tmp/brief_en.html" || bad "en: Utrecht's districts not labelled"

# Rendered by Chromium: the DOM it builds, a screenshot that is not blank, and a PDF.
for lang in en nl; do
  chrome --dump-dom "file://$tmp/brief_$lang.html" >"$tmp/dom_$lang.html" || bad "$lang: chromium --dump-dom"
  chrome --screenshot="$tmp/shot_$lang.png" --window-size=1280,2000 "file://$tmp/brief_$lang.html" >/dev/null ||
    bad "$lang: chromium --screenshot"
  python3 "$src/tests/cli/png_check.py" "$tmp/shot_$lang.png" --min-variance 200 --min-colours 20 || bad "$lang: blank screenshot"
done
chrome --print-to-pdf="$tmp/brief.pdf" "file://$tmp/brief_nl.html" >/dev/null || bad "chromium --print-to-pdf"
[ "$(head -c 4 "$tmp/brief.pdf" 2>/dev/null)" = "%PDF" ] || bad "no PDF printed"
[ "$(grep -o '<svg' "$tmp/dom_en.html" | wc -l)" -ge 7 ] || bad "en: Chromium's DOM has no SVG"

# The headline numbers as compare prints them are in the rendered page (in Dutch: the same numbers
# written the Dutch way), and the Dutch page speaks Dutch.
python3 - "$tmp/compare.txt" "$tmp/dom_en.html" "$tmp/dom_nl.html" <<'PY' || bad "headline numbers"
import html, re, sys
compare, dom_en, dom_nl = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
text = lambda dom: html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", dom)))  # the page's text
dom_en, dom_nl = text(dom_en), text(dom_nl)
def dutch(cell):
    s = cell.replace(", ", "\x01").translate(str.maketrans(".,", ",."))
    s = re.sub(r"(\d)bn", r"\1 mld", re.sub(r"(\d)M", r"\1 mln", s))
    s = s.replace("\x01", "; ").replace("[no interval]", "[geen interval]")
    s = s.replace("n/a (dominated)", "n.v.t. (gedomineerd)").replace("n/a (no QALYs gained)", "n.v.t. (geen QALY's gewonnen)")
    return s.replace("n/a", "n.v.t.")
wanted = ["healthy life years gained", "QALYs gained", "deaths averted", "intervention costs", "care costs",
          "cost per QALY gained", "net monetary benefit at EUR 20,000 per QALY"]
found = 0
for line in compare.splitlines():
    cells = re.split(r"\s{2,}", line.strip())
    if cells[0] not in wanted:
        continue
    for cell in cells[2:]:
        found += 1
        if cell not in dom_en:
            print(f"en: '{cell}' ({cells[0]}) not in the page"); sys.exit(1)
        if dutch(cell) not in dom_nl:
            print(f"nl: '{dutch(cell)}' ({cells[0]}) not in the page"); sys.exit(1)
if found < 20:
    print(f"only {found} headline cells found in compare's output"); sys.exit(1)
for words in ["Wat verandert er", "Gewonnen QALY's per gemeente", "Het tekort aan zorgpersoneel", "Herkomst"]:
    if words not in dom_nl:
        print(f"nl: '{words}' not in the page"); sys.exit(1)
print(f"{found} headline cells of compare found in both pages")
PY

# Bad input: a clear error, exit 2, and no file written.
quick=(--scale 0.002 -D end_year=2022 -r 2 -q)
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/q" "${quick[@]}" >/dev/null || bad "quick run"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/q_seed" --seed 7 "${quick[@]}" >/dev/null || bad "quick run, seed"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/q_scale" --scale 0.003 -D end_year=2022 -r 2 -q >/dev/null || bad "quick run, scale"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/q_years" --scale 0.002 -D end_year=2023 -r 2 -q >/dev/null || bad "quick run, years"
"$hhu" run "$src/scenarios/baseline.json" --out "$tmp/q_one" --scale 0.002 -D end_year=2022 -q >/dev/null || bad "quick run, one replicate"
mkdir -p "$tmp/empty" "$tmp/outdir"
expect_error() {  # NAME FRAGMENT ARGS...: exit 2, FRAGMENT in the message, $tmp/out.html not written
  local name="$1" fragment="$2"; shift 2
  rm -f "$tmp/out.html"
  local output rc
  output="$("$hhu" report "$@" 2>&1)"; rc=$?
  [ "$rc" = 2 ] || bad "$name: exit code $rc, expected 2 ($output)"
  grep -qF -- "$fragment" <<<"$output" || bad "$name: expected '$fragment' in: $output"
  [ -e "$tmp/out.html" ] && bad "$name: wrote $tmp/out.html"
  ls "$tmp"/.out.html.tmp-* >/dev/null 2>&1 && bad "$name: left a temporary file"
}
expect_error "missing directory" "nothere: no such run directory" "$tmp/nothere" "$tmp/q" --out "$tmp/out.html"
expect_error "missing scenario" "nothere: no such run directory" "$tmp/q" "$tmp/nothere" --out "$tmp/out.html"
expect_error "not a run directory" "manifest.json: missing" "$tmp/q" "$tmp/empty" --out "$tmp/out.html"
expect_error "different seeds" "not paired" "$tmp/q" "$tmp/q_seed" --out "$tmp/out.html"
expect_error "different seeds, named" "seed 7" "$tmp/q" "$tmp/q_seed" --out "$tmp/out.html"
expect_error "different scales" "has scale 0.003" "$tmp/q" "$tmp/q_scale" --out "$tmp/out.html"
expect_error "different years" "covers 2021-2023" "$tmp/q" "$tmp/q_years" --out "$tmp/out.html"
expect_error "different replicates" "has 1 replicate(s)" "$tmp/q" "$tmp/q_one" --out "$tmp/out.html"
expect_error "second scenario not paired" "not paired" "$tmp/q" "$tmp/q" "$tmp/q_seed" --out "$tmp/out.html"
expect_error "bad language" "--lang: expected nl or en, got 'de'" "$tmp/q" "$tmp/q" --lang de --out "$tmp/out.html"
expect_error "no --out" "--out" "$tmp/q" "$tmp/q"
expect_error "out is a folder" "outdir: is a directory" "$tmp/q" "$tmp/q" --out "$tmp/outdir"
# A run against itself with one extra paired scenario: two scenario blocks in one brief.
"$hhu" report "$tmp/q" "$tmp/q" "$tmp/q" --out "$tmp/two.html" --lang en >/dev/null || bad "two scenarios"
[ "$(grep -o 'class="scenario"' "$tmp/two.html" | wc -l)" = 2 ] || bad "two scenarios: expected two scenario blocks"

[ "$fail" = 0 ] && echo "report test: all checks passed"
exit "$fail"
