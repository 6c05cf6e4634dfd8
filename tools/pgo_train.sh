#!/usr/bin/env bash
# The training run of the profile-guided build (tools/bootstrap.sh; sim/CMakeLists.txt, HHU_PGO): what a user's runs
# do, at a small scale on one thread (so that the same tree trains the same profile and builds the same program, whose
# build id a saved state names): the full model's baseline with its yearly table, its lifetime tail and its
# state of 1 January 2025, then the Health Hub agenda from that state (the saved state, the programmes' engine, a
# paired scenario's outputs). What it does not reach (the viewer's month-at-a-time live run, say) is optimised as
# without a profile. HHU is a build with HHU_PGO=generate: its profile goes where that build was told (HHU_PGO_DIR).
# Usage: tools/pgo_train.sh HHU
set -euo pipefail
hhu="${1:?usage: tools/pgo_train.sh HHU}"
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$hhu" run "$src/scenarios/baseline.json" --scale 0.05 -t 1 -q --save-state 2025 --lifetime --out "$tmp/baseline"
"$hhu" run "$src/scenarios/health_hub_agenda.json" --scale 0.05 -t 1 -q --detail summary \
  --migration-from "$tmp/baseline" --out "$tmp/agenda"
