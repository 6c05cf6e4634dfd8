"""What the data builders of hhu share (tools/build_*.py): paths, command line, numerics, tables, READMEs.

One builder per data folder: tools/build_data.py (data/), tools/build_health_data.py (data/health/),
tools/build_labour_data.py (data/labour/) and tools/build_scenarios.py (scenarios/). Each puts tools/ on sys.path,
sets sys.dont_write_bytecode (no tools/__pycache__ left behind) and imports the modules it needs:
cli (paths, options, errors), numeric (formatting, root finding, interpolation, rounding, life table) and output
(CSV files, the build log, sources.csv and README sections). Python 3 standard library only.
"""
