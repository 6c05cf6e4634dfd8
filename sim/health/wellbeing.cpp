#include "sim/health/wellbeing.hpp"

#include "sim/core/groups_in_order.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/state_archive.hpp"
#include "sim/output/stock_tally.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <tuple>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace hhu {

namespace {

constexpr double kGridMin = -8, kGridMax = 18, kGridStep = 0.005;
constexpr double kWeeksPerYear = 52;

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }
double normal_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi); }

// The CBS band of a five-year age group of adults (15-19 holds only 18-19 among adults).
int band_of_group(int g) { return g <= 4 ? 0 : g >= 15 ? kNumWellbeingBands - 1 : (g - 3) / 2; }

int physical_conditions(std::uint8_t conditions) {
    int n = 0;
    for (int c = 0; c < kNumConditions; ++c)
        if (c != condition::DepressionAnxiety && (conditions & condition_bit(c))) ++n;
    return n;
}

// physical_conditions of every bitmask of conditions, for the monthly loop.
const std::array<std::uint8_t, 256> kPhysicalConditions = [] {
    std::array<std::uint8_t, 256> n{};
    for (int mask = 0; mask < 256; ++mask) n[mask] = static_cast<std::uint8_t>(physical_conditions(static_cast<std::uint8_t>(mask)));
    return n;
}();

// A standard normal from two 32-bit words (Box-Muller).
double standard_normal(std::uint32_t w0, std::uint32_t w1) {
    return std::sqrt(-2 * std::log(Rng::to_unit(w0))) * std::cos(2 * std::numbers::pi * Rng::to_unit(w1));
}

// The fit's sums run over cells in cell order; their terms (normal cdf and pdf of a latent mean) depend only
// on the cell's class: cells that differ only by age group within one band have the same latent mean. Each
// Newton step first computes the terms of the classes it reads (in parallel: each class apart, into its own
// slot), then sums over the cells serially in cell order, so the bits are those of a serial fit at any number
// of threads.
struct Fit {
    const WellbeingData& d;
    const std::vector<WellbeingCell>& cells;
    const BySexGroup<double>& heavy;
    const bool parallel;
    // The cells of a category (an age band, a sex, a level of education) with residents, in cell order, as
    // the sums read them (residents, burden of heavy caregiving, class), and the classes among them.
    struct Category {
        std::vector<double> residents, ph;
        std::vector<std::uint32_t> cls;
        std::vector<std::uint32_t> classes;
        double total = 0;  // the residents, summed in cell order as every Newton step would sum them
    };
    std::array<Category, kNumWellbeingBands> by_band;
    std::array<Category, kNumSexes> by_sex;
    std::array<Category, kNumEducation> by_education;
    std::vector<std::uint32_t> mu_class;       // the class of every cell
    // What a class's latent mean is made of, read once: its category of each margin and its determinants' effects in
    // points (`fixed`) and in units of sigma (`per_sigma`); the latent mean is then the sum mu() takes, in its order.
    struct ClassMean {
        int band = 0, sex = 0, education = 0;
        double fixed = 0, per_sigma = 0;
    };
    std::vector<ClassMean> class_mean;
    struct Terms {
        double mu = 0, sigma = 0;  // the arguments they were computed for (sigma 0: not yet)
        double cdf = 0, cdf_heavy = 0, pdf = 0, pdf_heavy = 0;
    };
    // A class's terms are computed again only when its latent mean or sigma moved (terms of the same
    // arguments are the same bits: near the fit most offsets no longer move between the margins' matches).
    mutable std::vector<Terms> terms;
    mutable std::vector<double> happy_cdf, happy_cdf_heavy;  // share_happy's terms of every class

    Fit(const WellbeingData& data, const std::vector<WellbeingCell>& c, const BySexGroup<double>& h, bool in_parallel)
        : d(data), cells(c), heavy(h), parallel(in_parallel) {
        std::map<std::tuple<int, int, int, int, int, int, int>, std::uint32_t> classes;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto& x = cells[i];
            const auto key = std::make_tuple(band_of_group(x.group), x.sex, x.education, x.distress, x.physical, x.lonely,
                                             x.alone);
            const auto [it, added] = classes.try_emplace(key, static_cast<std::uint32_t>(classes.size()));
            if (added)
                class_mean.push_back({band_of_group(x.group), x.sex, x.education, fixed_effects(x), sigma_effects(x)});
            mu_class.push_back(it->second);
            if (x.residents <= 0) continue;
            for (Category* cat : {&by_band[band_of_group(x.group)], &by_sex[x.sex], &by_education[x.education]}) {
                cat->total += x.residents;
                cat->residents.push_back(x.residents);
                cat->ph.push_back(heavy[x.sex][x.group]);
                cat->cls.push_back(it->second);
            }
        }
        auto distinct = [](Category& cat) {
            cat.classes = cat.cls;
            std::sort(cat.classes.begin(), cat.classes.end());
            cat.classes.erase(std::unique(cat.classes.begin(), cat.classes.end()), cat.classes.end());
        };
        for (auto& cat : by_band) distinct(cat);
        for (auto& cat : by_sex) distinct(cat);
        for (auto& cat : by_education) distinct(cat);
        terms.resize(classes.size());
        happy_cdf.resize(classes.size());
        happy_cdf_heavy.resize(classes.size());
    }

    // fn(k) for k in [0, n): each writes only its own slots, so the order of the calls cannot matter.
    template <typename Fn>
    void for_each_index(std::size_t n, Fn&& fn) const {
        constexpr std::size_t kGrain = 64;  // classes per task: a few tens of microseconds of erfc and exp
        // One thread in the calling arena (a run with -t 1, draws side by side): the plain loop, without tasks.
        if (!parallel || n < 2 * kGrain || tbb::this_task_arena::max_concurrency() < 2) {
            for (std::size_t k = 0; k < n; ++k) fn(k);
            return;
        }
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kGrain), [&](const tbb::blocked_range<std::size_t>& r) {
            for (std::size_t k = r.begin(); k != r.end(); ++k) fn(k);
        });
    }

    double fixed_effects(const WellbeingCell& c) const {
        return d.effect_depression_anxiety * c.distress + d.effect_physical_condition * c.physical;
    }
    double sigma_effects(const WellbeingCell& c) const {
        return d.effect_lonely_severe_sigma * c.lonely + d.effect_living_alone_sigma * c.alone;
    }
    double mu(const WellbeingCalibration& k, const WellbeingCell& c) const {
        return k.band[band_of_group(c.group)] + k.sex[c.sex] + k.education[c.education] +
               (fixed_effects(c) + k.sigma * sigma_effects(c));
    }
    // mu() of a class's cells, from what was read of them once (the same operations in the same order).
    double mu(const WellbeingCalibration& k, std::uint32_t cls) const {
        const ClassMean& c = class_mean[cls];
        return k.band[c.band] + k.sex[c.sex] + k.education[c.education] + (c.fixed + k.sigma * c.per_sigma);
    }
    // The normal terms of these classes' latent means under `k`.
    void evaluate(const WellbeingCalibration& k, const std::vector<std::uint32_t>& classes) const {
        for_each_index(classes.size(), [&](std::size_t j) {
            const std::uint32_t cls = classes[j];
            Terms& t = terms[cls];
            const double m = mu(k, cls);
            if (t.sigma == k.sigma && t.mu == m) return;
            t.mu = m;
            t.sigma = k.sigma;
            const double x = (m - d.satisfied_threshold) / k.sigma;
            const double x_heavy = (m + d.effect_heavy_caregiving - d.satisfied_threshold) / k.sigma;
            t.cdf = normal_cdf(x);
            t.cdf_heavy = normal_cdf(x_heavy);
            t.pdf = normal_pdf(x);
            t.pdf_heavy = normal_pdf(x_heavy);
        });
    }
    // Moves `offset` so that the cells of a category reach the target share satisfied (Newton's method).
    void match(WellbeingCalibration& k, double& offset, double target, const Category& in) const {
        for (int it = 0; it < 8; ++it) {
            evaluate(k, in.classes);  // an offset moved: every class's latent mean anew
            const double n = in.total;
            double p = 0, dp = 0;
            for (std::size_t j = 0; j < in.cls.size(); ++j) {
                const double residents = in.residents[j], ph = in.ph[j];
                const Terms& t = terms[in.cls[j]];
                p += residents * ((1 - ph) * t.cdf + ph * t.cdf_heavy);
                dp += residents * ((1 - ph) * t.pdf + ph * t.pdf_heavy) / k.sigma;
            }
            if (n <= 0 || dp <= 0) return;
            const double step = std::clamp((target * n - p) / dp, -2.0, 2.0);
            offset += step;
            if (std::abs(step) < 1e-10) return;
        }
    }
    // Rounds of matching each margin in turn, until a round no longer moves any class's latent mean. The three
    // margins' published shares are not exactly consistent with one another (surveys, years, rounding), and an
    // offset common to all bands is one common to all sexes: so the rounds settle on latent means (each round
    // shrinks their change about tenfold, to the last bits in ~15 rounds) while the offsets go on drifting
    // along that common direction, never reaching a fixed point; the drift changes no latent mean. A round that
    // moves no latent mean by more than kSettled (a hundred times the rounding of a mean near 7) ends the rake.
    void rake(WellbeingCalibration& k) const {
        constexpr double kSettled = 1e-12;
        for (int round = 0; round < 25; ++round) {
            const WellbeingCalibration before = k;
            for (int b = 0; b < kNumWellbeingBands; ++b) match(k, k.band[b], d.satisfied_by_band[b], by_band[b]);
            for (int s = 0; s < kNumSexes; ++s) match(k, k.sex[s], d.satisfied_by_sex[s], by_sex[s]);
            for (int e = 0; e < kNumEducation; ++e) match(k, k.education[e], d.satisfied_by_education[e], by_education[e]);
            if (largest_move(before, k) <= kSettled) return;
        }
    }
    // The largest change of a class's latent mean between two calibrations.
    double largest_move(const WellbeingCalibration& a, const WellbeingCalibration& b) const {
        double largest = 0;
        for (std::uint32_t c = 0; c < class_mean.size(); ++c) largest = std::max(largest, std::abs(mu(a, c) - mu(b, c)));
        return largest;
    }
    // Mean latent score of adults (with the expected burden of heavy caregiving): the mean score, as
    // rounding to whole scores is symmetric and scores beyond 0..10 are rare.
    double mean_score(const WellbeingCalibration& k) const {
        double n = 0, total = 0;
        for (const auto& c : cells) {
            n += c.residents;
            total += c.residents * (mu(k, c) + heavy[c.sex][c.group] * d.effect_heavy_caregiving);
        }
        return n > 0 ? total / n : 0;
    }
    // The expected share happy of adults at this happiness offset: the expected share satisfied of every cell
    // (heavy caregiving, probability ph, lowers the latent mean), its two normal cdfs computed once per class.
    double share_happy(const WellbeingCalibration& k, double offset) const {
        for_each_index(class_mean.size(), [&](std::size_t cls) {
            const double m = mu(k, static_cast<std::uint32_t>(cls)) + offset;
            happy_cdf[cls] = normal_cdf((m - d.satisfied_threshold) / k.sigma);
            happy_cdf_heavy[cls] = normal_cdf((m + d.effect_heavy_caregiving - d.satisfied_threshold) / k.sigma);
        });
        double n = 0, p = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto& c = cells[i];
            const double ph = heavy[c.sex][c.group];
            n += c.residents;
            p += c.residents * ((1 - ph) * happy_cdf[mu_class[i]] + ph * happy_cdf_heavy[mu_class[i]]);
        }
        return n > 0 ? p / n : 0;
    }
};

}  // namespace

WellbeingModel::WellbeingModel(const WellbeingData& data) : d_(data) {}

WellbeingCalibration WellbeingModel::calibrate(const WellbeingData& data, const std::vector<WellbeingCell>& cells,
                                               const BySexGroup<double>& heavy_probability, bool parallel) {
    const Fit fit{data, cells, heavy_probability, parallel};
    WellbeingCalibration k;
    k.band.fill(data.mean_score_target);
    // Sigma by bisection: a wider personal term needs higher offsets for the same shares satisfied, so the
    // mean score rises with sigma.
    double lo = 0.05, hi = 5;
    for (int it = 0; it < 30; ++it) {
        k.sigma = 0.5 * (lo + hi);
        fit.rake(k);
        (fit.mean_score(k) < data.mean_score_target ? lo : hi) = k.sigma;
    }
    k.sigma = 0.5 * (lo + hi);
    fit.rake(k);
    double hlo = -5, hhi = 5;
    for (int it = 0; it < 60; ++it) {
        const double h = 0.5 * (hlo + hhi);
        (fit.share_happy(k, h) < data.share_happy_target ? hlo : hhi) = h;
    }
    k.happy_offset = 0.5 * (hlo + hhi);
    return k;
}

bool WellbeingModel::needs_informal_care(const Population& pop, std::size_t i, int age) {
    if (age < 65 || !pop.health.enabled) return false;
    const auto flags = pop.health.flags[i];
    if (has(flags, health_flag::NursingHome)) return false;
    return has(flags, health_flag::Frail) || has(flags, health_flag::HomeCare) ||
           (pop.health.conditions[i] & condition_bit(condition::Dementia)) != 0;
}

std::vector<WellbeingCell> WellbeingModel::adult_cells(const Population& pop, int step) const {
    // The adults by (age group, sex, education, distress, physical conditions, lonely, alone), counted on the run's
    // threads into one flat index in that lexicographic order; the cells with residents, in that order.
    constexpr int kPhysical = kNumConditions + 1;
    constexpr std::size_t kCells = std::size_t{kNumAgeGroups} * kNumSexes * kNumEducation * 2 * kPhysical * 2 * 2;
    auto index = [](const WellbeingCell& c) {
        std::size_t k = (static_cast<std::size_t>(c.group) * kNumSexes + static_cast<std::size_t>(c.sex)) * kNumEducation +
                        static_cast<std::size_t>(c.education);
        k = (k * 2 + static_cast<std::size_t>(c.distress)) * kPhysical + static_cast<std::size_t>(c.physical);
        return (k * 2 + static_cast<std::size_t>(c.lonely)) * 2 + static_cast<std::size_t>(c.alone);
    };
    const std::vector<std::size_t> counts = group_sizes(pop.size(), kCells, [&](std::size_t i) {
        if (pop.status[i] != static_cast<std::uint8_t>(Status::Present)) return kCells;  // left out
        const int age = age_in_years(step, pop.birth_step[i]);
        return age < 18 ? kCells : index(resident_cell(pop, i, age));
    });
    std::vector<WellbeingCell> cells;
    for (std::size_t k = 0; k < kCells; ++k) {
        if (counts[k] == 0) continue;
        std::size_t rest = k;
        WellbeingCell c;
        c.alone = static_cast<int>(rest % 2), rest /= 2;
        c.lonely = static_cast<int>(rest % 2), rest /= 2;
        c.physical = static_cast<int>(rest % kPhysical), rest /= kPhysical;
        c.distress = static_cast<int>(rest % 2), rest /= 2;
        c.education = static_cast<int>(rest % kNumEducation), rest /= kNumEducation;
        c.sex = static_cast<int>(rest % kNumSexes), rest /= kNumSexes;
        c.group = static_cast<int>(rest);
        c.residents = static_cast<double>(counts[k]);
        cells.push_back(c);
    }
    return cells;
}

WellbeingCalibration WellbeingModel::fit(const Population& pop, int step) const {
    BySexGroup<double> heavy{};
    for (int s = 0; s < kNumSexes; ++s)
        for (int g = 0; g < kNumAgeGroups; ++g)
            heavy[s][g] = std::min(1.0, d_.carer_share[s][g] * need_index_) * d_.heavily_burdened_share;
    return calibrate(d_, adult_cells(pop, step), heavy);
}

template <typename Archive>
void WellbeingModel::transfer_state(Archive& a) {
    a.section("wellbeing");
    a(cal_);
    a(calibrated_);
    a(need_base_);
    a(need_index_);
    a(expected_);
    a(wellbys_month_);
    a(carer_month_);
}
template void WellbeingModel::transfer_state(StateWriter&);
template void WellbeingModel::transfer_state(StateReader&);

void WellbeingModel::begin_year(const Population& pop, int step, const WellbeingCalibration* fitted) {
    // A count of residents (on the run's threads: the same integer), then the double it always was.
    const auto need = static_cast<double>(count_residents_if(pop.size(), [&](std::size_t i) {
        return pop.status[i] == static_cast<std::uint8_t>(Status::Present) &&
               needs_informal_care(pop, i, age_in_years(step, pop.birth_step[i]));
    }));
    if (!calibrated_) {
        need_base_ = need;
        need_index_ = need > 0 ? 1 : 0;
        cal_ = fitted ? *fitted : fit(pop, step);
        build_expected_table();
        calibrated_ = true;
        build_month_tables();
        return;
    }
    need_index_ = need_base_ > 0 ? need / need_base_ : 0;
    build_month_tables();
}

std::size_t WellbeingModel::state_index(std::size_t age_key, int sex, int education, int distress, int physical,
                                        int lonely, int alone) {
    std::size_t k = (age_key * kNumSexes + static_cast<std::size_t>(sex)) * kNumEducation + static_cast<std::size_t>(education);
    k = (k * 2 + static_cast<std::size_t>(distress)) * (kNumConditions + 1) + static_cast<std::size_t>(physical);
    return k * 4 + static_cast<std::size_t>(lonely) * 2 + static_cast<std::size_t>(alone);
}

void WellbeingModel::build_month_tables() {
    const double hours_per_month = d_.mean_hours_per_week() * kWeeksPerYear / kMonthsPerYear;
    wellbys_month_.assign(state_index(age_key(kNumAgeGroups, false), 0, 0, 0, 0, 0, 0), 0);
    carer_month_.assign(age_key(kNumAgeGroups, false) * kNumSexes, CarerMonth{});
    for (int g = 0; g < kNumAgeGroups; ++g)
        for (const bool adult : {false, true})
            for (int s = 0; s < kNumSexes; ++s) {
                const double carer = carer_probability(s, g, adult), heavy = carer * d_.heavily_burdened_share;
                auto& cm = carer_month_[age_key(g, adult) * kNumSexes + static_cast<std::size_t>(s)];
                cm.carer = carer;
                const double hours = carer * hours_per_month;
                cm.hours = to_amount_units(hours * kAmountScale);
                cm.value_eur = to_amount_units(hours * d_.informal_care_price_eur * kAmountScale);
                cm.lost = carer * d_.mean_carer_utility_loss() * kAmountScale / kMonthsPerYear;
                for (int e = 0; e < kNumEducation; ++e)
                    for (int distress = 0; distress < 2; ++distress)
                        for (int physical = 0; physical <= kNumConditions; ++physical)
                            for (int lonely = 0; lonely < 2; ++lonely)
                                for (int alone = 0; alone < 2; ++alone) {
                                    const WellbeingCell c{g, s, e, distress, physical, lonely, alone, 0};
                                    const double mu = latent_mean(c);
                                    const double score = (1 - heavy) * expected_score(mu) +
                                                         heavy * expected_score(mu + d_.effect_heavy_caregiving);
                                    wellbys_month_[state_index(age_key(g, adult), s, e, distress, physical, lonely, alone)] =
                                        to_amount_units(score * kAmountScale / kMonthsPerYear);
                                }
            }
}

void WellbeingModel::build_expected_table() {
    const int n = static_cast<int>(std::lround((kGridMax - kGridMin) / kGridStep)) + 1;
    expected_.resize(n);
    for (int k = 0; k < n; ++k) {
        const double mu = kGridMin + k * kGridStep;
        double e = 0;
        for (int score = 1; score <= 10; ++score) e += normal_cdf((mu - (score - 0.5)) / cal_.sigma);
        expected_[k] = static_cast<float>(e);
    }
}

double WellbeingModel::expected_score(double mu) const {
    const double x = (std::clamp(mu, kGridMin, kGridMax) - kGridMin) / kGridStep;
    const auto k = std::min(static_cast<std::size_t>(x), expected_.size() - 2);
    const double f = x - static_cast<double>(k);
    return expected_[k] * (1 - f) + expected_[k + 1] * f;
}

double WellbeingModel::latent_mean(const WellbeingCell& c) const {
    return cal_.band[band_of_group(c.group)] + cal_.sex[c.sex] + cal_.education[c.education] +
           d_.effect_depression_anxiety * c.distress + d_.effect_physical_condition * c.physical +
           cal_.sigma * (d_.effect_lonely_severe_sigma * c.lonely + d_.effect_living_alone_sigma * c.alone);
}

WellbeingCell WellbeingModel::resident_cell(const Population& pop, std::size_t i, int age) {
    const auto flags = pop.health.flags[i];
    const auto conditions = pop.health.conditions[i];
    WellbeingCell c;
    c.group = age_group_of(age);
    c.sex = pop.sex[i];
    c.education = pop.education[i];
    c.distress = has(flags, health_flag::Distress) || (conditions & condition_bit(condition::DepressionAnxiety)) != 0;
    c.physical = kPhysicalConditions[conditions];
    c.lonely = has(flags, health_flag::Lonely) ? 1 : 0;
    c.alone = age >= 18 && pop.household[i] == static_cast<std::uint8_t>(Household::Alone) ? 1 : 0;
    c.residents = 1;
    return c;
}

double WellbeingModel::latent_mean(const Population& pop, std::size_t i, int age) const {
    return latent_mean(resident_cell(pop, i, age));
}

double WellbeingModel::carer_probability(int sex, int age) const {
    return carer_probability(sex, age_group_of(age), age >= 18);
}

double WellbeingModel::carer_probability(int sex, int group, bool adult) const {
    if (!adult) return 0;
    return std::min(1.0, d_.carer_share[sex][group] * need_index_);
}

namespace {
// std::lround, inline (the library call was a tenth of a January count's instructions): rounds half away from zero,
// exactly, for |x| < 2^52 (x minus its truncation is then exact). The caller's scores are 0 to 10: x is first clamped
// to [-1, 11] (the same score for any x, and no conversion out of range).
inline std::int64_t round_half_away(double x) {
    x = std::clamp(x, -1.0, 11.0);
    const auto t = static_cast<std::int64_t>(x);
    const double f = x - static_cast<double>(t);
    return f >= 0.5 ? t + 1 : f <= -0.5 ? t - 1 : t;
}
}  // namespace

WellbeingModel::Stocks WellbeingModel::stocks(Population& pop, std::size_t i, int age, const Rng& rng, int step) const {
    if (age < 18) return {};
    // The personal term, drawn from the id the first time (a draw of exactly 0 would be drawn again: the same value).
    double& personal = pop.health.wellbeing_personal[i];
    if (personal == 0) {
        const auto w = rng.words(key::WellbeingPersonal, pop.id[i], 0);
        personal = standard_normal(w[0], w[1]);
    }
    const auto care = rng.words(key::InformalCarer, pop.id[i], static_cast<std::uint32_t>(step));
    const bool carer = Rng::to_unit(care[0]) < carer_probability(pop.sex[i], age);
    const bool heavy = carer && Rng::to_unit(care[1]) < d_.heavily_burdened_share;
    const double latent = latent_mean(pop, i, age) + cal_.sigma * personal + (heavy ? d_.effect_heavy_caregiving : 0.0);
    const int score = static_cast<int>(std::clamp(round_half_away(latent), std::int64_t{0}, std::int64_t{10}));
    // The bits without a branch each (as good as random from one resident to the next).
    return {StockTally::bit_if<Measure::Satisfied>(score >= 7) |
                StockTally::bit_if<Measure::Happy>(latent + cal_.happy_offset >= d_.satisfied_threshold) |
                StockTally::bit_if<Measure::InformalCarers>(carer) |
                StockTally::bit_if<Measure::HeavilyBurdenedCarers>(heavy),
            score};
}

std::uint32_t WellbeingModel::accrual_key(const Population& pop, std::size_t i, int age) const {
    if (age < 12) return kNoWellbeingKey;
    const WellbeingCell c = resident_cell(pop, i, age);
    const std::size_t state =
        state_index(age_key(c.group, age >= 18), c.sex, c.education, c.distress, c.physical, c.lonely, c.alone);
    return static_cast<std::uint32_t>(state) | static_cast<std::uint32_t>(pop.zone[i]) << 15 |
           static_cast<std::uint32_t>(cell_of(c.sex, c.group, c.education)) << 21;
}

void WellbeingModel::flush(Population& pop, std::size_t i, YearCounters& counters) const {
    auto& pending = pop.health.wellbeing_months[i];
    if (pending == 0) return;
    const std::int64_t months = pending;
    pending = 0;
    const std::uint32_t key = pop.health.wellbeing_key[i];
    if (key == kNoWellbeingKey) return;
    const std::size_t state = key & 0x7fffu;
    const int zone = static_cast<int>((key >> 15) & 0x3fu), cell = static_cast<int>((key >> 21) & 0x7fu);
    // Each month of the state adds the same integer amounts: `months` of them are months x those amounts.
    counters.count(Measure::Wellbys, zone, cell) += months * wellbys_month_[state];
    // state_index's leading factor is age_key x kNumSexes + sex (the row of carer_month_), in steps of the index of sex 1.
    const std::size_t carer_row = state / state_index(0, 1, 0, 0, 0, 0, 0);
    const CarerMonth& carer = carer_month_[carer_row];
    if (carer.carer <= 0) return;  // under 18: no informal care given
    counters.count(Measure::InformalCareHoursGiven, zone, cell) += months * carer.hours;
    counters.count(Measure::InformalCareValueEur, zone, cell) += months * carer.value_eur;
    counters.adult_months[static_cast<std::size_t>(zone) * kCellsPerZone + static_cast<std::size_t>(cell)] += months;
}

bool WellbeingModel::key_current(const Population& pop, std::size_t i, int step) const {
    if (pop.status[i] != static_cast<std::uint8_t>(Status::Present) || (pop.health.rates_stale[i] & stale::kRates) != 0)
        return true;
    return pop.health.wellbeing_key[i] == accrual_key(pop, i, age_in_years(step, pop.birth_step[i]));
}

void WellbeingModel::rekey(Population& pop, std::size_t i, int step, YearCounters& counters) const {
    const std::uint32_t key = accrual_key(pop, i, age_in_years(step, pop.birth_step[i]));
    if (pop.health.wellbeing_months[i] > 0 && pop.health.wellbeing_key[i] != key) flush(pop, i, counters);
    pop.health.wellbeing_key[i] = key;
}

void WellbeingModel::settle_carers(YearCounters& counters) const {
    for (int zone = 0; zone < counters.num_zones; ++zone)
        for (int sex = 0; sex < kNumSexes; ++sex)
            for (int group = 0; group < kNumAgeGroups; ++group) {
                const double lost = carer_month_[age_key(group, true) * kNumSexes + static_cast<std::size_t>(sex)].lost;
                for (int education = 0; education < kNumEducation; ++education) {
                    const int cell = cell_of(sex, group, education);
                    const std::int64_t months =
                        counters.adult_months[static_cast<std::size_t>(zone) * kCellsPerZone + static_cast<std::size_t>(cell)];
                    const std::int64_t settled = to_amount_units(static_cast<double>(months) * lost);
                    std::int64_t& loss = counters.count(Measure::QalyLossCarers, zone, cell);
                    counters.count(Measure::Qalys, zone, cell) -= settled - loss;
                    loss = settled;
                }
            }
}

}  // namespace hhu
