#pragma once
// What a run records: integer counts of simulated residents per year, by zone, sex, age group and
// education, plus the life-table inputs (exposure and deaths by single year of age). Integer counts
// make the totals independent of the order of summation, hence of the thread count. Multiply by
// `weight` for full-population values.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/types.hpp"

namespace hhu {

enum class Counter : int { Population = 0, Births, Deaths, Immigration, Emigration, kCount };
inline constexpr int kNumCounters = static_cast<int>(Counter::kCount);
inline constexpr std::array<std::string_view, kNumCounters> kCounterNames = {"population", "births", "deaths",
                                                                             "immigration", "emigration"};

inline constexpr int kCellsPerZone = kNumSexes * kNumAgeGroups * kNumEducation;
constexpr int cell_of(int sex, int group, int edu) { return (sex * kNumAgeGroups + group) * kNumEducation + edu; }

struct YearCounters {
    int num_zones = 0;
    std::vector<std::int64_t> counts;          // [counter][zone][cell]
    std::vector<std::int64_t> internal_moves;  // [aggregate][cell]: moves with origin and destination inside it
    std::vector<std::int64_t> exposure_months; // [zone][sex][age]: months lived
    std::vector<std::int64_t> deaths_by_age;   // [zone][sex][age]

    void reset(int zones);
    void add(const YearCounters& other);
    std::int64_t& count(Counter c, int zone, int cell) {
        return counts[(static_cast<std::size_t>(c) * num_zones + zone) * kCellsPerZone + cell];
    }
    std::int64_t count(Counter c, int zone, int cell) const {
        return counts[(static_cast<std::size_t>(c) * num_zones + zone) * kCellsPerZone + cell];
    }
    std::int64_t& internal(int aggregate, int cell) { return internal_moves[aggregate * kCellsPerZone + cell]; }
    std::int64_t internal(int aggregate, int cell) const { return internal_moves[aggregate * kCellsPerZone + cell]; }
    std::size_t age_index(int zone, int sex, int age) const {
        return (static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAges + age;
    }
};

struct Results {
    double weight = 1.0;          // full-population residents per simulated resident
    int first_year = kFirstYear;
    std::vector<YearCounters> years;  // years[y - first_year], complete or in progress
    YearCounters end_population;      // population on 1 January after the last simulated year
    int completed_years = 0;
};

}  // namespace hhu
