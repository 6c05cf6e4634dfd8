// Limit cases of the health model: a relative risk of 1 makes a risk factor irrelevant; without smoking
// there is no smoking-attributable excess; the population still adds up with health, interventions and
// migration on.
#include <doctest/doctest.h>

#include <functional>
#include <memory>

#include "../support.hpp"
#include "sim/health/health_model.hpp"
#include "sim/output/indicators.hpp"

using namespace hhu;

namespace {

using test::with_health;

RunOptions small(double scale = 0.02) {
    RunOptions o;
    o.scale = scale;
    o.threads = 2;
    o.seed = 20210101;
    return o;
}

void smoking_rr_one(HealthData& h) {
    for (auto& by_outcome : h.rr) {
        by_outcome[static_cast<int>(Exposure::SmokingCurrent)] = 1.0;
        by_outcome[static_cast<int>(Exposure::SmokingFormer)] = 1.0;
    }
}

void nobody_smokes(HealthData& h) {
    for (auto& sx : h.prevalence[static_cast<int>(Factor::SmokingCurrent)])
        for (auto& g : sx) g.fill(0.0);
    for (auto& sx : h.smoking_former)
        for (auto& g : sx) g.fill(0.0);
}

std::string yearly_of(const Simulation& sim) { return yearly_csv(Indicators(sim.data(), sim.results())); }

}  // namespace

TEST_CASE("health: a relative risk of 1 makes smoking irrelevant to every outcome") {
    const auto data = with_health(smoking_rr_one);
    Simulation sim(*data, test::baseline({"end_year=2021"}), small());
    const HealthModel* model = sim.health();
    REQUIRE(model != nullptr);
    // Each resident's relative risk of every outcome is the same as a current, a former and a never smoker.
    Population pop = sim.population();
    int checked = 0;
    for (std::size_t i = 0; i < pop.size() && checked < 20000; ++i, ++checked) {
        std::array<double, kNumOutcomes> as_is{};
        const int age = age_in_years(0, pop.birth_step[i]);
        for (int o = 0; o < kNumOutcomes; ++o) as_is[o] = model->relative_risk(o, pop, i, age);
        const auto original = pop.health.smoking[i];
        for (auto s : {Smoking::Never, Smoking::Current, Smoking::Former}) {
            pop.health.smoking[i] = static_cast<std::uint8_t>(s);
            for (int o = 0; o < kNumOutcomes; ++o) REQUIRE(model->relative_risk(o, pop, i, age) == as_is[o]);
        }
        pop.health.smoking[i] = original;
    }
    CHECK(checked == 20000);
    // With the published relative risks, smoking does raise the risk of COPD and of death.
    Simulation published(test::project_data(), test::baseline({"end_year=2021"}), small());
    Population p2 = published.population();
    p2.health.smoking[0] = static_cast<std::uint8_t>(Smoking::Never);
    const double never = published.health()->relative_risk(condition_index("copd"), p2, 0, 50);
    p2.health.smoking[0] = static_cast<std::uint8_t>(Smoking::Current);
    CHECK(published.health()->relative_risk(condition_index("copd"), p2, 0, 50) > 1.5 * never);
}

TEST_CASE("health: without smoking there is no smoking-attributable excess") {
    // Nobody smokes, then or later: the smoking relative risks must change nothing at all, so the yearly
    // tables with the published relative risks and with relative risks of 1 are byte-identical.
    const auto no_smoking = with_health(nobody_smokes);
    const auto no_smoking_rr_one = with_health([](HealthData& h) {
        nobody_smokes(h);
        smoking_rr_one(h);
    });
    const auto scenario = test::baseline({"end_year=2023"});
    Simulation a(*no_smoking, scenario, small());
    Simulation b(*no_smoking_rr_one, scenario, small());
    test::run_to_end(a);
    test::run_to_end(b);
    const auto ya = yearly_of(a);
    CHECK(ya == yearly_of(b));
    // And nobody smoked.
    const auto& pop = a.population();
    for (std::size_t i = 0; i < pop.size(); ++i)
        REQUIRE(pop.health.smoking[i] == static_cast<std::uint8_t>(Smoking::Never));
    // Control: with smokers, the smoking relative risks do change the tables.
    Simulation c(test::project_data(), scenario, small());
    const auto rr_one = with_health(smoking_rr_one);
    Simulation d(*rr_one, scenario, small());
    test::run_to_end(c);
    test::run_to_end(d);
    CHECK(yearly_of(c) != yearly_of(d));
}

TEST_CASE("health: population accounting holds with the health model, interventions and migration") {
    auto s = test::baseline({"end_year=2023"});
    const std::string text = R"({"name": "acc", "extends": "baseline.json", "end_year": 2023, "interventions": [
        {"id": "live", "name": "live", "who": {"age_min": 60}, "when": {"start_year": 2021},
         "reach": {"coverage": 0.5, "uptake": 1}, "effects": [{"target": "death", "relative_risk": 0.7, "duration_years": 5}]}]})";
    s = parse_scenario(text, std::string(HHU_SOURCE_DIR) + "/scenarios/acc.json");
    Simulation sim(test::project_data(), s, small());
    REQUIRE(sim.health() != nullptr);
    std::int64_t before = 0;
    {
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i) before += p.status[i] == static_cast<std::uint8_t>(Status::Present);
    }
    while (!sim.finished()) {
        const int y = sim.current_year() - kFirstYear;
        sim.step();
        if (sim.current_step() % kMonthsPerYear != 0) continue;
        const auto& c = sim.results().years[y];
        std::int64_t births = 0, deaths = 0, in = 0, out = 0;
        for (int z = 0; z < sim.data().num_zones(); ++z)
            for (int cell = 0; cell < kCellsPerZone; ++cell) {
                births += c.count(Counter::Births, z, cell);
                deaths += c.count(Counter::Deaths, z, cell);
                in += c.count(Counter::Immigration, z, cell);
                out += c.count(Counter::Emigration, z, cell);
            }
        std::int64_t after = 0;
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i) after += p.status[i] == static_cast<std::uint8_t>(Status::Present);
        CHECK(after == before + births - deaths + in - out);
        before = after;
    }
}

namespace {

// No modelled mediator of education: every risk-factor and condition relative risk set to 1.
void no_mediators(HealthData& h) {
    for (auto& by_outcome : h.rr)
        for (int x = 0; x < kNumExposures; ++x)
            if (x != static_cast<int>(Exposure::EducationLow) && x != static_cast<int>(Exposure::EducationMiddle))
                by_outcome[x] = 1.0;
}

}  // namespace

TEST_CASE("health: education acts directly only with the part its mediators do not carry") {
    const auto& published = *test::project_data().health;
    auto total = [&](const HealthData& h, int o, int e) {
        return h.rr[o][static_cast<int>(e == 0 ? Exposure::EducationLow : Exposure::EducationMiddle)];
    };
    SUBCASE("with the published mediators: at least 1, at most the total, and below it where mediators exist") {
        Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), small());
        const HealthModel* model = sim.health();
        REQUIRE(model != nullptr);
        for (int o = 0; o < kNumConditions; ++o)
            for (int e = 0; e < 2; ++e) {
                CAPTURE(o);
                CAPTURE(e);
                const std::string what = std::string(kOutcomeNames[o]) + (e == 0 ? " low" : " middle");
                MESSAGE(what << ": total " << total(published, o, e) << ", direct " << model->direct_education_rr(o, e));
                CHECK(model->direct_education_rr(o, e) >= 1.0);
                CHECK(model->direct_education_rr(o, e) <= total(published, o, e) + 1e-12);
            }
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < 2; ++e) {
                    CAPTURE(s);
                    CAPTURE(g);
                    CAPTURE(e);
                    CHECK(model->direct_death_education_rr(s, g, e) >= 1.0);
                    CHECK(model->direct_death_education_rr(s, g, e) <= published.education_death[s][g][e] + 1e-12);
                }
        // Smoking, the mediator of COPD and of death, is more common with less education: the direct part
        // is strictly smaller than the total (death: men 60-64, where smokers and the conditions are many).
        CHECK(model->direct_education_rr(condition_index("copd"), 0) < total(published, condition_index("copd"), 0));
        const int male = 0, g60 = age_group_of(60);
        CHECK(model->direct_death_education_rr(male, g60, 0) < published.education_death[male][g60][0]);
    }
    SUBCASE("without mediators the direct effect is the total, by sex and age group on death") {
        const auto data = with_health(no_mediators);
        Simulation sim(*data, test::baseline({"end_year=2021"}), small());
        const HealthModel* model = sim.health();
        REQUIRE(model != nullptr);
        for (int o = 0; o < kNumConditions; ++o)
            for (int e = 0; e < 2; ++e) CHECK(model->direct_education_rr(o, e) == doctest::Approx(total(*data->health, o, e)));
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < 2; ++e)
                    CHECK(model->direct_death_education_rr(s, g, e) == doctest::Approx(data->health->education_death[s][g][e]));
    }
}

TEST_CASE("health: the model's education gradient of death is the total of education_death.csv in every group") {
    // On the residents of 1 January 2021, in each sex and age group, the mean relative risk of death of the low
    // (middle) educated over that of the highly educated, mediators and direct part together, is the total of
    // the file wherever the direct part is strictly between its floor of 1 and its ceiling, the total: the
    // gradient declines with age as the file does.
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), small());
    const HealthModel* model = sim.health();
    REQUIRE(model != nullptr);
    const auto& pop = sim.population();
    const int death = static_cast<int>(Outcome::Death);
    BySexGroupEdu<double> sum{}, n{};
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int age = age_in_years(0, pop.birth_step[i]);
        const int s = pop.sex[i], g = age_group_of(age), e = pop.education[i];
        sum[s][g][e] += model->relative_risk(death, pop, i, age);
        n[s][g][e] += 1;
    }
    const auto& totals = sim.data().health->education_death;
    int compared = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = age_group_of(30); g < kNumAgeGroups; ++g)
            for (int e = 0; e < 2; ++e) {
                const double direct = model->direct_death_education_rr(s, g, e);
                if (n[s][g][e] == 0 || n[s][g][2] == 0 || direct <= 1.0 || direct >= totals[s][g][e]) continue;
                CAPTURE(s);
                CAPTURE(g);
                CAPTURE(e);
                const double ratio = (sum[s][g][e] / n[s][g][e]) / (sum[s][g][2] / n[s][g][2]);
                CHECK(ratio == doctest::Approx(totals[s][g][e]).epsilon(1e-9));
                ++compared;
            }
    CHECK(compared > 20);
}

namespace {

// Education's rows on death set to 1, so a resident's relative risk of death is that of the risk factors and
// conditions alone, the product the conditional relative risks are fitted on.
void no_education_on_death(HealthData& h) {
    for (auto& by_sex : h.education_death)
        for (auto& by_group : by_sex) by_group = {1.0, 1.0};
}

// In each sex and age group the mean relative risk of the exposed over that of the unexposed, averaged with the
// exposed's weights (a group without both, or without weight, left out).
double exposed_over_unexposed(const BySexGroup<std::array<double, 2>>& sum, const BySexGroup<std::array<double, 2>>& n,
                              const BySexGroup<double>& weight) {
    double weighted = 0, weights = 0;
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) {
            if (n[s][g][0] == 0 || n[s][g][1] == 0 || weight[s][g] == 0) continue;
            weighted += weight[s][g] * (sum[s][g][1] / n[s][g][1]) / (sum[s][g][0] / n[s][g][0]);
            weights += weight[s][g];
        }
    return weighted / weights;
}

// The association of an exposure with an outcome the model produces on its residents: in each sex and age group the
// mean relative risk of the exposed over that of the unexposed, averaged with the exposed's weights: weight_of(i, sex,
// group, age), negative for a resident not at risk (left out).
template <typename Weight>
double association(const Simulation& sim, Outcome outcome, int x, Weight weight_of) {
    const auto& pop = sim.population();
    const HealthModel* model = sim.health();
    BySexGroup<std::array<double, 2>> sum{}, n{};
    BySexGroup<double> weight{};
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int age = age_in_years(0, pop.birth_step[i]);
        const int s = pop.sex[i], g = age_group_of(age);
        const double w = weight_of(i, s, g, age);
        if (w < 0) continue;
        const bool exposed = x < kNumConditions ? (pop.health.conditions[i] & condition_bit(x)) != 0
                                                : (pop.health.flags[i] & health_flag::Frail) != 0;
        sum[s][g][exposed] += model->relative_risk(static_cast<int>(outcome), pop, i, age);
        n[s][g][exposed] += 1;
        if (exposed) weight[s][g] += w;
    }
    return exposed_over_unexposed(sum, n, weight);
}

// With death: every resident, weighted by the expected deaths of the exposed (2021 life table).
double model_association(const Simulation& sim, int x) {
    return association(sim, Outcome::Death, x,
                       [&](std::size_t, int s, int, int age) { return sim.data().mortality[0][s][age]; });
}

Exposure death_exposure(int x) { return x < kNumConditions ? condition_exposure(x) : Exposure::Frail; }

// With admission to a nursing home: the residents not in one, weighted by the exposed's expected admissions (the
// rate by sex and age group, calibrated).
double nursing_home_association(const Simulation& sim, int x) {
    const auto& pop = sim.population();
    const auto& h = *sim.data().health;
    return association(sim, Outcome::NursingHome, x, [&](std::size_t i, int s, int g, int) {
        return (pop.health.flags[i] & health_flag::NursingHome) != 0
                   ? -1.0
                   : h.nursing_home_rate[s][g] * h.nursing_home_calibration[s][g];
    });
}

}  // namespace

TEST_CASE("health: dementia's and frailty's relative risks of nursing-home admission reproduce their published associations") {
    const int nh = static_cast<int>(Outcome::NursingHome);
    const auto& data = test::project_data();
    Simulation sim(data, test::baseline({"end_year=2021"}), small());
    const HealthModel* model = sim.health();
    REQUIRE(model != nullptr);
    for (const int x : {condition_index("dementia"), kNumConditions}) {
        const double published = data.health->rr[nh][static_cast<int>(death_exposure(x))];
        const double conditional = model->conditional_rr(Outcome::NursingHome, death_exposure(x));
        CAPTURE(x);
        MESSAGE("exposure " << x << ": published " << published << ", conditional " << conditional);
        // The model's other relative risks of admission come with them (stroke with dementia, ...): each one's own
        // share is below its association.
        CHECK(conditional >= 1.0);
        CHECK(conditional < published - 0.05);
        CHECK(nursing_home_association(sim, x) == doctest::Approx(published).epsilon(1e-4));
    }
    // A condition not adjusted keeps its published relative risk.
    const Exposure stroke = condition_exposure(condition_index("stroke"));
    CHECK(model->conditional_rr(Outcome::NursingHome, stroke) == data.health->rr[nh][static_cast<int>(stroke)]);
    // Death's conditional relative risks do not depend on those of admission.
    const auto flat = with_health([&](HealthData& h) {
        h.rr[nh][static_cast<int>(Exposure::Frail)] = 1.0;
        h.rr[nh][static_cast<int>(condition_exposure(condition_index("dementia")))] = 1.0;
    });
    Simulation without(*flat, test::baseline({"end_year=2021"}), small());
    for (int x = 0; x <= kNumConditions; ++x)
        CHECK(without.health()->conditional_death_rr(death_exposure(x)) == model->conditional_death_rr(death_exposure(x)));
}

TEST_CASE("health: the conditions' and frailty's relative risks of death reproduce their published associations") {
    const int death = static_cast<int>(Outcome::Death);
    SUBCASE("together: each conditional risk is at most the published one, and the model's association is it") {
        const auto data = with_health(no_education_on_death);
        Simulation sim(*data, test::baseline({"end_year=2021"}), small());
        const HealthModel* model = sim.health();
        REQUIRE(model != nullptr);
        bool any_lower = false;
        int associations_checked = 0;
        for (int x = 0; x <= kNumConditions; ++x) {
            const double published = data->health->rr[death][static_cast<int>(death_exposure(x))];
            const double conditional = model->conditional_death_rr(death_exposure(x));
            CAPTURE(x);
            MESSAGE("exposure " << x << ": published " << published << ", conditional " << conditional);
            CHECK(conditional >= 1.0);
            CHECK(conditional <= published + 1e-12);
            if (conditional > 1.0) {
                CHECK(model_association(sim, x) == doctest::Approx(published).epsilon(1e-4));
                ++associations_checked;
            }
            any_lower = any_lower || conditional < published - 0.05;
        }
        // Diabetes comes with CHD, stroke and dementia: its own share of the deaths is smaller than its association.
        CHECK(any_lower);
        CHECK(associations_checked >= kNumConditions / 2);  // most conditions raise the risk of death: checked above
        CHECK(model->conditional_death_rr(condition_exposure(condition_index("diabetes"))) <
              data->health->rr[death][static_cast<int>(condition_exposure(condition_index("diabetes")))]);
    }
    SUBCASE("alone: with no other relative risk of death, the conditional risk is the published one") {
        const int dementia = condition_index("dementia");
        const auto data = with_health([&](HealthData& h) {
            for (int x = 0; x < kNumExposures; ++x)
                if (x != static_cast<int>(condition_exposure(dementia))) h.rr[death][x] = 1.0;
        });
        Simulation sim(*data, test::baseline({"end_year=2021"}), small());
        const HealthModel* model = sim.health();
        REQUIRE(model != nullptr);
        CHECK(model->conditional_death_rr(condition_exposure(dementia)) ==
              doctest::Approx(data->health->rr[death][static_cast<int>(condition_exposure(dementia))]).epsilon(1e-9));
        CHECK(model->conditional_death_rr(Exposure::Frail) == 1.0);
    }
}
