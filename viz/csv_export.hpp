#pragma once
// The data behind the time-series chart as CSV: year,zone,indicator,value, one row per plotted point
// (the selected area, and the province when it is drawn for comparison).
#include <string>
#include <vector>

#include "sim/output/indicators.hpp"
#include "view_data.hpp"

namespace hhu::viz {

std::string time_series_csv(const ViewData& view, const std::vector<ReportingUnit>& units);

// Writes `text` to `path`; throws InputError naming the file if it cannot.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace hhu::viz
