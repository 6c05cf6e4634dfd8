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
// death hazard the same way. All health events of a resident share one exponential budget (the
// superposition of competing hazards): the total hazard is cached and recomputed only when something
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

enum class HealthEvent : int {
    SmokeStart = 0, SmokeQuit, BmiUp, BmiDown, ActiveOn, ActiveOff, AlcoholOn, AlcoholOff, DistressOn,
    DistressOff, LonelyOn, LonelyOff, FrailOn, FrailOff, HomeCareOn, HomeCareOff,
    Incidence0, Incidence1, Incidence2, Incidence3, Incidence4, Incidence5, Remission,
    Fall, HipFracture, NursingHomeAdmission, kCount
};
inline constexpr int kNumHealthEvents = static_cast<int>(HealthEvent::kCount);
// The clock of each event (health_state.hpp): 0 lifestyle, 1 mental health (distress, loneliness, onset of
// depression or anxiety), 2 chronic conditions (onset of the others, remission), 3 seniors' care (frailty,
// home care, nursing home), 4 falls and hip fractures.
inline constexpr std::array<int, kNumHealthEvents> kEventClock = {
    0, 0, 0, 0, 0, 0, 0, 0,  // smoking, BMI, activity, alcohol
    1, 1, 1, 1,              // distress, loneliness
    3, 3, 3, 3,              // frailty, home care
    2, 2, 2, 2, 2, 1, 2,     // onset of diabetes, CHD, stroke, COPD, dementia; depression/anxiety; remission
    4, 4, 3};                // fall, hip fracture; nursing-home admission
// The same, as runs of consecutive events on one clock: HealthModel::run_block sums the hazards per
// clock over these (constant bounds, no table lookup in the hot loop).
inline constexpr int kClockRuns = 8;
inline constexpr std::array<int, kClockRuns + 1> kClockRunStart = {0, 8, 12, 16, 21, 22, 23, 25, kNumHealthEvents};
inline constexpr std::array<int, kClockRuns> kClockRunClock = {0, 1, 3, 2, 1, 2, 4, 3};
constexpr bool clock_runs_match_table() {
    for (int k = 0; k < kClockRuns; ++k)
        for (int e = kClockRunStart[k]; e < kClockRunStart[k + 1]; ++e)
            if (kEventClock[e] != kClockRunClock[k]) return false;
    return true;
}
static_assert(clock_runs_match_table(), "kClockRunStart and kClockRunClock must describe kEventClock");

// Multipliers a scenario applies to the health model (the interventions' hook), per resident: on the
// hazard of each health event, on the death hazard, on care hours by kind, and on continuing to smoke
// in pregnancy. Called only for residents with Population::in_intervention set.
struct HazardModifier {
    virtual ~HazardModifier() = default;
    virtual void apply(const Population& pop, std::size_t i, int step, std::array<double, kNumHealthEvents>& h,
                       double& death_multiplier) const = 0;
    virtual double care_multiplier(const Population& pop, std::size_t i, int step, int kind) const = 0;
    virtual double pregnancy_smoking_multiplier(const Population& pop, std::size_t i, int step) const = 0;
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
    void set_environment(std::vector<std::array<double, 3>> environment) { environment_ = std::move(environment); }
    void set_modifier(const HazardModifier* modifier) { modifier_ = modifier; }

    // One month for residents [begin, end): health events and accruals. The accruals of residents whose
    // state has not changed are kept pending (HealthState::accrual_months); flush_accruals puts every
    // resident's into `counters` (after December, at the end of a run, and every month for a live view).
    void run_block(Population& pop, std::size_t begin, std::size_t end, int step, const Rng& rng,
                   bool flush_accruals, YearCounters& counters) const;
    // Stocks on 1 January.
    void count_stocks(const Population& pop, std::size_t i, int age, YearCounters& counters) const;
    // At conception: some smokers quit for the pregnancy.
    void on_conception(Population& pop, std::size_t mother, int step, const Rng& rng) const;
    // At birth: Big2 and neonatal death. Returns true when the newborn died.
    bool on_birth(Population& pop, std::size_t mother, std::size_t newborn, int step, const Rng& rng,
                  YearCounters& counters) const;
    // Share of the infant death rate that on_birth already accounts for (removed from age 0).
    double neonatal_share_of_infant_mortality(int year) const;
    // The calibration factor on the death rate of a year, zone, sex and age (hhu calibrate).
    double death_rate_factor(int year, int zone, int sex, int age) const;
    // Remaining standard life expectancy (2021 national life table), for years of life lost.
    double remaining_life_expectancy(int sex, int age) const { return remaining_le_[sex][age]; }
    // A resident's relative risk of an outcome (Outcome) from their risk factors, conditions, education,
    // household and recent hip fracture, before the 2021 normalisation.
    double relative_risk(int outcome, const Population& pop, std::size_t i) const;

private:
    struct Cell;
    std::size_t cell_index(int zone, int sex, int group, int edu) const {
        return ((static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAgeGroups + group) * kNumEducation + edu;
    }
    static constexpr int kLifestyleKeys = 3 * 3 * 2 * 2 * 2 * 2 * 2;
    static int lifestyle_key(const Population& pop, std::size_t i);
    void build_risk_tables();
    void relative_risks(const Population& pop, std::size_t i, std::array<double, kNumOutcomes>& rr) const;
    // The annual hazards of the events of one clock (clock >= 0; zero for the others) or of all (clock < 0),
    // before a programme's multipliers; rr gets the resident's relative risks unless clock is 0 (lifestyle).
    void event_hazards(const Population& pop, std::size_t i, int age, int clock, std::array<double, kNumHealthEvents>& h,
                       std::array<double, kNumOutcomes>& rr) const;
    // Fills the annual hazard of every health event, sets the death-hazard multiplier; returns the sum.
    double hazards(const Population& pop, std::size_t i, int age, std::array<double, kNumHealthEvents>& h,
                 float& mortality_rr, int step) const;
    // Recomputes resident i's cached rates (total and per clock, death multiplier); h gets the event hazards.
    void refresh_rates(Population& pop, std::size_t i, int age, int step, std::array<double, kNumHealthEvents>& h) const;
    // Uses up each clock's budget in turn and fires the events of the clocks that run out (fresh: h holds
    // the rates of this month).
    void run_clocks(Population& pop, std::size_t i, int age, int step, const Rng& rng,
                    std::array<double, kNumHealthEvents>& h, bool fresh, YearCounters& counters) const;
    void apply_event(Population& pop, std::size_t i, int age, int event, YearCounters& counters, int cell) const;
    // The state a resident's monthly accruals depend on (zone, age, conditions, sex, education, frailty,
    // home care, nursing home, recent hip fracture), packed in 28 bits.
    static std::uint32_t accrual_key(const Population& pop, std::size_t i, int age);
    // Adds `months` months of the accruals of a state; care(kind) is a programme's multiplier on care hours.
    template <typename Care>
    void accrue_state(std::uint32_t key, int months, Care&& care, YearCounters& counters) const;
    void flush_accrual(Population& pop, std::size_t i, YearCounters& counters) const;
    void accrue(Population& pop, std::size_t i, int age, int step, bool flush, YearCounters& counters) const;
    void draw_initial(Population& pop, std::size_t i, int year, const Rng& rng, std::uint32_t step) const;

    const ModelData& data_;
    HealthData h_;
    int year_ = kFirstYear;
    const HazardModifier* modifier_ = nullptr;
    std::vector<std::array<double, 3>> environment_;
    // This year's entry hazards per factor and cell (zone, sex, group, education), and smoking's split.
    std::vector<std::array<float, kNumFactors>> entry_;
    std::vector<std::array<float, 2>> smoke_entry_;  // never, former
    // 2021 normalisations of population-average rates: [outcome][sex][group].
    std::array<BySexGroup<double>, kNumOutcomes> norm_{};
    double big2_base_odds_ = 0;
    double pregnancy_quit_probability_ = 0;
    BySexAge<double> remaining_le_{};
    // Per bitmask of conditions: products and sums used every month.
    std::array<double, 64> utility_factor_{}, gp_extra_{}, cost_{}, good_health_or_{};
    BySexGroupEdu<double> good_health_odds_{};  // odds of good perceived health without the conditions
    // Relative risks per outcome by lifestyle key, by condition bitmask, by (education, hip, alone).
    std::array<std::array<double, kNumOutcomes>, kLifestyleKeys> rr_lifestyle_{};
    std::array<std::array<double, kNumOutcomes>, 64> rr_conditions_{};
    std::array<std::array<double, kNumOutcomes>, 4 * kNumEducation> rr_misc_{};
};

}  // namespace hhu
