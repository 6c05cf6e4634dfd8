#pragma once
// Productivity losses of paid work by the friction-cost method, for the societal perspective of compare
// (Hakkaart-van Roijen et al., Kostenhandleiding voor economische evaluaties in de gezondheidszorg,
// herziene versie 2024, chapter on productivity costs; docs/economics.md). Under the friction-cost method
// a worker who dies or falls ill is replaced after the friction period, the time an employer needs to fill
// the place; the production lost is at most that period's working hours, valued at the productivity cost
// per hour times the elasticity of production to working time.
//
// The model has no employment per resident: a death or a new case of a modelled condition of a resident in
// a working age group costs the expected hours of the group (its employed share x the usual hours a week of
// the employed x the friction period in weeks). CBS publishes both in ten-year age groups of 15-74, both
// sexes; the model's five-year groups take their ten-year group's values.
#include <array>
#include <string>
#include <vector>

#include "sim/core/types.hpp"

namespace hhu {

// Friction period: 97.5 days, the five-year average of the friction period (365 / (filled / open
// vacancies) + 4 weeks, from CBS 80472NED vacancies) that the costing manual prescribes, for 2002, the
// latest year read (tatooheene vignette "Friction period", table df_fp; docs/research/figures_wave2.md).
// Assumption, listed: the 2024 manual's own value (the average over 2018-2022) was not found in a text
// read; `hhu compare --friction-days` changes it.
inline constexpr double kFrictionPeriodDays2002 = 97.5;
// Elasticity of annual labour time to productivity: 0.8 (Kostenhandleiding 2024; also the 2016 edition):
// a working hour lost loses 0.8 of an hour's production.
inline constexpr double kFrictionElasticity = 0.8;
// Productivity cost of an hour of paid work: EUR 39.88, 2022 prices, the average of both sexes and all ages
// (Kostenhandleiding 2024, reference prices; docs/research/figures_wave2.md). The manual's prices by age and
// sex were not found in a text read: the average is used for every group (assumption, listed). Compare indexes
// it to kPriceYear with the data's consumer price index (read_care_prices, CarePrices::productivity_per_hour).
inline constexpr double kProductivityCostPerHour = 39.88;
inline constexpr int kProductivityPriceYear = 2022;

struct FrictionCostParameters {
    double friction_days = kFrictionPeriodDays2002;
    double elasticity = kFrictionElasticity;
    double price_per_hour = 0;  // kPriceYear prices: CarePrices::productivity_per_hour
};

// Paid work of a five-year age group: the employed share of its residents and the usual hours a week of the
// employed. Zero outside 15-74.
struct WorkProfile {
    double employed_share = 0;
    double hours_per_week = 0;
};
WorkProfile work_profile(int age_group);

// The model's age groups whose residents work: 15-19 (index 3) to 70-74 (index 14) of kAgeGroupNames.
inline constexpr int kFirstWorkingAgeGroup = 3;
inline constexpr int kLastWorkingAgeGroup = 14;
// Their names, in order.
const std::vector<std::string>& working_age_groups();

// The hours of paid work lost, expected over the group's residents, when one of them dies or falls ill for
// at least the friction period: employed share x hours a week x friction period / 7. At most the friction
// period's hours of a worker of the group.
double friction_hours_lost(int age_group, const FrictionCostParameters& p);
// Their value: hours x price per hour x elasticity (euro, in the prices of p.price_per_hour).
double friction_cost_per_event(int age_group, const FrictionCostParameters& p);

}  // namespace hhu
