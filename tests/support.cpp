#include "support.hpp"

namespace hhu::test {

const ModelData& project_data() {
    static const ModelData data = load_model_data(std::string(HHU_SOURCE_DIR) + "/data");
    return data;
}

Scenario baseline(const std::vector<std::string>& overrides) {
    const Scenario s = load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/baseline.json");
    return overrides.empty() ? s : with_overrides(s, overrides);
}

void run_to_end(Simulation& sim) {
    while (!sim.finished()) sim.step();
}

}  // namespace hhu::test
