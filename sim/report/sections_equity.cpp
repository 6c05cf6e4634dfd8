// Where and for whom: the change by municipality on the map of the real outlines, Utrecht's districts
// beside it (they have no outline of their own: a labelled bar chart), and the equity section
// (healthy life expectancy and QALYs gained by education level and district; compare's gap rows).
#include <algorithm>

#include "sim/report/map_svg.hpp"
#include "sim/report/sections.hpp"

namespace hhu {

namespace {

std::string per_thousand(const Page& page) { return page.t("unit.qalys_per_1000"); }

BarChart district_bars(const Page& page, const std::vector<GroupChange>& districts) {
    BarChart chart;
    chart.title = page.t("map.districts_title");
    chart.unit = per_thousand(page);
    chart.label_width = 130;
    chart.width = 460;
    for (const auto& d : districts) chart.bars.push_back({d.name, d.change.mean, d.change.lower, d.change.upper});
    return chart;
}

std::string municipality_table(const Page& page, std::vector<GroupChange> rows) {
    std::sort(rows.begin(), rows.end(), [](const GroupChange& a, const GroupChange& b) {
        return a.change.mean != b.change.mean ? a.change.mean > b.change.mean : a.code < b.code;
    });
    std::vector<std::vector<std::string>> body;
    for (const auto& m : rows) body.push_back({xml_escape(m.name), xml_escape(page.estimate(m.change))});
    return html_table({xml_escape(page.t("map.municipality")), xml_escape(per_thousand(page))}, body, "columns");
}

const std::string& education_label(const Page& page, const std::string& level) { return page.t("education." + level); }

}  // namespace

std::string map_section(const Page& page, const ScenarioReport& s, const std::vector<GeoShape>& outlines) {
    if (s.municipalities.empty()) return "";
    MapChart chart;
    chart.title = page.t("map.title");
    chart.unit = per_thousand(page);
    chart.no_data_label = page.t("map.no_data");
    for (const auto& m : s.municipalities) chart.values[m.code] = m.change.mean;
    std::string out = escaped("h2", page.t("section.map"));
    out += escaped("p", page.t("map.intro_1") + " " + std::to_string(s.first_year) + "-" + std::to_string(s.last_year) +
                            " " + page.t("map.intro_2"));
    std::string figures = element("figure", municipality_map_svg(outlines, chart, page.format()));
    if (!s.districts.empty())
        figures += element("figure", bar_chart_svg(district_bars(page, s.districts), page.format()) +
                                         escaped("figcaption", page.t("map.districts_caption")));
    out += element("div", figures, "class=\"grid2\"");
    out += municipality_table(page, s.municipalities);
    return element("section", out, "id=\"map\"");
}

std::string equity_section(const Page& page, const ScenarioReport& s) {
    const Comparison& c = s.comparison;
    std::string out = escaped("h2", page.t("section.equity"));
    out += escaped("p", page.t("equity.intro_1") + " " + std::to_string(s.last_year) + " " + page.t("equity.intro_2"));
    const int cumulated = static_cast<int>(PeriodKind::Cumulated);
    const std::vector<std::string> header = {xml_escape(page.t("equity.group")),
                                             xml_escape(page.t("equity.hle_baseline") + " " + std::to_string(s.last_year)),
                                             xml_escape(page.t("equity.hle_change")),
                                             xml_escape(page.t("equity.qalys_gained"))};
    std::vector<std::vector<std::string>> by_education;
    for (const auto& g : s.hle_by_education) {
        const ComparisonRow* row = find_row(c, "qalys_gained_" + g.code + "_education");
        by_education.push_back({xml_escape(education_label(page, g.code)), xml_escape(page.estimate(g.baseline)),
                                xml_escape(page.estimate(g.change)),
                                row ? xml_escape(page.cell(c, *row, cumulated)) : ""});
    }
    if (!by_education.empty()) out += escaped("h3", page.t("equity.by_education")) + html_table(header, by_education);
    std::vector<std::vector<std::string>> by_district;
    for (const auto& g : s.hle_by_district) {
        const auto q = std::find_if(s.districts.begin(), s.districts.end(), [&](const GroupChange& d) { return d.code == g.code; });
        by_district.push_back({xml_escape(g.name), xml_escape(page.estimate(g.baseline)), xml_escape(page.estimate(g.change)),
                               q == s.districts.end() ? "" : xml_escape(page.estimate(q->change))});
    }
    if (!by_district.empty()) {
        std::vector<std::string> district_header = header;
        district_header.back() = xml_escape(page.t("equity.qalys_gained") + " " + per_thousand(page));
        out += escaped("h3", page.t("equity.by_district")) + html_table(district_header, by_district);
    }
    std::vector<std::vector<std::string>> gaps;
    const int last = static_cast<int>(PeriodKind::LastYear);
    for (const auto& row : c.rows)
        if (row.group.rfind("Inequality", 0) == 0)
            gaps.push_back({xml_escape(measure_label(page.lang, row.measure, row.label)), xml_escape(page.cell(c, row, last))});
    if (!gaps.empty())
        out += escaped("h3", page.t("equity.gaps")) +
               html_table({xml_escape(page.t("headline.what")), xml_escape(page.t("equity.change_in") + " " + std::to_string(c.period_years[last]))}, gaps) +
               escaped("p", page.t("equity.gaps_note"), "class=\"note\"");
    return element("section", out, "id=\"equity\"");
}

}  // namespace hhu
