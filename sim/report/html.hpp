#pragma once
// Small helpers the brief's sections share: the language and number format of the page, HTML
// elements, and compare's cells localised.
#include <string>
#include <string_view>
#include <vector>

#include "sim/compare/compare.hpp"
#include "sim/core/statistics.hpp"
#include "sim/report/report_text.hpp"
#include "sim/report/svg.hpp"

namespace hhu {

struct Page {
    Language lang;
    const std::string& t(std::string_view key) const { return text(lang, key); }
    std::string number(double v) const;               // compare's formatter, localised
    std::string estimate(const Estimate& e) const;    // "mean [lower, upper]" as compare writes a cell
    std::string cell(const Comparison& c, const ComparisonRow& row, int period) const;
    NumberFormat format() const;
    // A run's scenario in plain words in the page's language (sim/scenario/scenario_words.hpp).
    std::string title(const ScenarioWords& words) const { return scenario_title(words, lang); }
};

std::string element(std::string_view tag, std::string_view content, std::string_view attributes = "");
std::string escaped(std::string_view tag, std::string_view text, std::string_view attributes = "");

// A table: a header row and body rows of already escaped cells; columns from the second on are numbers
// (right-aligned).
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       std::string_view css_class = "");

// The row of a comparison by measure id; nullptr when compare has no such row.
const ComparisonRow* find_row(const Comparison& c, std::string_view measure);

}  // namespace hhu
