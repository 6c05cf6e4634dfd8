#pragma once
// Scenario files: what to simulate. A scenario is a JSON object (see scenarios/baseline.json); it may
// `extends` another scenario file, whose keys it overrides by a deep merge of objects (arrays and
// other values replace). Loading validates everything and reports every problem at once, each with
// the JSON pointer of the offending value, as a ScenarioError.
//
// The schema lives in one table in scenario.cpp (field name, kind, range, whether required, and the
// Scenario member it sets); a new section is added there. Defaults are the initializers below.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace hhu {

struct DemographyParams {
    double mortality_scale = 1.0;             // multiplies every death rate; [0, 10]
    double fertility_scale = 1.0;             // multiplies every fertility rate; [0, 10]
    double out_migration_scale = 1.0;         // multiplies every zone's out-migration rate; [0, 10]
    bool align_migration_to_forecast = true;  // arrivals from outside the province follow data/population_forecast.csv
    bool use_registered_migration = true;     // Utrecht city 2021-2023 uses the registered inflow (back-cast)
};

struct HealthParams {
    bool enabled = true;  // the health model (data/health); off: demography only
};

struct Scenario {
    std::string name;                         // required, non-empty, [A-Za-z0-9_-]+; a scenario that
                                              // extends another must give its own name
    std::string description;                  // optional
    std::string source_file;                  // the file it was loaded from ("" if parsed from text)
    std::vector<std::string> extends_chain;   // files this one extends: its direct base first, outermost last
    int start_year = 2021;                    // [2021, 2021] for now (the population table is of 1-1-2021)
    int end_year = 2040;                      // [start_year, 2040]
    std::uint64_t seed = 1;                   // unsigned integer
    int replicates = 1;                       // [1, 1000]
    DemographyParams demography;
    HealthParams health;
    std::string resolved_json;                // after `extends` is resolved and defaults filled in;
                                              // pretty-printed, keys sorted, no `extends`
};

struct ValidationIssue {
    std::string path;     // JSON pointer such as /demography/mortality_scale ("" is the whole document)
    std::string message;  // what is wrong, e.g. "must be between 0 and 10, got 12.5"
};

// what() is multi-line:
//   scenario FILE: N problem(s):
//     /json/path: message
//     ...
class ScenarioError : public InputError {
public:
    ScenarioError(std::string file, std::vector<ValidationIssue> issues);
    const std::vector<ValidationIssue>& issues() const { return issues_; }
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<ValidationIssue> issues_;
};

// Loads `file`, resolves `extends` (relative to the folder of the file that names it), validates,
// and fills in defaults. Throws ScenarioError listing every problem; the file is named as given.
Scenario load_scenario(const std::filesystem::path& file);

// The same from text; `name` stands for the file name in messages, and `extends` is resolved
// relative to the folder of `name` (the working directory if it has none). source_file is "".
Scenario parse_scenario(const std::string& json_text, const std::string& name);

// Applies dotted assignments such as "demography.mortality_scale=0.5" or "seed=7" (the command
// line's -D flags) to `base` and validates the result the same way. The value is read as JSON
// (numbers, true/false, arrays, quoted strings); for a string-valued key an unquoted value is taken
// as is ("name=my_run"). Throws ScenarioError naming base's file, each issue marked with the -D
// flag that caused it. `extends` cannot be overridden.
Scenario with_overrides(const Scenario& base, const std::vector<std::string>& assignments);

}  // namespace hhu
