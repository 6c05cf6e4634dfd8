#pragma once
// Demography, monthly: deaths, births (the newborn takes its mother's zone, household and
// education), moves out of a zone (to another zone of the province or out of it), and arrivals from
// outside the province. Each resident carries a remaining cumulative hazard per kind of event, used
// up month by month with the hazard of its age, sex, zone and year; the event happens when it is used
// up, and a new exponential budget is drawn. That is exact sampling of the time to the next event
// under piecewise-constant hazards, and needs a random number only when an event happens.
#include <cstdint>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/model/model_data.hpp"
#include "sim/output/results.hpp"
#include "sim/population/population.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

// Hazards of one calendar year, per step (already multiplied by the step length).
struct DemographyRates {
    int zones = 0;
    std::vector<float> death;  // [zone][sex][age]
    std::vector<float> move;   // [zone][sex][age]
    std::vector<float> birth;  // [zone][age], for women

    std::size_t index(int zone, int sex, int age) const {
        return (static_cast<std::size_t>(zone) * kNumSexes + sex) * kNumAges + age;
    }
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

struct DemographyKernel {
    const DemographyRates* rates = nullptr;
    const std::vector<std::vector<double>>* destination_cdf = nullptr;  // [zone][zone], cumulative, last = 1
    const ModelData* data = nullptr;
    Rng rng{0};
    int step = 0;
    const BySexAge<double>* remaining_life_expectancy = nullptr;  // with the health model: years of life lost

    // Runs one month for residents [begin, end): deaths, births, moves; counts into `counters`.
    void run(Population& pop, std::size_t begin, std::size_t end, StepEvents& events, YearCounters& counters) const;

private:
    // A resident whose move budget ran out: a move to another zone (cell: the resident's) or out of the province.
    void move_or_leave(Population& pop, std::size_t i, int zone, int cell, const std::vector<std::vector<double>>& cdf,
                       YearCounters& counters) const;
};

}  // namespace hhu
