// Every indicator of the catalogue has a label in English and Dutch, and its unit and population
// have Dutch words: the viewer and the brief show no catalogue name in Dutch mode.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "sim/output/indicator_labels.hpp"
#include "sim/output/indicators.hpp"

using namespace hhu;

TEST_CASE("every indicator, unit and population of the catalogue has its words") {
    for (const auto& i : indicator_catalogue()) {
        CHECK_MESSAGE(!indicator_label(i.name, false).empty(), i.name << " has no English label (sim/output/indicator_labels.cpp)");
        CHECK_MESSAGE(!indicator_label(i.name, true).empty(), i.name << " has no Dutch label (sim/output/indicator_labels.cpp)");
        CHECK_MESSAGE(!unit_nl(i.unit).empty(), "unit '" << i.unit << "' has no Dutch word");
        CHECK_MESSAGE(!population_nl(i.population).empty(), "population '" << i.population << "' has no Dutch words");
    }
    CHECK(indicator_label("no_such_indicator", true).empty());
    CHECK(indicator_label("hip_fractures", true) == "Heupfracturen");
    CHECK(indicator_label("hip_fractures", false) == "Hip fractures");
}

TEST_CASE("the label table names only indicators of the catalogue, each once") {
    // A label for an indicator that was renamed or removed would never be shown.
    std::set<std::string> seen;
    for (const auto& l : indicator_labels()) {
        CHECK_MESSAGE(find_indicator(l.name) != nullptr, l.name << " is labelled but not in the catalogue");
        CHECK_MESSAGE(seen.insert(std::string(l.name)).second, l.name << " is labelled twice");
    }
}
