#include "scenario_edit.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "sim/core/error.hpp"
#include "sim/scenario/scenario_words.hpp"

namespace hhu::viz {

namespace {

using Json = nlohmann::json;

// The resolved JSON object of an intervention: from the scenario's own resolved form, else from the
// library; null if neither has it.
Json intervention_json(const Scenario& s, const std::string& id, const ScenarioLibrary* library) {
    if (!s.resolved_json.empty()) {
        const Json doc = Json::parse(s.resolved_json, nullptr, false);
        if (doc.is_object() && doc.contains("interventions"))
            for (const auto& i : doc["interventions"])
                if (i.value("id", "") == id) return i;
    }
    if (library)
        for (std::size_t k = 0; k < library->interventions.size(); ++k)
            if (library->interventions[k].id == id) return Json::parse(library->intervention_json[k]);
    return nullptr;
}

Json to_json(const Scenario& s, const ScenarioLibrary* library) {
    Json doc = s.resolved_json.empty() ? Json::object() : Json::parse(s.resolved_json);
    doc["name"] = s.name;
    for (const auto& [key, value] : {std::pair{"title", &s.title}, std::pair{"title_nl", &s.title_nl}})
        if (!value->empty()) doc[key] = *value;
    Json list = Json::array();
    for (const auto& spec : s.interventions) {
        Json i = intervention_json(s, spec.id, library);
        if (i.is_null()) continue;
        i["enabled"] = spec.enabled;
        i["reach"]["coverage"] = spec.coverage;
        i["when"]["start_year"] = spec.start_year;
        i["who"]["zones"] = spec.zones;
        list.push_back(std::move(i));
    }
    doc["interventions"] = std::move(list);
    return doc;
}

}  // namespace

ScenarioLibrary load_library(const std::filesystem::path& dir) {
    ScenarioLibrary lib;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    if (ec) lib.warnings.push_back("cannot list " + dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        try {
            LibraryEntry entry{f, load_scenario(f)};
            const Json doc = Json::parse(entry.scenario.resolved_json);
            for (const auto& i : doc.value("interventions", Json::array())) {
                const std::string id = i.value("id", "");
                const bool known = std::any_of(lib.interventions.begin(), lib.interventions.end(),
                                               [&](const InterventionSpec& s) { return s.id == id; });
                if (known) continue;
                for (const auto& spec : entry.scenario.interventions)
                    if (spec.id == id) {
                        lib.interventions.push_back(spec);
                        lib.intervention_json.push_back(i.dump());
                        lib.intervention_file.push_back(entry.scenario.name);
                    }
            }
            lib.entries.push_back(std::move(entry));
        } catch (const std::exception& e) {
            lib.warnings.push_back(f.filename().string() + " skipped: " + e.what());
        }
    }
    return lib;
}

Scenario without_interventions(const Scenario& s) {
    Json doc = s.resolved_json.empty() ? Json::object() : Json::parse(s.resolved_json);
    doc["name"] = "no-interventions";  // the same for every edit of a scenario, so that its baseline is kept
    doc["interventions"] = Json::array();
    for (const char* k : {"title", "title_nl", "description_nl"}) doc.erase(k);  // the words are the scenario's
    if (s.resolved_json.empty()) {
        Scenario b = s;
        b.interventions.clear();
        return b;
    }
    Scenario b = parse_scenario(doc.dump(), s.name + " (baseline)");
    b.source_file = s.source_file;
    return b;
}

std::string baseline_key(const Scenario& s) {
    Json doc = s.resolved_json.empty() ? Json::object() : Json::parse(s.resolved_json, nullptr, false);
    if (!doc.is_object()) doc = Json::object();
    for (const char* k : kScenarioWordKeys) doc.erase(k);
    for (const char* k : {"replicates", "interventions"}) doc.erase(k);
    doc["seed"] = s.seed;
    doc["end_year"] = s.end_year;
    return doc.dump();
}

bool has_enabled_interventions(const Scenario& s) {
    return std::any_of(s.interventions.begin(), s.interventions.end(), [](const auto& i) { return i.enabled; });
}

ScenarioEditor::ScenarioEditor(Scenario scenario, const ScenarioLibrary* library)
    : scenario_(std::move(scenario)), library_(library) {}

void ScenarioEditor::load(Scenario scenario) {
    scenario_ = std::move(scenario);
    edited_ = false;
    error_.clear();
}

namespace {

void mark_edited(Scenario& s) {
    if (s.name.size() < 100) s.name += "-edited";
    // Its title says so too: "Basis: de provincie zonder nieuw beleid" with a programme switched on
    // would tell the room the opposite of what runs. Within a title's 120 characters.
    const std::string title = scenario_title(scenario_words(s), Language::English) + " (edited)";
    if (title.size() <= 120) s.title = title;
    if (!s.title_nl.empty() && s.title_nl.size() + 12 <= 120) s.title_nl += " (aangepast)";
}

}  // namespace

int ScenarioEditor::find(const std::string& id) const {
    for (std::size_t i = 0; i < scenario_.interventions.size(); ++i)
        if (scenario_.interventions[i].id == id) return static_cast<int>(i);
    return -1;
}

bool ScenarioEditor::apply(Scenario edited) {
    if (!edited_) mark_edited(edited);
    try {
        Scenario valid = parse_scenario(to_json(edited, library_).dump(), edited.name);
        valid.source_file = scenario_.source_file;
        scenario_ = std::move(valid);
        edited_ = true;
        error_.clear();
        return true;
    } catch (const std::exception& e) {
        error_ = e.what();
        return false;
    }
}

bool ScenarioEditor::set_enabled(int index, bool on) {
    if (index < 0 || index >= static_cast<int>(scenario_.interventions.size())) return false;
    if (scenario_.interventions[index].enabled == on) return false;
    Scenario s = scenario_;
    s.interventions[index].enabled = on;
    return apply(std::move(s));
}

bool ScenarioEditor::set_coverage(int index, double coverage) {
    if (index < 0 || index >= static_cast<int>(scenario_.interventions.size())) return false;
    coverage = std::clamp(coverage, 0.0, 1.0);
    if (scenario_.interventions[index].coverage == coverage) return false;
    Scenario s = scenario_;
    s.interventions[index].coverage = coverage;
    return apply(std::move(s));
}

bool ScenarioEditor::set_start_year(int index, int year) {
    if (index < 0 || index >= static_cast<int>(scenario_.interventions.size())) return false;
    auto& i = scenario_.interventions[index];
    year = std::clamp(year, scenario_.start_year, i.end_year);
    if (i.start_year == year) return false;
    Scenario s = scenario_;
    s.interventions[index].start_year = year;
    return apply(std::move(s));
}

bool ScenarioEditor::set_zones(int index, std::vector<std::string> zones) {
    if (index < 0 || index >= static_cast<int>(scenario_.interventions.size())) return false;
    if (scenario_.interventions[index].zones == zones) return false;
    Scenario s = scenario_;
    s.interventions[index].zones = std::move(zones);
    return apply(std::move(s));
}

bool ScenarioEditor::add_from_library(const std::string& id) {
    if (const int i = find(id); i >= 0) return set_enabled(i, true);
    if (!library_) return false;
    for (std::size_t k = 0; k < library_->interventions.size(); ++k)
        if (library_->interventions[k].id == id) {
            Scenario s = scenario_;
            s.interventions.push_back(library_->interventions[k]);
            s.interventions.back().enabled = true;
            return apply(std::move(s));
        }
    error_ = "no intervention '" + id + "' in the scenario library";
    return false;
}

bool ScenarioEditor::remove(int index) {
    if (index < 0 || index >= static_cast<int>(scenario_.interventions.size())) return false;
    Scenario s = scenario_;
    s.interventions.erase(s.interventions.begin() + index);
    return apply(std::move(s));
}

std::string ScenarioEditor::json_text() const { return to_json(scenario_, library_).dump(2) + "\n"; }

void ScenarioEditor::save(const std::filesystem::path& file) const {
    const std::string text = json_text();
    std::ofstream out(file);
    if (!out || !(out << text)) throw InputError("cannot write " + file.string());
}

}  // namespace hhu::viz
