"""Paths and the command line of the builders: where the repository and the research files are, errors."""
import argparse
import os
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
REPO = TOOLS.parent
# The published figures live beside the repository: a checkout at X reads X/../shared/research (a worktree at
# /work/wt reads /work/shared/research; CI clones into a folder with a copy of shared/ beside it).
DEFAULT_RESEARCH = REPO.parent / "shared" / "research"
DEFAULT_DATA = REPO / "data"
DEFAULT_SCENARIOS = REPO / "scenarios"


def prog():
    """The running builder's file name, for messages (e.g. build_data.py)."""
    return os.path.basename(sys.argv[0]) or "builder"


def die(msg):
    print(f"{prog()}: error: {msg}", file=sys.stderr)
    sys.exit(2)


def parser(doc, research_help):
    """An argument parser with the builders' common --research option."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--research", default=str(DEFAULT_RESEARCH), help=research_help)
    return ap


def require_files(folder, names, what, hint):
    """Stop with one message naming every missing file of `names` in `folder`."""
    missing = [n for n in names if not (Path(folder) / n).is_file()]
    if missing:
        die(f"{what} missing in {folder}: {', '.join(missing)} ({hint})")


def figures_text(research, keys):
    """figures.md's text; stops if any of `keys` (numbers copied into a builder's constants) is gone."""
    path = Path(research) / "figures.md"
    if not path.is_file():
        die(f"{path} not found (use --research DIR)")
    text = path.read_text(encoding="utf-8")
    absent = [k for k in keys if k not in text]
    if absent:
        die("figures.md no longer contains " + ", ".join(repr(k) for k in absent) +
            f": the constants of tools/{prog()} that come from figures.md must be re-checked")
    return text
