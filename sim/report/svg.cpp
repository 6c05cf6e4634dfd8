#include "sim/report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace hhu {

namespace {

constexpr const char* kFont = "font-family=\"DejaVu Sans, Arial, sans-serif\"";
constexpr const char* kAxisColour = "#555";
constexpr const char* kGridColour = "#e3e3e3";

std::string text_element(double x, double y, std::string_view s, const char* anchor, int size,
                         const char* extra = "") {
    return "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" text-anchor=\"" + anchor +
           "\" font-size=\"" + std::to_string(size) + "\" " + extra + ">" + xml_escape(s) + "</text>";
}

std::string line_element(double x1, double y1, double x2, double y2, const char* colour, double width = 1) {
    return "<line x1=\"" + svg_number(x1) + "\" y1=\"" + svg_number(y1) + "\" x2=\"" + svg_number(x2) + "\" y2=\"" +
           svg_number(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"" + svg_number(width) + "\"/>";
}

std::string open_svg(int width, int height, std::string_view title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
           "\" role=\"img\" aria-label=\"" + xml_escape(title) + "\" " + kFont + ">";
}

// A linear scale from [d0, d1] to [r0, r1].
struct Scale {
    double d0, d1, r0, r1;
    double operator()(double v) const { return d1 == d0 ? (r0 + r1) / 2 : r0 + (v - d0) / (d1 - d0) * (r1 - r0); }
};

struct Range {
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    bool empty() const { return lo > hi; }
};

// The tick range widened to round values, and the ticks.
std::vector<double> axis(Range& r, int count) {
    if (r.empty()) r = {0, 1};
    if (r.lo == r.hi) {
        const double pad = r.lo == 0 ? 1 : std::abs(r.lo) * 0.05;
        r.lo -= pad;
        r.hi += pad;
    }
    std::vector<double> ticks = nice_ticks(r.lo, r.hi, count);
    r.lo = std::min(r.lo, ticks.front());
    r.hi = std::max(r.hi, ticks.back());
    return ticks;
}

std::string polyline(const std::vector<std::pair<double, double>>& pts, const std::string& colour, bool dashed) {
    std::string s = "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.2\"" +
                    (dashed ? " stroke-dasharray=\"6 4\"" : "") + " points=\"";
    for (const auto& [x, y] : pts) s += svg_number(x) + "," + svg_number(y) + " ";
    return s + "\"/>";
}

// The band between lower and upper as one polygon over the years that have both.
std::string band(const TrendSeries& s, const Scale& x, const Scale& y) {
    std::string up, down;
    for (std::size_t i = 0; i < s.years.size(); ++i)
        if (s.lower[i] && s.upper[i]) up += svg_number(x(s.years[i])) + "," + svg_number(y(*s.upper[i])) + " ";
    for (std::size_t i = s.years.size(); i-- > 0;)
        if (s.lower[i] && s.upper[i]) down += svg_number(x(s.years[i])) + "," + svg_number(y(*s.lower[i])) + " ";
    if (up.empty()) return "";
    return "<polygon fill=\"" + s.colour + "\" fill-opacity=\"0.18\" stroke=\"none\" points=\"" + up + down + "\"/>";
}

}  // namespace

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string svg_number(double v) {
    if (!std::isfinite(v)) return "0";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

std::vector<double> nice_ticks(double lo, double hi, int count) {
    if (!(hi > lo) || count < 2) return {lo};
    const double raw = (hi - lo) / (count - 1);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    // The round step nearest the raw one (by ratio), so that the axis has about `count` ticks.
    double step = power;
    for (double m : {2.0, 5.0, 10.0})
        if (std::abs(std::log(m * power / raw)) < std::abs(std::log(step / raw))) step = m * power;
    std::vector<double> ticks;
    for (double t = std::floor(lo / step) * step; t <= hi + step * 0.5 && ticks.size() < 50; t += step)
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    if (ticks.size() < 2 || ticks.back() < hi) ticks.push_back(ticks.back() + step);
    return ticks;
}

std::string trend_chart_svg(const TrendChart& chart, const NumberFormat& format) {
    const double left = 64, right = 14, top = 30, bottom = 52;
    const double w = chart.width, h = chart.height;
    Range xr, yr;
    for (const auto& s : chart.series)
        for (std::size_t i = 0; i < s.years.size(); ++i) {
            xr.add(s.years[i]);
            yr.add(s.mean[i]);
            if (s.lower[i]) yr.add(*s.lower[i]);
            if (s.upper[i]) yr.add(*s.upper[i]);
        }
    if (xr.empty()) xr = {2021, 2040};
    const std::vector<double> yticks = axis(yr, 5);
    const Scale x{xr.lo, xr.hi, left, w - right}, y{yr.lo, yr.hi, h - bottom, top};
    std::string out = open_svg(chart.width, chart.height, chart.title);
    out += text_element(left, 18, chart.title + (chart.unit.empty() ? "" : " (" + chart.unit + ")"), "start", 14,
                        "font-weight=\"bold\" fill=\"#222\"");
    for (double t : yticks) {
        out += line_element(left, y(t), w - right, y(t), kGridColour);
        out += text_element(left - 6, y(t) + 4, format(t), "end", 11, "fill=\"#444\"");
    }
    const int span = static_cast<int>(xr.hi - xr.lo);
    const int step = span > 12 ? 5 : span > 5 ? 2 : 1;
    for (int year = static_cast<int>(xr.lo); year <= static_cast<int>(xr.hi); ++year)
        if (year % step == 0 || year == static_cast<int>(xr.lo)) {
            out += line_element(x(year), h - bottom, x(year), h - bottom + 4, kAxisColour);
            out += text_element(x(year), h - bottom + 17, std::to_string(year), "middle", 11, "fill=\"#444\"");
        }
    out += line_element(left, h - bottom, w - right, h - bottom, kAxisColour);
    for (const auto& s : chart.series) out += band(s, x, y);
    for (const auto& s : chart.series) {
        std::vector<std::pair<double, double>> pts;
        for (std::size_t i = 0; i < s.years.size(); ++i) pts.emplace_back(x(s.years[i]), y(s.mean[i]));
        out += polyline(pts, s.colour, s.dashed);
    }
    double lx = left;
    for (const auto& s : chart.series) {  // the legend, under the axis
        std::string key = line_element(lx, h - 12, lx + 22, h - 12, s.colour.c_str(), 3);
        if (s.dashed) key.insert(key.size() - 2, " stroke-dasharray=\"6 4\"");
        out += key;
        out += text_element(lx + 28, h - 8, s.label, "start", 12, "fill=\"#222\"");
        lx += 40 + 7.0 * static_cast<double>(s.label.size());
    }
    return out + "</svg>";
}

std::string bar_chart_svg(const BarChart& chart, const NumberFormat& format) {
    const double top = 30, bottom = 28, left = chart.label_width, right = 16;
    const double h = top + bottom + chart.bar_height * static_cast<double>(chart.bars.size());
    Range r;
    r.add(0);
    for (const auto& b : chart.bars) {
        r.add(b.value);
        if (b.lower) r.add(*b.lower);
        if (b.upper) r.add(*b.upper);
    }
    const std::vector<double> ticks = axis(r, 5);
    const Scale x{r.lo, r.hi, left, chart.width - right};
    std::string out = open_svg(chart.width, static_cast<int>(h), chart.title);
    out += text_element(0, 18, chart.title + (chart.unit.empty() ? "" : " (" + chart.unit + ")"), "start", 14,
                        "font-weight=\"bold\" fill=\"#222\"");
    const double axis_y = h - bottom;
    for (double t : ticks) {
        out += line_element(x(t), top, x(t), axis_y, kGridColour);
        out += text_element(x(t), axis_y + 15, format(t), "middle", 11, "fill=\"#444\"");
    }
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const BarItem& b = chart.bars[i];
        const double y0 = top + chart.bar_height * static_cast<double>(i);
        const double x0 = x(std::min(0.0, b.value)), x1 = x(std::max(0.0, b.value));
        const std::string& colour = b.value < 0 ? chart.negative_colour : chart.positive_colour;
        out += "<rect x=\"" + svg_number(x0) + "\" y=\"" + svg_number(y0 + 4) + "\" width=\"" +
               svg_number(std::max(x1 - x0, 0.5)) + "\" height=\"" + svg_number(chart.bar_height - 8) + "\" fill=\"" +
               colour + "\"/>";
        if (b.lower && b.upper) {
            const double ym = y0 + chart.bar_height / 2.0;
            out += line_element(x(*b.lower), ym, x(*b.upper), ym, "#222", 1.2);
            out += line_element(x(*b.lower), ym - 4, x(*b.lower), ym + 4, "#222", 1.2);
            out += line_element(x(*b.upper), ym - 4, x(*b.upper), ym + 4, "#222", 1.2);
        }
        out += text_element(left - 8, y0 + chart.bar_height / 2.0 + 4, b.label, "end", 12, "fill=\"#222\"");
    }
    out += line_element(x(0), top, x(0), axis_y, kAxisColour);
    return out + "</svg>";
}

std::string scatter_svg(const ScatterChart& chart, const NumberFormat& format) {
    const double left = 70, right = 16, top = 48, bottom = 44;
    const double w = chart.width, h = chart.height;
    Range xr, yr;
    xr.add(0);
    yr.add(0);
    for (double v : chart.x) xr.add(v);
    for (double v : chart.y) yr.add(v);
    const std::vector<double> xt = axis(xr, 5), yt = axis(yr, 5);
    const Scale x{xr.lo, xr.hi, left, w - right}, y{yr.lo, yr.hi, h - bottom, top};
    std::string out = open_svg(chart.width, chart.height, chart.title);
    out += text_element(0, 18, chart.title, "start", 14, "font-weight=\"bold\" fill=\"#222\"");
    for (double t : yt) {
        out += line_element(left, y(t), w - right, y(t), kGridColour);
        out += text_element(left - 6, y(t) + 4, format(t), "end", 11, "fill=\"#444\"");
    }
    for (double t : xt) {
        out += line_element(x(t), top, x(t), h - bottom, kGridColour);
        out += text_element(x(t), h - bottom + 15, format(t), "middle", 11, "fill=\"#444\"");
    }
    out += line_element(x(0), top, x(0), h - bottom, kAxisColour, 1.2);
    out += line_element(left, y(0), w - right, y(0), kAxisColour, 1.2);
    out += text_element((left + w - right) / 2, h - 6, chart.x_label, "middle", 12, "fill=\"#222\"");
    out += text_element(left, top - 10, chart.y_label, "start", 12, "fill=\"#222\"");
    for (std::size_t i = 0; i < std::min(chart.x.size(), chart.y.size()); ++i)
        out += "<circle cx=\"" + svg_number(x(chart.x[i])) + "\" cy=\"" + svg_number(y(chart.y[i])) +
               "\" r=\"4.5\" fill=\"#2c7fb8\" fill-opacity=\"0.8\" stroke=\"#fff\"/>";
    return out + "</svg>";
}

std::string diverging_colour(double v, double max_abs) {
    // ColorBrewer's RdBu-like end points (Brewer, colorbrewer2.org): a blue for gains, an orange for losses.
    const double t = max_abs > 0 && std::isfinite(v) ? std::clamp(v / max_abs, -1.0, 1.0) : 0.0;
    const int end_gain[3] = {33, 102, 172}, end_loss[3] = {217, 95, 14};
    const int* end = t >= 0 ? end_gain : end_loss;
    const double a = std::abs(t);
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(247 + (end[0] - 247) * a)),
                  static_cast<int>(std::lround(247 + (end[1] - 247) * a)),
                  static_cast<int>(std::lround(247 + (end[2] - 247) * a)));
    return buf;
}

}  // namespace hhu
