// The care labour market (sim/labour): data loading and its errors, the stock accounting, the levers,
// the supply's published trends (and participation frozen at 2021 without them), and the demand calibration. Runs the module standalone on the province's 2021 residents, aged each
// year with the national death rates and a small net immigration of young adults.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include <unistd.h>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"
#include "sim/labour/labour_market.hpp"

using namespace hhu;

namespace {

const std::filesystem::path kDataDir = std::filesystem::path(HHU_SOURCE_DIR) / "data";

const LabourData& labour_data() {
    static const LabourData data = load_labour_data(kDataDir, read_price_index(kDataDir));
    return data;
}

using Residents = LabourMarket::Residents;
using CareHours = std::array<double, kNumHealthCareKinds>;

// The demographic inputs of standalone runs, read straight from data/ (not through load_model_data,
// so that these tests do not depend on the other modules' tables).
struct Demography {
    Residents residents_2021{};                          // single ages spread evenly within 5-year groups
    std::map<int, std::array<std::array<double, kNumAges>, kNumSexes>> mortality;  // year -> [sex][age]
};

const Demography& demography() {
    static const Demography d = [] {
        Demography d;
        const auto pop = CsvTable::read(kDataDir / "population_2021.csv");
        for (std::size_t r = 0; r < pop.rows(); ++r) {
            const int s = pop.str(r, "sex") == "male" ? 0 : 1;
            int g = 0;
            while (kAgeGroupNames[g] != pop.str(r, "age_group")) ++g;
            for (int a = 5 * g; a < 5 * g + 5; ++a) d.residents_2021[s][a] += pop.num(r, "count") / 5.0;
        }
        const auto m = CsvTable::read(kDataDir / "mortality.csv");
        for (std::size_t r = 0; r < m.rows(); ++r)
            d.mortality[static_cast<int>(m.num(r, "year"))][m.str(r, "sex") == "male" ? 0 : 1]
                       [static_cast<int>(m.num(r, "age"))] = m.num(r, "rate");
        return d;
    }();
    return d;
}

Residents residents_2021() { return demography().residents_2021; }

// One year on: survivors age by one year (national death rates of `year`), 14,000 births (51.3% boys),
// and a net arrival of 0.5% of the 18-30-year-olds: a plausible, deterministic input for standalone runs.
Residents next_year(const Residents& r, int year) {
    const auto& mortality = demography().mortality;
    const auto& m = mortality.count(year) ? mortality.at(year) : mortality.rbegin()->second;
    Residents n{};
    for (int s = 0; s < kNumSexes; ++s) {
        n[s][0] = 14000.0 * (s == 0 ? 0.513 : 0.487);
        for (int a = 0; a < kMaxAge; ++a) n[s][a + 1] += r[s][a] * std::exp(-m[s][a]);
        n[s][kMaxAge] += r[s][kMaxAge] * std::exp(-m[s][kMaxAge]);
        for (int a = 18; a <= 30; ++a) n[s][a] *= 1.005;
    }
    return n;
}

CareHours care_hours(int year, double growth = 0.02) {
    const CareHours base = {2.0e6, 6.0e6, 9.0e6, 2.5e6};  // any positive level: demand is calibrated
    CareHours h{};
    for (int k = 0; k < kNumHealthCareKinds; ++k) h[k] = base[k] * std::pow(1 + growth, year - 2021);
    return h;
}

std::vector<LabourYear> run(const LabourLevers& levers, double growth = 0.02, int last = 2040,
                            LabourSupplyOptions supply = {}) {
    LabourMarket market(labour_data(), levers, supply);
    std::vector<LabourYear> years;
    Residents r = residents_2021();
    for (int y = 2021; y <= last; ++y) {
        years.push_back(market.advance_year(y, r, care_hours(y, growth)));
        r = next_year(r, y);
    }
    return years;
}

LabourLevers lever(const std::string& target, double m, int start = 2022, double ramp = 0, double cost = 0) {
    return LabourLevers::from_specs({{target, m, start, 2040, ramp, cost}}, 2021, 2040);
}

double total(const Residents& r) {
    double t = 0;
    for (const auto& by_age : r)
        for (double v : by_age) t += v;
    return t;
}

}  // namespace

TEST_CASE("labour: the data load with every table checked") {
    const auto& d = labour_data();
    CHECK(d.files.size() == 6);
    CHECK(d.base_year == 2021);
    CHECK(d.workers_per_1000 == doctest::Approx(78.5));
    double w = 0, f = 0;
    for (int k = 0; k < kNumCareKinds; ++k) w += d.worker_share[k], f += d.fte_share[k];
    CHECK(w == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(f == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(d.worker_share[static_cast<int>(CareKind::Hospital)] == doctest::Approx(0.257));  // Utrechtzorg
}

TEST_CASE("labour: the base year starts from 78.5 workers per 1000 residents and the published gap") {
    const auto years = run(LabourLevers{}, 0.02, 2021);
    const auto& y = years.front();
    CHECK(y.workers == doctest::Approx(78.5 / 1000 * total(residents_2021())).epsilon(1e-12));
    // Within 1% of the shares (scale 0: relative; doctest's default adds 1 to the scale, an absolute 0.01).
    CHECK(y.workers_men / y.workers == doctest::Approx(0.18).epsilon(0.01).scale(0));     // Utrechtzorg: 18% men
    CHECK(y.workers_55plus / y.workers == doctest::Approx(0.23).epsilon(0.01).scale(0));  // Utrechtzorg: 23% aged 55+
    for (int k = 0; k < kNumCareKinds; ++k)
        CHECK(y.fte_demand[k] == doctest::Approx(y.fte_supply[k] * (1 + labour_data().base_gap_share)).epsilon(1e-12));
    CHECK(y.total_fte_gap() / y.total_fte_supply() == doctest::Approx(0.075));
    CHECK(y.inflow_education == 0);
    CHECK(y.net_migration == 0);
}

TEST_CASE("labour: stock accounting: next stock = stock + inflows - outflows, every year") {
    const auto years = run(LabourLevers{});
    REQUIRE(years.size() == 20);
    for (std::size_t i = 1; i < years.size(); ++i) {
        const auto& p = years[i - 1];
        const auto& y = years[i];
        CAPTURE(y.year);
        const double expected = p.workers + y.inflow_education + y.inflow_lateral - y.outflow_other -
                                y.outflow_retirement + y.net_migration;
        CHECK(y.workers == doctest::Approx(expected).epsilon(1e-12));
        CHECK(y.inflow_education > 0);
        CHECK(y.inflow_lateral > 0);
        CHECK(y.outflow_other > 0);
        CHECK(y.outflow_retirement > 0);
        double by_kind = 0;
        for (double v : y.workers_by_kind) by_kind += v;
        CHECK(by_kind == doctest::Approx(y.workers).epsilon(1e-9));
    }
}

TEST_CASE("labour: a lever multiplier of 1 changes nothing") {
    std::vector<LeverSpec> specs;
    for (auto name : kLeverNames) specs.push_back({"labour_" + std::string(name), 1.0, 2021, 2040, 3.0, 0.0});
    const auto base = run(LabourLevers{});
    const auto same = run(LabourLevers::from_specs(specs, 2021, 2040));
    for (std::size_t i = 0; i < base.size(); ++i) {
        CAPTURE(base[i].year);
        CHECK(same[i].workers == base[i].workers);
        CHECK(same[i].fte_supply == base[i].fte_supply);
        CHECK(same[i].fte_demand == base[i].fte_demand);
        CHECK(same[i].lever_cost_eur == 0);
    }
}

TEST_CASE("labour: more students raise supply, after the study lag, and cost money") {
    const auto base = run(LabourLevers{});
    const auto more = run(lever("labour_student_inflow", 1.15, 2022));
    const int lag = labour_data().student_inflow_lag_years;
    for (std::size_t i = 0; i < base.size(); ++i) {
        const int year = base[i].year;
        CAPTURE(year);
        // The lever of 2022 acts on the flows of 2022 + lag, seen in the stock a year later.
        if (year <= 2022 + lag)
            CHECK(more[i].total_fte_supply() == base[i].total_fte_supply());
        else
            CHECK(more[i].total_fte_supply() > base[i].total_fte_supply());
        CHECK(more[i].total_fte_demand() == base[i].total_fte_demand());
        if (year >= 2022) CHECK(more[i].lever_cost_unit_eur > 0);
    }
    CHECK(more.back().total_fte_gap() < base.back().total_fte_gap());
}

TEST_CASE("labour: retention, lateral entry, lower dropout and more hours raise supply") {
    const auto base = run(LabourLevers{});
    for (const auto& [target, m] : std::vector<std::pair<std::string, double>>{{"labour_retention", 0.9},
                                                                                  {"labour_lateral_entry", 1.2},
                                                                                  {"labour_study_dropout", 0.5},
                                                                                  {"labour_hours_per_worker", 1.05}}) {
        CAPTURE(target);
        const auto with = run(lever(target, m, 2022));
        CHECK(with.back().total_fte_supply() > base.back().total_fte_supply());
        CHECK(with.back().total_fte_demand() == base.back().total_fte_demand());
    }
    // More hours act at once, on the year's supply, and not on the number of workers.
    const auto hours = run(lever("labour_hours_per_worker", 1.05, 2022));
    CHECK(hours[1].total_fte_supply() == doctest::Approx(base[1].total_fte_supply() * 1.05).epsilon(1e-12));
    CHECK(hours[1].workers == base[1].workers);
}

TEST_CASE("labour: higher productivity lowers demand, not supply") {
    const auto base = run(LabourLevers{});
    const auto digital = run(lever("labour_productivity", 1.1, 2025));
    for (std::size_t i = 0; i < base.size(); ++i) {
        CAPTURE(base[i].year);
        const double expected = base[i].year >= 2025 ? 1.0 / 1.1 : 1.0;
        for (int k = 0; k < kNumCareKinds; ++k)
            CHECK(digital[i].fte_demand[k] == doctest::Approx(base[i].fte_demand[k] * expected).epsilon(1e-12));
        CHECK(digital[i].total_fte_supply() == base[i].total_fte_supply());
    }
}

TEST_CASE("labour: zero care hours give zero demand for the health-driven kinds") {
    LabourMarket market(labour_data(), LabourLevers{});
    Residents r = residents_2021();
    for (int y = 2021; y <= 2025; ++y) {
        const auto out = market.advance_year(y, r, CareHours{});
        for (int k = 0; k < kNumHealthCareKinds; ++k) CHECK(out.fte_demand[k] == 0);
        CHECK(out.fte_demand[static_cast<int>(CareKind::Hospital)] > 0);
        CHECK(out.fte_demand[static_cast<int>(CareKind::OtherWelfare)] > 0);
        r = next_year(r, y);
    }
    for (int k = 0; k < kNumHealthCareKinds; ++k) CHECK_FALSE(market.calibration().calibrated[k]);
}

TEST_CASE("labour: demand follows care hours, a baseline's calibration carries over to a scenario") {
    const auto flat = run(LabourLevers{}, 0.0);
    const auto growing = run(LabourLevers{}, 0.02);
    const int gp = static_cast<int>(CareKind::Gp);
    CHECK(growing.back().fte_demand[gp] / flat.back().fte_demand[gp] == doctest::Approx(std::pow(1.02, 19)));

    // With the baseline's calibration, 10% fewer care hours in the first year show as 10% less demand.
    LabourMarket baseline(labour_data(), LabourLevers{});
    const auto r = residents_2021();
    const auto b = baseline.advance_year(2021, r, care_hours(2021));
    LabourMarket scenario(labour_data(), LabourLevers{}, baseline.calibration());
    auto fewer = care_hours(2021);
    for (double& h : fewer) h *= 0.9;
    const auto s = scenario.advance_year(2021, r, fewer);
    CHECK(s.workers == doctest::Approx(b.workers).epsilon(1e-12));
    CHECK(s.fte_demand[gp] == doctest::Approx(0.9 * b.fte_demand[gp]).epsilon(1e-12));
}

// ------------------------------------------------------------------------------------------------
// The supply's published trends (data/labour/supply_trends.csv, parameters.csv inflow_scale)
// ------------------------------------------------------------------------------------------------

namespace {

// Only one trend on.
LabourSupplyOptions only(bool LabourSupplyOptions::*trend) {
    auto o = LabourSupplyOptions::frozen();
    o.*trend = true;
    return o;
}

}  // namespace

TEST_CASE("labour: the supply trends load: one per year to 2040, neutral in the base year, held beyond") {
    const auto& d = labour_data();
    REQUIRE(d.trends.size() == static_cast<std::size_t>(kLabourLastYear - d.base_year + 1));
    CHECK(d.trend(d.base_year).education_intake == 1);
    CHECK(d.trend(d.base_year).retirement_shift_years == 0);
    CHECK(d.trend(d.base_year).hours == 1);
    CHECK(d.trend(kLabourLastYear + 5).hours == d.trends.back().hours);
    CHECK(d.trend(d.base_year - 3).hours == 1);
    // Entrants at the published rate exceed the steady state's (A-LAB-INFLOW-RATE: 8.44% against 7.29%).
    CHECK(d.inflow_scale > 1);
    // The state pension age rose by 11 months by 2028 (66y4m -> 67y3m).
    CHECK(d.trend(2028).retirement_shift_years == doctest::Approx(11.0 / 12).epsilon(1e-3));
}

TEST_CASE("labour: with every supply trend off, participation by age stays at 2021's") {
    // The base-year profile is the steady state of the table's flows, so without the trends workers per
    // resident of every age stay put while the population ages and moves (A-LAB-SUPPLY-FROZEN).
    LabourMarket market(labour_data(), LabourLevers{}, LabourSupplyOptions::frozen());
    Residents r = residents_2021();
    for (int y = 2021; y <= 2040; ++y) {
        market.advance_year(y, r, care_hours(y));
        const double scale = market.calibration().stock_scale;
        for (int s = 0; s < kNumSexes; ++s)
            for (int a = kLabourMinAge + 1; a < kLabourMaxAge; ++a) {
                CAPTURE(y);
                CAPTURE(a);
                const double participation = market.stock()[s][a - kLabourMinAge] / r[s][a];
                CHECK(participation == doctest::Approx(labour_data().at(s, a).participation * scale).epsilon(1e-4));
            }
        r = next_year(r, y);
    }
}

TEST_CASE("labour: with the published trends participation rises, and supply outgrows the frozen one") {
    const auto trends = run(LabourLevers{});
    const auto frozen = run(LabourLevers{}, 0.02, 2040, LabourSupplyOptions::frozen());
    CHECK(trends.front().workers == frozen.front().workers);  // the same base year
    CHECK(trends.front().total_fte_demand() == frozen.front().total_fte_demand());
    for (std::size_t i = 1; i < trends.size(); ++i) {
        CAPTURE(trends[i].year);
        CHECK(trends[i].total_fte_supply() > frozen[i].total_fte_supply());
        CHECK(trends[i].total_fte_demand() == frozen[i].total_fte_demand());  // the trends act on supply only
    }
    CHECK(trends.back().total_fte_gap() < frozen.back().total_fte_gap());
}

TEST_CASE("labour: each supply trend acts on its own flow, year by year") {
    const auto& d = labour_data();
    const auto frozen = run(LabourLevers{}, 0.02, 2040, LabourSupplyOptions::frozen());
    const auto inflow = run(LabourLevers{}, 0.02, 2040, only(&LabourSupplyOptions::inflow_at_published_rates));
    const auto intake = run(LabourLevers{}, 0.02, 2040, only(&LabourSupplyOptions::education_intake_trend));
    const auto hours = run(LabourLevers{}, 0.02, 2040, only(&LabourSupplyOptions::hours_trend));
    const auto retire = run(LabourLevers{}, 0.02, 2040, only(&LabourSupplyOptions::retirement_follows_pension_age));
    for (std::size_t i = 1; i < frozen.size(); ++i) {
        const int year = frozen[i].year, flow_year = year - 1;  // a year's flows lead to the next 1 January
        CAPTURE(year);
        // Entrants come per resident, whatever the stock: the trend is their exact ratio.
        CHECK(inflow[i].inflow_education == doctest::Approx(frozen[i].inflow_education * d.inflow_scale));
        CHECK(inflow[i].inflow_lateral == doctest::Approx(frozen[i].inflow_lateral * d.inflow_scale));
        CHECK(intake[i].inflow_education ==
              doctest::Approx(frozen[i].inflow_education * d.trend(flow_year).education_intake));
        CHECK(intake[i].inflow_lateral == doctest::Approx(frozen[i].inflow_lateral));
        // Hours change the FTE of the same workers.
        CHECK(hours[i].workers == frozen[i].workers);
        CHECK(hours[i].total_fte_supply() == doctest::Approx(frozen[i].total_fte_supply() * d.trend(year).hours));
        // A later pension age means fewer retirements in the first year it rises, from the same stock.
        if (flow_year == d.base_year) CHECK(retire[i].outflow_retirement == frozen[i].outflow_retirement);
    }
    REQUIRE(d.trend(2022).retirement_shift_years > 0);
    CHECK(retire[2].outflow_retirement < frozen[2].outflow_retirement);  // the flows of 2022
    CHECK(retire.back().workers > frozen.back().workers);
    CHECK(retire.back().workers_55plus / retire.back().workers > frozen.back().workers_55plus / frozen.back().workers);
}

TEST_CASE("labour: advance_year must be called once per year, in order") {
    LabourMarket market(labour_data(), LabourLevers{});
    const auto r = residents_2021();
    market.advance_year(2021, r, care_hours(2021));
    CHECK_THROWS_AS(market.advance_year(2023, r, care_hours(2023)), std::logic_error);
    CHECK_THROWS_AS(market.advance_year(2021, r, care_hours(2021)), std::logic_error);
    CHECK_NOTHROW(market.advance_year(2022, r, care_hours(2022)));
}

TEST_CASE("labour: lever specs become per-year multipliers with ramp-up, end year and costs") {
    const auto l = LabourLevers::from_specs({{"labour_retention", 0.8, 2025, 2030, 4, 1e6},
                                             {"labour_retention", 0.5, 2029, 2040, 0, 0}},
                                            2021, 2040);
    CHECK(l.get(Lever::Retention, 2024) == 1.0);
    CHECK(l.get(Lever::Retention, 2025) == doctest::Approx(0.95));  // a quarter of the way
    CHECK(l.get(Lever::Retention, 2027) == doctest::Approx(0.85));
    CHECK(l.get(Lever::Retention, 2028) == doctest::Approx(0.8));
    CHECK(l.get(Lever::Retention, 2029) == doctest::Approx(0.4));  // two specs multiply
    CHECK(l.get(Lever::Retention, 2031) == doctest::Approx(0.5));  // the first ended in 2030
    CHECK(l.get(Lever::Productivity, 2030) == 1.0);
    CHECK(l.get(Lever::Retention, 2050) == 1.0);  // outside the years held
    CHECK(l.fixed_cost(2025) == doctest::Approx(0.25e6));
    CHECK(l.fixed_cost(2030) == doctest::Approx(1e6));
    CHECK(l.fixed_cost(2031) == 0);
    CHECK(LabourLevers::is_labour_target("labour_lateral_entry"));
    CHECK_FALSE(LabourLevers::is_labour_target("labour_"));
    CHECK_FALSE(LabourLevers::is_labour_target("care_hours_gp"));
    CHECK_THROWS_WITH_AS(LabourLevers::from_specs({{"labour_more_nurses", 1.1}}, 2021, 2040),
                         doctest::Contains("labour lever 'labour_more_nurses': unknown target"), InputError);
    CHECK_THROWS_WITH_AS(LabourLevers::from_specs({{"labour_retention", 0.0}}, 2021, 2040),
                         doctest::Contains("must be above 0"), InputError);
    CHECK_THROWS_AS(LabourLevers::from_specs({{"labour_retention", 0.9, 2030, 2025}}, 2021, 2040), InputError);
}

TEST_CASE("labour: the levers' effects are of the order Utrechtzorg published") {
    // UZ-PROGNOSE-2019: for 2022, seen from 2019, in the Utrechtzorg area (121,100 workers, UZ-WISTUDAT-2018):
    // retaining 1 in 10 leavers -918, keeping 1 in 10 drop-outs -558, 15% more intake -402 workers short.
    // Here: the same levers from the base year, their effect on the workers three years on, scaled by workers.
    const auto base = run(LabourLevers{}, 0.02, 2024);
    const double scale = base.front().workers / 121100.0;
    for (const auto& [target, m, published] : std::vector<std::tuple<std::string, double, double>>{
             {"labour_retention", 0.9, 918},
             {"labour_study_dropout", 0.9, 558},
             {"labour_student_inflow", 1.15, 402}}) {
        CAPTURE(target);
        const auto with = run(lever(target, m, 2021), 0.02, 2024);
        const double effect = with.back().workers - base.back().workers;
        CAPTURE(effect);
        CAPTURE(published * scale);
        CHECK(effect > published * scale / 3);
        CHECK(effect < published * scale * 3);
    }
}

// ------------------------------------------------------------------------------------------------
// Bad data files
// ------------------------------------------------------------------------------------------------

namespace {

// A copy of data/labour in a temporary directory, with one file's text edited by `edit`.
std::filesystem::path broken_copy(const std::string& file, const std::function<std::string(std::string)>& edit) {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("hhu_labour_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "labour");
    for (const auto& e : std::filesystem::directory_iterator(kDataDir / "labour"))
        std::filesystem::copy_file(e.path(), dir / "labour" / e.path().filename());
    std::ifstream in(dir / "labour" / file);
    std::stringstream text;
    text << in.rdbuf();
    in.close();
    std::ofstream(dir / "labour" / file, std::ios::trunc) << edit(text.str());
    return dir;
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

std::string load_error(const std::filesystem::path& dir) {
    try {
        load_labour_data(dir, read_price_index(kDataDir));
    } catch (const InputError& e) {
        std::filesystem::remove_all(dir);
        return e.what();
    }
    std::filesystem::remove_all(dir);
    return "(no error)";
}

}  // namespace

TEST_CASE("labour: bad data files give errors naming the file, the line and the column") {
    // workforce.csv line 3 is male, age 15.
    auto msg = load_error(broken_copy("workforce.csv", [](std::string t) {
        return replace_first(t, "male,15,", "male,15,x");
    }));
    CHECK_MESSAGE(msg.find("workforce.csv:3: column 'participation': expected a number") != std::string::npos, msg);

    msg = load_error(broken_copy("workforce.csv", [](std::string t) {
        return replace_first(t, "\nmale,16,", "\nmale,15,");
    }));
    CHECK_MESSAGE(msg.find("workforce.csv:4: duplicate row (first given on line 3)") != std::string::npos, msg);

    msg = load_error(broken_copy("parameters.csv", [](std::string t) {
        return replace_first(t, "base_gap_share", "base_gap");
    }));
    CHECK_MESSAGE(msg.find("parameters.csv:6: column 'name': unknown parameter 'base_gap'") != std::string::npos, msg);

    msg = load_error(broken_copy("parameters.csv", [](std::string t) {
        return replace_first(t, "fte_hours_per_week,36,", "fte_hours_per_week,360,");
    }));
    CHECK_MESSAGE(msg.find("parameters.csv:4: column 'value': expected a value between 1 and 60") != std::string::npos,
                  msg);

    msg = load_error(broken_copy("care_kinds.csv", [](std::string t) { return replace_first(t, "gp,0.0", "gp,0.5"); }));
    CHECK_MESSAGE(msg.find("care_kinds.csv: worker_share and fte_share must each sum to 1") != std::string::npos, msg);

    msg = load_error(broken_copy("care_kinds.csv", [](std::string t) {
        return replace_first(t, "hospital_use", "health_model");
    }));
    CHECK_MESSAGE(msg.find("care_kinds.csv:6: column 'demand_driver'") != std::string::npos, msg);

    msg = load_error(broken_copy("lever_costs.csv", [](std::string t) {
        return replace_first(t, "\nretention,", "\nretain,");
    }));
    CHECK_MESSAGE(msg.find("lever_costs.csv:4: column 'lever': unknown value 'retain'") != std::string::npos, msg);

    // A unit cost needs the year of its prices; a lever without a cost gives none.
    msg = load_error(broken_copy("lever_costs.csv", [](std::string t) { return replace_first(t, ",5000,2017,", ",5000,,"); }));
    CHECK_MESSAGE(msg.find("lever_costs.csv:7: column 'price_year': expected a number") != std::string::npos, msg);
    msg = load_error(broken_copy("lever_costs.csv", [](std::string t) { return replace_first(t, ",5000,2017,", ",5000,1999,"); }));
    CHECK_MESSAGE(msg.find("lever_costs.csv:7: column 'price_year': expected a year from 2004 to 2023") != std::string::npos, msg);
    msg = load_error(broken_copy("lever_costs.csv", [](std::string t) { return replace_first(t, "cost,0,,", "cost,0,2020,"); }));
    CHECK_MESSAGE(msg.find("lever_costs.csv:3: column 'price_year': a price year on a row that is not a euro amount") !=
                      std::string::npos, msg);

    msg = load_error(broken_copy("demand_drivers.csv", [](std::string t) {
        return replace_first(t, "\nhospital,0-4,", "\ngp,0-4,");
    }));
    CHECK_MESSAGE(msg.find("demand_drivers.csv:2: column 'kind'") != std::string::npos, msg);

    // supply_trends.csv line 2 is the base year 2021, line 3 is 2022.
    msg = load_error(broken_copy("supply_trends.csv", [](std::string t) {
        return replace_first(t, "\n2021,1,0,1,", "\n2021,1.1,0,1,");
    }));
    CHECK_MESSAGE(msg.find("supply_trends.csv:2: the base year 2021 must be neutral") != std::string::npos, msg);

    msg = load_error(broken_copy("supply_trends.csv", [](std::string t) {
        return replace_first(t, "\n2022,", "\n2021,");
    }));
    CHECK_MESSAGE(msg.find("supply_trends.csv:3: duplicate row (first given on line 2)") != std::string::npos, msg);

    msg = load_error(broken_copy("supply_trends.csv", [](std::string t) {
        return replace_first(t, "\n2040,", "\n2041,");
    }));
    CHECK_MESSAGE(msg.find("supply_trends.csv:21: column 'year': expected a value between 2021 and 2040") !=
                      std::string::npos,
                  msg);

    msg = load_error(broken_copy("supply_trends.csv", [](std::string t) {
        const auto at = t.find("\n2040,");
        REQUIRE(at != std::string::npos);
        return t.substr(0, at + 1);
    }));
    CHECK_MESSAGE(msg.find("supply_trends.csv: expected 20 rows (one per year 2021..2040), found 19") !=
                      std::string::npos,
                  msg);

    msg = load_error(broken_copy("parameters.csv", [](std::string t) {
        return replace_first(t, "inflow_scale,", "inflow_scale,9");
    }));
    CHECK_MESSAGE(msg.find("column 'value': expected a value between 0.2 and 5") != std::string::npos, msg);

    const auto missing = broken_copy("workforce.csv", [](std::string t) { return t; });
    std::filesystem::remove(missing / "labour" / "workforce.csv");
    msg = load_error(missing);
    CHECK_MESSAGE(msg.find("workforce.csv: missing data file") != std::string::npos, msg);
}

// Not run by default: prints the standalone baseline (care hours +2% a year) and the lever effects.
//   hhu_tests -tc='labour: print*' --no-skip
TEST_CASE("labour: print the standalone baseline" * doctest::skip()) {
    const auto base = run(LabourLevers{});
    const auto frozen = run(LabourLevers{}, 0.02, 2040, LabourSupplyOptions::frozen());
    for (std::size_t i = 0; i < base.size(); i += 5)
        std::printf("%d gap with the trends %7.0f, frozen %7.0f FTE\n", base[i].year, base[i].total_fte_gap(),
                    frozen[i].total_fte_gap());
    std::printf("year  workers  men%%  55+%%   FTE supply  FTE demand     gap  gap/supply%%  |  gap by kind:");
    for (auto k : kCareKindNames) std::printf(" %s", std::string(k).c_str());
    std::printf("\n");
    for (const auto& y : base) {
        std::printf("%d %8.0f %5.1f %5.1f %11.0f %11.0f %7.0f %11.1f  |", y.year, y.workers,
                    100 * y.workers_men / y.workers, 100 * y.workers_55plus / y.workers, y.total_fte_supply(),
                    y.total_fte_demand(), y.total_fte_gap(), 100 * y.total_fte_gap() / y.total_fte_supply());
        for (int k = 0; k < kNumCareKinds; ++k) std::printf(" %6.0f", y.fte_gap(k));
        std::printf("   flows in %5.0f + %5.0f out %5.0f + %5.0f mig %+5.0f\n", y.inflow_education, y.inflow_lateral,
                    y.outflow_other, y.outflow_retirement, y.net_migration);
    }
    LabourMarket m(labour_data(), LabourLevers{});
    m.advance_year(2021, residents_2021(), care_hours(2021));
    std::printf("calibration: stock scale %.5f; FTE per 1000 driver units:", m.calibration().stock_scale);
    for (int k = 0; k < kNumCareKinds; ++k) std::printf(" %.5f", 1000 * m.calibration().fte_per_unit[k]);
    std::printf("\n");
    const auto base24 = run(LabourLevers{}, 0.02, 2024);
    for (const auto& [target, mult] : std::vector<std::pair<std::string, double>>{
             {"labour_retention", 0.9}, {"labour_study_dropout", 0.9}, {"labour_student_inflow", 1.15},
             {"labour_lateral_entry", 1.2}, {"labour_hours_per_worker", 1.05}, {"labour_productivity", 1.1}}) {
        const auto w24 = run(lever(target, mult, 2021), 0.02, 2024);
        const auto w40 = run(lever(target, mult, 2025));
        std::printf("%-24s x%.2f: workers 2024 %+6.0f; from 2025: gap 2040 %+7.0f FTE, lever cost 2030 EUR %.1f M\n",
                    target.c_str(), mult, w24.back().workers - base24.back().workers,
                    w40.back().total_fte_gap() - base.back().total_fte_gap(), w40[9].lever_cost_eur / 1e6);
    }
}
