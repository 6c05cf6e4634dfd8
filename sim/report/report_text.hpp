#pragma once
// The words of the policy brief in English and Dutch: every fixed text of the document by key, the
// labels of compare's rows by measure, and numbers written the Dutch way (1,5 mln; 2.300) from the
// same figures that `hhu compare` prints.
#include <string>
#include <string_view>

#include "sim/core/language.hpp"

namespace hhu {

// "en" or "nl"; InputError for anything else, naming the flag.
Language parse_language(const std::string& code);
const char* language_code(Language lang);  // "en" or "nl" (the html lang attribute)

// The text of `key`; std::logic_error for an unknown key (a bug: every key has both languages).
const std::string& text(Language lang, std::string_view key);
// The text of `key`, or `fallback` when there is none (fields of a scenario that the brief has no words for).
std::string text_or(Language lang, std::string_view key, std::string_view fallback);

// The label of a row of compare (by its measure id) in the language; its English label when the
// measure has no entry (a new compare row shows in English rather than not at all).
std::string measure_label(Language lang, const std::string& measure, const std::string& english_label);

// A figure or table cell written by compare's formatter (sim/compare/compare_format.hpp), in the
// language: English unchanged; Dutch with a decimal comma, a thousands point, "mln"/"mld" for M/bn,
// ";" between the bounds of an interval, "n.v.t." for n/a, "niet bereikt" for a break-even year not reached.
std::string localise_figure(Language lang, const std::string& figure);

}  // namespace hhu
