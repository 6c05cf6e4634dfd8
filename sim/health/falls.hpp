#pragma once
// Falls and hip fractures cost health: the quality of life lost after an injurious fall (one treated at an
// emergency department) and after a hip fracture, by time since the event, and the cost booked at each
// (data/health/falls.csv, tools/health_falls.py: published EQ-5D disutilities, Dutch costs). A resident
// remembers the month of their last fall and of their last hip fracture (HealthState::fall_since, hip_since).
#include <cstdint>

namespace hhu {

class CsvTable;
class PriceIndex;

struct FallsData {
    double fall_disutility = 0;           // EQ-5D points lost while a fall is recent
    int fall_months = 0;                  // how long a fall stays recent
    double hip_disutility_acute = 0;      // the first hip_acute_months months after a hip fracture
    int hip_acute_months = 0;
    double hip_disutility_recovery = 0;   // then until hip_recovery_months months
    int hip_recovery_months = 0;
    double hip_disutility_later = 0;      // afterwards, for life
    // Costs booked at each event, kPriceYear prices. A fall's excludes hip fractures, which are events of their
    // own: (the mean cost of an ED-treated fall - the hip fractures' share x a hip fracture's) / (1 - that share),
    // each amount indexed from its own price year first (A-H-FALL-COST).
    double cost_fall_eur = 0, cost_hip_fracture_eur = 0;
};

// Reads data/health/falls.csv (parameter, value, price_year); InputError naming the file, line and column of a
// missing, unknown or out-of-range parameter, or of a price year on a row that is no euro amount.
FallsData read_falls(const CsvTable& t, const PriceIndex& prices);

// The memory of an event in a uint8 column: 0 never; else 1 + the months since the event, saturating at 255
// (the later phase of a hip fracture lasts for life, so "255 or more months ago" is all that is needed).
namespace event_memory {
inline constexpr std::uint8_t kNever = 0, kThisMonth = 1, kLongAgo = 255;
// One month later (run every month before the resident's events).
inline void age(std::uint8_t& since) {
    if (since != kNever && since != kLongAgo) ++since;
}
inline int months_since(std::uint8_t since) { return since - 1; }
}  // namespace event_memory

// The phase after a hip fracture: none, acute, recovery, later years (2 bits of the accrual key).
enum class HipPhase : std::uint8_t { None = 0, Acute = 1, Recovery = 2, Later = 3 };
// Inline: the health model's accrual key asks both for every resident every month.
inline HipPhase hip_phase(const FallsData& f, std::uint8_t hip_since) {
    if (hip_since == event_memory::kNever) return HipPhase::None;
    const int m = event_memory::months_since(hip_since);
    if (m < f.hip_acute_months) return HipPhase::Acute;
    if (m < f.hip_recovery_months) return HipPhase::Recovery;
    return HipPhase::Later;
}
inline bool fall_recent(const FallsData& f, std::uint8_t fall_since) {
    return fall_since != event_memory::kNever && event_memory::months_since(fall_since) < f.fall_months;
}
// EQ-5D points lost in a month spent in this state (the sum of the fall's and the fracture's).
double fall_disutility(const FallsData& f, HipPhase hip, bool recent_fall);

}  // namespace hhu
