#pragma once
// The sections of the policy brief, each an HTML fragment (<section>): results (sections_results.cpp),
// where and for whom (sections_equity.cpp), and what the scenario is and how it was run
// (sections_scenario.cpp).
#include <string>

#include "sim/report/html.hpp"
#include "sim/report/report_data.hpp"

namespace hhu {

std::string headline_section(const Page& page, const ScenarioReport& s);
std::string trends_section(const Page& page, const ScenarioReport& s);
std::string costs_section(const Page& page, const ScenarioReport& s);
std::string workforce_section(const Page& page, const ScenarioReport& s);
std::string all_figures_section(const Page& page, const ScenarioReport& s);

std::string map_section(const Page& page, const ScenarioReport& s, const std::vector<GeoShape>& outlines);
std::string equity_section(const Page& page, const ScenarioReport& s);

std::string interventions_section(const Page& page, const ScenarioReport& s);
std::string assumptions_section(const Page& page, const ScenarioReport& s);
std::string provenance_section(const Page& page, const Provenance& baseline, const ScenarioReport& s);

}  // namespace hhu
