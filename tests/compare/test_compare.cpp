// hhu compare on tiny hand-made run directories: paired differences and their intervals, cumulation,
// cost per QALY (dominant, dominated), the education and district gaps, and errors that name the file.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "../support.hpp"
#include "sim/compare/compare.hpp"
#include "sim/compare/payers.hpp"
#include "sim/compare/productivity.hpp"
#include "sim/compare/yearly_reader.hpp"
#include "sim/core/error.hpp"
#include "sim/output/ensemble.hpp"
#include "sim/output/run_output.hpp"
#include "sim/simulation/lifetime_tail.hpp"
#include "sim/simulation/simulation.hpp"
#include "../support.hpp"

namespace fs = std::filesystem;
using namespace hhu;

namespace {

struct CompareTempDir : test::TempDir {
    CompareTempDir() : TempDir("compare") {}
};

// The value of an indicator in a zone, for an education level ("all", "low", "high") and a year.
using ValueFn = std::function<double(const std::string& indicator, const std::string& zone, const std::string& edu,
                                     int year)>;

const std::vector<std::string> kFlowIndicators = {
    "population",          "healthy_life_years", "qalys",          "dalys",
    "deaths",              "incidence_diabetes", "incidence_chd",  "incidence_stroke",
    "incidence_copd",      "incidence_dementia", "incidence_depression_anxiety", "incidence_heart_failure",
    "care_hours",          "care_hours_gp",      "care_hours_home_care",
    "care_hours_nursing_home", "care_hours_mental_health", "intervention_cost_eur", "cost_eur",
    "wellbys",             "informal_care_hours_given", "informal_care_value_eur", "hospital_admissions_heart_failure"};
const std::vector<std::string> kLifeIndicators = {"life_expectancy", "healthy_life_expectancy"};

struct TableSpec {
    int first = 2021, last = 2040;
    std::vector<std::string> zones;
    std::vector<std::string> flows = kFlowIndicators;
    std::vector<std::string> life = kLifeIndicators;
    std::vector<std::string> labour = {"care_fte_gap"};  // the province's only, as hhu run writes it
    TableSpec() {
        zones = {"GM0344", "PV26"};
        for (const char* d : kUtrechtDistricts) zones.emplace_back(d);
    }
};

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// A yearly.csv in the layout hhu run writes, with rows by sex and age group that compare must skip.
std::string yearly_table(const TableSpec& spec, const ValueFn& value) {
    std::string out = "year,zone,sex,age_group,education,indicator,value\n";
    for (int year = spec.first; year <= spec.last; ++year)
        for (const auto& zone : spec.zones) {
            auto row = [&](const std::string& sex, const std::string& age, const std::string& edu,
                           const std::string& indicator, double v) {
                out += std::to_string(year) + "," + zone + "," + sex + "," + age + "," + edu + "," + indicator + "," +
                       number(v) + "\n";
            };
            for (const auto& ind : spec.flows) {
                row("all", "all", "all", ind, value(ind, zone, "all", year));
                row("male", "all", "all", ind, 1e9);   // not sex all: skipped
                row("all", "0-4", "all", ind, 1e9);    // not age_group all: skipped
                for (const char* edu : {"low", "middle", "high"}) row("all", "all", edu, ind, value(ind, zone, edu, year));
                // By working age group (productivity losses read deaths and new cases by age): the value function
                // sees "age 15-19" and so on as its education.
                for (const auto& g : working_age_groups()) row("all", g, "all", ind, value(ind, zone, "age " + g, year));
            }
            if (zone == "PV26")
                for (const auto& ind : spec.labour) row("all", "all", "all", ind, value(ind, zone, "all", year));
            for (const auto& ind : spec.life)
                for (const char* edu : {"all", "low", "middle", "high"}) {
                    row("all", "all", edu, ind, value(ind, zone, edu, year));
                    row("female", "all", edu, ind, 1e9);
                }
        }
    return out;
}

void write_text(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void write_manifest(const fs::path& dir, const std::string& name, std::uint64_t seed, double scale) {
    nlohmann::json m;
    m["scenario"] = {{"name", name}, {"seed", seed}};
    m["seed"] = seed;
    m["scale"] = scale;
    write_text(dir / "manifest.json", m.dump(2));
}

// A run directory: one table as DIR/yearly.csv, several as DIR/replicates/NNN/yearly.csv.
fs::path write_run(const fs::path& dir, const std::string& name, const std::vector<std::string>& tables,
                   std::uint64_t seed = 7, double scale = 0.1) {
    write_manifest(dir, name, seed, scale);
    write_text(dir / "summary.json", "{}\n");
    write_text(dir / "yearly.csv", tables.front());
    if (tables.size() > 1)
        for (std::size_t r = 0; r < tables.size(); ++r) {
            const std::string n = std::to_string(r + 1);
            const std::string folder = std::string(3 - std::min<std::size_t>(3, n.size()), '0') + n;  // 001
            write_text(dir / "replicates" / folder / "yearly.csv", tables[r]);
        }
    return dir;
}

// A smooth baseline; replicate r shifts every value by 1000 r, so that only paired differences are
// small and exact.
double base_value(const std::string& ind, const std::string& zone, const std::string& edu, int year, int r) {
    double v = 1000.0 * r + 10.0 * (year - 2020) + static_cast<double>(ind.size()) +
               static_cast<double>(zone.back() - '0');
    if (edu == "low") v -= 5;
    if (edu == "high") v += 3;
    return v;
}

// The table of replicate r of an unchanged run.
std::string plain_table(const TableSpec& spec, int r) {
    return yearly_table(spec, [r](auto& i, auto& z, auto& e, int y) { return base_value(i, z, e, y, r); });
}

const ComparisonRow& row(const Comparison& c, const std::string& measure) {
    for (const auto& r : c.rows)
        if (r.measure == measure) return r;
    FAIL("no row " << measure);
    throw std::logic_error("unreachable");
}

const Estimate& at(const Comparison& c, const std::string& measure, PeriodKind period) {
    const auto& v = row(c, measure).values[static_cast<int>(period)];
    REQUIRE(v.has_value());
    return *v;
}

constexpr auto kMid = PeriodKind::Year;
constexpr auto kLast = PeriodKind::LastYear;
constexpr auto kCum = PeriodKind::Cumulated;

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("compare: paired differences, with the t-interval of their mean") {
    CompareTempDir tmp;
    const std::vector<double> extra_qalys = {10, 20, 60};  // scenario minus baseline, per replicate and year
    std::vector<std::string> base, scen;
    for (int r = 0; r < 3; ++r) {
        base.push_back(plain_table(TableSpec(), r));
        scen.push_back(yearly_table(TableSpec(), [&](auto& i, auto& z, auto& e, int y) {
            double v = base_value(i, z, e, y, r);
            if (i == "qalys" && z == "PV26") v += extra_qalys[r];
            if (i == "deaths" && z == "PV26") v -= 2.0 * (r + 1);  // fewer deaths: averted
            if (i == "hospital_admissions_heart_failure" && z == "PV26") v += 3;  // more admissions: a change of +3
            return v;
        }));
    }
    const Comparison c = compare_runs(write_run(tmp.path / "base", "baseline", base),
                                      write_run(tmp.path / "scen", "policy", scen));
    CHECK(c.replicates == 3);
    CHECK(c.warnings.empty());
    CHECK(c.baseline.scenario_name == "baseline");
    CHECK(c.periods == std::array<std::string, kNumPeriods>{"2030", "2040", "cumulated", "discounted", "lifetime", "lifetime discounted"});
    CHECK_FALSE(c.lifetime);  // no lifetime.csv in these runs: the lifetime columns are not reported
    const Estimate& q = at(c, "qalys_gained", kMid);
    CHECK(q.mean == doctest::Approx(30));
    // The t-interval of the mean paired difference: sd 26.46 of {10, 20, 60}, t(0.975, 2) = 4.3027; far
    // narrower than the 1000s between the replicates' levels, which pairing removes.
    const double half = 4.302653 * std::sqrt(700.0 / 3);
    CHECK(*q.lower == doctest::Approx(30 - half));
    CHECK(*q.upper == doctest::Approx(30 + half));
    CHECK(*q.mcse == doctest::Approx(std::sqrt(700.0 / 3)));
    // sd 26.46, mean 30: the smallest n with t(n-1) x 26.46 / sqrt(n) < 30 is 6.
    CHECK(row(c, "qalys_gained").replicates_to_tell_from_zero[static_cast<int>(kMid)] == 6);
    const Estimate& d = at(c, "deaths_averted", kLast);
    CHECK(d.mean == doctest::Approx(4));
    CHECK(*d.lower == doctest::Approx(4 - 4.302653 * 2 / std::sqrt(3.0)));
    CHECK(*d.upper == doctest::Approx(4 + 4.302653 * 2 / std::sqrt(3.0)));
    // Care rows are changes, scenario - baseline, heart-failure admissions among them (once "averted", the other sign,
    // under the care heading).
    CHECK(row(c, "heart_failure_admissions_change").group == row(c, "care_hours_change").group);
    CHECK(at(c, "heart_failure_admissions_change", kLast).mean == doctest::Approx(3));
    // Untouched indicators differ by nothing.
    CHECK(at(c, "dalys_averted", kCum).mean == 0);
    CHECK(*at(c, "care_hours_change", kCum).upper == 0);
}

TEST_CASE("compare: a run compared with itself gives zero on every measure and horizon, and no cost per QALY") {
    CompareTempDir tmp;
    const auto dir = write_run(tmp.path / "a", "baseline",
                               {plain_table(TableSpec(), 0),
                                plain_table(TableSpec(), 1)});
    CompareOptions o;
    o.care_prices = CarePrices{80, 60, 41.4};
    const Comparison c = compare_runs(dir, dir, o);
    for (const auto& r : c.rows) {
        INFO(r.measure);
        // The tables hold informal care given, so the societal rows are there too (and zero).
        CHECK(r.available);
        if (r.unit == "year") {  // a break-even year: no programme, no savings, never reached
            for (const auto& v : r.values) CHECK_FALSE(v.has_value());
            continue;
        }
        if (r.measure.rfind("return_on_investment_", 0) == 0) {  // no programme costs: no ratio
            for (const auto& v : r.values) CHECK_FALSE(v.has_value());
            continue;
        }
        if (r.measure == "cost_per_qaly_gained") {
            CHECK(r.status == "undefined");
            CHECK_FALSE(r.values[static_cast<int>(kCum)].has_value());
            continue;
        }
        for (int k = 0; k < kNumPeriods; ++k) {
            INFO("period ", c.periods[k]);
            const auto& v = r.values[k];
            if (!reported(c, r, k)) {
                CHECK_FALSE(v.has_value());
                continue;
            }
            REQUIRE(v.has_value());
            CHECK(v->mean == 0);
            CHECK(*v->lower == 0);
            CHECK(*v->upper == 0);
        }
    }
}

TEST_CASE("compare: discounting: costs at the costs' rate, health at the effects' rate, to the base year") {
    CompareTempDir tmp;
    // 100 QALYs and 1 M euro of care more in every year 2021-2040, in each of two replicates.
    std::vector<std::string> base, scen;
    for (int r = 0; r < 2; ++r) {
        base.push_back(plain_table(TableSpec(), r));
        scen.push_back(yearly_table(TableSpec(), [&](auto& i, auto& z, auto& e, int y) {
            double v = base_value(i, z, e, y, r);
            if (z == "PV26" && i == "qalys") v += 100;
            if (z == "PV26" && i == "cost_eur") v += 1e6;
            return v;
        }));
    }
    const auto b = write_run(tmp.path / "b", "b", base), s = write_run(tmp.path / "s", "s", scen);
    auto annuity = [](double rate, int from, int base_year) {
        double sum = 0;
        for (int y = from; y <= 2040; ++y) sum += std::pow(1 + rate, -(y - base_year));
        return sum;
    };
    const auto kDisc = PeriodKind::Discounted;
    SUBCASE("the guideline's rates, to the first year") {
        const Comparison c = compare_runs(b, s);
        CHECK(c.discount_base_year == 2021);
        CHECK(at(c, "qalys_gained", kCum).mean == doctest::Approx(2000));
        CHECK(at(c, "qalys_gained", kDisc).mean == doctest::Approx(100 * annuity(0.015, 2021, 2021)));
        CHECK(at(c, "care_cost_change", kDisc).mean == doctest::Approx(1e6 * annuity(0.03, 2021, 2021)));
        CHECK(at(c, "cost_per_qaly_gained", kCum).mean == doctest::Approx(10000));
        CHECK(at(c, "cost_per_qaly_gained", kDisc).mean ==
              doctest::Approx(1e6 * annuity(0.03, 2021, 2021) / (100 * annuity(0.015, 2021, 2021))));
        // Net benefit at 20k: 20,000 x QALYs - costs; 2,000 x 20,000 - 20 M = 20 M undiscounted.
        CHECK(at(c, "net_monetary_benefit_20k", kCum).mean == doctest::Approx(20e6));
        CHECK(at(c, "net_monetary_benefit_80k", kDisc).mean ==
              doctest::Approx(80000 * 100 * annuity(0.015, 2021, 2021) - 1e6 * annuity(0.03, 2021, 2021)));
        // Years discounted: 2021 weighs 1, later years less; the level rows (gaps) are not summed.
        CHECK(at(c, "qalys_gained", kDisc).mean < at(c, "qalys_gained", kCum).mean);
    }
    SUBCASE("other rates and base year; rate 0 is no discounting") {
        CompareOptions o;
        o.discount_costs = 0.04;
        o.discount_effects = 0;
        o.discount_base_year = 2025;
        const Comparison c = compare_runs(b, s, o);
        CHECK(at(c, "qalys_gained", kDisc).mean == doctest::Approx(2000));
        CHECK(at(c, "care_cost_change", kDisc).mean == doctest::Approx(1e6 * annuity(0.04, 2021, 2025)));
    }
    CHECK(discount_factor(0.03, 2031, 2021) == doctest::Approx(std::pow(1.03, -10)));
    CHECK(discount_factor(0.0, 2031, 2021) == 1);
    CHECK(discount_factor(0.03, 2020, 2021) == doctest::Approx(1.03));
}

TEST_CASE("compare: flows are cumulated over every year, a single replicate has a value and no interval") {
    CompareTempDir tmp;
    TableSpec spec;
    spec.first = 2021;
    spec.last = 2035;  // the "2040" column becomes the last year
    auto base = plain_table(spec, 0);
    auto scen = yearly_table(spec, [](auto& i, auto& z, auto& e, int y) {
        double v = base_value(i, z, e, y, 0);
        if (i == "healthy_life_years" && z == "PV26") v += y - 2020;                 // 1, 2, ..., 15
        if (i == "incidence_diabetes" && z == "PV26") v -= 100;                      // 100 cases averted a year
        if (i == "care_hours_gp" && z == "PV26" && y >= 2030) v += 1000;             // more GP hours from 2030
        if (i == "healthy_life_years" && z == "GM0344") v += 7;                      // another zone
        return v;
    });
    const Comparison c =
        compare_runs(write_run(tmp.path / "b", "baseline", {base}), write_run(tmp.path / "s", "x", {scen}));
    CHECK(c.replicates == 1);
    CHECK(c.first_year == 2021);
    CHECK(c.last_year == 2035);
    CHECK(c.periods[1] == "2035");
    CHECK(at(c, "healthy_life_years_gained", kMid).mean == doctest::Approx(10));
    CHECK(at(c, "healthy_life_years_gained", kLast).mean == doctest::Approx(15));
    CHECK(at(c, "healthy_life_years_gained", kCum).mean == doctest::Approx(15 * 16 / 2));
    CHECK(at(c, "cases_averted_diabetes", kCum).mean == doctest::Approx(1500));
    CHECK(at(c, "cases_averted_diabetes", kMid).mean == doctest::Approx(100));
    const Estimate& gp = at(c, "care_hours_gp_change", kCum);
    CHECK(gp.mean == doctest::Approx(6000));
    CHECK(!gp.lower);
    CHECK(!gp.upper);
    CHECK(!gp.mcse);
    CHECK(at(c, "care_hours_home_care_change", kCum).mean == 0);

    CompareOptions city;
    city.zone = "GM0344";
    const Comparison cc = compare_runs(tmp.path / "b", tmp.path / "s", city);
    CHECK(at(cc, "healthy_life_years_gained", kCum).mean == doctest::Approx(7 * 15));
    CHECK(at(cc, "cases_averted_diabetes", kCum).mean == 0);
}

TEST_CASE("compare: a run that ends in 2030 or earlier has no separate 2030 column") {
    CompareTempDir tmp;
    TableSpec spec;
    spec.last = 2030;
    const auto t = plain_table(spec, 0);
    const Comparison c = compare_runs(write_run(tmp.path / "b", "b", {t}), write_run(tmp.path / "s", "s", {t}));
    CHECK(c.period_years[0] == 0);
    CHECK(c.periods[1] == "2030");
    const std::string csv = comparison_csv(c);
    CHECK(contains(csv, "deaths_averted,deaths,2030,0,n/a,n/a,n/a,1,n/a\ndeaths_averted,deaths,cumulated,"));
    CHECK(nlohmann::json::parse(comparison_json(c))["periods"] == nlohmann::json::array({"2030", "cumulated", "discounted"}));
}

namespace {

// A baseline and a scenario in which, cumulated over 2021-2040 (20 years), the QALYs differ by
// `qalys_per_year` x 20, care costs by `care_per_year` x 20 and intervention costs by `intervention_per_year` x 20.
Comparison cost_case(const fs::path& dir, double qalys_per_year, double care_per_year, double intervention_per_year,
                     bool with_intervention_costs = true) {
    TableSpec spec;
    if (!with_intervention_costs) std::erase(spec.flows, "intervention_cost_eur");
    auto base = plain_table(spec, 0);
    auto scen = yearly_table(spec, [&](auto& i, auto& z, auto& e, int y) {
        double v = base_value(i, z, e, y, 0);
        if (z != "PV26") return v;
        if (i == "qalys") v += qalys_per_year;
        if (i == "cost_eur") v += care_per_year;
        if (i == "intervention_cost_eur") v += intervention_per_year;
        return v;
    });
    return compare_runs(write_run(dir / "b", "b", {base}), write_run(dir / "s", "s", {scen}));
}

}  // namespace

TEST_CASE("compare: cost per QALY gained, and the dominant and dominated cases") {
    SUBCASE("costs rise, QALYs rise: the ratio of the cumulated differences") {
        CompareTempDir tmp;
        const Comparison c = cost_case(tmp.path, 5, 20000, 30000);
        const auto& r = row(c, "cost_per_qaly_gained");
        CHECK(r.status == "ratio");
        CHECK(at(c, "cost_per_qaly_gained", kCum).mean == doctest::Approx(50000.0 / 5));
        CHECK(at(c, "intervention_cost_change", kCum).mean == doctest::Approx(600000));
        CHECK(at(c, "care_cost_change", kCum).mean == doctest::Approx(400000));
        CHECK(at(c, "qalys_gained", kCum).mean == doctest::Approx(100));
        // Reported for the cumulated period only.
        CHECK_FALSE(r.values[static_cast<int>(kMid)].has_value());
        CHECK(contains(comparison_csv(c), "cost_per_qaly_gained,EUR (2023 prices) per QALY,cumulated,10000,n/a,n/a,n/a,1,n/a\n"));
        CHECK_FALSE(contains(comparison_csv(c), "cost_per_qaly_gained,EUR (2023 prices) per QALY,2030"));
    }
    SUBCASE("costs fall, QALYs rise: dominant") {
        CompareTempDir tmp;
        const Comparison c = cost_case(tmp.path, 5, -40000, 10000);
        CHECK(row(c, "cost_per_qaly_gained").status == "dominant");
        CHECK(at(c, "cost_per_qaly_gained", kCum).mean == doctest::Approx(-6000));
    }
    SUBCASE("costs rise, QALYs fall: dominated, no ratio") {
        CompareTempDir tmp;
        const Comparison c = cost_case(tmp.path, -2, 1000, 1000);
        const auto& r = row(c, "cost_per_qaly_gained");
        CHECK(r.status == "dominated");
        CHECK_FALSE(r.values[static_cast<int>(kCum)].has_value());
        CHECK(contains(comparison_csv(c), "cost_per_qaly_gained,EUR (2023 prices) per QALY,cumulated,n/a,n/a,n/a,n/a,1,n/a\n"));
        const auto j = nlohmann::json::parse(comparison_json(c));
        for (const auto& m : j["measures"])
            if (m["measure"] == "cost_per_qaly_gained") {
                CHECK(m["status"] == "dominated");
                CHECK(m["values"]["cumulated"].is_null());
            }
    }
    SUBCASE("costs fall, QALYs fall: undefined") {
        CompareTempDir tmp;
        const Comparison c = cost_case(tmp.path, -2, -1000, 0);
        CHECK(row(c, "cost_per_qaly_gained").status == "undefined");
    }
    SUBCASE("without intervention costs in the runs: care costs only, and said so") {
        CompareTempDir tmp;
        const Comparison c = cost_case(tmp.path, 5, 20000, 0, false);
        CHECK_FALSE(row(c, "intervention_cost_change").available);
        CHECK(at(c, "cost_per_qaly_gained", kCum).mean == doctest::Approx(4000));
        CHECK(contains(row(c, "cost_per_qaly_gained").note, "care costs only"));
    }
}

// Three paired replicates whose scenario gains qalys[r] QALYs in 2025 and spends care[r] euros more on care
// in care_year (province).
Comparison qalys_and_care_case(const fs::path& dir, const std::vector<double>& qalys, const std::vector<double>& care,
                               int care_year) {
    std::vector<std::string> base, scen;
    for (int r = 0; r < 3; ++r) {
        base.push_back(plain_table(TableSpec(), r));
        scen.push_back(yearly_table(TableSpec(), [&](auto& i, auto& z, auto& e, int y) {
            double v = base_value(i, z, e, y, r);
            if (z == "PV26" && i == "qalys" && y == 2025) v += qalys[r];
            if (z == "PV26" && i == "cost_eur" && y == care_year) v += care[r];
            return v;
        }));
    }
    return compare_runs(write_run(dir / "b", "b", base), write_run(dir / "s", "s", scen));
}

TEST_CASE("compare: cost per QALY over replicates: ratio of the mean differences, Fieller's interval") {
    auto run_case = [](const fs::path& dir, const std::vector<double>& qalys, const std::vector<double>& care) {
        return qalys_and_care_case(dir, qalys, care, 2026);
    };
    SUBCASE("QALYs gained clearly: a bounded interval around the ratio") {
        CompareTempDir tmp;
        const std::vector<double> qalys = {10, 11, 12}, care = {1000, 1000, 1000}, none = {0, 0, 0};
        const Comparison c = run_case(tmp.path, qalys, care);
        const Estimate& e = at(c, "cost_per_qaly_gained", kCum);
        CHECK(e.mean == doctest::Approx(1000.0 / 11));
        const Estimate expected = cost_per_qaly(none, care, qalys);
        REQUIRE(e.lower);
        CHECK(*e.lower == doctest::Approx(*expected.lower));
        CHECK(*e.upper == doctest::Approx(*expected.upper));
        CHECK(*e.lower < e.mean);
        CHECK(e.mean < *e.upper);
    }
    SUBCASE("QALYs gained not distinguishable from zero: no interval, and said so") {
        CompareTempDir tmp;
        const Comparison c = run_case(tmp.path, {1, 2, 4}, {100, 100, 100});
        const Estimate& e = at(c, "cost_per_qaly_gained", kCum);
        CHECK(e.mean == doctest::Approx(100.0 / (7.0 / 3)));
        CHECK(!e.lower);
        CHECK(contains(row(c, "cost_per_qaly_gained").note, "unbounded"));
    }
}

TEST_CASE("compare: one definition of cost per QALY: (intervention costs + change in care costs) / QALYs") {
    CHECK(cost_per_qaly(1000, -400, 2) == doctest::Approx(300));
    CHECK(std::isnan(cost_per_qaly(1000, 0, 0)));
    const std::vector<double> spent = {1000, 1000}, care = {-400, -400}, qalys = {2, 2};
    CHECK(cost_per_qaly(spent, care, qalys).mean == doctest::Approx(300));
}

TEST_CASE("compare: the change in the education gap and in the best-worst district gap") {
    CompareTempDir tmp;
    // Baseline: high - low = 8 years everywhere (base_value); districts WK034401..10 spread by their last digit.
    auto base = plain_table(TableSpec(), 0);
    auto scen = yearly_table(TableSpec(), [](auto& i, auto& z, auto& e, int y) {
        double v = base_value(i, z, e, y, 0);
        // The scenario lifts low education by 0.1 year per year from 2021 in the province: the gap narrows.
        if (z == "PV26" && e == "low") v += 0.1 * (y - 2020);
        // and lifts the worst district (WK034410: '0' is the lowest last digit) by 3 years in
        // healthy life expectancy only, from 2031.
        if (z == "WK034410" && i == "healthy_life_expectancy" && e == "all" && y > 2030) v += 3;
        return v;
    });
    const Comparison c = compare_runs(write_run(tmp.path / "b", "b", {base}), write_run(tmp.path / "s", "s", {scen}));
    for (const char* ind : {"life_expectancy", "healthy_life_expectancy"}) {
        const std::string m = std::string("education_gap_") + ind + "_change";
        CHECK(at(c, m, kMid).mean == doctest::Approx(-1.0));
        CHECK(at(c, m, kLast).mean == doctest::Approx(-2.0));
        CHECK(at(c, m, kCum).mean == doctest::Approx(-2.0));  // the last year's, not a sum
    }
    // Districts: values 1..9 and 0 by last digit, so the gap is 9; lifting WK034410 (0) by 3 makes the
    // worst WK034401 (1) and the gap 9 - 1 = 8.
    CHECK(at(c, "district_gap_healthy_life_expectancy_change", kMid).mean == 0);
    CHECK(at(c, "district_gap_healthy_life_expectancy_change", kLast).mean == doctest::Approx(-1));
    CHECK(at(c, "district_gap_healthy_life_expectancy_change", kCum).mean == doctest::Approx(-1));
    CHECK(at(c, "district_gap_life_expectancy_change", kLast).mean == 0);

    // The district gap is over the 10 districts whatever --zone is.
    CompareOptions wk;
    wk.zone = "WK034403";
    const Comparison cw = compare_runs(tmp.path / "b", tmp.path / "s", wk);
    CHECK(at(cw, "district_gap_healthy_life_expectancy_change", kLast).mean == doctest::Approx(-1));
    CHECK(at(cw, "education_gap_life_expectancy_change", kLast).mean == 0);
}

TEST_CASE("compare: indicators the runs do not have are reported as not available") {
    CompareTempDir tmp;
    TableSpec spec;
    spec.flows = {"population", "births", "deaths"};
    spec.life = {"life_expectancy"};
    const auto t = plain_table(spec, 0);
    const Comparison c = compare_runs(write_run(tmp.path / "b", "b", {t}), write_run(tmp.path / "s", "s", {t}));
    CHECK(row(c, "deaths_averted").available);
    CHECK(row(c, "education_gap_life_expectancy_change").available);
    for (const char* m : {"qalys_gained", "cases_averted_copd", "care_hours_change", "cost_per_qaly_gained",
                          "district_gap_healthy_life_expectancy_change"}) {
        INFO(m);
        CHECK_FALSE(row(c, m).available);
        CHECK(contains(row(c, m).note, "not in the runs"));
    }
    CHECK(contains(comparison_csv(c), "qalys_gained,QALY,2030,n/a,n/a,n/a,n/a,1,n/a\n"));
}

TEST_CASE("compare: missing directories, files and rows give an InputError naming the file") {
    CompareTempDir tmp;
    const auto good = plain_table(TableSpec(), 0);
    const auto b = write_run(tmp.path / "b", "b", {good});

    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "absent"); }), "absent: no such run directory"));

    fs::create_directories(tmp.path / "nomanifest");
    write_text(tmp.path / "nomanifest" / "yearly.csv", good);
    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "nomanifest"); }), "nomanifest/manifest.json: missing"));

    write_manifest(tmp.path / "noyearly", "x", 7, 0.1);
    CHECK(contains(error_of([&] { compare_runs(tmp.path / "noyearly", b); }), "noyearly/yearly.csv: missing"));

    write_run(tmp.path / "badmanifest", "x", {good});
    write_text(tmp.path / "badmanifest" / "manifest.json", "{\"seed\": 1}");
    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "badmanifest"); }),
                   "badmanifest/manifest.json: expected"));

    std::string bad = good;
    bad.insert(bad.find('\n', bad.find('\n') + 1) + 1, "2021,PV26,all,all,all,qalys\n");  // line 3: 6 fields
    write_run(tmp.path / "short", "x", {bad});
    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "short"); }), "short/yearly.csv:3: expected 7"));

    bad = good;
    bad.insert(bad.find('\n') + 1, "2021,PV26,all,all,all,qalys,abc\n");  // line 2
    write_run(tmp.path / "nan", "x", {bad});
    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "nan"); }), "nan/yearly.csv:2: expected a number"));

    write_run(tmp.path / "header", "x", {"year;zone\n"});
    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "header"); }),
                   "header/yearly.csv:1: expected the header"));

    write_run(tmp.path / "dup", "x", {good + "2021,PV26,all,all,all,qalys,1\n"});
    CHECK(contains(error_of([&] { compare_runs(b, tmp.path / "dup"); }), "dup/yearly.csv:"));

    // A replicate folder without its table.
    write_run(tmp.path / "reps", "x", {good, good});
    fs::remove(tmp.path / "reps" / "replicates" / "002" / "yearly.csv");
    write_run(tmp.path / "reps_b", "b", {good, good});
    CHECK(contains(error_of([&] { compare_runs(tmp.path / "reps_b", tmp.path / "reps"); }),
                   "reps/replicates/002/yearly.csv: missing"));

    TableSpec no_population;
    std::erase(no_population.flows, "population");
    write_run(tmp.path / "nopop", "x",
              {plain_table(no_population, 0)});
    const auto nopop = error_of([&] { compare_runs(b, tmp.path / "nopop"); });
    CHECK(contains(nopop, "nopop/yearly.csv: no rows for indicator population"));

    TableSpec no_qalys;
    std::erase(no_qalys.flows, "qalys");
    write_run(tmp.path / "noqalys", "x",
              {plain_table(no_qalys, 0)});
    const auto noq = error_of([&] { compare_runs(b, tmp.path / "noqalys"); });
    CHECK(contains(noq, "noqalys/yearly.csv: no rows for indicator qalys"));
    CHECK(contains(noq, "b/yearly.csv"));  // the file that has it

    // A year missing from one series.
    std::string gap;
    for (std::size_t pos = 0, end; pos < good.size(); pos = end + 1) {
        end = good.find('\n', pos);
        const std::string line = good.substr(pos, end - pos + 1);
        if (line.rfind("2027,PV26,all,all,all,deaths,", 0) != 0) gap += line;
    }
    write_run(tmp.path / "gap", "x", {gap});
    const auto g = error_of([&] { compare_runs(b, tmp.path / "gap"); });
    CHECK(contains(g, "gap/yearly.csv: no row for year 2027, indicator deaths"));

    CompareOptions unknown;
    unknown.zone = "GM9999";
    CHECK(contains(error_of([&] { compare_runs(b, b, unknown); }), "zone GM9999 is not in"));
}

TEST_CASE("compare: different first years or zones are refused, seeds, scales and replicate counts warned") {
    CompareTempDir tmp;
    const TableSpec spec;
    const auto b = write_run(tmp.path / "b", "b", {plain_table(spec, 0), plain_table(spec, 1), plain_table(spec, 2)});

    TableSpec later;
    later.first = 2022;
    write_run(tmp.path / "later", "x", {plain_table(later, 0)});
    const auto first = error_of([&] { compare_runs(b, tmp.path / "later"); });
    CHECK(contains(first, "different years"));
    CHECK(contains(first, "b/replicates/001/yearly.csv"));
    CHECK(contains(first, "later/yearly.csv"));

    TableSpec fewer;
    fewer.zones.pop_back();
    write_run(tmp.path / "fewer", "x", {plain_table(fewer, 0)});
    const auto zones = error_of([&] { compare_runs(b, tmp.path / "fewer"); });
    CHECK(contains(zones, "different zones"));
    CHECK(contains(zones, "fewer/yearly.csv"));
    CHECK(contains(zones, "WK034410"));

    TableSpec shorter;
    shorter.last = 2035;
    write_run(tmp.path / "other", "x", {plain_table(TableSpec(), 0), plain_table(shorter, 1)}, 8, 0.2);
    const Comparison c = compare_runs(b, tmp.path / "other");
    CHECK(c.replicates == 2);
    CHECK(c.last_year == 2035);
    REQUIRE(c.warnings.size() == 4);
    CHECK(contains(c.warnings[0], "different numbers of replicates (baseline 3, scenario 2)"));
    CHECK(contains(c.warnings[1], "different seeds"));
    CHECK(contains(c.warnings[1], "noise"));
    CHECK(contains(c.warnings[2], "different scales"));
    CHECK(contains(c.warnings[3], "end in different years"));
}

TEST_CASE("compare: runs that differ in a setting other than their programmes are warned, naming it") {
    CompareTempDir tmp;
    const TableSpec spec;
    const auto b = write_run(tmp.path / "b", "b", {plain_table(spec, 0), plain_table(spec, 1)});
    const auto s = write_run(tmp.path / "s", "s", {plain_table(spec, 0), plain_table(spec, 1)});
    auto with_scenario = [](const fs::path& dir, const nlohmann::json& scenario) {
        nlohmann::json m = nlohmann::json::parse(read_text_file(dir / "manifest.json"));
        m["scenario"].update(scenario);
        write_text(dir / "manifest.json", m.dump(2));
    };
    // Programmes, words and the seed may differ: that is what a comparison is of.
    with_scenario(b, {{"demography", {{"mortality_scale", 1.0}}}, {"interventions", nlohmann::json::array()}});
    with_scenario(s, {{"demography", {{"mortality_scale", 1.0}}}, {"interventions", {{{"id", "x"}}}},
                      {"description", "another"}});
    CHECK(compare_runs(b, s).warnings.empty());
    with_scenario(s, {{"demography", {{"mortality_scale", 0.9}}}});
    const Comparison c = compare_runs(b, s);
    REQUIRE(c.warnings.size() == 1);
    CHECK(contains(c.warnings[0], "differ in settings other than their programmes (/demography/mortality_scale: "
                                  "baseline 1.0, scenario 0.9)"));
    // A scenario without programmes that changes settings is a sensitivity run (labour_frozen_participation): no
    // warning, its differences are those settings'.
    with_scenario(s, {{"interventions", nlohmann::json::array()}});
    CHECK(compare_runs(b, s).warnings.empty());
}

TEST_CASE("compare: the yearly reader keeps only the wanted rows and lists every zone") {
    CompareTempDir tmp;
    write_text(tmp.path / "y.csv",
               "year,zone,sex,age_group,education,indicator,value\r\n"
               "2021,GM0307,all,all,all,population,10\r\n"
               "2021,PV26,all,all,all,population,100\r\n"
               "2021,PV26,male,all,all,population,50\r\n"
               "2021,PV26,all,0-4,all,population,5\r\n"
               "2021,PV26,all,all,low,life_expectancy,80.5\r\n"
               "2021,PV26,all,all,middle,life_expectancy,81\r\n"
               "2022,PV26,all,all,all,population,nan");
    YearlyFilter f;
    f.zones = {"PV26"};
    f.indicators = {"population", "life_expectancy"};
    f.educations = {"all", "low"};
    const YearlyRows t = read_yearly(tmp.path / "y.csv", f);
    CHECK(t.first_year == 2021);
    CHECK(t.last_year == 2022);
    CHECK(t.zones == std::vector<std::string>{"GM0307", "PV26"});
    CHECK(t.series.size() == 2);
    CHECK(t.value({"population", "PV26", "all"}, 2021) == 100);
    CHECK(std::isnan(t.value({"population", "PV26", "all"}, 2022)));
    CHECK(t.value({"life_expectancy", "PV26", "low"}, 2021) == 80.5);
    CHECK_FALSE(t.has({"life_expectancy", "PV26", "middle"}));
    CHECK_FALSE(t.has({"population", "GM0307", "all"}));
}

TEST_CASE("compare: the CSV has a row per measure and period, the JSON the runs and conventions") {
    CompareTempDir tmp;
    std::vector<std::string> tables;
    for (int r = 0; r < 2; ++r)
        tables.push_back(plain_table(TableSpec(), r));
    const auto dir = write_run(tmp.path / "a", "baseline", tables);
    const Comparison c = compare_runs(dir, dir);
    const std::string csv = comparison_csv(c);
    CHECK(csv.rfind("measure,unit,period,mean,lower,upper,mcse,replicates,replicates_to_tell_from_zero\n", 0) == 0);
    CHECK(contains(csv, "deaths_averted,deaths,2030,0,0,0,0,2,n/a\n"));
    CHECK(contains(csv, "deaths_averted,deaths,2040,0,0,0,0,2,n/a\n"));
    CHECK(contains(csv, "deaths_averted,deaths,cumulated,0,0,0,0,2,n/a\n"));
    const std::size_t lines = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
    // Cost per QALY, the net benefits, returns and break-even years: cumulated and discounted only.
    const auto whole = static_cast<std::size_t>(std::count_if(c.rows.begin(), c.rows.end(), whole_period_only));
    CHECK(whole >= 4);
    CHECK(lines == 1 + 4 * (c.rows.size() - whole) + 2 * whole);
    const auto j = nlohmann::json::parse(comparison_json(c));
    CHECK(j["baseline"]["scenario"] == "baseline");
    CHECK(j["replicates"] == 2);
    CHECK(j["zone"] == "PV26");
    CHECK(j["periods"] == nlohmann::json::array({"2030", "2040", "cumulated", "discounted"}));
    CHECK(j["discounting"]["costs_per_year"] == 0.03);
    CHECK(j["discounting"]["effects_per_year"] == 0.015);
    CHECK(j["discounting"]["base_year"] == 2021);
    CHECK(j["measures"].size() == c.rows.size());
    CHECK(j["measures"][0]["values"]["2030"]["mean"] == 0.0);
}

TEST_CASE("compare: who gains: QALYs gained by education level, and the districts' Atkinson index") {
    CompareTempDir tmp;
    auto base = plain_table(TableSpec(), 0);
    auto scen = yearly_table(TableSpec(), [](auto& i, auto& z, auto& e, int y) {
        double v = base_value(i, z, e, y, 0);
        if (i == "qalys" && z == "PV26" && e == "low") v += 10;  // gains among the low educated only
        return v;
    });
    const Comparison c = compare_runs(write_run(tmp.path / "b", "b", {base}), write_run(tmp.path / "s", "s", {scen}));
    CHECK(at(c, "qalys_gained_low_education", kCum).mean == doctest::Approx(10 * 20));
    CHECK(at(c, "qalys_gained_middle_education", kCum).mean == 0);
    CHECK(at(c, "qalys_gained_high_education", kCum).mean == 0);
    const auto& a = row(c, "district_atkinson_healthy_life_expectancy_change");
    CHECK(a.available);
    CHECK(a.values[static_cast<int>(kLast)]->mean == 0);  // no district changes
}

TEST_CASE("compare: the cost-effectiveness plane and the acceptability curve over replicates") {
    CompareTempDir tmp;
    // Replicates gain 10, 20, 30 QALYs for 1 M euro more care each (in 2025 only).
    const Comparison c = qalys_and_care_case(tmp.path, {10, 20, 30}, {1e6, 1e6, 1e6}, 2025);
    REQUIRE(c.plane.size() == 3);
    CHECK(c.plane[1].qalys_gained == doctest::Approx(20));
    CHECK(c.plane[1].net_cost == doctest::Approx(1e6));
    CHECK(c.plane[1].qalys_gained_discounted == doctest::Approx(20 * std::pow(1.015, -4)));
    CHECK(c.plane[1].net_cost_discounted == doctest::Approx(1e6 * std::pow(1.03, -4)));
    const std::string plane = comparison_plane_csv(c);
    CHECK(plane.rfind("replicate,qalys_gained,net_cost_eur,qalys_gained_discounted,net_cost_eur_discounted\n", 0) == 0);
    CHECK(contains(plane, "\n2,20,1000000,"));
    // Cost-effective when value x QALYs > 1 M: at 40k only the 30-QALY replicate, at 55k two, at 105k all.
    const std::string ceac = comparison_acceptability_csv(c);
    CHECK(contains(ceac, "\n0,0,0,3\n"));
    CHECK(contains(ceac, "\n40000,0.3333,"));
    CHECK(contains(ceac, "\n55000,0.6667,"));
    CHECK(contains(ceac, "\n105000,1,"));
}

TEST_CASE("compare: runs held in memory compare exactly as their run directories (the viewer's comparison)") {
    // Two short runs of the same seed: the baseline and a programme (it starts in 2025). compare_tables on the rows taken from
    // memory (yearly_rows) must equal compare_runs on the directories written from the same results.
    CompareTempDir tmp;
    const auto& data = test::project_data();
    RunOptions o;
    o.scale = 0.01;
    o.seed = 11;
    const Scenario base = test::baseline({"end_year=2025"});
    const Scenario scen =
        with_overrides(load_scenario(fs::path(HHU_SOURCE_DIR) / "scenarios/seniors_fall_prevention.json"), {"end_year=2025"});
    CompareOptions options;
    options.care_prices = read_care_prices(data.directory);
    std::vector<YearlyRows> memory;
    for (const Scenario* s : {&base, &scen}) {
        Simulation sim(data, *s, o);
        test::run_to_end(sim);
        const Indicators ind(data, sim.results());
        memory.push_back(yearly_rows(ind, comparison_filter(options), s->name));
        RunProvenance run;
        run.seed = o.seed;
        run.scale = o.scale;
        write_run_directory(tmp.path / s->name, false, *s, data, ind, run);
    }
    const Comparison from_dirs = compare_runs(tmp.path / base.name, tmp.path / scen.name, options);
    const Comparison in_memory = compare_tables({}, {}, {memory[0]}, {memory[1]}, options);
    REQUIRE(in_memory.rows.size() == from_dirs.rows.size());
    int compared = 0;
    for (std::size_t i = 0; i < from_dirs.rows.size(); ++i) {
        const auto& a = from_dirs.rows[i];
        const auto& b = in_memory.rows[i];
        INFO(a.measure);
        CHECK(a.measure == b.measure);
        CHECK(a.available == b.available);
        for (int k = 0; k < kNumPeriods; ++k) {
            REQUIRE(a.values[k].has_value() == b.values[k].has_value());
            if (!a.values[k] || !std::isfinite(a.values[k]->mean)) continue;
            CHECK(a.values[k]->mean == b.values[k]->mean);  // exactly: the same rows, read the same way
            ++compared;
        }
    }
    CHECK(compared > 20);
    // The programme acts: some QALYs or costs differ from the baseline's.
    const auto& cost = row(from_dirs, "intervention_cost_change");
    CHECK(cost.values[static_cast<int>(PeriodKind::Cumulated)]->mean > 0);
    CHECK(row(from_dirs, "healthy_life_expectancy_change").available);
}

namespace {

// Writes lifetime.csv beside every replicate's yearly.csv: the tail indicators from 2041 to 2060.
void write_tails(const fs::path& dir, int replicates, const ValueFn& value) {
    TableSpec tail;
    tail.first = 2041;
    tail.last = 2060;
    tail.flows.assign(kTailIndicators.begin(), kTailIndicators.end());
    tail.life.clear();
    tail.labour.clear();
    const std::string text = yearly_table(tail, value);
    write_text(dir / "lifetime.csv", text);
    for (int r = 1; r <= replicates && replicates > 1; ++r)
        write_text(dir / "replicates" / ("00" + std::to_string(r)) / "lifetime.csv", text);
}

}  // namespace

TEST_CASE("compare: the lifetime horizon adds the tail discounted to the same base year and the payers sum to the total") {
    CompareTempDir tmp;
    // Run: 100 QALYs, 1 M euro of care, 500 nursing-home and 2,000 home-care hours more a year, 2021-2040, and
    // 0.3 M euro of programme costs a year; tail: 50 QALYs and 0.2 M euro of care more a year, 2041-2060.
    std::vector<std::string> base, scen;
    for (int r = 0; r < 2; ++r) {
        base.push_back(plain_table(TableSpec(), r));
        scen.push_back(yearly_table(TableSpec(), [&](auto& i, auto& z, auto& e, int y) {
            double v = base_value(i, z, e, y, r);
            if (z == "PV26" && i == "qalys") v += 100 + r;
            if (z == "PV26" && i == "cost_eur") v += 1e6;
            if (z == "PV26" && i == "care_hours_nursing_home") v += 500;
            if (z == "PV26" && i == "care_hours_home_care") v += 2000;
            if (z == "PV26" && i == "intervention_cost_eur") v += 3e5;
            return v;
        }));
    }
    const auto b = write_run(tmp.path / "b", "b", base), s = write_run(tmp.path / "s", "s", scen);
    write_tails(b, 2, [](auto& i, auto& z, auto& e, int y) { return base_value(i, z, e, y, 0); });
    write_tails(s, 2, [](auto& i, auto& z, auto& e, int y) {
        double v = base_value(i, z, e, y, 0);
        if (z == "PV26" && i == "qalys") v += 50;
        if (z == "PV26" && i == "cost_eur") v += 2e5;
        return v;
    });
    auto annuity = [](double rate, int from, int to) {
        double sum = 0;
        for (int y = from; y <= to; ++y) sum += std::pow(1 + rate, -(y - 2021));
        return sum;
    };
    CompareOptions o;
    o.care_prices = CarePrices{80, 60, 41.4};
    const Comparison c = compare_runs(b, s, o);
    REQUIRE(c.lifetime);
    const auto kLife = PeriodKind::Lifetime, kLifeDisc = PeriodKind::LifetimeDiscounted;
    CHECK(at(c, "qalys_gained", kLife).mean == doctest::Approx(2010 + 50 * 20));
    CHECK(at(c, "qalys_gained", kLifeDisc).mean ==
          doctest::Approx(100.5 * annuity(0.015, 2021, 2040) + 50 * annuity(0.015, 2041, 2060)));
    CHECK(at(c, "care_cost_change", kLifeDisc).mean ==
          doctest::Approx(1e6 * annuity(0.03, 2021, 2040) + 2e5 * annuity(0.03, 2041, 2060)));
    // Programme costs end with the run.
    CHECK(at(c, "intervention_cost_change", kLife).mean == doctest::Approx(6e6));
    const double net = 6e6 + 20e6 + 4e6, gained = 2010 + 1000;
    CHECK(at(c, "cost_per_qaly_gained", kLife).mean == doctest::Approx(net / gained));
    CHECK(at(c, "net_monetary_benefit_20k", kLife).mean == doctest::Approx(20000 * gained - net));
    // Deaths and gaps have no lifetime value.
    CHECK_FALSE(row(c, "deaths_averted").values[static_cast<int>(kLife)].has_value());
    // Payers: nursing-home hours x 80 euro are Wlz, home-care hours x 60 x household help's share the municipality's.
    CHECK(at(c, "cost_change_long_term_care_wlz", PeriodKind::Cumulated).mean == doctest::Approx(500 * 80 * 20));
    CHECK(at(c, "cost_change_municipality", PeriodKind::Cumulated).mean ==
          doctest::Approx(2000 * 60 * 78.0 * 30 / 14820 * 20));
    CHECK(at(c, "cost_change_programme_funder", PeriodKind::Cumulated).mean == doctest::Approx(6e6));
    for (int k : {2, 3, 4, 5}) {
        double payers = 0;
        for (const auto& p : kPayers) payers += row(c, std::string("cost_change_") + p.name).values[k]->mean;
        CHECK_MESSAGE(payers == doctest::Approx(row(c, "care_cost_change").values[k]->mean +
                                                row(c, "intervention_cost_change").values[k]->mean),
                      c.periods[k]);
    }
    // Care costs rise: no payer saves, so no break-even year and a negative return.
    CHECK(at(c, "return_on_investment_all_payers", PeriodKind::Cumulated).mean == doctest::Approx(-20e6 / 6e6));
    CHECK(at(c, "return_on_investment_all_payers", kLife).mean == doctest::Approx(-24e6 / 6e6));
    CHECK_FALSE(row(c, "break_even_year_all_payers").values[static_cast<int>(kLife)].has_value());
    // Without the tail of one replicate the lifetime columns are left out.
    fs::remove(b / "replicates" / "001" / "lifetime.csv");
    const Comparison without = compare_runs(b, s, o);
    CHECK_FALSE(without.lifetime);
    CHECK(without.period_years[static_cast<int>(kLife)] == 0);
}

TEST_CASE("compare: payer split arithmetic") {
    const CarePrices prices{100, 50, 41.4};
    const auto v = split_by_payer(prices, 1e6, 1000, 400, 2e5);
    CHECK(v[static_cast<int>(Payer::LongTermCare)] == doctest::Approx(1e5));
    CHECK(v[static_cast<int>(Payer::Municipality)] == doctest::Approx(400 * 50 * kHomeCareMunicipalShare));
    CHECK(v[static_cast<int>(Payer::Funder)] == doctest::Approx(2e5));
    CHECK(v[0] + v[1] + v[2] + v[3] == doctest::Approx(1.2e6));
    CHECK(kHomeCareMunicipalShare == doctest::Approx(2340.0 / 14820));
    // The model's own prices, from its data tables, in 2023 prices: the care prices are of 2021, the productivity
    // cost of an hour of 2022 (CBS CPI factors 1.1418 and 1.038, docs/research/price_years.md).
    const CarePrices model = read_care_prices(std::string(HHU_SOURCE_DIR) + "/data");
    const PriceIndex& index = test::project_data().prices;
    CHECK(model.nursing_home_per_hour == doctest::Approx(85000.0 * index.factor(2021) / 1040));
    CHECK(model.home_care_per_hour == doctest::Approx(14820 * index.factor(2021) / 244.4));
    CHECK(model.nursing_home_per_hour == doctest::Approx(93.32).epsilon(1e-3));
    CHECK(model.productivity_per_hour == doctest::Approx(39.88 * 1.038).epsilon(1e-4));
    CHECK_THROWS_WITH_AS(read_care_prices("/nonexistent"), doctest::Contains("/nonexistent"), InputError);
}

TEST_CASE("compare: productivity losses by the friction-cost method, and the societal net cost and benefit") {
    CompareTempDir tmp;
    // The scenario: one more death at 40-44 in 2025 and one new case of stroke fewer at 25-29 in 2030, in every
    // replicate; nothing else changes.
    std::vector<std::string> base, scen;
    for (int r = 0; r < 2; ++r) {
        base.push_back(plain_table(TableSpec(), r));
        scen.push_back(yearly_table(TableSpec(), [&](auto& i, auto& z, auto& e, int y) {
            double v = base_value(i, z, e, y, r);
            if (z == "PV26" && i == "deaths" && e == "age 40-44" && y == 2025) v += 1;
            if (z == "PV26" && i == "incidence_stroke" && e == "age 25-29" && y == 2030) v -= 1;
            return v;
        }));
    }
    CompareOptions o;
    o.care_prices = CarePrices{80, 60, 39.88};
    const Comparison c = compare_runs(write_run(tmp.path / "b", "baseline", base),
                                      write_run(tmp.path / "s", "policy", scen), o);
    FrictionCostParameters f;
    f.price_per_hour = 39.88;
    const double death = friction_cost_per_event(8, f);  // 40-44
    const double stroke = friction_cost_per_event(5, f);  // 25-29
    // 0.861 employed x 35.0 hours a week x 97.5 / 7 weeks x EUR 39.88 x 0.8 (CBS 2022, Kostenhandleiding 2024).
    CHECK(death == doctest::Approx(1806.0 / 2097 * 35.0 * 97.5 / 7 * 39.88 * 0.8));
    CHECK(at(c, "productivity_loss_deaths_change", kCum).mean == doctest::Approx(death));
    CHECK(at(c, "productivity_loss_deaths_change", kMid).mean == 0);
    CHECK(at(c, "productivity_loss_new_cases_change", kMid).mean == doctest::Approx(-stroke));
    CHECK(at(c, "productivity_loss_change", kCum).mean == doctest::Approx(death - stroke));
    // Discounted at the costs' rate to 2021.
    CHECK(at(c, "productivity_loss_change", PeriodKind::Discounted).mean ==
          doctest::Approx(death / std::pow(1.03, 4) - stroke / std::pow(1.03, 9)));
    // The societal net cost adds them to health care and informal care (unchanged here), the benefit subtracts it.
    CHECK(at(c, "societal_cost_change", kCum).mean == doctest::Approx(death - stroke));
    CHECK(at(c, "net_monetary_benefit_societal_20k", kCum).mean == doctest::Approx(stroke - death));
    CHECK(row(c, "productivity_loss_change").unit == "EUR (2023 prices)");
    CHECK(contains(comparison_json(c), "\"friction_period_days\": 97.5"));
    // A shorter friction period costs proportionally less.
    o.friction_days = 48.75;
    const Comparison half = compare_runs(tmp.path / "b", tmp.path / "s", o);
    CHECK(at(half, "productivity_loss_deaths_change", kCum).mean == doctest::Approx(death / 2));
    // Without prices (runs without a data directory, none given) the losses are left out, saying why.
    const Comparison unpriced = compare_runs(tmp.path / "b", tmp.path / "s");
    CHECK_FALSE(row(unpriced, "productivity_loss_change").available);
    CHECK(contains(row(unpriced, "productivity_loss_change").note, "price of an hour of work"));
    CHECK(contains(row(unpriced, "societal_cost_change").note, "price of an hour of work"));
}

TEST_CASE("compare: without rows by age group the productivity losses and the societal totals say why") {
    CompareTempDir tmp;
    TableSpec spec;
    std::vector<std::string> tables;
    // The age rows of the fixture removed: a run written with --detail zones or summary.
    for (int r = 0; r < 2; ++r) {
        std::string t = plain_table(spec, r), kept;
        std::size_t start = 0;
        while (start < t.size()) {
            const std::size_t end = t.find('\n', start);
            const std::string line = t.substr(start, end - start + 1);
            // year,zone,sex,age_group,...: keep the rows whose age group is not a working one.
            std::size_t field = 0;
            for (int k = 0; k < 3; ++k) field = line.find(',', field) + 1;
            const std::string age = line.substr(field, line.find(',', field) - field);
            const auto& working = working_age_groups();
            if (std::find(working.begin(), working.end(), age) == working.end()) kept += line;
            start = end + 1;
        }
        tables.push_back(kept);
    }
    const auto dir = write_run(tmp.path / "a", "baseline", tables);
    const Comparison c = compare_runs(dir, dir);
    for (const char* m : {"productivity_loss_change", "societal_cost_change", "net_monetary_benefit_societal_20k"}) {
        INFO(m);
        CHECK_FALSE(row(c, m).available);
        CHECK(contains(row(c, m).note, "age group"));
    }
    CHECK(row(c, "informal_care_value_change").available);
}
