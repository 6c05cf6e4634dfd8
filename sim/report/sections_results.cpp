// What changes: the headline table, the trends, costs and value, the care workforce and every figure of
// `hhu compare`. Every number is compare's (sim/compare), written by its formatter.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "sim/output/indicator_labels.hpp"
#include "sim/output/indicators.hpp"
#include "sim/report/sections.hpp"

namespace hhu {

namespace {

constexpr int kCumulated = static_cast<int>(PeriodKind::Cumulated);
constexpr int kDiscounted = static_cast<int>(PeriodKind::Discounted);

// The headline rows, in plain words (text key "headline.<measure>").
const std::vector<const char*> kHeadline = {
    "healthy_life_years_gained", "qalys_gained",      "wellbys_gained",           "deaths_averted",
    "care_hours_change",
    "intervention_cost_change",  "care_cost_change",  "cost_per_qaly_gained",     "net_monetary_benefit_20k",
    "district_atkinson_healthy_life_expectancy_change"};

std::string unit_text(const Page& page, const std::string& unit) { return text_or(page.lang, "unit." + unit, unit); }

std::vector<int> shown_periods(const Comparison& c) {
    std::vector<int> periods;
    for (int k = 0; k < kNumPeriods; ++k)
        if (c.period_years[k] != 0) periods.push_back(k);
    return periods;
}

std::string period_header(const Page& page, const Comparison& c, int k) {
    if (k == kCumulated) return xml_escape(page.t("period.total") + " " + std::to_string(c.first_year) + "-" + std::to_string(c.last_year));
    if (k == kDiscounted) return xml_escape(page.t("period.discounted"));
    if (k == static_cast<int>(PeriodKind::Lifetime)) return xml_escape(page.t("period.lifetime"));
    if (k == static_cast<int>(PeriodKind::LifetimeDiscounted)) return xml_escape(page.t("period.lifetime_discounted"));
    return xml_escape(page.t("period.in") + " " + std::to_string(c.period_years[k]));
}

// A cell with its interval kept whole on a line of its own when the column is narrow ("mean [lo, hi]").
std::string figure_html(const std::string& cell) {
    const auto bracket = cell.find(" [");
    if (bracket == std::string::npos) return xml_escape(cell);
    return xml_escape(cell.substr(0, bracket)) + " <span class=\"ci\">" + xml_escape(cell.substr(bracket + 1)) + "</span>";
}

std::vector<std::string> row_cells(const Page& page, const Comparison& c, const ComparisonRow& row,
                                   const std::vector<int>& periods, const std::string& label) {
    std::vector<std::string> cells = {xml_escape(label) + " <span class=\"unit\">(" + xml_escape(unit_text(page, row.unit)) + ")</span>"};
    for (int k : periods) cells.push_back(figure_html(page.cell(c, row, k)));
    return cells;
}

std::string interval_note(const Page& page, const Comparison& c) {
    if (c.replicates < 2) return escaped("p", page.t("note.single_replicate"), "class=\"note\"");
    return escaped("p", page.t("note.interval_1") + " " + std::to_string(c.replicates) + " " + page.t("note.interval_2"),
                   "class=\"note\"");
}

TrendSeries series(const std::string& label, const std::string& colour, const std::map<int, Estimate>& values, bool dashed) {
    TrendSeries s;
    s.label = label;
    s.colour = colour;
    s.dashed = dashed;
    for (const auto& [year, e] : values) {
        s.years.push_back(year);
        s.mean.push_back(e.mean);
        s.lower.push_back(e.lower);
        s.upper.push_back(e.upper);
    }
    return s;
}

std::string trend_svg(const Page& page, const TrendPair& t, const std::string& scenario_label) {
    TrendChart chart;
    // The indicator's name and unit from the one table of indicator words (sim/output/indicator_labels).
    const bool dutch = page.lang == Language::Dutch;
    const IndicatorInfo* info = find_indicator(t.indicator);
    chart.title = std::string(indicator_label(t.indicator, dutch));
    if (info) {
        chart.unit = std::string(dutch ? unit_nl(info->unit) : info->unit);
        // Events and amounts are counted over each year; life expectancy and the workforce are states.
        const bool flow = info->kind == IndicatorKind::Amount ||
                          (info->kind == IndicatorKind::Count && !info->numerator.empty() &&
                           measure_timing(info->numerator[0]) == MeasureTiming::Flow);
        if (flow) chart.unit += page.t("unit.per_year");
    }
    chart.series.push_back(series(page.t("label.baseline"), "#7a7a7a", t.baseline, true));
    chart.series.push_back(series(scenario_label, "#2c7fb8", t.scenario, false));
    return trend_chart_svg(chart, page.format());
}

}  // namespace

std::string headline_section(const Page& page, const ScenarioReport& s) {
    const Comparison& c = s.comparison;
    const std::vector<int> periods = shown_periods(c);
    std::vector<std::string> header = {xml_escape(page.t("headline.what"))};
    for (int k : periods) header.push_back(period_header(page, c, k));
    std::vector<std::vector<std::string>> rows;
    for (const char* measure : kHeadline)
        if (const ComparisonRow* row = find_row(c, measure); row != nullptr)
            rows.push_back(row_cells(page, c, *row, periods, page.t(std::string("headline.") + measure)));
    std::string out = escaped("h2", page.t("section.headline"));
    out += escaped("p", page.t("headline.intro_1") + " “" + page.title(c.scenario.words) + "” " +
                            page.t("headline.intro_2") +
                            " " + std::to_string(c.first_year) + "-" + std::to_string(c.last_year) + ".");
    out += html_table(header, rows, "headline");
    out += interval_note(page, c);
    out += escaped("p", page.t("note.discounting_1") + " " + page.number(100 * c.discount_costs) + "% " +
                            page.t("note.discounting_2") + " " + page.number(100 * c.discount_effects) + "% " +
                            page.t("note.discounting_3") + " " + std::to_string(c.discount_base_year) + ". " +
                            page.t("note.horizon"),
                   "class=\"note\"");
    for (const auto& w : c.warnings) out += escaped("p", page.t("note.warning") + " " + w, "class=\"warning\"");
    return element("section", out, "id=\"headline\"");
}

std::string trends_section(const Page& page, const ScenarioReport& s) {
    if (s.trends.empty()) return "";
    std::string figures;
    for (const auto& t : s.trends) figures += element("figure", trend_svg(page, t, page.title(s.provenance.words)));
    std::string out = escaped("h2", page.t("section.trends"));
    out += escaped("p", page.t("trends.intro"));
    out += element("div", figures, "class=\"grid2\"");
    return element("section", out, "id=\"trends\"");
}

std::string costs_section(const Page& page, const ScenarioReport& s) {
    const Comparison& c = s.comparison;
    std::vector<int> periods = {kCumulated, kDiscounted};
    if (c.lifetime) {
        periods.push_back(static_cast<int>(PeriodKind::Lifetime));
        periods.push_back(static_cast<int>(PeriodKind::LifetimeDiscounted));
    }
    std::vector<std::string> header = {xml_escape(page.t("headline.what"))};
    for (int k : periods) header.push_back(period_header(page, c, k));
    auto table_of = [&](std::initializer_list<std::string_view> groups) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : c.rows)
            if (row.available && std::find(groups.begin(), groups.end(), row.group) != groups.end())
                rows.push_back(row_cells(page, c, row, periods, measure_label(page.lang, row.measure, row.label)));
        return rows;
    };
    std::string out = escaped("h2", page.t("section.costs"));
    out += escaped("p", page.t("costs.intro"));
    out += html_table(header, table_of({"Costs, change (scenario - baseline)"}));
    // Who pays and who saves: compare's costs by payer, returns on investment and break-even years.
    const auto payers = table_of({"Costs by payer, change (scenario - baseline)",
                                  "Return on investment (savings / programme costs)"});
    if (!payers.empty()) {
        out += escaped("p", page.t("costs.payers_intro"));
        out += html_table(header, payers);
    }
    if (c.plane.size() > 1) {
        ScatterChart plane;
        plane.title = page.t("costs.plane_title");
        plane.x_label = page.t("costs.plane_x");
        plane.y_label = page.t("costs.plane_y");
        for (const auto& p : c.plane) {
            plane.x.push_back(p.qalys_gained);
            plane.y.push_back(p.net_cost);
        }
        out += element("figure", scatter_svg(plane, page.format()) + escaped("figcaption", page.t("costs.plane_caption")));
    }
    return element("section", out, "id=\"costs\"");
}

std::string workforce_section(const Page& page, const ScenarioReport& s) {
    if (!s.workforce_gap) return "";
    std::string out = escaped("h2", page.t("section.workforce"));
    out += escaped("p", page.t("workforce.intro"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : s.workforce_gap_change) {
        const int year = std::stoi(g.code);
        const auto scen = s.workforce_gap->scenario.find(year);
        rows.push_back({g.code, xml_escape(page.estimate(g.baseline)),
                        scen == s.workforce_gap->scenario.end() ? "" : xml_escape(page.estimate(scen->second)),
                        xml_escape(page.estimate(g.change))});
    }
    out += html_table({xml_escape(page.t("workforce.year")), xml_escape(page.t("workforce.without")),
                       xml_escape(page.t("workforce.with")), xml_escape(page.t("workforce.change"))},
                      rows);
    out += element("figure", trend_svg(page, *s.workforce_gap, page.title(s.provenance.words)), "class=\"wide\"");
    return element("section", out, "id=\"workforce\"");
}

std::string all_figures_section(const Page& page, const ScenarioReport& s) {
    const Comparison& c = s.comparison;
    const std::vector<int> periods = shown_periods(c);
    std::vector<std::string> header = {xml_escape(page.t("headline.what"))};
    for (int k : periods) header.push_back(period_header(page, c, k));
    std::vector<std::vector<std::string>> rows;
    std::string group;
    for (const auto& row : c.rows) {
        if (row.group != group) {
            group = row.group;
            rows.push_back({xml_escape(text_or(page.lang, "group." + group, group))});
        }
        rows.push_back(row_cells(page, c, row, periods, measure_label(page.lang, row.measure, row.label)));
    }
    std::string out = escaped("h2", page.t("section.all"));
    out += escaped("p", page.t("all.intro"));
    out += html_table(header, rows, "all");
    return element("section", out, "id=\"all\"");
}

}  // namespace hhu
