// The policy-free migration of a baseline, stored and handed to a scenario instead of stepping a twin:
// the same bytes, exact numbers through the file, and a plan of another seed, scale or settings refused.
#include <doctest/doctest.h>

#include <string>

#include "../support.hpp"
#include "sim/core/error.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/output/run_output.hpp"

using namespace hhu;

namespace {

// A programme that acts on health (deaths of residents aged 70 and over), so the scenario follows a twin.
Scenario programme(const std::vector<std::string>& overrides = {}) {
    const std::string text = R"({"name": "plan_test", "extends": "baseline.json", "interventions": [
        {"id": "p", "name": "p", "who": {"age_min": 70}, "when": {"start_year": 2021, "end_year": 2022},
         "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}]}]})";
    const Scenario s = parse_scenario(text, std::string(HHU_SOURCE_DIR) + "/scenarios/plan_test.json");
    std::vector<std::string> all = {"end_year=2022"};
    all.insert(all.end(), overrides.begin(), overrides.end());
    return with_overrides(s, all);
}

RunOptions options(double scale, std::uint64_t seed, int threads = 2) {
    RunOptions o;
    o.scale = scale;
    o.seed = seed;
    o.threads = threads;
    return o;
}

std::string yearly_of(const Simulation& sim) { return yearly_csv(Indicators(sim.data(), sim.results())); }

}  // namespace

TEST_CASE("migration plan: a baseline's stored plan gives the scenario the bytes of a policy-free twin") {
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2022"}), options(0.02, 5));
    test::run_to_end(base);
    REQUIRE(base.follows_policy_free_migration());
    test::TempDir dir("migration_plan");
    const auto file = dir.path / kMigrationPlanFile;
    write_file_atomic(file, migration_plan_json(base.migration_plan()));
    const MigrationPlan read = read_migration_plan(file);
    // Every number exactly as the baseline had it.
    CHECK(read.key == base.migration_plan().key);
    CHECK(read.arrivals == base.migration_plan().arrivals);
    CHECK(read.arrival_shares == base.migration_plan().arrival_shares);
    CHECK(read.out_multiplier == base.migration_plan().out_multiplier);

    const Scenario s = programme();
    REQUIRE(follows_policy_free_twin(data, s));
    Simulation twin(data, s, options(0.02, 5, 1));
    RunOptions given = options(0.02, 5, 2);
    given.migration_plan = std::make_shared<const MigrationPlan>(find_migration_plan(dir.path, twin.migration_plan().key));
    Simulation handed(data, s, given);
    test::run_to_end(twin);
    test::run_to_end(handed);
    CHECK(yearly_of(twin) == yearly_of(handed));
    // The scenario that followed a twin has the policy-free plan too (it can hand it on).
    CHECK(twin.follows_policy_free_migration());
    CHECK(twin.migration_plan().arrivals == base.migration_plan().arrivals);
    CHECK(twin.migration_plan().out_multiplier == base.migration_plan().out_multiplier);
}

TEST_CASE("migration plan: another seed, scale, settings or build is refused, never used") {
    const auto& data = test::project_data();
    const Scenario s = programme();
    const MigrationPlanKey key = migration_plan_key(s, data, 5, 0.02);
    // The key is the policy-free province's: the programmes and the name do not enter it.
    CHECK(migration_plan_key(test::baseline({"end_year=2030"}), data, 5, 0.02) == key);
    CHECK(migration_plan_key(programme({"name=other"}), data, 5, 0.02) == key);
    // Nor do its words: a baseline's stored plan (migration_plan.json) is the same with or without titles.
    CHECK(migration_plan_key(programme({"title=Other words", "title_nl=Andere woorden", "description_nl=Anders."}), data,
                             5, 0.02) == key);

    MigrationPlan plan;
    plan.key = key;
    plan.key.seed = 6;
    RunOptions o = options(0.02, 5);
    o.migration_plan = std::make_shared<const MigrationPlan>(plan);
    CHECK_THROWS_WITH_AS(Simulation(data, s, o), doctest::Contains("its seed is 6, this run's is 5"), InputError);
    plan.key = migration_plan_key(s, data, 5, 0.05);
    o.migration_plan = std::make_shared<const MigrationPlan>(plan);
    CHECK_THROWS_WITH_AS(Simulation(data, s, o), doctest::Contains("its scale is 0.05, this run's is 0.02"), InputError);
    plan.key = migration_plan_key(programme({"demography.mortality_scale=0.9"}), data, 5, 0.02);
    o.migration_plan = std::make_shared<const MigrationPlan>(plan);
    CHECK_THROWS_WITH_AS(Simulation(data, s, o), doctest::Contains("settings differ"), InputError);
    plan.key = key;
    plan.key.hhu_version = "another build";
    o.migration_plan = std::make_shared<const MigrationPlan>(plan);
    CHECK_THROWS_WITH_AS(Simulation(data, s, o), doctest::Contains("written by hhu another build"), InputError);
    plan.key = key;
    plan.key.data_sha256 = "0";
    o.migration_plan = std::make_shared<const MigrationPlan>(plan);
    CHECK_THROWS_WITH_AS(Simulation(data, s, o), doctest::Contains("other data files"), InputError);

    // A folder without a plan of this key says what each plan there is.
    test::TempDir dir("migration_plan_refused");
    CHECK_THROWS_WITH_AS(find_migration_plan(dir.path, key), doctest::Contains("holds no migration_plan.json"),
                         InputError);
    plan.key = key;
    plan.key.seed = 6;
    write_file_atomic(dir.path / "replicates" / "001" / kMigrationPlanFile, migration_plan_json(plan));
    CHECK_THROWS_WITH_AS(find_migration_plan(dir.path, key), doctest::Contains("001/migration_plan.json: its seed is 6"),
                         InputError);
    write_file_atomic(dir.path / kMigrationPlanFile, "{\"key\": {\"seed\": \"five\"}}");
    CHECK_THROWS_WITH_AS(read_migration_plan(dir.path / kMigrationPlanFile), doctest::Contains("/key/hhu_version"),
                         InputError);
}
