#pragma once
// Validation against published figures: the targets in data/targets/*.csv (indicator, zone or
// aggregate, year, sex, published value, tolerance, source), compared with a run's indicators.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/output/indicators.hpp"

namespace hhu {

struct Target {
    std::string indicator;
    std::string zone;
    int year = 0;
    int sex = -1;  // kAll
    int education = -1;  // kAll; optional column `education` (low, middle, high, all)
    double value = 0;
    double tolerance = 0;
    bool relative = true;  // tolerance as a share of the value, else in the indicator's unit
    // A target whose `role` is "compare" is another model's forecast, shown next to ours: a difference
    // beyond the tolerance is reported, not failed (the default role "check" fails `hhu validate`).
    bool compare_only = false;
    std::string source;
    std::string note;
    std::string file;
    int line = 0;
};

// Reads every CSV in `directory` (data/targets); errors name file, line and column.
std::vector<Target> load_targets(const std::filesystem::path& directory);

struct TargetCheck {
    Target target;
    double model = 0;
    double allowance = 0;  // extra tolerance for the sampling error of a run at scale < 1
    bool within = false;
    bool passes() const { return within || target.compare_only; }
};

// Compares; a target whose year lies outside the run is skipped. Unknown zones or indicators are
// InputErrors naming the target's file and line.
std::vector<TargetCheck> check_targets(const Indicators& indicators, const std::vector<Target>& targets,
                                       double scale);

// A table for the terminal: indicator, zone, year, sex, model, published, difference, tolerance, ok, source.
std::string format_checks(const std::vector<TargetCheck>& checks);

}  // namespace hhu
