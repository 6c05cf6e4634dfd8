// The mutual adjustment of the relative risks of death and of admission to a nursing home (A-H-RR-DEATH-MUTUAL,
// A-H-RR-NH-MUTUAL): rounds over the residents of 1 January 2021, each sum in resident order.
#include "sim/health/health_model.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include <tbb/parallel_for.h>

#include "sim/core/groups_in_order.hpp"
#include "sim/core/parallel.hpp"

namespace hhu {

namespace {

constexpr unsigned kRiskKeyBits = 21;  // adjust_rr_mutually's key: 4 bits of misc_key, 9 of lifestyle_key, 8 conditions

// The distinct values of `keys` (each below 2^bits), numbered in increasing order: the value of each number, and the
// number of a value (id). Which values occur is marked serially in a bitmap (2^21 bits: 256 KB); a value's number is
// the rank of its bit, so the numbering does not depend on the threads.
class KeyNumbers {
public:
    KeyNumbers(const Column<std::uint32_t>& keys, unsigned bits) : marked_((std::size_t{1} << bits) / 64, 0) {
        for (const std::uint32_t k : keys) marked_[k >> 6] |= std::uint64_t{1} << (k & 63u);
        rank_.resize(marked_.size());
        for (std::size_t w = 0; w < marked_.size(); ++w) {
            rank_[w] = static_cast<std::uint32_t>(key.size());
            for (std::uint64_t m = marked_[w]; m != 0; m &= m - 1)
                key.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(m))));
        }
    }
    std::uint32_t id(std::uint32_t k) const {
        const std::uint64_t below = (std::uint64_t{1} << (k & 63u)) - 1;
        return rank_[k >> 6] + static_cast<std::uint32_t>(std::popcount(marked_[k >> 6] & below));
    }
    std::vector<std::uint32_t> key;  // the value of each number

private:
    std::vector<std::uint64_t> marked_;
    std::vector<std::uint32_t> rank_;  // the marked bits of the words before
};

}  // namespace

// The published relative risks of death of the conditions and of frailty (relative_risks.csv, death rows)
// are associations adjusted for age and sex, not for each other: each carries the deaths of the other
// conditions that come with it (COPD with CHD and frailty, stroke with dementia, ...). Multiplied, they count
// that shared part once per condition, so the multimorbid, more of them with less education and at higher
// ages, got hazards far above what the published associations imply, and the education gradient in death
// grew with age instead of shrinking (A-H-RR-DEATH-MUTUAL). The model's relative risk of each is therefore the
// conditional one: each is multiplied by the published association over the association the model produces
// on the residents of 1 January 2021 (in each sex and age group the mean relative risk of death of the exposed
// over that of the unexposed, averaged with the expected deaths of the exposed as weights), in turn until
// they agree; never below 1. The residual risk factors (A-H-RR-DEATH-RESIDUAL) are held as they are.
void HealthModel::adjust_death_rr_mutually(const Population& pop) {
    Column<double> expected(pop.size());
    for_each_resident(pop.size(), [&](std::size_t i) {
        expected[i] = data_.mortality[0][pop.sex[i]][age_in_years(0, pop.birth_step[i])];
    });
    adjust_rr_mutually(pop, Outcome::Death, (1u << (kNumConditions + 1)) - 1, expected);
}

// The same for nursing-home admission (A-H-RR-NH-MUTUAL): dementia's and frailty's published associations with
// admission are not adjusted for the model's other relative risks of admission (stroke, living alone, a recent hip
// fracture) nor for what comes with them in the model (stroke with dementia). Among the residents not in a nursing
// home, weighted by their expected admissions.
void HealthModel::adjust_nursing_home_rr_mutually(const Population& pop) {
    Column<double> expected(pop.size());
    for_each_resident(pop.size(), [&](std::size_t i) {
        const int sex = pop.sex[i], g = age_group_of(age_in_years(0, pop.birth_step[i]));
        expected[i] = has(pop.health.flags[i], health_flag::NursingHome)
                          ? -1.0
                          : h_.nursing_home_rate[sex][g] * h_.nursing_home_calibration[sex][g];
    });
    adjust_rr_mutually(pop, Outcome::NursingHome, 1u << condition::Dementia | 1u << kNumConditions, expected);
}

// Exposure x of the adjustment: condition x, or frailty (x = kNumConditions). `expected` holds each resident's
// expected events of the outcome (the weights), negative for a resident not at risk of it (left out).
void HealthModel::adjust_rr_mutually(const Population& pop, Outcome outcome, unsigned exposures,
                                     const Column<double>& expected) {
    const int o = static_cast<int>(outcome);
    constexpr int kExposures = kNumConditions + 1;  // the conditions, then frailty
    auto exposure = [](int x) { return x < kNumConditions ? condition_exposure(x) : Exposure::Frail; };
    auto exposed = [&](std::size_t i, int x) {
        return x < kNumConditions ? (pop.health.conditions[i] & condition_bit(x)) != 0
                                  : has(pop.health.flags[i], health_flag::Frail);
    };
    auto adjusted = [&](int x) { return (exposures >> x & 1u) != 0 && h_.rr[o][static_cast<int>(exposure(x))] > 1; };
    // The resident's three risk tables in one key: the other factors (education, a recent hip fracture, living alone:
    // misc_key) in bits 17-20, the lifestyle key in bits 8-16, the conditions in the low byte. (Death's other
    // factors are all 1: its education effect is by sex and age group, death_education_rr_.)
    Column<std::uint32_t> risk(pop.size());
    static_assert(kNumConditions <= 8 && kLifestyleKeys <= 512 && 4 * kNumEducation <= 16, "the risk key's fields");
    static_assert(kRiskKeyBits == 17 + 4,
                  "the key's highest field (misc_key, 4 bits from bit 17) ends at kRiskKeyBits");
    for_each_resident(pop.size(), [&](std::size_t i) {
        risk[i] = static_cast<std::uint32_t>(misc_key(pop, i)) << 17 |
                  static_cast<std::uint32_t>(lifestyle_key(pop, i)) << 8 | pop.health.conditions[i];
    });
    // A round's relative risk of each resident is their key's product of the three tables: computed once per distinct
    // key (some 24,000 at full scale) and read by the key's number.
    const KeyNumbers numbers(risk, kRiskKeyBits);
    constexpr int kCells = kNumSexes * kNumAgeGroups;
    static_assert(kExposures <= 8, "a resident's exposures in one byte");
    // What does not change between rounds: the residents at risk by cell, each cell's in resident order, with their
    // key's number and their exposures (bit x: exposure x); per exposure the residents and the expected events of the
    // exposed per cell. A round's sums of a cell's relative risks, of its exposed and of its unexposed, then run over
    // the cell's residents in the order one pass over all residents summed them (the same additions: the same bits),
    // each sum taking +0.0 for a resident of the other: x + 0.0 is x for every x a sum from +0.0 can hold (it is never
    // -0.0 in round-to-nearest), and the other's term itself is never added.
    GroupsInOrder by_cell = group_in_order(pop.size(), kCells, [&](std::size_t i) {
        return expected[i] < 0 ? std::size_t{kCells}
                               : static_cast<std::size_t>(pop.sex[i] * kNumAgeGroups +
                                                          age_group_of(age_in_years(0, pop.birth_step[i])));
    });
    Column<std::uint8_t> exposed_to(by_cell.entries.size());
    for_each_resident(by_cell.entries.size(), [&](std::size_t k) {
        const std::size_t i = by_cell.entries[k];
        unsigned bits = 0;
        for (int x = 0; x < kExposures; ++x) bits |= static_cast<unsigned>(exposed(i, x)) << x;
        exposed_to[k] = static_cast<std::uint8_t>(bits);
    });
    // The counts (whole numbers: exact as doubles) and each cell's expected events of the exposed.
    std::array<std::array<std::array<double, 2>, kCells>, kExposures> n{};
    std::array<std::array<double, kCells>, kExposures> weight{};
    tbb::parallel_for(0, kCells, [&](int c) {
        std::array<double, kExposures> w{};
        std::array<std::size_t, kExposures> exposed_count{};
        for (std::size_t k = by_cell.start[c]; k < by_cell.start[c + 1]; ++k)
            for (int x = 0; x < kExposures; ++x) {
                const bool e = exposed_to[k] >> x & 1u;
                w[x] += e ? expected[by_cell.entries[k]] : 0.0;
                exposed_count[x] += e;
            }
        for (int x = 0; x < kExposures; ++x) {
            n[x][c] = {static_cast<double>(by_cell.size(c) - exposed_count[x]), static_cast<double>(exposed_count[x])};
            weight[x][c] = w[x];
        }
    });
    // From here on a cell's entries are its residents' key numbers (the residents themselves are no longer needed).
    for_each_resident(by_cell.entries.size(),
                      [&](std::size_t k) { by_cell.entries[k] = numbers.id(risk[by_cell.entries[k]]); });
    std::vector<double> product(numbers.key.size());
    auto& conditional = conditional_rr_[o];
    constexpr int kMaxRounds = 100;
    for (int round = 0; round < kMaxRounds; ++round) {
        double largest = 0;
        for (int x = 0; x < kExposures; ++x) {
            if (!adjusted(x)) continue;
            const int col = static_cast<int>(exposure(x));
            const double published = h_.rr[o][col];
            for_each_resident(product.size(), [&](std::size_t d) {
                const std::uint32_t key = numbers.key[d];
                product[d] =
                    rr_lifestyle_[key >> 8 & 0x1ffu][o] * rr_conditions_[key & 0xffu][o] * rr_misc_[key >> 17][o];
            });
            const auto flat = sum_each_group_in_order<2>(by_cell, [&](std::size_t k) {
                const double v = product[by_cell.entries[k]];
                const bool e = exposed_to[k] >> x & 1u;
                return std::array<double, 2>{e ? 0.0 : v, e ? v : 0.0};
            });
            const auto sum = [&](int c, int e) { return flat[c][e]; };
            double weighted = 0, weights = 0;
            for (int c = 0; c < kCells; ++c) {
                if (n[x][c][0] == 0 || n[x][c][1] == 0 || sum(c, 0) == 0) continue;
                weighted += weight[x][c] * (sum(c, 1) / n[x][c][1]) / (sum(c, 0) / n[x][c][0]);
                weights += weight[x][c];
            }
            if (weights <= 0) continue;
            const double next = std::max(1.0, conditional[col] * published / (weighted / weights));
            largest = std::max(largest, std::abs(next / conditional[col] - 1));
            conditional[col] = next;
            fill_risk_tables(o);
        }
        if (largest < 1e-6) break;
    }
}

}  // namespace hhu
