#pragma once
// Demography, monthly: deaths, births (the newborn takes its mother's zone, household and
// education), moves out of a zone (to another zone of the province or out of it), and arrivals from
// outside the province. Each resident carries a remaining cumulative hazard per kind of event, used
// up month by month with the hazard of its age, sex, zone and year; the event happens when it is used
// up, and a new exponential budget is drawn. That is exact sampling of the time to the next event
// under piecewise-constant hazards, and needs a random number only when an event happens.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/results.hpp"
#include "sim/population/population.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

// Hazards of one calendar year, per step (already multiplied by the step length): by [zone][sex][age], a row of the
// death hazard, the conception hazard (a woman's at age + 1, the fertility of her age at delivery; 0 for men), the
// departure hazard and 0 (four floats that the kernel's year form reads as one vector).
struct DemographyRates {
    int zones = 0;
    std::vector<std::array<float, 4>> lanes;

    std::size_t index(int zone, int sex, int age) const {
        return (static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAges + age;
    }
    // The rows of `zones` zones from hazards per step: death and move by [zone][sex][age], birth by [zone][age] (women's).
    static DemographyRates of(int zones, const std::vector<float>& death, const std::vector<float>& move,
                              const std::vector<float>& birth);
};

// The annual rates of a year before the step length: used for the alignment's expected flows.
struct AnnualRates {
    std::vector<double> death, move, birth;  // same layout as DemographyRates
};

// out_multiplier: by [zone][sex][age], on the departure hazards (the alignment's).
// infant_factor multiplies the death rate at age 0 (the health model removes the neonatal deaths it
// decides at birth).
// death_factor, if given, multiplies the death rate by [zone][sex][age] (the health model's calibration).
AnnualRates annual_rates(const ModelData& data, const DemographyParams& params, int year,
                         const std::vector<double>& out_multiplier, double infant_factor = 1.0,
                         const std::vector<double>* death_factor = nullptr);
DemographyRates step_rates(const AnnualRates& annual, int zones);

// Where a resident leaving zone z for another zone of the province goes: a gravity model,
// probability proportional to the destination's population over the squared distance (plus 5 km,
// so that neighbouring districts do not dominate): assumption A-MOVE-DESTINATION (data/sources.csv).
std::vector<std::vector<double>> destination_probabilities(const ModelData& data,
                                                           const std::vector<double>& zone_population);
// Cumulative form of the above, each row ending exactly at 1 at its last possible destination.
std::vector<std::vector<double>> cumulative_rows(const std::vector<std::vector<double>>& p);

struct StepEvents {
    std::vector<std::uint32_t> mothers;      // indices of residents who gave birth this step
    std::vector<std::uint32_t> conceptions;  // indices of residents who became pregnant this step
};

inline constexpr int kPregnancyMonths = 9;

// Demography's year of a block of residents.year (DemographyKernel::begin_year, run_month, end_year): the month each
// resident must next be seen in, by their position in the block. A resident's budgets hold the months before `from`;
// the months from `from` until `next` are quiet (no budget runs out, with the mortality multiplier `rr`): their
// subtractions are made, and their months of exposure counted, when the resident is next seen or at the year's end.
// The hazards of a resident's quiet months from `from` to the year's end, in two parts split at the birthday (a new
// age, other rates): per month, the death, birth and move budgets' subtractions as DemographyKernel's month makes them
// (a fourth lane, 0, so that four floats go together), and the months' exposure cell (YearCounters::age_index).
struct QuietRates {
    float part[2][4];
    float death[2];  // the death rate of each part, before the mortality multiplier
    std::uint32_t exposure[2];
    std::uint8_t split;  // the first month of the second part (12: none this year)
};

struct DemographyYear {
    std::vector<std::uint8_t> from, next;  // months of the year, 0-11; next = 12: not this year
    std::vector<float> rr;
    std::vector<QuietRates> quiet;         // from `from` (not kept for a resident seen every month)
};

struct DemographyKernel {
    const DemographyRates* rates = nullptr;
    const std::vector<std::vector<double>>* destination_cdf = nullptr;  // [zone][zone], cumulative, last = 1
    const ModelData* data = nullptr;
    Rng rng{0};
    int step = 0;
    const BySexAge<double>* remaining_life_expectancy = nullptr;  // with the health model: years of life lost

    // Runs one month for residents [begin, end): deaths, births, moves; counts into `counters`.
    void run(Population& pop, std::size_t begin, std::size_t end, StepEvents& events, YearCounters& counters) const;

    // The same months for a block of residents who live the whole year in it (nobody joins it), with the same results:
    // begin_year at January's step, run_month at each month's (month 0-11, after the programmes' month and before the
    // health model's, as run), end_year at December's, after its run_month. A resident is seen only in a month in
    // which one of their budgets may run out, while pregnant, or after the health model changed their mortality
    // multiplier; the budgets of the months between are the same single-precision subtractions in the same order.
    void begin_year(Population& pop, std::size_t begin, std::size_t end, DemographyYear& year,
                    YearCounters& counters) const;
    void run_month(Population& pop, std::size_t begin, std::size_t end, int month, DemographyYear& year,
                   StepEvents& events, YearCounters& counters) const;
    void end_year(Population& pop, std::size_t begin, std::size_t end, DemographyYear& year, YearCounters& counters) const;

private:
    struct Columns;
    // Resident i's month at step `at`.
    void month(Population& pop, const Columns& c, std::size_t i, int at, StepEvents& events, YearCounters& counters) const;
    // A resident whose move budget ran out: a move to another zone (cell: the resident's) or out of the province.
    void move_or_leave(Population& pop, std::size_t i, int zone, int cell, int at, YearCounters& counters) const;
    void quiet_rates(const Columns& c, std::size_t i, int first_step, int from, float rr, const YearCounters& counters,
                     QuietRates& q) const;
    // The first month from `from` in which one of resident i's budgets runs out (12: none this year).
    static int first_event(const Columns& c, std::size_t i, int from, const QuietRates& q);
    // Resident i (position j) in month `month`, seen: the quiet months before; then, if only the mortality multiplier
    // changed, the death budget's part of the plan anew (and the month itself if a budget runs out in it), else the
    // month and a new plan.
    void see(Population& pop, const Columns& c, std::size_t i, std::size_t j, int first_step, int month,
             DemographyYear& year, StepEvents& events, YearCounters& counters) const;
    // Resident i's quiet months [from, to): their subtractions and months of exposure.
    static void live_quiet(const Columns& c, std::size_t i, int from, int to, const QuietRates& q);
    // Resident i (position j of the block) from month `from` of the year that starts at `first_step`.
    void plan_resident(const Columns& c, std::size_t i, std::size_t j, int first_step, int from, DemographyYear& year,
                       const YearCounters& counters) const;
};

}  // namespace hhu
