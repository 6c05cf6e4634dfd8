#pragma once
// A batch plan (`hhu batch plan.json`): the runs of a study in one file. A plan lists rows, each a
// scenario with -D style overrides and a number of replicates, given as
//   runs    one row each:                 {"scenario": "a.json", "set": {"key": value}, "replicates": 5}
//   grids   every scenario x every combination of the listed values:
//                                         {"scenarios": ["a.json", "b.json"], "set": {"key": [v1, v2]}}
//   sweeps  one scenario over the values of one key, summarised as a response curve of one indicator:
//           {"name": "gli_uptake", "scenario": "a.json", "key": "interventions.<id>.reach.uptake",
//            "values": [0.2, 0.4, 0.8], "indicator": "qalys", "zone": "PV26", "year": 2040}
// and for the whole plan: name, scale, seed, replicates, detail, gzip and "set" (applied to every row
// first). Scenario paths are relative to the plan's folder. Replicate r of every row uses seed + r
// (common random numbers), so rows are paired as `hhu run -r` runs are. With "draws": N (and
// "draw_seed") every row runs once per parameter draw 1..N (sim/uncertainty), labelled "... draw k":
// draw k is the same parameter set in every row, so rows stay paired; not yet with sweeps.
// Every problem of a plan is reported at once with its JSON path, as for scenarios.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/output/output_format.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct PlanRow {
    int number = 0;                      // 1, 2, ... in the order of the file (runs, grids, sweeps)
    std::string label;                   // the run's name, or the scenario's with its varied values
    std::string origin;                  // JSON pointer of the entry that made it, e.g. /grids/0
    std::string scenario_file;           // as resolved against the plan's folder
    std::vector<std::string> overrides;  // KEY=VALUE, the plan's "set" first
    int replicates = 1;
    std::uint64_t seed = 1;              // replicate r (from 0) uses seed + r
    Scenario scenario;                   // loaded, with the overrides applied (not the draw: hhu batch applies it)
    int draw = 0;                        // parameter draw (0: the central values)
    std::uint64_t draw_seed = 1;
};

struct PlanSweep {
    std::string name;                 // curves/NAME.csv
    std::string key;                  // the swept -D key
    std::vector<std::string> values;  // as JSON text, in the order given
    std::vector<int> rows;            // the row number of each value
    std::string indicator, zone;
    int year = 0;
};

struct Plan {
    std::string name;
    std::string description;
    std::string source_file;
    double scale = 1.0;
    OutputFormat output;
    std::vector<PlanRow> rows;
    std::vector<PlanSweep> sweeps;
    // plan.json of the output folder: the options and every row with its resolved scenario. A
    // resumed plan must have the same text (a changed plan or scenario file is refused, not mixed).
    std::string resolved_json;
};

// what() is multi-line, as ScenarioError's:
//   plan FILE: N problem(s):
//     /json/path: message
class PlanError : public InputError {
public:
    PlanError(const std::string& file, const std::vector<ValidationIssue>& issues);
};

// Reads, validates and expands a plan; throws PlanError listing every problem. `unit_codes` are
// the reporting units of the data (a sweep's zone must be one; not checked when empty).
Plan load_plan(const std::filesystem::path& file, const std::vector<std::string>& unit_codes = {});
Plan parse_plan(const std::string& text, const std::string& name, const std::filesystem::path& folder,
                const std::vector<std::string>& unit_codes = {});

// The first row of `had` (plan.json text) that differs from `plan`'s, for the message when a folder
// holds another plan ("row 2 (agenda): its scenario differs"; "the options differ"); "" when equal.
std::string plan_difference(const std::string& had, const Plan& plan);

}  // namespace hhu
