#pragma once
// The Health Hub programmes an intervention belongs to (a scenario's `programme`), named in English and
// Dutch: the scenario validator takes the names from here, the viewer's scenario panel and the policy
// brief the words (sim/scenario/scenario_words.hpp, programme_name). Beside sim/core/vocabulary.hpp,
// one table per concept; a new programme is a row here.
#include <array>
#include <cstddef>
#include <string_view>

namespace hhu {

struct ProgrammeRow {
    std::string_view name;      // the scenario's value
    std::string_view label;     // in words, English
    std::string_view label_nl;  // in words, Dutch
};

// The alliance's themes (tools/build_scenarios.py gives each programme of the library one of them).
inline constexpr std::array kProgrammes = {
    ProgrammeRow{"healthy_start", "Healthy start", "Kansrijke start"},
    ProgrammeRow{"mental_resilience", "Mental resilience", "Mentale weerbaarheid"},
    ProgrammeRow{"seniors", "Seniors", "Vitaal ouder worden"},
    ProgrammeRow{"living_environment", "Living environment", "Gezonde leefomgeving"},
    ProgrammeRow{"lifestyle", "Lifestyle", "Leefstijl"},
    ProgrammeRow{"digital_transformation", "Digital transformation", "Digitale zorg"},
    ProgrammeRow{"labour_market", "Care labour market", "Arbeidsmarkt in de zorg"},
    ProgrammeRow{"equity", "Equity", "Gezondheidsverschillen verkleinen"},
};

constexpr std::array<std::string_view, kProgrammes.size()> programme_names() {
    std::array<std::string_view, kProgrammes.size()> n{};
    for (std::size_t p = 0; p < kProgrammes.size(); ++p) n[p] = kProgrammes[p].name;
    return n;
}

constexpr const ProgrammeRow* find_programme(std::string_view name) {
    for (const auto& p : kProgrammes)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace hhu
