// The policy-free migration of a baseline, stored and handed to a scenario instead of stepping a twin:
// the same bytes, exact numbers through the file, and a plan of another seed, scale or settings refused.
// The plan carries the baseline's wellbeing calibration too: a scenario of its key would fit the same bits
// (checked here on scenarios whose programmes act from the first month, and under a parameter draw), takes
// them instead of fitting, and writes the bytes of its own fit; a plan without one (written before it was
// kept) is fitted as before.
#include <doctest/doctest.h>

#include <array>
#include <bit>
#include <string>

#include <nlohmann/json.hpp>

#include "../support.hpp"
#include "sim/core/error.hpp"
#include "sim/inputs/inputs.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/io/gzip.hpp"
#include "sim/output/run_output.hpp"
#include "sim/uncertainty/parameter_uncertainty.hpp"

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

// Programmes that act from the first month on what the wellbeing fit reads or could be thought to: the living
// environment of half the zones (distress and loneliness through the health model), the end of severe
// loneliness, and deaths of the old. None may change the fit, which is made before any of them acts.
Scenario first_month_programmes() {
    const std::string text = R"({"name": "fit_test", "extends": "baseline.json", "interventions": [
        {"id": "green", "name": "green", "who": {"zones": ["WK034406", "WK034401", "WK034402", "WK034408"]},
         "when": {"start_year": 2021, "end_year": 2022}, "effects": [],
         "environment": {"green_m2_per_dwelling": 40, "active_mobility_index": 0.2}},
        {"id": "lonely", "name": "lonely", "who": {"age_min": 18, "risk_factors": ["lonely_severe"]},
         "when": {"start_year": 2021, "end_year": 2022}, "reach": {"coverage": 1, "uptake": 1},
         "effects": [{"kind": "attribute", "target": "end_loneliness", "probability": 1, "duration_years": 2}]},
        {"id": "p", "name": "p", "who": {"age_min": 70}, "when": {"start_year": 2021, "end_year": 2022},
         "reach": {"coverage": 0.9, "uptake": 1},
         "effects": [{"target": "death", "relative_risk": 0.5, "duration_years": 2}]}]})";
    return with_overrides(parse_scenario(text, std::string(HHU_SOURCE_DIR) + "/scenarios/fit_test.json"),
                          {"end_year=2021"});
}

// Whether two calibrations hold the same bits (== would take -0 for 0).
bool same_bits(const WellbeingCalibration& a, const WellbeingCalibration& b) {
    auto same = [](double x, double y) { return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(y); };
    bool all = same(a.sigma, b.sigma) && same(a.happy_offset, b.happy_offset);
    for (std::size_t k = 0; k < a.band.size(); ++k) all = all && same(a.band[k], b.band[k]);
    for (std::size_t k = 0; k < a.sex.size(); ++k) all = all && same(a.sex[k], b.sex[k]);
    for (std::size_t k = 0; k < a.education.size(); ++k) all = all && same(a.education[k], b.education[k]);
    return all;
}

// The wellbeing calibration of a run of `scenario` that fits it itself (no twin, no plan): its first month.
WellbeingCalibration own_fit(const ModelData& data, const Scenario& scenario, double scale, std::uint64_t seed) {
    RunOptions o = options(scale, seed);
    o.baseline_migration = false;
    Simulation sim(data, scenario, o);
    sim.step();
    REQUIRE(sim.wellbeing() != nullptr);
    REQUIRE(sim.wellbeing()->calibrated());
    return sim.wellbeing()->calibration();
}

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
    REQUIRE(base.migration_plan().wellbeing);
    REQUIRE(read.wellbeing);
    CHECK(same_bits(*read.wellbeing, *base.migration_plan().wellbeing));
    CHECK(same_bits(*read.wellbeing, base.wellbeing()->calibration()));

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
    // And the baseline's fit, taken from its twin or from the plan.
    CHECK(same_bits(twin.wellbeing()->calibration(), *base.migration_plan().wellbeing));
    CHECK(same_bits(handed.wellbeing()->calibration(), *base.migration_plan().wellbeing));
}

TEST_CASE("migration plan: the wellbeing fit is a function of the plan's key, whatever the programmes or the draw") {
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2021"}), options(0.01, 11));
    base.step();
    REQUIRE(base.migration_plan().wellbeing);
    const WellbeingCalibration& fitted = *base.migration_plan().wellbeing;
    const Scenario s = first_month_programmes();
    REQUIRE(migration_plan_key(s, data, 11, 0.01) == base.migration_plan().key);
    CHECK(same_bits(own_fit(data, s, 0.01, 11), fitted));
    // A fit is the residents': another seed fits other bits (so the comparisons above can fail).
    CHECK_FALSE(same_bits(own_fit(data, test::baseline({"end_year=2021"}), 0.01, 12), fitted));

    // Under a parameter draw (its own key): the scenario's programmes drawn, its fit the draw's baseline's.
    const ModelData drawn = load_model_data(data, 2, 1);
    const Scenario s2 = with_parameter_draw(s, drawn);
    REQUIRE(migration_plan_key(s2, drawn, 11, 0.01) != base.migration_plan().key);
    CHECK(same_bits(own_fit(drawn, s2, 0.01, 11), own_fit(drawn, test::baseline({"end_year=2021"}), 0.01, 11)));
}

TEST_CASE("migration plan: the handed fit gives the bytes of the scenario's own, and is the one used") {
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2022"}), options(0.01, 3));
    test::run_to_end(base);
    REQUIRE(base.migration_plan().wellbeing);
    const Scenario s = first_month_programmes();
    const Scenario s2022 = with_overrides(s, {"end_year=2022"});
    MigrationPlan without_fit = base.migration_plan();  // as a plan written before the fit was kept
    without_fit.wellbeing.reset();
    std::string own;
    for (const int threads : {1, 2}) {
        CAPTURE(threads);
        RunOptions fits = options(0.01, 3, threads), takes = fits;
        fits.migration_plan = std::make_shared<const MigrationPlan>(without_fit);
        takes.migration_plan = std::make_shared<const MigrationPlan>(base.migration_plan());
        Simulation fitting(data, s2022, fits), taking(data, s2022, takes);
        test::run_to_end(fitting);
        test::run_to_end(taking);
        if (own.empty()) own = yearly_of(fitting);
        CHECK(yearly_of(fitting) == own);
        CHECK(yearly_of(taking) == own);
        // The scenario's plan (it can hand it on) holds the fit either way.
        REQUIRE(taking.migration_plan().wellbeing);
        CHECK(migration_plan_json(taking.migration_plan()) == migration_plan_json(fitting.migration_plan()));
    }
    // The fit in the plan is what the scenario uses: another one changes its life satisfaction.
    MigrationPlan other = base.migration_plan();
    other.wellbeing->sigma *= 1.25;
    RunOptions o = options(0.01, 3);
    o.migration_plan = std::make_shared<const MigrationPlan>(other);
    Simulation altered(data, s2022, o);
    test::run_to_end(altered);
    CHECK(altered.wellbeing()->calibration().sigma == other.wellbeing->sigma);
    CHECK(test::province(yearly_of(altered), 2022, "wellbys") != test::province(own, 2022, "wellbys"));
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

TEST_CASE("migration plan: a plan with a fit but another key is refused, and a fit that is no fit names its JSON path") {
    const auto& data = test::project_data();
    const Scenario s = programme();
    MigrationPlan plan;
    plan.key = migration_plan_key(s, data, 5, 0.02);
    plan.key.seed = 6;
    plan.wellbeing = WellbeingCalibration{};
    RunOptions o = options(0.02, 5);
    o.migration_plan = std::make_shared<const MigrationPlan>(plan);
    CHECK_THROWS_WITH_AS(Simulation(data, s, o), doctest::Contains("its seed is 6, this run's is 5"), InputError);

    plan.key.seed = 5;
    plan.wellbeing->band.fill(7.5);
    plan.wellbeing->sigma = 1.75;
    test::TempDir dir("migration_plan_fit");
    const auto file = dir.path / kMigrationPlanFile;
    const std::string good = migration_plan_json(plan);
    write_file_atomic(file, good);
    REQUIRE(read_migration_plan(file).wellbeing);
    CHECK(*read_migration_plan(file).wellbeing == *plan.wellbeing);
    // A plan written before the fit was kept has none: no error, the scenario fits.
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        write_file_atomic(file, text.replace(at, from.size(), to));
    };
    const std::string fit_start = ",\"wellbeing_calibration\":";
    edited(good.substr(good.find(fit_start), good.rfind('}') - good.find(fit_start)), "");
    CHECK_FALSE(read_migration_plan(file).wellbeing);
    // Bad values: (text replaced, by, the error's JSON path and expectation).
    const std::array<std::array<std::string, 3>, 4> bad = {{
        {"\"sigma\":1.75", "\"sigma\":-1.0", "/wellbeing_calibration/sigma: expected a spread"},
        {"\"sigma\":1.75", "\"sigma\":\"wide\"", "/wellbeing_calibration/sigma: expected a finite"},
        {"\"band\":[7.5,", "\"band\":[", "/wellbeing_calibration/band: expected an array of 7"},
        {",\"happy_offset\":0.0", "", "/wellbeing_calibration/happy_offset: missing"},
    }};
    for (const auto& [from, to, message] : bad) {
        edited(from, to);
        CHECK_THROWS_WITH_AS(read_migration_plan(file), doctest::Contains(message.c_str()), InputError);
    }
}

TEST_CASE("migration plan: a plan short of a year, or with destinations of another shape, is refused at that year") {
    // A run that takes a handed plan no longer aligns its own migration (Simulation::align_migration): the plan's
    // shapes are checked against the province's zones instead of against the run's own alignment.
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2022"}), options(0.02, 5));
    test::run_to_end(base);
    const Scenario s = programme();
    auto run_with = [&](const MigrationPlan& plan) {
        RunOptions given = options(0.02, 5, 2);
        given.migration_plan = std::make_shared<const MigrationPlan>(plan);
        Simulation handed(data, s, given);
        test::run_to_end(handed);
    };
    CHECK_NOTHROW(run_with(base.migration_plan()));
    MigrationPlan short_plan = base.migration_plan();
    short_plan.arrivals.pop_back();
    CHECK_THROWS_WITH_AS(run_with(short_plan), doctest::Contains("ends in 2021, the scenario in 2022"), InputError);
    MigrationPlan misshapen = base.migration_plan();
    misshapen.destination_p[0][3].pop_back();
    CHECK_THROWS_WITH_AS(run_with(misshapen), doctest::Contains("its year 2021 is not of this province's shape"), InputError);
    misshapen = base.migration_plan();
    misshapen.destination_p[1].pop_back();
    CHECK_THROWS_WITH_AS(run_with(misshapen), doctest::Contains("its year 2022 is not of this province's shape"), InputError);
    misshapen = base.migration_plan();
    misshapen.arrivals[1].resize(10);
    CHECK_THROWS_WITH_AS(run_with(misshapen), doctest::Contains("(arrivals of 10 zones"), InputError);
}

TEST_CASE("migration plan: a number no alignment sets is refused when read, naming its JSON path") {
    // A damaged or edited plan once crashed the run (a negative count of arrivals), exhausted its memory (billions of
    // them) or ran on silently with probabilities above 1.
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2022"}), options(0.02, 5));
    test::run_to_end(base);
    const std::filesystem::path file = "plan.json";  // named in the errors only
    auto refused = [&](auto edit, const char* message) {
        MigrationPlan plan = base.migration_plan();
        edit(plan);
        CAPTURE(message);
        CHECK_THROWS_WITH_AS(parse_migration_plan(migration_plan_json(plan), file), doctest::Contains(message), InputError);
    };
    CHECK_NOTHROW(parse_migration_plan(migration_plan_json(base.migration_plan()), file));
    refused([](MigrationPlan& p) { p.arrivals[0][0] = -51; }, "plan.json: /arrivals/0/0: -51 is not a count of arrivals");
    refused([](MigrationPlan& p) { p.arrivals[1][4] = 2000000000; }, "/arrivals/1/4: 2000000000 is not a count");
    refused([](MigrationPlan& p) { p.arrival_shares[0][7] = -3; }, "/arrival_shares/0/7: -3 is not a share from 0 to 1");
    refused([](MigrationPlan& p) { p.out_multiplier[1][2] = -0.5; }, "/out_multiplier/1/2: -0.5 is not a multiplier");
    refused([](MigrationPlan& p) { p.destination_p[0][3][1] = 5; }, "/destination_p/0/3/1: 5 is not a probability");
}

TEST_CASE("migration plan: a run with compressed tables writes its plan compressed, and it is found and read the same") {
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2021"}), options(0.02, 5));
    test::run_to_end(base);
    const RunFile plain = migration_plan_file(base.migration_plan(), false);
    const RunFile packed = migration_plan_file(base.migration_plan(), true);
    CHECK(plain.name == kMigrationPlanFile);
    CHECK(packed.name == kMigrationPlanFileGz);
    CHECK(gunzip(packed.contents, packed.name) == plain.contents);
    CHECK(packed.contents.size() * 4 < plain.contents.size());  // numbers as text: a tenth of the size in practice
    test::TempDir dir("migration_plan_gz");
    write_file_atomic(dir.path / packed.name, packed.contents);
    CHECK(plan_file_in(dir.path) == dir.path / kMigrationPlanFileGz);
    // Its key from the head of the compressed file, as from a plain one's.
    CHECK(holds_migration_plan(dir.path, base.migration_plan().key));
    MigrationPlanKey other = base.migration_plan().key;
    other.seed += 1;
    CHECK_FALSE(holds_migration_plan(dir.path, other));
    const MigrationPlan read = find_migration_plan(dir.path, base.migration_plan().key);
    CHECK(read.key == base.migration_plan().key);
    CHECK(read.arrival_shares == base.migration_plan().arrival_shares);
    CHECK(read.destination_p == base.migration_plan().destination_p);
    // A damaged file holds no plan, and reading it says which file.
    write_file_atomic(dir.path / packed.name, packed.contents.substr(0, packed.contents.size() / 2));
    CHECK_THROWS_WITH_AS(find_migration_plan(dir.path, base.migration_plan().key),
                         doctest::Contains(kMigrationPlanFileGz), InputError);
    write_file_atomic(dir.path / packed.name, "not gzip at all");
    CHECK_FALSE(holds_migration_plan(dir.path, base.migration_plan().key));
}

TEST_CASE("migration plan: its file is the bytes of nlohmann's dump, read directly or by the full parser alike") {
    const auto& data = test::project_data();
    Simulation base(data, test::baseline({"end_year=2022"}), options(0.02, 5));
    test::run_to_end(base);
    const MigrationPlan& plan = base.migration_plan();
    REQUIRE(plan.wellbeing);
    const std::string text = migration_plan_json(plan);
    // The tree the file was written from before its arrays were written directly: the same bytes.
    nlohmann::ordered_json tree = nlohmann::ordered_json::parse(text.substr(0, text.find(",\"arrivals\":")) + "}");
    tree["arrivals"] = plan.arrivals;
    tree["arrival_shares"] = plan.arrival_shares;
    tree["out_multiplier"] = plan.out_multiplier;
    tree["destination_p"] = plan.destination_p;
    const auto fit = text.find("{\"band\":");
    tree["wellbeing_calibration"] = nlohmann::ordered_json::parse(text.substr(fit, text.rfind('}') - fit));
    CHECK(text == tree.dump() + "\n");

    auto same_plan = [&](const MigrationPlan& read) {
        CHECK(read.key == plan.key);
        CHECK(read.arrivals == plan.arrivals);
        CHECK(read.arrival_shares == plan.arrival_shares);
        CHECK(read.out_multiplier == plan.out_multiplier);
        CHECK(read.destination_p == plan.destination_p);
        REQUIRE(read.wellbeing);
        CHECK(same_bits(*read.wellbeing, *plan.wellbeing));
    };
    const std::filesystem::path file = "plan.json";  // named in the errors only
    // As written; indented (whitespace between every token); its members in another order: each read directly.
    for (const std::string& variant : {text, tree.dump(1), nlohmann::json::parse(text).dump()}) {
        bool direct = false;
        same_plan(parse_migration_plan(variant, file, &direct));
        CHECK(direct);
    }
    // Text the direct reading leaves to the full parser, which reads it or names what is wrong and where.
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string out = text;
        const auto at = out.find(from);
        REQUIRE(at != std::string::npos);
        return out.replace(at, from.size(), to);
    };
    auto refused = [&](const std::string& bad, const char* message) {
        CAPTURE(message);
        bool direct = true;
        CHECK_THROWS_WITH_AS(parse_migration_plan(bad, file, &direct), doctest::Contains(message), InputError);
        CHECK_FALSE(direct);
    };
    refused(edited("\"arrival_shares\":[[", "\"arrival_shares\":[[\"a share\","), "/arrival_shares: missing or of the wrong type");
    refused(edited("\"arrivals\":[[", "\"arrivals\":[[2.5,"), "/arrivals/0/0: expected a whole number of residents, found 2.5");
    refused(edited("\"arrivals\":[[", "\"arrivals\":[[true,"), "/arrivals/0/0: expected a whole number of residents, found true");
    refused(edited("\"arrivals\":[[", "\"arrivals\":[[9223372036854775808,"), "/arrivals/0/0: expected a whole number");
    refused(edited(",\"destination_p\":", ",\"destination\":"), "/destination_p: missing");
    // Not JSON at the top level: a member without its comma, a comma before the end, text after it, a broken name.
    refused(edited("\"key\":{", "\"key\":{,"), "not a JSON object");
    refused(edited(",\"arrivals\":", " \"arrivals\":"), "not a JSON object");
    refused(text.substr(0, text.rfind('}')) + ",}", "not a JSON object");
    refused(text + "x", "not a JSON object");
    // A member twice (the full parser keeps the last, as before), and a name spelled with an escape: read in full.
    for (const std::string& full : {edited(",\"arrivals\":", ",\"arrivals\":[[1]],\"arrivals\":"),
                                    edited("\"arrivals\":", "\"arr\\u0069vals\":")}) {
        bool direct = true;
        same_plan(parse_migration_plan(full, file, &direct));
        CHECK_FALSE(direct);
    }
}
