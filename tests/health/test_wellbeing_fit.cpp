// The wellbeing calibration's fit (sim/health/wellbeing.cpp) takes shortcuts that must not change a bit:
// each category's cells listed once, the normal terms computed once per class of cells with the same
// latent mean. Here it is held to the plain raking (every cell filtered by category in every Newton step) on
// cells with every determinant and unequal burdens of heavy caregiving by age group: the fitted offsets, sigma
// and happiness offset are the same bits. Its rake stops once the latent means have settled: they are those
// of all 25 rounds (the offsets are not: they drift along the direction common to all margins).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

#include <tbb/task_arena.h>

#include "../support.hpp"
#include "sim/health/wellbeing.hpp"

using namespace hhu;

namespace {

double cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }
double pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi); }
int band_of(int g) { return g <= 4 ? 0 : g >= 15 ? kNumWellbeingBands - 1 : (g - 3) / 2; }

// The plain raking, written as the fit was before its shortcuts.
struct PlainFit {
    const WellbeingData& d;
    const std::vector<WellbeingCell>& cells;
    const BySexGroup<double>& heavy;
    bool settle = true;  // stop the rake once no latent mean moves by more than 1e-12, as the fit does; else 25 rounds

    double mu(const WellbeingCalibration& k, const WellbeingCell& c) const {
        return k.band[band_of(c.group)] + k.sex[c.sex] + k.education[c.education] +
               (d.effect_depression_anxiety * c.distress + d.effect_physical_condition * c.physical +
                k.sigma * (d.effect_lonely_severe_sigma * c.lonely + d.effect_living_alone_sigma * c.alone));
    }
    double satisfied(double m, double ph, double sigma) const {
        return (1 - ph) * cdf((m - d.satisfied_threshold) / sigma) +
               ph * cdf((m + d.effect_heavy_caregiving - d.satisfied_threshold) / sigma);
    }
    template <typename In>
    void match(WellbeingCalibration& k, double& offset, double target, In in) const {
        for (int it = 0; it < 8; ++it) {
            double n = 0, p = 0, dp = 0;
            for (const auto& c : cells) {
                if (!in(c) || c.residents <= 0) continue;
                const double ph = heavy[c.sex][c.group], m = mu(k, c);
                n += c.residents;
                p += c.residents * satisfied(m, ph, k.sigma);
                dp += c.residents * ((1 - ph) * pdf((m - d.satisfied_threshold) / k.sigma) +
                                     ph * pdf((m + d.effect_heavy_caregiving - d.satisfied_threshold) / k.sigma)) /
                      k.sigma;
            }
            if (n <= 0 || dp <= 0) return;
            const double step = std::clamp((target * n - p) / dp, -2.0, 2.0);
            offset += step;
            if (std::abs(step) < 1e-10) return;
        }
    }
    void rake(WellbeingCalibration& k) const {
        for (int round = 0; round < 25; ++round) {
            const WellbeingCalibration before = k;
            for (int b = 0; b < kNumWellbeingBands; ++b)
                match(k, k.band[b], d.satisfied_by_band[b], [&](const WellbeingCell& c) { return band_of(c.group) == b; });
            for (int s = 0; s < kNumSexes; ++s)
                match(k, k.sex[s], d.satisfied_by_sex[s], [&](const WellbeingCell& c) { return c.sex == s; });
            for (int e = 0; e < kNumEducation; ++e)
                match(k, k.education[e], d.satisfied_by_education[e], [&](const WellbeingCell& c) { return c.education == e; });
            double largest = 0;
            for (const auto& c : cells) largest = std::max(largest, std::abs(mu(before, c) - mu(k, c)));
            if (settle && largest <= 1e-12) return;
        }
    }
    WellbeingCalibration calibrate() const {
        WellbeingCalibration k;
        k.band.fill(d.mean_score_target);
        double lo = 0.05, hi = 5;
        for (int it = 0; it < 30; ++it) {
            k.sigma = 0.5 * (lo + hi);
            rake(k);
            double n = 0, total = 0;
            for (const auto& c : cells) {
                n += c.residents;
                total += c.residents * (mu(k, c) + heavy[c.sex][c.group] * d.effect_heavy_caregiving);
            }
            (total / n < d.mean_score_target ? lo : hi) = k.sigma;
        }
        k.sigma = 0.5 * (lo + hi);
        rake(k);
        double hlo = -5, hhi = 5;
        for (int it = 0; it < 60; ++it) {
            const double h = 0.5 * (hlo + hhi);
            double n = 0, p = 0;
            for (const auto& c : cells) {
                n += c.residents;
                p += c.residents * satisfied(mu(k, c) + h, heavy[c.sex][c.group], k.sigma);
            }
            (p / n < d.share_happy_target ? hlo : hhi) = h;
        }
        k.happy_offset = 0.5 * (hlo + hhi);
        return k;
    }
};

// Adults of every group, sex and education with mixes of the determinants, unequal sizes, and a few
// empty cells (left out of the sums).
std::vector<WellbeingCell> mixed_adults() {
    std::vector<WellbeingCell> cells;
    int k = 0;
    for (int g = 3; g < kNumAgeGroups; ++g)
        for (int s = 0; s < kNumSexes; ++s)
            for (int e = 0; e < kNumEducation; ++e)
                for (int distress = 0; distress <= 1; ++distress)
                    for (int physical = 0; physical <= 2; ++physical) {
                        ++k;
                        const double n = k % 17 == 0 ? 0 : 3 + (k * 37) % 101 + 0.5 * g;
                        cells.push_back({g, s, e, distress, physical, k % 5 == 0, k % 3 == 0, n});
                    }
    return cells;
}

// Burdens of heavy caregiving that differ by sex and age group.
BySexGroup<double> unequal_burdens() {
    BySexGroup<double> heavy{};
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) heavy[s][g] = 0.01 * ((g * 7 + s * 3) % 11);
    return heavy;
}

}  // namespace

TEST_CASE("wellbeing fit: the same bits as the plain raking") {
    const WellbeingData& d = *test::project_data().wellbeing;
    const auto cells = mixed_adults();
    const BySexGroup<double> heavy = unequal_burdens();
    const WellbeingCalibration fast = WellbeingModel::calibrate(d, cells, heavy);
    const WellbeingCalibration plain = PlainFit{d, cells, heavy}.calibrate();
    for (int b = 0; b < kNumWellbeingBands; ++b) CHECK(fast.band[b] == plain.band[b]);
    for (int s = 0; s < kNumSexes; ++s) CHECK(fast.sex[s] == plain.sex[s]);
    for (int e = 0; e < kNumEducation; ++e) CHECK(fast.education[e] == plain.education[e]);
    CHECK(fast.sigma == plain.sigma);
    CHECK(fast.happy_offset == plain.happy_offset);
    CHECK(fast.sigma > 0.1);  // a real fit, not the starting values
}

TEST_CASE("wellbeing fit: stopped once the latent means settle, it gives the latent means of all 25 rounds") {
    // The shares of the three margins are not exactly consistent: the offsets drift round after round (so the
    // offsets of 25 rounds differ), the latent means do not.
    const WellbeingData& d = *test::project_data().wellbeing;
    const auto cells = mixed_adults();
    const BySexGroup<double> heavy = unequal_burdens();
    const PlainFit settled{d, cells, heavy, true}, all_rounds{d, cells, heavy, false};
    const WellbeingCalibration a = settled.calibrate(), b = all_rounds.calibrate();
    double largest = 0;
    for (const auto& c : cells) largest = std::max(largest, std::abs(settled.mu(a, c) - all_rounds.mu(b, c)));
    INFO("largest difference of a latent mean " << largest << ", of sigma " << std::abs(a.sigma - b.sigma));
    CHECK(largest < 1e-9);
    CHECK(std::abs(a.sigma - b.sigma) < 1e-8);
    CHECK(std::abs(a.happy_offset - b.happy_offset) < 1e-8);
    double drift = 0;  // the offsets themselves differ: what is kept is the latent means
    for (int s = 0; s < kNumSexes; ++s) drift = std::max(drift, std::abs(a.sex[s] - b.sex[s]));
    CHECK(drift > 1e-6);
}

TEST_CASE("wellbeing fit: its normal terms computed on two threads give the bits of one") {
    // Enough cells that a Newton step's classes are split between the threads (the serial path takes a step of
    // few classes): every determinant, the living alone and the lonely in every combination.
    const WellbeingData& d = *test::project_data().wellbeing;
    std::vector<WellbeingCell> cells;
    int k = 0;
    for (int g = 3; g < kNumAgeGroups; ++g)
        for (int s = 0; s < kNumSexes; ++s)
            for (int e = 0; e < kNumEducation; ++e)
                for (int physical = 0; physical <= 4; ++physical)
                    for (int bits = 0; bits < 8; ++bits)
                        cells.push_back({g, s, e, bits & 1, physical, (bits >> 1) & 1, (bits >> 2) & 1,
                                         (++k % 13 == 0) ? 0.0 : 1 + (k * 29) % 97 + 0.25 * g});
    BySexGroup<double> heavy{};
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g) heavy[s][g] = 0.01 * ((g * 5 + s * 3) % 13);
    const WellbeingCalibration serial = WellbeingModel::calibrate(d, cells, heavy, false);
    WellbeingCalibration two;
    tbb::task_arena(2).execute([&] { two = WellbeingModel::calibrate(d, cells, heavy, true); });
    CHECK(std::memcmp(serial.band.data(), two.band.data(), sizeof serial.band) == 0);
    CHECK(std::memcmp(serial.sex.data(), two.sex.data(), sizeof serial.sex) == 0);
    CHECK(std::memcmp(serial.education.data(), two.education.data(), sizeof serial.education) == 0);
    CHECK(std::memcmp(&serial.sigma, &two.sigma, sizeof serial.sigma) == 0);
    CHECK(std::memcmp(&serial.happy_offset, &two.happy_offset, sizeof serial.happy_offset) == 0);
    CHECK(serial.sigma > 0.1);  // a real fit, not the starting values
}
