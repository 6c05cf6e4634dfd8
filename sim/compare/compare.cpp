#include "sim/compare/compare.hpp"
#include "sim/scenario/scenario.hpp"

#include <nlohmann/json.hpp>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <cstdio>
#include <functional>

#include "sim/compare/payers.hpp"
#include "sim/compare/productivity.hpp"
#include "sim/compare/yearly_reader.hpp"
#include "sim/core/error.hpp"
#include "sim/core/vocabulary.hpp"
#include "sim/model/prices.hpp"
#include "sim/output/ensemble.hpp"
#include "sim/output/indicators.hpp"
#include "sim/simulation/lifetime_tail.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

// A path as the messages show it.
std::string shown(const fs::path& p) { return p.string(); }

std::string format_scale(double scale) { return format_value(scale); }

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A run's yearly table: yearly.csv, or yearly.csv.gz when the run was written with --gzip.
fs::path yearly_file(const fs::path& dir) {
    std::error_code ec;
    const fs::path gz = dir / "yearly.csv.gz";
    return !fs::exists(dir / "yearly.csv", ec) && fs::exists(gz, ec) ? gz : dir / "yearly.csv";
}

std::vector<fs::path> replicate_files(const fs::path& dir) {
    const fs::path replicates = dir / "replicates";
    std::error_code ec;
    if (!fs::is_directory(replicates, ec)) return {yearly_file(dir)};
    std::vector<std::pair<unsigned long, fs::path>> found;
    for (fs::directory_iterator it(replicates, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec) && all_digits(name) && name.size() < 10)
            found.emplace_back(std::stoul(name), it->path());
    }
    if (ec) throw InputError(shown(replicates) + ": cannot be listed: " + ec.message());
    if (found.empty())
        throw InputError(shown(replicates) + ": no replicate folders (expected 001, 002, ... each with a yearly.csv)");
    std::sort(found.begin(), found.end());
    std::vector<fs::path> files;
    for (const auto& [n, path] : found) files.push_back(yearly_file(path));
    return files;
}

}  // namespace

RunInfo read_run_info(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(shown(dir) + ": no such run directory (expected the --out directory of hhu run)");
    RunInfo info;
    info.dir = dir;
    const fs::path manifest = dir / "manifest.json";
    std::ifstream in(manifest);
    if (!in)
        throw InputError(shown(manifest) + ": missing (expected the manifest of a run directory written by hhu run)");
    try {
        const auto m = nlohmann::json::parse(in);
        info.scenario_name = m.at("scenario").at("name").get<std::string>();
        info.words = scenario_words(m.at("scenario"));
        info.seed = m.at("seed").get<std::uint64_t>();
        info.scale = m.at("scale").get<double>();
        if (m.contains("data_directory") && m.at("data_directory").is_string())
            info.data_directory = m.at("data_directory").get<std::string>();
        if (m.contains("hhu_version") && m.at("hhu_version").is_string())
            info.hhu_version = m.at("hhu_version").get<std::string>();
        if (m.at("scenario").is_object()) {
            nlohmann::json settings = m.at("scenario");
            info.programmes = settings.contains("interventions") && settings["interventions"].is_array() &&
                              !settings["interventions"].empty();
            // As the migration plan's key leaves them out (sim/simulation/migration_plan.cpp).
            for (const char* key : kScenarioWordKeys) settings.erase(key);
            for (const char* key : kRunKeys) settings.erase(key);
            info.settings = settings.dump();
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(shown(manifest) + ": expected a JSON object with \"scenario\" (with \"name\"), \"seed\" and "
                         "\"scale\": " + e.what());
    }
    info.yearly_files = replicate_files(dir);
    for (const auto& f : info.yearly_files) {
        const fs::path tail = f.parent_path() / "lifetime.csv";
        if (!fs::exists(tail, ec)) {
            info.lifetime_files.clear();
            break;
        }
        info.lifetime_files.push_back(tail);
    }
    return info;
}

namespace {

constexpr int kMidYear = 2030;
// Informal care given (hours a year) and its value: the wellbeing model's indicators when the runs have them. The
// value is the run's own, at the shadow price of its data (data/wellbeing/parameters.csv informal_care_price_eur:
// EUR 18.80 an hour in 2022 prices, Kostenhandleiding 2024), so compare holds no second copy of the price.
constexpr const char* kInformalCareIndicator = "informal_care_hours_given";
constexpr const char* kInformalCareValueIndicator = "informal_care_value_eur";
constexpr int kLastReportYear = 2040;

// The incidence_ and care_hours_ indicators take their suffixes and labels from kConditions and
// kCareHourKinds (sim/core/vocabulary.hpp).

std::vector<std::string> needed_indicators() {
    std::vector<std::string> v = {"population",     "healthy_life_years", "qalys",   "dalys",
                                  "deaths",         "care_hours",         "cost_eur", "intervention_cost_eur",
                                  "life_expectancy", "healthy_life_expectancy", "care_fte_gap"};
    for (const auto& c : kConditions) v.push_back("incidence_" + std::string(c.name));
    for (const auto& k : kCareHourKinds) v.push_back("care_hours_" + std::string(k.name));
    v.push_back(kInformalCareIndicator);  // when the runs have them (the societal perspective)
    v.push_back(kInformalCareValueIndicator);
    v.push_back("wellbys");
    v.push_back("hospital_admissions_heart_failure");  // the heart-failure admissions telemonitoring averts
    return v;
}


std::string zone_difference(const YearlyRows& a, const YearlyRows& b) {
    std::vector<std::string> only_a, only_b;
    std::set_difference(a.zones.begin(), a.zones.end(), b.zones.begin(), b.zones.end(), std::back_inserter(only_a));
    std::set_difference(b.zones.begin(), b.zones.end(), a.zones.begin(), a.zones.end(), std::back_inserter(only_b));
    std::string s;
    if (!only_a.empty()) s += only_a.front() + " only in the first";
    if (!only_b.empty()) s += (s.empty() ? "" : ", ") + only_b.front() + " only in the second";
    return s;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& e : v) s += (s.empty() ? "" : sep) + e;
    return s;
}

// The files of a comparison, paired, with the years to report.
struct Pairs {
    std::vector<const YearlyRows*> base, scen;  // [replicate]
    std::vector<const YearlyRows*> base_tail, scen_tail;  // [replicate], the lifetime tails; empty without
    std::string zone;
    int first = 0, last = 0;
    std::array<int, kNumPeriods> years{};
    double discount_costs = 0, discount_effects = 0;
    int base_year = 0;
    std::optional<CarePrices> prices;
    FrictionCostParameters friction;
    std::size_t size() const { return base.size(); }
    // Costs and care volumes are discounted at the costs' rate, health at the effects' rate.
    double rate_for(const std::string& unit) const {
        return unit.rfind("EUR", 0) == 0 || unit == "hours" ? discount_costs : discount_effects;
    }
    // The sum of a flow over the years, discounted at `rate` (0: not discounted).
    template <typename F>
    double cumulated(F&& value_in_year, double rate) const {
        double total = 0;
        for (int y = first; y <= last; ++y) total += value_in_year(y) * discount_factor(rate, y, base_year);
        return total;
    }
    bool has_tail() const { return !base_tail.empty(); }
    // The sum of a flow over the years of a tail, discounted at `rate` to the same base year.
    template <typename F>
    double tail_cumulated(const YearlyRows& tail, F&& value_in_year, double rate) const {
        double total = 0;
        for (int y = tail.first_year; y <= tail.last_year; ++y)
            total += value_in_year(y) * discount_factor(rate, y, base_year);
        return total;
    }
};

void check_consistent(const std::vector<YearlyRows>& all, Comparison& c) {
    const YearlyRows& ref = all.front();
    for (const auto& t : all) {
        if (t.first_year != ref.first_year)
            throw InputError("the runs start in different years: " + shown(ref.file) + " in " +
                             std::to_string(ref.first_year) + ", " + shown(t.file) + " in " +
                             std::to_string(t.first_year) + " (compare runs of the same period)");
        if (t.zones != ref.zones)
            throw InputError("the runs have different zones: " + shown(ref.file) + " and " + shown(t.file) + " (" +
                             zone_difference(ref, t) + ")");
    }
    c.first_year = ref.first_year;
    c.last_year = ref.last_year;
    bool differ = false;
    for (const auto& t : all) {
        differ = differ || t.last_year != ref.last_year;
        c.last_year = std::min(c.last_year, t.last_year);
    }
    if (differ)
        c.warnings.push_back("the runs end in different years; comparing " + std::to_string(c.first_year) + "-" +
                             std::to_string(c.last_year) + ", the years all of them have");
}

// True when every file has all the keys, false when none has any; InputError when some have and some not.
bool available(const Pairs& p, const std::vector<SeriesKey>& keys) {
    const YearlyRows* with = nullptr;
    const YearlyRows* without = nullptr;
    const SeriesKey* missing = nullptr;
    for (const auto* files : {&p.base, &p.scen})
        for (const YearlyRows* t : *files) {
            for (const auto& k : keys)
                if (!t->has(k)) {
                    without = t;
                    missing = &k;
                }
            if (std::all_of(keys.begin(), keys.end(), [&](const SeriesKey& k) { return t->has(k); })) with = t;
        }
    if (without == nullptr) return true;
    if (with == nullptr) return false;
    throw InputError(shown(without->file) + ": no rows for " + describe(*missing) + ", which " + shown(with->file) +
                     " has (compare runs made with the same model)");
}

// True when every lifetime tail has all the keys.
bool tail_available(const Pairs& p, const std::vector<SeriesKey>& keys) {
    if (!p.has_tail()) return false;
    for (const auto* tails : {&p.base_tail, &p.scen_tail})
        for (const YearlyRows* t : *tails)
            for (const auto& k : keys)
                if (!t->has(k)) return false;
    return true;
}

// How a flow's lifetime periods are made: not at all (no tail of it), the whole period alone (the tail
// adds nothing: programme costs end with the run), or the whole period plus the tail's series.
enum class Tail { None, Zero, Table };

using Metric = std::function<double(const YearlyRows&, int year)>;

std::optional<int> replicates_to_tell_from_zero(const std::vector<double>& d, double mean) {
    if (d.size() < 2 || !std::isfinite(mean) || mean == 0) return std::nullopt;
    const int n = replicates_for_precision(d, std::abs(mean));
    return n > 0 ? std::optional<int>(n) : std::nullopt;
}

// The paired differences of `metric` per period: flows at a year and summed over the years (discounted
// in the last period), levels (gaps) at a year, and for both cumulated periods the last year's.
void fill(ComparisonRow& row, const Pairs& p, const Metric& metric, double sign, bool flow, Tail tail = Tail::None) {
    row.level = !flow;
    for (int k = 0; k < kNumPeriods; ++k) {
        const int year = p.years[k];
        if (year == 0) continue;
        if (is_lifetime(k) && (!flow || tail == Tail::None)) continue;
        const bool summed = flow && k >= static_cast<int>(PeriodKind::Cumulated);
        const double rate = is_discounted(k) ? p.rate_for(row.unit) : 0.0;
        const bool with_tail = is_lifetime(k) && tail == Tail::Table;
        std::vector<double> d(p.size());
        for (std::size_t r = 0; r < p.size(); ++r) {
            auto value = [&](const YearlyRows& t, const YearlyRows* t_tail) {
                if (!summed) return metric(t, year);
                const double run = p.cumulated([&](int y) { return metric(t, y); }, rate);
                return with_tail ? run + p.tail_cumulated(*t_tail, [&](int y) { return metric(*t_tail, y); }, rate)
                                 : run;
            };
            const YearlyRows* st = with_tail ? p.scen_tail[r] : nullptr;
            const YearlyRows* bt = with_tail ? p.base_tail[r] : nullptr;
            d[r] = sign * (value(*p.scen[r], st) - value(*p.base[r], bt));
        }
        row.values[k] = estimate_mean(d);
        row.replicates_to_tell_from_zero[k] = replicates_to_tell_from_zero(d, row.values[k]->mean);
        row.differences[k] = std::move(d);
    }
}

ComparisonRow make_row(std::string measure, std::string label, const char* unit, const char* group) {
    ComparisonRow row;
    row.measure = std::move(measure);
    row.label = std::move(label);
    row.unit = unit;
    row.group = group;
    return row;
}

void mark_unavailable(ComparisonRow& row, const std::string& what) {
    row.available = false;
    row.note = what + " not in the runs' yearly.csv (a run without the health model, or an older version)";
}

constexpr const char* kHealth = "Health gained";
constexpr const char* kCases = "Cases averted (baseline - scenario)";
constexpr const char* kCare = "Care, change (scenario - baseline)";
constexpr const char* kCosts = "Costs, change (scenario - baseline)";
constexpr const char* kInequality = "Inequality, change in the gap (scenario - baseline; negative: narrower)";

constexpr const char* kEquity = "Who gains (scenario - baseline)";

// Health-inequality aversion of the Atkinson index: the median elicited from the English general public
// (Robson, Asaria, Cookson, Tsuchiya and Ali, Health Economics 2017;26:1328-34; docs/research/figures_wave2.md).
constexpr double kAtkinsonEpsilon = 10.95;

// A flow indicator of the zone (and education level): sign +1 for scenario - baseline, -1 for
// baseline - scenario.
ComparisonRow flow_row(const Pairs& p, std::string measure, std::string label, const char* unit, const char* group,
                       const std::string& indicator, double sign, const std::string& education = "all") {
    ComparisonRow row = make_row(std::move(measure), std::move(label), unit, group);
    const SeriesKey key{indicator, p.zone, education};
    if (!available(p, {key})) {
        mark_unavailable(row, "indicator " + indicator);
        return row;
    }
    const Tail tail = tail_available(p, {key})                                    ? Tail::Table
                      : p.has_tail() && indicator == "intervention_cost_eur" ? Tail::Zero
                                                                              : Tail::None;
    fill(row, p, [key](const YearlyRows& t, int year) { return t.value(key, year); }, sign, true, tail);
    return row;
}

// A level of the zone in a year (scenario - baseline); its cumulated columns carry the last year's.
ComparisonRow level_row(const Pairs& p, std::string measure, std::string label, const char* unit, const char* group,
                        const std::string& indicator, const std::string& zone, std::string note) {
    ComparisonRow row = make_row(std::move(measure), std::move(label), unit, group);
    const SeriesKey key{indicator, zone, "all"};
    if (!available(p, {key})) {
        mark_unavailable(row, "indicator " + indicator + " of " + zone);
        return row;
    }
    row.note = std::move(note);
    fill(row, p, [key](const YearlyRows& t, int year) { return t.value(key, year); }, 1, false);
    return row;
}

ComparisonRow education_gap_row(const Pairs& p, const char* measure, std::string label, const std::string& indicator) {
    ComparisonRow row = make_row(measure, std::move(label), "years", kInequality);
    const SeriesKey low{indicator, p.zone, "low"}, high{indicator, p.zone, "high"};
    if (!available(p, {low, high})) {
        mark_unavailable(row, "indicator " + indicator + " by education");
        return row;
    }
    row.note = "gap = high - low education, sex all; cumulated: the last year's";
    fill(row, p, [=](const YearlyRows& t, int year) { return t.value(high, year) - t.value(low, year); }, 1, false);
    return row;
}

ComparisonRow district_gap_row(const Pairs& p, const char* measure, std::string label, const std::string& indicator) {
    ComparisonRow row = make_row(measure, std::move(label), "years", kInequality);
    std::vector<SeriesKey> keys;
    for (const char* d : kUtrechtDistricts) keys.push_back({indicator, d, "all"});
    if (!available(p, keys)) {
        mark_unavailable(row, "indicator " + indicator + " for Utrecht's 10 districts");
        return row;
    }
    row.note = "gap = best - worst of Utrecht's 10 districts (WK034401-WK034410); cumulated: the last year's";
    fill(row, p,
         [keys](const YearlyRows& t, int year) {
             double lo = t.value(keys.front(), year), hi = lo;
             for (const auto& k : keys) {
                 const double v = t.value(k, year);
                 lo = std::min(lo, v);
                 hi = std::max(hi, v);
             }
             return hi - lo;
         },
         1, false);
    return row;
}

// The paired per-replicate totals that the economic rows need, for one cumulated period.
struct EconomicTotals {
    std::vector<double> qalys_gained, care_cost_change, intervention_cost;
    bool with_interventions = false;
};

EconomicTotals economic_totals(const Pairs& p, PeriodKind period) {
    const SeriesKey qalys{"qalys", p.zone, "all"}, care{"cost_eur", p.zone, "all"};
    const SeriesKey interventions{"intervention_cost_eur", p.zone, "all"};
    const bool discounted = is_discounted(static_cast<int>(period));
    const bool lifetime = is_lifetime(static_cast<int>(period));
    const double rq = discounted ? p.discount_effects : 0.0, rc = discounted ? p.discount_costs : 0.0;
    EconomicTotals e;
    e.with_interventions = available(p, {interventions});
    for (std::size_t r = 0; r < p.size(); ++r) {
        // The tail adds QALYs and care costs; programme costs end with the run.
        auto diff = [&](const SeriesKey& key, double rate, bool tail) {
            const auto sum = [&](const YearlyRows& t, const YearlyRows* t_tail) {
                const auto of = [&](const YearlyRows& rows) { return [&](int y) { return rows.value(key, y); }; };
                double total = p.cumulated(of(t), rate);
                if (tail && lifetime) total += p.tail_cumulated(*t_tail, of(*t_tail), rate);
                return total;
            };
            const bool with_tail = tail && lifetime;
            return sum(*p.scen[r], with_tail ? p.scen_tail[r] : nullptr) -
                   sum(*p.base[r], with_tail ? p.base_tail[r] : nullptr);
        };
        e.qalys_gained.push_back(diff(qalys, rq, true));
        e.care_cost_change.push_back(diff(care, rc, true));
        e.intervention_cost.push_back(e.with_interventions ? diff(interventions, rc, false) : 0.0);
    }
    return e;
}

// The economic totals of both whole-period columns, computed once for every row and the plane that
// needs them; `missing` names the indicator the runs lack (then there are no totals).
struct Economics {
    std::string missing;
    EconomicTotals cumulated, discounted, lifetime, lifetime_discounted;  // the last two with the tails only
    const EconomicTotals& of(PeriodKind period) const {
        switch (period) {
            case PeriodKind::Discounted: return discounted;
            case PeriodKind::Lifetime: return lifetime;
            case PeriodKind::LifetimeDiscounted: return lifetime_discounted;
            default: return cumulated;
        }
    }
};

Economics economics(const Pairs& p) {
    const SeriesKey qalys{"qalys", p.zone, "all"}, care{"cost_eur", p.zone, "all"};
    Economics e;
    if (!available(p, {qalys})) e.missing = "indicator qalys";
    else if (!available(p, {care})) e.missing = "indicator cost_eur";
    if (!e.missing.empty()) return e;
    e.cumulated = economic_totals(p, PeriodKind::Cumulated);
    e.discounted = economic_totals(p, PeriodKind::Discounted);
    if (p.has_tail() && tail_available(p, {qalys, care})) {
        e.lifetime = economic_totals(p, PeriodKind::Lifetime);
        e.lifetime_discounted = economic_totals(p, PeriodKind::LifetimeDiscounted);
    }
    return e;
}

// The whole-period columns: the run's, and the lifetime's when the tails are there.
std::vector<PeriodKind> whole_periods(const Economics& econ) {
    std::vector<PeriodKind> v = {PeriodKind::Cumulated, PeriodKind::Discounted};
    if (!econ.lifetime.qalys_gained.empty()) {
        v.push_back(PeriodKind::Lifetime);
        v.push_back(PeriodKind::LifetimeDiscounted);
    }
    return v;
}

double mean_of(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

// Cost per QALY gained (cost_per_qaly below), cumulated and cumulated discounted. The status (dominant,
// dominated, undefined) is the undiscounted one's.
ComparisonRow cost_per_qaly_row(const Pairs& p, const Economics& econ) {
    ComparisonRow row = make_row("cost_per_qaly_gained", "cost per QALY gained", kEurPerQalyUnit, kCosts);
    if (!econ.missing.empty()) {
        mark_unavailable(row, econ.missing);
        return row;
    }
    const bool interventions = econ.cumulated.with_interventions;
    for (const PeriodKind period : whole_periods(econ)) {
        const EconomicTotals& e = econ.of(period);
        const double gained = mean_of(e.qalys_gained);
        const double cost = mean_of(e.intervention_cost) + mean_of(e.care_cost_change);
        const bool first = period == PeriodKind::Cumulated;
        if (gained > 0) {
            if (first) row.status = cost <= 0 ? "dominant" : "ratio";
            const Estimate est = cost_per_qaly(e.intervention_cost, e.care_cost_change, e.qalys_gained);
            if (first && p.size() > 1 && !est.lower)
                row.note += "; no interval: the QALYs gained are not distinguishable from zero (Fieller's interval is "
                            "unbounded)";
            row.values[static_cast<int>(period)] = est;
        } else if (first) {
            row.status = cost > 0 ? "dominated" : "undefined";
            row.note += cost > 0 ? "; dominated: costs rise and no QALYs are gained" : "; no QALYs gained";
        }
    }
    row.note = (interventions ? "whole period only (cumulated, and discounted); (intervention costs + change in care costs) / QALYs gained"
                              : "whole period only; care costs only: intervention_cost_eur is not in the runs") +
               row.note;
    return row;
}

// Net monetary benefit at a value per QALY: value x QALYs gained - (intervention costs + change in care
// costs), cumulated and cumulated discounted; positive: worth its cost at that value.
ComparisonRow net_benefit_row(const Pairs& p, const Economics& econ, double value_per_qaly) {
    const int thousands = static_cast<int>(value_per_qaly / 1000);
    ComparisonRow row = make_row("net_monetary_benefit_" + std::to_string(thousands) + "k",
                                 "net monetary benefit at EUR " + std::to_string(thousands) + ",000 per QALY", kEurUnit,
                                 kCosts);
    if (!econ.missing.empty()) {
        mark_unavailable(row, econ.missing);
        return row;
    }
    row.note = "over the whole period only; value x QALYs gained - (intervention costs + change in care costs)";
    for (const PeriodKind period : whole_periods(econ)) {
        const EconomicTotals& e = econ.of(period);
        std::vector<double> nmb(p.size());
        for (std::size_t r = 0; r < p.size(); ++r)
            nmb[r] = value_per_qaly * e.qalys_gained[r] - e.intervention_cost[r] - e.care_cost_change[r];
        row.values[static_cast<int>(period)] = estimate_mean(nmb);
        row.replicates_to_tell_from_zero[static_cast<int>(period)] =
            replicates_to_tell_from_zero(nmb, row.values[static_cast<int>(period)]->mean);
        row.differences[static_cast<int>(period)] = std::move(nmb);
    }
    return row;
}

// Fills `row` with the Atkinson index (inequality aversion 10.95, Robson et al. 2017) of the groups' values
// `keys` weighted by their residents, each year; unavailable (naming `what`) when a series is missing.
ComparisonRow atkinson_of(const Pairs& p, ComparisonRow row, const std::vector<SeriesKey>& keys,
                          const std::vector<SeriesKey>& residents, const std::string& what, const std::string& groups) {
    if (!available(p, keys) || !available(p, residents)) {
        mark_unavailable(row, what);
        return row;
    }
    row.note = "Atkinson index, inequality aversion 10.95 (Robson et al. 2017), over " + groups +
               " weighted by residents; cumulated: the last year's";
    fill(row, p,
         [keys, residents](const YearlyRows& t, int year) {
             std::vector<double> x, w;
             for (std::size_t k = 0; k < keys.size(); ++k) {
                 x.push_back(t.value(keys[k], year));
                 w.push_back(t.value(residents[k], year));
             }
             return atkinson_index(x, w, kAtkinsonEpsilon);
         },
         1, false);
    return row;
}

ComparisonRow atkinson_row(const Pairs& p, const char* measure, std::string label, const std::string& indicator) {
    std::vector<SeriesKey> keys, residents;
    for (const char* d : kUtrechtDistricts) {
        keys.push_back({indicator, d, "all"});
        residents.push_back({"population", d, "all"});
    }
    return atkinson_of(p, make_row(measure, std::move(label), "index", kInequality), keys, residents,
                       "indicator " + indicator + " for Utrecht's 10 districts", "Utrecht's 10 districts");
}

// The Atkinson index of healthy life expectancy over the three education levels, weighted by residents.
ComparisonRow education_atkinson_row(const Pairs& p) {
    std::vector<SeriesKey> keys, residents;
    for (const auto& level : kEducationNames) {
        keys.push_back({"healthy_life_expectancy", p.zone, std::string(level)});
        residents.push_back({"population", p.zone, std::string(level)});
    }
    return atkinson_of(p,
                       make_row("education_atkinson_healthy_life_expectancy_change",
                                "healthy life expectancy, Atkinson index of the education levels", "index", kInequality),
                       keys, residents, "indicator healthy_life_expectancy by education", "low, middle and high education");
}

std::vector<PlanePoint> plane(const Pairs& p, const Economics& econ) {
    if (!econ.missing.empty()) return {};
    const EconomicTotals& u = econ.cumulated;
    const EconomicTotals& d = econ.discounted;
    const EconomicTotals& l = econ.lifetime_discounted;
    std::vector<PlanePoint> points(p.size());
    for (std::size_t r = 0; r < p.size(); ++r) {
        points[r] = {u.qalys_gained[r], u.intervention_cost[r] + u.care_cost_change[r], d.qalys_gained[r],
                     d.intervention_cost[r] + d.care_cost_change[r]};
        if (!l.qalys_gained.empty()) {
            points[r].qalys_gained_lifetime_discounted = l.qalys_gained[r];
            points[r].net_cost_lifetime_discounted = l.intervention_cost[r] + l.care_cost_change[r];
        }
    }
    return points;
}

constexpr const char* kPayers_ = "Costs by payer, change (scenario - baseline)";
constexpr const char* kReturn = "Return on investment (savings / programme costs)";

// The change in costs of one payer (split_by_payer, sim/compare/payers.hpp) in a table's year; a
// lifetime tail has no programme costs.
double payer_cost(const CarePrices& prices, const std::string& zone, int payer, const YearlyRows& t, int year) {
    const SeriesKey interventions{"intervention_cost_eur", zone, "all"};
    const auto v = split_by_payer(prices, t.value({"cost_eur", zone, "all"}, year),
                                  t.value({"care_hours_nursing_home", zone, "all"}, year),
                                  t.value({"care_hours_home_care", zone, "all"}, year),
                                  t.has(interventions) ? t.value(interventions, year) : 0.0);
    return v[payer];
}

std::vector<SeriesKey> payer_keys(const std::string& zone) {
    return {{"cost_eur", zone, "all"}, {"care_hours_nursing_home", zone, "all"}, {"care_hours_home_care", zone, "all"}};
}

// The undiscounted or discounted sum of a flow's mean paired difference up to each year, over the run and
// the tail: [year - first year]. `metric` of a table (run or tail) in a year.
std::vector<double> mean_running_sum(const Pairs& p, const Metric& metric, double rate, bool with_tail) {
    std::vector<double> sums;
    double sum = 0;
    const double n = static_cast<double>(p.size());
    auto add_year = [&](auto&& table_of, int y) {
        double d = 0;
        for (std::size_t r = 0; r < p.size(); ++r)
            d += metric(*table_of(true, r), y) - metric(*table_of(false, r), y);
        sum += d / n * discount_factor(rate, y, p.base_year);
        sums.push_back(sum);
    };
    for (int y = p.first; y <= p.last; ++y)
        add_year([&](bool scen, std::size_t r) { return scen ? p.scen[r] : p.base[r]; }, y);
    if (with_tail) {
        const int last = std::min(p.base_tail.front()->last_year, p.scen_tail.front()->last_year);
        for (int y = p.last + 1; y <= last; ++y)
            add_year([&](bool scen, std::size_t r) { return scen ? p.scen_tail[r] : p.base_tail[r]; }, y);
    }
    return sums;
}

// Per replicate: the paired difference (scenario - baseline) of a flow summed over a period (run, or run
// and tail), discounted at `rate`.
std::vector<double> paired_totals(const Pairs& p, const Metric& metric, double rate, bool with_tail) {
    std::vector<double> d(p.size());
    for (std::size_t r = 0; r < p.size(); ++r) {
        auto total = [&](const YearlyRows& t, const YearlyRows* tail) {
            double v = p.cumulated([&](int y) { return metric(t, y); }, rate);
            if (with_tail) v += p.tail_cumulated(*tail, [&](int y) { return metric(*tail, y); }, rate);
            return v;
        };
        d[r] = total(*p.scen[r], with_tail ? p.scen_tail[r] : nullptr) -
               total(*p.base[r], with_tail ? p.base_tail[r] : nullptr);
    }
    return d;
}

// The whole periods a row over run and tail has: the run's two, and the lifetime's two with the tails.
std::vector<int> whole_period_indices(const Pairs& p, bool tail) {
    std::vector<int> v = {static_cast<int>(PeriodKind::Cumulated), static_cast<int>(PeriodKind::Discounted)};
    if (tail && p.has_tail()) {
        v.push_back(static_cast<int>(PeriodKind::Lifetime));
        v.push_back(static_cast<int>(PeriodKind::LifetimeDiscounted));
    }
    return v;
}

// Return on investment per payer and for all payers: the payer's savings (baseline - scenario costs)
// over the programme costs, the ratio of the mean differences with Fieller's interval; and the
// break-even year: the first year in which the payer's cumulated savings reach the cumulated programme
// costs (from the mean paired differences; no interval).
void append_return_rows(const Pairs& p, std::vector<ComparisonRow>& rows, bool tail, bool with_payers) {
    const CarePrices prices = p.prices.value_or(CarePrices{});
    const std::string zone = p.zone;
    const Metric investment = [=](const YearlyRows& t, int y) { return payer_cost(prices, zone, 3, t, y); };
    struct Who {
        std::string name, label;
        Metric cost;
    };
    std::vector<Who> who;
    for (int k = 0; k < kNumPayers - 1; ++k)
        who.push_back({kPayers[k].name, kPayers[k].label,
                       [=](const YearlyRows& t, int y) { return payer_cost(prices, zone, k, t, y); }});
    who.push_back({"all_payers", "all payers of care", [=](const YearlyRows& t, int y) {
                       double c = 0;
                       for (int k = 0; k < kNumPayers - 1; ++k) c += payer_cost(prices, zone, k, t, y);
                       return c;
                   }});
    for (const auto& w : who) {
        ComparisonRow roi = make_row("return_on_investment_" + w.name, "return on investment, " + w.label,
                                     "EUR saved per EUR of programme", kReturn);
        ComparisonRow even = make_row("break_even_year_" + w.name, "break-even year, " + w.label, "year", kReturn);
        roi.note = "the payer's savings (baseline - scenario care costs) over the programme costs; ratio of the mean "
                   "differences [Fieller's interval]";
        even.note = "first year in which the payer's cumulated savings reach the cumulated programme costs (mean "
                    "paired differences, no interval); absent: not within the horizon";
        if (!with_payers) {
            roi.available = even.available = false;
            roi.note = even.note = "no costs by payer (see the payer rows)";
            rows.push_back(std::move(roi));
            rows.push_back(std::move(even));
            continue;
        }
        for (const int k : whole_period_indices(p, tail)) {
            const double rate = is_discounted(k) ? p.discount_costs : 0.0;
            const bool life = is_lifetime(k);
            std::vector<double> savings = paired_totals(p, w.cost, rate, life);
            for (double& v : savings) v = -v;
            const std::vector<double> invested = paired_totals(p, investment, rate, life);
            if (mean_of(invested) > 0) roi.values[k] = estimate_ratio(savings, invested);
            const auto saved = mean_running_sum(p, w.cost, rate, life);
            const auto spent = mean_running_sum(p, investment, rate, life);
            for (std::size_t y = 0; y < saved.size(); ++y)
                if (spent[y] > 0 && -saved[y] >= spent[y]) {
                    Estimate e;
                    e.mean = p.first + static_cast<int>(y);
                    e.replicates = static_cast<int>(p.size());
                    even.values[k] = e;
                    break;
                }
        }
        rows.push_back(std::move(roi));
        rows.push_back(std::move(even));
    }
}

void append_payer_rows(const Pairs& p, std::vector<ComparisonRow>& rows) {
    const bool have = available(p, payer_keys(p.zone)) && available(p, {{"intervention_cost_eur", p.zone, "all"}});
    const bool tail = tail_available(p, payer_keys(p.zone));
    for (int k = 0; k < kNumPayers; ++k) {
        ComparisonRow row = make_row("cost_change_" + std::string(kPayers[k].name), kPayers[k].label, kEurUnit, kPayers_);
        if (!have || !p.prices) {
            row.available = false;
            row.note = !p.prices ? "no care prices given (hhu compare takes them from data/health)"
                                 : "indicators cost_eur, care_hours_nursing_home, care_hours_home_care or "
                                   "intervention_cost_eur not in the runs";
        } else {
            row.note = "nursing-home hours x the model's price per hour are Wlz; home-care hours x price x household "
                       "help's share (15.8%) the municipality's; the rest of the care costs the insurers'; the payers "
                       "sum to care + intervention costs";
            const CarePrices prices = *p.prices;
            const std::string zone = p.zone;
            fill(row, p, [=](const YearlyRows& t, int y) { return payer_cost(prices, zone, k, t, y); }, 1, true,
                 tail ? Tail::Table : Tail::None);
        }
        rows.push_back(std::move(row));
    }
    append_return_rows(p, rows, tail, have && p.prices);
}

// Distributional cost-effectiveness (Cookson, Mirelman, Griffin et al., Value in Health 2017;20:206-12;
// Cookson, Griffin, Norheim and Culyer, Distributional Cost-Effectiveness Analysis, OUP 2020): a QALY
// gained by a group counts with the weight the Atkinson social welfare function gives it, the marginal
// welfare of health at the group's level, w_g = h_g^-e / sum_k s_k h_k^-e, with h the healthy life
// expectancy by education in the baseline's first year (mean over its replicates), s the residents'
// shares and e = 10.95 (kAtkinsonEpsilon): the population-average weight is 1.
std::optional<std::array<double, kNumEducation>> equity_weights(const Pairs& p) {
    std::vector<SeriesKey> keys;
    for (const auto& level : kEducationNames) {
        keys.push_back({"healthy_life_expectancy", p.zone, std::string(level)});
        keys.push_back({"population", p.zone, std::string(level)});
    }
    if (!available(p, keys)) return std::nullopt;
    std::array<double, kNumEducation> h{}, share{}, w{};
    double residents = 0, norm = 0;
    for (int g = 0; g < kNumEducation; ++g) {
        for (const YearlyRows* t : p.base) {
            h[g] += t->value(keys[2 * g], p.first) / static_cast<double>(p.size());
            share[g] += t->value(keys[2 * g + 1], p.first) / static_cast<double>(p.size());
        }
        residents += share[g];
    }
    for (int g = 0; g < kNumEducation; ++g) {
        if (!(h[g] > 0)) return std::nullopt;
        norm += share[g] / residents * std::pow(h[g], -kAtkinsonEpsilon);
    }
    for (int g = 0; g < kNumEducation; ++g) w[g] = std::pow(h[g], -kAtkinsonEpsilon) / norm;
    return w;
}

void append_equity_rows(const Pairs& p, const Economics& econ, std::vector<ComparisonRow>& rows) {
    const auto weights = equity_weights(p);
    ComparisonRow q = make_row("equity_weighted_qalys_gained", "equity-weighted QALYs gained (by education)", "QALY",
                               kEquity);
    ComparisonRow nmb = make_row("net_monetary_benefit_equity_weighted_20k",
                                 "net monetary benefit at EUR 20,000 per equity-weighted QALY", kEurUnit, kEquity);
    std::vector<SeriesKey> qalys;
    for (const auto& level : kEducationNames) qalys.push_back({"qalys", p.zone, std::string(level)});
    if (!weights || !available(p, qalys)) {
        mark_unavailable(q, "healthy life expectancy, population or QALYs by education");
        mark_unavailable(nmb, "healthy life expectancy, population or QALYs by education");
    } else {
        const auto w = *weights;
        char buf[240];
        std::snprintf(buf, sizeof buf,
                      "QALYs gained by education weighted %.2f (low), %.2f (middle), %.2f (high): Atkinson, "
                      "e = 10.95, at the baseline's healthy life expectancy of %d (Cookson et al. 2017)",
                      w[0], w[1], w[2], p.first);
        q.note = buf;
        nmb.note = "EUR 20,000 x equity-weighted QALYs gained - (intervention costs + change in care costs)";
        const Metric weighted = [=](const YearlyRows& t, int y) {
            double v = 0;
            for (int g = 0; g < kNumEducation; ++g) v += w[g] * t.value(qalys[g], y);
            return v;
        };
        const bool tail = tail_available(p, qalys);
        fill(q, p, weighted, 1, true, tail ? Tail::Table : Tail::None);
        if (econ.missing.empty())
            for (const PeriodKind period : whole_periods(econ)) {
                const int k = static_cast<int>(period);
                if (is_lifetime(k) && !tail) continue;
                const EconomicTotals& e = econ.of(period);
                const auto gained = paired_totals(p, weighted, is_discounted(k) ? p.discount_effects : 0.0, is_lifetime(k));
                std::vector<double> v(p.size());
                for (std::size_t r = 0; r < p.size(); ++r)
                    v[r] = kReferenceValuesPerQaly[0] * gained[r] - e.intervention_cost[r] - e.care_cost_change[r];
                nmb.values[k] = estimate_mean(v);
                nmb.replicates_to_tell_from_zero[k] = replicates_to_tell_from_zero(v, nmb.values[k]->mean);
            }
    }
    rows.push_back(std::move(q));
    rows.push_back(std::move(nmb));
    // Costs by education (care and programme), then QALYs gained and care costs by district of Utrecht.
    for (const auto& level : kEducationNames) {
        const std::string l(level);
        rows.push_back(flow_row(p, "care_cost_change_" + l + "_education", "care costs, " + l + " education", kEurUnit,
                                kEquity, "cost_eur", 1, l));
        rows.push_back(flow_row(p, "intervention_cost_" + l + "_education", "intervention costs, " + l + " education",
                                kEurUnit, kEquity, "intervention_cost_eur", 1, l));
    }
    for (const char* d : kUtrechtDistricts) {
        if (d == p.zone) continue;
        Pairs in_district = p;
        in_district.zone = d;
        rows.push_back(flow_row(in_district, std::string("qalys_gained_") + d, std::string("QALYs gained, district ") + d,
                                "QALY", kEquity, "qalys", 1));
        rows.push_back(flow_row(in_district, std::string("care_cost_change_") + d,
                                std::string("care costs, district ") + d, kEurUnit, kEquity, "cost_eur", 1));
    }
    rows.push_back(education_atkinson_row(p));
}

constexpr const char* kSocietal = "Societal perspective (scenario - baseline)";

// The series of deaths and new cases of the modelled conditions in the working age groups.
std::vector<SeriesKey> working_age_keys(const Pairs& p) {
    std::vector<SeriesKey> keys;
    for (const auto& group : working_age_groups()) {
        keys.push_back({"deaths", p.zone, "all", group});
        for (const auto& c : kConditions) keys.push_back({"incidence_" + std::string(c.name), p.zone, "all", group});
    }
    return keys;
}

// Production lost in a year (euro) by the friction-cost method (sim/compare/productivity.hpp): each death,
// or each new case, of a resident of a working age group costs the group's expected friction-period hours.
Metric friction_cost_metric(const Pairs& p, bool deaths, bool cases) {
    std::vector<std::pair<SeriesKey, double>> weights;
    for (int g = kFirstWorkingAgeGroup; g <= kLastWorkingAgeGroup; ++g) {
        const std::string group(kAgeGroupNames[g]);
        const double cost = friction_cost_per_event(g, p.friction);
        if (deaths) weights.push_back({{"deaths", p.zone, "all", group}, cost});
        if (cases)
            for (const auto& c : kConditions)
                weights.push_back({{"incidence_" + std::string(c.name), p.zone, "all", group}, cost});
    }
    return [weights](const YearlyRows& t, int y) {
        double total = 0;
        for (const auto& [key, cost] : weights) total += t.value(key, y) * cost;
        return total;
    };
}

// Productivity losses (friction costs) from deaths, from new cases, and both; unavailable when the runs
// have no rows by age group (hhu run --detail summary or zones) or no price of an hour of work was read
// (`missing` then says which).
void append_productivity_rows(const Pairs& p, std::vector<ComparisonRow>& rows, std::string& missing) {
    const std::string days = format_value(p.friction.friction_days);
    ComparisonRow death = make_row("productivity_loss_deaths_change",
                                   "productivity losses, deaths at working age (friction costs)", kEurUnit, kSocietal);
    ComparisonRow cases = make_row("productivity_loss_new_cases_change",
                                   "productivity losses, new cases at working age (friction costs, at most)", kEurUnit,
                                   kSocietal);
    ComparisonRow total = make_row("productivity_loss_change", "productivity losses (friction costs)", kEurUnit, kSocietal);
    missing = !available(p, working_age_keys(p))
                  ? "deaths and new cases by age group 15-19 to 70-74 (hhu run --detail full)"
              : p.friction.price_per_hour <= 0
                  ? "the price of an hour of work (hhu compare indexes it with the consumer price index of the runs' "
                    "data directory)"
                          : "";
    const std::string method = "friction-cost method (Kostenhandleiding 2024): friction period " + days +
                               " days x employed share x usual hours a week of the age group (CBS 82922NED, "
                               "82647NED, 2022) x EUR " + format_value(p.friction.price_per_hour) + " an hour (" +
                               format_value(kProductivityCostPerHour) + " in " + std::to_string(kProductivityPriceYear) +
                               " prices, indexed to " + std::to_string(kPriceYear) + ") x elasticity " +
                               format_value(p.friction.elasticity);
    if (!missing.empty()) {
        for (ComparisonRow* r : {&death, &cases, &total}) mark_unavailable(*r, missing);
    } else {
        death.note = "deaths at ages 15-74; " + method;
        cases.note = "new cases of the modelled conditions at ages 15-74, each counted as sick leave of the whole "
                     "friction period (the model has no spell lengths: an upper bound); " + method;
        total.note = "deaths and new cases; " + method + "; not in the lifetime tail";
        fill(death, p, friction_cost_metric(p, true, false), 1, true);
        fill(cases, p, friction_cost_metric(p, false, true), 1, true);
        fill(total, p, friction_cost_metric(p, true, true), 1, true);
    }
    rows.push_back(std::move(death));
    rows.push_back(std::move(cases));
    rows.push_back(std::move(total));
}

// A whole-period row of the societal perspective from per-replicate values of each whole period.
void fill_whole_periods(ComparisonRow& row, const std::function<std::vector<double>(PeriodKind)>& values) {
    for (const PeriodKind period : {PeriodKind::Cumulated, PeriodKind::Discounted}) {
        const int k = static_cast<int>(period);
        std::vector<double> v = values(period);
        row.values[k] = estimate_mean(v);
        row.replicates_to_tell_from_zero[k] = replicates_to_tell_from_zero(v, row.values[k]->mean);
        row.differences[k] = std::move(v);
    }
}

// The societal perspective: health care (programme and care costs), informal care given valued at the
// shadow price of the Dutch costing manual, and productivity losses by the friction-cost method; its net
// cost and its net monetary benefit, over the run (the tail has neither informal care nor productivity).
void append_societal_rows(const Pairs& p, const Economics& econ, std::vector<ComparisonRow>& rows) {
    const SeriesKey valued{kInformalCareValueIndicator, p.zone, "all"};
    ComparisonRow value = make_row("informal_care_value_change", "informal care given, at its shadow price", kEurUnit,
                                   kSocietal);
    ComparisonRow cost = make_row("societal_cost_change",
                                  "net cost, societal (health care + informal care + productivity)", kEurUnit, kSocietal);
    ComparisonRow nmb = make_row("net_monetary_benefit_societal_20k",
                                 "net monetary benefit at EUR 20,000 per QALY, societal", kEurUnit, kSocietal);
    std::string no_productivity;
    std::vector<ComparisonRow> productivity;
    append_productivity_rows(p, productivity, no_productivity);
    const bool with_informal = available(p, {valued});
    if (!with_informal) mark_unavailable(value, std::string("indicator ") + kInformalCareValueIndicator);
    if (!with_informal || !no_productivity.empty() || !econ.missing.empty()) {
        const std::string what = !econ.missing.empty() ? econ.missing
                                 : !with_informal     ? std::string("indicator ") + kInformalCareValueIndicator
                                                      : no_productivity;
        mark_unavailable(cost, what);
        mark_unavailable(nmb, what);
    }
    if (with_informal) {
        value.note = "hours of informal care given x the shadow price in the runs' data (data/wellbeing/parameters.csv, "
                     "Kostenhandleiding 2024)";
        fill(value, p, [valued](const YearlyRows& t, int y) { return t.value(valued, y); }, 1, true);
    }
    if (cost.available) {
        cost.note = "whole period only; intervention costs + change in care costs + change in informal care (at its "
                    "shadow price) + change in productivity losses (friction costs)";
        nmb.note = "EUR 20,000 x QALYs gained - the societal net cost";
        const Metric informal = [valued](const YearlyRows& t, int y) { return t.value(valued, y); };
        const Metric lost = friction_cost_metric(p, true, true);
        const auto net = [&](PeriodKind period) {
            const EconomicTotals& e = econ.of(period);
            const double rate = is_discounted(static_cast<int>(period)) ? p.discount_costs : 0.0;
            const auto a = paired_totals(p, informal, rate, false), b = paired_totals(p, lost, rate, false);
            std::vector<double> v(p.size());
            for (std::size_t r = 0; r < p.size(); ++r) v[r] = e.intervention_cost[r] + e.care_cost_change[r] + a[r] + b[r];
            return v;
        };
        fill_whole_periods(cost, net);
        fill_whole_periods(nmb, [&](PeriodKind period) {
            std::vector<double> v = net(period);
            const EconomicTotals& e = econ.of(period);
            for (std::size_t r = 0; r < p.size(); ++r) v[r] = kReferenceValuesPerQaly[0] * e.qalys_gained[r] - v[r];
            return v;
        });
    }
    rows.push_back(flow_row(p, "informal_care_hours_change", "informal care given", "hours", kSocietal,
                            kInformalCareIndicator, 1));
    rows.push_back(std::move(value));
    for (auto& r : productivity) rows.push_back(std::move(r));
    rows.push_back(std::move(cost));
    rows.push_back(std::move(nmb));
}

std::vector<ComparisonRow> all_rows(const Pairs& p, const Economics& econ) {
    std::vector<ComparisonRow> rows;
    rows.push_back(flow_row(p, "healthy_life_years_gained", "healthy life years gained", "years", kHealth,
                            "healthy_life_years", 1));
    rows.push_back(flow_row(p, "qalys_gained", "QALYs gained", "QALY", kHealth, "qalys", 1));
    // Beside QALYs: one point of life satisfaction for one person for one year (sim/health/wellbeing).
    rows.push_back(flow_row(p, "wellbys_gained", "WELLBYs gained", "WELLBY", kHealth, "wellbys", 1));
    rows.push_back(level_row(p, "healthy_life_expectancy_change", "healthy life expectancy at birth", "years", kHealth,
                             "healthy_life_expectancy", p.zone, "a level; cumulated: the last year's"));
    rows.push_back(flow_row(p, "dalys_averted", "DALYs averted", "DALY", kHealth, "dalys", -1));
    rows.push_back(flow_row(p, "deaths_averted", "deaths averted", "deaths", kHealth, "deaths", -1));
    // Telemonitoring's second effect in heart failure: expected admissions (their cost is inside the cost per case,
    // A-H-HF-ADMISSIONS: counted here, not costed again). A use of care: among the care rows, scenario - baseline
    // like them (it was "averted", baseline - scenario, under the care heading: a rise read as a fall).
    rows.push_back(flow_row(p, "heart_failure_admissions_change", "hospital admissions for heart failure",
                            "admissions", kCare, "hospital_admissions_heart_failure", 1));
    for (const auto& c : kConditions)
        rows.push_back(flow_row(p, "cases_averted_" + std::string(c.name), std::string(c.label), "cases", kCases,
                                "incidence_" + std::string(c.name), -1));
    rows.push_back(flow_row(p, "care_hours_change", "care hours", "hours", kCare, "care_hours", 1));
    for (const auto& k : kCareHourKinds)
        rows.push_back(flow_row(p, "care_hours_" + std::string(k.name) + "_change",
                                "care hours, " + std::string(k.label), "hours", kCare,
                                "care_hours_" + std::string(k.name), 1));
    // The care labour market is modelled for the province only (sim/labour).
    rows.push_back(level_row(p, "care_fte_gap_change", "care FTE gap (needed - available), province", "FTE", kCare,
                             "care_fte_gap", "PV26", "the province's; a level; cumulated: the last year's"));
    rows.push_back(flow_row(p, "intervention_cost_change", "intervention costs", kEurUnit, kCosts,
                            "intervention_cost_eur", 1));
    rows.push_back(flow_row(p, "care_cost_change", "care costs", kEurUnit, kCosts, "cost_eur", 1));
    rows.push_back(cost_per_qaly_row(p, econ));
    for (double value : kReferenceValuesPerQaly) rows.push_back(net_benefit_row(p, econ, value));
    rows.push_back(education_gap_row(p, "education_gap_life_expectancy_change", "life expectancy, high - low education",
                                     "life_expectancy"));
    rows.push_back(education_gap_row(p, "education_gap_healthy_life_expectancy_change",
                                     "healthy life expectancy, high - low education", "healthy_life_expectancy"));
    rows.push_back(district_gap_row(p, "district_gap_life_expectancy_change", "life expectancy, best - worst district",
                                    "life_expectancy"));
    rows.push_back(district_gap_row(p, "district_gap_healthy_life_expectancy_change",
                                    "healthy life expectancy, best - worst district", "healthy_life_expectancy"));
    rows.push_back(atkinson_row(p, "district_atkinson_healthy_life_expectancy_change",
                                "healthy life expectancy, Atkinson index of the districts", "healthy_life_expectancy"));
    for (const char* level : {"low", "middle", "high"})
        rows.push_back(flow_row(p, std::string("qalys_gained_") + level + "_education",
                                std::string("QALYs gained, ") + level + " education", "QALY", kEquity, "qalys", 1,
                                level));
    append_payer_rows(p, rows);
    append_equity_rows(p, econ, rows);
    append_societal_rows(p, econ, rows);
    return rows;
}

}  // namespace

const std::vector<std::string>& headline_measures() {
    static const std::vector<std::string> m = {
        "healthy_life_expectancy_change",
        "qalys_gained",
        "wellbys_gained",
        "healthy_life_years_gained",
        "care_fte_gap_change",
        "district_gap_healthy_life_expectancy_change",
        "education_gap_healthy_life_expectancy_change",
        "intervention_cost_change",
        "care_cost_change",
        "cost_per_qaly_gained",
    };
    return m;
}

double discount_factor(double rate, int year, int base_year) {
    return rate == 0 ? 1.0 : std::pow(1.0 + rate, -static_cast<double>(year - base_year));
}

double cost_per_qaly(double intervention_cost, double care_cost_change, double qalys_gained) {
    return qalys_gained != 0 ? (intervention_cost + care_cost_change) / qalys_gained : NAN;
}

Estimate cost_per_qaly(std::span<const double> intervention_cost, std::span<const double> care_cost_change,
                       std::span<const double> qalys_gained) {
    std::vector<double> net(intervention_cost.size());
    for (std::size_t r = 0; r < net.size(); ++r) net[r] = intervention_cost[r] + care_cost_change[r];
    return estimate_ratio(net, qalys_gained);
}

YearlyFilter comparison_filter(const CompareOptions& options) {
    YearlyFilter filter;
    filter.zones = {options.zone};
    for (const char* d : kUtrechtDistricts)
        if (options.zone != d) filter.zones.emplace_back(d);
    if (options.zone != "PV26") filter.zones.emplace_back("PV26");  // the care labour market's
    filter.indicators = needed_indicators();
    filter.educations = {"all", "low", "middle", "high"};
    // Productivity losses: deaths and new cases by working age group.
    filter.age_group_indicators = {"deaths"};
    for (const auto& c : kConditions) filter.age_group_indicators.push_back("incidence_" + std::string(c.name));
    filter.age_groups = working_age_groups();
    return filter;
}

YearlyFilter lifetime_filter(const CompareOptions& options) {
    YearlyFilter filter = comparison_filter(options);
    filter.indicators.assign(kTailIndicators.begin(), kTailIndicators.end());
    filter.age_group_indicators.clear();  // the tail has age group "all" only
    return filter;
}

YearlyRows yearly_rows(const Indicators& indicators, const YearlyFilter& filter, const std::string& name) {
    YearlyRows rows = parse_yearly(yearly_csv(indicators, filter.zones, filter.indicators), name, filter);
    rows.zones.clear();
    for (const auto& u : indicators.units()) rows.zones.push_back(u.code);
    std::sort(rows.zones.begin(), rows.zones.end());
    return rows;
}

Comparison compare_runs(const fs::path& baseline_dir, const fs::path& scenario_dir, const CompareOptions& options) {
    RunInfo baseline = read_run_info(baseline_dir);
    RunInfo scenario = read_run_info(scenario_dir);
    const std::size_t n = std::min(baseline.yearly_files.size(), scenario.yearly_files.size());
    // The first n replicates of each: the baseline's, then the scenario's.
    std::vector<fs::path> files(baseline.yearly_files.begin(), baseline.yearly_files.begin() + n);
    files.insert(files.end(), scenario.yearly_files.begin(), scenario.yearly_files.begin() + n);
    std::vector<YearlyRows> tables = read_yearly_files(files, comparison_filter(options));
    std::vector<YearlyRows> scenario_tables(std::make_move_iterator(tables.begin() + n),
                                            std::make_move_iterator(tables.end()));
    tables.resize(n);
    // The lifetime tails, when every replicate of both runs has one.
    std::vector<YearlyRows> base_tails, scenario_tails;
    if (baseline.lifetime_files.size() >= n && scenario.lifetime_files.size() >= n) {
        std::vector<fs::path> tail_files(baseline.lifetime_files.begin(), baseline.lifetime_files.begin() + n);
        tail_files.insert(tail_files.end(), scenario.lifetime_files.begin(), scenario.lifetime_files.begin() + n);
        base_tails = read_yearly_files(tail_files, lifetime_filter(options));
        scenario_tails.assign(std::make_move_iterator(base_tails.begin() + n), std::make_move_iterator(base_tails.end()));
        base_tails.resize(n);
    }
    CompareOptions with_prices = options;
    std::vector<std::string> no_prices;
    if (!with_prices.care_prices && !baseline.data_directory.empty())
        with_prices.care_prices = read_care_prices_or_warn(baseline.data_directory, no_prices);
    Comparison c = compare_tables(std::move(baseline), std::move(scenario), tables, scenario_tables, with_prices,
                                  base_tails, scenario_tails);
    c.warnings.insert(c.warnings.end(), no_prices.begin(), no_prices.end());
    return c;
}

namespace {
// The first setting (its JSON path) in which two runs' settings differ, with both values; "" when they agree or one
// was not recorded.
std::string settings_difference(const std::string& baseline, const std::string& scenario) {
    if (baseline.empty() || scenario.empty() || baseline == scenario) return "";
    const auto a = nlohmann::json::parse(baseline, nullptr, false).flatten();
    const auto b = nlohmann::json::parse(scenario, nullptr, false).flatten();
    if (a.is_discarded() || b.is_discarded()) return "";
    for (const auto& [path, value] : a.items())
        if (!b.contains(path) || b.at(path) != value)
            return path + ": baseline " + value.dump() + ", scenario " + (b.contains(path) ? b.at(path).dump() : "none");
    for (const auto& [path, value] : b.items())
        if (!a.contains(path)) return path + ": baseline none, scenario " + value.dump();
    return "";
}
}  // namespace

Comparison compare_tables(RunInfo baseline, RunInfo scenario, const std::vector<YearlyRows>& baseline_tables,
                          const std::vector<YearlyRows>& scenario_tables, const CompareOptions& options,
                          const std::vector<YearlyRows>& baseline_tails, const std::vector<YearlyRows>& scenario_tails) {
    Comparison c;
    c.baseline = std::move(baseline);
    c.scenario = std::move(scenario);
    c.zone = options.zone;
    const std::size_t nb = c.baseline.yearly_files.empty() ? baseline_tables.size() : c.baseline.yearly_files.size();
    const std::size_t ns = c.scenario.yearly_files.empty() ? scenario_tables.size() : c.scenario.yearly_files.size();
    const std::size_t n = std::min(baseline_tables.size(), scenario_tables.size());
    if (n == 0) throw InputError("nothing to compare: no replicate of " + (baseline_tables.empty() ? std::string("the baseline") : "the scenario"));
    c.replicates = static_cast<int>(n);
    if (nb != ns)
        c.warnings.push_back("the runs have different numbers of replicates (baseline " + std::to_string(nb) +
                             ", scenario " + std::to_string(ns) + "); pairing the first " + std::to_string(n));
    if (c.baseline.seed != c.scenario.seed)
        c.warnings.push_back("the runs have different seeds (" + shown(c.baseline.dir / "manifest.json") + ": " +
                             std::to_string(c.baseline.seed) + ", " + shown(c.scenario.dir / "manifest.json") + ": " +
                             std::to_string(c.scenario.seed) +
                             "): replicates are not paired on common random numbers, so the differences include "
                             "random noise");
    if (c.baseline.scale != c.scenario.scale)
        c.warnings.push_back("the runs have different scales (baseline " + format_scale(c.baseline.scale) +
                             ", scenario " + format_scale(c.scenario.scale) +
                             "): the differences include sampling noise");
    // A scenario without programmes that changes settings is a sensitivity run (labour_frozen_participation): its
    // differences are those settings', as meant.
    if (const std::string what = settings_difference(c.baseline.settings, c.scenario.settings);
        !what.empty() && c.scenario.programmes)
        c.warnings.push_back("the runs differ in settings other than their programmes (" + what +
                             "): the differences are not the programmes' alone; run both with the same settings");
    if (!c.baseline.hhu_version.empty() && !c.scenario.hhu_version.empty() &&
        c.baseline.hhu_version != c.scenario.hhu_version)
        c.warnings.push_back("the runs were written by different builds of hhu (baseline " + c.baseline.hhu_version +
                             ", scenario " + c.scenario.hhu_version +
                             "): what changed between them is part of the differences, and their residents' random "
                             "numbers may not be paired; rerun both with one build");

    std::vector<YearlyRows> all(baseline_tables.begin(), baseline_tables.begin() + n);
    all.insert(all.end(), scenario_tables.begin(), scenario_tables.begin() + n);
    const std::vector<YearlyRows>& tables = all;
    check_consistent(tables, c);

    Pairs p;
    p.zone = options.zone;
    p.first = c.first_year;
    p.last = c.last_year;
    for (std::size_t r = 0; r < n; ++r) {
        p.base.push_back(&tables[r]);
        p.scen.push_back(&tables[n + r]);
    }
    if (baseline_tails.size() >= n && scenario_tails.size() >= n)
        for (std::size_t r = 0; r < n; ++r) {
            p.base_tail.push_back(&baseline_tails[r]);
            p.scen_tail.push_back(&scenario_tails[r]);
        }
    else if (!baseline_tails.empty() || !scenario_tails.empty())
        c.warnings.push_back("only one of the runs has the lifetime tail (lifetime.csv of hhu run --lifetime): the "
                             "lifetime horizon is left out");
    for (const auto* tails : {&p.base_tail, &p.scen_tail})
        for (const YearlyRows* t : *tails)
            if (t->first_year != c.last_year + 1)
                throw InputError(shown(t->file) + ": the lifetime tail starts in " + std::to_string(t->first_year) +
                                 ", expected " + std::to_string(c.last_year + 1) + " (the year after the run's last)");
    if (!tables.front().has_zone(options.zone))
        throw InputError("zone " + options.zone + " is not in " + shown(tables.front().file) + " (zones: " +
                         join(tables.front().zones, " ") + ")");
    for (const auto& t : tables)
        if (!t.has({"population", options.zone, "all"}))
            throw InputError(shown(t.file) + ": no rows for indicator population, zone " + options.zone +
                             " (expected in every yearly table)");

    const int last = std::min(c.last_year, kLastReportYear);
    // 2030 only when it is not also the last year (its own column then).
    const int tail_last = p.has_tail() ? p.base_tail.front()->last_year : 0;
    p.years = {c.first_year <= kMidYear && kMidYear < last ? kMidYear : 0, last, last, last, tail_last, tail_last};
    c.period_years = p.years;
    c.lifetime = p.has_tail();
    c.periods = {std::to_string(kMidYear), std::to_string(last), "cumulated", "discounted", "lifetime",
                 "lifetime discounted"};
    p.prices = options.care_prices;
    p.friction.price_per_hour = c.productivity_price_per_hour = p.prices ? p.prices->productivity_per_hour : 0.0;
    p.friction.friction_days = c.friction_days = options.friction_days;
    p.discount_costs = c.discount_costs = options.discount_costs;
    p.discount_effects = c.discount_effects = options.discount_effects;
    p.base_year = c.discount_base_year = options.discount_base_year > 0 ? options.discount_base_year : c.first_year;
    const Economics econ = economics(p);
    c.rows = all_rows(p, econ);
    c.plane = plane(p, econ);
    return c;
}

}  // namespace hhu
