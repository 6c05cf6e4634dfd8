#!/usr/bin/env bash
# The bad-input catalogue (bad_inputs.txt): every case runs one hhu command and checks its exit code
# and a fragment of its output (the file, JSON path or line, and what was expected).
# Usage: bad_inputs.sh HHU_BINARY SOURCE_DIR
set -u
hhu="$1"; src="$2"
S="$src/scenarios/baseline.json"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# Each helper prints the path of a new input (a fresh name each time, as it runs in a subshell).
# json TEXT: a scenario file with TEXT.
json() { local f; f="$(mktemp "$tmp/sXXXXXX.json")"; printf '%s' "$1" >"$f"; echo "$f"; }
# data_copy: a copy of data/ (hard links: an edit replaces a file, the original stays intact).
data_copy() { local d; d="$(mktemp -d "$tmp/dXXXXXX")"; cp -al "$tmp/data/." "$d"; echo "$d"; }
# data_edit FILE SED_SCRIPT, data_without FILE, data_replace FILE TEXT, data_head FILE BYTES
data_edit() { local d; d="$(data_copy)"; sed -i "$2" "$d/$1"; echo "$d"; }
data_without() { local d; d="$(data_copy)"; rm -rf "${d:?}/$1"; echo "$d"; }
data_replace() { local d; d="$(data_copy)"; rm -f "$d/$1"; printf '%b' "$2" >"$d/$1"; echo "$d"; }
data_head() { local d; d="$(data_copy)"; rm -f "$d/$1"; head -c "$2" "$tmp/data/$1" >"$d/$1"; echo "$d"; }
# small run flags
small=(--scale 0.002 -D end_year=2022 -q)

cp -r "$src/data" "$tmp/data"
# Two small finished runs for the compare cases and the existing-output cases.
"$hhu" run "$S" --out "$tmp/runA" -r 2 "${small[@]}" >/dev/null 2>&1 || { echo "setup: batch failed"; exit 1; }
"$hhu" run "$S" --out "$tmp/single" "${small[@]}" >/dev/null 2>&1 || { echo "setup: run failed"; exit 1; }
touch "$tmp/afile"

fail=0; passed=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  name="${line%% | *}"; rest="${line#* | }"
  want_rc="${rest%% | *}"; rest="${rest#* | }"
  fragment="${rest%% | *}"; command="${rest#* | }"
  output="$(eval "$command" 2>&1 </dev/null)"; rc=$?
  if [ "$rc" = "$want_rc" ] && grep -qF -- "$fragment" <<<"$output"; then
    passed=$((passed + 1))
  else
    fail=$((fail + 1))
    echo "FAILED: $name: exit $rc (expected $want_rc), output lacks or has: $fragment"
    echo "  command: $command"
    echo "$output" | head -5 | sed 's/^/  | /'
  fi
done <"$src/tests/cli/bad_inputs.txt"
echo "$passed passed, $fail failed"
test $fail -eq 0 -a $passed -ge 60
