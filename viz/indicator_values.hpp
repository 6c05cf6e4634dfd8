#pragma once
// The values the viewer draws, from the UI's mirror of the results: an indicator as displayed
// (indicator_display.hpp) for a year, area and breakdown, or nothing if that year has no value yet.
// A value, once known, does not change within a run (complete years are final; a year's 1 January
// counts are final after its first month), so values are cached until the run restarts.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "indicator_display.hpp"
#include "results_mirror.hpp"
#include "sim/output/indicators.hpp"
#include "sim_runner.hpp"

namespace hhu::viz {

class IndicatorValues {
public:
    explicit IndicatorValues(const ModelData& data);

    // Takes a new snapshot; returns true if it starts a new run.
    bool update(const Snapshot& snap);
    const std::vector<ReportingUnit>& units() const { return indicators_.units(); }
    bool has_health() const { return mirror_.results().health; }
    // Whether this run has the indicator (health ones need the health model, labour ones the labour market).
    bool available(const DisplayIndicator& d) const;
    // The last year with values of `d` (first year - 1 if none).
    int last_viewable_year(const DisplayIndicator& d) const;
    std::optional<double> get(const DisplayIndicator& d, int year, int unit, int sex = kAll, int group = kAll,
                              int edu = kAll);

    // The catalogue's own value (full-population total, no display scaling) of a complete year.
    std::optional<double> total(const IndicatorInfo& info, int year, int unit) const;
    int last_complete_year() const { return kFirstYear + steps_done_ / kMonthsPerYear - 1; }
    bool finished() const { return finished_; }
    // The catalogue's indicators on this run's results (what yearly.csv would hold).
    const Indicators& indicators() const { return indicators_; }

private:
    std::optional<double> compute(const DisplayIndicator& d, int year, int unit, int sex, int group, int edu);
    const std::vector<double>& cells(int year, int unit);

    ResultsMirror mirror_;
    Indicators indicators_;  // on mirror_.results(), whose address never changes
    const int province_;     // reporting unit of the province
    int steps_done_ = 0;
    bool finished_ = false;
    std::unordered_map<std::uint64_t, std::optional<double>> cache_;
    mutable std::unordered_map<std::uint64_t, std::optional<double>> total_cache_;  // total(): complete years
    // Cell sums of the last (year, unit) asked for: the costly part, shared by numerator and denominator.
    int cells_year_ = -1, cells_unit_ = -1;
    std::vector<double> cells_;
};

}  // namespace hhu::viz
