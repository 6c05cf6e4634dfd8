#!/bin/bash
# `hhu check` accepts every scenario file in scenarios/ (the scenario and the data tables).
# Usage: check_library.sh HHU_BINARY SOURCE_DIR
set -u
hhu="$1"; src="$2"; failed=0; n=0
for f in "$src"/scenarios/*.json; do
    n=$((n + 1))
    if ! out=$("$hhu" check "$f" 2>&1); then echo "FAIL $f"; echo "$out"; failed=1; fi
done
[ "$n" -ge 15 ] || { echo "expected at least 15 scenario files, found $n"; failed=1; }
exit $failed
