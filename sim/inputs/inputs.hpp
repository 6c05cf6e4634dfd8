#pragma once
// Everything a run reads: the demographic tables (sim/model) with the health model's (sim/health)
// and the care labour market's (sim/labour) attached. Composed here, above the three modules, so
// that none of them depends on another's loader.
#include <filesystem>

#include "sim/model/model_data.hpp"

namespace hhu {

// Reads and checks every table of every module; throws InputError naming the file, line and column
// of any problem. A missing file is an error, never a module switched off (only a scenario does that,
// health.enabled).
ModelData load_model_data(const std::filesystem::path& directory);

}  // namespace hhu
