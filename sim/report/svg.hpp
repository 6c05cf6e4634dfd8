#pragma once
// Inline SVG charts for the policy brief: a trend chart with 95% bands, a horizontal bar chart with
// interval whiskers, a scatter plot (the cost-effectiveness plane) and a colour scale for maps. Every
// function returns one self-contained <svg> element; nothing is read or written.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hhu {

// Text safe inside XML and HTML (& < > " ').
std::string xml_escape(std::string_view s);

// A number as an SVG coordinate: fixed, at most one decimal (keeps the file small and the same bytes
// on every machine).
std::string svg_number(double v);

// About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 times a power of ten).
std::vector<double> nice_ticks(double lo, double hi, int count);

using NumberFormat = std::function<std::string(double)>;

struct TrendSeries {
    std::string label, colour;  // colour: a CSS colour
    std::vector<int> years;
    std::vector<double> mean;
    std::vector<std::optional<double>> lower, upper;  // the 95% band; absent: no band that year
    bool dashed = false;
};

struct TrendChart {
    std::string title, unit;
    std::vector<TrendSeries> series;
    int width = 520, height = 250;
};
std::string trend_chart_svg(const TrendChart& chart, const NumberFormat& format);

struct BarItem {
    std::string label;
    double value = 0;
    std::optional<double> lower, upper;  // whisker of the 95% interval
};

struct BarChart {
    std::string title, unit;
    std::vector<BarItem> bars;
    int width = 520, bar_height = 22, label_width = 190;
    std::string positive_colour = "#2c7fb8", negative_colour = "#d95f0e";
};
std::string bar_chart_svg(const BarChart& chart, const NumberFormat& format);

struct ScatterChart {
    std::string title, x_label, y_label;
    std::vector<double> x, y;
    int width = 520, height = 300;
};
std::string scatter_svg(const ScatterChart& chart, const NumberFormat& format);

// A diverging colour for v in [-max_abs, max_abs]: white at 0, blue for gains, orange for losses.
std::string diverging_colour(double v, double max_abs);

}  // namespace hhu
