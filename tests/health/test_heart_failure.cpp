// Heart failure (a condition of the health model, data/health/heart_failure.csv and tools/health_heart_failure.py)
// and telemonitoring acting on it: the residents of 1 January 2021 have the input prevalence; its hospital
// admissions accrue at the input rate; without heart failure, telemonitoring's heart-failure effects change no
// outcome; a programme that reaches nobody leaves the table byte-identical; an admission relative risk below 1
// lowers the admissions and one of 1 changes nothing.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../support.hpp"
#include "sim/health/health_model.hpp"

using namespace hhu;
using hhu::test::province;
using hhu::test::with_interventions;

namespace {

constexpr int kHf = condition::HeartFailure;

RunOptions options() {
    RunOptions o;
    o.scale = 0.02;
    o.threads = 2;
    o.seed = 20210101;
    return o;
}

std::string yearly_of(const ModelData& data, const Scenario& s) {
    Simulation sim(data, s, options());
    test::run_to_end(sim);
    return yearly_csv(Indicators(sim.data(), sim.results()));
}

// Telemonitoring of residents 40+ with heart failure or CHD (coverage as given), with the heart-failure effects
// death_rr and admissions_rr, and no other effect.
std::string telemonitoring(const char* death_rr, const char* admissions_rr, const char* coverage = "0.5") {
    std::string out = R"([{"id": "tm", "name": "tm", "who": {"age_min": 40, "conditions": ["heart_failure", "chd"]},
        "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": )";
    out += coverage;
    out += R"(, "uptake": 1}, "effects": [{"target": "death", "relative_risk": )";
    out += death_rr;
    out += R"(, "duration_years": 3, "condition": "heart_failure"}, {"target": "hospital_admissions_heart_failure",
        "relative_risk": )";
    out += admissions_rr;
    out += R"(, "duration_years": 3, "condition": "heart_failure"}], "cost": {"per_participant_eur": 600, "price_year": 2023}}])";
    return out;
}

// The lines of a yearly table whose indicator is not one of the programme's own (its participants and costs).
std::string without_programme_rows(const std::string& yearly) {
    std::string out;
    std::size_t begin = 0;
    while (begin < yearly.size()) {
        const auto end = yearly.find('\n', begin);
        const std::string line = yearly.substr(begin, end - begin);
        const bool programme = line.find(",intervention_") != std::string::npos ||
                               line.find(",digital_care_participants,") != std::string::npos;
        if (!programme) out += line + "\n";
        if (end == std::string::npos) break;
        begin = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("heart failure: the residents of 1 January 2021 have the input prevalence by sex and age group") {
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), options());
    const auto& pop = sim.population();
    const auto& h = *test::project_data().health;
    BySexGroup<double> n{}, cases{};
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int g = age_group_of(age_in_years(0, pop.birth_step[i]));
        n[pop.sex[i]][g] += 1;
        cases[pop.sex[i]][g] += (pop.health.conditions[i] & condition_bit(kHf)) != 0;
    }
    double expected_all = 0, cases_all = 0;
    for (int s = 0; s < kNumSexes; ++s) {
        for (int g = 0; g < kNumAgeGroups; ++g) {
            const double expected = h.condition_prevalence[kHf][s][g] * n[s][g];
            expected_all += expected;
            cases_all += cases[s][g];
            CAPTURE(s);
            CAPTURE(g);
            // Each group's count is binomial around the input share (spread over residents by relative risk,
            // normalised within the group): within 4 standard deviations, plus one case.
            CHECK(std::abs(cases[s][g] - expected) <= 4 * std::sqrt(expected) + 1);
        }
    }
    REQUIRE(expected_all > 100);  // the test can see a difference
    CHECK(std::abs(cases_all - expected_all) <= 4 * std::sqrt(expected_all));
}

TEST_CASE("heart failure: the hospital admissions accrue at the input rate per resident with heart failure") {
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), options());
    const auto& pop = sim.population();
    double with_hf = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) with_hf += (pop.health.conditions[i] & condition_bit(kHf)) != 0;
    test::run_to_end(sim);
    const std::string yearly = yearly_csv(Indicators(sim.data(), sim.results()));
    const double admissions = province(yearly, 2021, std::string(kHeartFailureAdmissions));
    const double rate = test::project_data().health->heart_failure_admissions_per_year;
    REQUIRE(rate > 0);
    // Residents with heart failure on 1 January, weighted to the full population, times the yearly rate: the
    // year's deaths and new cases move the person-years by a few percent.
    const double expected = with_hf / options().scale * rate;
    CHECK(admissions == doctest::Approx(expected).epsilon(0.15));
    // No heart failure, no admissions.
    const auto none = test::with_health([](HealthData& h) {
        for (auto& by_sex : h.condition_prevalence[kHf]) by_sex.fill(0);
        for (auto& by_sex : h.incidence[kHf]) by_sex.fill(0);
    });
    CHECK(province(yearly_of(*none, test::baseline({"end_year=2021"})), 2021, std::string(kHeartFailureAdmissions)) == 0);
}

TEST_CASE("heart failure: without heart failure, telemonitoring of heart failure changes no outcome") {
    const auto none = test::with_health([](HealthData& h) {
        for (auto& by_sex : h.condition_prevalence[kHf]) by_sex.fill(0);
        for (auto& by_sex : h.incidence[kHf]) by_sex.fill(0);
    });
    const std::string base = yearly_of(*none, test::baseline({"end_year=2023"}));
    const std::string strong = yearly_of(*none, with_interventions(telemonitoring("0.3", "0.3"), 2023));
    // The programme enrols residents with CHD (its participants and costs are counted) but acts on no one.
    REQUIRE(province(strong, 2022, "intervention_participants") > 0);
    CHECK(without_programme_rows(strong) == without_programme_rows(base));
}

TEST_CASE("heart failure: telemonitoring that reaches nobody leaves the table byte-identical to the baseline") {
    const std::string base = yearly_of(test::project_data(), test::baseline({"end_year=2023"}));
    CHECK(yearly_of(test::project_data(), with_interventions(telemonitoring("0.8", "0.71", "0"), 2023)) == base);
}

TEST_CASE("heart failure: telemonitoring lowers admissions and deaths, and relative risks of 1 change no outcome") {
    const auto& data = test::project_data();
    const std::string base = yearly_of(data, test::baseline({"end_year=2024"}));
    const std::string neutral = yearly_of(data, with_interventions(telemonitoring("1", "1"), 2024));
    CHECK(without_programme_rows(neutral) == without_programme_rows(base));
    const std::string strong = yearly_of(data, with_interventions(telemonitoring("0.3", "0.3"), 2024));
    double base_adm = 0, strong_adm = 0, base_deaths = 0, strong_deaths = 0;
    for (int year = 2021; year <= 2024; ++year) {
        base_adm += province(base, year, std::string(kHeartFailureAdmissions));
        strong_adm += province(strong, year, std::string(kHeartFailureAdmissions));
        base_deaths += province(base, year, "deaths");
        strong_deaths += province(strong, year, "deaths");
    }
    CHECK(strong_adm < 0.9 * base_adm);
    CHECK(strong_deaths < base_deaths);
}
