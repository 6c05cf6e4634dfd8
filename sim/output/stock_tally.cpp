#include "sim/output/stock_tally.hpp"

#include <algorithm>
#include <stdexcept>

namespace hhu {

void StockTally::reset(int zones) {
    zones_ = zones;
    rows_.assign(static_cast<std::size_t>(zones) * kCellsPerZone * kLanes, 0);
}

void StockTally::add_into(YearCounters& into) {
    if (into.num_zones != zones_) throw std::logic_error("StockTally::add_into: counters of another number of zones");
    const std::size_t rows = static_cast<std::size_t>(zones_) * kCellsPerZone;  // [zone][cell], as each measure's counts
    auto add_lane = [&](Measure m, int lane) {
        std::int64_t* const counts = &into.count(m, 0, 0);
        for (std::size_t r = 0; r < rows; ++r) counts[r] += rows_[r * kLanes + static_cast<std::size_t>(lane)];
    };
    for (std::size_t lane = 0; lane < kBitLanes.size(); ++lane) add_lane(kBitLanes[lane], static_cast<int>(lane));
    add_lane(Measure::LifeSatisfactionPoints, kPointsLane);
    std::fill(rows_.begin(), rows_.end(), 0);
}

}  // namespace hhu
