#!/usr/bin/env bash
# Measurement (not a test): issue 17's targets for the viewer, under Xvfb.
#   1. frame rate at full scale with the simulation running: once the first simulated year is complete,
#      FRAMES frames drawn back to back at 1920x1080 (--script draws every frame), from the frame log
#      (--frame-log): frames a second, the 95th percentile of the frame time, the median of a frame's own
#      work, and the months simulated meanwhile. Target: at least 30 frames a second.
#   2. a slider change at scale 0.1: the baseline with the library's fall-prevention programme switched on, its coverage, its
#      start year and its target zone changed, each waiting for the preview and the full result
#      ("preview: S s after the change", "result: S s after the change"). Target: preview within 1 s,
#      full result within 3 s (the first edit also simulates both baselines).
# The CPU seconds of each thread (the window, the renderer, each run) follow when the viewer prints them.
# The load average is printed before and after each part: on a shared machine the figures hold only for
# the load they were measured at (no target is met or missed on a loaded machine).
# Usage: tools/measure_viewer.sh [OUT_DIR (default: a temporary folder)] [VIEWER (default build/hhu-viewer)]
#        FRAMES=600 PARTS="frames slider" tools/measure_viewer.sh
set -eu
src="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-}"; viewer="${2:-$src/build/hhu-viewer}"
frames="${FRAMES:-600}"; parts="${PARTS:-frames slider}"
if [ -z "$out" ]; then out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi
mkdir -p "$out"
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"; }

if [[ " $parts " == *" frames "* ]]; then
  echo "measure_viewer: 1. frame rate, full scale, 1920x1080, simulation running; $(load)"
  printf 'speed max\nadvance_to 2021\nframes %s\nquit\n' "$frames" > "$out/frames.txt"
  xvfb-run -a -s '-screen 0 1920x1080x24' "$viewer" --scale 1 ${VIEWER_ARGS:-} --script "$out/frames.txt" \
    --frame-log "$out/frames.csv" > "$out/frames.out" 2> "$out/frames.err"
  echo "measure_viewer: after part 1: $(load)"
  sed -n 's/^cpu: /measure_viewer: CPU seconds by thread: /p' "$out/frames.out"
  python3 - "$out/frames.csv" "$frames" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
n = int(sys.argv[2])
# The last n frames: those drawn after the first year was complete, with the simulation running.
tail = rows[-n:]
span = float(tail[-1]["seconds"]) - float(tail[0]["seconds"])
frame_ms = sorted(float(r["frame_ms"]) for r in tail[1:])
work_ms = [float(r["work_ms"]) for r in tail]
months = int(tail[-1]["months_simulated"]) - int(tail[0]["months_simulated"])
p95 = frame_ms[int(0.95 * (len(frame_ms) - 1))]
print(f"measure_viewer: frames: {len(tail)} in {span:.1f} s = {(len(tail) - 1) / span:.1f} frames a second; frame time "
      f"95th percentile {p95:.1f} ms; a frame's own work median {statistics.median(work_ms):.1f} ms; "
      f"{months} months simulated meanwhile (from month {tail[0]['months_simulated']})")
PY
fi

if [[ " $parts " == *" slider "* ]]; then
  echo "measure_viewer: 2. slider changes at scale 0.1, 1280x720; $(load)"
  cat > "$out/slider.txt" <<'EOT'
panel scenario
speed max
advance_to 2021
enable fall_prevention_exercise
wait_preview
wait_result
coverage fall_prevention_exercise 40
wait_preview
wait_result
start_year fall_prevention_exercise 2023
wait_preview
wait_result
target fall_prevention_exercise GM0344
wait_preview
wait_result
quit
EOT
  xvfb-run -a -s '-screen 0 1280x720x24' "$viewer" --scale 0.1 ${VIEWER_ARGS:-} "$src/scenarios/baseline.json" \
    --script "$out/slider.txt" > "$out/slider.out" 2> "$out/slider.err"
  echo "measure_viewer: after part 2: $(load)"
  edits=(enable coverage start_year target)
  k=0
  paste -d' ' <(grep '^preview: ' "$out/slider.out" | grep -oE '[0-9.]+ s' ) \
               <(grep '^result: ' "$out/slider.out" | grep -oE '[0-9.]+ s') |
    while read -r p _ r _; do echo "measure_viewer: ${edits[$k]}: preview $p s, full result $r s"; k=$((k + 1)); done
  # Where the processor time went, by thread (the window, the renderer, each run), if the viewer says.
  sed -n 's/^cpu: /measure_viewer: CPU seconds by thread: /p; s/^frames: /measure_viewer: window: frames /p' "$out/slider.out"
fi
echo "measure_viewer: files in $out"
