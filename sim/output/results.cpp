#include "sim/output/results.hpp"

#include "sim/model/model_data.hpp"

namespace hhu {

void YearCounters::reset(int zones) {
    num_zones = zones;
    counts.assign(static_cast<std::size_t>(kNumMeasures) * zones * kCellsPerZone, 0);
    internal_moves.assign(static_cast<std::size_t>(kNumAggregates) * kCellsPerZone, 0);
    exposure_months.assign(static_cast<std::size_t>(zones) * kNumSexes * kNumEducation * kNumAges, 0);
    deaths_by_age.assign(exposure_months.size(), 0);
    good_health_months.assign(exposure_months.size(), 0);
    adult_months.assign(static_cast<std::size_t>(zones) * kCellsPerZone, 0);
}

void YearCounters::add(const YearCounters& o) {
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += o.counts[i];
    for (std::size_t i = 0; i < internal_moves.size(); ++i) internal_moves[i] += o.internal_moves[i];
    for (std::size_t i = 0; i < exposure_months.size(); ++i) exposure_months[i] += o.exposure_months[i];
    for (std::size_t i = 0; i < deaths_by_age.size(); ++i) deaths_by_age[i] += o.deaths_by_age[i];
    for (std::size_t i = 0; i < good_health_months.size(); ++i) good_health_months[i] += o.good_health_months[i];
    for (std::size_t i = 0; i < adult_months.size(); ++i) adult_months[i] += o.adult_months[i];
}

}  // namespace hhu
