#pragma once
// Everything a run reads: the demographic tables (sim/model) with the health model's (sim/health)
// and the care labour market's (sim/labour) attached. Composed here, above the three modules, so
// that none of them depends on another's loader.
#include <cstdint>
#include <filesystem>

#include "sim/model/model_data.hpp"

namespace hhu {

// Reads and checks every table of every module; throws InputError naming the file, line and column
// of any problem. A missing file is an error, never a module switched off (only a scenario does that,
// health.enabled).
ModelData load_model_data(const std::filesystem::path& directory);

// The same under parameter draw `draw` (sim/uncertainty) with `draw_seed`: the drawn values replace the
// central ones as the tables are read (data/uncertainty/parameter_uncertainty.csv joins data.files).
// Draw 0 is load_model_data(directory) exactly.
ModelData load_model_data(const std::filesystem::path& directory, int draw, std::uint64_t draw_seed);

// The same as load_model_data(central.directory, draw, draw_seed), the same values and files, but reading
// only the tables the draw edits (the health tables) again: the others are taken from `central` (loaded with
// draw 0), so a batch of draws parses them once. A draw that edits any other table is read whole.
ModelData load_model_data(const ModelData& central, int draw, std::uint64_t draw_seed);

}  // namespace hhu
