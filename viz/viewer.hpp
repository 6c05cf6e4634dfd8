#pragma once
// The window and its frame loop: events, the script, the panels, the map, screenshots, frame timing.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "map_geometry.hpp"
#include "options.hpp"
#include "script.hpp"
#include "sim/model/model_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu::viz {

// Opens the window and runs until it is closed, the script quits or --frames are drawn. Returns the
// process's exit status; errors are printed to stderr.
int run_viewer(const ViewerOptions& options, const ModelData& data, const Scenario& scenario, MapGeometry geometry,
               std::vector<ScriptCommand> script);

}  // namespace hhu::viz
