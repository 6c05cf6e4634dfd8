#pragma once
// Migration alignment, once a year: how many residents arrive from outside the province in each zone
// and how strongly each zone's departure rate is scaled, so that the population follows the
// registered flows of Utrecht city (2021-2023, a back-cast checked against 1 January 2024) and then the
// municipal and district forecasts. From the residents on 1 January and the year's rates it computes the
// expected births, deaths, departures and moves between zones (competing risks), and fills the gap to
// the forecast path with arrivals (or raises departures where the zone is above it). A zone off the
// path returns to it with a time constant of two years (assumption A-FORECAST-CONVERGENCE). In the
// back-cast years the city's districts go to their registered counts of the next 1 January where the
// register has them (KWB 2023, 2024), a district above its count shedding residents
// (A-BACKCAST-DISTRICTS).
#include <vector>

#include "sim/demography/age_alignment.hpp"
#include "sim/demography/demography.hpp"
#include "sim/model/model_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

struct MigrationYear {
    MigrationByAge flows;  // arrivals per zone (simulated residents, not yet rounded), their ages, departures
    std::vector<std::vector<double>> destination_p;   // [from zone][to zone] of moves within the province
};

// base: the year's annual rates with departure multipliers 1 and the residents' own death hazards;
// histogram: present residents by [zone][sex][age] on 1 January (simulated, at `scale`).
MigrationYear align_migration_flows(const ModelData& data, const DemographyParams& params, int year, double scale,
                                    const AnnualRates& base, const std::vector<double>& histogram);

}  // namespace hhu
