#pragma once
// The files of a run directory: manifest.json (provenance), yearly.csv (every indicator) and
// summary.json (headline figures). Written aside and renamed into place when complete.
#include <cstdint>
#include <filesystem>
#include <string>

#include "sim/output/indicators.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct RunProvenance {
    std::uint64_t seed = 0;
    int threads = 0;
    double scale = 1.0;
    int replicate = 0;
    std::string started_at;
    double wall_seconds = 0;
    std::uint64_t person_steps = 0;
    std::size_t peak_memory_bytes = 0;
};

std::string manifest_json(const Scenario& scenario, const ModelData& data, const RunProvenance& run);
std::string summary_json(const Scenario& scenario, const Indicators& indicators);

// Writes the three files to `dir` atomically; refuses an existing `dir` unless `force`.
void write_run_directory(const std::filesystem::path& dir, bool force, const Scenario& scenario,
                         const ModelData& data, const Indicators& indicators, const RunProvenance& run);

}  // namespace hhu
