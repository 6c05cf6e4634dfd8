#include "sim/interventions/interventions.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <tbb/parallel_for.h>

#include "sim/core/error.hpp"
#include "sim/core/parallel.hpp"
#include "sim/demography/demography.hpp"
#include "sim/health/digital.hpp"

namespace hhu {

namespace {

constexpr std::uint8_t kPresent = static_cast<std::uint8_t>(Status::Present);

template <std::size_t N>
std::uint8_t mask_of(const std::vector<std::string>& values, const std::array<std::string_view, N>& names) {
    std::uint8_t m = 0;
    for (const auto& v : values)
        for (std::size_t k = 0; k < N; ++k)
            if (v == names[k]) m |= static_cast<std::uint8_t>(1u << k);
    return m;
}

constexpr std::size_t kMaxInterventions = 64;

// who/risk_factors by their names in kFactorEligibility (smoking, overweight, obese, inactive, then health flags).
RiskFactorTest risk_factor_test(const std::vector<std::string>& names) {
    static_assert(kFactorEligibility.size() == 9, "a new risk factor needs its test here");
    constexpr std::array<std::uint8_t, 5> flag_of = {health_flag::Alcohol, health_flag::Distress, health_flag::Lonely,
                                                     health_flag::Frail, health_flag::HomeCare};
    RiskFactorTest t;
    for (const auto& f : names)
        for (std::size_t j = 0; j < kFactorEligibility.size(); ++j) {
            if (f != kFactorEligibility[j]) continue;
            t.any = true;
            if (j == 0) t.smoking = true;
            else if (j == 1) t.overweight = true;
            else if (j == 2) t.obese = true;
            else if (j == 3) t.inactive = true;
            else t.flags = static_cast<std::uint8_t>(t.flags | flag_of[j - 4]);
        }
    return t;
}

// A resident's risk factors as the bits of a small number: 1 smoking, 2 overweight or obese, 4 obese, 8 inactive,
// then the health flags alcohol, distress, lonely, frail and home care (health_flag 2..32, shifted up by 3).
constexpr std::size_t kRiskBitCombinations = 512;
constexpr std::uint8_t kRiskFlags = health_flag::Alcohol | health_flag::Distress | health_flag::Lonely |
                                    health_flag::Frail | health_flag::HomeCare;
static_assert(kRiskFlags == 0x3E, "risk_bits shifts the flags 2..32 to bits 4..8");

unsigned risk_bits(const HealthState& h, std::size_t i) {
    const unsigned bmi = h.bmi[i], flags = h.flags[i];
    return (h.smoking[i] == static_cast<std::uint8_t>(Smoking::Current) ? 1u : 0u) |
           (bmi >= static_cast<unsigned>(Bmi::Overweight) ? 2u : 0u) | (bmi == static_cast<unsigned>(Bmi::Obese) ? 4u : 0u) |
           ((flags & health_flag::Active) ? 0u : 8u) | (flags & kRiskFlags) << 3;
}

// The spec's costs in kPriceYear prices. A cost without a price year is refused by the scenario's checks; a
// year the index does not reach is an error naming `where` (the JSON path).
void index_costs(CompiledIntervention& c, const PriceIndex& prices, const std::string& where) {
    const InterventionSpec& s = *c.spec;
    if (s.cost_price_year == 0) {
        // The scenario's checks require a year with a cost; a spec built in code without one is refused too.
        if (s.cost_per_participant_eur > 0 || s.cost_per_year_eur > 0)
            throw InputError(where + ": required with a cost: the year whose prices the amounts are in");
        return;
    }
    if (!prices.covers(s.cost_price_year))
        throw InputError(where + ": " + std::to_string(s.cost_price_year) + " is outside the years the consumer price "
                         "index reaches (" + std::to_string(prices.first_year()) + " to " + std::to_string(kPriceYear) +
                         ", data/" + std::string(kConsumerPricesFile) + ")");
    const double f = prices.factor(s.cost_price_year);
    c.cost_per_participant_eur = s.cost_per_participant_eur * f;
    c.cost_per_year_eur = s.cost_per_year_eur * f;
}

bool risk_matches(const RiskFactorTest& t, unsigned bits) {
    return (t.smoking && (bits & 1u)) || (t.overweight && (bits & 2u)) || (t.obese && (bits & 4u)) ||
           (t.inactive && (bits & 8u)) || ((bits >> 3) & t.flags) != 0;
}

}  // namespace

double CompiledEffect::multiplier(int months) const {
    if (months < 0 || months >= duration_months) return 1.0;
    double strength = 1.0;
    if (decay == Decay::Linear) strength = 1.0 - static_cast<double>(months) / duration_months;
    if (decay == Decay::Exponential) strength = std::pow(0.5, months / half_life_months);
    return 1.0 + (relative_risk - 1.0) * strength;
}

InterventionEngine::InterventionEngine(const ModelData& data, const Scenario& scenario) : data_(data) {
    const std::string where = "scenario " + (scenario.source_file.empty() ? scenario.name : scenario.source_file);
    for (std::size_t k = 0; k < scenario.interventions.size(); ++k) {
        const auto& spec = scenario.interventions[k];
        const std::string cost_path = where + ": /interventions/" + std::to_string(k) + "/cost/price_year";
        // A programme switched off is judged too: the viewer can switch it on.
        CompiledIntervention c;
        c.spec = &spec;
        index_costs(c, data.prices, cost_path);
        if (!spec.enabled) continue;
        c.zone.assign(data.num_zones(), spec.zones.empty() ? 1 : 0);
        for (std::size_t j = 0; j < spec.zones.size(); ++j) {
            const auto& code = spec.zones[j];
            bool found = false;
            for (int a = 0; a < kNumAggregates; ++a)
                if (code == kAggregateCodes[a]) {
                    for (int z = 0; z < data.num_zones(); ++z)
                        if (data.membership[a][z]) c.zone[z] = 1;
                    found = true;
                }
            const int z = data.zone_index(code);
            if (z >= 0) {
                c.zone[z] = 1;
                found = true;
            }
            if (!found)
                throw InputError(where + ": /interventions/" + std::to_string(k) + "/who/zones/" + std::to_string(j) +
                                 ": unknown zone '" + code + "' (see data/zones.csv)");
        }
        c.sex = spec.sex == SexFilter::Male ? 0 : spec.sex == SexFilter::Female ? 1 : -1;
        c.education_mask = mask_of(spec.education, kEducationNames);
        c.household_mask = mask_of(spec.household, kHouseholdNames);
        c.condition_mask = mask_of(spec.conditions, kConditionNames);
        c.risk_factors = risk_factor_test(spec.risk_factors);
        c.pregnancy = spec.pregnancy;
        c.without_digital_skills = spec.without_digital_skills;
        for (const auto& e : spec.effects) {
            CompiledEffect x;
            x.probability = e.probability;
            x.relative_risk = e.relative_risk;
            x.duration_months = std::max(1, static_cast<int>(std::lround(e.duration_years * kMonthsPerYear)));
            x.decay = e.decay;
            x.half_life_months = e.half_life_years * kMonthsPerYear;
            x.condition = e.condition.empty() ? -1 : condition_index(e.condition);
            if (e.kind == EffectKind::Attribute) {
                x.kind = CompiledEffect::Kind::Attribute;
                x.target = static_cast<int>(std::find(kAttributeEffects.begin(), kAttributeEffects.end(), e.target) -
                                            kAttributeEffects.begin());
            } else if (e.target == "death") x.kind = CompiledEffect::Kind::Death;
            else if (e.target == "pregnancy_smoking") x.kind = CompiledEffect::Kind::PregnancySmoking;
            else if (e.target == "child_protection_report") x.kind = CompiledEffect::Kind::ChildProtection;
            else if (e.target.rfind("care_hours_", 0) == 0) {
                x.kind = CompiledEffect::Kind::Care;
                const std::string_view kind = std::string_view(e.target).substr(std::string_view("care_hours_").size());
                x.target = static_cast<int>(std::find_if(kCareHourKinds.begin(), kCareHourKinds.end(),
                                                         [&](const CareKindRow& r) { return r.name == kind; }) -
                                            kCareHourKinds.begin());
            } else if (e.target == kHeartFailureAdmissions) {
                // Expected admissions accrue like care hours: a multiplier on them (sim/core/vocabulary.hpp).
                x.kind = CompiledEffect::Kind::Care;
                x.target = kAdmissionsCareIndex;
            } else if (e.target.rfind("labour_", 0) == 0) {
                x.kind = CompiledEffect::Kind::Labour;
            } else {
                x.target = health_event_index(e.target);
            }
            c.acts_on_care |= x.kind == CompiledEffect::Kind::Care;
            if (x.kind != CompiledEffect::Kind::Labour) {
                c.individual = true;
                c.window_months = std::max(c.window_months, x.duration_months);
            }
            c.effects.push_back(x);
        }
        for (int m = 0; m <= c.window_months; ++m) c.rates_change_at.push_back(rates_change(c, m));
        c.next_change.assign(static_cast<std::size_t>(c.window_months) + 1, static_cast<std::int16_t>(c.window_months + 1));
        for (int m = c.window_months - 1; m >= 0; --m)
            c.next_change[m] = c.rates_change_at[m + 1] != 0 ? static_cast<std::int16_t>(m + 1) : c.next_change[m + 1];
        compiled_.push_back(std::move(c));
    }
    // run_block keeps the interventions a resident may meet as bits of a 64-bit word.
    if (compiled_.size() > kMaxInterventions)
        throw InputError(where + ": /interventions: " + std::to_string(compiled_.size()) +
                         " interventions switched on; at most " + std::to_string(kMaxInterventions) + " run at once");
    for (std::size_t k = 0; k < compiled_.size(); ++k)
        if (compiled_[k].acts_on_care) care_programmes_ |= std::uint64_t{1} << k;
    build_filter();
    offer_share_.assign(compiled_.size(), 0.0);
    enrol_p_.assign(compiled_.size(), 0.0);
    log_stay_.assign(compiled_.size(), 0.0);
}

void InterventionEngine::build_filter() {
    auto& f = filter_;
    f.by_zone.assign(static_cast<std::size_t>(data_.num_zones()), 0);
    f.next_offer_age.fill(static_cast<std::uint16_t>(f.next_offer_age.size()));  // nothing offered before begin_year
    for (std::size_t k = 0; k < compiled_.size(); ++k) {
        const auto& c = compiled_[k];
        if (!c.individual) continue;
        const std::uint64_t bit = std::uint64_t{1} << k;
        f.individual |= bit;
        for (int sex = 0; sex < kNumSexes; ++sex)
            for (int e = 0; e < kNumEducation; ++e)
                if ((c.sex < 0 || c.sex == sex) && (!c.education_mask || (c.education_mask & (1u << e))))
                    f.by_person[sex][e] |= bit;
        for (int h = 0; h < kNumHousehold; ++h)
            if (!c.household_mask || (c.household_mask & (1u << h))) f.by_household[h] |= bit;
        for (std::size_t z = 0; z < f.by_zone.size(); ++z)
            if (c.zone[z]) f.by_zone[z] |= bit;
        if (c.pregnancy != PregnancyFilter::Any) f.pregnancy |= bit;
        for (unsigned r = 0; r < f.by_risk.size(); ++r)
            if (!c.risk_factors.any || risk_matches(c.risk_factors, r)) f.by_risk[r] |= bit;
        for (unsigned m = 0; m < f.by_conditions.size(); ++m)
            if (!c.condition_mask || (c.condition_mask & m)) f.by_conditions[m] |= bit;
    }
}

std::uint64_t InterventionEngine::standing_offers(const Population& pop, std::size_t i) const {
    const auto& f = filter_;
    std::uint64_t m = f.by_person[pop.sex[i]][pop.education[i]] & f.by_household[pop.household[i]] & f.by_zone[pop.zone[i]];
    if (m != 0 && pop.health.enabled) m &= f.by_risk[risk_bits(pop.health, i)] & f.by_conditions[pop.health.conditions[i]];
    return m;
}

std::uint64_t InterventionEngine::offered_at(int age, std::uint64_t standing) const {
    return filter_.offered_at_age[static_cast<std::size_t>(std::clamp(age, 0, 255))] & standing;
}

std::uint64_t InterventionEngine::candidates(const Population& pop, std::size_t i, std::uint64_t mask) const {
    // Pregnancies are offered a place in the first month they are seen only: tested every month.
    return pop.pregnancy[i] != kPregnancyMonths ? mask & ~filter_.pregnancy : mask;
}

bool InterventionEngine::offers_current(const Population& pop, std::size_t i) const {
    if (pop.status[i] != kPresent || !pop.health.enabled || (pop.health.rates_stale[i] & stale::kOffers) != 0) return true;
    return pop.standing_offers[i] == standing_offers(pop, i);
}

bool InterventionEngine::offers_unchanged(const Population& pop, std::size_t i) const {
    return (pop.health.rates_stale[i] & stale::kOffers) == 0 && pop.standing_offers[i] == standing_offers(pop, i);
}

bool InterventionEngine::digitally_skilled(const Population& pop, std::size_t i, int age) const {
    return digital_skills::has(pop.health.digital[i], data_.digital_skills(age, pop.education[i]));
}

bool InterventionEngine::needs_health() const {
    return std::any_of(compiled_.begin(), compiled_.end(), [](const auto& c) {
        return c.individual || c.spec->green_m2_per_dwelling != 0 || c.spec->active_mobility_index != 0;
    });
}

double InterventionEngine::ramp(const InterventionSpec& spec, int year) {
    if (year < spec.start_year || year > spec.end_year) return 0.0;
    if (spec.ramp_up_years <= 0) return 1.0;
    return std::min(1.0, (year - spec.start_year + 1) / spec.ramp_up_years);
}

bool InterventionEngine::eligible(const CompiledIntervention& c, const Population& pop, std::size_t i, int age) const {
    const auto& s = *c.spec;
    if (age < s.age_min || age > s.age_max || !c.zone[pop.zone[i]]) return false;
    if (c.sex >= 0 && pop.sex[i] != c.sex) return false;
    if (c.education_mask && !(c.education_mask & (1u << pop.education[i]))) return false;
    if (c.household_mask && !(c.household_mask & (1u << pop.household[i]))) return false;
    if (c.pregnancy == PregnancyFilter::Pregnant && pop.pregnancy[i] == 0) return false;
    if (c.pregnancy == PregnancyFilter::FirstPregnancy && (pop.pregnancy[i] == 0 || pop.parity[i] != 0)) return false;
    if (!pop.health.enabled) return c.condition_mask == 0 && !c.risk_factors.any && !c.without_digital_skills;
    if (c.condition_mask && !(c.condition_mask & pop.health.conditions[i])) return false;
    if (c.without_digital_skills && digitally_skilled(pop, i, age)) return false;
    return !c.risk_factors.any || risk_matches(c.risk_factors, risk_bits(pop.health, i));
}

template <typename Counted>
std::vector<std::int64_t> InterventionEngine::residents_by_cell(const Population& pop, int step, Counted&& counted) const {
    // Counts in chunks on the run's threads, summed in chunk order: integers, so the same at any thread count.
    constexpr std::size_t kChunk = std::size_t{1} << 15;
    const std::size_t cells = static_cast<std::size_t>(data_.num_zones()) * kCellsPerZone;
    const std::size_t chunks = (pop.size() + kChunk - 1) / kChunk;
    std::vector<std::vector<std::int64_t>> parts(chunks);
    tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
        auto& n = parts[c];
        n.assign(cells, 0);
        for (std::size_t i = c * kChunk; i < std::min(pop.size(), (c + 1) * kChunk); ++i) {
            if (pop.status[i] != kPresent || !counted(i)) continue;
            const int age = age_in_years(step, pop.birth_step[i]);
            ++n[static_cast<std::size_t>(pop.zone[i]) * kCellsPerZone +
                static_cast<std::size_t>(cell_of(pop.sex[i], age_group_of(age), pop.education[i]))];
        }
    });
    std::vector<std::int64_t> total(cells, 0);
    for (const auto& n : parts)
        for (std::size_t j = 0; j < cells; ++j) total[j] += n[j];
    return total;
}

void InterventionEngine::count_digital_care(int step, const Population& pop, YearCounters& counters) const {
    if (std::none_of(compiled_.begin(), compiled_.end(), [](const auto& c) { return c.spec->digital_skills; })) return;
    // On 1 January, before run_block: a programme still running now ran in December.
    const auto in_programme = residents_by_cell(pop, step, [&](std::size_t i) {
        for (std::uint64_t ran = pop.in_intervention[i]; ran != 0; ran &= ran - 1) {
            const auto k = static_cast<std::size_t>(std::countr_zero(ran));
            if (compiled_[k].spec->digital_skills && step - pop.enrolment[k][i] < compiled_[k].window_months) return true;
        }
        return false;
    });
    for (int z = 0; z < data_.num_zones(); ++z)
        for (int cell = 0; cell < kCellsPerZone; ++cell)
            counters.count(Measure::DigitalCareParticipants, z, cell) += in_programme[static_cast<std::size_t>(z) * kCellsPerZone + cell];
}



void InterventionEngine::book_yearly_cost(const CompiledIntervention& c, double ramp_share, double scale,
                                          YearCounters& counters) const {
    // Shared by the zones' residents, booked in their cells: the residents of 1 January as the year's counters hold
    // them (output.count_january runs before interventions.begin_year).
    counters.share_among_residents(Measure::InterventionCost, c.cost_per_year_eur * ramp_share * scale,
                                   [&](int z) { return c.zone[z] != 0; });
}

double InterventionEngine::eligible_count(std::size_t k, const Population& pop, int step) const {
    const CompiledIntervention& c = compiled_[k];
    // Weighted by digital skills where uptake depends on them. A count of integers, summed on the run's threads in
    // any order: the same number.
    // Of a programme acting on residents (its bit in the offer tables): the tables' standing offers, a superset of
    // eligible()'s, pass over most residents at once. A resident's kept standing offers are read where current (not
    // marked stale since run_block last computed them): the same mask, without its table lookups.
    const bool digital = c.spec->digital_skills;
    const std::uint64_t bit = std::uint64_t{1} << k;
    if (!c.individual) throw std::logic_error("eligible_count of a programme acting on no resident");
    const std::uint8_t* const stale = pop.health.enabled ? pop.health.rates_stale.data() : nullptr;
    auto offers = [&](std::size_t i) {
        return stale != nullptr && (stale[i] & stale::kOffers) == 0 ? pop.standing_offers[i] : standing_offers(pop, i);
    };
    return static_cast<double>(count_residents_if(pop.size(), [&](std::size_t i) {
        if (pop.status[i] != kPresent || (offers(i) & bit) == 0) return false;
        const int age = age_in_years(step, pop.birth_step[i]);
        return eligible(c, pop, i, age) && (!digital || digitally_skilled(pop, i, age));
    }));
}

double InterventionEngine::annual_offer(std::size_t k, double ramp_share, double scale,
                                        const Population& pop, int step) const {
    const CompiledIntervention& c = compiled_[k];
    const auto& s = *c.spec;
    if (s.capacity_per_year <= 0) return s.coverage * ramp_share;
    // Participants wanted this year over the eligible: the share offered so that coverage x uptake gives the capacity.
    const double eligible_now = eligible_count(k, pop, step);
    // Pregnancy-based eligibility lasts about nine months: the year's pregnancies are ~12/9 of a snapshot.
    const double flow = c.pregnancy != PregnancyFilter::Any ? 12.0 / kPregnancyMonths : 1.0;
    const double participants = s.capacity_per_year * ramp_share * scale;
    return eligible_now > 0 && s.uptake > 0 ? std::min(1.0, participants / (eligible_now * flow * s.uptake)) : 0.0;
}

void InterventionEngine::begin_year(int year, Population& pop, double scale, YearCounters& counters) {
    const int step = first_step_of_year(year);
    const std::vector<double> last_p = enrol_p_;
    count_digital_care(step, pop, counters);
    for (std::size_t k = 0; k < compiled_.size(); ++k) {
        const auto& c = compiled_[k];
        const auto& s = *c.spec;
        const double ramp_share = ramp(s, year);
        offer_share_[k] = 0;
        if (ramp_share > 0 && s.cost_per_year_eur > 0) book_yearly_cost(c, ramp_share, scale, counters);
        enrol_p_[k] = 0.0;
        if (!c.individual || ramp_share <= 0) continue;
        offer_share_[k] = annual_offer(k, ramp_share, scale, pop, step);
        // Enrolment per year (per pregnancy) q = offered x uptake; spread over the months. Digital care: only the
        // eligible with basic digital skills take it up (run_block), so the year's enrolment of an age and education
        // group is offered x uptake x its share with the skills.
        const double q = std::clamp(offer_share_[k] * s.uptake, 0.0, 0.999999);
        enrol_p_[k] = c.pregnancy != PregnancyFilter::Any ? q : 1.0 - std::pow(1.0 - q, 1.0 / kMonthsPerYear);
        log_stay_[k] = std::log1p(-enrol_p_[k]);
    }
    // A programme whose monthly chance changed (a ramp-up, a capacity over a new count, a start or an end): the
    // waiting times drawn at the old chance are drawn anew, each resident's when next offered a place.
    std::uint64_t changed = 0;
    for (std::size_t k = 0; k < compiled_.size(); ++k)
        if (enrol_p_[k] != last_p[k]) changed |= std::uint64_t{1} << k;
    if (changed != 0)
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pop.size(), std::size_t{1} << 15),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              for (std::size_t i = r.begin(); i != r.end(); ++i) pop.offer_drawn[i] &= ~changed;
                          });
    filter_.offered_at_age.fill(0);
    for (std::size_t k = 0; k < compiled_.size(); ++k) {
        if (!compiled_[k].individual || offer_share_[k] <= 0 || enrol_p_[k] <= 0) continue;
        const auto& s = *compiled_[k].spec;
        for (int a = std::max(0, s.age_min); a <= std::min(255, s.age_max); ++a)
            filter_.offered_at_age[static_cast<std::size_t>(a)] |= std::uint64_t{1} << k;
    }
    auto& next_age = filter_.next_offer_age;
    next_age.back() = static_cast<std::uint16_t>(next_age.size());
    for (std::size_t a = next_age.size() - 1; a-- > 0;)
        next_age[a] = filter_.offered_at_age[a + 1] != filter_.offered_at_age[a] ? static_cast<std::uint16_t>(a + 1)
                                                                                   : next_age[a + 1];
}

std::vector<std::array<double, 3>> InterventionEngine::environment(int year,
                                                                   const std::vector<std::array<double, 3>>& base) const {
    auto env = base;
    for (const auto& c : compiled_) {
        const double r = ramp(*c.spec, year);
        if (r <= 0) continue;
        for (int z = 0; z < data_.num_zones(); ++z)
            if (c.zone[z]) {
                env[z][0] += c.spec->green_m2_per_dwelling * r;
                env[z][1] += c.spec->active_mobility_index * r;
            }
    }
    return env;
}

void InterventionEngine::run_block(Population& pop, std::size_t begin, std::size_t end, int step, const Rng& rng,
                                   YearCounters& counters) const {
    // Resident by resident, each meeting the interventions in their order (an attribute changed at enrolment in
    // one is seen by the eligibility of the next). Most residents most months have nothing to do: no programme
    // running, and the month of the next place they would take up in each programme that may offer them one
    // (offer_month, below) still to come; a resident's earliest such month (offer_wake) tells it at once.
    // What may be offered a resident in their state, at any age, is kept (Population::standing_offers) and recomputed
    // when an input changed (HealthState's stale bit kOffers); what is offered at their age this year is a table's.
    // A resident whose engine_wake is still to come and whose state has not changed is passed over at once.
    std::uint8_t* const stale = pop.health.enabled ? pop.health.rates_stale.data() : nullptr;  // none: every month
    std::uint64_t* const mask = pop.standing_offers.data();
    std::int16_t* const wake = pop.engine_wake.data();
    const std::uint8_t* const status = pop.status.data();
    auto month_of = [&](std::size_t i) {
        const unsigned months = months_lived(step, pop.birth_step[i]);
        const int age = age_of_months(months);
        if (stale == nullptr || (stale[i] & stale::kOffers) != 0) {
            mask[i] = standing_offers(pop, i);
            if (stale != nullptr) stale[i] &= static_cast<std::uint8_t>(~stale::kOffers);
        }
        const std::uint64_t at_age = offered_at(age, mask[i]);
        // Only an intervention running last month can run this month without an enrolment in it now.
        const std::uint64_t ran = pop.in_intervention[i];
        std::uint64_t offered = candidates(pop, i, at_age);
        const bool none_due = pop.offer_wake[i] > step;  // no place drawn falls due this month
        if (ran == 0 && (offered & ~pop.offer_drawn[i]) == 0 && none_due) {
            wake[i] = next_look(step, months, pop.offer_wake[i]);
            return;
        }
        ResidentMonth m{pop.offer_drawn[i]};
        // With no place drawn due (offer_wake is at most the earliest drawn), a programme drawn and not running changes
        // nothing this month: its place is still to come, and the earliest of them is offer_wake. Only the programmes
        // running and those offered with none drawn are visited then (a participant's month reads no other column).
        const std::uint64_t pending = none_due ? m.drawn & ~ran : 0;
        if (none_due) m.wake = pop.offer_wake[i];
        for (std::uint64_t visit = (ran | offered | m.drawn) & ~pending; visit != 0; visit &= visit - 1) {
            const auto k = static_cast<std::size_t>(std::countr_zero(visit));
            const auto& c = compiled_[k];
            const std::uint64_t bit = std::uint64_t{1} << k;
            if (((ran & bit) && runs_on(c, bit, pop.enrolment[k][i], step, m)) || !(offered & bit)) {
                m.no_place(bit, pop.offer_month[k][i], step);
                continue;
            }
            if (!place_due(k, pop, i, step, rng, m) || !takes_up(c, pop, i, age)) continue;
            m.running |= bit;
            m.refresh |= c.rates_change_at[0];
            m.run_wake = std::min(m.run_wake, step + c.next_change[0]);
            enrol(c, k, pop, i, step, age, rng, counters);
            // Its attribute effects may change what the next interventions offer (and have marked the mask stale).
            const std::uint64_t later = k + 1 < 64 ? ~std::uint64_t{0} << (k + 1) : 0;
            offered = candidates(pop, i, offered_at(age, standing_offers(pop, i))) & later;
            visit = ((ran | offered | m.drawn) & later & ~pending) | bit;  // bit k cleared by the loop
        }
        pop.in_intervention[i] = m.running;
        pop.offer_drawn[i] = m.drawn;
        pop.offer_wake[i] = static_cast<std::int16_t>(m.wake);
        // Next month while one offered and not running has no place drawn yet (drawn when next seen; a running one's is
        // drawn the month after it ends, a month it is looked at); else at the month of a place, of a running
        // programme's next change of the rates or its end (runs_on), a birthday or a January.
        const bool busy = (candidates(pop, i, at_age) & ~m.drawn & ~m.running) != 0;
        wake[i] = busy ? static_cast<std::int16_t>(step + 1) : next_look(step, months, std::min(m.wake, m.run_wake));
        // The health model caches a resident's hazards (recomputed on birthdays and state changes): they
        // are recomputed only in the months an effect on them starts, decays or ends, so that an effect on
        // care hours alone, or a neutral one, changes no one's health events.
        if (m.refresh != 0) pop.health.invalidate_some_rates(i, m.refresh);
    };
    std::size_t i = begin;
#if defined(__SSE2__)
    // Sixteen residents at a time: those absent, or whose wake is still to come with nothing they may be offered
    // changed, are passed over together (most of them, most months); the others are looked at one by one.
    if (stale != nullptr) {
        auto load = [](const void* p) { return _mm_loadu_si128(static_cast<const __m128i*>(p)); };
        const __m128i now = _mm_set1_epi16(static_cast<short>(step));
        const __m128i present = _mm_set1_epi8(static_cast<char>(kPresent)), offers = _mm_set1_epi8(stale::kOffers);
        for (; i + 16 <= end; i += 16) {
            const __m128i absent = _mm_xor_si128(_mm_cmpeq_epi8(load(status + i), present), _mm_set1_epi8(-1));
            const __m128i later =
                _mm_packs_epi16(_mm_cmpgt_epi16(load(wake + i), now), _mm_cmpgt_epi16(load(wake + i + 8), now));
            const __m128i unchanged = _mm_cmpeq_epi8(_mm_and_si128(load(stale + i), offers), _mm_setzero_si128());
            const __m128i passed = _mm_or_si128(absent, _mm_and_si128(later, unchanged));
            const auto pass = static_cast<unsigned>(_mm_movemask_epi8(passed));
            for (unsigned look = ~pass & 0xffffu; look != 0; look &= look - 1)
                month_of(i + static_cast<std::size_t>(std::countr_zero(look)));
        }
    }
#endif
    for (; i < end; ++i) {
        if (status[i] != kPresent) continue;
        if (stale != nullptr && wake[i] > step && (stale[i] & stale::kOffers) == 0) continue;
        month_of(i);
    }
}

std::int16_t InterventionEngine::next_look(int step, unsigned months, int wake) const {
    // The birthday of the next age offered other programmes (this month's birthday is seen now; an age past the
    // table's: none), and the next January.
    const unsigned age = std::min(months / kMonthsPerYear, unsigned{255});
    const int birthday = step + static_cast<int>(filter_.next_offer_age[age]) * kMonthsPerYear - static_cast<int>(months);
    const int january = step + kMonthsPerYear - step % kMonthsPerYear;
    return static_cast<std::int16_t>(std::min({wake, birthday, january}));
}

bool InterventionEngine::runs_on(const CompiledIntervention& c, std::uint64_t bit, std::int16_t enrolled, int step,
                                 ResidentMonth& m) {
    // One month past the window too, so that the rates return to normal.
    if (step - enrolled > c.window_months) return false;
    m.running |= bit;
    m.refresh |= c.rates_change_at[static_cast<std::size_t>(step - enrolled)];
    m.run_wake = std::min(m.run_wake, enrolled + c.next_change[static_cast<std::size_t>(step - enrolled)]);
    return true;
}

void InterventionEngine::ResidentMonth::no_place(std::uint64_t bit, const std::int16_t& next, int step) {
    // A place due this month is not taken up, and the next is drawn when one is offered again (the months of places
    // are memoryless); one still to come stays.
    if (!(drawn & bit)) return;
    if (next / 2 <= step) drawn &= ~bit;
    else wake = std::min(wake, next / 2);
}

bool InterventionEngine::place_due(std::size_t k, Population& pop, std::size_t i, int step, const Rng& rng,
                                   ResidentMonth& m) const {
    const std::uint64_t bit = std::uint64_t{1} << k;
    std::int16_t& next = pop.offer_month[k][i];
    if ((m.drawn & bit) && next / 2 > step) {  // the month drawn is still to come: nothing to draw
        m.wake = std::min(m.wake, next / 2);
        return false;
    }
    // None drawn, or the month drawn is this one: a place or a month to draw again. Either needs this month's draw.
    const auto w = rng.words(key::EnrolmentMonth, pop.id[i], static_cast<std::uint32_t>(step), static_cast<std::uint32_t>(k));
    if (!(m.drawn & bit) || next % 2 == 0) {  // the month of the next place from this one on
        next = offer_month_from(k, step, Rng::to_unit(w[0]));
        m.drawn |= bit;
        if (next / 2 > step || next % 2 == 0) {
            m.wake = std::min(m.wake, next / 2);
            return false;
        }
    }
    // A place taken up this month, if eligible now; the next from the month after.
    next = offer_month_from(k, step + 1, Rng::to_unit(w[1]));
    m.wake = std::min(m.wake, next / 2);
    return true;
}

// An eligible resident takes up a place in a month with this year's chance enrol_p_, independently month by month:
// the months in which they would are a Bernoulli process whatever their eligibility, so that the month of the next
// one is a geometric waiting time, drawn once (memoryless: drawn anew from any month on, it has the same law). The
// resident enrols in such a month if eligible then; in the months between, nothing is drawn or tested. A year whose
// chance differs from the last one's has every resident's waiting time drawn anew (begin_year).
// Encoded in Population::offer_month as 2 x month + 1 for a place taken up, 2 x month for a month that draws again
// (a waiting time beyond kOfferHorizon months).
std::int16_t InterventionEngine::offer_month_from(std::size_t k, int from, double u) const {
    constexpr int kOfferHorizon = 1024;  // within the range of the encoding, far beyond any run
    const double wait = std::floor(std::log(u) / log_stay_[k]);  // months without a place before the one taken up
    if (!(wait < kOfferHorizon)) return static_cast<std::int16_t>(2 * (from + kOfferHorizon));
    return static_cast<std::int16_t>(2 * (from + static_cast<int>(wait)) + 1);
}

bool InterventionEngine::takes_up(const CompiledIntervention& c, const Population& pop, std::size_t i, int age) const {
    if (!eligible(c, pop, i, age)) return false;
    // Pregnancies are offered a place once, in the first month they are seen.
    if (c.pregnancy != PregnancyFilter::Any && pop.pregnancy[i] != kPregnancyMonths) return false;
    return !c.spec->digital_skills || digitally_skilled(pop, i, age);
}

void InterventionEngine::enrol(const CompiledIntervention& c, std::size_t k, Population& pop, std::size_t i, int step,
                               int age, const Rng& rng, YearCounters& counters) const {
    pop.enrolment[k][i] = static_cast<std::int16_t>(step);
    const int cell = cell_of(pop.sex[i], age_group_of(age), pop.education[i]);
    ++counters.count(Measure::InterventionParticipants, pop.zone[i], cell);
    counters.count(Measure::InterventionCost, pop.zone[i], cell) +=
        to_amount_units(c.cost_per_participant_eur * kAmountScale);
    apply_at_enrolment(c, k, pop, i, step, rng);
}

void InterventionEngine::apply_at_enrolment(const CompiledIntervention& c, std::size_t k, Population& pop,
                                            std::size_t i, int step, const Rng& rng) const {
    if (!pop.health.enabled) return;
    auto& h = pop.health;
    bool changed = false;
    for (std::size_t j = 0; j < c.effects.size(); ++j) {
        const auto& e = c.effects[j];
        double p = 0;
        if (e.kind == CompiledEffect::Kind::Attribute) p = e.probability;
        else if (e.kind == CompiledEffect::Kind::PregnancySmoking && pop.pregnancy[i] > 0) p = 1.0 - e.multiplier(0);
        if (p <= 0) continue;
        // Each effect its own draw: offset k + j * 2^16 of the key.
        const double u = rng.uniform(key::EnrolmentEffect, pop.id[i], static_cast<std::uint32_t>(step),
                                     static_cast<std::uint32_t>(k) + static_cast<std::uint32_t>(j) * 65536u);
        if (u >= p) continue;
        auto clear = [&](std::uint8_t flag) {
            changed |= (h.flags[i] & flag) != 0;
            h.flags[i] = static_cast<std::uint8_t>(h.flags[i] & ~flag);
        };
        const auto current = static_cast<std::uint8_t>(Smoking::Current);
        auto quit = [&] {
            if (h.smoking[i] != current) return;
            h.smoking[i] = static_cast<std::uint8_t>(Smoking::Former);
            changed = true;
        };
        if (e.kind == CompiledEffect::Kind::PregnancySmoking) {
            quit();
            continue;
        }
        switch (static_cast<Attribute>(e.target)) {
            case Attribute::QuitSmoking: quit(); break;
            case Attribute::BmiClassDown:
                if (h.bmi[i] > 0) {
                    --h.bmi[i];
                    changed = true;
                }
                break;
            case Attribute::BecomeActive:
                if (age_in_years(step, pop.birth_step[i]) >= 4 && !(h.flags[i] & health_flag::Active)) {
                    h.flags[i] |= health_flag::Active;
                    changed = true;
                }
                break;
            case Attribute::StopExcessiveAlcohol: clear(health_flag::Alcohol); break;
            case Attribute::EndDistress: clear(health_flag::Distress); break;
            case Attribute::EndLoneliness: clear(health_flag::Lonely); break;
            case Attribute::EndFrailty: clear(health_flag::Frail); break;
            case Attribute::GainDigitalSkills:
                // Not an input of any health rate: no recomputation needed.
                h.digital[i] = static_cast<std::uint8_t>(h.digital[i] | digital_skills::kTaught);
                break;
        }
    }
    if (changed) h.invalidate_rates(i);
}

std::uint8_t InterventionEngine::rates_change(const CompiledIntervention& c, int months) {
    std::uint8_t bits = 0;
    for (const auto& e : c.effects) {
        if (e.kind != CompiledEffect::Kind::HealthEvent && e.kind != CompiledEffect::Kind::Death) continue;
        if (e.relative_risk == 1.0) continue;
        if (months == 0 || months == e.duration_months || (e.decay != Decay::None && months < e.duration_months))
            bits |= e.kind == CompiledEffect::Kind::Death ? stale::kMortality : stale::clock_bit(kEventClock[e.target]);
    }
    return bits;
}

template <typename F>
void InterventionEngine::for_each_running_effect(const Population& pop, std::size_t i, int step, F&& f) const {
    // The interventions running this month (run_block), in their order: an effect runs only within its window.
    for (std::uint64_t running = pop.in_intervention[i]; running != 0; running &= running - 1) {
        const auto k = static_cast<std::size_t>(std::countr_zero(running));
        const int months = step - pop.enrolment[k][i];
        for (const auto& e : compiled_[k].effects) {
            if (months >= e.duration_months) continue;
            if (e.condition >= 0 && !(pop.health.conditions[i] & condition_bit(e.condition))) continue;
            f(e, e.multiplier(months));
        }
    }
}

void InterventionEngine::apply(const Population& pop, std::size_t i, int step, std::array<double, kNumHealthEvents>& h,
                               double& death_multiplier) const {
    for_each_running_effect(pop, i, step, [&](const CompiledEffect& e, double m) {
        if (e.kind == CompiledEffect::Kind::HealthEvent) h[e.target] *= m;
        if (e.kind == CompiledEffect::Kind::Death) death_multiplier *= m;
    });
}

double InterventionEngine::care_multiplier(const Population& pop, std::size_t i, int step, int kind) const {
    double m = 1;
    for_each_running_effect(pop, i, step, [&](const CompiledEffect& e, double x) {
        if (e.kind == CompiledEffect::Kind::Care && e.target == kind) m *= x;
    });
    return m;
}

bool InterventionEngine::changes_care(const Population& pop, std::size_t i, int step) const {
    for (std::uint64_t running = pop.in_intervention[i]; running != 0; running &= running - 1) {
        const auto k = static_cast<std::size_t>(std::countr_zero(running));
        const auto& c = compiled_[k];
        if (!c.acts_on_care) continue;
        const int months = step - pop.enrolment[k][i];
        for (const auto& e : c.effects) {
            if (e.kind != CompiledEffect::Kind::Care || months >= e.duration_months) continue;
            if (e.condition >= 0 && !(pop.health.conditions[i] & condition_bit(e.condition))) continue;
            if (e.multiplier(months) != 1.0) return true;
        }
    }
    return false;
}

double InterventionEngine::pregnancy_smoking_multiplier(const Population& pop, std::size_t i, int step) const {
    double m = 1;
    for_each_running_effect(pop, i, step, [&](const CompiledEffect& e, double x) {
        if (e.kind == CompiledEffect::Kind::PregnancySmoking) m *= x;
    });
    return m;
}

double InterventionEngine::child_protection_multiplier(const Population& pop, std::size_t i, int step) const {
    double m = 1;
    for_each_running_effect(pop, i, step, [&](const CompiledEffect& e, double x) {
        if (e.kind == CompiledEffect::Kind::ChildProtection) m *= x;
    });
    return m;
}

}  // namespace hhu
