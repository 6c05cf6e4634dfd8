// The first 1000 days (sim/health/perinatal.cpp): each mechanism's sign and its odds-ratio-1 case, no
// smoking-attributable preterm or SGA birth without smoking in pregnancy, asthma and special educational needs
// attributable to preterm birth (none without preterm births), and a mother's programme that lowers child protection
// reports.
#include <doctest/doctest.h>

#include <functional>
#include <memory>

#include "../support.hpp"
#include "sim/health/health_model.hpp"

using namespace hhu;

namespace {

using test::with_health;
using test::with_interventions;

RunOptions small(double scale = 0.02) {
    RunOptions o;
    o.scale = scale;
    o.threads = 2;
    o.seed = 20210101;
    return o;
}

// The first woman aged 25-35 on 1 January 2021 who is not low educated, not in the risk group.
std::size_t some_mother(const Population& pop) {
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int age = age_in_years(0, pop.birth_step[i]);
        if (pop.sex[i] == static_cast<std::uint8_t>(Sex::Female) && age >= 25 && age <= 35 &&
            pop.education[i] != static_cast<std::uint8_t>(Education::Low))
            return i;
    }
    FAIL("no woman aged 25-35");
    return 0;
}

void nobody_smokes(HealthData& h) {
    for (auto& sx : h.prevalence[static_cast<int>(Factor::SmokingCurrent)])
        for (auto& g : sx) g.fill(0.0);
    for (auto& sx : h.smoking_former)
        for (auto& g : sx) g.fill(0.0);
}

}  // namespace

TEST_CASE("perinatal: smoking in pregnancy raises preterm birth and SGA, an odds ratio of 1 removes its effect") {
    SUBCASE("published odds ratios: a smoker's child is more often preterm and SGA") {
        Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), small());
        const auto& pop = sim.population();
        const std::size_t m = some_mother(pop);
        const auto smoker = sim.health()->birth_probabilities(pop, m, 0, true);
        const auto other = sim.health()->birth_probabilities(pop, m, 0, false);
        CHECK(smoker.preterm > other.preterm);
        CHECK(smoker.sga() > other.sga());
        // The preterm odds ratio (1.27) is smaller than the SGA one (2.26).
        const auto o = [](double p) { return p / (1 - p); };
        CHECK(o(smoker.preterm) / o(other.preterm) == doctest::Approx(1.27));
        CHECK(o(smoker.sga_if_term) / o(other.sga_if_term) == doctest::Approx(2.26));
        // Born preterm, SGA is more likely (the published shares' overlap).
        CHECK(other.sga_if_preterm > other.sga_if_term);
        // The base levels are those of a mother without risk factors, near the national shares.
        CHECK(other.preterm > 0.03);
        CHECK(other.preterm < 0.066);
    }
    SUBCASE("odds ratios of 1: smoking changes nothing, and born preterm does not change SGA") {
        const auto data = with_health([](HealthData& h) {
            h.perinatal["or_smoking_preterm"] = 1.0;
            h.perinatal["or_smoking_sga"] = 1.0;
            h.perinatal["or_sga_when_preterm"] = 1.0;
        });
        Simulation sim(*data, test::baseline({"end_year=2021"}), small());
        const auto& pop = sim.population();
        const std::size_t m = some_mother(pop);
        const auto smoker = sim.health()->birth_probabilities(pop, m, 0, true);
        const auto other = sim.health()->birth_probabilities(pop, m, 0, false);
        CHECK(smoker.preterm == other.preterm);
        CHECK(smoker.sga() == other.sga());
        CHECK(other.sga_if_preterm == other.sga_if_term);
        // With smokers in the population the attributable births are then exactly 0 too.
        test::run_to_end(sim);
        CHECK(test::total(sim, Measure::PretermSmokingAttributable) == 0);
        CHECK(test::total(sim, Measure::SgaSmokingAttributable) == 0);
    }
}

TEST_CASE("perinatal: without smoking in pregnancy no preterm or SGA birth is attributable to smoking") {
    const auto scenario = test::baseline({"end_year=2023"});
    const auto none = with_health(nobody_smokes);
    Simulation a(*none, scenario, small());
    test::run_to_end(a);
    REQUIRE(test::total(a, Measure::Births) > 300);
    CHECK(test::total(a, Measure::BirthsPreterm) > 0);
    CHECK(test::total(a, Measure::BirthsSga) > 0);
    CHECK(test::total(a, Measure::PretermSmokingAttributable) == 0);
    CHECK(test::total(a, Measure::SgaSmokingAttributable) == 0);
    // Control: with the published smoking, some are.
    Simulation b(test::project_data(), scenario, small());
    test::run_to_end(b);
    CHECK(test::total(b, Measure::PretermSmokingAttributable) > 0);
    CHECK(test::total(b, Measure::SgaSmokingAttributable) > test::total(b, Measure::PretermSmokingAttributable));
    // Big2 is preterm or SGA: at most their sum, at least each.
    const auto big2 = test::total(b, Measure::BirthsBig2);
    CHECK(big2 >= test::total(b, Measure::BirthsPreterm));
    CHECK(big2 >= test::total(b, Measure::BirthsSga));
    CHECK(big2 <= test::total(b, Measure::BirthsPreterm) + test::total(b, Measure::BirthsSga));
}

TEST_CASE("perinatal: preterm birth costs neonatal care and lifelong utility, zero of each costs nothing") {
    const auto scenario = test::baseline({"end_year=2022"});
    Simulation published(test::project_data(), scenario, small());
    const auto zero = with_health([](HealthData& h) {
        h.perinatal["neonatal_cost_preterm_eur"] = 0.0;
        h.perinatal["utility_loss_preterm"] = 0.0;
    });
    Simulation none(*zero, scenario, small());
    test::run_to_end(published);
    test::run_to_end(none);
    // The same births (no random decision depends on these two parameters).
    CHECK(test::total(published, Measure::BirthsPreterm) == test::total(none, Measure::BirthsPreterm));
    CHECK(test::total(published, Measure::NeonatalCareCost) > 0);
    CHECK(test::total(none, Measure::NeonatalCareCost) == 0);
    CHECK(test::total(published, Measure::CostEur) - test::total(none, Measure::CostEur) ==
          test::total(published, Measure::NeonatalCareCost));
    // Residents born preterm (6.6% of the initial population) live fewer QALYs.
    CHECK(test::total(published, Measure::Qalys) < test::total(none, Measure::Qalys));
}

TEST_CASE("perinatal: asthma attributable to preterm birth costs care, and none without preterm birth or excess") {
    const auto scenario = test::baseline({"end_year=2022"});
    Simulation published(test::project_data(), scenario, small());
    const auto no_excess = with_health([](HealthData& h) { h.perinatal["asthma_excess_share_preterm"] = 0.0; });
    const auto infants_only = with_health([](HealthData& h) { h.perinatal["asthma_last_age"] = 0.0; });
    const auto no_preterm = with_health([](HealthData& h) {
        h.perinatal["preterm_share_nl"] = 0.0;         // residents of 2021 and arrivals
        h.perinatal["preterm_share_reference"] = 0.0;  // newborns
    });
    Simulation none(*no_excess, scenario, small()), infants(*infants_only, scenario, small()),
        term(*no_preterm, scenario, small());
    for (Simulation* sim : {&published, &none, &infants, &term}) test::run_to_end(*sim);
    const auto years = Measure::PretermAsthmaChildYears, cost = Measure::PretermAsthmaCost;
    CHECK(test::total(published, years) > 0);
    // The care cost is the child-years times the yearly cost of a child with asthma, and is inside cost_eur.
    const double price = test::project_data().health->perinatal.at("asthma_cost_per_child_year_eur");
    CHECK(static_cast<double>(test::total(published, cost)) ==
          doctest::Approx(price * static_cast<double>(test::total(published, years))).epsilon(0.03));
    CHECK(static_cast<double>(test::total(published, Measure::CostEur) - test::total(none, Measure::CostEur)) ==
          doctest::Approx(static_cast<double>(test::total(published, cost))).epsilon(1e-4));
    // No excess share: no attributable asthma, and nothing else changes.
    CHECK(test::total(none, years) == 0);
    CHECK(test::total(none, cost) == 0);
    CHECK(test::total(none, Measure::BirthsPreterm) == test::total(published, Measure::BirthsPreterm));
    CHECK(test::total(none, Measure::Qalys) == test::total(published, Measure::Qalys));
    // Asthma up to age 0 only: far fewer child-years than up to 17.
    CHECK(test::total(infants, years) > 0);
    CHECK(test::total(infants, years) * 5 < test::total(published, years));
    // No child born preterm: no asthma attributable to preterm birth.
    CHECK(test::total(term, Measure::BirthsPreterm) == 0);
    CHECK(test::total(term, years) == 0);
    CHECK(test::total(term, cost) == 0);
}

TEST_CASE("perinatal: special educational needs after preterm birth cost education, none without preterm birth") {
    const auto scenario = test::baseline({"end_year=2022"});
    Simulation published(test::project_data(), scenario, small());
    const auto no_excess = with_health([](HealthData& h) { h.perinatal["special_education_excess_share_preterm"] = 0.0; });
    const auto no_preterm = with_health([](HealthData& h) {
        h.perinatal["preterm_share_nl"] = 0.0;         // residents of 2021 and arrivals
        h.perinatal["preterm_share_reference"] = 0.0;  // newborns
    });
    Simulation none(*no_excess, scenario, small()), term(*no_preterm, scenario, small());
    for (Simulation* sim : {&published, &none, &term}) test::run_to_end(*sim);
    const auto years = Measure::PretermSpecialEducationPupilYears, cost = Measure::PretermSpecialEducationCost;
    // The pupil-years are the excess share times the years lived at school ages by those born preterm.
    const auto& peri = test::project_data().health->perinatal;
    double preterm_pupils = 0;
    const auto& pop = published.population();
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int age = age_in_years(0, pop.birth_step[i]);
        if ((pop.health.perinatal[i] & perinatal_flag::Preterm) && age >= peri.at("special_education_first_age") &&
            age <= peri.at("special_education_last_age"))
            preterm_pupils += 1;
    }
    REQUIRE(preterm_pupils > 50);
    const double expected = 2 * preterm_pupils * peri.at("special_education_excess_share_preterm") * kAmountScale;
    // Two years of the pupils of 1 January 2021 (who age, move and are joined by others: within 15%).
    CHECK(static_cast<double>(test::total(published, years)) == doctest::Approx(expected).epsilon(0.15));
    CHECK(static_cast<double>(test::total(published, cost)) ==
          doctest::Approx(peri.at("special_education_extra_cost_per_pupil_year_eur") *
                          static_cast<double>(test::total(published, years))).epsilon(0.01));
    // Education spending, not health care: the health-care costs and QALYs are those without the excess.
    CHECK(test::total(none, years) == 0);
    CHECK(test::total(none, cost) == 0);
    CHECK(test::total(none, Measure::CostEur) == test::total(published, Measure::CostEur));
    CHECK(test::total(none, Measure::Qalys) == test::total(published, Measure::Qalys));
    // No child born preterm: no special needs attributable to preterm birth.
    CHECK(test::total(term, years) == 0);
    CHECK(test::total(term, cost) == 0);
}

TEST_CASE("perinatal: residents born before the run carry a childhood report as other newborns do, its costs from 2021") {
    // Its costs last for life: without a history the residents of 1 January 2021 carried none, and the costs grew
    // from nothing as the run's cohorts aged.
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), small());
    const Population& pop = sim.population();
    std::size_t flagged = 0, adults_flagged = 0, adults = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const bool report = (pop.health.perinatal[i] & perinatal_flag::ChildProtection) != 0;
        flagged += report;
        if (age_in_years(0, pop.birth_step[i]) >= 18) {
            ++adults;
            adults_flagged += report;
        }
    }
    // data/health/perinatal.csv child_protection_other: 0.05656.
    const double share = static_cast<double>(flagged) / static_cast<double>(pop.size());
    CHECK(share > 0.048);
    CHECK(share < 0.066);
    CHECK(static_cast<double>(adults_flagged) / static_cast<double>(adults) > 0.04);  // every age, not the young only
    test::run_to_end(sim);
    // Their reports were made before the run: the year counts only its own births' reports, but the costs of all.
    const auto reports = test::total(sim, Measure::ChildProtectionReports);
    CHECK(reports < 0.1 * static_cast<double>(flagged));
    // 869 euro a year in 2016 prices each (A-H-CHILD-PROTECTION-COST), more in the model's prices; the simulated euros.
    const double euros = static_cast<double>(test::total(sim, Measure::ChildProtectionCost)) / kAmountScale;
    CHECK(euros > 800.0 * static_cast<double>(flagged));
}

TEST_CASE("perinatal: the VoorZorg target group has more child protection reports, and a programme lowers them") {
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), small());
    const HealthModel& model = *sim.health();
    Population pop = sim.population();
    const std::size_t m = some_mother(pop);
    pop.parity[m] = 1;
    const double other = model.child_protection_probability(pop, m, 0);
    pop.education[m] = static_cast<std::uint8_t>(Education::Low);
    pop.birth_step[m] = -22 * kMonthsPerYear;  // 22 years old
    CHECK(model.child_protection_probability(pop, m, 0) == doctest::Approx(0.19));
    CHECK(other < 0.19);
    pop.parity[m] = 2;  // not the first child
    CHECK(model.child_protection_probability(pop, m, 0) == doctest::Approx(other));

    // Every pregnancy from 2022 enrolled: a relative risk of 1 leaves the reports as they are, 0.5 lowers them.
    auto run = [](double rr) {
        const auto s = with_interventions(R"([{"id": "hv", "name": "hv", "who": {"sex": "female", "pregnancy": "pregnant"},
            "when": {"start_year": 2022, "end_year": 2024}, "reach": {"coverage": 1, "uptake": 1},
            "effects": [{"target": "child_protection_report", "relative_risk": )" + std::to_string(rr) +
                                              R"(, "duration_years": 1}]}])",
                                          {"end_year=2024"});
        auto sim = std::make_unique<Simulation>(test::project_data(), s, small(0.05));
        test::run_to_end(*sim);
        return sim;
    };
    Simulation base(test::project_data(), test::baseline({"end_year=2024"}), small(0.05));
    test::run_to_end(base);
    const auto neutral = run(1.0);
    const auto halved = run(0.5);
    const auto reports = test::total(base, Measure::ChildProtectionReports);
    REQUIRE(reports > 50);
    CHECK(test::total(*neutral, Measure::ChildProtectionReports) == reports);
    CHECK(test::total(*neutral, Measure::Qalys) == test::total(base, Measure::Qalys));
    CHECK(test::total(*halved, Measure::ChildProtectionReports) < reports * 0.8);
    CHECK(test::total(*halved, Measure::ChildProtectionCost) < test::total(base, Measure::ChildProtectionCost));
    // The births themselves are the same.
    CHECK(test::total(*halved, Measure::Births) == test::total(base, Measure::Births));
}
