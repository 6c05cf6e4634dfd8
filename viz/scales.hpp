#pragma once
// Colour and axis scales shared by the map and the charts: the viridis palette, "nice" tick values
// and number formatting for labels.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/report/report_text.hpp"

namespace hhu::viz {

struct Rgb {
    std::uint8_t r, g, b;
};

// Matplotlib's viridis (perceptually uniform, ordered dark to light, readable by colour-blind
// viewers), sampled at 11 points and interpolated linearly; t in [0, 1].
Rgb viridis(double t);
// A diverging palette for differences, t in [0, 1] with 0.5 for no change: ColorBrewer's PuOr
// (purple for below zero, orange for above; readable by colour-blind viewers), 7 stops interpolated.
Rgb diverging(double t);
// Black or white, whichever reads better on `background`.
Rgb text_colour_on(Rgb background);

struct Ticks {
    double lo = 0, hi = 1, step = 1;  // lo and hi are multiples of step
    std::vector<double> values;
};
// About `target` round ticks (1, 2, 2.5 or 5 times a power of ten) covering [lo, hi].
Ticks nice_ticks(double lo, double hi, int target);

// Numbers are written in the panels' language: English 1,361,135 and 12.5; Dutch 1.361.135 and 12,5
// (a decimal comma and a thousands point, as sim/report's localise_figure writes compare's figures).
// Files (CSV) keep the decimal point whatever the language, for pandas and R.

// 1,361,135 / 12.5 / 0.25: as many decimals as `step` needs; thousands separated.
std::string format_number(double value, double step, Language lang = Language::English);
// Short tick labels: 1.2M, 45k, 950 (Dutch 1,2 mln, 45k, 950).
std::string format_compact(double value, double step, Language lang = Language::English);
// A value on its own (tooltips, bar labels): up to 3 significant decimals for small numbers.
std::string format_value_for_display(double value, Language lang = Language::English);

}  // namespace hhu::viz
