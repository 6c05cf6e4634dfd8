#pragma once
// The residents, one column per attribute (structure of arrays), compact types. A resident's id is
// stable for life and never reused: it keys the resident's random numbers. Residents who die or leave
// the province stay in the columns, marked, until the next yearly compaction (which keeps order).
#include <cstdint>
#include <vector>

#include "sim/core/column.hpp"

#include "sim/core/types.hpp"
#include "sim/population/health_state.hpp"

namespace hhu {

class StateWriter;
class StateReader;

enum class Status : std::uint8_t { Present = 0, Dead = 1, Left = 2 };

// A resident's id: the subject of every random decision about them (sim/core/rng.hpp: up to 56 bits). The
// residents of 1 January 2021 and the arrivals are numbered in turn (Population::next_id), and the arrivals of a
// month are the same in every scenario that shares a migration, so they keep their numbers across scenarios. A
// newborn's id comes from its mother and month (newborn_id), not from a count of the births before it: a scenario
// that changes one birth would otherwise renumber every later newborn and arrival, and so unpair their lives from
// the baseline's (the common random numbers of a comparison).
using ResidentId = std::uint64_t;

// Newborns' ids: bit 55 set (above any count of residents and arrivals), the lower 55 bits a mix of the mother's id
// and the month of birth (a mother has at most one child a month). The mix (splitmix64's finaliser, Steele, Lea and
// Flood 2014) spreads them over 2^55 values: the chance that two of a full run's some 300,000 newborns share one
// is about 300,000^2 / 2^56, below 10^-5.
inline ResidentId newborn_id(ResidentId mother, int step) {
    std::uint64_t z = mother * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(step) + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return ResidentId{1} << 55 | (z >> 9);
}

struct Population {
    Column<ResidentId> id;
    Column<std::int16_t> birth_step;  // month of birth, as a step number (negative before 2021)
    Column<std::uint8_t> sex;         // Sex
    Column<std::uint8_t> zone;
    Column<std::uint8_t> education;   // Education
    Column<std::uint8_t> household;   // Household
    Column<std::uint8_t> status;      // Status
    // Remaining cumulative hazard before the next event of each kind (a standard exponential draw,
    // used up month by month): drawing the time to the next event instead of a coin every month.
    Column<float> death_budget;
    Column<float> move_budget;
    Column<float> birth_budget;
    // Multiplier on the resident's death hazard from its health (1 without the health model).
    Column<float> mortality_rr;
    Column<std::uint8_t> pregnancy;   // months until delivery, 0 if not pregnant
    Column<std::uint8_t> parity;      // children born so far

    HealthState health;  // the health model's columns (empty when it is off)
    // The columns of a scenario's interventions (empty, and not kept up, in a run without any: set_interventions).
    bool interventions = false;
    // Per intervention of the scenario: the step the resident enrolled (kNotEnrolled if never).
    std::vector<Column<std::int16_t>> enrolment;
    // Per intervention: the month of the resident's next place offered and taken up, should they be eligible then
    // (an encoded month, see sim/interventions; kOfferUndrawn before the first): a waiting time drawn once,
    // instead of a draw in every eligible month.
    std::vector<Column<std::int16_t>> offer_month;
    Column<std::uint64_t> offer_drawn;  // the interventions whose offer_month is drawn (bit k: intervention k)
    Column<std::int16_t> offer_wake;    // the earliest of those months (kNoOfferWake: none drawn)
    // The first month the programmes must look at the resident again, unless their state changes first (HealthState's
    // stale bit kOffers): the month after this one while a place is to be drawn, else the earliest of offer_wake, the
    // next month a running programme changes the rates or ends, the next birthday at which their age is offered other
    // programmes and the next January (the year's offers); 0 for a resident not yet seen. InterventionEngine::run_block
    // passes over everyone else at once.
    Column<std::int16_t> engine_wake;
    // The interventions that may offer the resident a place in their state, at some age (bit k: intervention k;
    // InterventionEngine::standing_offers: before the year's offers at their age and the pregnancy test), kept until
    // an input changes (HealthState's stale bit kOffers).
    Column<std::uint64_t> standing_offers;
    // The interventions whose effects run for the resident this month, as bits (bit k: intervention k; 0: none), the
    // month past an effect's end included, so that rates return to normal.
    Column<std::uint64_t> in_intervention;

    ResidentId next_id = 0;  // the next resident of 1 January 2021 or arrival (newborns: newborn_id)

    std::size_t size() const { return id.size(); }
    // Adds the columns of `count` interventions, for the residents there are (nobody enrolled, nothing drawn).
    void set_interventions(std::size_t count);
    void reserve(std::size_t n);
    void resize(std::size_t n);
    // Appends residents [begin, end) of `from` (a population with the same columns), in order, every column.
    void append(const Population& from, std::size_t begin, std::size_t end);
    // Removes everyone who is not present, keeping the order of the rest.
    void compact();
    // Every column as bytes, and the room reserved (sim/simulation/saved_state.hpp): only a population without a
    // scenario's programmes' columns (a policy-free run's; std::logic_error otherwise).
    void save_state(StateWriter& w) const;
    // Reads what save_state wrote into this population (empty, with the same health columns): its programmes'
    // columns, if it is to have them, are added after (set_interventions: nobody enrolled, nothing drawn).
    void load_state(StateReader& r);
};

// Whether two populations have the same columns (the health model's, a scenario's programmes'): append() needs it.
bool same_columns(const Population& a, const Population& b);
// Whether two populations hold the same residents in the same order, every column bit for bit (tests).
bool same_residents(const Population& a, const Population& b);

inline constexpr std::int16_t kNotEnrolled = -32768;
inline constexpr std::int16_t kOfferUndrawn = -1;
inline constexpr std::int16_t kNoOfferWake = 32767;

inline int age_in_years(int step, std::int16_t birth_step) {
    const int months = step - birth_step;
    const int years = months / kMonthsPerYear;
    return years > kMaxAge ? kMaxAge : years;
}
// The same for a resident present at `step` (born at or before it), in the monthly loops: the months since birth are
// never negative, so unsigned, and their division by 12 needs no corrections for a sign.
inline unsigned months_lived(int step, std::int16_t birth_step) { return static_cast<unsigned>(step - birth_step); }
inline int age_of_months(unsigned months) {
    const int years = static_cast<int>(months / kMonthsPerYear);
    return years > kMaxAge ? kMaxAge : years;
}

}  // namespace hhu
