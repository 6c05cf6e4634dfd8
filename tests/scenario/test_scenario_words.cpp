#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/core/programmes.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_words.hpp"
#include "sim/simulation/migration_plan.hpp"
#include "../support.hpp"

// The scenario's titles and Dutch description (title, title_nl, description_nl): parsed, validated with
// their JSON paths, the file's own (not inherited through extends), in the resolved scenario only when
// given, and the one rule that titles a scenario in English and Dutch.

namespace fs = std::filesystem;
using namespace hhu;

namespace {

std::optional<ScenarioError> words_error(const std::string& text) {
    try {
        parse_scenario(text, "words.json");
    } catch (const ScenarioError& e) {
        return e;
    }
    return std::nullopt;
}

const ValidationIssue* issue_at(const ScenarioError& e, const std::string& path) {
    for (const auto& i : e.issues())
        if (i.path == path) return &i;
    return nullptr;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("scenario words: title, title_nl and description_nl are read and kept in the resolved scenario") {
    const Scenario s = parse_scenario(R"({"name": "falls", "description": "Seniors: fall prevention.",
        "title": "Fewer falls at home", "title_nl": "Minder vallen thuis",
        "description_nl": "Thuiswonende 65-plussers krijgen een beweegprogramma."})", "t.json");
    CHECK(s.title == "Fewer falls at home");
    CHECK(s.title_nl == "Minder vallen thuis");
    CHECK(s.description_nl == "Thuiswonende 65-plussers krijgen een beweegprogramma.");
    const auto resolved = nlohmann::json::parse(s.resolved_json);
    CHECK(resolved["title_nl"] == "Minder vallen thuis");
    CHECK(resolved["description_nl"] == "Thuiswonende 65-plussers krijgen een beweegprogramma.");
    // The resolved form reads back the same (a run's manifest.json records it).
    CHECK(parse_scenario(s.resolved_json, "again.json").resolved_json == s.resolved_json);
    // Words set with -D like any string.
    const Scenario o = with_overrides(s, {"title_nl=Vallen voorkomen"});
    CHECK(o.title_nl == "Vallen voorkomen");
}

TEST_CASE("scenario words: a scenario without them resolves as before (no empty keys)") {
    const Scenario s = parse_scenario(R"({"name": "plain", "description": "Nothing to say."})", "t.json");
    const auto resolved = nlohmann::json::parse(s.resolved_json);
    CHECK_FALSE(resolved.contains("title"));
    CHECK_FALSE(resolved.contains("title_nl"));
    CHECK_FALSE(resolved.contains("description_nl"));
    CHECK(resolved.contains("description"));
}

TEST_CASE("scenario words: bad values are reported at their JSON paths") {
    const auto e = words_error(R"({"name": "x", "title": "", "title_nl": 7, "description_nl": ["a"]})");
    REQUIRE(e);
    REQUIRE(issue_at(*e, "/title"));
    CHECK(has(issue_at(*e, "/title")->message, "must not be empty"));
    REQUIRE(issue_at(*e, "/title_nl"));
    CHECK(has(issue_at(*e, "/title_nl")->message, "string"));
    REQUIRE(issue_at(*e, "/description_nl"));
    CHECK(has(issue_at(*e, "/description_nl")->message, "string"));
    CHECK(has(e->what(), "words.json"));

    // One bad field per scenario: where the error points and what it says ("" when any message will do).
    struct Bad {
        std::string json, path, says;
    };
    const std::vector<Bad> bad = {
        {R"({"name": "x", "title_nl": "Regel een\nregel twee"})", "/title_nl", "one line"},
        {R"({"name": "x", "title": ")" + std::string(121, 'a') + R"("})", "/title", "at most 120 characters, got 121"},
        {R"({"name": "x", "title_nl": " Vallen"})", "/title_nl", ""},
        {R"({"name": "x", "description_nl": ")" + std::string(10001, 'b') + R"("})", "/description_nl",
         "at most 10000 characters"},
        {R"({"name": "x", "titel_nl": "Vallen"})", "/titel_nl", "title_nl"},
    };
    for (const Bad& b : bad) {
        INFO(b.path << ": " << b.json.substr(0, 60));
        const auto error = words_error(b.json);
        REQUIRE(error);
        REQUIRE(issue_at(*error, b.path));
        CHECK(has(issue_at(*error, b.path)->message, b.says));
    }

    const auto by_flag = [] {
        try {
            with_overrides(parse_scenario(R"({"name": "x"})", "t.json"), {"title_nl="});
        } catch (const ScenarioError& e) {
            return std::optional<ScenarioError>(e);
        }
        return std::optional<ScenarioError>();
    }();
    REQUIRE(by_flag);
    REQUIRE(issue_at(*by_flag, "/title_nl"));
    CHECK(has(issue_at(*by_flag, "/title_nl")->message, "-D title_nl="));
}

TEST_CASE("scenario words: titles are the file's own, never inherited through extends") {
    hhu::test::TempDir dir("scenario_words");
    std::ofstream(dir.path / "base.json") << R"({"name": "base", "description": "Baseline: no policy.",
        "title": "The baseline", "title_nl": "Basis", "description_nl": "Geen nieuw beleid."})";
    std::ofstream(dir.path / "mine.json") << R"({"name": "my_programme", "extends": "base.json"})";
    std::ofstream(dir.path / "titled.json") << R"({"name": "titled", "extends": "base.json", "title_nl": "Eigen titel"})";

    const Scenario mine = load_scenario(dir.path / "mine.json");
    CHECK(mine.title.empty());
    CHECK(mine.title_nl.empty());
    CHECK(mine.description_nl.empty());
    CHECK(mine.description == "Baseline: no policy.");  // the description is inherited as before
    CHECK_FALSE(nlohmann::json::parse(mine.resolved_json).contains("title_nl"));
    CHECK(scenario_title(scenario_words(mine), Language::Dutch) == "Baseline");

    const Scenario titled = load_scenario(dir.path / "titled.json");
    CHECK(titled.title_nl == "Eigen titel");
    CHECK(titled.title.empty());
}

TEST_CASE("scenario words: the title in English and Dutch, with its fallbacks") {
    ScenarioWords w{"seniors_fall_prevention", "Seniors living independently: fall-prevention exercise.", "", "", ""};
    CHECK(scenario_title(w, Language::English) == "Seniors living independently");
    CHECK(scenario_title(w, Language::Dutch) == "Seniors living independently");  // no Dutch title: the English
    CHECK(scenario_description(w, Language::Dutch) == w.description);
    w.title_nl = "Thuis ouder worden: valpreventie";
    w.description_nl = "Thuiswonende 65-plussers krijgen een beweegprogramma.";
    CHECK(scenario_title(w, Language::Dutch) == "Thuis ouder worden: valpreventie");
    CHECK(scenario_title(w, Language::English) == "Seniors living independently");  // English as it was
    CHECK(scenario_description(w, Language::Dutch) == w.description_nl);
    CHECK(scenario_description(w, Language::English) == w.description);
    w.title = "Fall prevention for seniors";
    CHECK(scenario_title(w, Language::English) == "Fall prevention for seniors");
    // Without a title or a short lead, the name spelled out.
    const ScenarioWords equity{"equity", "Equity: the programmes concentrated on two districts.", "", "", ""};
    CHECK(scenario_title(equity, Language::English) == "Equity");
    const ScenarioWords bare{"my_run", "", "", "", ""};
    CHECK(scenario_title(bare, Language::English) == "My run");
}

TEST_CASE("scenario words: an intervention's Dutch name, read, validated and chosen by language") {
    const Scenario s = parse_scenario(R"({"name": "x", "interventions": [
        {"id": "falls", "name": "Falls prevention", "name_nl": "Valpreventie", "effects": [{"target": "fall", "relative_risk": 0.8}]},
        {"id": "quit", "name": "Quitting", "effects": [{"target": "fall", "relative_risk": 0.9}]}]})", "t.json");
    REQUIRE(s.interventions.size() == 2);
    CHECK(intervention_name(s.interventions[0], Language::Dutch) == "Valpreventie");
    CHECK(intervention_name(s.interventions[0], Language::English) == "Falls prevention");
    CHECK(intervention_name(s.interventions[1], Language::Dutch) == "Quitting");  // no Dutch name: as written
    const auto resolved = nlohmann::json::parse(s.resolved_json);
    CHECK(resolved["interventions"][0]["name_nl"] == "Valpreventie");
    CHECK_FALSE(resolved["interventions"][1].contains("name_nl"));
    const auto e = words_error(R"({"name": "x", "interventions": [
        {"id": "falls", "name": "Falls", "name_nl": "", "effects": [{"target": "fall", "relative_risk": 0.8}]}]})");
    REQUIRE(e);
    REQUIRE(issue_at(*e, "/interventions/0/name_nl"));
    CHECK(has(issue_at(*e, "/interventions/0/name_nl")->message, "must not be empty"));
}

TEST_CASE("scenario words: an intervention's Dutch description, read, validated, chosen by language, not a setting") {
    const char* with = R"({"name": "x", "interventions": [
        {"id": "falls", "name": "Falls", "description": "Seniors exercise.", "description_nl": "Ouderen bewegen.",
         "effects": [{"target": "fall", "relative_risk": 0.8}]},
        {"id": "quit", "name": "Quitting", "description": "Smokers quit.", "effects": [{"target": "fall", "relative_risk": 0.9}]}]})";
    const Scenario s = parse_scenario(with, "t.json");
    REQUIRE(s.interventions.size() == 2);
    CHECK(intervention_description(s.interventions[0], Language::Dutch) == "Ouderen bewegen.");
    CHECK(intervention_description(s.interventions[0], Language::English) == "Seniors exercise.");
    CHECK(intervention_description(s.interventions[1], Language::Dutch) == "Smokers quit.");  // none: as written
    const auto resolved = nlohmann::json::parse(s.resolved_json);
    CHECK(resolved["interventions"][0]["description_nl"] == "Ouderen bewegen.");
    CHECK_FALSE(resolved["interventions"][1].contains("description_nl"));
    // Words for readers: the policy-free province's key (the migration plan's) is the same without them.
    std::string without = with;
    const std::string dutch = R"(, "description_nl": "Ouderen bewegen.")";
    without.erase(without.find(dutch), dutch.size());
    REQUIRE(without.find("description_nl") == std::string::npos);
    const Scenario bare = parse_scenario(without, "t.json");
    const ModelData& data = test::project_data();
    CHECK(migration_plan_key(s, data, 1, 0.01).settings_sha256 == migration_plan_key(bare, data, 1, 0.01).settings_sha256);
    // Bad values with their JSON paths: empty, not a string, too long.
    struct Bad {
        std::string value, message;
    };
    for (const Bad& bad : {Bad{R"("")", "must not be empty"}, Bad{"3", "expected a string"},
                           Bad{"\"" + std::string(10001, 'a') + "\"", "at most 10000 characters"}}) {
        CAPTURE(bad.message);
        const auto e = words_error(R"({"name": "x", "interventions": [{"id": "falls", "name": "Falls", "description_nl": )" +
                                   bad.value + R"(, "effects": [{"target": "fall", "relative_risk": 0.8}]}]})");
        REQUIRE(e);
        REQUIRE(issue_at(*e, "/interventions/0/description_nl"));
        CHECK(has(issue_at(*e, "/interventions/0/description_nl")->message, bad.message));
    }
}

TEST_CASE("scenario words: the programmes in words, from the one table the validator takes its names from") {
    CHECK(programme_name("healthy_start", Language::Dutch) == "Kansrijke start");
    CHECK(programme_name("healthy_start", Language::English) == "Healthy start");
    CHECK(programme_name("", Language::Dutch).empty());
    CHECK(programme_name("from_a_later_version", Language::Dutch) == "from_a_later_version");  // as written
    for (const auto& p : kProgrammes) {
        CAPTURE(std::string(p.name));
        CHECK_FALSE(p.label_nl.empty());
        CHECK(p.label_nl != p.label);
        CHECK_NOTHROW(parse_scenario(R"({"name": "x", "interventions": [{"id": "a", "name": "A", "programme": ")" +
                                         std::string(p.name) + R"(", "effects": [{"target": "fall", "relative_risk": 0.8}]}]})",
                                     "t.json"));
    }
    const auto e = words_error(R"({"name": "x", "interventions": [{"id": "a", "name": "A", "programme": "gezond",
        "effects": [{"target": "fall", "relative_risk": 0.8}]}]})");
    REQUIRE(e);
    REQUIRE(issue_at(*e, "/interventions/0/programme"));
    CHECK(has(issue_at(*e, "/interventions/0/programme")->message, "healthy_start"));
}

TEST_CASE("scenario words: read from a manifest's scenario, tolerating runs made before the titles") {
    const auto resolved = nlohmann::json::parse(R"({"name": "agenda", "description": "The agenda: all of it.",
        "title_nl": "De agenda", "description_nl": "Alles samen."})");
    const ScenarioWords w = scenario_words(resolved);
    CHECK(w.name == "agenda");
    CHECK(scenario_title(w, Language::Dutch) == "De agenda");
    CHECK(scenario_title(w, Language::English) == "The agenda");
    const ScenarioWords old = scenario_words(nlohmann::json::parse(R"({"name": "agenda", "title_nl": 3})"));
    CHECK(old.title_nl.empty());
    CHECK(scenario_title(old, Language::Dutch) == "Agenda");
}

TEST_CASE("scenario words: every scenario of the library has a Dutch title and description of its own") {
    const fs::path library = fs::path(HHU_SOURCE_DIR) / "scenarios";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(library)) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        CAPTURE(entry.path().filename().string());
        const Scenario s = load_scenario(entry.path());
        CHECK_FALSE(s.title_nl.empty());
        CHECK_FALSE(s.description_nl.empty());
        // A title in words, not the file's name.
        CHECK(s.title_nl.find('_') == std::string::npos);
        CHECK(s.title_nl != s.name);
        CHECK(s.description_nl != s.description);
        for (const auto& i : s.interventions) {
            CAPTURE(i.id);
            CHECK_FALSE(i.name_nl.empty());
            CHECK(i.name_nl != i.name);
            CHECK_FALSE(i.description_nl.empty());
            CHECK(i.description_nl != i.description);
            CHECK(find_programme(i.programme) != nullptr);
        }
    }
    CHECK(files >= 16);  // the library of 16 (a test that found no file would check nothing)
}
