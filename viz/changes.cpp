#include "changes.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "sim/compare/compare_format.hpp"
#include "sim/compare/payers.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"

namespace hhu::viz {

std::string plain_title(const Scenario& scenario, Language lang) {
    return scenario_title(scenario_words(scenario), lang);
}

std::string plain_description(const Scenario& scenario, Language lang) {
    return scenario_description(scenario_words(scenario), lang);
}

Comparison compare_in_memory(const std::vector<const Indicators*>& baseline,
                             const std::vector<const Indicators*>& scenario, const ChangesRuns& runs,
                             const std::filesystem::path& data_dir) {
    CompareOptions options;
    std::vector<std::string> no_prices;
    options.care_prices = read_care_prices_or_warn(data_dir, no_prices);
    const YearlyFilter filter = comparison_filter(options);
    std::vector<YearlyRows> base, scen;
    for (std::size_t r = 0; r < baseline.size(); ++r)
        base.push_back(yearly_rows(*baseline[r], filter, runs.baseline + " replicate " + std::to_string(r)));
    for (std::size_t r = 0; r < scenario.size(); ++r)
        scen.push_back(yearly_rows(*scenario[r], filter, runs.scenario + " replicate " + std::to_string(r)));
    RunInfo b, s;
    b.scenario_name = runs.baseline;
    s.scenario_name = runs.scenario;
    b.seed = s.seed = runs.seed;
    b.scale = s.scale = runs.scale;
    Comparison c = compare_tables(b, s, base, scen, options);
    c.warnings.insert(c.warnings.end(), no_prices.begin(), no_prices.end());
    return c;
}

std::vector<const ComparisonRow*> cost_rows(const Comparison& c) {
    // compare's groups (sim/compare/compare.cpp): costs with cost per QALY and net benefit, the payers,
    // the returns on investment with break-even years, and the societal perspective (informal care,
    // productivity losses by the friction-cost method, the societal net cost and net benefit).
    std::vector<const ComparisonRow*> rows;
    for (const auto& row : c.rows)
        if (row.group.rfind("Costs", 0) == 0 || row.group.rfind("Return on investment", 0) == 0 ||
            row.group.rfind("Societal perspective", 0) == 0)
            rows.push_back(&row);
    return rows;
}

std::vector<int> cost_periods(const Comparison& c) {
    std::vector<int> periods;
    for (const PeriodKind k : {PeriodKind::Cumulated, PeriodKind::Discounted, PeriodKind::Lifetime,
                               PeriodKind::LifetimeDiscounted})
        if (c.period_years[static_cast<int>(k)] != 0) periods.push_back(static_cast<int>(k));
    return periods;
}

namespace {

// A difference for a table: whole numbers from 100 on, else three significant digits; thousands
// separated by commas.
std::string number(double v, bool sign) {
    const double a = std::abs(v);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, a);
    const std::string digits = buf;
    const std::size_t dot = std::min(digits.find('.'), digits.size());
    std::string out = v < 0 ? "-" : sign ? "+" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i < dot && (dot - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Euros in millions or thousands, so that a column stays short.
std::string scaled(double v, const std::string& unit, bool sign, std::string& shown_unit) {
    shown_unit = unit;
    if (unit.rfind("EUR", 0) == 0 && std::abs(v) >= 1e6) {
        shown_unit = "million " + unit;
        return number(v / 1e6, sign);
    }
    return number(v, sign);
}

}  // namespace

std::string estimate_text(const ComparisonRow& row, int period) {
    const auto& v = row.values[period];
    if (!row.available || !v || !std::isfinite(v->mean)) return "n/a";
    std::string unit;
    const bool ratio = row.measure == "cost_per_qaly_gained";
    std::string s = scaled(v->mean, row.unit, !ratio, unit);
    if (v->lower && v->upper) {
        const double k = unit.rfind("million", 0) == 0 ? 1e6 : 1;
        s += " [" + number(*v->lower / k, false) + ", " + number(*v->upper / k, false) + "]";
    }
    return s + " " + unit;
}

std::string changes_csv(const Comparison& c, const ChangesRuns& runs) {
    auto quoted = [](const std::string& s) {
        std::string q = "\"";
        for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
    };
    auto num = [](const std::optional<double>& v) { return v && std::isfinite(*v) ? format_value(*v) : std::string(); };
    std::string out = "measure,label,unit,period,year,mean,lower,upper,replicates,scenario,baseline,scale,seed,version\n";
    std::string tail;  // appended piece by piece: GCC 12 warns (-Wrestrict) on the one-expression form
    for (const std::string& part : {quoted(runs.scenario), quoted(runs.baseline), format_value(runs.scale),
                                    std::to_string(runs.seed), quoted(version_string())}) {
        tail += ',';
        tail += part;
    }
    tail += '\n';
    for (const auto& name : headline_measures())
        for (const auto& row : c.rows) {
            if (row.measure != name) continue;
            for (int k = 0; k < kNumPeriods; ++k) {
                if (!reported(c, row, k)) continue;
                const auto& v = row.values[k];
                out += row.measure + "," + quoted(row.label) + "," + quoted(row.unit) + "," + c.periods[k] + "," +
                       std::to_string(c.period_years[k]) + "," + (v ? num(v->mean) : "") + "," +
                       (v ? num(v->lower) : "") + "," + (v ? num(v->upper) : "") + "," +
                       std::to_string(c.replicates) + tail;
            }
        }
    return out;
}

std::string costs_cell_shown(const Comparison& c, const ComparisonRow& row, int period, Language lang) {
    const std::string cell = comparison_cell(c, row, period);
    return cell.empty() ? "\u2013" : localise_figure(lang, cell);
}

std::string costs_csv(const Comparison& c, const ChangesRuns& runs, Language lang) {
    auto quoted = [](const std::string& s) {
        std::string q = "\"";
        for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
    };
    std::string out = "group,measure,label,unit,period,cell,shown,replicates,scenario,baseline,scale,seed,version\n";
    for (const ComparisonRow* row : cost_rows(c))
        for (int k : cost_periods(c)) {
            out += quoted(row->group) + "," + row->measure + "," + quoted(row->label) + "," + quoted(row->unit) + "," + c.periods[k] + "," +
                   quoted(comparison_cell(c, *row, k)) + "," + quoted(costs_cell_shown(c, *row, k, lang)) + "," +
                   std::to_string(c.replicates) + "," +
                   quoted(runs.scenario) + "," + quoted(runs.baseline) + "," + format_value(runs.scale) + ",";
            out += std::to_string(runs.seed);
            out += ",";
            out += quoted(version_string());
            out += "\n";
        }
    return out;
}

}  // namespace hhu::viz
