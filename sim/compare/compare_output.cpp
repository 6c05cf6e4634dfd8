// The comparison as files: a tidy CSV (one row per measure and period) and a JSON document with the
// runs compared, the conventions and every measure.
#include <nlohmann/json.hpp>

#include <cmath>

#include "sim/compare/compare.hpp"
#include "sim/model/prices.hpp"
#include "sim/output/indicators.hpp"

namespace hhu {

namespace {

using nlohmann::ordered_json;

bool defined(const std::optional<double>& v) { return v.has_value() && std::isfinite(*v); }

std::string csv_number(const std::optional<double>& v) { return defined(v) ? format_value(*v) : "n/a"; }

ordered_json json_number(const std::optional<double>& v) { return defined(v) ? ordered_json(*v) : ordered_json(); }

}  // namespace

bool whole_period_only(const ComparisonRow& row) {
    return row.measure == "cost_per_qaly_gained" || row.measure == "societal_cost_change" ||
           row.measure.rfind("net_monetary_benefit", 0) == 0 ||
           row.measure.rfind("return_on_investment_", 0) == 0 || row.measure.rfind("break_even_year_", 0) == 0;
}

// Periods not simulated (2030 in a run that ends earlier, or that ends in 2030) are left out; cost
// per QALY and net benefit are reported over the whole period only (cumulated, and discounted).
bool reported(const Comparison& c, const ComparisonRow& row, int period) {
    if (c.period_years[period] == 0) return false;
    return !whole_period_only(row) || period >= static_cast<int>(PeriodKind::Cumulated);
}

namespace {

std::string interval_text(const Comparison& c) {
    return c.replicates > 1 ? "95% t-interval of the mean of the " + std::to_string(c.replicates) +
                                  " paired differences (replicate r of the scenario minus replicate r of the "
                                  "baseline); mcse: its Monte Carlo standard error; cost per QALY: Fieller's interval"
                            : "single replicate: the difference itself, no interval (run with -r N)";
}

ordered_json run_json(const RunInfo& run) {
    ordered_json j;
    j["directory"] = run.dir.string();
    j["scenario"] = run.scenario_name;
    j["seed"] = run.seed;
    j["scale"] = run.scale;
    j["replicates"] = run.yearly_files.size();
    return j;
}

}  // namespace

std::string comparison_csv(const Comparison& c) {
    std::string out = "measure,unit,period,mean,lower,upper,mcse,replicates,replicates_to_tell_from_zero\n";
    const std::string n = std::to_string(c.replicates);
    for (const auto& row : c.rows)
        for (int k = 0; k < kNumPeriods; ++k) {
            if (!reported(c, row, k)) continue;
            const auto& v = row.values[k];
            out += row.measure + "," + row.unit + "," + c.periods[k] + ",";
            out += (v ? csv_number(v->mean) : "n/a") + "," + (v ? csv_number(v->lower) : "n/a") + "," +
                   (v ? csv_number(v->upper) : "n/a") + "," + (v ? csv_number(v->mcse) : "n/a") + "," + n + "," +
                   (row.replicates_to_tell_from_zero[k] ? std::to_string(*row.replicates_to_tell_from_zero[k]) : "n/a") +
                   "\n";
        }
    return out;
}

std::string comparison_json(const Comparison& c) {
    ordered_json j;
    j["baseline"] = run_json(c.baseline);
    j["scenario"] = run_json(c.scenario);
    j["zone"] = c.zone;
    j["first_year"] = c.first_year;
    j["last_year"] = c.last_year;
    ordered_json periods = ordered_json::array();
    for (int k = 0; k < kNumPeriods; ++k)
        if (c.period_years[k] != 0) periods.push_back(c.periods[k]);
    j["periods"] = periods;
    j["cumulated"] = "flows: the sum over " + std::to_string(c.first_year) + "-" + std::to_string(c.last_year) +
                     " of the yearly differences (discounted: each year's weighted by its discount factor); gaps: "
                     "the last year's";
    j["discounting"] = {{"costs_per_year", c.discount_costs},
                        {"effects_per_year", c.discount_effects},
                        {"base_year", c.discount_base_year},
                        {"applies_to", "the period 'discounted': flows summed with factor (1 + rate)^-(year - "
                                       "base_year); costs and care hours at the costs' rate, health at the effects'"},
                        {"source", "Zorginstituut Nederland, guideline for economic evaluations in health care (2024), "
                                   "section 2.6.1.2: 3% costs, 1.5% effects"}};
    j["productivity_losses"] = {
        {"method", "friction-cost method (Hakkaart-van Roijen et al., Kostenhandleiding 2024): each death and each new "
                   "case of a modelled condition at ages 15-74 costs the age group's employed share (CBS 82922NED, "
                   "2022) x usual hours a week (CBS 82647NED, 2022) x the friction period, x the productivity cost "
                   "per hour x the elasticity; a new case counts the whole friction period (an upper bound)"},
        {"friction_period_days", c.friction_days},
        {"price_per_hour_eur", c.productivity_price_per_hour},
        {"price_year", kPriceYear},
        {"price_per_hour_eur_source", kProductivityCostPerHour},
        {"source_price_year", kProductivityPriceYear},
        {"elasticity", kFrictionElasticity}};
    if (c.lifetime)
        j["lifetime"] = {{"to_year", c.period_years[static_cast<int>(PeriodKind::Lifetime)]},
                         {"method", "the cumulated period plus the expected-value tail of the residents alive at its "
                                    "end (lifetime.csv of hhu run --lifetime): each survivor followed to death with "
                                    "the last year's death rates times its own multiplier, its end state held "
                                    "(sim/simulation/lifetime_tail.hpp); programme costs end with the run"},
                         {"discounted", "the same, every year (run and tail) discounted to base_year"}};
    j["replicates"] = c.replicates;
    j["interval"] = interval_text(c);
    j["signs"] = "gained and averted: positive is better for health; care, costs and gaps: scenario minus baseline";
    j["warnings"] = c.warnings;
    ordered_json measures = ordered_json::array();
    for (const auto& row : c.rows) {
        ordered_json m;
        m["measure"] = row.measure;
        m["label"] = row.label;
        m["unit"] = row.unit;
        m["available"] = row.available;
        if (!row.status.empty()) m["status"] = row.status;
        if (!row.note.empty()) m["note"] = row.note;
        ordered_json values = ordered_json::object();
        for (int k = 0; k < kNumPeriods; ++k) {
            if (!reported(c, row, k)) continue;
            const auto& v = row.values[k];
            values[c.periods[k]] = v ? ordered_json{{"mean", json_number(v->mean)},
                                                    {"lower", json_number(v->lower)},
                                                    {"upper", json_number(v->upper)},
                                                    {"mcse", json_number(v->mcse)},
                                                    {"replicates_to_tell_from_zero",
                                                     row.replicates_to_tell_from_zero[k]
                                                         ? ordered_json(*row.replicates_to_tell_from_zero[k])
                                                         : ordered_json()}}
                                     : ordered_json();
        }
        m["values"] = values;
        measures.push_back(m);
    }
    j["measures"] = measures;
    return j.dump(2) + "\n";
}

std::string comparison_plane_csv(const Comparison& c) {
    std::string out = "replicate,qalys_gained,net_cost_eur,qalys_gained_discounted,net_cost_eur_discounted";
    out += c.lifetime ? ",qalys_gained_lifetime_discounted,net_cost_eur_lifetime_discounted\n" : "\n";
    for (std::size_t r = 0; r < c.plane.size(); ++r) {
        const auto& q = c.plane[r];
        out += std::to_string(r + 1) + "," + format_value(q.qalys_gained) + "," + format_value(q.net_cost) + "," +
               format_value(q.qalys_gained_discounted) + "," + format_value(q.net_cost_discounted);
        if (c.lifetime)
            out += "," + csv_number(q.qalys_gained_lifetime_discounted) + "," + csv_number(q.net_cost_lifetime_discounted);
        out += "\n";
    }
    return out;
}

std::string comparison_acceptability_csv(const Comparison& c) {
    std::string out = "value_per_qaly_eur,probability_cost_effective,probability_cost_effective_discounted,replicates";
    out += c.lifetime ? ",probability_cost_effective_lifetime_discounted\n" : "\n";
    if (c.plane.empty()) return out;
    const double n = static_cast<double>(c.plane.size());
    for (int value = 0; value <= 200000; value += 5000) {
        double yes = 0, yes_discounted = 0, yes_lifetime = 0;
        for (const auto& q : c.plane) {
            yes += value * q.qalys_gained - q.net_cost > 0;
            yes_discounted += value * q.qalys_gained_discounted - q.net_cost_discounted > 0;
            yes_lifetime += value * q.qalys_gained_lifetime_discounted - q.net_cost_lifetime_discounted > 0;
        }
        out += std::to_string(value) + "," + format_value(yes / n) + "," + format_value(yes_discounted / n) + "," +
               std::to_string(c.plane.size());
        out += c.lifetime ? "," + format_value(yes_lifetime / n) + "\n" : "\n";
    }
    return out;
}

}  // namespace hhu
