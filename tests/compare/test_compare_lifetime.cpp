// hhu compare over the lifetime horizon: runs of the model with their lifetime tails (hhu run --lifetime).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "sim/compare/compare.hpp"
#include "sim/output/run_output.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/lifetime_tail.hpp"
#include "../support.hpp"

using namespace hhu;
namespace fs = std::filesystem;

namespace {

// The scenarios of these tests end in 2023.
Scenario with_interventions(const std::string& interventions) { return test::with_interventions(interventions, 2023); }

// A run directory as `hhu run --lifetime` writes it.
void write_run(const Scenario& s, const fs::path& dir) {
    RunOptions o;
    o.scale = 0.02;
    o.threads = 2;
    o.seed = 20210101;
    Simulation sim(test::project_data(), s, o);
    test::run_to_end(sim);
    RunProvenance run;
    run.seed = o.seed;
    run.threads = o.threads;
    run.scale = o.scale;
    write_run_directory(dir, false, s, test::project_data(), Indicators(sim.data(), sim.results()), run,
                        {{"lifetime.csv", lifetime_csv(lifetime_tail(sim, 2), test::project_data())}});
}

const ComparisonRow& row_of(const Comparison& c, const std::string& measure) {
    for (const auto& r : c.rows)
        if (r.measure == measure) return r;
    FAIL("no row " << measure);
    return c.rows.front();
}

}  // namespace

TEST_CASE("compare lifetime: a scenario with no effect differs by zero on every measure and horizon") {
    test::TempDir tmp("compare_lifetime");
    write_run(test::baseline({"end_year=2023"}), tmp.path / "base");
    write_run(with_interventions(R"([
        {"id": "zero", "name": "zero", "who": {"age_min": 65},
         "when": {"start_year": 2021, "end_year": 2023}, "reach": {"coverage": 0, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}],
         "cost": {"per_participant_eur": 1000, "price_year": 2023}}])"),
              tmp.path / "none");
    const Comparison c = compare_runs(tmp.path / "base", tmp.path / "none");
    REQUIRE(c.lifetime);
    int lifetime_values = 0;
    for (const auto& row : c.rows)
        for (int k = 0; k < kNumPeriods; ++k) {
            if (!reported(c, row, k) || !row.values[k]) continue;
            const double v = row.values[k]->mean;
            if (!std::isfinite(v)) continue;
            CHECK_MESSAGE(v == 0, row.measure << " " << c.periods[k] << ": " << v);
            lifetime_values += is_lifetime(k);
        }
    // QALYs, healthy years, care hours (5), care costs, intervention costs, net benefit (3), by education (3).
    CHECK(lifetime_values >= 2 * 15);
    // Cost per QALY: no QALYs gained, no cost.
    CHECK(row_of(c, "cost_per_qaly_gained").status == "undefined");

    SUBCASE("and a scenario with an effect gains QALYs after the run too") {
        write_run(with_interventions(R"([
            {"id": "some", "name": "some", "who": {"age_min": 65},
             "when": {"start_year": 2021, "end_year": 2023}, "reach": {"coverage": 0.3, "uptake": 1},
             "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}]}])"),
                  tmp.path / "some");
        const Comparison s = compare_runs(tmp.path / "base", tmp.path / "some");
        const auto& q = row_of(s, "qalys_gained");
        const double run = q.values[static_cast<int>(PeriodKind::Cumulated)]->mean;
        const double life = q.values[static_cast<int>(PeriodKind::Lifetime)]->mean;
        const double life_disc = q.values[static_cast<int>(PeriodKind::LifetimeDiscounted)]->mean;
        CHECK(run > 0);
        CHECK(life > run);  // the survivors live on
        CHECK(life_disc < life);
        CHECK(life_disc > 0);
    }
}
