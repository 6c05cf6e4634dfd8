// Digital care (sim/health/digital.hpp, the interventions' digital skills and condition-bound effects): the
// population's digital skills follow the published shares; only the skilled take up digital care; a skills course
// reaches only the unskilled and raises the share with skills and so the uptake of digital care; an effect bound
// to a condition acts only on participants who have it; a telemonitoring relative risk of 1 changes nothing.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../support.hpp"
#include "sim/demography/demography.hpp"
#include "sim/health/digital.hpp"

using namespace hhu;
using hhu::test::province;
using hhu::test::with_interventions;

namespace {

RunOptions options() {
    RunOptions o;
    o.scale = 0.02;
    o.threads = 2;
    o.seed = 20210101;
    return o;
}

std::string yearly_of(const Scenario& s) {
    Simulation sim(test::project_data(), s, options());
    test::run_to_end(sim);
    return yearly_csv(Indicators(sim.data(), sim.results()));
}

// A JSON array of these items (built by appending: GCC 12 warns wrongly on literal + temporary string).
std::string array_of(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) {
        if (out.size() > 1) out += ",";
        out += item;
    }
    out += "]";
    return out;
}

// Remote monitoring for residents 40+ with CHD, with these effects.
std::string monitoring(const std::vector<std::string>& effects, const char* coverage = "0.5") {
    std::string out = R"({"id": "tm", "name": "tm", "who": {"age_min": 40, "conditions": ["chd"]},
               "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": )";
    out += coverage;
    out += R"(, "uptake": 1, "digital_skills": true}, "effects": )";
    out += array_of(effects);
    out += R"(, "cost": {"per_participant_eur": 600, "price_year": 2023}})";
    return out;
}

const char* kCare = R"({"target": "care_hours_gp", "relative_risk": 0.85, "duration_years": 3})";
const char* kDeathNeutral = R"({"target": "death", "relative_risk": 1, "duration_years": 3, "condition": "chd"})";
const char* kDeathChd = R"({"target": "death", "relative_risk": 0.3, "duration_years": 3, "condition": "chd"})";
const char* kDeathDementia = R"({"target": "death", "relative_risk": 0.3, "duration_years": 3, "condition": "dementia"})";

const char* kCourse = R"({"id": "course", "name": "course", "who": {"age_min": 55, "without_digital_skills": true},
    "when": {"start_year": 2021, "end_year": 2024}, "reach": {"coverage": 1, "uptake": 1},
    "effects": [{"kind": "attribute", "target": "gain_digital_skills", "probability": 1, "duration_years": 1}],
    "cost": {"per_participant_eur": 150, "price_year": 2023}})";

}  // namespace

TEST_CASE("digital care: the residents' skills reproduce the published shares by age and education") {
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), options());
    const auto& pop = sim.population();
    const auto& data = test::project_data();
    for (int g : {3, 9, 14}) {
        for (int e = 0; e < kNumEducation; ++e) {
            double n = 0, skilled = 0;
            for (std::size_t i = 0; i < pop.size(); ++i) {
                const int age = age_in_years(0, pop.birth_step[i]);
                if (age_group_of(age) != g || pop.education[i] != e) continue;
                n += 1;
                skilled += digital_skills::has(pop.health.digital[i], data.digital_skills(age, e));
            }
            CAPTURE(g);
            CAPTURE(e);
            REQUIRE(n > 30);
            // Ranks are 1/128 apart; the sample adds its binomial noise.
            CHECK(std::abs(skilled / n - data.digital_skills_share[g][e]) < 1.0 / 128 + 3 * std::sqrt(0.25 / n));
        }
    }
}

TEST_CASE("digital care: only residents with basic digital skills take it up") {
    Simulation sim(test::project_data(), with_interventions(array_of({monitoring({kCare})}), 2022), options());
    test::run_to_end(sim);
    const auto& pop = sim.population();
    int enrolled = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        if (pop.enrolment[0][i] == kNotEnrolled) continue;
        ++enrolled;
        const int age = age_in_years(pop.enrolment[0][i], pop.birth_step[i]);
        REQUIRE(digital_skills::has(pop.health.digital[i], test::project_data().digital_skills(age, pop.education[i])));
    }
    CHECK(enrolled > 100);
}

TEST_CASE("digital care: a telemonitoring relative risk of 1 has no effect, below 1, fewer deaths") {
    const std::string without = yearly_of(with_interventions(array_of({monitoring({kCare})}), 2024));
    const std::string neutral = yearly_of(with_interventions(array_of({monitoring({kCare, kDeathNeutral})}), 2024));
    CHECK(neutral == without);
    const std::string strong = yearly_of(with_interventions(array_of({monitoring({kCare, kDeathChd})}), 2024));
    double deaths_without = 0, deaths_strong = 0;
    for (int year = 2021; year <= 2024; ++year) {
        deaths_without += province(without, year, "deaths");
        deaths_strong += province(strong, year, "deaths");
    }
    CHECK(deaths_strong < deaths_without);
    // Bound to a condition no participant has (dementia is not among CHD participants' eligibility, but some
    // have it): the effect reaches only those with dementia, so fewer deaths are saved than for CHD.
    const std::string dementia_only = yearly_of(with_interventions(array_of({monitoring({kCare, kDeathDementia})}), 2024));
    double deaths_dementia = 0;
    for (int year = 2021; year <= 2024; ++year) deaths_dementia += province(dementia_only, year, "deaths");
    CHECK(deaths_dementia > deaths_strong);
    CHECK(deaths_dementia <= deaths_without);
}

TEST_CASE("digital care: a skills course that reaches nobody leaves the table byte-identical to the baseline") {
    const std::string base = yearly_of(test::baseline({"end_year=2023"}));
    std::string nobody = kCourse;
    nobody.replace(nobody.find(R"("coverage": 1)"), 13, R"("coverage": 0)");
    CHECK(yearly_of(with_interventions(array_of({nobody}), 2023)) == base);
}

TEST_CASE("digital care: a skills course teaches only the unskilled and raises the skills share and the uptake") {
    const std::string tm = monitoring({kCare}, "0.3");
    Simulation with_course(test::project_data(), with_interventions(array_of({tm, kCourse}), 2024), options());
    test::run_to_end(with_course);
    const auto& pop = with_course.population();
    int taught = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const bool enrolled = pop.enrolment[1][i] != kNotEnrolled;
        // Probability 1: every participant is taught; no one else is.
        REQUIRE(enrolled == digital_skills::taught(pop.health.digital[i]));
        taught += enrolled;
    }
    CHECK(taught > 100);
    const std::string a = yearly_of(with_interventions(array_of({tm}), 2024));
    const std::string b = yearly_csv(Indicators(with_course.data(), with_course.results()));
    CHECK(province(b, 2024, "prevalence_digital_skills") > province(a, 2024, "prevalence_digital_skills"));
    CHECK(province(b, 2024, "digital_care_participants") > province(a, 2024, "digital_care_participants"));
}
