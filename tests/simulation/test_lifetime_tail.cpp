// The lifetime tail (sim/simulation/lifetime_tail): the residents alive at the end followed to death.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/simulation/lifetime_tail.hpp"
#include "../support.hpp"

using namespace hhu;

namespace {

RunOptions small(int threads = 2) {
    RunOptions o;
    o.scale = 0.02;
    o.threads = threads;
    o.seed = 20210101;
    return o;
}

// The scenarios of these tests end in 2023.
Scenario with_interventions(const std::string& interventions) { return test::with_interventions(interventions, 2023); }

struct Ran {
    LifetimeTail tail;
    std::string csv;
    double end_population = 0;
};

Ran run(const Scenario& s, int threads = 2) {
    Simulation sim(test::project_data(), s, small(threads));
    test::run_to_end(sim);
    Ran r;
    r.tail = lifetime_tail(sim, threads);
    r.csv = lifetime_csv(r.tail, test::project_data());
    const Indicators ind(sim.data(), sim.results());
    r.end_population = ind.end_population(static_cast<int>(ind.units().size()) - 1);
    return r;
}

double province_total(const LifetimeTail& t, int indicator) {
    double s = 0;
    for (std::size_t k = indicator; k < t.values.size(); k += kNumTailIndicators) s += t.values[k];
    return s;
}

}  // namespace

TEST_CASE("lifetime tail: a scenario with no effect has the baseline's tail to the last digit and one with an effect does not") {
    const Ran base = run(test::baseline({"end_year=2023"}));
    REQUIRE(base.csv.size() > 10000);
    // The survivors' expected remaining life: about 40 years each on average (a population of all ages).
    const double per_survivor = province_total(base.tail, 0) / base.end_population;
    CHECK(per_survivor > 30);
    CHECK(per_survivor < 60);
    // QALYs are fewer than life years, and positive.
    CHECK(province_total(base.tail, 1) > 0.5 * province_total(base.tail, 0));
    CHECK(province_total(base.tail, 1) < province_total(base.tail, 0));
    const Ran none = run(with_interventions(R"([
        {"id": "zero", "name": "zero", "who": {"age_min": 65},
         "when": {"start_year": 2021, "end_year": 2023}, "reach": {"coverage": 0, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}],
         "cost": {"per_participant_eur": 1000, "price_year": 2023}}])"));
    CHECK(none.csv == base.csv);
    const Ran some = run(with_interventions(R"([
        {"id": "some", "name": "some", "who": {"age_min": 65},
         "when": {"start_year": 2021, "end_year": 2023}, "reach": {"coverage": 0.3, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}]}])"));
    CHECK(some.csv != base.csv);
    // Fewer deaths among the old: more survivors, so more expected life-years after the run.
    CHECK(province_total(some.tail, 0) > province_total(base.tail, 0));
}

TEST_CASE("lifetime tail: the same at any thread count") {
    const Scenario s = test::baseline({"end_year=2022"});
    CHECK(run(s, 1).csv == run(s, 2).csv);
}
