#!/usr/bin/env bash
# Refreshes the stored baseline summary that tests/simulation/test_baseline_summary.cpp compares with.
# Run it only when a change to the model or data is meant to change the baseline; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${HHU_BUILD_DIR:-build}"
cmake --build "$build" --target hhu >/dev/null
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$build/hhu" run scenarios/baseline.json --scale 0.05 --out "$tmp/run" --quiet
cp "$tmp/run/summary.json" tests/baseline/summary_scale0.05.json
git --no-pager diff --stat -- tests/baseline/summary_scale0.05.json || true
echo "refreshed tests/baseline/summary_scale0.05.json"
