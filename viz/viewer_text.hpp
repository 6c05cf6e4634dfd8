#pragma once
// The viewer's words in English and Dutch, one table (like sim/report/report_text): every fixed text of
// the panels by key. Workshop mode speaks Dutch unless told otherwise (--language); compare's row labels
// come from sim/report's measure_label, so the brief and the viewer say the same thing.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "sim/report/report_text.hpp"

namespace hhu::viz {

// The text of `key` in `lang`; std::logic_error for an unknown key (a bug: every key has both languages).
const std::string& ui_text(Language lang, std::string_view key);
// A text of the table with its printf fields filled in: std::string arguments as text, numbers as they are.
template <class... Args>
std::string printf_text(const std::string& format, const Args&... args);

// Every key of the table, in order (for the test that both languages are there).
std::string ui_keys();

namespace detail {
inline const char* printf_arg(const std::string& s) { return s.c_str(); }
template <class T>
T printf_arg(T v) {
    return v;
}
}  // namespace detail

template <class... Args>
std::string printf_text(const std::string& format, const Args&... args) {
    const int n = std::snprintf(nullptr, 0, format.c_str(), detail::printf_arg(args)...);
    std::string out(static_cast<std::size_t>(std::max(n, 0)) + 1, '\0');
    std::snprintf(out.data(), out.size(), format.c_str(), detail::printf_arg(args)...);
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    return out;
}

}  // namespace hhu::viz
