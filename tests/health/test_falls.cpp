// Falls and fractures cost health (sim/health/falls.hpp): the memory of a fall and of a hip fracture lasts the
// published durations; a decrement of 0 changes nothing but the QALYs lost to falls; the costs booked at the
// events are the events times the unit costs; fewer falls and fractures lose fewer QALYs; bad input is located.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <functional>
#include <memory>
#include <sstream>

#include "../support.hpp"
#include "sim/core/error.hpp"
#include "sim/health/falls.hpp"
#include "sim/health/health_model.hpp"
#include "sim/io/csv.hpp"

using namespace hhu;
using hhu::test::province;

namespace {

RunOptions small() {
    RunOptions o;
    o.scale = 0.02;
    o.threads = 2;
    o.seed = 20210101;
    return o;
}

std::unique_ptr<ModelData> with_falls(const std::function<void(FallsData&)>& edit) {
    auto data = std::make_unique<ModelData>(test::project_data());
    HealthData h = *data->health;
    edit(h.falls);
    data->health = std::make_shared<HealthData>(std::move(h));
    return data;
}

std::string yearly_of(const ModelData& data, const Scenario& s) {
    Simulation sim(data, s, small());
    test::run_to_end(sim);
    return yearly_csv(Indicators(sim.data(), sim.results()));
}

// The rows of a yearly table without those of the named indicators.
std::string without(const std::string& yearly, const std::vector<std::string>& indicators) {
    std::istringstream in(yearly);
    std::string line, out;
    while (std::getline(in, line)) {
        bool drop = false;
        for (const auto& name : indicators) drop |= line.find("," + name + ",") != std::string::npos;
        if (!drop) out += line + "\n";
    }
    return out;
}

// The province's value of an indicator in a year (all sexes, ages and education levels).
const char* kFallsCsv =
    "parameter,value,price_year\nfall_disutility,0.09,\nfall_months,12,\nhip_disutility_acute,0.53,\n"
    "hip_acute_months,3,\nhip_disutility_recovery,0.345,\nhip_recovery_months,12,\nhip_disutility_later,0.16,\n"
    "cost_ed_fall_eur,9370,2009\nhip_fracture_share_of_ed_falls,0.15,\ncost_hip_fracture_eur,27573,2017\n";

const PriceIndex& prices() { return test::project_data().prices; }

}  // namespace

TEST_CASE("falls: a fall is recent for its months, a hip fracture passes through its phases and stays for life") {
    const FallsData f = read_falls(CsvTable::parse(kFallsCsv, "falls.csv"), prices());
    std::uint8_t fall = event_memory::kNever, hip = event_memory::kNever;
    CHECK_FALSE(fall_recent(f, fall));
    CHECK(hip_phase(f, hip) == HipPhase::None);
    fall = hip = event_memory::kThisMonth;
    int recent = 0, acute = 0, recovery = 0;
    for (int month = 0; month < 400; ++month) {
        recent += fall_recent(f, fall);
        acute += hip_phase(f, hip) == HipPhase::Acute;
        recovery += hip_phase(f, hip) == HipPhase::Recovery;
        event_memory::age(fall);
        event_memory::age(hip);
    }
    CHECK(recent == 12);
    CHECK(acute == 3);
    CHECK(recovery == 9);
    CHECK(hip == event_memory::kLongAgo);  // saturated, still remembered
    CHECK(hip_phase(f, hip) == HipPhase::Later);
    CHECK(fall_disutility(f, HipPhase::Acute, true) == doctest::Approx(0.62));
    CHECK(fall_disutility(f, HipPhase::Later, false) == doctest::Approx(0.16));
    CHECK(fall_disutility(f, HipPhase::None, false) == 0.0);
}

TEST_CASE("falls: a missing, unknown or out-of-range parameter is an error naming the file and line") {
    auto message = [](const std::string& text) {
        try {
            read_falls(CsvTable::parse(text, "data/health/falls.csv"), prices());
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string ok = kFallsCsv;
    CHECK(message(ok).empty());
    std::string missing = ok.substr(0, ok.find("cost_hip_fracture_eur"));
    CHECK(message(missing).find("missing parameter 'cost_hip_fracture_eur'") != std::string::npos);
    CHECK(message(ok + "fear_of_falling,0.1,\n").find("data/health/falls.csv:12") != std::string::npos);
    std::string negative = ok;
    negative.replace(negative.find("0.09"), 4, "-0.1");
    CHECK(message(negative).find("data/health/falls.csv:2") != std::string::npos);
    std::string fractional = ok;
    fractional.replace(fractional.find("fall_months,12"), 14, "fall_months,1.5");
    CHECK(message(fractional).find("whole number of months") != std::string::npos);
    // Amounts need the year of their prices, and only amounts have one.
    std::string no_year = ok;
    no_year.replace(no_year.find("9370,2009"), 9, "9370,");
    CHECK(message(no_year).find("falls.csv:9: column 'price_year'") != std::string::npos);
    std::string year_on_share = ok;
    year_on_share.replace(year_on_share.find("0.15,"), 5, "0.15,2017");
    CHECK(message(year_on_share).find("falls.csv:10: column 'price_year': a price year on a row that is not") !=
          std::string::npos);
    std::string too_early = ok;
    too_early.replace(too_early.find("9370,2009"), 9, "9370,1990");
    CHECK(message(too_early).find("expected a year from 2004 to 2023") != std::string::npos);
}

TEST_CASE("falls: each cost is indexed from its own price year before a fall's cost is derived from them") {
    // A-H-FALL-COST: (the ED fall's 9,370 at 2009 prices - 15% x the hip fracture's 27,573 at 2017 prices) / 0.85,
    // each in 2023 prices first; CPI factors 2009 -> 2023 and 2017 -> 2023 (CBS-CPI-2023, docs/research/price_years.md).
    const FallsData f = read_falls(CsvTable::parse(kFallsCsv, "falls.csv"), prices());
    CHECK(prices().factor(2009) == doctest::Approx(1.3945).epsilon(1e-4));
    CHECK(prices().factor(2017) == doctest::Approx(1.2395).epsilon(1e-4));
    CHECK(f.cost_hip_fracture_eur == doctest::Approx(27573 * prices().factor(2017)).scale(0).epsilon(1e-12));
    CHECK(f.cost_fall_eur ==
          doctest::Approx((9370 * prices().factor(2009) - 0.15 * f.cost_hip_fracture_eur) / 0.85).scale(0).epsilon(1e-12));
    CHECK(f.cost_fall_eur == doctest::Approx(9342).epsilon(1e-3));  // the value docs/research/price_years.md derives
    // A fall other than a hip fracture cannot cost less than nothing.
    std::string cheap = kFallsCsv;
    cheap.replace(cheap.find("9370,2009"), 9, "3000,2009");
    CHECK_THROWS_AS(read_falls(CsvTable::parse(cheap, "falls.csv"), prices()), InputError);
    // The error names the three rows it derives from.
    std::string said;
    try {
        read_falls(CsvTable::parse(cheap, "falls.csv"), prices());
    } catch (const InputError& e) {
        said = e.what();
    }
    CAPTURE(said);
    CHECK(said.find("falls.csv: lines 9, 10 and 11: cost_ed_fall_eur (4183.6 in 2023 prices) is below") != std::string::npos);
}

TEST_CASE("falls: with every decrement 0, only the QALYs (and the QALYs lost to falls, then 0) change") {
    const Scenario s = test::baseline({"end_year=2023"});
    const std::string published = yearly_of(test::project_data(), s);
    const auto zero = with_falls([](FallsData& f) {
        f.fall_disutility = f.hip_disutility_acute = f.hip_disutility_recovery = f.hip_disutility_later = 0;
    });
    const std::string none = yearly_of(*zero, s);
    CHECK(without(none, {"qalys", "qaly_loss_falls"}) == without(published, {"qalys", "qaly_loss_falls"}));
    for (int year : {2021, 2023}) {
        CAPTURE(year);
        const double lost = province(published, year, "qaly_loss_falls");
        CHECK(province(none, year, "qaly_loss_falls") == 0.0);
        CHECK(lost > 0.0);
        // The QALYs without the decrements are those with them plus what the falls took (rounded monthly).
        CHECK(province(none, year, "qalys") - province(published, year, "qalys") == doctest::Approx(lost).epsilon(0.01));
    }
}

TEST_CASE("falls: the costs booked at falls and hip fractures are the events times the unit costs") {
    const Scenario s = test::baseline({"end_year=2022"});
    const std::string published = yearly_of(test::project_data(), s);
    const auto costless = with_falls([](FallsData& f) { f.cost_fall_eur = f.cost_hip_fracture_eur = 0; });
    const std::string none = yearly_of(*costless, s);
    CHECK(without(none, {"cost_eur"}) == without(published, {"cost_eur"}));
    const FallsData& f = test::project_data().health->falls;
    for (int year : {2021, 2022}) {
        const double booked = province(published, year, "falls_ed") * f.cost_fall_eur +
                              province(published, year, "hip_fractures") * f.cost_hip_fracture_eur;
        CHECK(booked > 0);
        CHECK(province(published, year, "cost_eur") - province(none, year, "cost_eur") == doctest::Approx(booked).epsilon(0.001));
    }
}

TEST_CASE("falls: fewer falls and fractures lose fewer QALYs, and admit fewer to a nursing home after a fracture") {
    const Scenario base = test::baseline({"end_year=2024"});
    // A programme from 2021 on falls and hip fractures, multiplying both by `rr`, for residents `age_min` and over.
    auto programme = [](const std::string& name, int age_min, double rr) {
        const std::string effect = std::to_string(rr);
        return with_overrides(
            parse_scenario(R"({"name": ")" + name + R"(", "extends": "baseline.json", "interventions": [
                {"id": "p", "name": "p", "who": {"age_min": )" + std::to_string(age_min) + R"(},
                 "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": 1, "uptake": 1},
                 "effects": [{"target": "fall", "relative_risk": )" + effect + R"(, "duration_years": 5},
                             {"target": "hip_fracture", "relative_risk": )" + effect + R"(, "duration_years": 5}]}]})",
                           std::string(HHU_SOURCE_DIR) + "/scenarios/" + name + ".json"),
            {"end_year=2024"});
    };
    const Scenario fewer = programme("fewer", 65, 0.2);
    // And none at all in the run: what is left is the loss of the falls and fractures remembered from before it
    // (A-H-FALL-HISTORY), which no programme of the run can spare.
    const Scenario none = programme("none", 0, 0.0);
    const std::string a = yearly_of(test::project_data(), base), b = yearly_of(test::project_data(), fewer);
    const std::string c = yearly_of(test::project_data(), none);
    double falls_a = 0, falls_b = 0, lost_a = 0, lost_b = 0, lost_before = 0, after_a = 0, after_b = 0;
    for (int year = 2021; year <= 2024; ++year) {
        falls_a += province(a, year, "falls_ed");
        falls_b += province(b, year, "falls_ed");
        lost_a += province(a, year, "qaly_loss_falls");
        lost_b += province(b, year, "qaly_loss_falls");
        lost_before += province(c, year, "qaly_loss_falls");
        after_a += province(a, year, "nursing_home_admissions_after_hip_fracture");
        after_b += province(b, year, "nursing_home_admissions_after_hip_fracture");
    }
    CHECK(falls_b < 0.5 * falls_a);
    REQUIRE(lost_before > 0);
    CHECK(lost_before < lost_b);
    // Of the loss of the run's own falls and fractures, a programme that prevents 80% of them from its start spares
    // well over half (some 80%, less the months before each resident's enrolment).
    CAPTURE(lost_a);
    CAPTURE(lost_b);
    CAPTURE(lost_before);
    CHECK(lost_b - lost_before < 0.4 * (lost_a - lost_before));
    CHECK(after_a > 0);
    CHECK(after_b < after_a);
}

TEST_CASE("falls: residents entering the model remember a recent fall and their last hip fracture, the old more often") {
    // Without a history nobody remembered one in 2021 and the quality of life lost to falls tripled by 2040 as the
    // run's own fractures accumulated (A-H-FALL-HISTORY).
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), small());
    const Population& pop = sim.population();
    std::array<std::size_t, 3> residents{}, fracture{}, fall{};  // under 50, 50-79, 80 and over
    std::size_t long_ago = 0, within_a_year = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int age = age_in_years(0, pop.birth_step[i]);
        const std::size_t band = age < 50 ? 0 : age < 80 ? 1 : 2;
        ++residents[band];
        const std::uint8_t hip = pop.health.hip_since[i], fell = pop.health.fall_since[i];
        if (hip != event_memory::kNever) {
            ++fracture[band];
            long_ago += hip == event_memory::kLongAgo;
            within_a_year += event_memory::months_since(hip) < kMonthsPerYear;
            CHECK((pop.health.hip_months[i] > 0) == (event_memory::months_since(hip) < kMonthsPerYear));
        }
        if (fell != event_memory::kNever) {
            ++fall[band];
            CHECK(event_memory::months_since(fell) < kMonthsPerYear);
        }
    }
    auto share = [&](const std::array<std::size_t, 3>& n, int band) {
        return static_cast<double>(n[band]) / static_cast<double>(residents[band]);
    };
    CHECK(share(fracture, 0) < 0.005);  // hip fractures are of the old
    CHECK(share(fracture, 1) > 0.005);
    CHECK(share(fracture, 2) > 2 * share(fracture, 1));
    CHECK(share(fracture, 2) < 0.4);
    CHECK(long_ago > 0);
    CHECK(within_a_year > 0);
    CHECK(share(fall, 2) > share(fall, 0));
    CHECK(share(fall, 2) > 0.03);
}
