// The intervention engine on short runs of the model: only eligible residents enrol, never outside the
// intervention's years, about coverage x uptake a year (or the capacity), effects that decay as specified,
// costs = participants x cost per participant, attribute effects at enrolment, and the zero-reach
// identity (an intervention that reaches nobody leaves yearly.csv byte-identical to the baseline's).
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../support.hpp"
#include "sim/demography/demography.hpp"
#include "sim/output/run_output.hpp"

namespace fs = std::filesystem;
using namespace hhu;
using hhu::test::with_interventions;

namespace {

constexpr auto kPresent = static_cast<std::uint8_t>(Status::Present);

RunOptions options(double scale, int threads = 2, std::uint64_t seed = 20210101) {
    RunOptions o;
    o.scale = scale;
    o.threads = threads;
    o.seed = seed;
    return o;
}

std::string yearly_of(const Simulation& sim) { return yearly_csv(Indicators(sim.data(), sim.results())); }

// The province's value of an indicator in a year, from the yearly table.
double province_value(const std::string& yearly, int year, const std::string& indicator) {
    const std::string key = std::to_string(year) + ",PV26,all,all,all," + indicator + ",";
    const auto at = yearly.find("\n" + key);
    if (at == std::string::npos) return NAN;
    const auto begin = at + 1 + key.size();
    return std::stod(yearly.substr(begin, yearly.find('\n', begin) - begin));
}

// Runs a scenario and writes its run directory; returns the bytes of yearly.csv.
std::string written_yearly(const Scenario& scenario, const RunOptions& o, const fs::path& dir) {
    Simulation sim(test::project_data(), scenario, o);
    test::run_to_end(sim);
    RunProvenance run;
    run.seed = o.seed;
    run.threads = o.threads;
    run.scale = o.scale;
    write_run_directory(dir, false, scenario, test::project_data(), Indicators(sim.data(), sim.results()), run);
    return test::read_file(dir / "yearly.csv");
}

}  // namespace

TEST_CASE("interventions: only eligible residents enrol (age, sex, zone, education, household, pregnancy)") {
    // Women 30-44 with low education in Overvecht or Zuidwest, living as a couple or parent; and first
    // pregnancies of women under 30 anywhere.
    const Scenario s = with_interventions(R"([
        {"id": "a", "name": "a", "who": {"age_min": 30, "age_max": 44, "sex": "female", "zones": ["WK034403", "WK034408"],
          "education": ["low"], "household": ["couple", "parent"]},
         "when": {"start_year": 2021, "end_year": 2022}, "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 0.25}]},
        {"id": "b", "name": "b", "who": {"age_max": 29, "pregnancy": "first_pregnancy"},
         "when": {"start_year": 2021, "end_year": 2022}, "reach": {"coverage": 1, "uptake": 1},
         "effects": [{"target": "pregnancy_smoking", "relative_risk": 0.9, "duration_years": 0.25}]}])",
                                          {"end_year=2022"});
    const auto& data = test::project_data();
    const int overvecht = data.zone_index("WK034403"), zuidwest = data.zone_index("WK034408");
    Simulation sim(data, s, options(0.05));
    std::int64_t enrolled[2] = {0, 0}, wrong[2] = {0, 0};
    while (!sim.finished()) {
        const int step = sim.current_step();
        // Who is eligible when the step begins (the January compaction keeps ids, so key by id).
        std::unordered_set<ResidentId> eligible[2];
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (p.status[i] != kPresent) continue;
            const int age = age_in_years(step, p.birth_step[i]);
            if (age >= 30 && age <= 44 && p.sex[i] == static_cast<std::uint8_t>(Sex::Female) &&
                (p.zone[i] == overvecht || p.zone[i] == zuidwest) &&
                p.education[i] == static_cast<std::uint8_t>(Education::Low) &&
                (p.household[i] == static_cast<std::uint8_t>(Household::Couple) ||
                 p.household[i] == static_cast<std::uint8_t>(Household::Parent)))
                eligible[0].insert(p.id[i]);
            // A pregnancy is offered once, in its first month.
            if (age <= 29 && p.pregnancy[i] == kPregnancyMonths && p.parity[i] == 0) eligible[1].insert(p.id[i]);
        }
        sim.step();
        const auto& q = sim.population();
        for (int k = 0; k < 2; ++k)
            for (std::size_t i = 0; i < q.size(); ++i)
                if (q.enrolment[k][i] == step) {
                    ++enrolled[k];
                    wrong[k] += eligible[k].count(q.id[i]) == 0;
                }
    }
    CHECK(enrolled[0] > 50);
    CHECK(enrolled[1] > 50);
    CHECK(wrong[0] == 0);
    CHECK(wrong[1] == 0);
}

TEST_CASE("interventions: every eligible group is offered places (any risk factor, any condition), only they enrol") {
    // The engine tests eligibility in full only for the interventions its tables say may offer a resident a
    // place: a table too strict would leave a group out. Each group of the eligible enrols at the same monthly
    // rate, and no one else enrols.
    const Scenario s = with_interventions(R"([
        {"id": "a", "name": "a", "who": {"age_min": 18, "risk_factors": ["smoking", "obese", "lonely_severe", "inactive"]},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.5, "uptake": 1},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 0.25}]},
        {"id": "b", "name": "b", "who": {"age_min": 40, "conditions": ["diabetes", "copd"], "household": ["alone"]},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.5, "uptake": 1},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 0.25}]}])",
                                          {"end_year=2021"});
    Simulation sim(test::project_data(), s, options(0.05));
    constexpr int kWindow = 3;  // months of the effect (0.25 years): no new offer while it runs
    constexpr auto kCurrent = static_cast<std::uint8_t>(Smoking::Current);
    constexpr auto kObese = static_cast<std::uint8_t>(Bmi::Obese);
    constexpr auto kAlone = static_cast<std::uint8_t>(Household::Alone);
    // Groups: a's smokers, obese, lonely, inactive; b's with diabetes, with COPD.
    auto groups = [&](const Population& p, std::size_t i, int age) {
        std::array<bool, 6> g{};
        const auto& h = p.health;
        if (age >= 18) {
            g[0] = h.smoking[i] == kCurrent;
            g[1] = h.bmi[i] == kObese;
            g[2] = (h.flags[i] & health_flag::Lonely) != 0;
            g[3] = (h.flags[i] & health_flag::Active) == 0;
        }
        if (age >= 40 && p.household[i] == kAlone) {
            g[4] = (h.conditions[i] & condition_bit(condition_index("diabetes"))) != 0;
            g[5] = (h.conditions[i] & condition_bit(condition_index("copd"))) != 0;
        }
        return g;
    };
    std::array<std::int64_t, 6> offered{}, took{};
    std::int64_t wrong = 0, enrolled = 0;
    while (!sim.finished()) {
        const int step = sim.current_step();
        // Eligible and free at the start of a month other than January (begin_year changes states first).
        std::unordered_map<ResidentId, std::array<bool, 6>> eligible;
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size() && step % 12 != 0; ++i) {
            if (p.status[i] != kPresent) continue;
            auto g = groups(p, i, age_in_years(step, p.birth_step[i]));
            for (int k = 0; k < 2; ++k) {
                const auto e = p.enrolment[k][i];
                if (e != kNotEnrolled && step - e <= kWindow)
                    for (int j = k * 4; j < (k == 0 ? 4 : 6); ++j) g[j] = false;
            }
            eligible[p.id[i]] = g;
        }
        sim.step();
        if (step % 12 == 0) continue;
        const auto& q = sim.population();
        for (std::size_t i = 0; i < q.size(); ++i) {
            const auto it = eligible.find(q.id[i]);
            if (it == eligible.end()) continue;
            const auto& g = it->second;
            for (int k = 0; k < 2; ++k) {
                const bool now = q.enrolment[k][i] == step;
                enrolled += now;
                bool any = false;
                for (int j = k * 4; j < (k == 0 ? 4 : 6); ++j)
                    if (g[j]) {
                        any = true;
                        ++offered[j];
                        took[j] += now;
                    }
                wrong += now && !any;
            }
        }
    }
    CHECK(enrolled > 500);
    CHECK(wrong == 0);
    // Coverage 0.5 a year: a monthly chance of 1 - 0.5^(1/12) = 5.6% for every group.
    const double monthly = 1.0 - std::pow(0.5, 1.0 / 12.0);
    for (int j = 0; j < 6; ++j) {
        INFO("group " << j << ": " << took[j] << " of " << offered[j]);
        REQUIRE(offered[j] > 400);
        const double share = static_cast<double>(took[j]) / static_cast<double>(offered[j]);
        const double se = std::sqrt(monthly * (1 - monthly) / static_cast<double>(offered[j]));
        CHECK(std::abs(share - monthly) < 4 * se);
    }
}

TEST_CASE("interventions: more than 64 switched on at once are refused with the scenario's name") {
    std::string list = "[";
    for (int k = 0; k < 65; ++k)
        list += std::string(k ? "," : "") + R"({"id": "x)" + std::to_string(k) + R"(", "name": "x", "who": {},
            "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.1, "uptake": 1},
            "effects": [{"target": "fall", "relative_risk": 0.9}]})";
    const Scenario s = with_interventions(list + "]", {"end_year=2021"});
    CHECK_THROWS_WITH_AS(Simulation(test::project_data(), s, options(0.001)),
                         doctest::Contains("/interventions: 65 interventions switched on; at most 64"), InputError);
}

TEST_CASE("interventions: no enrolment before the start year or after the end year") {
    const Scenario s = with_interventions(R"([
        {"id": "t", "name": "t", "who": {"age_min": 20, "age_max": 60},
         "when": {"start_year": 2023, "end_year": 2024}, "reach": {"coverage": 0.5, "uptake": 1},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 0.25}],
         "cost": {"per_participant_eur": 10, "price_year": 2023}}])",
                                          {"end_year=2026"});
    Simulation sim(test::project_data(), s, options(0.02));
    std::map<int, std::int64_t> by_year;
    while (!sim.finished()) {
        const int step = sim.current_step();
        sim.step();
        const auto& q = sim.population();
        for (std::size_t i = 0; i < q.size(); ++i)
            if (q.enrolment[0][i] == step) ++by_year[year_of_step(step)];
    }
    CHECK(by_year.count(2021) == 0);
    CHECK(by_year.count(2022) == 0);
    CHECK(by_year[2023] > 100);
    CHECK(by_year[2024] > 100);
    CHECK(by_year.count(2025) == 0);
    CHECK(by_year.count(2026) == 0);
    const std::string yearly = yearly_of(sim);
    for (int year : {2021, 2022, 2025, 2026}) {
        CHECK(province_value(yearly, year, "intervention_participants") == 0);
        CHECK(province_value(yearly, year, "intervention_cost_eur") == 0);
    }
    CHECK(province_value(yearly, 2023, "intervention_participants") > 0);
}

TEST_CASE("interventions: a year enrols about coverage x uptake of the eligible, or the capacity") {
    const Scenario s = with_interventions(R"([
        {"id": "u", "name": "u", "who": {"age_min": 30, "age_max": 60},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.4, "uptake": 0.5},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 2}]},
        {"id": "c", "name": "c", "who": {"age_min": 30, "age_max": 60},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"capacity_per_year": 30000, "uptake": 0.8},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 2}]}])",
                                          {"end_year=2021"});
    const double scale = 0.05;
    Simulation sim(test::project_data(), s, options(scale));
    // Residents aged 30-59 on 1 January stay eligible all year (unless they die or leave).
    std::unordered_set<ResidentId> cohort;
    {
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i) {
            const int age = age_in_years(0, p.birth_step[i]);
            if (p.status[i] == kPresent && age >= 30 && age <= 59) cohort.insert(p.id[i]);
        }
    }
    test::run_to_end(sim);
    const auto& q = sim.population();
    std::int64_t in_cohort = 0, enrolled = 0;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (!cohort.count(q.id[i])) continue;
        ++in_cohort;
        enrolled += q.enrolment[0][i] != kNotEnrolled;
    }
    REQUIRE(in_cohort > 10000);
    const double share = static_cast<double>(enrolled) / static_cast<double>(in_cohort);
    const double expected = 0.4 * 0.5;
    const double se = std::sqrt(expected * (1 - expected) / static_cast<double>(in_cohort));
    INFO("enrolled share " << share << ", expected " << expected << " +- " << 3 * se);
    CHECK(std::abs(share - expected) < 3 * se + 0.005);  // deaths and departures lower it a little

    // The capacity: participants in the year (weighted to the full population) about 30,000.
    std::int64_t capacity_participants = 0;
    for (std::size_t i = 0; i < q.size(); ++i) capacity_participants += q.enrolment[1][i] != kNotEnrolled;
    const double weighted = static_cast<double>(capacity_participants) / scale;
    INFO("capacity participants " << weighted);
    CHECK(std::abs(weighted - 30000) < 0.1 * 30000);
}

TEST_CASE("interventions: the eligible take up places at the year's monthly chance in every month, ramps included") {
    // The months of places taken up are a waiting time drawn once (not a draw every month): each month of each
    // year must still enrol its chance of those not yet enrolled, the first month and December included, at the
    // chance of the month's year (a ramp-up: half the coverage in 2021, all of it in 2022 and 2023, when the waiting
    // times drawn in 2022 run on).
    const Scenario s = with_interventions(R"([
        {"id": "r", "name": "r", "who": {"age_min": 30, "age_max": 62},
         "when": {"start_year": 2021, "end_year": 2023, "ramp_up_years": 2}, "reach": {"coverage": 0.4, "uptake": 0.5},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 5}]}])",
                                          {"end_year=2023"});
    Simulation sim(test::project_data(), s, options(0.05));
    std::unordered_set<ResidentId> cohort;  // aged 30-57 on 1 January 2021: eligible all three years
    {
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i) {
            const int age = age_in_years(0, p.birth_step[i]);
            if (p.status[i] == kPresent && age >= 30 && age <= 57) cohort.insert(p.id[i]);
        }
    }
    std::map<int, std::array<double, 2>> by_month;  // at risk, enrolled
    while (!sim.finished()) {
        const int step = sim.current_step();
        for (std::size_t i = 0; i < sim.population().size(); ++i) {
            const auto& p = sim.population();
            if (p.status[i] == kPresent && p.enrolment[0][i] == kNotEnrolled && cohort.count(p.id[i]))
                by_month[step][0] += 1;
        }
        sim.step();
        const auto& q = sim.population();
        for (std::size_t i = 0; i < q.size(); ++i)
            if (q.enrolment[0][i] == step && cohort.count(q.id[i])) by_month[step][1] += 1;
    }
    REQUIRE(by_month.size() == 36);
    for (const auto& [step, n] : by_month) {
        const double q = 0.4 * 0.5 * (year_of_step(step) == 2021 ? 0.5 : 1.0);
        const double p = 1.0 - std::pow(1.0 - q, 1.0 / 12);
        const double expected = n[0] * p, se = std::sqrt(n[0] * p * (1 - p));
        INFO("month " << step << ": " << n[1] << " enrolled of " << n[0] << ", expected " << expected << " +- " << 4 * se);
        CHECK(n[0] > 10000);
        CHECK(std::abs(n[1] - expected) < 4 * se);
    }
}

TEST_CASE("interventions: a pregnancy programme enrols coverage x uptake of the pregnancies, in their first month") {
    // The places of a month are a waiting time at the chance per pregnancy; only a pregnancy's first month offers
    // one, and places falling due in the months between lapse: each pregnancy is still enrolled with its chance.
    const Scenario s = with_interventions(R"([
        {"id": "p", "name": "p", "who": {"age_min": 15, "age_max": 50, "pregnancy": "pregnant"},
         "when": {"start_year": 2021, "end_year": 2023}, "reach": {"coverage": 0.5, "uptake": 0.8},
         "effects": [{"target": "pregnancy_smoking", "relative_risk": 0.7, "duration_years": 0.25}]}])",
                                          {"end_year=2023"});
    Simulation sim(test::project_data(), s, options(0.05));
    double offered = 0, enrolled = 0;
    while (!sim.finished()) {
        const int step = sim.current_step();
        std::unordered_set<ResidentId> first_month;  // pregnancies seen for the first time this month
        {
            const auto& p = sim.population();
            for (std::size_t i = 0; i < p.size(); ++i) {
                const int age = age_in_years(step, p.birth_step[i]);
                if (p.status[i] == kPresent && p.pregnancy[i] == kPregnancyMonths && age >= 15 && age <= 50)
                    first_month.insert(p.id[i]);
            }
        }
        sim.step();
        const auto& q = sim.population();
        offered += static_cast<double>(first_month.size());
        for (std::size_t i = 0; i < q.size(); ++i) {
            if (q.enrolment[0][i] != step) continue;
            CHECK(first_month.count(q.id[i]) == 1);  // never in a later month of a pregnancy
            enrolled += 1;
        }
    }
    REQUIRE(offered > 1500);
    const double share = enrolled / offered, expected = 0.5 * 0.8;
    const double se = std::sqrt(expected * (1 - expected) / offered);
    INFO("enrolled " << enrolled << " of " << offered << " pregnancies: " << share << ", expected " << expected << " +- "
                     << 4 * se);
    CHECK(std::abs(share - expected) < 4 * se);
}

TEST_CASE("interventions: a capacity is filled every year") {
    // The eligible change from year to year, so the monthly chance does (the waiting times are drawn anew each
    // January: the ramp-up test above fails without it); past participants may enrol again after their window.
    const Scenario s = with_interventions(R"([
        {"id": "c", "name": "c", "who": {"age_min": 30, "age_max": 70},
         "when": {"start_year": 2021, "end_year": 2023}, "reach": {"capacity_per_year": 20000, "uptake": 0.8},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 0.5}]}])",
                                          {"end_year=2023"});
    const double scale = 0.05;
    Simulation sim(test::project_data(), s, options(scale));
    std::map<int, double> by_year;
    while (!sim.finished()) {
        const int step = sim.current_step();
        sim.step();
        const auto& q = sim.population();
        for (std::size_t i = 0; i < q.size(); ++i)
            if (q.enrolment[0][i] == step) by_year[year_of_step(step)] += 1 / scale;
    }
    for (int year : {2021, 2022, 2023}) {
        INFO(year << ": " << by_year[year] << " participants");
        CHECK(std::abs(by_year[year] - 20000) < 0.1 * 20000);
    }
}

TEST_CASE("interventions: uptake that depends on digital skills is lower for the low educated") {
    const Scenario s = with_interventions(R"([
        {"id": "d", "name": "d", "who": {"age_min": 65, "age_max": 105},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.8, "uptake": 1, "digital_skills": true},
         "effects": [{"target": "care_hours_gp", "relative_risk": 0.9, "duration_years": 2}]}])",
                                          {"end_year=2021"});
    Simulation sim(test::project_data(), s, options(0.05));
    test::run_to_end(sim);
    const auto& q = sim.population();
    std::int64_t n[3] = {0, 0, 0}, e[3] = {0, 0, 0};
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (age_in_years(0, q.birth_step[i]) < 66) continue;
        ++n[q.education[i]];
        e[q.education[i]] += q.enrolment[0][i] != kNotEnrolled;
    }
    const double low = static_cast<double>(e[0]) / n[0], high = static_cast<double>(e[2]) / n[2];
    CHECK(low > 0.05);
    CHECK(high < 0.8);
    CHECK(low < high);
}

TEST_CASE("interventions: effects decay as specified") {
    SUBCASE("the multiplier of a compiled effect") {
        CompiledEffect none;
        none.relative_risk = 0.6;
        none.duration_months = 24;
        CHECK(none.multiplier(0) == doctest::Approx(0.6));
        CHECK(none.multiplier(23) == doctest::Approx(0.6));
        CHECK(none.multiplier(24) == 1.0);
        CHECK(none.multiplier(-1) == 1.0);
        CompiledEffect linear = none;
        linear.decay = Decay::Linear;
        CHECK(linear.multiplier(0) == doctest::Approx(0.6));
        CHECK(linear.multiplier(12) == doctest::Approx(0.8));
        CHECK(linear.multiplier(18) == doctest::Approx(0.9));
        CHECK(linear.multiplier(24) == 1.0);
        CompiledEffect exponential = none;
        exponential.decay = Decay::Exponential;
        exponential.half_life_months = 6;
        CHECK(exponential.multiplier(6) == doctest::Approx(0.8));
        CHECK(exponential.multiplier(12) == doctest::Approx(0.9));
        CHECK(exponential.multiplier(24) == 1.0);
    }
    SUBCASE("the engine applies the decayed multiplier month by month to a participant's rates") {
        const Scenario s = with_interventions(R"([
            {"id": "x", "name": "x", "who": {"age_min": 70, "age_max": 105},
             "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.9, "uptake": 1},
             "effects": [{"target": "fall", "relative_risk": 0.5, "duration_years": 1, "decay": "linear"},
                         {"target": "death", "relative_risk": 0.8, "duration_years": 2, "decay": "exponential",
                          "half_life_years": 0.5}]}])",
                                              {"end_year=2022"});
        Simulation sim(test::project_data(), s, options(0.02));
        while (sim.current_step() < 3) sim.step();
        const auto& p = sim.population();
        std::size_t who = p.size();
        for (std::size_t i = 0; i < p.size() && who == p.size(); ++i)
            if (p.status[i] == kPresent && p.enrolment[0][i] == 0) who = i;
        REQUIRE(who < p.size());
        const auto* engine = sim.interventions();
        REQUIRE(engine != nullptr);
        for (int months : {0, 3, 6, 11, 12, 18, 24}) {
            std::array<double, kNumHealthEvents> h{};
            h.fill(1.0);
            double death = 1.0;
            engine->apply(p, who, months, h, death);
            const double fall = months < 12 ? 1 - 0.5 * (1 - months / 12.0) : 1.0;
            const double d = months < 24 ? 1 - 0.2 * std::pow(0.5, months / 6.0) : 1.0;
            CHECK(h[static_cast<int>(HealthEvent::Fall)] == doctest::Approx(fall));
            CHECK(death == doctest::Approx(d));
            CHECK(h[static_cast<int>(HealthEvent::HipFracture)] == 1.0);
        }
    }
}

TEST_CASE("interventions: a participant's care multipliers differ from 1 only while a care effect runs") {
    // The health model accrues a participant by time in state unless changes_care says otherwise.
    const Scenario s = with_interventions(R"([
        {"id": "care", "name": "care", "who": {"age_min": 70, "age_max": 105},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "care_hours_gp", "relative_risk": 0.85, "duration_years": 1},
                     {"target": "care_hours_home_care", "relative_risk": 0.7, "duration_years": 2, "condition": "copd"}]},
        {"id": "fall", "name": "fall", "who": {"age_min": 70, "age_max": 105},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "fall", "relative_risk": 0.5, "duration_years": 1, "decay": "linear"},
                     {"target": "care_hours_gp", "relative_risk": 1, "duration_years": 1}]}])",
                                          {"end_year=2022"});
    Simulation sim(test::project_data(), s, options(0.02));
    while (sim.current_step() < 3) sim.step();
    const auto& p = sim.population();
    // A participant of both, and one of the second alone, enrolled in the first month; with and without COPD.
    std::size_t both = p.size(), fall_only = p.size(), copd = p.size();
    const auto copd_bit = condition_bit(condition_index("copd"));
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p.status[i] != kPresent) continue;
        const bool in_care = p.enrolment[0][i] == 0, in_fall = p.enrolment[1][i] == 0;
        if (in_care && in_fall && !(p.health.conditions[i] & copd_bit) && both == p.size()) both = i;
        if (in_care && (p.health.conditions[i] & copd_bit) && copd == p.size()) copd = i;
        if (p.enrolment[0][i] == kNotEnrolled && in_fall && fall_only == p.size()) fall_only = i;
    }
    REQUIRE(both < p.size());
    REQUIRE(fall_only < p.size());
    REQUIRE(copd < p.size());
    const auto* engine = sim.interventions();
    REQUIRE(engine != nullptr);
    for (int step : {0, 5, 11}) CHECK(engine->changes_care(p, both, step));
    for (int step : {12, 18, 30}) CHECK_FALSE(engine->changes_care(p, both, step));
    // The home-care effect lasts two years but acts only with COPD.
    for (int step : {12, 23}) CHECK(engine->changes_care(p, copd, step));
    CHECK_FALSE(engine->changes_care(p, copd, 24));
    // Effects on health events, and a care effect of relative risk 1, leave the care hours alone.
    for (int step : {0, 5, 11, 12}) CHECK_FALSE(engine->changes_care(p, fall_only, step));
}

TEST_CASE("interventions: intervention cost = participants x cost per participant, plus the yearly cost, in 2023 prices") {
    // The costs are in the prices of their price_year: 2021 for the participants' and 2019 for the yearly cost,
    // each indexed to kPriceYear with the consumer price index.
    const PriceIndex& prices = test::project_data().prices;
    const double each = 123.5 * prices.factor(2021), yearly_cost = 1e6 * prices.factor(2019);
    const Scenario s = with_interventions(R"([
        {"id": "c", "name": "c", "who": {"age_min": 50, "age_max": 70},
         "when": {"start_year": 2022, "end_year": 2023}, "reach": {"coverage": 0.3, "uptake": 0.7},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 1}],
         "cost": {"per_participant_eur": 123.5, "price_year": 2021}},
        {"id": "z", "name": "z", "who": {"zones": ["GM0344"]}, "when": {"start_year": 2023, "end_year": 2023},
         "effects": [], "cost": {"per_year_eur": 1000000, "price_year": 2019}}])",
                                          {"end_year=2023"});
    Simulation sim(test::project_data(), s, options(0.02));
    test::run_to_end(sim);
    const std::string yearly = yearly_of(sim);
    CHECK(province_value(yearly, 2021, "intervention_cost_eur") == 0);
    const double p2022 = province_value(yearly, 2022, "intervention_participants");
    const double p2023 = province_value(yearly, 2023, "intervention_participants");
    CHECK(p2022 > 1000);
    CHECK(province_value(yearly, 2022, "intervention_cost_eur") == doctest::Approx(p2022 * each).epsilon(1e-6));
    CHECK(province_value(yearly, 2023, "intervention_cost_eur") ==
          doctest::Approx(p2023 * each + yearly_cost).epsilon(1e-5));  // the yearly cost is spread over residents, rounded
    // The yearly cost is booked in the zones of the measure only.
    const std::string key = "2023,GM0307,all,all,all,intervention_cost_eur,";
    const auto at = yearly.find(key);
    REQUIRE(at != std::string::npos);
    const double amersfoort = std::stod(yearly.substr(at + key.size(), yearly.find('\n', at) - at - key.size()));
    const std::string pkey = "2023,GM0307,all,all,all,intervention_participants,";
    const auto pat = yearly.find(pkey);
    REQUIRE(pat != std::string::npos);
    const double amersfoort_p = std::stod(yearly.substr(pat + pkey.size(), yearly.find('\n', pat) - pat - pkey.size()));
    CHECK(amersfoort == doctest::Approx(amersfoort_p * each).epsilon(1e-6));
}

TEST_CASE("interventions: attribute effects change the participant's state at enrolment") {
    const Scenario s = with_interventions(R"([
        {"id": "q", "name": "q", "who": {"age_min": 18, "age_max": 105, "risk_factors": ["smoking"]},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.5, "uptake": 1},
         "effects": [{"kind": "attribute", "target": "quit_smoking", "probability": 1}]}])",
                                          {"end_year=2021"});
    Simulation sim(test::project_data(), s, options(0.02));
    std::int64_t enrolled = 0, still_smoking = 0;
    while (!sim.finished()) {
        const int step = sim.current_step();
        sim.step();
        const auto& q = sim.population();
        for (std::size_t i = 0; i < q.size(); ++i)
            if (q.enrolment[0][i] == step && q.status[i] == kPresent) {
                ++enrolled;
                // Within the month of enrolment a former smoker may relapse, rarely.
                still_smoking += q.health.smoking[i] == static_cast<std::uint8_t>(Smoking::Current);
            }
    }
    CHECK(enrolled > 500);
    CHECK(still_smoking <= enrolled / 100);
    // And the province has fewer smokers than the baseline at the end of the year.
    Simulation base(test::project_data(), test::baseline({"end_year=2022"}), options(0.02));
    Simulation scen(test::project_data(), with_interventions(R"([
        {"id": "q", "name": "q", "who": {"age_min": 18, "age_max": 105, "risk_factors": ["smoking"]},
         "when": {"start_year": 2021, "end_year": 2021}, "reach": {"coverage": 0.5, "uptake": 1},
         "effects": [{"kind": "attribute", "target": "quit_smoking", "probability": 1}]}])",
                                                                 {"end_year=2022"}),
                    options(0.02));
    test::run_to_end(base);
    test::run_to_end(scen);
    CHECK(province_value(yearly_of(scen), 2022, "prevalence_smoking") <
          0.8 * province_value(yearly_of(base), 2022, "prevalence_smoking"));
}

TEST_CASE("interventions: an intervention that reaches nobody leaves yearly.csv byte-identical to the baseline") {
    const auto o = options(0.02);
    test::TempDir tmp("interventions");
    const std::string base = written_yearly(test::baseline({"end_year=2024"}), o, tmp.path / "baseline");
    REQUIRE(base.size() > 1000);
    SUBCASE("coverage 0") {
        const auto s = with_interventions(R"([
            {"id": "zero", "name": "zero", "who": {"age_min": 65},
             "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": 0, "uptake": 1},
             "effects": [{"target": "fall", "relative_risk": 0.5, "duration_years": 2},
                         {"target": "death", "relative_risk": 0.5, "duration_years": 2},
                         {"kind": "attribute", "target": "end_loneliness", "probability": 1},
                         {"target": "child_protection_report", "relative_risk": 0.5, "duration_years": 2}],
             "cost": {"per_participant_eur": 1000, "price_year": 2023}}])",
                                          {"end_year=2024"});
        CHECK(written_yearly(s, o, tmp.path / "zero") == base);
    }
    SUBCASE("an empty eligible group") {
        // No first pregnancy at 100, and no one with dementia in the Binnenstad aged 0-4.
        const auto s = with_interventions(R"([
            {"id": "nobody", "name": "nobody", "who": {"age_min": 100, "pregnancy": "first_pregnancy"},
             "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": 1, "uptake": 1},
             "effects": [{"target": "pregnancy_smoking", "relative_risk": 0.5},
                         {"target": "child_protection_report", "relative_risk": 0.5}], "cost": {"per_participant_eur": 1000, "price_year": 2023}},
            {"id": "none2", "name": "none2", "who": {"age_max": 4, "zones": ["WK034406"], "conditions": ["dementia"]},
             "when": {"start_year": 2021, "end_year": 2024}, "reach": {"capacity_per_year": 500, "uptake": 1},
             "effects": [{"target": "death", "relative_risk": 0.5}]}])",
                                          {"end_year=2024"});
        CHECK(written_yearly(s, o, tmp.path / "empty") == base);
    }
    SUBCASE("control: an intervention that reaches people changes the table") {
        const auto s = with_interventions(R"([
            {"id": "some", "name": "some", "who": {"age_min": 65},
             "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": 0.3, "uptake": 1},
             "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}]}])",
                                          {"end_year=2024"});
        CHECK(written_yearly(s, o, tmp.path / "some") != base);
    }
}

TEST_CASE("interventions: results do not depend on the thread count") {
    const auto s = with_interventions(R"([
        {"id": "t", "name": "t", "who": {"age_min": 18, "risk_factors": ["smoking", "obese"]},
         "when": {"start_year": 2021, "end_year": 2022}, "reach": {"coverage": 0.3, "uptake": 0.6, "digital_skills": true},
         "effects": [{"kind": "attribute", "target": "quit_smoking", "probability": 0.2},
                     {"target": "bmi_up", "relative_risk": 0.7, "duration_years": 1, "decay": "linear"}],
         "cost": {"per_participant_eur": 10, "price_year": 2023}}])",
                                      {"end_year=2022"});
    Simulation one(test::project_data(), s, options(0.02, 1));
    Simulation two(test::project_data(), s, options(0.02, 2));
    test::run_to_end(one);
    test::run_to_end(two);
    CHECK(yearly_of(one) == yearly_of(two));
}

namespace {
// Deaths of residents aged 70 and over halved in 2021-2023: many lives saved, at once.
Scenario halved_mortality_70plus() {
    return with_interventions(R"([
        {"id": "live", "name": "live", "who": {"age_min": 70},
         "when": {"start_year": 2021, "end_year": 2023}, "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 3}]}])",
                              {"end_year=2023"});
}
}  // namespace

TEST_CASE("interventions: lives saved add to the population (migration follows the policy-free run)") {
    // Without the policy-free run, arrivals aligned to the population forecast would fall by about the
    // deaths averted and the province's population would stay on the forecast path.
    const auto s = halved_mortality_70plus();
    Simulation base(test::project_data(), test::baseline({"end_year=2023"}), options(0.02));
    Simulation scen(test::project_data(), s, options(0.02));
    RunOptions pinned = options(0.02);
    pinned.baseline_migration = false;
    Simulation aligned(test::project_data(), s, pinned);
    test::run_to_end(base);
    test::run_to_end(scen);
    test::run_to_end(aligned);
    const auto b = yearly_of(base), y = yearly_of(scen), a = yearly_of(aligned);
    const double averted = province_value(b, 2021, "deaths") + province_value(b, 2022, "deaths") -
                           province_value(y, 2021, "deaths") - province_value(y, 2022, "deaths");
    REQUIRE(averted > 1000);
    // The same arrivals as the baseline's; the population on 1 January 2023 larger by about the deaths averted.
    CHECK(province_value(y, 2022, "immigration") == province_value(b, 2022, "immigration"));
    const double gain = province_value(y, 2023, "population") - province_value(b, 2023, "population");
    CHECK(gain > 0.7 * averted);
    CHECK(gain < 1.3 * averted);
    // Aligned to the forecast instead, the gain shrinks (the population returns to the forecast path
    // with a time constant of two years, so by 2040 it would be gone).
    CHECK(province_value(a, 2023, "population") - province_value(b, 2023, "population") < 0.75 * gain);
}

TEST_CASE("interventions: a baseline's migration plan handed to the scenario replaces the policy-free twin exactly") {
    const auto s = halved_mortality_70plus();
    Simulation base(test::project_data(), test::baseline({"end_year=2023"}), options(0.02));
    test::run_to_end(base);
    REQUIRE(base.migration_plan().arrivals.size() == 3);
    Simulation twin(test::project_data(), s, options(0.02));
    RunOptions planned = options(0.02);
    planned.migration_plan = std::make_shared<MigrationPlan>(base.migration_plan());
    Simulation handed(test::project_data(), s, planned);
    test::run_to_end(twin);
    test::run_to_end(handed);
    CHECK(yearly_of(twin) == yearly_of(handed));
    // A plan shorter than the run is an error, not a silent default.
    Simulation short_base(test::project_data(), test::baseline({"end_year=2021"}), options(0.02));
    test::run_to_end(short_base);
    RunOptions too_short = options(0.02);
    too_short.migration_plan = std::make_shared<MigrationPlan>(short_base.migration_plan());
    CHECK_THROWS_WITH_AS(Simulation(test::project_data(), s, too_short), doctest::Contains("ends in 2021, the scenario in 2023"),
                         InputError);
}
