#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/scenario/scenario.hpp"
#include "sim/core/error.hpp"
#include "sim/interventions/interventions.hpp"
#include "../support.hpp"

namespace fs = std::filesystem;
using namespace hhu;

namespace {

struct ScenarioTempDir : hhu::test::TempDir {
    ScenarioTempDir() : TempDir("scenario") {}
    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path p = path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p;
    }
};

std::optional<ScenarioError> error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const ScenarioError& e) {
        return e;
    }
    return std::nullopt;
}

std::optional<ScenarioError> parse_error_of(const std::string& text, const std::string& name = "test.json") {
    return error_of([&] { parse_scenario(text, name); });
}

const ValidationIssue* issue_at(const ScenarioError& e, const std::string& path) {
    for (const auto& i : e.issues()) {
        if (i.path == path) return &i;
    }
    return nullptr;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("scenario: the baseline loads") {
    const fs::path file = fs::path(HHU_SOURCE_DIR) / "scenarios" / "baseline.json";
    const Scenario s = load_scenario(file);
    CHECK(s.name == "baseline");
    CHECK(contains(s.description, "Utrecht"));
    CHECK(s.source_file == file.string());
    CHECK(s.extends_chain.empty());
    CHECK(s.start_year == 2021);
    CHECK(s.end_year == 2040);
    CHECK(s.seed == 20210101u);
    CHECK(s.replicates == 1);
    CHECK(s.demography.mortality_scale == 1.0);
    CHECK(s.demography.fertility_scale == 1.0);
    CHECK(s.demography.out_migration_scale == 1.0);
    CHECK(s.demography.align_migration_to_forecast);
    CHECK(s.demography.use_registered_migration);

    const auto resolved = nlohmann::json::parse(s.resolved_json);
    CHECK(resolved["name"] == "baseline");
    CHECK(resolved["seed"] == 20210101u);
    CHECK(resolved["interventions"] == nlohmann::json::array());
    CHECK(resolved["demography"]["use_registered_migration"] == true);
    CHECK_FALSE(resolved.contains("extends"));
    // Keys sorted, pretty-printed.
    CHECK(s.resolved_json.find("\"demography\"") < s.resolved_json.find("\"description\""));
    CHECK(s.resolved_json.find("\"description\"") < s.resolved_json.find("\"end_year\""));
    CHECK(contains(s.resolved_json, "\n  \"name\": \"baseline\""));
}

TEST_CASE("scenario: defaults are filled in") {
    const Scenario s = parse_scenario(R"({"name": "minimal"})", "minimal.json");
    const Scenario defaults;
    CHECK(s.name == "minimal");
    CHECK(s.source_file.empty());
    CHECK(s.start_year == defaults.start_year);
    CHECK(s.end_year == defaults.end_year);
    CHECK(s.seed == defaults.seed);
    CHECK(s.replicates == defaults.replicates);
    CHECK(s.demography.mortality_scale == defaults.demography.mortality_scale);
    const auto resolved = nlohmann::json::parse(s.resolved_json);
    CHECK(resolved["description"] == "");
    CHECK(resolved["end_year"] == 2040);
    CHECK(resolved["demography"]["out_migration_scale"] == 1.0);
    CHECK(resolved["demography"]["align_migration_to_forecast"] == true);
}

TEST_CASE("scenario: the labour section switches the care workforce's supply trends, all on by default") {
    const Scenario d = parse_scenario(R"({"name": "minimal"})", "minimal.json");
    CHECK(d.labour.inflow_at_published_rates);
    CHECK(d.labour.education_intake_trend);
    CHECK(d.labour.retirement_follows_pension_age);
    CHECK(d.labour.hours_trend);
    CHECK(nlohmann::json::parse(d.resolved_json)["labour"]["hours_trend"] == true);

    const Scenario s = parse_scenario(R"({"name": "x", "labour": {"hours_trend": false}})", "x.json");
    CHECK_FALSE(s.labour.hours_trend);
    CHECK(s.labour.education_intake_trend);
    CHECK_FALSE(with_overrides(d, {"labour.education_intake_trend=false"}).labour.education_intake_trend);

    const auto e = parse_error_of(R"({"name": "x", "labour": {"hours_trend": "no", "intake_trend": false}})");
    REQUIRE(e);
    REQUIRE(issue_at(*e, "/labour/hours_trend"));
    CHECK(contains(issue_at(*e, "/labour/hours_trend")->message, "expected a boolean"));
    REQUIRE(issue_at(*e, "/labour/intake_trend"));
    CHECK(contains(issue_at(*e, "/labour/intake_trend")->message,
                   "valid keys: inflow_at_published_rates, education_intake_trend, retirement_follows_pension_age, "
                   "hours_trend"));
}

TEST_CASE("scenario: unknown key suggests the closest one and lists the valid keys") {
    const auto e = parse_error_of(R"({"name": "x", "demography": {"mortality_scal": 0.5}})");
    REQUIRE(e);
    REQUIRE(e->issues().size() == 1);
    const auto* i = issue_at(*e, "/demography/mortality_scal");
    REQUIRE(i);
    CHECK(contains(i->message, "unknown key 'mortality_scal'; did you mean 'mortality_scale'?"));
    CHECK(contains(i->message, "valid keys: mortality_scale, fertility_scale, out_migration_scale, "
                               "align_migration_to_forecast, align_migration_by_age, use_registered_migration"));

    const auto far = parse_error_of(R"({"name": "x", "colour": "blue"})");
    REQUIRE(far);
    const auto* j = issue_at(*far, "/colour");
    REQUIRE(j);
    CHECK_FALSE(contains(j->message, "did you mean"));
    CHECK(contains(j->message, "valid keys: name, description, extends, start_year"));
}

TEST_CASE("scenario: wrong types") {
    const auto e = parse_error_of(
        R"({"name": "x", "seed": 2.5, "replicates": "3", "demography": {"mortality_scale": "0.5",
            "use_registered_migration": 1}, "interventions": {}})");
    REQUIRE(e);
    CHECK(e->issues().size() == 5);
    REQUIRE(issue_at(*e, "/demography/mortality_scale"));
    CHECK(contains(issue_at(*e, "/demography/mortality_scale")->message, "expected a number, got a string"));
    REQUIRE(issue_at(*e, "/seed"));
    CHECK(issue_at(*e, "/seed")->message == "expected a non-negative integer, got 2.5");
    REQUIRE(issue_at(*e, "/replicates"));
    CHECK(contains(issue_at(*e, "/replicates")->message, "expected an integer, got a string"));
    REQUIRE(issue_at(*e, "/demography/use_registered_migration"));
    CHECK(contains(issue_at(*e, "/demography/use_registered_migration")->message, "expected a boolean"));
    REQUIRE(issue_at(*e, "/interventions"));
    CHECK(contains(issue_at(*e, "/interventions")->message, "expected an array, got an object"));

    const auto root = parse_error_of("[1, 2]");
    REQUIRE(root);
    REQUIRE(root->issues().size() == 1);
    CHECK(contains(root->issues()[0].message, "must be a JSON object, got an array"));
}

TEST_CASE("scenario: out of range") {
    const auto e = parse_error_of(
        R"({"name": "x", "start_year": 2022, "end_year": 2041, "seed": -1, "replicates": 0,
            "demography": {"mortality_scale": 12.5, "fertility_scale": -0.1}})");
    REQUIRE(e);
    CHECK(e->issues().size() == 6);
    REQUIRE(issue_at(*e, "/demography/mortality_scale"));
    CHECK(issue_at(*e, "/demography/mortality_scale")->message == "must be between 0 and 10, got 12.5");
    REQUIRE(issue_at(*e, "/demography/fertility_scale"));
    CHECK(issue_at(*e, "/demography/fertility_scale")->message == "must be between 0 and 10, got -0.1");
    REQUIRE(issue_at(*e, "/start_year"));
    CHECK(contains(issue_at(*e, "/start_year")->message, "must be 2021"));
    CHECK(contains(issue_at(*e, "/start_year")->message, "got 2022"));
    REQUIRE(issue_at(*e, "/end_year"));
    CHECK(issue_at(*e, "/end_year")->message == "must be between 2021 and 2040, got 2041");
    REQUIRE(issue_at(*e, "/seed"));
    CHECK(issue_at(*e, "/seed")->message == "must be a non-negative integer, got -1");
    REQUIRE(issue_at(*e, "/replicates"));
    CHECK(issue_at(*e, "/replicates")->message == "must be between 1 and 1000, got 0");

    // Integral numbers written with a fraction are accepted, big seeds too.
    const Scenario s = parse_scenario(R"({"name": "x", "replicates": 3.0, "seed": 18446744073709551615})", "t");
    CHECK(s.replicates == 3);
    CHECK(s.seed == 18446744073709551615ull);
}

TEST_CASE("scenario: name is required and restricted") {
    const auto missing = parse_error_of(R"({"description": "no name"})");
    REQUIRE(missing);
    REQUIRE(issue_at(*missing, "/name"));
    CHECK(issue_at(*missing, "/name")->message == "missing required key 'name'");

    const auto empty = parse_error_of(R"({"name": ""})");
    REQUIRE(empty);
    CHECK(issue_at(*empty, "/name")->message == "must not be empty");

    const auto spaces = parse_error_of(R"({"name": "my run"})");
    REQUIRE(spaces);
    CHECK(contains(issue_at(*spaces, "/name")->message, "got 'my run'"));
}

TEST_CASE("scenario: interventions are validated item by item with their JSON paths") {
    CHECK_NOTHROW(parse_scenario(R"({"name": "x", "interventions": []})", "t"));
    const auto e = parse_error_of(R"({"name": "x", "interventions": [
        {"type": "screening"},
        {"id": "falls", "name": "Falls", "who": {"age_min": 70, "age_max": 60, "zones": ["WK034403", "Nowhere"]},
         "when": {"start_year": 2030, "end_year": 2025}, "reach": {"coverage": 1.5},
         "effects": [{"target": "fal", "relative_risk": 0.8}, {"relative_risk": -1}]},
        {"id": "falls", "name": "again", "effects": [{"target": "fall", "relative_risk": 0.8}]}]})");
    REQUIRE(e);
    CHECK(contains(issue_at(*e, "/interventions/0/type")->message, "unknown key 'type'"));
    CHECK(issue_at(*e, "/interventions/0/id"));
    CHECK(contains(issue_at(*e, "/interventions/1/who/age_max")->message, "age_min"));
    CHECK(contains(issue_at(*e, "/interventions/1/who/zones/1")->message, "zone code"));
    CHECK(contains(issue_at(*e, "/interventions/1/when/end_year")->message, "start_year"));
    CHECK(contains(issue_at(*e, "/interventions/1/reach/coverage")->message, "between 0 and 1"));
    CHECK(contains(issue_at(*e, "/interventions/1/effects/0/target")->message, "unknown value 'fal'"));
    CHECK(issue_at(*e, "/interventions/1/effects/1/target"));
    CHECK(issue_at(*e, "/interventions/1/effects/1/relative_risk"));
    CHECK(contains(issue_at(*e, "/interventions/2/id")->message, "duplicate"));
}

TEST_CASE("scenario: a cost needs the year of its prices, and a year the price index does not reach is refused") {
    const std::string head = R"({"name": "x", "interventions": [{"id": "c", "name": "c", "who": {"age_min": 65},
         "effects": [{"target": "fall", "relative_risk": 0.9, "duration_years": 1}], )";
    std::string message;
    try {
        parse_scenario(head + R"("cost": {"per_participant_eur": 300}}]})", "t.json");
    } catch (const InputError& e) {
        message = e.what();
    }
    CHECK_MESSAGE(message.find("/interventions/0/cost/price_year: required with a cost") != std::string::npos, message);
    message.clear();
    try {
        parse_scenario(head + R"("cost": {"per_year_eur": 300, "price_year": 2030}}]})", "t.json");
    } catch (const InputError& e) {
        message = e.what();
    }
    CHECK_MESSAGE(message.find("/interventions/0/cost/price_year: must be between 0 and 2023 (the year whose prices the "
                               "costs are in") != std::string::npos, message);
    // A year the scenario accepts but the index (data/consumer_prices.csv, from 2004) does not reach.
    const Scenario early = parse_scenario(head + R"("cost": {"per_participant_eur": 300, "price_year": 1995}}]})", "t.json");
    message.clear();
    try {
        InterventionEngine engine(test::project_data(), early);
    } catch (const InputError& e) {
        message = e.what();
    }
    CHECK_MESSAGE(message.find("/interventions/0/cost/price_year: 1995 is outside the years the consumer price index "
                               "reaches (2004 to 2023") != std::string::npos, message);
}

TEST_CASE("scenario: interventions survive the resolved form and overrides") {
    const auto s = parse_scenario(R"({"name": "x", "interventions": [
        {"id": "falls", "name": "Falls", "programme": "seniors", "who": {"age_min": 65, "zones": ["GM0344"]},
         "when": {"start_year": 2025, "ramp_up_years": 2}, "reach": {"coverage": 0.2, "uptake": 0.5},
         "effects": [{"target": "fall", "relative_risk": 0.77, "duration_years": 2, "decay": "linear"}],
         "cost": {"per_participant_eur": 300, "price_year": 2023}}]})", "t");
    REQUIRE(s.interventions.size() == 1);
    const auto& i = s.interventions[0];
    CHECK(i.age_min == 65);
    CHECK(i.zones == std::vector<std::string>{"GM0344"});
    CHECK(i.effects.size() == 1);
    CHECK(i.effects[0].decay == Decay::Linear);
    CHECK(i.cost_per_participant_eur == 300);
    const auto again = parse_scenario(s.resolved_json, "t2");
    CHECK(again.resolved_json == s.resolved_json);
    const auto o = with_overrides(s, {"seed=9"});
    REQUIRE(o.interventions.size() == 1);
    CHECK(o.interventions[0].effects[0].relative_risk == 0.77);
}

TEST_CASE("scenario: JSON syntax errors give line and column") {
    const std::string text = "{\n  \"name\": \"x\",\n  \"seed\": 1,,\n}\n";
    const auto e = parse_error_of(text, "broken.json");
    REQUIRE(e);
    REQUIRE(e->issues().size() == 1);
    CHECK(e->file() == "broken.json");
    CHECK(e->issues()[0].path.empty());
    CHECK(contains(e->issues()[0].message, "invalid JSON at line 3, column 13"));
    CHECK(contains(e->what(), "scenario broken.json: 1 problem(s):\n  invalid JSON at line 3, column 13: "));

    const auto first = parse_error_of("nope");
    REQUIRE(first);
    CHECK(contains(first->issues()[0].message, "line 1, column "));

    const auto truncated = parse_error_of("{\"name\": \"x\",\n");
    REQUIRE(truncated);
    CHECK(contains(truncated->issues()[0].message, "invalid JSON at line 2"));
}

TEST_CASE("scenario: file not found") {
    ScenarioTempDir dir;
    const fs::path file = dir.path / "absent.json";
    const auto e = error_of([&] { load_scenario(file); });
    REQUIRE(e);
    CHECK(e->file() == file.string());
    REQUIRE(e->issues().size() == 1);
    CHECK(e->issues()[0].message == "file not found");
    CHECK(std::string(e->what()) == "scenario " + file.string() + ": 1 problem(s):\n  file not found");
}

TEST_CASE("scenario: several problems are all reported, with paths and the file name") {
    ScenarioTempDir dir;
    const fs::path file = dir.write("many.json", R"({
        "description": 5,
        "end_year": 2050,
        "replicats": 2,
        "demography": {"mortality_scale": 11, "fertility_scale": "high", "align_migration_to_forcast": false}
    })");
    const auto e = error_of([&] { load_scenario(file); });
    REQUIRE(e);
    CHECK(e->file() == file.string());
    CHECK(e->issues().size() == 7);
    for (const char* path : {"/description", "/end_year", "/replicats", "/demography/mortality_scale",
                             "/demography/fertility_scale", "/demography/align_migration_to_forcast", "/name"}) {
        CAPTURE(path);
        CHECK(issue_at(*e, path));
    }
    CHECK(contains(issue_at(*e, "/replicats")->message, "did you mean 'replicates'?"));
    CHECK(contains(issue_at(*e, "/demography/align_migration_to_forcast")->message,
                   "did you mean 'align_migration_to_forecast'?"));
    const std::string what = e->what();
    CHECK(what.rfind("scenario " + file.string() + ": 7 problem(s):\n", 0) == 0);
    CHECK(contains(what, "\n  /demography/mortality_scale: must be between 0 and 10, got 11"));
    CHECK(contains(what, "\n  /name: missing required key 'name'"));
    CHECK(contains(what, "\n  /description: expected a string, got a number (5)"));
}

TEST_CASE("scenario: extends deep-merges objects and records the chain") {
    ScenarioTempDir dir;
    dir.write("bases/root.json", R"({"name": "root", "seed": 5, "replicates": 4,
        "demography": {"mortality_scale": 0.5, "fertility_scale": 2.0, "use_registered_migration": false},
        "interventions": []})");
    dir.write("bases/middle.json", R"({"name": "middle", "extends": "root.json", "seed": 6,
        "demography": {"fertility_scale": 1.5}})");
    const fs::path top = dir.write("top.json", R"({"name": "top", "extends": "bases/middle.json",
        "demography": {"out_migration_scale": 0.25}})");

    const Scenario s = load_scenario(top);
    CHECK(s.name == "top");
    CHECK(s.seed == 6);
    CHECK(s.replicates == 4);
    CHECK(s.demography.mortality_scale == 0.5);
    CHECK(s.demography.fertility_scale == 1.5);
    CHECK(s.demography.out_migration_scale == 0.25);
    CHECK_FALSE(s.demography.use_registered_migration);
    CHECK(s.demography.align_migration_to_forecast);
    REQUIRE(s.extends_chain.size() == 2);
    CHECK(s.extends_chain[0] == (dir.path / "bases/middle.json").string());
    CHECK(s.extends_chain[1] == (dir.path / "bases/root.json").string());
    CHECK_FALSE(contains(s.resolved_json, "extends"));
    CHECK(nlohmann::json::parse(s.resolved_json)["demography"]["fertility_scale"] == 1.5);
}

TEST_CASE("scenario: extends problems") {
    ScenarioTempDir dir;
    SUBCASE("cycle") {
        dir.write("a.json", R"({"name": "a", "extends": "b.json"})");
        dir.write("b.json", R"({"name": "b", "extends": "c.json"})");
        dir.write("c.json", R"({"name": "c", "extends": "a.json"})");
        const auto e = error_of([&] { load_scenario(dir.path / "a.json"); });
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/extends"));
        const std::string m = issue_at(*e, "/extends")->message;
        CHECK(contains(m, "extends cycle: "));
        CHECK(contains(m, "a.json -> "));
        CHECK(contains(m, "b.json -> "));
        CHECK(contains(m, "c.json -> "));
    }
    SUBCASE("self") {
        dir.write("self.json", R"({"name": "self", "extends": "self.json"})");
        const auto e = error_of([&] { load_scenario(dir.path / "self.json"); });
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/extends"));
        CHECK(contains(issue_at(*e, "/extends")->message, "extends cycle"));
    }
    SUBCASE("missing base") {
        dir.write("child.json", R"({"name": "child", "extends": "nowhere.json"})");
        const auto e = error_of([&] { load_scenario(dir.path / "child.json"); });
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/extends"));
        CHECK(contains(issue_at(*e, "/extends")->message, "nowhere.json': file not found"));
    }
    SUBCASE("broken base") {
        dir.write("base.json", "{\"name\": \"base\",\n \"seed\": }");
        dir.write("child.json", R"({"name": "child", "extends": "base.json"})");
        const auto e = error_of([&] { load_scenario(dir.path / "child.json"); });
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/extends"));
        CHECK(contains(issue_at(*e, "/extends")->message, "base.json': invalid JSON at line 2"));
    }
    SUBCASE("bad inherited value names the base") {
        dir.write("base.json", R"({"name": "base", "demography": {"mortality_scale": 20}})");
        dir.write("child.json", R"({"name": "child", "extends": "base.json", "seed": 3})");
        const auto e = error_of([&] { load_scenario(dir.path / "child.json"); });
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/demography/mortality_scale"));
        CHECK(contains(issue_at(*e, "/demography/mortality_scale")->message, "(from '"));
    }
    SUBCASE("a scenario that extends must have its own name") {
        dir.write("base.json", R"({"name": "base"})");
        dir.write("child.json", R"({"extends": "base.json", "seed": 3})");
        const auto e = error_of([&] { load_scenario(dir.path / "child.json"); });
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/name"));
    }
    SUBCASE("extends must be a string") {
        const auto e = parse_error_of(R"({"name": "x", "extends": 3})");
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/extends"));
        CHECK(contains(issue_at(*e, "/extends")->message, "expected a string"));
    }
}

TEST_CASE("scenario: overrides") {
    const Scenario base = parse_scenario(R"({"name": "base", "seed": 3})", "base.json");
    const Scenario s = with_overrides(base, {"seed=7", "demography.mortality_scale=0.5", "name=my_run",
                                             "demography.use_registered_migration=false", "end_year=2030"});
    CHECK(s.seed == 7);
    CHECK(s.demography.mortality_scale == 0.5);
    CHECK(s.name == "my_run");
    CHECK_FALSE(s.demography.use_registered_migration);
    CHECK(s.end_year == 2030);
    CHECK(s.demography.fertility_scale == 1.0);
    CHECK(nlohmann::json::parse(s.resolved_json)["seed"] == 7);
    CHECK(base.seed == 3);

    const auto e = error_of([&] {
        with_overrides(base, {"demography.mortality_scale=12", "demography.mortality_scal=1", "seed=abc",
                              "garbage", "description.x=1"});
    });
    REQUIRE(e);
    CHECK(e->issues().size() == 5);
    REQUIRE(issue_at(*e, "/demography/mortality_scale"));
    CHECK(contains(issue_at(*e, "/demography/mortality_scale")->message, "must be between 0 and 10, got 12"));
    CHECK(contains(issue_at(*e, "/demography/mortality_scale")->message, "-D demography.mortality_scale=12"));
    REQUIRE(issue_at(*e, "/demography/mortality_scal"));
    CHECK(contains(issue_at(*e, "/demography/mortality_scal")->message, "did you mean 'mortality_scale'?"));
    REQUIRE(issue_at(*e, "/seed"));
    CHECK(contains(issue_at(*e, "/seed")->message, "expected a non-negative integer, got a string"));
    CHECK(contains(e->what(), "malformed -D garbage"));
    REQUIRE(issue_at(*e, "/description"));
    CHECK(contains(issue_at(*e, "/description")->message, "-D description.x=1"));
}

TEST_CASE("scenario: -D reaches an item of a list by its id or its position") {
    const Scenario gli = load_scenario(fs::path(HHU_SOURCE_DIR) / "scenarios" / "lifestyle_gli.json");
    const std::string id = gli.interventions.at(0).id;
    const Scenario by_id = with_overrides(gli, {"interventions." + id + ".when.start_year=2030"});
    const Scenario by_position = with_overrides(gli, {"interventions.0.when.start_year=2030"});
    CHECK(by_id.interventions.at(0).start_year == 2030);
    CHECK(by_id.resolved_json == by_position.resolved_json);
    CHECK(gli.interventions.at(0).start_year != 2030);
    const auto bad = error_of([&] { with_overrides(gli, {"interventions." + id + ".when.start_year=1990"}); });
    REQUIRE(bad);
    const auto* issue = issue_at(*bad, "/interventions/0/when/start_year");
    REQUIRE(issue);
    CHECK(contains(issue->message, "(from -D interventions." + id + ".when.start_year=1990)"));
    const auto missing = error_of([&] { with_overrides(gli, {"interventions.nothere.uptake=1"}); });
    REQUIRE(missing);
    CHECK(issue_at(*missing, "/interventions/nothere"));
}
