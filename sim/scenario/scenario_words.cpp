#include "sim/scenario/scenario_words.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "sim/core/programmes.hpp"

namespace hhu {

namespace {

std::string string_or_empty(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return "";
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The library's descriptions open with their theme ("Healthy start, first 1000 days: ..."); 8 to 60
// characters keeps a lead that is a phrase, not a single word or a whole sentence.
std::string description_lead(const std::string& d) {
    const std::size_t end = d.find_first_of(":.");
    if (end != std::string::npos && end >= 8 && end <= 60) return d.substr(0, end);
    return "";
}

std::string spelled_name(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace

ScenarioWords scenario_words(const Scenario& s) {
    return {s.name, s.description, s.title, s.title_nl, s.description_nl};
}

ScenarioWords scenario_words(const nlohmann::json& resolved) {
    return {string_or_empty(resolved, "name"), string_or_empty(resolved, "description"),
            string_or_empty(resolved, "title"), string_or_empty(resolved, "title_nl"),
            string_or_empty(resolved, "description_nl")};
}

std::string scenario_title(const ScenarioWords& w, Language lang) {
    if (lang == Language::Dutch && !w.title_nl.empty()) return w.title_nl;
    if (!w.title.empty()) return w.title;
    const std::string lead = description_lead(w.description);
    return lead.empty() ? spelled_name(w.name) : lead;
}

const std::string& scenario_description(const ScenarioWords& w, Language lang) {
    return lang == Language::Dutch && !w.description_nl.empty() ? w.description_nl : w.description;
}

const std::string& intervention_name(const std::string& id, const std::string& name, const std::string& name_nl,
                                     Language lang) {
    if (lang == Language::Dutch && !name_nl.empty()) return name_nl;
    return name.empty() ? id : name;
}

const std::string& intervention_description(const std::string& description, const std::string& description_nl,
                                            Language lang) {
    return lang == Language::Dutch && !description_nl.empty() ? description_nl : description;
}

std::string programme_name(const std::string& programme, Language lang) {
    const ProgrammeRow* row = find_programme(programme);
    if (!row) return programme;
    return std::string(lang == Language::Dutch ? row->label_nl : row->label);
}

}  // namespace hhu
