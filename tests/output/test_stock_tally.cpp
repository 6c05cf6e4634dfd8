// The stocks of 1 January tallied in rows of lanes (StockTally): each bit of a resident's counts adds one to its own
// measure of their zone and cell, the points add to the points of life satisfaction, nothing else moves, and adding
// the rows into a year's counters leaves the tally empty.
#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <stdexcept>
#include <tuple>

#include "sim/output/stock_tally.hpp"

using namespace hhu;

namespace {
// Every count of `c` that is not zero, as (measure, zone, cell, value).
std::set<std::tuple<int, int, int, std::int64_t>> non_zero(const YearCounters& c) {
    std::set<std::tuple<int, int, int, std::int64_t>> out;
    for (int m = 0; m < kNumMeasures; ++m)
        for (int zone = 0; zone < c.num_zones; ++zone)
            for (int cell = 0; cell < kCellsPerZone; ++cell)
                if (const std::int64_t v = c.count(static_cast<Measure>(m), zone, cell); v != 0) out.insert({m, zone, cell, v});
    return out;
}
}  // namespace

TEST_CASE("each lane of a resident's stocks counts its own measure in their zone and cell") {
    constexpr int kZones = 3;
    for (std::size_t lane = 0; lane < StockTally::kBitLanes.size(); ++lane) {
        const Measure m = StockTally::kBitLanes[lane];
        CAPTURE(lane);
        CHECK(StockTally::bit(m) == std::uint32_t{1} << lane);
        StockTally tally;
        tally.reset(kZones);
        tally.add(2, 17, StockTally::bit(m), 0);
        tally.add(2, 17, StockTally::bit(m), 0);
        tally.add(1, 5, 0, 0);  // a resident counted in no lane
        YearCounters c;
        c.reset(kZones);
        tally.add_into(c);
        CHECK(non_zero(c) == std::set<std::tuple<int, int, int, std::int64_t>>{{static_cast<int>(m), 2, 17, 2}});
    }
}

TEST_CASE("a resident's lanes and points add together, and the tally is empty once added into the counters") {
    StockTally tally;
    tally.reset(2);
    const std::uint32_t bits = StockTally::bit(Measure::Adults) | StockTally::bit(Measure::Smokers) |
                               StockTally::bit(condition_measure(kNumConditions - 1)) |
                               StockTally::bit(Measure::HeavilyBurdenedCarers);
    tally.add(1, kCellsPerZone - 1, bits, 7);
    tally.add(1, kCellsPerZone - 1, StockTally::bit(Measure::Adults), 10);
    tally.add(0, 0, StockTally::bit(Measure::Youth), 0);
    YearCounters c;
    c.reset(2);
    c.count(Measure::Adults, 1, kCellsPerZone - 1) = 5;  // added to what the counters hold
    tally.add_into(c);
    const int last = kCellsPerZone - 1;
    using Row = std::tuple<int, int, int, std::int64_t>;
    CHECK(non_zero(c) == std::set<Row>{{static_cast<int>(Measure::Adults), 1, last, 7},
                                       {static_cast<int>(Measure::Smokers), 1, last, 1},
                                       {static_cast<int>(condition_measure(kNumConditions - 1)), 1, last, 1},
                                       {static_cast<int>(Measure::HeavilyBurdenedCarers), 1, last, 1},
                                       {static_cast<int>(Measure::LifeSatisfactionPoints), 1, last, 17},
                                       {static_cast<int>(Measure::Youth), 0, 0, 1}});
    YearCounters again;
    again.reset(2);
    tally.add_into(again);
    CHECK(non_zero(again).empty());
    YearCounters other;
    other.reset(3);
    CHECK_THROWS_AS(tally.add_into(other), std::logic_error);
}
