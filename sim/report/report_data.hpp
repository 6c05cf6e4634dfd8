#pragma once
// Everything the policy brief shows, gathered from run directories: compare's rows (the same numbers
// as `hhu compare`), trends with their 95% bands, the change by municipality and district, equity by
// education and district, the care workforce gap, the scenario's interventions and the provenance of
// each run. Reading only; the document (document.hpp) turns it into HTML.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/compare/compare.hpp"
#include "sim/core/statistics.hpp"
#include "sim/report/geo_map.hpp"

namespace hhu {

// One intervention of a scenario as its manifest.json records it (the scenario as resolved).
struct InterventionSummary {
    std::string id, name, name_nl, programme, description, description_nl, source;
    std::vector<std::string> assumptions;
    std::vector<std::pair<std::string, std::string>> who, when, reach, cost;  // key, value as written
    std::vector<std::vector<std::pair<std::string, std::string>>> effects;    // one list of key, value per effect
};

// What a run directory says about how it was made (manifest.json).
struct Provenance {
    std::filesystem::path dir;
    std::string scenario_name, description, version;
    ScenarioWords words;  // title and description in both languages, as the manifest records them
    std::uint64_t seed = 0;
    double scale = 1;
    int replicates = 1;
    std::vector<std::string> notes, notes_nl;  // the scenario's notes for readers, in English and in Dutch
    std::vector<std::pair<std::string, std::string>> data_checksums;  // file, SHA-256
};

// One series of the province in both runs, per year: mean and 95% band over replicates.
struct TrendPair {
    std::string indicator;
    std::map<int, Estimate> baseline, scenario;
};

// A paired difference (scenario - baseline) in one zone or group, with the baseline's level.
struct GroupChange {
    std::string code, name;
    Estimate baseline;  // the level in the baseline (a year's value), when shown
    Estimate change;
};

struct ScenarioReport {
    Comparison comparison;  // compare_runs for the province: the headline numbers
    Provenance provenance;
    std::vector<InterventionSummary> interventions;
    std::vector<TrendPair> trends;  // healthy life expectancy, QALYs, care hours, care costs, participants
    std::optional<TrendPair> workforce_gap;  // care_fte_gap, when the care labour market ran
    std::vector<GroupChange> workforce_gap_change;  // at 2030 and the last year (code: the year)
    // QALYs gained over the whole period per 1,000 residents of the first year.
    std::vector<GroupChange> municipalities;  // 26, in the order of the outlines file
    std::vector<GroupChange> districts;       // Utrecht's 10
    // Healthy life expectancy in the last year: baseline level and change.
    std::vector<GroupChange> hle_by_education;  // low, middle, high
    std::vector<GroupChange> hle_by_district;
    int first_year = 0, last_year = 0;
};

struct ReportData {
    Provenance baseline;
    std::vector<ScenarioReport> scenarios;
    std::vector<GeoShape> municipalities;  // the real outlines (data/geo)
};

// Reads the baseline and every scenario run. InputError, before anything is written, for a missing
// directory, a directory that is not a run, runs that are not paired (seed, scale, replicates, years,
// zones) or a bad data file (data/zones.csv, data/geo/utrecht_municipalities_2021.geojson).
ReportData load_report_data(const std::filesystem::path& baseline_dir,
                            const std::vector<std::filesystem::path>& scenario_dirs,
                            const std::filesystem::path& data_dir);

// The provenance recorded in DIR/manifest.json; InputError naming the file and the JSON path.
Provenance read_provenance(const std::filesystem::path& dir);
// The interventions of the scenario in DIR/manifest.json.
std::vector<InterventionSummary> read_interventions(const std::filesystem::path& dir);

}  // namespace hhu
