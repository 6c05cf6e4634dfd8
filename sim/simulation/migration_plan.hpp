#pragma once
// The migration of a policy-free run, year by year, and what it is the migration of (its key). A
// scenario with interventions on health follows the migration of its policy-free twin, so that both
// arms of a comparison migrate alike. The twin's migration comes from one of three places, all
// through RunOptions::migration_plan and one check (check_migration_plan):
//   - a twin stepped alongside the scenario (no plan given: the run costs about twice a baseline's);
//   - a finished policy-free run of the same settings, seed, scale, data and build, in memory (the
//     viewer's baseline, a batch's baseline row);
//   - the same, stored in its run directory as migration_plan.json (`hhu run --migration-from DIR`).
// A plan whose key differs from the run's is refused with what differs, never used.
// The plan also carries the policy-free run's wellbeing calibration (fitted to its residents on 1 January
// 2021): a run of the same key starts from the same residents, so it takes that fit instead of fitting again.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/health/wellbeing_calibration.hpp"

namespace hhu {

struct RunFile;

struct ModelData;
struct Scenario;

// What a migration plan is the migration of. Two runs with equal keys step the same policy-free
// province: the scenario's settings without its interventions (and without its name, notes, seed,
// replicates and end year: a plan covers every year up to its run's end, whatever comes after),
// the seed, the scale, the data files (checksums) and the build of hhu.
struct MigrationPlanKey {
    std::string settings_sha256;  // of the scenario's resolved settings, interventions left out
    std::uint64_t seed = 0;
    double scale = 1.0;
    std::string data_sha256;      // of the data files' names and checksums
    std::string hhu_version;
    bool operator==(const MigrationPlanKey&) const = default;
};

MigrationPlanKey migration_plan_key(const Scenario& scenario, const ModelData& data, std::uint64_t seed,
                                    double scale);

// "" when equal; otherwise what differs, e.g. "its seed is 7, this run's is 8".
std::string key_difference(const MigrationPlanKey& had, const MigrationPlanKey& wants);

// Each year's arrivals from outside the province per zone (simulated residents), their age-sex shares,
// the out-migration multipliers and where those who move within the province go, as the alignment set them:
// [year - first year][zone] for arrivals, [year - first year][zone][sex][age] for the shares and multipliers,
// [year - first year][from zone][to zone] for the destinations (proportional to the zones' residents, so a
// scenario's own residents would move others elsewhere than in the baseline).
struct MigrationPlan {
    MigrationPlanKey key;
    std::vector<std::vector<std::int64_t>> arrivals;
    std::vector<std::vector<double>> arrival_shares;
    std::vector<std::vector<double>> out_multiplier;
    std::vector<std::vector<std::vector<double>>> destination_p;
    // The wellbeing model's calibration to the run's residents on 1 January 2021 (WellbeingModel::calibrate). What
    // it is fitted to (those residents, the wellbeing and health tables, the health settings) is covered by the key,
    // and no intervention acts before the fit (sim/simulation/simulation.cpp), so every run of this key fits these
    // bits and takes them instead. Absent when the run had no wellbeing model, or in a plan written before the fit
    // was kept: the run then fits as before.
    std::optional<WellbeingCalibration> wellbeing;
};

// Throws InputError (naming `source`) unless `plan` is the migration of the policy-free run keyed
// `wants`.
void check_migration_plan(const MigrationPlan& plan, const MigrationPlanKey& wants, const std::string& source);

// The file of a run directory that holds its policy-free migration: plain, or gzip-compressed in a run whose tables
// are (--gzip: a tenth of the size; a study of paired draws writes one per run).
inline constexpr const char* kMigrationPlanFile = "migration_plan.json";
inline constexpr const char* kMigrationPlanFileGz = "migration_plan.json.gz";
// A run's plan file (sim/output/run_output.hpp's RunFile): its name and bytes, compressed or not.
RunFile migration_plan_file(const MigrationPlan& plan, bool gzip);
// The plan file of a run directory (plain or compressed); empty when it holds none.
std::filesystem::path plan_file_in(const std::filesystem::path& dir);

// JSON text of a plan (numbers exact: every double round-trips).
std::string migration_plan_json(const MigrationPlan& plan);
// Reads a plan written by migration_plan_json; InputError naming the file and the JSON path.
MigrationPlan read_migration_plan(const std::filesystem::path& file);
// The same from the file's text: its arrays read directly when it is an object of the form migration_plan_json writes
// (whitespace allowed; `read_directly`, when given, says whether they were), any other text by the full parser.
MigrationPlan parse_migration_plan(const std::string& text, const std::filesystem::path& file,
                                   bool* read_directly = nullptr);

// The plan in `dir` (a run directory, or a set of replicates' with replicates/NNN/) whose key is
// `wants`; InputError naming `dir` and why each candidate differs when none is.
MigrationPlan find_migration_plan(const std::filesystem::path& dir, const MigrationPlanKey& wants);
// Whether `dir` holds a plan keyed `wants`, from each plan's key alone (the head of its file); false for a folder or
// file that cannot be read.
bool holds_migration_plan(const std::filesystem::path& dir, const MigrationPlanKey& wants) noexcept;

}  // namespace hhu
