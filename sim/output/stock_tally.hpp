#pragma once
// The stocks of 1 January (the health and wellbeing models' counts of each resident), tallied by zone and cell in
// rows of 32 lanes, one lane a measure: a resident's counts are one set of bits (a lane's count is 0 or 1) and the
// points of life satisfaction, added to the row of their zone and cell at once (four lanes an SSE2 instruction)
// instead of one counter of YearCounters after another (some thirty scattered additions a resident each January,
// a tenth of a full run). The rows are added into a year's counters when the count is done (integers: the same sums).
#include <array>
#include <cstdint>
#include <vector>

#include "sim/output/results.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hhu {

class StockTally {
public:
    static constexpr int kLanes = 32;
    // The measure of each lane with a bit (a resident's count 0 or 1); then the points of life satisfaction (a sum).
    static constexpr std::array kBitLanes = {
        Measure::Adults, Measure::Smokers, Measure::OverweightOrObese, Measure::Obese, Measure::Active,
        Measure::ExcessiveAlcohol, Measure::Distress, Measure::LonelySevere, Measure::ResidentsAged12Plus,
        Measure::DigitallySkilled, Measure::Children, Measure::ChildrenOverweight, Measure::Youth, Measure::YouthDistress,
        condition_measure(0), condition_measure(1), condition_measure(2), condition_measure(3), condition_measure(4),
        condition_measure(5), condition_measure(6), Measure::Seniors, Measure::Frail, Measure::HomeCare,
        Measure::NursingHome, Measure::InformalCareNeed,
        // the wellbeing model's
        Measure::Satisfied, Measure::Happy, Measure::InformalCarers, Measure::HeavilyBurdenedCarers};
    static_assert(kNumConditions == 7, "kBitLanes lists the conditions' measures one by one");
    static constexpr int kPointsLane = kLanes - 1;  // Measure::LifeSatisfactionPoints
    static_assert(kBitLanes.size() < kPointsLane, "the lanes with bits end before the points' lane");

    // The lane of a measure, and its bit.
    static constexpr int lane(Measure m) {
        for (std::size_t k = 0; k < kBitLanes.size(); ++k)
            if (kBitLanes[k] == m) return static_cast<int>(k);
        throw "not a measure of StockTally::kBitLanes";  // at compile time: lane() of a measure without one
    }
    static constexpr std::uint32_t bit(Measure m) { return std::uint32_t{1} << lane(m); }
    // The bit of measure M if `yes`, else 0, without a branch (the lane found at compile time).
    template <Measure M>
    static constexpr std::uint32_t bit_if(bool yes) {
        constexpr int k = lane(M);
        return static_cast<std::uint32_t>(yes) << k;
    }

    // Empty rows for `zones` zones.
    void reset(int zones);
    // One resident's counts: the bits of kBitLanes (bit(m): 1 for measure m) and their points of life satisfaction.
    void add(int zone, int cell, std::uint32_t bits, std::int32_t points) {
        std::int32_t* const row = rows_.data() + (static_cast<std::size_t>(zone) * kCellsPerZone + cell) * kLanes;
#if defined(__SSE2__)
        // Four lanes at a time: a lane whose bit is set compares equal to its select (-1), which is subtracted.
        const __m128i all = _mm_set1_epi32(static_cast<int>(bits));
        for (int b = 0; b < kLanes; b += 4) {
            const __m128i select = _mm_setr_epi32(1 << b, 1 << (b + 1), 1 << (b + 2), static_cast<int>(1u << (b + 3)));
            const __m128i set = _mm_cmpeq_epi32(_mm_and_si128(all, select), select);
            auto* const lanes = reinterpret_cast<__m128i*>(row + b);
            _mm_storeu_si128(lanes, _mm_sub_epi32(_mm_loadu_si128(lanes), set));
        }
#else
        for (int k = 0; k < kLanes; ++k) row[k] += static_cast<std::int32_t>((bits >> k) & 1u);
#endif
        row[kPointsLane] += points;
    }
    // Adds the rows into `into` (whose zones they must have) and leaves them empty.
    void add_into(YearCounters& into);

private:
    int zones_ = 0;
    std::vector<std::int32_t> rows_;  // [zone][cell][lane]
};

}  // namespace hhu
