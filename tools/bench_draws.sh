#!/usr/bin/env bash
# Benchmark (not a test): N paired parameter draws of the Health Hub agenda against the baseline, one
# replicate each, at a scale: the baseline's draws (hhu run --draws N, each saving its state of 1 January 2025), then
# the agenda's, each taking the migration of the baseline's draw of the same number (--migration-from: no policy-free
# twin) and starting from its state (the agenda's programmes start in 2025; STATE=0: every year from 2021), then hhu
# compare over the draws; draws run side by side (one per core at scale 0.1 or less). With PLAN=1 the same
# paired draws also run as one batch plan (hhu batch), which prints the plan's overhead over its runs.
# Prints the seconds (wall and CPU) of each step and the extrapolation to 1,000 paired draws. Timings on a
# shared machine are inflated by its other work: report the load average beside them (printed here).
# Usage: [PLAN=1] [STATE=0] tools/bench_draws.sh [N (default 4)] [SCALE (default 0.1)] [HHU (default build/hhu)]
set -eu
n="${1:-4}"; scale="${2:-0.1}"; hhu="${3:-build/hhu}"
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
echo "bench_draws: $n paired draws at scale $scale, one replicate each; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%U %S'
t0=$(now)
save=(--save-state 2025); [ "${STATE:-1}" = 1 ] || save=()
{ time "$hhu" run "$src/scenarios/baseline.json" --scale "$scale" --draws "$n" -r 1 -q --detail summary "${save[@]}" \
  --out "$tmp/base"; } 2>"$tmp/cpu_base"
t1=$(now)
{ time "$hhu" run "$src/scenarios/health_hub_agenda.json" --scale "$scale" --draws "$n" -r 1 -q --detail summary \
  --migration-from "$tmp/base" --out "$tmp/agenda"; } 2>"$tmp/cpu_agenda"
t2=$(now)
"$hhu" compare "$tmp/base" "$tmp/agenda" --out "$tmp/cmp" >/dev/null
t3=$(now)
python3 - "$n" "$t0" "$t1" "$t2" "$t3" "$(tail -1 "$tmp/cpu_base")" "$(tail -1 "$tmp/cpu_agenda")" <<'PY'
import sys
n = int(sys.argv[1]); t0, t1, t2, t3 = map(float, sys.argv[2:6])
cpu_base, cpu_agenda = sum(map(float, sys.argv[6].split())), sum(map(float, sys.argv[7].split()))
cpu = cpu_base + cpu_agenda
base, agenda, cmp = t1 - t0, t2 - t1, t3 - t2
per_pair = (base + agenda) / n
print(f"bench_draws: wall: baseline {base:.1f} s, agenda {agenda:.1f} s, compare {cmp:.1f} s; {per_pair:.2f} s per paired draw")
print(f"bench_draws: 1,000 paired draws at this rate: {per_pair * 1000 / 60:.1f} min of runs "
      f"+ compare about {cmp / n * 1000 / 60:.1f} min (the target: 15 min on 2 cores)")
# CPU seconds depend far less on the machine's other work than wall seconds: two idle cores would need
# at least CPU / 2 (perfect use of both).
print(f"bench_draws: CPU (user + system): baseline {cpu_base:.1f} s ({cpu_base / n:.2f} s per run), agenda "
      f"{cpu_agenda:.1f} s ({cpu_agenda / n:.2f} s per run); {cpu / n:.2f} s per paired draw: 1,000 paired draws need "
      f"{cpu / n * 1000 / 3600:.2f} CPU hours, at least {cpu / n * 1000 / 2 / 60:.1f} min on 2 idle cores")
PY
if [ "${PLAN:-0}" = 1 ]; then
  cat >"$tmp/plan.json" <<EOF
{"name": "bench_draws", "scale": $scale, "replicates": 1, "draws": $n, "detail": "summary",
 "runs": [{"name": "baseline", "scenario": "$src/scenarios/baseline.json"},
          {"name": "agenda", "scenario": "$src/scenarios/health_hub_agenda.json"}]}
EOF
  { time "$hhu" batch "$tmp/plan.json" --out "$tmp/plan" >"$tmp/plan_out" 2>/dev/null; } 2>"$tmp/cpu_plan"
  tail -1 "$tmp/plan_out"
  echo "bench_draws: the plan's CPU (user + system): $(tail -1 "$tmp/cpu_plan" | awk -v n="$n" '{printf "%.1f s, %.2f s per paired draw", $1 + $2, ($1 + $2) / n}')"
fi
echo "bench_draws: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
