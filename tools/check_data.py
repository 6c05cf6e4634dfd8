#!/usr/bin/env python3
"""Check that the data builders reproduce data/ and scenarios/ byte for byte from the published figures.

Runs tools/build_data.py, then tools/build_health_data.py, tools/build_labour_data.py and
tools/build_scenarios.py, then tools/build_uncertainty_data.py, all into a temporary folder (the working tree is not touched), from the research
directory (--research DIR, default ../shared/research relative to the repository), and compares every file
they write with the file of the same name in the checkout. Exits 1, listing the files that differ or are missing,
if anything differs; 2 if the research directory or a builder fails. Registered as the CTest test
data.builders_reproduce. Python 3 standard library only.

Run from anywhere:  python3 tools/check_data.py [--research DIR] [--keep]
"""
import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # importing databuild must not leave tools/__pycache__ behind
from databuild.cli import DEFAULT_RESEARCH, REPO, TOOLS  # noqa: E402

NAME = "check_data"
# Files in data/ written by something else than the builders (hhu indicators, hhu calibrate): not compared.
NOT_BUILT = {"indicators.csv", "health/mortality_calibration.csv", "health/mortality_calibration_zones.csv",
             "health/prevalence_calibration.csv"}


def fail(msg, code=2):
    print(f"{NAME}: FAILED: {msg}", file=sys.stderr)
    sys.exit(code)


def builder_runs(research, tmp):
    """The builders' command lines: build_data first, then the three that read its tables (run side by side), then
    build_uncertainty_data (reads the health tables)."""
    py = sys.executable
    data, scen = tmp / "data", tmp / "scenarios"
    first = [("build_data", [py, TOOLS / "build_data.py", "--research", research, "--out", data])]
    then = [("build_health_data", [py, TOOLS / "build_health_data.py", "--research", research, "--data", data]),
            ("build_labour_data", [py, TOOLS / "build_labour_data.py", "--research", research, "--data", data]),
            ("build_scenarios", [py, TOOLS / "build_scenarios.py", "--data", data, "--out", scen]),
            ("build_wellbeing_data", [py, TOOLS / "build_wellbeing_data.py", "--research", research, "--data", data])]
    # Reads the health tables for its central values.
    last = [("build_uncertainty_data", [py, TOOLS / "build_uncertainty_data.py", "--data", data])]
    return [first, then, last]


def run_builders(research, tmp):
    for stage in builder_runs(research, tmp):
        procs = []
        for name, cmd in stage:
            log = open(tmp / f"{name}.log", "w", encoding="utf-8")
            procs.append((name, cmd, log, subprocess.Popen([str(a) for a in cmd], stdout=log,
                                                           stderr=subprocess.STDOUT, cwd=tmp)))
        failed = []
        for name, cmd, log, p in procs:
            p.wait()
            log.close()
            if p.returncode != 0:
                failed.append(name)
                tail = (tmp / f"{name}.log").read_text(encoding="utf-8").splitlines()[-15:]
                print(f"{NAME}: {name}.py exited with {p.returncode}; the end of its output:", file=sys.stderr)
                print("\n".join("    " + line for line in tail), file=sys.stderr)
        if failed:
            fail("builder(s) failed: " + ", ".join(failed))


def short_diff(committed, built, label):
    """The first lines of a unified diff of two text files."""
    a = committed.read_text(encoding="utf-8", errors="replace").splitlines()
    b = built.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = list(difflib.unified_diff(a, b, f"{label} (checkout)", f"{label} (rebuilt)", n=0, lineterm=""))
    more = f"\n      ... ({len(lines) - 12} more diff lines)" if len(lines) > 12 else ""
    return "\n".join("      " + line[:160] for line in lines[:12]) + more


def compare(tmp):
    """(differing, missing, count): files the builders wrote that differ from, or are absent in, the checkout
    (in CI a fresh clone, so: what is committed)."""
    differing, missing, count = [], [], 0
    for folder in ("data", "scenarios"):
        for built in sorted(p for p in (tmp / folder).rglob("*") if p.is_file()):
            rel = built.relative_to(tmp)
            committed = REPO / rel
            count += 1
            if not committed.is_file():
                missing.append(str(rel))
            elif committed.read_bytes() != built.read_bytes():
                differing.append((str(rel), short_diff(committed, built, str(rel))))
    return differing, missing, count


def unbuilt(tmp):
    """Files of data/ in the checkout that no builder wrote (and no other writer is known for)."""
    out = []
    for p in sorted((REPO / "data").rglob("*")):
        rel = p.relative_to(REPO / "data")
        if p.is_file() and str(rel) not in NOT_BUILT and not (tmp / "data" / rel).is_file():
            out.append(f"data/{rel}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--research", default=str(DEFAULT_RESEARCH),
                    help=f"the published figures (default {DEFAULT_RESEARCH}: ../shared/research from the repository)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder with the rebuilt files")
    args = ap.parse_args()
    research = Path(args.research).resolve()
    if not (research / "figures.md").is_file():
        fail(f"the research directory was not found: expected {research} (with figures.md) - shared/research "
             f"beside the repository; pass --research DIR")
    start = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="hhu-check-data-"))
    try:
        run_builders(research, tmp)
        differing, missing, count = compare(tmp)
        stray = unbuilt(tmp)
    finally:
        if args.keep:
            print(f"{NAME}: rebuilt files kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    for path in stray:
        print(f"{NAME}: note: {path} is in the checkout but no builder writes it")
    if differing or missing:
        print(f"{NAME}: FAILED: the builders do not reproduce the files in the checkout ({len(differing)} differ, "
              f"{len(missing)} missing, of {count} files rebuilt from {research}):", file=sys.stderr)
        for rel, diff in differing:
            print(f"  differs: {rel}\n{diff}", file=sys.stderr)
        for rel in missing:
            print(f"  missing: {rel} (written by a builder, not in the checkout)", file=sys.stderr)
        print(f"{NAME}: either a table was edited by hand (restore it) or a builder or shared/research changed: run "
              "python3 tools/build_data.py; python3 tools/build_health_data.py; python3 tools/build_labour_data.py; "
              "python3 tools/build_scenarios.py; python3 tools/build_uncertainty_data.py and commit the result", file=sys.stderr)
        sys.exit(1)
    print(f"{NAME}: {count} files of data/ and scenarios/ rebuilt from {research} are identical to the checkout "
          f"({time.monotonic() - start:.0f} s)")


if __name__ == "__main__":
    main()
