"""What the builders write: CSV tables, the build log, sources.csv and the sections of a folder's README."""
import csv
import io
from pathlib import Path

SOURCES_HEADER = ["id", "publisher", "title", "table", "year", "url", "confidence", "notes"]

# The check lines a build prints; the README's section "Checks printed by this build" repeats them.
LOG = []


def say(*parts):
    """Print a check line and keep it for the README's build log."""
    line = " ".join(str(p) for p in parts)
    print(line)
    LOG.append(line)


def write_csv(path, header, rows):
    """A plain CSV file: comma separated, one header line, UTF-8, \\n line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    Path(path).write_text(buf.getvalue(), encoding="utf-8", newline="")


def read_csv(path):
    """The rows of a CSV file as dicts keyed by its header."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Sources:
    """The source ids a builder defines (publications and assumptions); src(*ids) cites them in a row.

    `sources` are (id, publisher, title, table, year, url, confidence, notes), `assumptions` (id, title, reason);
    `external` ids are defined by another folder's sources.csv and may be cited too.
    """

    def __init__(self, sources, assumptions, external=()):
        self.sources = sources
        self.assumptions = assumptions
        self.ids = {s[0] for s in sources} | {a[0] for a in assumptions}
        self.external = set(external)
        self.used = set()

    def __call__(self, *ids):
        for i in ids:
            if i not in self.ids and i not in self.external:
                raise KeyError(f"undefined source id {i}")
            self.used.add(i)
        return ";".join(ids)

    def unused(self, exempt=()):
        return sorted(self.ids - self.used - set(exempt))


def write_sources(path, sources, assumptions, publisher):
    """sources.csv: the publications, then the assumptions (confidence ASSUMPTION, `publisher` as publisher)."""
    rows = [list(s) for s in sources]
    rows += [[aid, publisher, title, "", "", "", "ASSUMPTION", reason] for aid, title, reason in assumptions]
    write_csv(path, SOURCES_HEADER, rows)


class Readme:
    """A folder's README.md, written line by line."""

    def __init__(self):
        self.lines = []

    def __call__(self, line=""):
        self.lines.append(line)

    def tables(self, docs):
        """One section per table: (file name, columns, what a row holds, derivation and sources)."""
        for name, cols, what, how in docs:
            self(f"### {name}")
            self()
            self(f"- Columns: `{cols}`")
            self(f"- Holds: {what}")
            self(f"- Derivation and sources: {how}")
            self()

    def assumptions(self, assumptions, intro=()):
        """The section "Assumptions": the `intro` lines, then one item per (id, title, reason)."""
        self("## Assumptions")
        self()
        if intro:
            for line in intro:
                self(line)
            self()
        for aid, title, reason in assumptions:
            self(f"- **{aid}** ({title}): {reason}.")
        self()

    def build_log(self):
        """The section with the check lines this build printed (LOG)."""
        self("## Checks printed by this build")
        self()
        self("```")
        self.lines.extend(LOG)
        self("```")

    def write(self, path):
        Path(path).write_text("\n".join(self.lines) + "\n", encoding="utf-8", newline="")
