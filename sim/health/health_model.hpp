#pragma once
// The health model: each resident's lifestyle, mental health, chronic conditions, frailty and living
// situation, evolving month by month; perinatal outcomes at birth; and the outcomes it accrues (good
// perceived health, QALYs, DALYs, care hours, costs).
//
// Risk factors follow two-state Markov chains whose stationary share is the target prevalence of the
// resident's sex, age group, education, zone and year (exit hazard mu from the data, entry hazard
// mu*p/(1-p)), so the base-year prevalences are reproduced and the secular trends followed. New cases
// of the chronic conditions arise with the incidence by age and sex times the resident's relative
// risks, normalised in 2021 so that the population average equals the data; the conditions raise the
// death hazard the same way. The events of each clock (health_clock) share one exponential budget (the
// superposition of competing hazards): each clock's total hazard is cached and recomputed only when something
// changes (an event, a birthday, a new year, a move), and the event that happens is chosen in
// proportion to its hazard.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/health/health_data.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/results.hpp"
#include "sim/population/population.hpp"

namespace hhu {

class WellbeingModel;

// The health events, named and clocked in kHealthEvents (sim/core/vocabulary.hpp): the chains' on and
// off events, the onset of each condition (IncidenceFirst + condition index), then the others.
enum class HealthEvent : int {
    SmokeStart = 0, SmokeQuit, BmiUp, BmiDown, ActiveOn, ActiveOff, AlcoholOn, AlcoholOff, DistressOn,
    DistressOff, LonelyOn, LonelyOff, FrailOn, FrailOff, HomeCareOn, HomeCareOff,
    IncidenceFirst, Remission = IncidenceFirst + kNumConditions, Fall, HipFracture, NursingHomeAdmission, kCount
};
static_assert(static_cast<int>(HealthEvent::kCount) == kNumHealthEvents &&
                  static_cast<int>(HealthEvent::IncidenceFirst) == kFirstOnsetEvent &&
                  kHealthEvents[static_cast<int>(HealthEvent::HomeCareOff)].name == "home_care_off" &&
                  kHealthEvents[static_cast<int>(HealthEvent::Remission)].name == "remission_depression_anxiety" &&
                  kHealthEvents[static_cast<int>(HealthEvent::NursingHomeAdmission)].name == "nursing_home_admission",
              "HealthEvent must follow kHealthEvents");
// Every combination of conditions (the tables of the accruals and relative risks are by combination).
inline constexpr int kConditionMasks = 1 << kNumConditions;
// The zones the 32-bit accrual key can name (6 bits; HealthModel::accrual_key); the province has 35.
inline constexpr int kMaxAccrualZones = 64;
constexpr HealthEvent onset_event(int c) { return static_cast<HealthEvent>(kFirstOnsetEvent + c); }

// The clock of each event (health_clock in vocabulary.hpp).
constexpr std::array<int, kNumHealthEvents> event_clocks() {
    std::array<int, kNumHealthEvents> c{};
    for (int e = 0; e < kNumHealthEvents; ++e) c[e] = kHealthEvents[e].clock;
    return c;
}
inline constexpr auto kEventClock = event_clocks();
// The events of each clock in event order (the order their hazards are summed and an event picked): run_clocks
// visits only the fired clock's events.
struct ClockEvents {
    std::array<std::array<int, kNumHealthEvents>, kHealthClocks> events{};
    std::array<int, kHealthClocks> count{};
};
constexpr ClockEvents clock_events() {
    ClockEvents c{};
    for (int e = 0; e < kNumHealthEvents; ++e) c.events[kEventClock[e]][c.count[kEventClock[e]]++] = e;
    return c;
}
inline constexpr ClockEvents kClockEvents = clock_events();
// Sets of clocks (bit c: clock c) for HealthModel::event_hazards: all, and those with a risk factor's chain (the only
// hazards that depend on the calendar year).
inline constexpr unsigned kAllClocks = (1u << kHealthClocks) - 1;
constexpr unsigned chain_clocks() {
    unsigned m = 0;
    for (int e = 0; e < kNumChainEvents; ++e) m |= 1u << kEventClock[e];
    return m;
}
inline constexpr unsigned kChainClocks = chain_clocks();

// Multipliers a scenario applies to the health model (the interventions' hook), per resident: on the
// hazard of each health event, on the death hazard, on care hours by kind, and on continuing to smoke
// in pregnancy. Called only for residents with Population::in_intervention set.
struct HazardModifier {
    virtual ~HazardModifier() = default;
    virtual void apply(const Population& pop, std::size_t i, int step, std::array<double, kNumHealthEvents>& h,
                       double& death_multiplier) const = 0;
    virtual double care_multiplier(const Population& pop, std::size_t i, int step, int kind) const = 0;
    // Whether any care multiplier of resident i this month may differ from 1: when none does, the
    // resident's care hours are those of the state alone and accrue by time in state like anyone's.
    virtual bool changes_care(const Population& pop, std::size_t i, int step) const = 0;
    virtual double pregnancy_smoking_multiplier(const Population& pop, std::size_t i, int step) const = 0;
    // On the probability that the child a participant gives birth to has a child protection report.
    virtual double child_protection_multiplier(const Population& pop, std::size_t i, int step) const = 0;
    // The programmes (bits of Population::in_intervention) with an effect on care hours: changes_care() is false for a
    // participant of none of them, whose months then accrue by time in state like anyone's.
    virtual std::uint64_t care_programmes() const = 0;
    // Whether what the programmes may offer resident i, in their state now, is what was kept for them when last
    // looked at (Population::standing_offers, not marked stale): then a health event that changed none of it need not
    // have them looked at again before their next month to look (most events change an input no programme reads).
    virtual bool offers_unchanged(const Population& pop, std::size_t i) const = 0;
};

// The chances of a birth's outcomes for one mother (sim/health/perinatal.cpp): preterm, and small for
// gestational age when born preterm and when born at term.
struct BirthProbabilities {
    double preterm = 0, sga_if_preterm = 0, sga_if_term = 0;
    double sga() const { return preterm * sga_if_preterm + (1 - preterm) * sga_if_term; }
};

class HealthModel {
public:
    HealthModel(const ModelData& data, HealthData health);

    const HealthData& data() const { return h_; }
    // The published prevalence of every risk factor in a cell and year (national base x trend x zone odds,
    // with the zone's environment): what the entry hazards aim at, and what `hhu calibrate` checks.
    std::array<double, kNumFactors> targets(int zone, int sex, int group, int edu, int year) const;
    // After synthesis: every resident's initial health; then the 2021 normalisations.
    void initialise(Population& pop, const Rng& rng);
    // A newborn's or an arrival's initial health, in slot i of a population already resized to hold it.
    void init_newborn(Population& pop, std::size_t i, const Rng& rng, int step) const;
    void init_arrival(Population& pop, std::size_t i, const Rng& rng, int step) const;
    void begin_year(int year);
    // What changes in a run (sim/simulation/saved_state.hpp): what initialise fixed from the residents of 1 January
    // 2021 and begin_year sets each year; the rest comes from the data alone. The writer reads it, the reader sets it.
    template <typename Archive>
    void transfer_state(Archive& a);
    void set_environment(std::vector<std::array<double, 3>> environment) { environment_ = std::move(environment); }
    void set_modifier(const HazardModifier* modifier) {
        modifier_ = modifier;
        care_programmes_ = modifier != nullptr ? modifier->care_programmes() : 0;
    }
    // Whether run_block does the quiet months sixteen residents at a time (sim/health/quiet_month.hpp; the default) or
    // every resident's month one by one: the same results, bit for bit (tests/health/test_quiet_month.cpp).
    void set_bulk_quiet_months(bool bulk) { bulk_quiet_months_ = bulk; }

    // One month for residents [begin, end): health events and accruals. The accruals of residents whose
    // state has not changed are kept pending (HealthState::accrual_months); flush_accruals puts every
    // resident's into `counters` (after December, at the end of a run, and every month for a live view).
    // `wellbeing`, if given, has each resident's month (WellbeingModel::accrue_resident) after theirs, told whether an
    // input of their state may have changed since last month (an event, refreshed rates, a birthday, a remembered fall
    // or fracture): the wellbeing model keeps its pending accruals while it has not.
    void run_block(Population& pop, std::size_t begin, std::size_t end, int step, const Rng& rng,
                   bool flush_accruals, YearCounters& counters, const WellbeingModel* wellbeing = nullptr) const;
    // A resident's stocks on 1 January: the bits of StockTally's lanes (StockTally::bit) this model counts.
    std::uint32_t stock_bits(const Population& pop, std::size_t i, int age) const;
    // At conception: some smokers quit for the pregnancy.
    void on_conception(Population& pop, std::size_t mother, int step, const Rng& rng) const;
    // At birth (sim/health/perinatal.cpp): preterm and SGA (Big2: either), neonatal death, neonatal care
    // costs, a child protection report in the first three years. Returns true when the newborn died. The newborn may
    // be in another population than the mother (a year's newborns kept until their month: sim/simulation).
    bool on_birth(const Population& mothers, std::size_t mother, Population& children, std::size_t newborn, int step,
                  const Rng& rng, YearCounters& counters) const;
    // The chances of the birth outcomes of a mother's child at `step`, as if she smoked in pregnancy or not.
    BirthProbabilities birth_probabilities(const Population& pop, std::size_t mother, int step, bool smoking) const;
    // The probability of a child protection report by age 3 for a child born to `mother` at `step`, before a
    // programme's multiplier: the VoorZorg target group (first child, under 26, low education) or the others.
    double child_protection_probability(const Population& pop, std::size_t mother, int step) const;
    // Share of the infant death rate that on_birth already accounts for (removed from age 0).
    double neonatal_share_of_infant_mortality(int year) const;
    // The calibration factor on the death rate of a year, zone, sex and age (hhu calibrate).
    double death_rate_factor(int year, int zone, int sex, int age) const;
    // Remaining standard life expectancy (2021 national life table), for years of life lost.
    double remaining_life_expectancy(int sex, int age) const { return remaining_le_[sex][age]; }
    // A resident's relative risk of an outcome (Outcome) from their risk factors, conditions, education,
    // household and recent hip fracture, before the 2021 normalisation.
    double relative_risk(int outcome, const Population& pop, std::size_t i, int age) const;
    // The direct relative risk of low (0) and middle (1) education on the onset of a condition: the
    // published total divided by the part that runs through the modelled risk factors (set by initialise;
    // the published totals before). On death: direct_death_education_rr.
    double direct_education_rr(int outcome, int education) const { return education_rr_[outcome][education]; }
    // The direct relative risk of death of low (0) and middle (1) education in a sex and age group: the total
    // of education_death.csv divided by the part the risk factors and conditions carry in that group.
    double direct_death_education_rr(int sex, int group, int education) const {
        return death_education_rr_[sex][group][education];
    }
    // The relative risk of death of an exposure as the model multiplies it: for the conditions and frailty,
    // the published (age- and sex-adjusted, not mutually adjusted) association made conditional on the
    // others (set by initialise; the published values before); for the rest, the published value.
    double conditional_death_rr(Exposure x) const { return conditional_rr(Outcome::Death, x); }
    double conditional_rr(Outcome o, Exposure x) const { return conditional_rr_[static_cast<int>(o)][static_cast<int>(x)]; }
    // Whether resident i's cached rates (each clock's hazard, the death multiplier) are those a full refresh gives at
    // `step` (true for a resident not present or whose rates are marked stale): every change of an input of the rates
    // must mark them stale, and January's refresh of the chain clocks alone must leave them so. Tests call it after a
    // month's run_block.
    bool rates_current(const Population& pop, std::size_t i, int step) const;
    // For tests: whether resident i's stored accrual key is the one their state gives at `step` (the month just run),
    // or will be recomputed first next month (rates stale; absent).
    bool accrual_key_current(const Population& pop, std::size_t i, int step) const;
    // Adds 12 months of resident i's accruals in its present state at `age` (no programme's multiplier)
    // to `counters`: the lifetime tail's year in a held state (sim/simulation/lifetime_tail).
    void accrue_year(const Population& pop, std::size_t i, int age, YearCounters& counters) const;

private:
    struct Cell;
    std::size_t cell_index(int zone, int sex, int group, int edu) const {
        return ((static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAgeGroups + group) * kNumEducation + edu;
    }
    static constexpr int kLifestyleKeys = 3 * 3 * 2 * 2 * 2 * 2 * 2;
    static int lifestyle_key(const Population& pop, std::size_t i);
    // The row of rr_misc_: education, within a hip fracture's year, living alone.
    static int misc_key(const Population& pop, std::size_t i);
    void build_risk_tables();
    void fill_risk_tables(int outcome);
    void build_misc_table();
    void separate_mediated_education(const Population& pop, bool death);
    // The mutual adjustments of the relative risks of death and of nursing-home admission (sim/health/mutual_rr.cpp).
    void adjust_death_rr_mutually(const Population& pop);
    void adjust_nursing_home_rr_mutually(const Population& pop);
    void adjust_rr_mutually(const Population& pop, Outcome outcome, unsigned exposures, const Column<double>& expected);
    void relative_risks(const Population& pop, std::size_t i, int group, std::array<double, kNumOutcomes>& rr) const;
    // One of them, death excepted (its education term is by sex and age group): the same product.
    double relative_risk_of(const Population& pop, std::size_t i, Outcome outcome) const;
    // The annual hazards of the events of the clocks in `clocks` (bit c: clock c; the others' entries are left as
    // they were), before a programme's multipliers; rr gets the resident's relative risks unless the lifestyle clock
    // alone is asked for.
    // Always inlined into its callers (this file's): each passes its own constant set of clocks, and the compiler then
    // drops the tests and the work of the clocks not asked for (out of line, a full run took 3% more instructions).
    [[gnu::always_inline]] inline void event_hazards(const Population& pop, std::size_t i, int age, unsigned clocks, std::array<double, kNumHealthEvents>& h,
                       std::array<double, kNumOutcomes>& rr) const;
    // Fills the annual hazard of every health event, sets the death-hazard multiplier.
    void hazards(const Population& pop, std::size_t i, int age, std::array<double, kNumHealthEvents>& h,
                 float& mortality_rr, int step) const;
    // Recomputes resident i's cached rates (per clock, death multiplier); h gets the event hazards.
    void refresh_rates(Population& pop, std::size_t i, int age, int step, std::array<double, kNumHealthEvents>& h) const;
    // Recomputes only the rates marked stale by HealthState::invalidate_some_rates (some clocks, the death multiplier);
    // h gets those clocks' event hazards.
    void refresh_some_rates(Population& pop, std::size_t i, int age, int step, std::array<double, kNumHealthEvents>& h) const;
    // The death hazard's multiplier of resident i: their relative risk of death, a programme's multiplier and a hip
    // fracture's excess mortality over this year's death rate.
    float mortality_multiplier(const Population& pop, std::size_t i, int age, double rr_death, double death_multiplier) const;
    // January's refresh of a resident whose rates are otherwise current: only the chains' entry hazards depend on the
    // year (begin_year), so only the clocks with a chain are recomputed, to the same numbers a full refresh gives; h
    // gets those clocks' event hazards.
    void refresh_year(Population& pop, std::size_t i, int age, std::array<double, kNumHealthEvents>& h) const;
    // Uses up each clock's budget in turn and fires the events of the clocks that run out (fresh: h holds
    // the rates of this month).
    void run_clocks(Population& pop, std::size_t i, int age, int step, const Rng& rng,
                    std::array<double, kNumHealthEvents>& h, bool fresh, YearCounters& counters) const;
    void apply_event(Population& pop, std::size_t i, int age, int event, YearCounters& counters, int cell) const;
    // The state a resident's monthly accruals depend on (zone, age group, conditions, sex, education, frailty,
    // home care, nursing home, the phase after a hip fracture, a recent fall, born preterm and at an age of asthma or
    // of school, a child protection report), packed in 32 bits.
    std::uint32_t accrual_key(const Population& pop, std::size_t i, int age) const;
    // The bits of accrual_key that depend on the age: its group and, for a child born preterm, the ages of asthma and
    // of school.
    std::uint32_t accrual_age_bits(int age, bool preterm) const;
    // Whether a birthday at `age` (capped, as age_of_months gives it) starts a new group of the rates: run_block then
    // refreshes them. Every birthday from 105 on does (the capped age stays 105).
    static bool new_rates_group(int age) { return age % 5 == 0; }
    // Whether a birthday at `age` changes nothing run_block computes for a resident without a fracture's months: no new
    // group of the rates, the same age in the health accrual key (accrual_age_bits) and in the wellbeing key
    // (WellbeingModel::age_changes_key). Such a birthday is a quiet month (sixteen residents at a time). Read from a
    // table of every age, built with the model (fill_plain_birthdays).
    bool plain_birthday(int age, bool preterm) const {
        return plain_birthdays_[preterm ? 1 : 0][static_cast<std::size_t>(age)] != 0;
    }
    void fill_plain_birthdays();
    // The single years of age of `months` months in one accrual state (good perceived health is counted by single
    // year): the last at_last months at age `last`, the others at age `before`.
    struct AccrualAges {
        int last = 0, at_last = 0, before = 0;
    };
    // Adds `months` months of the accruals of a state; care(kind) is a programme's multiplier on care hours.
    template <typename Care>
    void accrue_state(std::uint32_t key, int months, AccrualAges ages, Care&& care, YearCounters& counters) const;
    // Adds resident i's pending months, the last of them at last_step, to the counters.
    void flush_accrual(Population& pop, std::size_t i, int last_step, YearCounters& counters) const;
    // One month of resident i's accruals when an input of accrual_key may have changed since the last month (an
    // event, refreshed rates, a birthday, a remembered fall or fracture) or a programme acting on care hours runs
    // (`care_participant`); otherwise run_block adds the month to the pending key's months.
    void accrue_keyed(Population& pop, std::size_t i, int age, int step, bool flush, bool care_participant,
                      YearCounters& counters) const;
    void draw_initial(Population& pop, std::size_t i, int year, const Rng& rng, std::uint32_t step) const;

    const ModelData& data_;
    HealthData h_;
    int year_ = kFirstYear;
    // targets() of every cell [zone][sex][age group][education] in targets_year_ (begin_year's, or the first year's
    // for initialise): a resident's first state and an arrival's read them instead of computing their cell's (the
    // environment's pow() per factor: some 800 instructions per resident).
    std::vector<std::array<double, kNumFactors>> targets_;
    int targets_year_ = -1;
    void fill_targets(int year);
    // targets() of a cell in `year`, from the table when it holds that year.
    std::array<double, kNumFactors> cell_targets(int zone, int sex, int group, int edu, int year) const;
    const HazardModifier* modifier_ = nullptr;
    std::uint64_t care_programmes_ = 0;  // the modifier's (none without one)
    bool bulk_quiet_months_ = true;
    std::vector<std::array<double, 3>> environment_;
    // This year's entry hazards per factor and cell (zone, sex, group, education), and smoking's split.
    std::vector<std::array<float, kNumFactors>> entry_;
    std::vector<std::array<float, 2>> smoke_entry_;  // never, former
    // Per cell, the chain clocks (bit c: clock c) whose entry hazards changed from last year's tables to this year's
    // (begin_year): a January refresh recomputes only those clocks' rates (refresh_year); the others' would come out
    // the same, bit for bit (the chains' other inputs, exit rates and relative risk tables, hold for the whole run, and
    // a change of a resident's state refreshes every clock at once).
    std::vector<std::uint8_t> year_clocks_;
    std::array<std::array<std::uint8_t, kNumAges>, 2> plain_birthdays_{};  // [preterm][age]: plain_birthday
    void mark_year_clocks(const std::vector<std::array<float, kNumFactors>>& last_entry,
                          const std::vector<std::array<float, 2>>& last_smoke_entry);
    // 2021 normalisations of population-average rates: [outcome][sex][group].
    std::array<BySexGroup<double>, kNumOutcomes> norm_{};
    double pregnancy_quit_probability_ = 0;
    // The first 1000 days (data/health/perinatal.csv), read once: base odds, odds ratios, costs.
    struct Perinatal {
        double preterm_odds = 0, sga_odds = 0, or_sga_preterm = 1, or_smoking_preterm = 1, or_smoking_sga = 1;
        double or_under20 = 1, or_40plus = 1, or_low_education = 1, born_preterm_share = 0;
        double neonatal_mortality_big2 = 0, neonatal_mortality_other = 0, neonatal_cost_preterm = 0;
        double utility_loss_preterm = 0, child_protection_risk_group = 0, child_protection_other = 0;
        double child_protection_cost = 0;
        // Asthma attributable to preterm birth (A-H-PRETERM-ASTHMA): the excess share of children born preterm with
        // asthma up to the last age, and the yearly care cost of a child with asthma.
        double asthma_excess_preterm = 0, asthma_cost = 0;
        int asthma_last_age = -1;
        // Special educational needs attributable to preterm birth (A-H-PRETERM-SEN): the excess share of pupils born
        // preterm with special needs at school ages, and the extra yearly cost of such a pupil (education spending).
        double sen_excess_preterm = 0, sen_cost = 0;
        int sen_first_age = 0, sen_last_age = -1;
    } peri_;
    void read_perinatal();
    // Residents of 1 January 2021 and arrivals: born preterm with the national share.
    void draw_perinatal_history(Population& pop, std::size_t i, const Rng& rng, std::uint32_t step) const;
    // The memories of a resident entering the model (of 1 January 2021, an arrival): a fall in the last year, the
    // last hip fracture survived (A-H-FALL-HISTORY).
    void draw_fall_history(Population& pop, std::size_t i, int age, const Rng& rng, std::uint32_t step) const;
    BySexAge<double> remaining_le_{};
    // Each single age's chance of a hip fracture survived (its rate x exp(-its first year's excess death)):
    // draw_fall_history, without an exponential per resident and age lived.
    BySexAge<double> hip_history_q_{};
    // Per bitmask of conditions: products and sums used every month.
    std::array<double, kConditionMasks> utility_factor_{}, gp_extra_{}, cost_{}, good_health_or_{};
    BySexGroupEdu<double> good_health_odds_{};  // odds of good perceived health without the conditions
    // Relative risks per outcome by lifestyle key, by condition bitmask, by (education, hip, alone).
    std::array<std::array<double, kNumOutcomes>, kLifestyleKeys> rr_lifestyle_{};
    std::array<std::array<double, kNumOutcomes>, kConditionMasks> rr_conditions_{};
    std::array<std::array<double, kNumOutcomes>, 4 * kNumEducation> rr_misc_{};
    // The relative risks per outcome and exposure as the model multiplies them: the data's, but for those of death
    // and of nursing-home admission made conditional on each other (adjust_rr_mutually).
    std::array<std::array<double, kNumExposures>, kNumOutcomes> conditional_rr_{};
    // The relative risk of low and middle education per outcome as the model applies it (1 on death: there
    // it is by sex and age group, death_education_rr_).
    std::array<std::array<double, 2>, kNumOutcomes> education_rr_{};
    BySexGroup<std::array<double, 2>> death_education_rr_{};
};

}  // namespace hhu
