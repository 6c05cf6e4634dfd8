"""The consumer price index the model indexes every euro amount with (data/consumer_prices.csv, written by
tools/build_data.py; sim/model/prices.hpp reads the same table), for the builders that state an amount in 2023
prices themselves."""
from pathlib import Path

from databuild.cli import die
from databuild.output import read_csv

PRICE_YEAR = 2023  # kPriceYear in sim/model/prices.hpp


def price_factor(data, year):
    """The factor taking an amount of price `year` to PRICE_YEAR prices: the product of (1 + change/100) over the
    years after `year`, as the model computes it."""
    path = Path(data) / "consumer_prices.csv"
    if not path.is_file():
        die(f"{path} not found: run tools/build_data.py first (or use --data DIR)")
    change = {int(r["year"]): float(r["change_percent"]) for r in read_csv(path)}
    factor = 1.0
    for y in range(year + 1, PRICE_YEAR + 1):
        if y not in change:
            die(f"{path} has no change for {y}: run tools/build_data.py first")
        factor *= 1 + change[y] / 100
    return factor
