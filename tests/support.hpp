#pragma once
// Shared fixtures for tests: the project's data tables, loaded once, and short runs of the model.
#include <string>
#include <vector>

#include "sim/model/model_data.hpp"
#include "sim/output/indicators.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/simulation.hpp"

namespace hhu::test {

const ModelData& project_data();
Scenario baseline(const std::vector<std::string>& overrides = {});

// Runs a scenario to its end year.
void run_to_end(Simulation& sim);

}  // namespace hhu::test
