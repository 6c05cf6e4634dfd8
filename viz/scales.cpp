#include "scales.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace hhu::viz {

Rgb diverging(double t) {
    // ColorBrewer PuOr, 7 classes (Cynthia Brewer, colorbrewer2.org), from purple to orange.
    static constexpr std::array<Rgb, 7> stops = {{{0x54, 0x27, 0x88},
                                                  {0x99, 0x8e, 0xc3},
                                                  {0xd8, 0xda, 0xeb},
                                                  {0xf7, 0xf7, 0xf7},
                                                  {0xfe, 0xe0, 0xb6},
                                                  {0xf1, 0xa3, 0x40},
                                                  {0xb3, 0x58, 0x06}}};
    t = std::clamp(t, 0.0, 1.0) * (stops.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double f = t - static_cast<double>(i);
    auto mix = [f](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(std::lround(a + (b - a) * f)); };
    return {mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g), mix(stops[i].b, stops[i + 1].b)};
}

Rgb viridis(double t) {
    // matplotlib viridis at 0, 0.1, ..., 1.0
    static constexpr std::array<Rgb, 11> stops = {{{0x44, 0x01, 0x54},
                                                   {0x48, 0x24, 0x75},
                                                   {0x41, 0x44, 0x87},
                                                   {0x35, 0x5f, 0x8d},
                                                   {0x2a, 0x78, 0x8e},
                                                   {0x21, 0x91, 0x8c},
                                                   {0x22, 0xa8, 0x84},
                                                   {0x44, 0xbf, 0x70},
                                                   {0x7a, 0xd1, 0x51},
                                                   {0xbd, 0xdf, 0x26},
                                                   {0xfd, 0xe7, 0x25}}};
    if (!(t >= 0)) t = 0;  // also catches NaN
    t = std::min(t, 1.0) * (stops.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double f = t - static_cast<double>(i);
    auto mix = [f](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(std::lround(a + (b - a) * f)); };
    return {mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g), mix(stops[i].b, stops[i + 1].b)};
}

Rgb text_colour_on(Rgb bg) {
    const double luminance = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;
    return luminance > 140 ? Rgb{20, 20, 20} : Rgb{255, 255, 255};
}

Ticks nice_ticks(double lo, double hi, int target) {
    Ticks t;
    if (!(hi > lo)) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        lo -= pad, hi += pad;
    }
    const double raw = (hi - lo) / std::max(target, 1);
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    t.step = step;
    t.lo = std::floor(lo / step + 1e-9) * step;
    t.hi = std::ceil(hi / step - 1e-9) * step;
    for (double v = t.lo; v <= t.hi + step * 1e-6; v += step) t.values.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
    return t;
}

namespace {

// "-1234.5" (printf's) with thousands separated: "-1,234.5", or in Dutch "-1.234,5".
std::string group_thousands(const std::string& digits, Language lang) {
    const char thousands = lang == Language::Dutch ? '.' : ',';
    const char decimal = lang == Language::Dutch ? ',' : '.';
    std::string out;
    const std::size_t start = digits[0] == '-' ? 1 : 0;
    const std::size_t dot = digits.find('.');
    const std::size_t int_end = dot == std::string::npos ? digits.size() : dot;
    out = digits.substr(0, start);
    for (std::size_t i = start; i < int_end; ++i) {
        out += digits[i];
        const std::size_t left = int_end - i - 1;
        if (left > 0 && left % 3 == 0) out += thousands;
    }
    if (int_end < digits.size()) {
        out += decimal;
        out.append(digits, int_end + 1, std::string::npos);
    }
    return out;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        bool all_zero = s.find_first_not_of("-0.") == std::string::npos;
        if (all_zero) s.erase(0, 1);
    }
    return s;
}

}  // namespace

std::string format_number(double value, double step, Language lang) {
    int decimals = 0;
    for (double s = step; decimals < 6 && std::abs(s - std::round(s)) > 1e-9 * std::max(1.0, std::abs(s)); s *= 10)
        ++decimals;
    return group_thousands(fixed(value, decimals), lang);
}

std::string format_compact(double value, double step, Language lang) {
    if (value == 0) return "0";
    const double a = std::max(std::abs(value), std::abs(step));
    // Dutch writes a million "mln" (as localise_figure does); a thousand "k" in both.
    if (a >= 1e6) return format_number(value / 1e6, step / 1e6, lang) + (lang == Language::Dutch ? " mln" : "M");
    if (a >= 1e4) return format_number(value / 1e3, step / 1e3, lang) + "k";
    return format_number(value, step, lang);
}

std::string format_value_for_display(double value, Language lang) {
    const double a = std::abs(value);
    const int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : 2;
    return group_thousands(fixed(value, decimals), lang);
}

}  // namespace hhu::viz
