#!/usr/bin/env bash
# Benchmark (not a test): N paired parameter draws of the Health Hub agenda against the baseline, one
# replicate each (hhu run --draws N for both, then hhu compare over the draws), at a scale; prints the
# seconds of each step and the extrapolation to 1,000 paired draws. Timings on a shared machine are
# inflated by its other work: report the load average beside them (printed here).
# Usage: tools/bench_draws.sh [N (default 4)] [SCALE (default 0.1)] [HHU (default build/hhu)]
set -eu
n="${1:-4}"; scale="${2:-0.1}"; hhu="${3:-build/hhu}"
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
echo "bench_draws: $n paired draws at scale $scale, one replicate each; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%U %S'
t0=$(now)
{ time "$hhu" run "$src/scenarios/baseline.json" --scale "$scale" --draws "$n" -r 1 -q --detail summary --out "$tmp/base"; } 2>"$tmp/cpu_base"
t1=$(now)
{ time "$hhu" run "$src/scenarios/health_hub_agenda.json" --scale "$scale" --draws "$n" -r 1 -q --detail summary \
  --out "$tmp/agenda"; } 2>"$tmp/cpu_agenda"
t2=$(now)
"$hhu" compare "$tmp/base" "$tmp/agenda" --out "$tmp/cmp" >/dev/null
t3=$(now)
python3 - "$n" "$t0" "$t1" "$t2" "$t3" "$(tail -1 "$tmp/cpu_base")" "$(tail -1 "$tmp/cpu_agenda")" <<'PY'
import sys
n = int(sys.argv[1]); t0, t1, t2, t3 = map(float, sys.argv[2:6])
cpu = sum(map(float, sys.argv[6].split())) + sum(map(float, sys.argv[7].split()))
base, agenda, cmp = t1 - t0, t2 - t1, t3 - t2
per_pair = (base + agenda) / n
print(f"bench_draws: baseline {base:.1f} s, agenda {agenda:.1f} s, compare {cmp:.1f} s; {per_pair:.2f} s per paired draw")
print(f"bench_draws: 1,000 paired draws at this rate: {per_pair * 1000 / 60:.1f} min of runs "
      f"+ compare about {cmp / n * 1000 / 60:.1f} min (the target: 15 min on 2 cores)")
# CPU seconds depend far less on the machine's other work than wall seconds: two idle cores would need
# at least CPU / 2 (perfect use of both).
print(f"bench_draws: CPU {cpu:.1f} s (user + system), {cpu / n:.2f} s per paired draw: 1,000 paired draws need "
      f"{cpu / n * 1000 / 3600:.2f} CPU hours, at least {cpu / n * 1000 / 2 / 60:.0f} min on 2 idle cores")
PY
echo "bench_draws: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
