#pragma once
// The fitted parameters of the wellbeing model (WellbeingModel::calibrate, assumption A-WB-CALIB): offsets by CBS age
// band, sex and education, the spread of the personal term and the offset of the happiness question. Apart from the
// model so that a policy-free run's migration plan (sim/simulation/migration_plan) can carry it to the scenarios
// paired with it, which start from the same residents and would fit the same bits.
#include <array>

#include "sim/core/types.hpp"
#include "sim/health/wellbeing_data.hpp"

namespace hhu {

struct WellbeingCalibration {
    std::array<double, kNumWellbeingBands> band{};
    std::array<double, kNumSexes> sex{};
    std::array<double, kNumEducation> education{};
    double sigma = 1;
    double happy_offset = 0;
    bool operator==(const WellbeingCalibration&) const = default;
};

}  // namespace hhu
