#pragma once
// The data behind the charts as CSV.
//   time series: year,zone,indicator,value,lower,upper,scenario,zone_name,unit,scenario_title,scale,seed,
//                version: one row per plotted point (the selected area for the live scenario, the
//                baseline and scenarios side by side; the province when it is drawn for comparison)
//   costs:       year,scenario,intervention_cost_eur,qalys_gained,participants (cumulated since 2021)
//   scenarios:   place,file,name,title,description: the words the scenario panel shows (the live
//                scenario's heading, then each ready scenario's card), in the viewer's language
#include <cstdint>
#include <string>
#include <vector>

#include "sim/output/indicators.hpp"
#include "view_data.hpp"

namespace hhu::viz {

// The run the rows come from, for a table read away from the viewer.
struct CsvRun {
    std::string scenario_title;  // in plain words
    double scale = 1;
    std::uint64_t seed = 0;
    std::string version;
};

std::string time_series_csv(const ViewData& view, const std::vector<ReportingUnit>& units, const CsvRun& run);
std::string cost_curves_csv(const ViewData& view);

// One shown scenario: where (heading or card), its file and name, its title and description as shown.
struct ShownScenario {
    std::string place, file, name, title, description;
};
std::string scenario_words_csv(const std::vector<ShownScenario>& shown);

// Writes `text` to `path`; throws InputError naming the file if it cannot.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace hhu::viz
