#pragma once
// Period life expectancy from deaths and exposure by single year of age: an abridged life table over
// 0, 1-4, 5-9, ..., 90-94, 95+ (Chiang's method; a0 and 1a4 from Coale-Demeny as given by Preston,
// Heuveline and Guillot 2001, table 3.3; n/2 elsewhere; the open interval's L = l/m).
#include <array>
#include <vector>

#include "sim/core/types.hpp"

namespace hhu {

using AgeArray = std::array<double, kNumAges>;

struct LifeTableInput {
    AgeArray deaths{};
    AgeArray exposure_years{};
    // Rates used for an interval with under one person-year of exposure, or an open interval with no
    // deaths (small zones in sampled runs): the national input rates of that year.
    AgeArray fallback_rates{};
    // Years lived in good perceived health, by age (for healthy life expectancy, Sullivan's method);
    // used only by healthy_life_expectancy_at.
    AgeArray good_health_years{};
    int sex = -1;  // 0 male, 1 female, -1 both (a0 and 1a4 averaged)
};

// The abridged table of one input, built once for every age and both kinds of expectancy asked of it
// (yearly.csv reads four of each input): the same numbers as the functions below.
class LifeTable {
public:
    explicit LifeTable(const LifeTableInput& input);
    // Remaining (healthy: in good perceived health) life expectancy at `age` (0 or a multiple of 5).
    double expectancy(int age, bool healthy) const;

private:
    std::vector<int> starts_;  // each interval's first age
    std::vector<double> m_, L_, l_, healthy_share_;
};

// Remaining life expectancy at `age` (0 or a multiple of 5).
double life_expectancy_at(const LifeTableInput& input, int age);
// Healthy life expectancy at `age` (Sullivan): sum over intervals of L_x times the interval's share of
// person-years in good perceived health, over l at `age`.
double healthy_life_expectancy_at(const LifeTableInput& input, int age);

}  // namespace hhu
