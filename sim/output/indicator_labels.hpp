#pragma once
// The indicators' names for people, in English and Dutch: one label per indicator of the catalogue
// (sim/output/indicators.hpp), and the catalogue's units and populations in Dutch. The viewer and the
// policy brief (sim/report) take their indicator names from here; tests/output/test_indicator_labels.cpp
// checks that every indicator, unit and population has its words, so a new indicator cannot be forgotten.
#include <span>
#include <string_view>

namespace hhu {

struct IndicatorLabel {
    std::string_view name;  // the catalogue's name
    std::string_view en, nl;
};

// The label of an indicator (empty when it has none: a catalogue indicator without one fails the test).
std::string_view indicator_label(std::string_view name, bool dutch);
// Every label, in catalogue order.
std::span<const IndicatorLabel> indicator_labels();
// A unit or population of the catalogue ("persons", "residents aged 18+") in Dutch; empty when unknown.
std::string_view unit_nl(std::string_view unit);
std::string_view population_nl(std::string_view population);

}  // namespace hhu
