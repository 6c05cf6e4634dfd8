#pragma once
// Calibration of the health model's death hazard to the life table. The health model gives each
// resident a relative risk of death from their conditions and risk factors, normalised so that the
// 2021 average is one; as the population's risks evolve (the frail and sick die first), the baseline's
// deaths drift from the CBS life table it should follow. `hhu calibrate` runs the baseline and sets a
// factor per year, sex and age group so that the baseline's deaths equal the life-table expectation
// for the simulated person-years. Scenarios use the same factors, so their differences remain theirs.
#include <functional>
#include <string>

#include "sim/model/model_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct CalibrationReport {
    std::string csv;             // data/health/mortality_calibration.csv
    std::string zone_csv;        // data/health/mortality_calibration_zones.csv
    std::string prevalence_csv;  // data/health/prevalence_calibration.csv
    std::string worst_prevalence;
    std::string worst_mortality;   // the factor that changed most, last iteration  // the group furthest from its prevalence target, last iteration
    double max_change = 0;       // largest relative change of a factor in the last iteration
    double deaths_ratio_last = 0;  // simulated / expected deaths, all ages, last year, last iteration
};

CalibrationReport calibrate_mortality(const ModelData& data, const Scenario& baseline, int iterations, double scale,
                                      int threads, const std::function<void(const std::string&)>& log);

}  // namespace hhu
