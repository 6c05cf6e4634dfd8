#pragma once
// The health of each resident, as compact columns: lifestyle, mental health, chronic conditions,
// frailty and living situation, and the resident's next-health-event budget. The health model
// (sim/health) writes them; they live here, with every other column of a resident, so that the
// population depends on no module and every module on the population.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/column.hpp"

#include "sim/core/vocabulary.hpp"

namespace hhu {

enum class Smoking : std::uint8_t { Never = 0, Current = 1, Former = 2 };
enum class Bmi : std::uint8_t { Normal = 0, Overweight = 1, Obese = 2 };

// Bits of HealthState::flags.
namespace health_flag {
inline constexpr std::uint8_t Active = 1;         // meets the physical-activity guideline
inline constexpr std::uint8_t Alcohol = 2;        // excessive alcohol use
inline constexpr std::uint8_t Distress = 4;       // high risk of anxiety or depression (K10)
inline constexpr std::uint8_t Lonely = 8;         // severely lonely
inline constexpr std::uint8_t Frail = 16;
inline constexpr std::uint8_t HomeCare = 32;      // living independently with home care
inline constexpr std::uint8_t NursingHome = 64;
}  // namespace health_flag
// Whether `flags` (HealthState::flags) holds `flag`.
inline constexpr bool has(std::uint8_t flags, std::uint8_t flag) { return (flags & flag) != 0; }

// Bits of HealthState::perinatal: the resident's start in life (set at birth; for residents of 1 January
// 2021 and arrivals, born_preterm only, drawn with the national share).
namespace perinatal_flag {
inline constexpr std::uint8_t Preterm = 1;          // born before 37 weeks
inline constexpr std::uint8_t Sga = 2;              // born small for gestational age (<p10)
inline constexpr std::uint8_t ChildProtection = 4;  // a child protection report in the first three years
}  // namespace perinatal_flag

// Chronic conditions (sim/core/vocabulary.hpp: kConditions), as bits of HealthState::conditions.
constexpr std::uint8_t condition_bit(int c) { return static_cast<std::uint8_t>(1u << c); }

// Health events run on separate clocks, one per group of processes (lifestyle, mental health, chronic
// conditions, seniors' care, falls and fractures): each clock has its own budget of cumulative hazard, so
// that a policy that changes one process (fewer falls) does not shift the timing of a participant's
// unrelated events (a stroke), and scenario and baseline stay paired for everything the policy leaves alone.
inline constexpr int kHealthClocks = health_clock::kCount;

// Bits of HealthState::rates_stale: what must be recomputed before it is next read.
namespace stale {
inline constexpr std::uint8_t kRates = 1;   // the health model's cached rates (HealthModel::run_block)
inline constexpr std::uint8_t kOffers = 2;  // the programmes a resident may be offered (InterventionEngine::run_block)
// Some of the cached rates only: those of clock c (bit kClockShift + c) and the mortality multiplier (kMortality), as
// when a programme's effect on a few events starts, fades by a month or ends. kRates (all of them) covers these.
inline constexpr int kClockShift = 2;
inline constexpr std::uint8_t kMortality = 0x80;
static_assert(kClockShift + kHealthClocks <= 7, "the clocks' bits and kMortality in one byte");
inline constexpr std::uint8_t kClocks = static_cast<std::uint8_t>(((1u << kHealthClocks) - 1) << kClockShift);
inline constexpr std::uint8_t kSomeRates = kClocks | kMortality;
inline constexpr std::uint8_t kAnyRates = kRates | kSomeRates;  // some or all of the rates are stale
inline constexpr std::uint8_t clock_bit(int c) { return static_cast<std::uint8_t>(1u << (kClockShift + c)); }
}  // namespace stale

struct HealthState {
    bool enabled = false;
    Column<std::uint8_t> smoking;     // Smoking
    Column<std::uint8_t> bmi;         // Bmi
    Column<std::uint8_t> flags;       // health_flag bits
    Column<std::uint8_t> conditions;  // condition bits
    Column<std::uint8_t> hip_months;  // months of excess mortality left after a hip fracture
    Column<std::array<float, kHealthClocks>> budget;  // remaining cumulative hazard before each clock's next event
    Column<std::array<float, kHealthClocks>> clock_hazard;  // each clock's hazard per step (cached)
    Column<std::uint8_t> rates_stale;  // stale bits: an input of the cached rates or offers changed, recompute first
    // Accrual by time in state (HealthModel::run_block): a resident's monthly accruals depend only on the
    // state packed in accrual_key, so the months spent in one state are summed as months x the monthly
    // amount and added to the counters when the state changes, at death or departure, and after the
    // last month of a year (exactly the integers a monthly addition gives).
    Column<std::uint32_t> accrual_key;   // the state of the months pending, or of last month (HealthModel::accrual_key)
    Column<std::uint8_t> accrual_months; // months accrued in that state, not yet in the counters
    Column<std::uint8_t> perinatal;      // perinatal_flag bits
    // The months since the last hip fracture and the last injurious fall (sim/health/falls.hpp event_memory:
    // 0 never, else 1 + months, saturating), so that the quality of life lost lasts its published duration.
    Column<std::uint8_t> hip_since;
    Column<std::uint8_t> fall_since;
    // Digital skills (sim/health/digital.hpp): the resident's rank among their age and education group (bits
    // 0-6, drawn once) and whether a digital skills programme has taught them (bit 7).
    Column<std::uint8_t> digital;
    // Wellbeing's accruals by time in state (WellbeingModel::accrue_resident), like the health model's: the state of the
    // pending months (WellbeingModel's key; kNoWellbeingKey while under 12) and their number.
    Column<std::uint32_t> wellbeing_key;
    Column<std::uint8_t> wellbeing_months;
    // The resident's lifelong personal term of life satisfaction (a standard normal drawn from the id; 0: not drawn
    // yet), kept so that each January's stocks need not draw it again.
    Column<double> wellbeing_personal;

    // The one way to say that an input of resident i's health rates changed (a risk factor, a condition,
    // the zone, an intervention's effect, the end of a hip fracture's excess risk): the rates are
    // recomputed before the resident's next health step. Every writer of a rate input calls this. The inputs of the
    // rates include those of what a programme may offer (sim/interventions: the zone, risk factors, conditions):
    // that is recomputed too.
    void invalidate_rates(std::size_t i) {
        if (enabled) rates_stale[i] = stale::kRates | stale::kOffers;
    }
    // An input of the health rates changed that is no input of what a programme may offer (the end of a hip
    // fracture's excess risk, the zone's living environment).
    void invalidate_rates_only(std::size_t i) {
        if (enabled) rates_stale[i] |= stale::kRates;
    }
    // An input of some of resident i's rates changed (stale bits kSomeRates: a programme's effect on a few events or
    // on death starts, fades or ends): only those are recomputed.
    void invalidate_some_rates(std::size_t i, std::uint8_t bits) {
        if (enabled) rates_stale[i] |= static_cast<std::uint8_t>(bits & stale::kSomeRates);
    }
    // An input of what a programme may offer resident i changed that is no input of their health rates (a household
    // other than living alone) or whose rates are recomputed at once (a health event).
    void invalidate_offers(std::size_t i) {
        if (enabled) rates_stale[i] |= stale::kOffers;
    }

    template <typename F>
    void for_each_column(F&& f) {
        for_each_column_of(f, *this);
    }
    // The same column of each of the states s... side by side (the first says whether there are any).
    template <typename F, typename First, typename... Rest>
    static void for_each_column_of(F&& f, First& s, Rest&... t) {
        if (!s.enabled) return;
        f(s.smoking, t.smoking...);
        f(s.bmi, t.bmi...);
        f(s.flags, t.flags...);
        f(s.conditions, t.conditions...);
        f(s.hip_months, t.hip_months...);
        f(s.budget, t.budget...);
        f(s.clock_hazard, t.clock_hazard...);
        f(s.rates_stale, t.rates_stale...);
        f(s.accrual_key, t.accrual_key...);
        f(s.accrual_months, t.accrual_months...);
        f(s.perinatal, t.perinatal...);
        f(s.hip_since, t.hip_since...);
        f(s.fall_since, t.fall_since...);
        f(s.digital, t.digital...);
        f(s.wellbeing_key, t.wellbeing_key...);
        f(s.wellbeing_months, t.wellbeing_months...);
        f(s.wellbeing_personal, t.wellbeing_personal...);
    }
};

}  // namespace hhu
