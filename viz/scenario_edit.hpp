#pragma once
// The scenario panel's model: the library of ready scenarios (every scenarios/*.json found at
// start-up, never a list of our own) with the interventions they define, and the scenario being
// edited (interventions switched on and off, their coverage, start year and target zones). Edits
// are applied to the scenario's resolved JSON and validated by the simulation library's own loader
// before they run, so that what runs is always what would be saved.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace hhu::viz {

struct LibraryEntry {
    std::filesystem::path file;
    Scenario scenario;  // as loaded
};

struct ScenarioLibrary {
    std::vector<LibraryEntry> entries;  // by file name
    std::vector<std::string> warnings;  // files that did not load, with the reason
    // Every intervention defined by some file, first definition of each id, for adding to a scenario.
    std::vector<InterventionSpec> interventions;
    std::vector<std::string> intervention_json;  // [same index]: its resolved JSON object
    std::vector<std::string> intervention_file;  // [same index]: the file's scenario name
};

// Loads every *.json in `dir` (files that fail are listed in warnings).
ScenarioLibrary load_library(const std::filesystem::path& dir);

// The scenario with every intervention removed: the baseline a scenario is compared with.
Scenario without_interventions(const Scenario& s);
bool has_enabled_interventions(const Scenario& s);
// What the baseline of `s` depends on: everything but its name, description, notes, replicates and
// interventions (the seed is included). Equal keys: the same baseline run, whatever the edits.
std::string baseline_key(const Scenario& s);

class ScenarioEditor {
public:
    ScenarioEditor(Scenario scenario, const ScenarioLibrary* library);

    const Scenario& scenario() const { return scenario_; }  // the last valid edit
    // Replaces the edited scenario (loading a file); the last error is cleared.
    void load(Scenario scenario);
    int find(const std::string& id) const;  // index into scenario().interventions, or -1

    // Each edit returns true if the scenario changed and is valid; else the error is kept in error().
    bool set_enabled(int index, bool on);
    bool set_coverage(int index, double coverage);  // 0-1
    bool set_start_year(int index, int year);
    bool set_zones(int index, std::vector<std::string> zones);  // empty: everywhere
    // Adds an intervention of the library (by id) to the scenario, enabled; false if unknown.
    bool add_from_library(const std::string& id);
    bool remove(int index);
    const std::string& error() const { return error_; }

    // The scenario as JSON (resolved form, with the edits), ready to save and to load again.
    std::string json_text() const;
    void save(const std::filesystem::path& file) const;  // throws InputError

private:
    bool apply(Scenario edited);

    Scenario scenario_;
    bool edited_ = false;  // since loaded: the name then gets "-edited", so that a file is not mistaken for it
    const ScenarioLibrary* library_;
    std::string error_;
};

}  // namespace hhu::viz
