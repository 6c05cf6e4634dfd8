#include "sim/compare/compare_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hhu {

namespace {

std::string printf_string(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string with_thousands(double v) {
    const std::string digits = printf_string("%.0f", std::abs(v));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string human_number(double v) {
    if (!std::isfinite(v)) return "n/a";
    const double a = std::abs(v);
    std::string s;
    if (a >= 1e9) s = printf_string(a >= 1e11 ? "%.0fbn" : a >= 1e10 ? "%.1fbn" : "%.2fbn", a / 1e9);
    else if (a >= 1e6) s = printf_string(a >= 1e8 ? "%.0fM" : a >= 1e7 ? "%.1fM" : "%.2fM", a / 1e6);
    else if (a >= 1e4) s = printf_string(a >= 1e5 ? "%.0fk" : "%.1fk", a / 1e3);
    else if (a >= 1000) s = with_thousands(a);
    else if (a >= 100) s = printf_string("%.0f", a);
    else if (a >= 10) s = printf_string("%.1f", a);
    else if (a >= 0.01 || a == 0) s = printf_string("%.2f", a);
    else {  // a small effect keeps two significant digits rather than showing as 0
        const int decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(a))), 2, 6);
        s = printf_string(("%." + std::to_string(decimals) + "f").c_str(), a);
    }
    // Trailing zeros of the decimals say nothing: 5.00 -> 5, 1.50M -> 1.5M.
    if (const auto dot = s.find('.'); dot != std::string::npos) {
        const auto digits_end = s.find_first_not_of("0123456789", dot + 1);
        const std::string suffix = digits_end == std::string::npos ? "" : s.substr(digits_end);
        std::string number = s.substr(0, digits_end);
        while (number.back() == '0') number.pop_back();
        if (number.back() == '.') number.pop_back();
        s = number + suffix;
    }
    const bool zero = s.find_first_of("123456789") == std::string::npos;
    if (zero) return "0";
    return v < 0 ? "-" + s : s;
}

std::string comparison_cell(const Comparison& c, const ComparisonRow& row, int period) {
    if (c.period_years[period] == 0) return "";
    if (whole_period_only(row) && !reported(c, row, period)) return row.available ? "" : "n/a";
    if (row.measure == "cost_per_qaly_gained" && row.available) {
        if (row.status == "dominated") return "n/a (dominated)";
        if (row.status == "undefined") return "n/a (no QALYs gained)";
    }
    if (!row.available) return "n/a";
    const auto& v = row.values[period];
    if (row.unit == "year") return v ? printf_string("%.0f", v->mean) : "not reached";  // a break-even year
    if (!v) return "n/a";
    std::string s = human_number(v->mean);
    if (c.replicates > 1)
        s += v->lower && v->upper ? " [" + human_number(*v->lower) + ", " + human_number(*v->upper) + "]"
                                  : " [no interval]";
    if (row.status == "dominant") s = "dominant: " + s;
    return s;
}

}  // namespace hhu
