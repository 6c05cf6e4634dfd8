#pragma once
// The lifetime horizon: the residents alive after the last simulated year followed to death by the
// exact expected value of a cohort tail from each one's state, instead of simulating them on.
//
// Why a tail and not the engine run on: following the survivors of 2040 to death with the engine
// means simulating to about 2145 (a newborn of 2040 reaches the open age 105 then), five times a run,
// with every forecast table (mortality, fertility, trends, calibration) extended past its last year,
// 2040. The tail costs one pass over the survivors, adds no Monte Carlo noise, and needs no new
// random decision: a scenario whose residents end in the same states as the baseline's has the same
// tail to the last digit (tests/simulation/test_lifetime_tail.cpp).
//
// The tail, per survivor i of age a on 1 January after the last year (an assumption, with its reasons
// in docs/economics.md):
// - the death hazard at age a + t is the last simulated year's annual rate of the survivor's zone,
//   sex and age (national forecast x zone factor x the health model's calibration; held after 2040,
//   the last year of the CBS forecast) times the survivor's own death-hazard multiplier (risk factors,
//   conditions, education) as it stands at the end;
// - the state (conditions, frailty, home care, nursing home, education, zone) is held; only age moves
//   on, so utility norms, GP hours and perceived health follow age;
// - person-years in year t are S(t)(1 - e^-h)/h under the constant hazard h of the year, with
//   S(t+1) = S(t) e^-h; every flow is person-years x that state's accruals for 12 months (the health
//   model's own accrual, HealthModel::accrue_year).
// So the tail holds each survivor's end state for life: no new conditions after the run (nor recovery, and
// a hip fracture of the last months counts for life), in either arm.
#include <array>
#include <string>
#include <vector>

namespace hhu {

class Simulation;
struct ModelData;

// The indicators of the tail (the names of yearly.csv's flows where they mean the same).
inline constexpr std::array<const char*, 9> kTailIndicators = {
    "life_years", "qalys", "healthy_life_years", "cost_eur", "care_hours",
    "care_hours_gp", "care_hours_home_care", "care_hours_nursing_home", "care_hours_mental_health"};
inline constexpr int kNumTailIndicators = static_cast<int>(kTailIndicators.size());
// Years followed after the run: the youngest survivor (age 0) reaches the open age 105 after 105 years;
// at 105+ the annual death rate is above one half, so after 120 years less than 1e-6 of a survivor is left.
inline constexpr int kTailYears = 120;

struct LifetimeTail {
    int first_year = 0;  // the year after the run's last
    int zones = 0;
    double weight = 1;   // full-population residents per simulated resident (already applied to values)
    // Expected values for the full population: [year - first_year][zone][education][indicator].
    std::vector<double> values;
    double& at(int year, int zone, int edu, int indicator) {
        return values[((static_cast<std::size_t>(year) * zones + zone) * 3 + edu) * kNumTailIndicators + indicator];
    }
    double at(int year, int zone, int edu, int indicator) const {
        return values[((static_cast<std::size_t>(year) * zones + zone) * 3 + edu) * kNumTailIndicators + indicator];
    }
};

// The tail of a finished run (Simulation::finished(); the health model on). `threads` as RunOptions
// (0: all cores); the result does not depend on it (fixed chunks merged in order). InputError when the
// run is not finished or has no health model.
LifetimeTail lifetime_tail(const Simulation& sim, int threads = 0);

// As yearly.csv (year,zone,sex,age_group,education,indicator,value; sex and age_group "all"): every zone
// and aggregate, education all, low, middle, high, each indicator, from the first year to the last with
// more than 0.01 expected life-years in the province.
std::string lifetime_csv(const LifetimeTail& tail, const ModelData& data);

}  // namespace hhu
