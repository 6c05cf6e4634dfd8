#include "sim/report/html.hpp"

#include "sim/compare/compare_format.hpp"

namespace hhu {

std::string Page::number(double v) const { return localise_figure(lang, human_number(v)); }

std::string Page::estimate(const Estimate& e) const {
    std::string s = human_number(e.mean);
    if (e.replicates > 1)
        s += e.lower && e.upper ? " [" + human_number(*e.lower) + ", " + human_number(*e.upper) + "]" : " [no interval]";
    return localise_figure(lang, s);
}

std::string Page::cell(const Comparison& c, const ComparisonRow& row, int period) const {
    // A level's whole-period columns would repeat its last year's value under "total": left blank.
    if (row.level && period >= static_cast<int>(PeriodKind::Cumulated) && c.period_years[period] != 0) return "–";
    return localise_figure(lang, comparison_cell(c, row, period));
}

NumberFormat Page::format() const {
    const Language l = lang;
    return [l](double v) { return localise_figure(l, human_number(v)); };
}

std::string element(std::string_view tag, std::string_view content, std::string_view attributes) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "<" + std::string(...).
    std::string s;
    s.reserve(content.size() + 2 * tag.size() + attributes.size() + 6);
    s += '<';
    s += tag;
    if (!attributes.empty()) {
        s += ' ';
        s += attributes;
    }
    s += '>';
    s += content;
    s += "</";
    s += tag;
    s += '>';
    return s;
}

std::string escaped(std::string_view tag, std::string_view text, std::string_view attributes) {
    return element(tag, xml_escape(text), attributes);
}

std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       std::string_view css_class) {
    std::string s = css_class.empty() ? "<table>" : "<table class=\"" + std::string(css_class) + "\">";
    s += "<thead><tr>";
    for (std::size_t i = 0; i < header.size(); ++i) s += element("th", header[i], i ? "class=\"num\"" : "");
    s += "</tr></thead><tbody>";
    for (const auto& row : rows) {
        s += row.size() == 1 && header.size() > 1 ? "<tr class=\"group\">" : "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row.size() == 1 && header.size() > 1)
                s += element("td", row[i], "colspan=\"" + std::to_string(header.size()) + "\"");
            else
                s += element("td", row[i], i ? "class=\"num\"" : "");
        }
        s += "</tr>";
    }
    return s + "</tbody></table>";
}

const ComparisonRow* find_row(const Comparison& c, std::string_view measure) {
    for (const auto& row : c.rows)
        if (row.measure == measure) return &row;
    return nullptr;
}

}  // namespace hhu
