#pragma once
// The viewer's words in English and Dutch, one table (like sim/report/report_text): every fixed text of
// the panels by key. Workshop mode speaks Dutch unless told otherwise (--language); compare's row labels
// come from sim/report's measure_label, so the brief and the viewer say the same thing.
#include <string>
#include <string_view>

#include "sim/report/report_text.hpp"

namespace hhu::viz {

// The text of `key` in `lang`; std::logic_error for an unknown key (a bug: every key has both languages).
const std::string& ui_text(Language lang, std::string_view key);
// Every key of the table, in order (for the test that both languages are there).
std::string ui_keys();

}  // namespace hhu::viz
