#pragma once
// The files of a run directory: manifest.json (provenance), yearly.csv (every indicator) and
// summary.json (headline figures). Written aside and renamed into place when complete.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "sim/output/indicators.hpp"
#include "sim/output/output_format.hpp"
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
    OutputFormat output;  // the detail level and compression of the tables
    // The 1 January of the baseline's saved state the run started from (sim/simulation/saved_state.hpp; 0: it lived
    // every year): its person_steps and wall_seconds are of the years after it.
    int started_from_year = 0;
    std::string started_from_file;  // its file ("" when handed over in memory: a batch plan's, the viewer's)
};

std::string manifest_json(const Scenario& scenario, const ModelData& data, const RunProvenance& run);
std::string summary_json(const Scenario& scenario, const Indicators& indicators);

// "" when `dir` holds a complete run of this scenario (as resolved), seed, scale, data (checksums)
// and build of hhu: a replicate that an interrupted batch finished and a resumed one may reuse.
// Otherwise what differs, e.g. "its seed is 7, this batch's is 8"; "no manifest.json" if incomplete.
// The output format must match too ("its tables are at detail zones, this batch's at full").
std::string replicate_mismatch(const std::filesystem::path& dir, const Scenario& scenario, const ModelData& data,
                               std::uint64_t seed, double scale, const OutputFormat& format = {});

// Adds a finished replicate's wall time and person-steps to `batch` (and keeps the largest peak
// memory): a batch's manifest sums its replicates, each counted once however often it resumed.
void add_replicate_totals(const std::filesystem::path& dir, RunProvenance& batch);

// summary.json of a set of replicates: seeds, and the mean and 95% interval of headline indicators.
std::string ensemble_summary_json(const Scenario& scenario, const std::vector<std::uint64_t>& seeds,
                                  const class Ensemble& ensemble, int last_year);

// A further file of a run directory (name, contents), such as a baseline's migration_plan.json.
struct RunFile {
    std::string name;
    std::string contents;
    // Or bytes held elsewhere, written as they are (a saved state's image, some 160 MB at full scale, not copied):
    // they must outlive the write.
    std::string_view held{};
    std::string_view bytes() const { return held.data() != nullptr ? held : std::string_view(contents); }
};

// Writes the three files (and `extra`) to `dir` atomically (yearly.csv at run.output's level,
// compressed if it says so); refuses an existing `dir` unless `force`.
void write_run_directory(const std::filesystem::path& dir, bool force, const Scenario& scenario,
                         const ModelData& data, const Indicators& indicators, const RunProvenance& run,
                         const std::vector<RunFile>& extra = {});

// The run directory of a set of finished replicates (each a run directory, in order): yearly.csv
// (mean), yearly_interval.csv, summary.json, manifest.json (`batch` with the replicates' summed
// times) and replicates/NNN (hard links to the replicates' files, or copies), written atomically.
// `before_commit` runs once everything is staged (a test's kill point). Throws InputError if a
// replicate is missing or does not match.
struct EnsembleSpec {
    const Scenario* scenario = nullptr;
    const ModelData* data = nullptr;
    std::vector<std::uint64_t> seeds;              // one per replicate
    std::vector<std::filesystem::path> replicates;  // their folders, in order
    RunProvenance batch;                            // seed (the first), scale, threads, output
};
void write_ensemble_directory(const std::filesystem::path& dir, bool force, const EnsembleSpec& spec,
                              const std::function<void()>& before_commit = {});

}  // namespace hhu
