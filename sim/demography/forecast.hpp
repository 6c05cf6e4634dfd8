#pragma once
// The population forecast path of a zone (data/population_forecast.csv) and its registered counts
// (data/population_register.csv), shared by the yearly alignments of migration (in total and by age).
#include "sim/model/model_data.hpp"

namespace hhu {

// Population forecast for zone z on 1 January of `year`: geometric interpolation between anchors,
// the 2021 table being the first; beyond the last anchor, the last interval's growth rate continues.
double forecast_population(const ModelData& data, int z, int year);

// Registered residents of zone z on 1 January of `year` (data/population_register.csv: the districts'
// KWB counts), or a negative value where the register has no count for that zone and year.
double registered_population(const ModelData& data, int z, int year);

}  // namespace hhu
