#pragma once
// The health model's tables (data/health/*.csv), typed and checked. Sources: data/health/README.md.
#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sim/core/types.hpp"
#include "sim/population/health_state.hpp"
#include "sim/health/falls.hpp"
#include "sim/model/model_data.hpp"

namespace hhu {

// Binary risk factors that follow a target-prevalence Markov chain (BMI uses two of them); their names
// are the rows of kFactors (sim/core/vocabulary.hpp), in this order.
enum class Factor : int { SmokingCurrent = 0, Overweight, Obese, Active, Alcohol, Distress, Lonely, Frail, HomeCare };
static_assert(static_cast<int>(Factor::HomeCare) + 1 == kNumFactors && kFactors[3].name == "physically_active",
              "Factor must follow the rows of kFactors");

// Outcomes that relative risks act on: the onset of each condition (kConditions order), then these.
enum class Outcome : int { ConditionFirst = 0, Death = kNumConditions, Fall, HipFracture, NursingHome, GoodHealth, kCount };
inline constexpr int kNumOutcomes = static_cast<int>(Outcome::kCount);
constexpr Outcome condition_outcome(int c) { return static_cast<Outcome>(c); }
constexpr std::array<std::string_view, kNumOutcomes> outcome_names() {
    std::array<std::string_view, kNumOutcomes> n{};
    for (int c = 0; c < kNumConditions; ++c) n[c] = kConditions[c].name;
    const std::array<std::string_view, 5> others = {"death", "fall", "hip_fracture", "nursing_home",
                                                    "perceived_good_health"};
    for (std::size_t k = 0; k < others.size(); ++k) n[kNumConditions + k] = others[k];
    return n;
}
inline constexpr auto kOutcomeNames = outcome_names();  // relative_risks.csv column `outcome`

// Exposures a resident can have, each with a relative risk per outcome: lifestyle, education, having
// each condition (kConditions order), then a recent hip fracture and living alone.
enum class Exposure : int {
    SmokingCurrent = 0, SmokingFormer, Overweight, Obese, Inactive, Alcohol, Distress, Lonely, Frail,
    EducationLow, EducationMiddle, ConditionFirst,
    HipFractureRecent = ConditionFirst + kNumConditions, LivingAlone, kCount
};
inline constexpr int kNumExposures = static_cast<int>(Exposure::kCount);
constexpr Exposure condition_exposure(int c) { return static_cast<Exposure>(static_cast<int>(Exposure::ConditionFirst) + c); }

template <typename T>
using BySexGroupEdu = std::array<std::array<std::array<T, kNumEducation>, kNumAgeGroups>, kNumSexes>;

struct EnvironmentEffect {
    int attribute = 0;  // 0 green_m2_per_dwelling, 1 active_mobility_index, 2 social_housing_share
    int factor = 0;     // Factor
    double odds_ratio_per_unit = 1;
    double unit = 1;
};
inline constexpr std::array<std::string_view, 3> kEnvironmentAttributes = {
    "green_m2_per_dwelling", "active_mobility_index", "social_housing_share"};

struct HealthData {
    std::vector<DataFile> files;

    std::array<BySexGroupEdu<double>, kNumFactors> prevalence{};  // national base-year target shares
    BySexGroupEdu<double> smoking_former{};
    std::array<double, kNumFactors> exit_rate{};                   // annual exit hazard per factor
    double smoking_relapse_share = 0;
    std::vector<std::array<double, kNumFactors>> trend;           // [year - 2021][factor] odds multiplier
    std::vector<double> trend_smoking_former;                     // [year - 2021] odds multiplier
    std::vector<std::array<double, kNumFactors>> zone_odds;       // [zone][factor]
    std::vector<double> zone_odds_big2;                           // [zone]
    std::vector<double> zone_odds_smoking_former;                 // [zone]

    std::array<BySexGroup<double>, kNumConditions> condition_prevalence{};
    std::array<BySexGroup<double>, kNumConditions> incidence{};
    std::array<BySexGroup<double>, kNumConditions> remission{};

    std::array<std::array<double, kNumExposures>, kNumOutcomes> rr{};  // 1 where not given
    // The total relative risk of death of low (0) and middle (1) education against high, by sex and age group
    // (education_death.csv); relative_risks.csv has no education row on death.
    BySexGroup<std::array<double, 2>> education_death{};

    BySexGroup<double> fall_rate{}, hip_fracture_rate{}, nursing_home_rate{}, hip_fracture_excess{};
    BySexGroup<double> nursing_home_prevalence{};  // the stock on 1 January 2021

    std::map<std::string, double> perinatal;  // parameter -> value
    BySexGroupEdu<double> good_health_share{};
    BySexGroup<double> utility{};
    std::array<double, kNumConditions> disability_weight{};
    double disability_weight_hip_fracture = 0, disability_weight_frail = 0;

    std::vector<std::array<double, 3>> environment;  // [zone][attribute]
    std::vector<EnvironmentEffect> environment_effects;

    std::array<double, kNumAgeGroups> gp_hours_by_group{};
    std::array<double, kNumConditions> gp_hours_by_condition{};
    double home_care_hours_per_client = 0, nursing_home_hours_per_resident = 0, mental_health_hours_per_case = 0;
    std::array<double, kNumConditions> cost_per_case{};
    double cost_home_care_per_client = 0, cost_nursing_home_per_resident = 0;

    // Multipliers on the death hazard by year, sex and age group, calibrated by `hhu calibrate` so that
    // the baseline's deaths follow the life table (data/health/mortality_calibration.csv); all ones
    // when the file is absent (then `calibrated` is false and runs warn).
    std::vector<BySexGroup<double>> mortality_calibration;  // [year - 2021]
    // And a factor per zone: the zone hazard ratios of data/zone_factors.csv hold the zones' whole
    // difference, of which the health model's composition (education, risk factors) now explains a
    // part; this removes the double count (data/health/mortality_calibration_zones.csv).
    std::vector<double> mortality_calibration_zone;  // [zone]
    // Multipliers on the entry hazards of the risk factors and on nursing-home admission by sex and age
    // group, calibrated by `hhu calibrate` so that the baseline keeps the published prevalence by age
    // over 2021-2040 (data/health/prevalence_calibration.csv). Entry rates set cell by cell to the
    // stationary value (exit x odds) ignore that residents age into a group from a younger one with a
    // lower prevalence and that the frail and sick die first; these factors restore the balance.
    std::array<BySexGroup<double>, kNumFactors> entry_calibration{};
    BySexGroup<double> nursing_home_calibration{};
    bool calibrated = false;

    double perinatal_value(const std::string& name) const;  // throws InputError if absent

    FallsData falls;  // quality of life and costs after falls and hip fractures (data/health/falls.csv)
    // Hospital admissions for heart failure per resident with heart failure and year (data/health/heart_failure.csv).
    double heart_failure_admissions_per_year = 0;
};

// Reads data/health/ beside the demographic tables; throws InputError naming file, line, column.
HealthData load_health_data(const ModelData& data);

}  // namespace hhu
