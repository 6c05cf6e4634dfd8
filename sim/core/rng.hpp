#pragma once
// Counter-based random numbers (Random123 Philox4x32-10). A draw is a pure function of
// (seed, stream, resident id, step, index): no generator state is shared or carried, so the thread
// count and the order in which residents are visited cannot change a result, and adding a new kind of
// decision (a new stream) does not shift anyone's other draws. Replicate r of every scenario uses the
// same seed: common random numbers across scenarios.
#include <Random123/philox.h>

#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace hhu {

// One fixed stream per kind of decision. Never renumber: it would change every stored result. The
// decisions themselves are the keys below; code draws through a key, never through a bare stream.
enum class Stream : std::uint32_t {
    SynthesisRounding = 1,
    SynthesisAge = 2,
    SynthesisAttributes = 3,
    InitialBudgets = 4,
    Death = 5,
    Birth = 6,
    Newborn = 7,
    Move = 8,
    MoveDestination = 9,
    Arrival = 10,
    Pregnancy = 11,
    HealthInit = 12,
    HealthEvent = 13,
    Perinatal = 14,
    Intervention = 15,
    ParameterDraw = 16,
    Wellbeing = 17,
};
// The stream takes the low 8 bits of the counter's third word; a subject's bits above 32 the 24 above them.
inline constexpr int kStreamBits = 8;
inline constexpr int kSubjectBits = 32 + 32 - kStreamBits;

// A named random decision: the stream it draws from and the range of counter indices it owns there.
// Every random decision in the model draws through one of the keys below, so two decisions can never
// share a number (the nursing-home and the initial-diabetes draw once did: among residents 75+ the one
// predicted the other). A decision with several draws per resident and step (one per condition, per
// clock, per intervention) owns `count` consecutive indices and passes its offset below `count`.
struct RandomKey {
    Stream stream;
    std::uint32_t first;  // first counter index
    std::uint32_t count;  // indices first .. first + count - 1
    const char* name;
};

namespace key {
// Synthesis of the 1 January 2021 population.
inline constexpr RandomKey SynthesisRounding{Stream::SynthesisRounding, 0, 1, "synthesis.rounding"};
inline constexpr RandomKey SynthesisAge{Stream::SynthesisAge, 0, 1, "synthesis.age_and_attributes"};
inline constexpr RandomKey InitialBudgets{Stream::InitialBudgets, 0, 1, "demography.initial_budgets"};
inline constexpr RandomKey InitialPregnancy{Stream::Pregnancy, 0, 1, "synthesis.pregnancy_and_parity"};
// Demography.
inline constexpr RandomKey Conception{Stream::Birth, 0, 1, "demography.conception_budget"};
inline constexpr RandomKey Move{Stream::Move, 0, 1, "demography.move"};
inline constexpr RandomKey Newborn{Stream::Newborn, 0, 1, "demography.newborn_sex"};
inline constexpr RandomKey Arrival{Stream::Arrival, 0, 1, "demography.arrival_attributes"};
inline constexpr RandomKey ArrivalRounding{Stream::Arrival, 1, 1, "demography.arrival_rounding"};
// Health: initial states (subject: resident id, step: the step they enter the model).
inline constexpr RandomKey HealthLifestyle{Stream::HealthInit, 0, 1, "health.init.smoking_bmi_activity_alcohol"};
inline constexpr RandomKey HealthMentalFrailty{Stream::HealthInit, 1, 1, "health.init.distress_loneliness_frailty_care"};
inline constexpr RandomKey HealthClocks{Stream::HealthInit, 2, 1, "health.init.clocks_1_4"};
inline constexpr RandomKey HealthConditions{Stream::HealthInit, 3, 16, "health.init.conditions"};
inline constexpr RandomKey HealthClock5{Stream::HealthInit, 20, 1, "health.init.clock_5"};
inline constexpr RandomKey HealthNursingHome{Stream::HealthInit, 21, 1, "health.init.nursing_home"};
inline constexpr RandomKey HealthDigitalRank{Stream::HealthInit, 22, 1, "health.init.digital_skills_rank"};
// Health: events (one index per clock x redraw within a step).
inline constexpr RandomKey HealthEvent{Stream::HealthEvent, 0, 64, "health.event"};
inline constexpr RandomKey PregnancySmoking{Stream::Pregnancy, 1, 1, "health.smoking_in_pregnancy"};
inline constexpr RandomKey Perinatal{Stream::Perinatal, 0, 1, "health.perinatal_outcome"};
// Interventions: the month of a resident's next place taken up (index: intervention; word 0 a waiting time from
// the step, word 1 one from the month after it) and each attribute effect (intervention + effect x 2^16).
inline constexpr RandomKey EnrolmentMonth{Stream::Intervention, 0, 1u << 16, "interventions.enrolment_month"};
inline constexpr RandomKey EnrolmentEffect{Stream::Intervention, 1u << 16, 255u << 16, "interventions.effect_at_enrolment"};
// Parameter uncertainty (subject: a hash of the parameter's name, step: the draw; seeded by the draw seed,
// not the replicate's, so draw k is the same parameter set in every scenario and replicate).
inline constexpr RandomKey ParameterDraw{Stream::ParameterDraw, 0, 1, "uncertainty.parameter_draw"};
// The first 1000 days: born preterm (residents of 1 January 2021 and arrivals) and a child protection
// report in the first three years (decided at birth). Preterm and SGA at birth draw from key Perinatal.
inline constexpr RandomKey HealthBornPreterm{Stream::HealthInit, 23, 1, "health.init.born_preterm"};
inline constexpr RandomKey ChildProtection{Stream::Perinatal, 1, 1, "health.child_protection_report"};
// A report in the first three years of a resident born before entering the model (residents of 1 January 2021, arrivals).
inline constexpr RandomKey HealthChildProtectionHistory{Stream::HealthInit, 24, 1, "health.init.child_protection_report"};
// The last fall and hip fracture of a resident entering the model (words 0-1: a fall in the last year and its month;
// word 2: the age of the last hip fracture survived).
inline constexpr RandomKey HealthFallHistory{Stream::HealthInit, 25, 1, "health.init.fall_and_hip_fracture_history"};
// Life satisfaction and informal care (sim/health/wellbeing): the personal term, fixed for life (step 0), and
// who gives informal care in a year (step: January of the year).
inline constexpr RandomKey WellbeingPersonal{Stream::Wellbeing, 0, 1, "wellbeing.personal_term"};
inline constexpr RandomKey InformalCarer{Stream::Wellbeing, 1, 1, "wellbeing.informal_carer"};
}  // namespace key

inline constexpr RandomKey kRandomKeys[] = {
    key::SynthesisRounding, key::SynthesisAge,     key::InitialBudgets,   key::InitialPregnancy,
    key::Conception,        key::Move,             key::Newborn,          key::Arrival,
    key::ArrivalRounding,   key::HealthLifestyle,  key::HealthMentalFrailty, key::HealthClocks,
    key::HealthConditions,  key::HealthClock5,     key::HealthNursingHome, key::HealthEvent,
    key::PregnancySmoking,  key::Perinatal,        key::EnrolmentMonth,   key::EnrolmentEffect,
    key::ParameterDraw,
    key::HealthBornPreterm, key::ChildProtection,
    key::HealthDigitalRank, key::HealthChildProtectionHistory, key::HealthFallHistory,
    key::WellbeingPersonal, key::InformalCarer,
};

constexpr bool same_name(const char* a, const char* b) {
    while (*a != 0 && *a == *b) ++a, ++b;
    return *a == *b;
}

// True when no two keys share a counter index in the same stream, no two share a name, and every stream fits its
// kStreamBits.
template <std::size_t N>
constexpr bool keys_distinct(const RandomKey (&keys)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::uint32_t>(keys[i].stream) >> kStreamBits != 0) return false;
        if (keys[i].count == 0) return false;
        for (std::size_t j = i + 1; j < N; ++j) {
            if (same_name(keys[i].name, keys[j].name)) return false;
            if (keys[i].stream != keys[j].stream) continue;
            const std::uint64_t a0 = keys[i].first, a1 = a0 + keys[i].count;
            const std::uint64_t b0 = keys[j].first, b1 = b0 + keys[j].count;
            if (a0 < b1 && b0 < a1) return false;
        }
    }
    return true;
}
static_assert(keys_distinct(kRandomKeys), "two random decisions share counter indices or a name");

class Rng {
public:
    explicit Rng(std::uint64_t seed) : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}

    // Four independent 32-bit words of decision `k` for (subject, step); `offset` picks one of the
    // decision's own indices (below k.count). A subject has up to 56 bits (kSubjectBits): its low 32 bits fill
    // the counter's first word and the rest sit above the stream's 8 bits in the third, so a subject below 2^32
    // (every resident of 1 January 2021 and every arrival) draws what it drew when subjects had 32 bits.
    r123::Philox4x32::ctr_type words(const RandomKey& k, std::uint64_t subject, std::uint32_t step,
                                     std::uint32_t offset = 0) const {
        assert(offset < k.count);
        assert(subject >> kSubjectBits == 0);
        r123::Philox4x32 philox;
        const auto high = static_cast<std::uint32_t>(subject >> 32);
        r123::Philox4x32::ctr_type ctr = {{static_cast<std::uint32_t>(subject), step,
                                           static_cast<std::uint32_t>(k.stream) | high << kStreamBits, k.first + offset}};
        return philox(ctr, key_);
    }

    // Uniform in the open interval (0, 1), 32 bits of resolution.
    static double to_unit(std::uint32_t w) { return (static_cast<double>(w) + 0.5) * (1.0 / 4294967296.0); }
    // Standard exponential variate: the cumulative hazard a resident may still accrue before an event.
    static float to_exponential(std::uint32_t w) { return static_cast<float>(-std::log(to_unit(w))); }

    double uniform(const RandomKey& k, std::uint64_t subject, std::uint32_t step, std::uint32_t offset = 0) const {
        return to_unit(words(k, subject, step, offset)[0]);
    }

private:
    r123::Philox4x32::key_type key_;
};

}  // namespace hhu
