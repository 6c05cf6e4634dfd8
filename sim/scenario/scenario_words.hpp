#pragma once
// What a scenario is called, in plain words, in English and Dutch: the one rule for the viewer's cards,
// captions and exports, the policy brief's headings and `hhu compare`'s header. From a loaded scenario
// or from the scenario a run's manifest.json records (the scenario as resolved).
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sim/core/language.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct ScenarioWords {
    std::string name;         // the file's `name` (folder names, CSV columns)
    std::string description;  // English
    std::string title;        // optional: English title
    std::string title_nl;     // optional: Dutch title
    std::string description_nl;
};

ScenarioWords scenario_words(const Scenario& scenario);
// From a manifest's "scenario" object; a key that is absent or not a string is taken as empty (runs
// written before the titles existed have none).
ScenarioWords scenario_words(const nlohmann::json& resolved);

// The title in `lang`. Dutch: `title_nl`; English, or Dutch without `title_nl`: `title`, else the
// description's lead (the words before its first ':' or '.', when 8 to 60 characters long, as in
// "Lifestyle: ..."), else the name with spaces for underscores and a capital.
std::string scenario_title(const ScenarioWords& words, Language lang);
// The description in `lang`: `description_nl` in Dutch when given, else `description`.
const std::string& scenario_description(const ScenarioWords& words, Language lang);

// An intervention's name in `lang`: `name_nl` in Dutch when given, else `name`, else its id.
const std::string& intervention_name(const std::string& id, const std::string& name, const std::string& name_nl,
                                     Language lang);
inline const std::string& intervention_name(const InterventionSpec& spec, Language lang) {
    return intervention_name(spec.id, spec.name, spec.name_nl, lang);
}

// An intervention's description in `lang`: `description_nl` in Dutch when given, else `description`.
const std::string& intervention_description(const std::string& description, const std::string& description_nl,
                                            Language lang);
inline const std::string& intervention_description(const InterventionSpec& spec, Language lang) {
    return intervention_description(spec.description, spec.description_nl, lang);
}

// A programme (an intervention's `programme`) in words in `lang` (sim/core/programmes.hpp, kProgrammes);
// a name not in the table as written (a run directory of another version), "" for "".
std::string programme_name(const std::string& programme, Language lang);

}  // namespace hhu
