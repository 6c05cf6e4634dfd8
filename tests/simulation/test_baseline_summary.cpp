// The stored baseline summary changes only on purpose: refresh it with tools/refresh_baseline.sh and
// commit the new file with the change that explains it.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "../support.hpp"
#include "sim/output/run_output.hpp"

using namespace hhu;

TEST_CASE("the baseline at scale 0.05 reproduces the stored summary exactly") {
    const auto& data = hhu::test::project_data();
    const Scenario s = hhu::test::baseline();
    RunOptions o;
    o.scale = 0.05;
    o.seed = s.seed;
    Simulation sim(data, s, o);
    hhu::test::run_to_end(sim);
    const std::string summary = summary_json(s, Indicators(data, sim.results()));
    const std::string stored_path = std::string(HHU_SOURCE_DIR) + "/tests/baseline/summary_scale0.05.json";
    std::ifstream in(stored_path);
    REQUIRE_MESSAGE(in.good(), "missing " << stored_path << ": run tools/refresh_baseline.sh");
    std::stringstream stored;
    stored << in.rdbuf();
    CHECK_MESSAGE(summary == stored.str(),
                  "the baseline summary changed; if on purpose, run tools/refresh_baseline.sh and commit it");
}
