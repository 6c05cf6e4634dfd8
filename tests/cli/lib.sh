# The shared start of the command-line test scripts; source it with the script's arguments:
#   . "$(dirname "$0")/lib.sh" "$@"
# Sets hhu (the binary) and src (the source tree), a temporary folder tmp removed on exit, and
# check NAME CONDITION... which counts passed and failed conditions; a script ends with `finish`.
set -u
hhu="$1"; src="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail=0; passed=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; fail=$((fail + 1)); fi
}
finish() {  # prints the counts; the script's exit status is 0 only when nothing failed
  echo "${1:+$1: }$passed passed, $fail failed"
  test "$fail" -eq 0
}
