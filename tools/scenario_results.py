#!/usr/bin/env python3
"""The results table of scenarios/README.md from `hhu compare` JSON files.

usage: tools/scenario_results.py RUNS_DIR [SCENARIO ...]

Reads RUNS_DIR/NAME/compare_baseline.json for each scenario (default: every NAME in RUNS_DIR with that
file) and prints one markdown row per scenario: QALYs gained, deaths averted, intervention costs, care
cost change, cost per QALY and net monetary benefit at EUR 20,000 per QALY (cumulated undiscounted, and
the discounted cost per QALY), care hours; each "mean [95% interval]" as hhu compare computed it.
When the runs carry the lifetime tail (`hhu run --lifetime`), a second table gives the lifetime horizon,
discounted: QALYs gained, costs, cost per QALY and net monetary benefit at EUR 20,000 and 50,000 per QALY.
"""
import json
import os
import sys


def number(v, scale=1.0, digits=0):
    if v is None:
        return "n/a"
    v = v / scale
    return f"{v:,.{digits}f}"


def cell(measure, period, scale=1.0, digits=0):
    if measure is None or not measure.get("available", True):
        return "n/a"
    v = measure["values"].get(period)
    if v is None or v.get("mean") is None:
        return "n/a"
    text = number(v["mean"], scale, digits)
    if v.get("lower") is not None and v.get("upper") is not None:
        text += f" [{number(v['lower'], scale, digits)}, {number(v['upper'], scale, digits)}]"
    return text


def cost_per_qaly(measure, period):
    status = measure.get("status", "")
    if status in ("dominated", "undefined"):
        return status
    text = cell(measure, period)
    v = measure["values"].get(period) or {}
    if v.get("mean") is not None and v.get("lower") is None:
        text += " (no interval)"
    return ("dominant: " if status == "dominant" else "") + text


def row(name, compare):
    m = {x["measure"]: x for x in compare["measures"]}
    return "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
        name,
        cell(m.get("qalys_gained"), "cumulated"),
        cell(m.get("wellbys_gained"), "cumulated"),
        cell(m.get("deaths_averted"), "cumulated"),
        cell(m.get("intervention_cost_change"), "cumulated", 1e6, 1),
        cell(m.get("care_cost_change"), "cumulated", 1e6, 1),
        cost_per_qaly(m["cost_per_qaly_gained"], "cumulated"),
        cost_per_qaly(m["cost_per_qaly_gained"], "discounted"),
        cell(m.get("net_monetary_benefit_20k"), "cumulated", 1e6, 1),
        cell(m.get("care_hours_change"), "cumulated", 1e3),
        cell(m.get("informal_care_hours_change"), "cumulated", 1e3),
    )


def lifetime_row(name, compare):
    m = {x["measure"]: x for x in compare["measures"]}
    period = "lifetime discounted"
    return "| `{}` | {} | {} | {} | {} | {} | {} |".format(
        name,
        cell(m.get("qalys_gained"), period),
        cell(m.get("intervention_cost_change"), period, 1e6, 1),
        cell(m.get("care_cost_change"), period, 1e6, 1),
        cost_per_qaly(m["cost_per_qaly_gained"], period),
        cell(m.get("net_monetary_benefit_20k"), period, 1e6, 1),
        cell(m.get("net_monetary_benefit_50k"), period, 1e6, 1),
    )


def has_lifetime(compare):
    return any("lifetime discounted" in x.get("values", {}) for x in compare["measures"])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    runs = sys.argv[1]
    names = sys.argv[2:] or sorted(
        n for n in os.listdir(runs) if os.path.exists(os.path.join(runs, n, "compare_baseline.json")))
    if not names:
        sys.exit(f"scenario_results: no RUNS_DIR/NAME/compare_baseline.json under {runs}")
    compares = []
    for name in names:
        path = os.path.join(runs, name, "compare_baseline.json")
        try:
            with open(path) as f:
                compares.append((name, json.load(f)))
        except (OSError, ValueError) as e:
            sys.exit(f"scenario_results: {path}: {e}")
    print("| scenario | QALYs gained | WELLBYs gained | deaths averted | intervention cost (M euro) | care cost change (M euro) "
          "| cost per QALY (euro) | cost per QALY, discounted (euro) | net benefit at 20k/QALY (M euro) "
          "| care hours change (thousand) | informal care hours change (thousand) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, compare in compares:
        print(row(name, compare))
    with_tail = [(name, compare) for name, compare in compares if has_lifetime(compare)]
    if not with_tail:
        return
    print()
    print("| scenario | QALYs gained, lifetime discounted | intervention cost (M euro) | care cost change (M euro) "
          "| cost per QALY (euro) | net benefit at 20k/QALY (M euro) | net benefit at 50k/QALY (M euro) |")
    print("|---|---|---|---|---|---|---|")
    for name, compare in with_tail:
        print(lifetime_row(name, compare))


if __name__ == "__main__":
    main()
