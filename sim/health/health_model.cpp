#include "sim/health/health_model.hpp"

#include "sim/core/state_archive.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <utility>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/health/digital.hpp"
#include "sim/health/quiet_month.hpp"
#include "sim/health/wellbeing.hpp"
#include "sim/output/stock_tally.hpp"
#include "sim/population/synthesis.hpp"

namespace hhu {

namespace {

constexpr std::uint8_t kPresent = static_cast<std::uint8_t>(Status::Present);

double odds(double p) { return p / (1.0 - p); }
double prob(double o) { return o / (1.0 + o); }
double clamp_share(double p) { return std::clamp(p, 1e-6, 0.999); }

// Each resident's clocks start with their own exponential budgets; rates are computed at the first step.
void init_clocks(HealthState& s, std::size_t i, const Rng& rng, ResidentId id, std::uint32_t step) {
    const auto w = rng.words(key::HealthClocks, id, step);
    const auto w2 = rng.words(key::HealthClock5, id, step);
    for (int c = 0; c < kHealthClocks; ++c) s.budget[i][c] = static_cast<float>(Rng::to_exponential(c < 4 ? w[c] : w2[0]));
    s.clock_hazard[i].fill(0.0f);
    s.invalidate_rates(i);
}

// No fall or fracture remembered on entry (the model starts counting them in 2021); the digital-skills rank is
// drawn once, from its own key, so that it changes no one's other draws.
void init_memory_and_skills(HealthState& s, std::size_t i, const Rng& rng, ResidentId id, std::uint32_t step) {
    s.hip_since[i] = event_memory::kNever;
    s.fall_since[i] = event_memory::kNever;
    s.digital[i] = digital_skills::draw_rank(rng.uniform(key::HealthDigitalRank, id, step));
}

// Remaining life expectancy by single age from a table of central death rates (a_x = 0.5): the standard of the years
// of life lost, the model's 2021 national table (assumption A-H-DALY-YLL).
std::array<double, kNumAges> remaining_life_expectancy_table(const std::array<double, kNumAges>& m) {
    std::array<double, kNumAges> l{}, L{}, e{};
    l[0] = 1.0;
    for (int a = 0; a < kNumAges; ++a) {
        if (a == kMaxAge) {
            L[a] = m[a] > 0 ? l[a] / m[a] : 0;
            break;
        }
        const double q = m[a] / (1 + 0.5 * m[a]);
        l[a + 1] = l[a] * (1 - q);
        L[a] = 0.5 * (l[a] + l[a + 1]);
    }
    double T = 0;
    for (int a = kMaxAge; a >= 0; --a) {
        T += L[a];
        e[a] = l[a] > 0 ? T / l[a] : 0;
    }
    return e;
}

}  // namespace

HealthModel::HealthModel(const ModelData& data, HealthData health) : data_(data), h_(std::move(health)) {
    if (data.num_zones() > kMaxAccrualZones)
        throw InputError("data/zones.csv: " + std::to_string(data.num_zones()) + " zones; the health model's accrual key "
                         "holds at most " + std::to_string(kMaxAccrualZones));
    environment_ = h_.environment;
    read_perinatal();
    for (int s = 0; s < kNumSexes; ++s) remaining_le_[s] = remaining_life_expectancy_table(data.mortality[0][s]);
    for (int s = 0; s < kNumSexes; ++s)
        for (int a = 0; a < kNumAges; ++a) {
            const int g = age_group_of(a);
            hip_history_q_[s][a] = h_.hip_fracture_rate[s][g] * std::exp(-h_.hip_fracture_excess[s][g]);
        }
    for (int mask = 0; mask < kConditionMasks; ++mask) {
        double keep = 1, gp = 0, cost = 0, good = 1;
        for (int c = 0; c < kNumConditions; ++c) {
            if (!(mask & (1 << c))) continue;
            keep *= 1 - h_.disability_weight[c];
            gp += h_.gp_hours_by_condition[c];
            cost += h_.cost_per_case[c];
            good *= h_.rr[static_cast<int>(Outcome::GoodHealth)][static_cast<int>(condition_exposure(c))];
        }
        utility_factor_[mask] = keep;
        gp_extra_[mask] = gp;
        cost_[mask] = cost;
        good_health_or_[mask] = good;
    }
    for (auto& n : norm_)
        for (auto& s : n) s.fill(1.0);
    conditional_rr_ = h_.rr;
    build_risk_tables();
    for (int sx = 0; sx < kNumSexes; ++sx)
        for (int g = 0; g < kNumAgeGroups; ++g)
            for (int e = 0; e < kNumEducation; ++e) good_health_odds_[sx][g][e] = odds(h_.good_health_share[sx][g][e]);
    fill_plain_birthdays();
    begin_year(kFirstYear);
}

std::array<double, kNumFactors> HealthModel::targets(int zone, int sex, int group, int edu, int year) const {
    const int y = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
    std::array<double, kNumFactors> p{};
    for (int f = 0; f < kNumFactors; ++f) {
        const double base = h_.prevalence[f][sex][group][edu];
        if (base <= 0) continue;
        double o = odds(clamp_share(base)) * h_.zone_odds[zone][f] * h_.trend[y][f];
        for (const auto& e : h_.environment_effects)
            if (e.factor == f) {
                const double delta = environment_[zone][e.attribute] - h_.environment[zone][e.attribute];
                o *= std::pow(e.odds_ratio_per_unit, delta / e.unit);
            }
        p[f] = clamp_share(prob(o));
    }
    // BMI classes are exclusive: keep normal weight possible.
    const int ow = static_cast<int>(Factor::Overweight), ob = static_cast<int>(Factor::Obese);
    if (p[ow] + p[ob] > 0.98) {
        const double k = 0.98 / (p[ow] + p[ob]);
        p[ow] *= k;
        p[ob] *= k;
    }
    return p;
}

void HealthModel::fill_targets(int year) {
    targets_.resize(static_cast<std::size_t>(data_.num_zones()) * kNumSexes * kNumAgeGroups * kNumEducation);
    for (int z = 0; z < data_.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < kNumEducation; ++e) targets_[cell_index(z, s, g, e)] = targets(z, s, g, e, year);
    targets_year_ = year;
}

std::array<double, kNumFactors> HealthModel::cell_targets(int zone, int sex, int group, int edu, int year) const {
    return year == targets_year_ ? targets_[cell_index(zone, sex, group, edu)] : targets(zone, sex, group, edu, year);
}

template <typename Archive>
void HealthModel::transfer_state(Archive& a) {
    a.section("health");
    a(year_);
    a(targets_);
    a(targets_year_);
    a(environment_);
    a(entry_);
    a(smoke_entry_);
    a(year_clocks_);
    // initialise's: the normalisations, the relative risks made conditional and education's mediated share.
    a(norm_);
    a(pregnancy_quit_probability_);
    a(conditional_rr_);
    a(education_rr_);
    a(death_education_rr_);
    a(rr_lifestyle_);
    a(rr_conditions_);
    a(rr_misc_);
}
template void HealthModel::transfer_state(StateWriter&);
template void HealthModel::transfer_state(StateReader&);

void HealthModel::begin_year(int year) {
    year_ = year;
    fill_targets(year);
    const int zones = data_.num_zones();
    std::vector<std::array<float, kNumFactors>> last_entry;
    std::vector<std::array<float, 2>> last_smoke_entry;
    last_entry.swap(entry_);
    last_smoke_entry.swap(smoke_entry_);
    entry_.assign(static_cast<std::size_t>(zones) * kNumSexes * kNumAgeGroups * kNumEducation, {});
    smoke_entry_.assign(entry_.size(), {});
    const double r = h_.smoking_relapse_share;
    for (int z = 0; z < zones; ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < kNumEducation; ++e) {
                    const auto& p = targets_[cell_index(z, s, g, e)];
                    auto& entry = entry_[cell_index(z, s, g, e)];
                    const auto& cal = h_.entry_calibration;
                    for (int f = 0; f < kNumFactors; ++f)
                        entry[f] = p[f] > 0 ? static_cast<float>(h_.exit_rate[f] * odds(p[f]) * cal[f][s][g]) : 0.0f;
                    // BMI: normal <-> overweight <-> obese, stationary at the two targets.
                    const int ow = static_cast<int>(Factor::Overweight), ob = static_cast<int>(Factor::Obese);
                    const double normal = std::max(1e-6, 1 - p[ow] - p[ob]);
                    entry[ow] = static_cast<float>(h_.exit_rate[ow] * p[ow] / normal * cal[ow][s][g]);
                    entry[ob] = p[ow] > 0 ? static_cast<float>(h_.exit_rate[ob] * p[ob] / p[ow] * cal[ob][s][g]) : 0.0f;
                    // Smoking: of the entries, a share r are relapses of former smokers.
                    const double current = p[static_cast<int>(Factor::SmokingCurrent)];
                    const int y = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
                    const double base_former = h_.smoking_former[s][g][e];
                    const double former = std::min(
                        base_former > 0 ? prob(odds(clamp_share(base_former)) * h_.trend_smoking_former[y] *
                                               h_.zone_odds_smoking_former[z])
                                        : 0.0,
                        0.999 - current);
                    const double never = std::max(1e-6, 1 - current - former);
                    const double lambda = entry[static_cast<int>(Factor::SmokingCurrent)];
                    smoke_entry_[cell_index(z, s, g, e)] = {
                        static_cast<float>(lambda * (1 - r) * (1 - current) / never),
                        static_cast<float>(former > 1e-6 ? lambda * r * (1 - current) / former : 0.0)};
                }
    mark_year_clocks(last_entry, last_smoke_entry);
}

void HealthModel::mark_year_clocks(const std::vector<std::array<float, kNumFactors>>& last_entry,
                                   const std::vector<std::array<float, 2>>& last_smoke_entry) {
    // The first year (no tables before): every chain clock.
    year_clocks_.assign(entry_.size(), last_entry.size() == entry_.size() ? 0 : static_cast<std::uint8_t>(kChainClocks));
    if (last_entry.size() != entry_.size()) return;
    auto same = [](float a, float b) { return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b); };
    for (std::size_t c = 0; c < entry_.size(); ++c) {
        unsigned clocks = 0;
        for (int f = 0; f < kNumFactors; ++f)
            if (!same(entry_[c][f], last_entry[c][f])) clocks |= 1u << chain_clock(kFactors[f].name);
        // Smoking's start splits by never and former smokers (its own table), on the chain's clock.
        constexpr int smoking = static_cast<int>(Factor::SmokingCurrent);
        if (!same(smoke_entry_[c][0], last_smoke_entry[c][0]) || !same(smoke_entry_[c][1], last_smoke_entry[c][1]))
            clocks |= 1u << chain_clock(kFactors[smoking].name);
        year_clocks_[c] = static_cast<std::uint8_t>(clocks & kChainClocks);
    }
}

int HealthModel::lifestyle_key(const Population& pop, std::size_t i) {
    const auto& s = pop.health;
    const auto flags = s.flags[i];
    int key = s.smoking[i] * 3 + s.bmi[i];
    key = key * 2 + (has(flags, health_flag::Active) ? 0 : 1);
    key = key * 2 + (has(flags, health_flag::Alcohol) ? 1 : 0);
    key = key * 2 + (has(flags, health_flag::Distress) ? 1 : 0);
    key = key * 2 + (has(flags, health_flag::Lonely) ? 1 : 0);
    key = key * 2 + (has(flags, health_flag::Frail) ? 1 : 0);
    return key;
}

void HealthModel::build_risk_tables() {
    for (int o = 0; o < kNumOutcomes; ++o) fill_risk_tables(o);
    for (int o = 0; o < kNumOutcomes; ++o)
        education_rr_[o] = {h_.rr[o][static_cast<int>(Exposure::EducationLow)], h_.rr[o][static_cast<int>(Exposure::EducationMiddle)]};
    education_rr_[static_cast<int>(Outcome::Death)] = {1.0, 1.0};  // by sex and age group: death_education_rr_
    death_education_rr_ = h_.education_death;
    build_misc_table();
}

// The products of one outcome's relative risks per lifestyle key and per condition bitmask.
void HealthModel::fill_risk_tables(int o) {
    const auto& r = conditional_rr_[o];
    auto rr = [&](Exposure x) { return r[static_cast<int>(x)]; };
    for (int key = 0; key < kLifestyleKeys; ++key) {
        int k = key;
        const bool frail = k % 2; k /= 2;
        const bool lonely = k % 2; k /= 2;
        const bool distress = k % 2; k /= 2;
        const bool alcohol = k % 2; k /= 2;
        const bool inactive = k % 2; k /= 2;
        const int bmi = k % 3; k /= 3;
        const int smoking = k;
        double v = 1;
        if (smoking == 1) v *= rr(Exposure::SmokingCurrent);
        if (smoking == 2) v *= rr(Exposure::SmokingFormer);
        if (bmi == 1) v *= rr(Exposure::Overweight);
        if (bmi == 2) v *= rr(Exposure::Obese);
        if (inactive) v *= rr(Exposure::Inactive);
        if (alcohol) v *= rr(Exposure::Alcohol);
        if (distress) v *= rr(Exposure::Distress);
        if (lonely) v *= rr(Exposure::Lonely);
        if (frail) v *= rr(Exposure::Frail);
        rr_lifestyle_[key][o] = v;
    }
    for (int mask = 0; mask < kConditionMasks; ++mask) {
        double v = 1;
        for (int c = 0; c < kNumConditions; ++c)
            if (mask & (1 << c)) v *= rr(condition_exposure(c));
        rr_conditions_[mask][o] = v;
    }
}

void HealthModel::build_misc_table() {
    auto rr = [&](int o, Exposure x) { return h_.rr[o][static_cast<int>(x)]; };
    for (int misc = 0; misc < 4 * kNumEducation; ++misc)
        for (int o = 0; o < kNumOutcomes; ++o) {
            const int edu = misc / 4;
            double v = edu == static_cast<int>(Education::High) ? 1.0 : education_rr_[o][edu];
            if (misc & 1) v *= rr(o, Exposure::HipFractureRecent);
            if (misc & 2) v *= rr(o, Exposure::LivingAlone);
            rr_misc_[misc][o] = v;
        }
}

// The published relative risks of education on the onset of a condition (relative_risks.csv, education
// rows) are total associations, and part of them runs through risk factors the model carries itself:
// smoking, overweight, inactivity, excessive drinking, distress, loneliness and frailty are all more
// common with less education (risk_factor_prevalence.csv). Applying the total on top of those factors
// counts the mediated part twice; it made life expectancy by education 7.9 years apart in 2022 against
// 4.8 in the register (CBS 84842NED). The direct effect is the total divided by the mediated part (the
// product method; A-H-RR-EDU-MEDIATED): in each sex and age group the mean relative risk of the
// modelled risk factors at the education level over that of the highly educated, averaged over the
// groups with the expected new cases (residents x incidence) as weights; never below 1, since no
// published direct effect of less education is protective. Computed from the residents of 1 January
// 2021 after their risk factors are drawn, so the same population gives the same effects. For death
// (`death`), the mediators are the risk factors and the conditions, and the weights the expected deaths.
void HealthModel::separate_mediated_education(const Population& pop, bool death) {
    constexpr int high = static_cast<int>(Education::High);
    // Per sex, age group and education: the mean relative risk of the mediators over that of the highly educated.
    // Each resident's lifestyle key and sex, age group and education, computed once (in parallel) for every sum.
    std::vector<std::uint16_t> key(pop.size());
    std::vector<std::array<std::uint8_t, 3>> sge(pop.size());
    for_each_resident(pop.size(), [&](std::size_t i) {
        key[i] = static_cast<std::uint16_t>(lifestyle_key(pop, i));
        sge[i] = {pop.sex[i], static_cast<std::uint8_t>(age_group_of(age_in_years(0, pop.birth_step[i]))), pop.education[i]};
    });
    const auto mediated_by_group = [&](int o) {
        BySexGroupEdu<double> sum{}, n{};
        for (std::size_t i = 0; i < pop.size(); ++i) {
            const auto [s, g, e] = sge[i];
            double rr = rr_lifestyle_[key[i]][o];
            if (death) rr *= rr_conditions_[pop.health.conditions[i]][o];
            sum[s][g][e] += rr;
            n[s][g][e] += 1;
        }
        BySexGroup<std::array<double, 2>> ratio{};
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < 2; ++e)
                    ratio[s][g][e] = n[s][g][e] == 0 || n[s][g][high] == 0 || sum[s][g][high] == 0
                                         ? 1.0
                                         : (sum[s][g][e] / n[s][g][e]) / (sum[s][g][high] / n[s][g][high]);
        return ratio;
    };
    if (death) {
        // The total is by sex and age group (education_death.csv), so is the direct part: between 1 and the
        // total. A group whose mediators favour the less educated (a ratio below 1: children, the oldest, few
        // residents per cell) gets the total itself, not more.
        const auto m = mediated_by_group(static_cast<int>(Outcome::Death));
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g)
                for (int e = 0; e < 2; ++e) {
                    const double total = h_.education_death[s][g][e];
                    death_education_rr_[s][g][e] = std::min(total, std::max(1.0, total / m[s][g][e]));
                }
        return;
    }
    // The totals on the onset of a condition are one number each: so is the mediated part, the groups' ratios
    // averaged with the expected onsets as weights.
    for (int o = 0; o < kNumConditions; ++o) {
        const auto m = mediated_by_group(o);
        BySexGroupEdu<double> n{};
        for (std::size_t i = 0; i < pop.size(); ++i) n[sge[i][0]][sge[i][1]][sge[i][2]] += 1;
        for (int e = 0; e < 2; ++e) {
            double weighted = 0, weights = 0;
            for (int s = 0; s < kNumSexes; ++s)
                for (int g = 0; g < kNumAgeGroups; ++g) {
                    if (n[s][g][e] == 0 || n[s][g][high] == 0) continue;
                    const double w = n[s][g][e] * h_.incidence[o][s][g];
                    weighted += w * m[s][g][e];
                    weights += w;
                }
            const double ratio = weights > 0 ? weighted / weights : 1.0;
            const auto x = e == 0 ? Exposure::EducationLow : Exposure::EducationMiddle;
            education_rr_[o][e] = std::max(1.0, h_.rr[o][static_cast<int>(x)] / ratio);
        }
    }
    build_misc_table();
}

int HealthModel::misc_key(const Population& pop, std::size_t i) {
    return pop.education[i] * 4 + (pop.health.hip_months[i] > 0 ? 1 : 0) +
           (pop.household[i] == static_cast<std::uint8_t>(Household::Alone) ? 2 : 0);
}

void HealthModel::relative_risks(const Population& pop, std::size_t i, int group, std::array<double, kNumOutcomes>& rr) const {
    const auto& life = rr_lifestyle_[lifestyle_key(pop, i)];
    const auto& cond = rr_conditions_[pop.health.conditions[i]];
    const int edu = pop.education[i];
    const auto& m = rr_misc_[misc_key(pop, i)];
    for (int o = 0; o < kNumOutcomes; ++o) rr[o] = life[o] * cond[o] * m[o];
    if (edu != static_cast<int>(Education::High))
        rr[static_cast<int>(Outcome::Death)] *= death_education_rr_[pop.sex[i]][group][edu];
}

double HealthModel::relative_risk_of(const Population& pop, std::size_t i, Outcome outcome) const {
    const int o = static_cast<int>(outcome);
    return rr_lifestyle_[lifestyle_key(pop, i)][o] * rr_conditions_[pop.health.conditions[i]][o] * rr_misc_[misc_key(pop, i)][o];
}

double HealthModel::relative_risk(int outcome, const Population& pop, std::size_t i, int age) const {
    // relative_risks' product for this outcome alone, in its order (the conditions' onsets at synthesis asked for all
    // twelve seven times a resident).
    double rr = relative_risk_of(pop, i, static_cast<Outcome>(outcome));
    const int edu = pop.education[i];
    if (outcome == static_cast<int>(Outcome::Death) && edu != static_cast<int>(Education::High))
        rr *= death_education_rr_[pop.sex[i]][age_group_of(age)][edu];
    return rr;
}

namespace {
// The clocks for which event_hazards computes every relative risk (relative_risks); for the others, two at most.
constexpr unsigned kClocksWithAllRelativeRisks = 1u << health_clock::Chronic | 1u << health_clock::Falls;
// Whether depression/anxiety is the only condition whose onset is on a clock other than the chronic one (event_hazards
// computes only its relative risk and the nursing home's for the other clocks with relative risks).
constexpr bool only_depression_onset_off_chronic_clock() {
    for (int k = 0; k < kNumConditions; ++k) {
        const int clock = kEventClock[kFirstOnsetEvent + k];
        if (k != condition::DepressionAnxiety && clock != health_clock::Chronic && clock != health_clock::Falls) return false;
    }
    return kEventClock[static_cast<int>(HealthEvent::Fall)] == health_clock::Falls &&
           kEventClock[static_cast<int>(HealthEvent::HipFracture)] == health_clock::Falls;
}
}  // namespace

void HealthModel::event_hazards(const Population& pop, std::size_t i, int age, unsigned clocks,
                                std::array<double, kNumHealthEvents>& h, std::array<double, kNumOutcomes>& rr) const {
    // Every wanted event's hazard is written exactly once, zero when it cannot happen (a fill of the whole array
    // first compiled to `rep stos`, whose start-up cost was a quarter of this function's time); the others keep
    // what they held (run_clocks reads only the clock's own events).
    const auto& s = pop.health;
    const int sex = pop.sex[i], g = age_group_of(age), edu = pop.education[i];
    const std::size_t c = cell_index(pop.zone[i], sex, g, edu);
    const auto& entry = entry_[c];
    const auto flags = s.flags[i];
    auto wanted = [clocks](HealthEvent e) { return (clocks >> kEventClock[static_cast<int>(e)] & 1u) != 0; };
    auto factor = [&](Factor f) { return static_cast<int>(f); };
    auto set = [&](HealthEvent e, double v) { h[static_cast<int>(e)] = v; };
    auto chain = [&](Factor f, std::uint8_t bit, HealthEvent on, HealthEvent off) {
        if (!wanted(on)) return;
        const bool in = has(flags, bit);
        set(on, in ? 0.0 : static_cast<double>(entry[factor(f)]));
        set(off, in ? h_.exit_rate[factor(f)] : 0.0);
    };
    if (wanted(HealthEvent::SmokeStart)) {
        // Smoking.
        const bool current = s.smoking[i] == static_cast<std::uint8_t>(Smoking::Current);
        set(HealthEvent::SmokeQuit, current ? h_.exit_rate[factor(Factor::SmokingCurrent)] : 0.0);
        set(HealthEvent::SmokeStart,
            current ? 0.0 : static_cast<double>(smoke_entry_[c][s.smoking[i] == static_cast<std::uint8_t>(Smoking::Former) ? 1 : 0]));
        // BMI.
        const int bmi = s.bmi[i];
        set(HealthEvent::BmiUp, bmi < 2 ? static_cast<double>(entry[factor(bmi == 0 ? Factor::Overweight : Factor::Obese)]) : 0.0);
        set(HealthEvent::BmiDown, bmi > 0 ? h_.exit_rate[factor(bmi == 1 ? Factor::Overweight : Factor::Obese)] : 0.0);
    }
    chain(Factor::Active, health_flag::Active, HealthEvent::ActiveOn, HealthEvent::ActiveOff);
    chain(Factor::Alcohol, health_flag::Alcohol, HealthEvent::AlcoholOn, HealthEvent::AlcoholOff);
    chain(Factor::Distress, health_flag::Distress, HealthEvent::DistressOn, HealthEvent::DistressOff);
    chain(Factor::Lonely, health_flag::Lonely, HealthEvent::LonelyOn, HealthEvent::LonelyOff);
    chain(Factor::Frail, health_flag::Frail, HealthEvent::FrailOn, HealthEvent::FrailOff);
    const bool nursing_home = has(flags, health_flag::NursingHome);
    if (!nursing_home) {
        chain(Factor::HomeCare, health_flag::HomeCare, HealthEvent::HomeCareOn, HealthEvent::HomeCareOff);
    } else if (wanted(HealthEvent::HomeCareOn)) {
        set(HealthEvent::HomeCareOn, 0.0);
        set(HealthEvent::HomeCareOff, 0.0);
    }
    if (clocks == 1u << health_clock::Lifestyle) return;  // lifestyle alone needs no relative risks
    if ((clocks & kClocksWithAllRelativeRisks) != 0) {
        relative_risks(pop, i, g, rr);
    } else {
        // The mental and seniors' clocks read only these two relative risks (January's refresh asks for them).
        static_assert(only_depression_onset_off_chronic_clock(), "another onset on the mental or seniors' clock");
        for (const auto o : {condition_outcome(condition::DepressionAnxiety), Outcome::NursingHome})
            rr[static_cast<int>(o)] = relative_risk_of(pop, i, o);
    }
    for (int k = 0; k < kNumConditions; ++k) {
        const auto onset = onset_event(k);
        if (wanted(onset))
            set(onset, s.conditions[i] & condition_bit(k) ? 0.0 : h_.incidence[k][sex][g] * rr[k] * norm_[k][sex][g]);
    }
    // Remission is of depression/anxiety only (the loader rejects a rate for any other condition).
    if (wanted(HealthEvent::Remission)) {
        constexpr int k = condition::DepressionAnxiety;
        set(HealthEvent::Remission, s.conditions[i] & condition_bit(k) ? h_.remission[k][sex][g] : 0.0);
    }
    const int fall = static_cast<int>(Outcome::Fall), hip = static_cast<int>(Outcome::HipFracture);
    const int nh = static_cast<int>(Outcome::NursingHome);
    if (wanted(HealthEvent::Fall)) {
        set(HealthEvent::Fall, h_.fall_rate[sex][g] * rr[fall] * norm_[fall][sex][g]);
        set(HealthEvent::HipFracture, h_.hip_fracture_rate[sex][g] * rr[hip] * norm_[hip][sex][g]);
    }
    if (wanted(HealthEvent::NursingHomeAdmission))
        set(HealthEvent::NursingHomeAdmission,
            nursing_home ? 0.0
                         : h_.nursing_home_rate[sex][g] * rr[nh] * norm_[nh][sex][g] * h_.nursing_home_calibration[sex][g]);
}

void HealthModel::hazards(const Population& pop, std::size_t i, int age, std::array<double, kNumHealthEvents>& h,
                            float& mortality_rr, int step) const {
    std::array<double, kNumOutcomes> rr;
    event_hazards(pop, i, age, kAllClocks, h, rr);
    double death_multiplier = 1.0;
    if (modifier_ != nullptr && pop.in_intervention[i]) modifier_->apply(pop, i, step, h, death_multiplier);
    mortality_rr = mortality_multiplier(pop, i, age, rr[static_cast<int>(Outcome::Death)], death_multiplier);
}

float HealthModel::mortality_multiplier(const Population& pop, std::size_t i, int age, double rr_death,
                                        double death_multiplier) const {
    const int sex = pop.sex[i], g = age_group_of(age);
    const int death = static_cast<int>(Outcome::Death);
    double excess = pop.health.hip_months[i] > 0 ? h_.hip_fracture_excess[sex][g] : 0.0;
    const double base_death = data_.mortality[std::clamp(year_, data_.first_year, data_.last_year) - data_.first_year][sex][age];
    return static_cast<float>(rr_death * norm_[death][sex][g] * death_multiplier + (base_death > 0 ? excess / base_death : 0.0));
}

void HealthModel::apply_event(Population& pop, std::size_t i, int age, int event, YearCounters& counters,
                              int cell) const {
    auto& s = pop.health;
    const int zone = pop.zone[i];
    switch (static_cast<HealthEvent>(event)) {
        case HealthEvent::SmokeStart: s.smoking[i] = static_cast<std::uint8_t>(Smoking::Current); break;
        case HealthEvent::SmokeQuit: s.smoking[i] = static_cast<std::uint8_t>(Smoking::Former); break;
        case HealthEvent::BmiUp: ++s.bmi[i]; break;
        case HealthEvent::BmiDown: --s.bmi[i]; break;
        case HealthEvent::ActiveOn: s.flags[i] |= health_flag::Active; break;
        case HealthEvent::ActiveOff: s.flags[i] &= ~health_flag::Active; break;
        case HealthEvent::AlcoholOn: s.flags[i] |= health_flag::Alcohol; break;
        case HealthEvent::AlcoholOff: s.flags[i] &= ~health_flag::Alcohol; break;
        case HealthEvent::DistressOn: s.flags[i] |= health_flag::Distress; break;
        case HealthEvent::DistressOff: s.flags[i] &= ~health_flag::Distress; break;
        case HealthEvent::LonelyOn: s.flags[i] |= health_flag::Lonely; break;
        case HealthEvent::LonelyOff: s.flags[i] &= ~health_flag::Lonely; break;
        case HealthEvent::FrailOn: s.flags[i] |= health_flag::Frail; break;
        case HealthEvent::FrailOff: s.flags[i] &= ~health_flag::Frail; break;
        case HealthEvent::HomeCareOn: s.flags[i] |= health_flag::HomeCare; break;
        case HealthEvent::HomeCareOff: s.flags[i] &= ~health_flag::HomeCare; break;
        case HealthEvent::Remission: s.conditions[i] &= ~condition_bit(condition::DepressionAnxiety); break;
        case HealthEvent::Fall:
            s.fall_since[i] = event_memory::kThisMonth;
            ++counters.count(Measure::Falls, zone, cell);
            counters.count(Measure::CostEur, zone, cell) += to_amount_units(h_.falls.cost_fall_eur * kAmountScale);
            break;
        case HealthEvent::HipFracture:
            s.hip_months[i] = 12;
            s.hip_since[i] = event_memory::kThisMonth;
            ++counters.count(Measure::HipFractures, zone, cell);
            counters.count(Measure::CostEur, zone, cell) +=
                to_amount_units(h_.falls.cost_hip_fracture_eur * kAmountScale);
            break;
        case HealthEvent::NursingHomeAdmission:
            s.flags[i] = static_cast<std::uint8_t>((s.flags[i] | health_flag::NursingHome) & ~health_flag::HomeCare);
            pop.household[i] = static_cast<std::uint8_t>(Household::Institution);
            ++counters.count(Measure::NursingHomeAdmissions, zone, cell);
            // Within the 12 months of a hip fracture's raised admission risk (relative_risks.csv hip_fracture_recent).
            if (s.hip_months[i] > 0) ++counters.count(Measure::NursingHomeAdmissionsAfterHipFracture, zone, cell);
            break;
        default: {
            const int k = event - static_cast<int>(HealthEvent::IncidenceFirst);
            s.conditions[i] |= condition_bit(k);
            ++counters.count(incidence_measure(k), zone, cell);
        }
    }
    (void)age;
}

std::uint32_t HealthModel::accrual_age_bits(int age, bool preterm) const {
    std::uint32_t bits = static_cast<std::uint32_t>(age_group_of(age)) << 6;                      // bits 6-10
    bits |= static_cast<std::uint32_t>(preterm && age <= peri_.asthma_last_age ? 1 : 0) << 11;  // bit 11
    bits |= static_cast<std::uint32_t>(preterm && age >= peri_.sen_first_age && age <= peri_.sen_last_age ? 1 : 0) << 12;
    return bits;
}

void HealthModel::fill_plain_birthdays() {
    for (int preterm = 0; preterm < 2; ++preterm)
        for (int age = 0; age < kNumAges; ++age)
            plain_birthdays_[static_cast<std::size_t>(preterm)][static_cast<std::size_t>(age)] =
                !new_rates_group(age) && accrual_age_bits(age, preterm != 0) == accrual_age_bits(age - 1, preterm != 0) &&
                !WellbeingModel::age_changes_key(age);
}

std::uint32_t HealthModel::accrual_key(const Population& pop, std::size_t i, int age) const {
    const auto& s = pop.health;
    constexpr std::uint8_t kCareFlags = health_flag::Frail | health_flag::HomeCare | health_flag::NursingHome;
    std::uint32_t key = pop.zone[i];                                          // bits 0-5 (kMaxAccrualZones)
    // The accruals depend on the age through its group and, for a child born preterm, the ages of asthma and of school
    // (bits 6-12); good perceived health's single year of age is the flush's (a birthday within a group keeps the key
    // and the pending months).
    key |= accrual_age_bits(age, (s.perinatal[i] & perinatal_flag::Preterm) != 0);          // bits 6-12
    key |= static_cast<std::uint32_t>(s.conditions[i]) << 13;                 // bits 13-20
    key |= static_cast<std::uint32_t>(pop.sex[i]) << 21;                      // bit 21
    key |= static_cast<std::uint32_t>(pop.education[i]) << 22;                // bits 22-23
    key |= static_cast<std::uint32_t>(s.flags[i] & kCareFlags) << 20;         // bits 24-26 (flags 16, 32, 64)
    key |= static_cast<std::uint32_t>(hip_phase(h_.falls, s.hip_since[i])) << 27;  // bits 27-28
    key |= static_cast<std::uint32_t>(fall_recent(h_.falls, s.fall_since[i]) ? 1 : 0) << 29;  // bit 29
    key |= static_cast<std::uint32_t>(s.perinatal[i] & perinatal_flag::Preterm ? 1 : 0) << 30;          // bit 30
    key |= static_cast<std::uint32_t>(s.perinatal[i] & perinatal_flag::ChildProtection ? 1 : 0) << 31;  // bit 31
    return key;
}

template <typename Care>
void HealthModel::accrue_state(std::uint32_t key, int months, AccrualAges ages, Care&& care, YearCounters& counters) const {
    const int zone = static_cast<int>(key & 0x3fu), g = static_cast<int>((key >> 6) & 0x1fu);
    const bool asthma_age = (key >> 11) & 1u, school_age = (key >> 12) & 1u;
    const int mask = static_cast<int>((key >> 13) & 0xffu), sex = static_cast<int>((key >> 21) & 1u);
    const int edu = static_cast<int>((key >> 22) & 3u);
    const auto flags = static_cast<std::uint8_t>((key >> 20) & 0x70u);
    const auto hip = static_cast<HipPhase>((key >> 27) & 3u);
    const bool recent_fall = (key >> 29) & 1u;
    const bool preterm = (key >> 30) & 1u, child_protection = (key >> 31) & 1u;
    const int cell = cell_of(sex, g, edu);
    double keep = utility_factor_[mask];
    if (has(flags, health_flag::Frail)) keep *= 1 - h_.disability_weight_frail;
    if (preterm) keep *= 1 - peri_.utility_loss_preterm;  // lifelong (A-H-PRETERM-UTILITY)
    constexpr double per_month = kAmountScale / kMonthsPerYear;
    // Each month of the run adds the same rounded amount: `months` of them are months x that amount.
    auto add = [&](Measure m, double v) { counters.count(m, zone, cell) += months * to_amount_units(v * per_month); };
    // QALYs: the EQ-5D norm of the conditions and frailty, less the published points lost after a fall or a hip
    // fracture (sim/health/falls.hpp), floored at 0. Years lived with disability keep the first-year disability
    // weight of a hip fracture (the GBD-style weights of the other states).
    const double utility = h_.utility[sex][g] * keep;
    const double lost = std::min(utility, fall_disutility(h_.falls, hip, recent_fall));
    add(Measure::Qalys, utility - lost);
    if (lost > 0) add(Measure::QalyLossFalls, lost);
    if (hip == HipPhase::Acute || hip == HipPhase::Recovery) keep *= 1 - h_.disability_weight_hip_fracture;
    add(Measure::Yld, 1 - keep);
    add(Measure::CareHoursGp, (h_.gp_hours_by_group[g] + gp_extra_[mask]) * care(0));
    // Home care and nursing-home care are costed by the care state, with dementia or without: dementia's cost per case
    // is without its elderly care (A-H-COSTS), so that the costs are of the same residents as the hours the payers'
    // split prices (sim/compare/payers.cpp).
    double cost = cost_[mask];
    if (has(flags, health_flag::HomeCare)) {
        add(Measure::CareHoursHomeCare, h_.home_care_hours_per_client * care(1));
        cost += h_.cost_home_care_per_client;
    }
    if (has(flags, health_flag::NursingHome)) {
        add(Measure::CareHoursNursingHome, h_.nursing_home_hours_per_resident * care(2));
        cost += h_.cost_nursing_home_per_resident;
    }
    if (mask & condition_bit(condition::DepressionAnxiety))
        add(Measure::CareHoursMentalHealth, h_.mental_health_hours_per_case * care(3));
    // Their cost is in the cost per case of heart failure (A-H-HF-ADMISSIONS): an admission avoided changes the count.
    if (mask & condition_bit(condition::HeartFailure))
        add(Measure::HeartFailureAdmissions, h_.heart_failure_admissions_per_year * care(kAdmissionsCareIndex));
    if (child_protection) {  // care after a child protection report (A-H-CHILD-PROTECTION-COST)
        cost += peri_.child_protection_cost;
        add(Measure::ChildProtectionCost, peri_.child_protection_cost);
    }
    // Asthma attributable to preterm birth (A-H-PRETERM-ASTHMA). A month's child-years (about 0.0024) round to whole
    // 1/kAmountScale units, so the child-years read about 1.7% high; the cost (about 0.83 euro a month) is exact.
    if (asthma_age) {
        const double asthma_cost = peri_.asthma_excess_preterm * peri_.asthma_cost;
        add(Measure::PretermAsthmaChildYears, peri_.asthma_excess_preterm);
        add(Measure::PretermAsthmaCost, asthma_cost);
        cost += asthma_cost;
    }
    // Special educational needs attributable to preterm birth (A-H-PRETERM-SEN): education spending, not in cost.
    if (school_age) {
        add(Measure::PretermSpecialEducationPupilYears, peri_.sen_excess_preterm);
        add(Measure::PretermSpecialEducationCost, peri_.sen_excess_preterm * peri_.sen_cost);
    }
    add(Measure::CostEur, cost);
    // The table is for residents without the conditions; their odds ratios bring it to the average.
    const double o = good_health_odds_[sex][g][edu] * good_health_or_[mask];
    const double good = prob(o);
    const std::int64_t good_month = to_amount_units(good * kAmountScale);
    counters.good_health_months[counters.age_index(zone, sex, edu, ages.last)] += ages.at_last * good_month;
    if (months > ages.at_last)
        counters.good_health_months[counters.age_index(zone, sex, edu, ages.before)] += (months - ages.at_last) * good_month;
    add(Measure::HealthyYears, good);
}

void HealthModel::accrue_year(const Population& pop, std::size_t i, int age, YearCounters& counters) const {
    accrue_state(accrual_key(pop, i, age), kMonthsPerYear, {age, kMonthsPerYear, age}, [](int) { return 1.0; }, counters);
}

void HealthModel::flush_accrual(Population& pop, std::size_t i, int last_step, YearCounters& counters) const {
    auto& s = pop.health;
    const int months = s.accrual_months[i];
    if (months == 0) return;
    // The pending months end at last_step and span at most one birthday (each December's flush ends them, and a new
    // age group changes the key): those from the birthday on are at the last age, the ones before at the age before.
    const int since_birth = last_step - pop.birth_step[i];
    const int at_last = std::min(months, since_birth % kMonthsPerYear + 1);
    const AccrualAges ages{age_in_years(last_step, pop.birth_step[i]), at_last,
                           age_in_years(last_step - at_last, pop.birth_step[i])};
    accrue_state(s.accrual_key[i], months, ages, [](int) { return 1.0; }, counters);
    s.accrual_months[i] = 0;
}

void HealthModel::accrue_keyed(Population& pop, std::size_t i, int age, int step, bool flush, bool care_participant,
                               YearCounters& counters) const {
    auto& s = pop.health;
    const std::uint32_t key = accrual_key(pop, i, age);
    if (care_participant && modifier_->changes_care(pop, i, step)) {
        // A programme's care multipliers may change from month to month: while one acts on a participant's
        // care hours, the participant accrues monthly (with multipliers of exactly 1 the amounts are the state's).
        flush_accrual(pop, i, step - 1, counters);
        accrue_state(key, 1, {age, 1, age}, [&](int kind) { return modifier_->care_multiplier(pop, i, step, kind); }, counters);
        s.accrual_key[i] = key;  // this month's state, as for everyone (run_block's months without a change keep it)
        return;
    }
    if (s.accrual_months[i] > 0 && s.accrual_key[i] != key) flush_accrual(pop, i, step - 1, counters);
    s.accrual_key[i] = key;
    ++s.accrual_months[i];
    if (flush) flush_accrual(pop, i, step, counters);
}

namespace {
// Clock C's hazard per step: its events' annual hazards summed in event order from zero (the one sum every refresh
// makes), unrolled over the clock's events (constant indices: no loop, no table lookup).
template <int C>
float clock_rate(const std::array<double, kNumHealthEvents>& h) {
    double sum = 0;
    [&]<std::size_t... J>(std::index_sequence<J...>) {
        ((sum += h[kClockEvents.events[C][J]]), ...);
    }(std::make_index_sequence<static_cast<std::size_t>(kClockEvents.count[C])>{});
    return static_cast<float>(sum * kStepYears);
}
// The clocks in `Clocks` (bit c: clock c) into rates; the others are left as they were.
template <unsigned Clocks>
void clock_rates(const std::array<double, kNumHealthEvents>& h, std::array<float, kHealthClocks>& rates) {
    [&]<int... C>(std::integer_sequence<int, C...>) {
        ((Clocks >> C & 1u ? (void)(rates[C] = clock_rate<C>(h)) : void()), ...);
    }(std::make_integer_sequence<int, kHealthClocks>{});
}
// clock_rates of the clocks in `clocks`, a set known only when running.
void clock_rates_of(unsigned clocks, const std::array<double, kNumHealthEvents>& h, std::array<float, kHealthClocks>& rates) {
    [&]<int... C>(std::integer_sequence<int, C...>) {
        ((clocks >> C & 1u ? (void)(rates[C] = clock_rate<C>(h)) : void()), ...);
    }(std::make_integer_sequence<int, kHealthClocks>{});
}
}  // namespace

bool HealthModel::rates_current(const Population& pop, std::size_t i, int step) const {
    if (pop.status[i] != kPresent || (pop.health.rates_stale[i] & stale::kAnyRates) != 0) return true;
    std::array<double, kNumHealthEvents> h;
    float mortality_rr = 0;
    hazards(pop, i, age_in_years(step, pop.birth_step[i]), h, mortality_rr, step);
    std::array<float, kHealthClocks> rates{};
    clock_rates<kAllClocks>(h, rates);
    return rates == pop.health.clock_hazard[i] && mortality_rr == pop.mortality_rr[i];
}

bool HealthModel::accrual_key_current(const Population& pop, std::size_t i, int step) const {
    if (pop.status[i] != kPresent || (pop.health.rates_stale[i] & stale::kRates) != 0) return true;
    return pop.health.accrual_key[i] == accrual_key(pop, i, age_in_years(step, pop.birth_step[i]));
}

void HealthModel::refresh_rates(Population& pop, std::size_t i, int age, int step,
                                std::array<double, kNumHealthEvents>& h) const {
    auto& s = pop.health;
    hazards(pop, i, age, h, pop.mortality_rr[i], step);
    s.rates_stale[i] &= static_cast<std::uint8_t>(~stale::kAnyRates);
    clock_rates<kAllClocks>(h, s.clock_hazard[i]);
}

void HealthModel::refresh_some_rates(Population& pop, std::size_t i, int age, int step,
                                     std::array<double, kNumHealthEvents>& h) const {
    // The numbers a full refresh gives for these (event_hazards writes each wanted event as hazards() does, and the
    // programmes' multipliers act on each event in the same order), the other clocks' rates as they are.
    auto& s = pop.health;
    const std::uint8_t bits = s.rates_stale[i];
    const unsigned clocks = (bits & stale::kClocks) >> stale::kClockShift;
    std::array<double, kNumOutcomes> rr;
    if (clocks != 0) event_hazards(pop, i, age, clocks, h, rr);
    double death_multiplier = 1.0;
    if (modifier_ != nullptr && pop.in_intervention[i]) modifier_->apply(pop, i, step, h, death_multiplier);
    clock_rates_of(clocks, h, s.clock_hazard[i]);
    if ((bits & stale::kMortality) != 0) {
        if ((clocks & kClocksWithAllRelativeRisks) == 0) relative_risks(pop, i, age_group_of(age), rr);
        pop.mortality_rr[i] = mortality_multiplier(pop, i, age, rr[static_cast<int>(Outcome::Death)], death_multiplier);
    }
    s.rates_stale[i] = static_cast<std::uint8_t>(bits & ~stale::kSomeRates);
}

void HealthModel::refresh_year(Population& pop, std::size_t i, int age, std::array<double, kNumHealthEvents>& h) const {
    // Only the chain clocks whose tables changed this year in the resident's cell (mark_year_clocks): the others' rates
    // are already this year's.
    const unsigned clocks = year_clocks_[cell_index(pop.zone[i], pop.sex[i], age_group_of(age), pop.education[i])];
    if (clocks == 0) return;
    std::array<double, kNumOutcomes> rr;
    event_hazards(pop, i, age, clocks, h, rr);
    clock_rates_of(clocks, h, pop.health.clock_hazard[i]);
}

void HealthModel::run_clocks(Population& pop, std::size_t i, int age, int step, const Rng& rng,
                             std::array<double, kNumHealthEvents>& h, bool fresh, YearCounters& counters) const {
    auto& s = pop.health;
    for (int c = 0; c < kHealthClocks; ++c) {
        s.budget[i][c] -= s.clock_hazard[i][c];
        for (std::uint32_t k = 0; s.budget[i][c] <= 0.0f && k < 4; ++k) {
            if (!fresh) {
                // Only this clock's hazards are needed to pick the event: the same numbers a full refresh
                // gives (a programme's multipliers may act on any event: its participants get the full one).
                if (modifier_ != nullptr && pop.in_intervention[i]) {
                    refresh_rates(pop, i, age, step, h);
                    fresh = true;
                } else {
                    std::array<double, kNumOutcomes> rr;
                    event_hazards(pop, i, age, 1u << c, h, rr);
                }
            }
            const auto& events = kClockEvents.events[c];
            const int n_events = kClockEvents.count[c];
            double total = 0;
            for (int j = 0; j < n_events; ++j) total += h[events[j]];
            const auto w = rng.words(key::HealthEvent, pop.id[i], static_cast<std::uint32_t>(step),
                                     static_cast<std::uint32_t>(c * 4) + k);
            s.budget[i][c] += Rng::to_exponential(w[1]);
            if (total <= 0) {
                // No event on this clock: the rates a full refresh would have left behind, as before.
                if (!fresh) refresh_rates(pop, i, age, step, h);
                fresh = true;
                break;
            }
            const double u = Rng::to_unit(w[0]) * total;
            int event = -1;
            double cum = 0;
            for (int j = 0; j < n_events; ++j) {
                const int e = events[j];
                if (h[e] <= 0) continue;
                event = e;
                cum += h[e];
                if (u < cum) break;
            }
            apply_event(pop, i, age, event, counters, cell_of(pop.sex[i], age_group_of(age), pop.education[i]));
            refresh_rates(pop, i, age, step, h);  // the new state's rates, for every clock
            // and what a programme may offer in the new state, when that changed: a look at the resident would
            // otherwise find what their last look found (with programmes, most events change an input none reads:
            // physical activity; without, the bit is read by no one and kept as it was)
            if (modifier_ == nullptr || !modifier_->offers_unchanged(pop, i)) s.invalidate_offers(i);
            fresh = true;
        }
    }
}

namespace {
// A month of each clock: left = budget - hazard (single precision, as a scalar subtraction gives it); whether a clock
// ran out (left <= 0). Four clocks in one SSE subtraction: this runs for every resident every month.
static_assert(kHealthClocks == 5, "use_clocks subtracts four clocks at once and the fifth alone");
inline bool use_clocks(const std::array<float, kHealthClocks>& budget, const std::array<float, kHealthClocks>& hazard,
                       std::array<float, kHealthClocks>& left) {
#if defined(__SSE2__)
    const __m128 l = _mm_sub_ps(_mm_loadu_ps(budget.data()), _mm_loadu_ps(hazard.data()));
    _mm_storeu_ps(left.data(), l);
    left[4] = budget[4] - hazard[4];
    return _mm_movemask_ps(_mm_cmple_ps(l, _mm_setzero_ps())) != 0 || left[4] <= 0.0f;
#else
    bool out = false;
    for (int c = 0; c < kHealthClocks; ++c) {
        left[c] = budget[c] - hazard[c];
        out |= left[c] <= 0.0f;
    }
    return out;
#endif
}

// Whether this month (the memories already a month older) a hip fracture's phase or a fall's recency ends: the
// only months in which the memories change the accrual key (hip_phase and fall_recent change at these months only).
bool memory_phase_ends(const FallsData& f, std::uint8_t hip_since, std::uint8_t fall_since) {
    const int hip = event_memory::months_since(hip_since), fall = event_memory::months_since(fall_since);
    return (hip_since != event_memory::kNever && (hip == f.hip_acute_months || hip == f.hip_recovery_months)) ||
           (fall_since != event_memory::kNever && fall == f.fall_months);
}

#if defined(__SSE2__)
// Residents [begin, end) sixteen at a time: the quiet ones' month at once (quiet_month.hpp), month_of(i) for the others.
// A quiet month: present; no birthday but a plain one (HealthModel::plain_birthday); no fracture's months to count and
// no remembered fall or fracture; rates current; not a participant of a programme acting on care hours
// (`care_programmes`, bits of in_intervention: their months may accrue care with its multipliers; a programme's effect
// on the rates marks them stale when it changes); no clock runs out. Then a resident's month would only subtract the
// clocks' hazards and add a month to the pending months of the health accruals and, with the wellbeing model, of its
// own (their states are last month's). Returns the first of the residents left (fewer than sixteen).
template <typename PlainBirthday, typename MonthOf>
std::size_t quiet_months(Population& pop, std::size_t begin, std::size_t end, int step, std::uint64_t care_programmes,
                         bool wellbeing, PlainBirthday&& plain_birthday, MonthOf&& month_of) {
    using namespace quiet_month;
    auto& s = pop.health;
    const std::uint8_t* const status = pop.status.data();
    const std::int16_t* const birth_step = pop.birth_step.data();
    const std::uint64_t* const in_intervention = care_programmes != 0 ? pop.in_intervention.data() : nullptr;
    const std::uint8_t *const hip_months = s.hip_months.data(), *const hip_since = s.hip_since.data();
    const std::uint8_t *const fall_since = s.fall_since.data(), *const rates_stale = s.rates_stale.data();
    std::uint8_t* const accrual_months = s.accrual_months.data();
    std::uint8_t* const wellbeing_months = wellbeing ? s.wellbeing_months.data() : nullptr;
    std::array<float, kHealthClocks>* const budget = s.budget.data();
    const std::array<float, kHealthClocks>* const clock_hazard = s.clock_hazard.data();
    const __m128i zero = _mm_setzero_si128();
    std::size_t i = begin;
    for (; i + 16 <= end; i += 16) {
        __m128i ok = _mm_cmpeq_epi8(load16(status + i), _mm_set1_epi8(static_cast<char>(Status::Present)));
        ok = _mm_and_si128(ok, _mm_cmpeq_epi8(load16(hip_months + i), zero));
        ok = _mm_and_si128(ok, _mm_cmpeq_epi8(_mm_or_si128(load16(hip_since + i), load16(fall_since + i)), zero));
        const auto rates = static_cast<char>(stale::kAnyRates);
        ok = _mm_and_si128(ok, _mm_cmpeq_epi8(_mm_and_si128(load16(rates_stale + i), _mm_set1_epi8(rates)), zero));
        const unsigned present_and_still = static_cast<unsigned>(_mm_movemask_epi8(ok));
        unsigned wanted = present_and_still & no_birthday16(birth_step + i, step);
        // A birthday that changes neither the rates, nor a key's age, is a quiet month too (about one in twelve).
        for (unsigned b = present_and_still & ~wanted; b != 0; b &= b - 1) {
            const auto j = static_cast<unsigned>(std::countr_zero(b));
            const bool preterm = (s.perinatal[i + j] & perinatal_flag::Preterm) != 0;
            if (plain_birthday(age_of_months(months_lived(step, birth_step[i + j])), preterm)) wanted |= 1u << j;
        }
        if (in_intervention != nullptr) wanted &= no_bits16(in_intervention + i, care_programmes);
        unsigned quiet = 0;
        for (unsigned j = 0; j < 16; j += 4)
            quiet |= commit_clocks4(budget + i + j, clock_hazard + i + j, (wanted >> j) & 15u) << j;
        add_one16(accrual_months + i, quiet);
        if (wellbeing_months != nullptr) add_one16(wellbeing_months + i, quiet);
        for (unsigned rest = ~quiet & 0xffffu; rest != 0; rest &= rest - 1)
            month_of(i + static_cast<std::size_t>(std::countr_zero(rest)));
    }
    return i;
}
#else
template <typename PlainBirthday, typename MonthOf>
std::size_t quiet_months(Population&, std::size_t begin, std::size_t, int, std::uint64_t, bool, PlainBirthday&&,
                         MonthOf&&) {
    return begin;  // no SSE2: every resident's month one by one
}
#endif
}  // namespace

void HealthModel::run_block(Population& pop, std::size_t begin, std::size_t end, int step, const Rng& rng,
                            bool flush_accruals, YearCounters& counters, const WellbeingModel* wellbeing) const {
    auto& s = pop.health;
    // Zeros first: a refresh of some rates leaves the other events' entries as they were (never read, but multiplied by
    // a programme's effects).
    std::array<double, kNumHealthEvents> h{};
    // The columns read every month, as local pointers (nothing here resizes them): a store to a byte column had the
    // compiler load every column's address again for each resident.
    const std::uint8_t* const status = pop.status.data();
    const std::int16_t* const birth_step = pop.birth_step.data();
    std::uint8_t* const hip_months = s.hip_months.data();
    std::uint8_t* const hip_since = s.hip_since.data();
    std::uint8_t* const fall_since = s.fall_since.data();
    const std::uint8_t* const rates_stale = s.rates_stale.data();
    std::array<float, kHealthClocks>* const budget = s.budget.data();
    const std::array<float, kHealthClocks>* const clock_hazard = s.clock_hazard.data();
    std::uint8_t* const accrual_months = s.accrual_months.data();
    const std::uint64_t* const in_intervention = modifier_ != nullptr ? pop.in_intervention.data() : nullptr;
    const bool january = step % kMonthsPerYear == 0;
    // A month whose accruals are flushed (December's, or every month's for a viewer following the year) flushes them
    // after the month when the quiet months run sixteen at a time.
    const bool flush_after = flush_accruals && bulk_quiet_months_;
    const bool flush_in_month = flush_accruals && !flush_after;
    // January with the quiet months in bulk: the year's rates of the chain clocks first, for the residents whose month
    // would recompute only those (month_of's refresh_year: present, rates not stale, no new group of the rates, no
    // fracture's months, not a participant); then their month may be a quiet one as in any month. refresh_year reads
    // only the resident's own columns, which nothing in their month changes before it (a remembered fall's or
    // fracture's months, aged first there, are not among them).
    std::vector<std::uint64_t> year_refreshed;  // bit i - begin: refresh_year done
    if (january && bulk_quiet_months_) {
        year_refreshed.assign((end - begin + 63) / 64, 0);
        for (std::size_t i = begin; i < end; ++i) {
            if (status[i] != kPresent || hip_months[i] != 0 || (rates_stale[i] & stale::kAnyRates) != 0 ||
                (in_intervention != nullptr && in_intervention[i] != 0))
                continue;
            const unsigned months = months_lived(step, birth_step[i]);
            const int age = age_of_months(months);
            if (months % kMonthsPerYear == 0 && new_rates_group(age)) continue;
            refresh_year(pop, i, age, h);
            year_refreshed[(i - begin) / 64] |= std::uint64_t{1} << ((i - begin) % 64);
        }
    }
    auto year_done = [&](std::size_t i) {
        return !year_refreshed.empty() && (year_refreshed[(i - begin) / 64] >> ((i - begin) % 64) & 1u) != 0;
    };
    auto month_of = [&](std::size_t i) {
        if (status[i] != kPresent) {
            flush_accrual(pop, i, step - 1, counters);  // died or left this month: the months before are still theirs
            if (wellbeing != nullptr) wellbeing->accrue_resident(pop, i, step, true, false, flush_in_month, counters);
            return;
        }
        const unsigned months = months_lived(step, birth_step[i]);
        const int age = age_of_months(months);
        const bool birthday = months % kMonthsPerYear == 0;
        if (hip_months[i] > 0 && --hip_months[i] == 0) s.invalidate_rates_only(i);
        // Most residents remember no fall or fracture (both kNever, 0): nothing to age, no phase to end.
        static_assert(event_memory::kNever == 0, "the test below ORs the two memories");
        bool memory_phase_end = false;
        if ((hip_since[i] | fall_since[i]) != event_memory::kNever) {
            event_memory::age(hip_since[i]);
            event_memory::age(fall_since[i]);
            memory_phase_end = memory_phase_ends(h_.falls, hip_since[i], fall_since[i]);
        }
        const bool participant = in_intervention != nullptr && in_intervention[i] != 0;
        // Of a programme acting on care hours: their months may accrue care with its multipliers (accrue_keyed).
        const bool care_participant = participant && (in_intervention[i] & care_programmes_) != 0;
        // Rates change with the age group (recomputed on the birthday that starts a new five-year group,
        // or on every birthday while a hip fracture's excess mortality, which follows the single-year death
        // rate, runs), with the year's tables (their part recomputed every January for everyone, so that a scenario
        // that refreshes its participants' rates mid-year stays paired with the baseline) and with state.
        bool fresh = false;
        const bool new_group = birthday && (new_rates_group(age) || hip_months[i] > 0);
        if ((rates_stale[i] & stale::kRates) != 0 || new_group) {
            refresh_rates(pop, i, age, step, h);
            fresh = true;
        } else if (january) {
            // A new year's tables. A hip fracture's excess mortality follows the year's death rate, and a programme's
            // multipliers may change with the year: those residents get a full refresh. The others' h holds only the
            // chains' clocks (not fresh: a clock that fires computes its own).
            if (year_done(i)) {
                // refresh_year before the month (above)
            } else if (hip_months[i] > 0 || participant || (rates_stale[i] & stale::kSomeRates) != 0) {
                refresh_rates(pop, i, age, step, h);
                fresh = true;
            } else {
                refresh_year(pop, i, age, h);
            }
        } else if ((rates_stale[i] & stale::kSomeRates) != 0) {
            // A programme's effect on a few events or on death started, faded or ended: their clocks' rates (h holds
            // those clocks' events only: not fresh) and the mortality multiplier.
            refresh_some_rates(pop, i, age, step, h);
        }
        // Most months no clock runs out: then the five subtractions are all that happens.
        std::array<float, kHealthClocks> left;
        const bool any_event = use_clocks(budget[i], clock_hazard[i], left);
        if (any_event) run_clocks(pop, i, age, step, rng, h, fresh, counters);
        else budget[i] = left;
        // Every input of accrual_key changes only by an event, by a change that invalidates the rates (a move, a
        // programme's effect at enrolment: fresh), on a birthday, or when the months since a remembered fall or
        // fracture reach the end of a phase.
        // A birthday changes the accrual key only when it changes the key's age (a new age group, or a preterm child's
        // asthma or school age); the wellbeing model asks the same of its own key.
        const bool state_changed = fresh || any_event || memory_phase_end;
        const bool preterm = (s.perinatal[i] & perinatal_flag::Preterm) != 0;
        const bool may_change =
            state_changed || (birthday && accrual_age_bits(age, preterm) != accrual_age_bits(age - 1, preterm));
        if (!care_participant && !may_change) {
            // The inputs of the key are those of last month, so is the key (the pending months' key, or last month's
            // when none are pending: after December's flush, or a month accrued with a programme's care multipliers):
            // no key to compute. A resident's first month is never one of these: their rates start stale
            // (init_clocks), so it is fresh.
            ++accrual_months[i];
            if (flush_in_month) flush_accrual(pop, i, step, counters);
        } else {
            accrue_keyed(pop, i, age, step, flush_in_month, care_participant, counters);
        }
        if (wellbeing != nullptr) wellbeing->accrue_resident(pop, i, step, state_changed, birthday, flush_in_month, counters);
    };
    std::size_t i = begin;
    // In January a participant of any programme is not quiet (their rates are recomputed in full each January).
    const std::uint64_t not_quiet_programmes = !january ? care_programmes_ : modifier_ != nullptr ? ~std::uint64_t{0} : 0;
    if (bulk_quiet_months_)
        i = quiet_months(pop, begin, end, step, not_quiet_programmes, wellbeing != nullptr,
                         [&](int age, bool preterm) { return plain_birthday(age, preterm); }, month_of);
    for (; i < end; ++i) month_of(i);
    // The flush of a month that merges the counters (December; every month with live counters), after the month: the
    // same pending months and keys as a flush within each resident's month (the quiet residents' months made sixteen
    // at a time meanwhile); the counters are integers, so the order of the additions does not matter.
    if (flush_after)
        for (std::size_t j = begin; j < end; ++j) {
            if (status[j] != kPresent) continue;  // flushed in their month (death or departure)
            flush_accrual(pop, j, step, counters);
            if (wellbeing != nullptr) wellbeing->flush(pop, j, counters);
        }
}

std::uint32_t HealthModel::stock_bits(const Population& pop, std::size_t i, int age) const {
    // The bits without a branch each (StockTally::bit_if; the skills' share is looked up from 12 only).
    const auto& s = pop.health;
    std::uint32_t bits = 0;
    const auto flags = s.flags[i];
    const auto conditions = s.conditions[i];
    const bool adult = age >= 18, senior = age >= 65, aged12 = age >= 12;
    const bool distress = has(flags, health_flag::Distress), frail = has(flags, health_flag::Frail);
    const bool home_care = has(flags, health_flag::HomeCare), nursing_home = has(flags, health_flag::NursingHome);
    bits |= StockTally::bit_if<Measure::Adults>(adult);
    bits |= StockTally::bit_if<Measure::Smokers>(adult & (s.smoking[i] == static_cast<std::uint8_t>(Smoking::Current)));
    bits |= StockTally::bit_if<Measure::OverweightOrObese>(adult & (s.bmi[i] >= 1));
    bits |= StockTally::bit_if<Measure::Obese>(adult & (s.bmi[i] == 2));
    bits |= StockTally::bit_if<Measure::Active>(adult & has(flags, health_flag::Active));
    bits |= StockTally::bit_if<Measure::ExcessiveAlcohol>(adult & has(flags, health_flag::Alcohol));
    bits |= StockTally::bit_if<Measure::Distress>(adult & distress);
    bits |= StockTally::bit_if<Measure::LonelySevere>(adult & has(flags, health_flag::Lonely));
    // Digital skills are surveyed from 12 (data/digital_skills.csv, CBS ICT use of persons 12+).
    bits |= StockTally::bit_if<Measure::ResidentsAged12Plus>(aged12);
    if (aged12)
        bits |= StockTally::bit_if<Measure::DigitallySkilled>(
            digital_skills::has(s.digital[i], data_.digital_skills(age, pop.education[i])));
    const bool child = (age >= 4) & (age <= 17), youth = (age >= 12) & (age <= 25);
    bits |= StockTally::bit_if<Measure::Children>(child);
    bits |= StockTally::bit_if<Measure::ChildrenOverweight>(child & (s.bmi[i] >= 1));
    bits |= StockTally::bit_if<Measure::Youth>(youth);
    bits |= StockTally::bit_if<Measure::YouthDistress>(youth & distress);
    // The conditions' lanes follow one another in condition order (StockTally::kBitLanes): their bits, shifted.
    constexpr int kFirstCondition = StockTally::lane(condition_measure(0));
    static_assert([] {
        for (int c = 0; c < kNumConditions; ++c)
            if (StockTally::lane(condition_measure(c)) != kFirstCondition + c) return false;
        return true;
    }());
    constexpr std::uint32_t kConditionBits = (1u << kNumConditions) - 1;
    bits |= (conditions & kConditionBits) << kFirstCondition;
    bits |= StockTally::bit_if<Measure::Seniors>(senior);
    bits |= StockTally::bit_if<Measure::Frail>(senior & frail);
    bits |= StockTally::bit_if<Measure::HomeCare>(senior & home_care);
    bits |= StockTally::bit_if<Measure::NursingHome>(senior & nursing_home);
    const bool dementia = (conditions & condition_bit(condition::Dementia)) != 0;
    bits |= StockTally::bit_if<Measure::InformalCareNeed>(senior & !nursing_home & (frail | home_care | dementia));
    return bits;
}

void HealthModel::draw_initial(Population& pop, std::size_t i, int year, const Rng& rng, std::uint32_t step) const {
    auto& s = pop.health;
    const int age = std::min((static_cast<int>(step) - pop.birth_step[i]) / kMonthsPerYear, kMaxAge);
    const int sex = pop.sex[i], g = age_group_of(age), edu = pop.education[i];
    const auto p = cell_targets(pop.zone[i], sex, g, edu, year);
    const auto w = rng.words(key::HealthLifestyle, pop.id[i], step);
    const auto w2 = rng.words(key::HealthMentalFrailty, pop.id[i], step);
    const double u0 = Rng::to_unit(w[0]);
    const double current = p[static_cast<int>(Factor::SmokingCurrent)];
    const double base_former = h_.smoking_former[sex][g][edu];
    const int y = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
    const double former = std::min(base_former > 0 ? prob(odds(clamp_share(base_former)) * h_.trend_smoking_former[y] *
                                                          h_.zone_odds_smoking_former[pop.zone[i]])
                                                    : 0.0,
                                   1 - current);
    s.smoking[i] = static_cast<std::uint8_t>(u0 < current ? Smoking::Current : u0 < current + former ? Smoking::Former : Smoking::Never);
    const double u1 = Rng::to_unit(w[1]);
    const double ow = p[static_cast<int>(Factor::Overweight)], ob = p[static_cast<int>(Factor::Obese)];
    s.bmi[i] = static_cast<std::uint8_t>(u1 < ob ? Bmi::Obese : u1 < ob + ow ? Bmi::Overweight : Bmi::Normal);
    std::uint8_t flags = 0;
    const std::array<std::pair<Factor, std::uint8_t>, 6> binary = {
        {{Factor::Active, health_flag::Active}, {Factor::Alcohol, health_flag::Alcohol},
         {Factor::Distress, health_flag::Distress}, {Factor::Lonely, health_flag::Lonely},
         {Factor::Frail, health_flag::Frail}, {Factor::HomeCare, health_flag::HomeCare}}};
    const std::array<std::uint32_t, 6> words = {w[2], w[3], w2[0], w2[1], w2[2], w2[3]};
    for (std::size_t k = 0; k < binary.size(); ++k)
        if (Rng::to_unit(words[k]) < p[static_cast<int>(binary[k].first)]) flags |= binary[k].second;
    // Nursing-home residents: the 2021 stock by age and sex, drawn among those the household table puts
    // in an institution first (the stock is that share x ~1.02, data/health/README.md).
    const double nh = h_.nursing_home_prevalence[sex][g];
    if (nh > 0) {
        const double institution = data_.household[pop.zone[i]][sex][g][static_cast<int>(Household::Institution)];
        const bool in_institution = pop.household[i] == static_cast<std::uint8_t>(Household::Institution);
        const double p = in_institution ? std::min(1.0, nh / std::max(nh, institution))
                                        : std::max(0.0, nh - institution) / std::max(1e-9, 1 - institution);
        if (Rng::to_unit(rng.words(key::HealthNursingHome, pop.id[i], step)[0]) < p) {
            flags = static_cast<std::uint8_t>((flags | health_flag::NursingHome) & ~health_flag::HomeCare);
            pop.household[i] = static_cast<std::uint8_t>(Household::Institution);
        }
    }
    s.flags[i] = flags;
    s.conditions[i] = 0;
    s.hip_months[i] = 0;
    draw_perinatal_history(pop, i, rng, step);
    init_memory_and_skills(s, i, rng, pop.id[i], step);
    draw_fall_history(pop, i, age, rng, step);
    init_clocks(s, i, rng, pop.id[i], step);
}

void HealthModel::draw_fall_history(Population& pop, std::size_t i, int age, const Rng& rng, std::uint32_t step) const {
    // Residents entering the model had falls and hip fractures before it (A-H-FALL-HISTORY): at the 2021 rates by age
    // and sex (without the relative risks), a fall in the last year (its quality of life lost for 12 months,
    // A-H-FALL-QOL), and the last hip fracture survived (its first year's excess death hazard) at the ages lived
    // before (its quality of life lost for life, A-H-HIPFX-QOL). Without them nobody remembered one in 2021, and the
    // quality of life lost to falls tripled by 2040 as the run's own fractures accumulated.
    auto& s = pop.health;
    const int sex = pop.sex[i];
    const auto w = rng.words(key::HealthFallHistory, pop.id[i], step);
    const double fall_rate = h_.fall_rate[sex][age_group_of(age)];
    if (fall_rate > 0 && Rng::to_unit(w[0]) < 1.0 - std::exp(-fall_rate)) {
        const int months = static_cast<int>(Rng::to_unit(w[1]) * kMonthsPerYear);  // 0-11 months ago
        s.fall_since[i] = static_cast<std::uint8_t>(event_memory::kThisMonth + months);
    }
    // The last fracture: the latest age x < age at which one happened and was survived, with chance q(x) each year: the
    // first x, going back, at which u falls below the chance of one at x or later, 1 - prod(1 - q) over those ages.
    const double u = Rng::to_unit(w[2]);
    double none = 1.0;  // no fracture at the ages after x
    for (int x = age - 1; x >= 0; --x) {
        const double q = hip_history_q_[sex][x];
        if (q <= 0) continue;
        none *= 1.0 - q;
        if (u < 1.0 - none) {
            const int months = (age - x) * kMonthsPerYear - kMonthsPerYear / 2;  // mid-year of age x
            s.hip_since[i] = months + 1 >= event_memory::kLongAgo ? event_memory::kLongAgo
                                                                  : static_cast<std::uint8_t>(event_memory::kThisMonth + months);
            s.hip_months[i] = static_cast<std::uint8_t>(std::max(0, kMonthsPerYear - months));  // its raised risks
            return;
        }
    }
}

void HealthModel::initialise(Population& pop, const Rng& rng) {
    pop.health.enabled = true;
    pop.health.for_each_column([&](auto& c) { c.resize(pop.size()); });
    // Each resident's draws are their own (keyed by id): in parallel, on the caller's arena. The sums over residents
    // below stay serial, in resident order, so that they are the same at any thread count.
    fill_targets(kFirstYear);
    for_each_resident(pop.size(), [&](std::size_t i) { draw_initial(pop, i, kFirstYear, rng, 0); });
    separate_mediated_education(pop, false);

    // Conditions, one after the other (later ones may depend on earlier ones): prevalence by age and
    // sex, spread over residents in proportion to their relative risk.
    Column<double> rr_of(pop.size());
    for (int k = 0; k < kNumConditions; ++k) {
        for_each_resident(pop.size(), [&](std::size_t i) { rr_of[i] = relative_risk(k, pop, i, age_in_years(0, pop.birth_step[i])); });
        BySexGroup<double> sum{}, n{};
        for (std::size_t i = 0; i < pop.size(); ++i) {
            const int g = age_group_of(age_in_years(0, pop.birth_step[i]));
            sum[pop.sex[i]][g] += rr_of[i];
            n[pop.sex[i]][g] += 1;
        }
        for_each_resident(pop.size(), [&](std::size_t i) {
            const int s = pop.sex[i], g = age_group_of(age_in_years(0, pop.birth_step[i]));
            const double p = std::min(1.0, h_.condition_prevalence[k][s][g] * rr_of[i] * n[s][g] / sum[s][g]);
            if (rng.uniform(key::HealthConditions, pop.id[i], 0, static_cast<std::uint32_t>(k)) < p) pop.health.conditions[i] |= condition_bit(k);
        });
    }
    adjust_death_rr_mutually(pop);  // the conditions' and frailty's associations with death made conditional
    adjust_nursing_home_rr_mutually(pop);  // dementia's and frailty's with admission to a nursing home
    separate_mediated_education(pop, true);  // death: through the risk factors and the conditions just drawn
    // Normalisations: the population-average rate of each outcome equals the data in 2021 (for the
    // incidence of a condition, over those who do not have it yet).
    std::array<BySexGroup<double>, kNumOutcomes> sum{}, n{};
    using Risks = std::array<double, kNumOutcomes>;
    map_then_reduce_in_order<Risks>(
        pop.size(),
        [&](std::size_t i) {
            Risks rr;
            relative_risks(pop, i, age_group_of(age_in_years(0, pop.birth_step[i])), rr);
            return rr;
        },
        [&](std::size_t i, const Risks& rr) {
            const int s = pop.sex[i], g = age_group_of(age_in_years(0, pop.birth_step[i]));
            for (int o = 0; o < kNumOutcomes; ++o) {
                if (o < kNumConditions && (pop.health.conditions[i] & condition_bit(o))) continue;
                sum[o][s][g] += rr[o];
                n[o][s][g] += 1;
            }
        });
    for (int o = 0; o < kNumOutcomes; ++o)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g) norm_[o][s][g] = sum[o][s][g] > 0 ? n[o][s][g] / sum[o][s][g] : 1.0;

    // Smokers who quit when pregnant, so that smoking during pregnancy matches the data.
    double women = 0, smokers = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int age = age_in_years(0, pop.birth_step[i]);
        if (pop.sex[i] != static_cast<std::uint8_t>(Sex::Female) || age < 20 || age > 44) continue;
        const double f = data_.fertility[0][age];
        women += f;
        if (pop.health.smoking[i] == static_cast<std::uint8_t>(Smoking::Current)) smokers += f;
    }
    const double share = women > 0 ? smokers / women : 0;
    pregnancy_quit_probability_ = share > 0 ? std::clamp(1 - h_.perinatal_value("smoking_in_pregnancy_share") / share, 0.0, 1.0) : 0.0;
}

void HealthModel::init_newborn(Population& pop, std::size_t i, const Rng& rng, int step) const {
    auto& s = pop.health;
    s.smoking[i] = 0;
    s.bmi[i] = 0;
    s.flags[i] = 0;
    s.conditions[i] = 0;
    s.hip_months[i] = 0;
    s.perinatal[i] = 0;  // on_birth sets the newborn's outcomes
    init_memory_and_skills(s, i, rng, pop.id[i], static_cast<std::uint32_t>(step));
    init_clocks(s, i, rng, pop.id[i], static_cast<std::uint32_t>(step));
}

void HealthModel::init_arrival(Population& pop, std::size_t i, const Rng& rng, int step) const {
    draw_initial(pop, i, year_of_step(step), rng, static_cast<std::uint32_t>(step));
    const int age = age_in_years(step, pop.birth_step[i]);
    const int s = pop.sex[i], g = age_group_of(age);
    // The relative risks change only when a condition is drawn (later conditions may depend on earlier ones).
    std::array<double, kNumOutcomes> rr;
    relative_risks(pop, i, g, rr);
    for (int k = 0; k < kNumConditions; ++k) {
        const double p = std::min(1.0, h_.condition_prevalence[k][s][g] * rr[k] * norm_[k][s][g]);
        if (rng.uniform(key::HealthConditions, pop.id[i], static_cast<std::uint32_t>(step), static_cast<std::uint32_t>(k)) < p) {
            pop.health.conditions[i] |= condition_bit(k);
            relative_risks(pop, i, g, rr);
        }
    }
}

void HealthModel::on_conception(Population& pop, std::size_t mother, int step, const Rng& rng) const {
    auto& smoking = pop.health.smoking[mother];
    if (smoking != static_cast<std::uint8_t>(Smoking::Current)) return;
    // The probability of continuing to smoke may be lowered by an intervention (e.g. cessation support).
    double keep_smoking = 1 - pregnancy_quit_probability_;
    if (modifier_ != nullptr && pop.in_intervention[mother])
        keep_smoking *= modifier_->pregnancy_smoking_multiplier(pop, mother, step);
    if (rng.uniform(key::PregnancySmoking, pop.id[mother], static_cast<std::uint32_t>(step)) >= keep_smoking) {
        smoking = static_cast<std::uint8_t>(Smoking::Former);
        pop.health.invalidate_rates(mother);
    }
}

double HealthModel::death_rate_factor(int year, int zone, int sex, int age) const {
    const int y = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
    return h_.mortality_calibration[y][sex][age_group_of(age)] * h_.mortality_calibration_zone[zone];
}

double HealthModel::neonatal_share_of_infant_mortality(int year) const {
    const double big2 = h_.perinatal_value("big2_share_nl");
    const double neonatal = big2 * h_.perinatal_value("neonatal_mortality_big2") +
                            (1 - big2) * h_.perinatal_value("neonatal_mortality_other");
    const int y = std::clamp(year, data_.first_year, data_.last_year) - data_.first_year;
    const double infant = 0.5 * (data_.mortality[y][0][0] + data_.mortality[y][1][0]);
    return infant > 0 ? std::clamp(neonatal / infant, 0.0, 0.95) : 0.0;
}

}  // namespace hhu
