// The step plan is what the engine runs: every phase named by its module, run as often as its `when`
// says, and timed.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "../support.hpp"

using namespace hhu;

TEST_CASE("step plan: phases have unique module-prefixed names and a function") {
    std::set<std::string> names;
    for (const Phase& p : Simulation::step_plan()) {
        const std::string name = p.name;
        CHECK(name.find('.') != std::string::npos);
        CHECK(names.insert(name).second);
        CHECK(p.fn != nullptr);
        CHECK(std::string(p.does).size() > 0);
        CHECK(std::string(p.reads).size() > 0);
        CHECK(std::string(p.writes).size() > 0);
    }
    CHECK(names.count("residents.month") == 1);
}

TEST_CASE("step plan: the engine runs each phase when it is due, and times it") {
    RunOptions o;
    o.scale = 0.01;
    o.seed = 3;
    Simulation sim(hhu::test::project_data(), hhu::test::baseline({"end_year=2022"}), o);
    while (!sim.finished()) sim.step();
    const auto& plan = Simulation::step_plan();
    const auto& profile = sim.profile();
    REQUIRE(profile.size() == plan.size());
    double total_seconds = 0;
    for (std::size_t k = 0; k < plan.size(); ++k) {
        INFO(plan[k].name);
        CHECK(std::string(profile[k].name) == plan[k].name);
        CHECK(profile[k].seconds >= 0);
        total_seconds += profile[k].seconds;
        switch (plan[k].when) {
            case PhaseWhen::EveryMonth: CHECK(profile[k].calls == 24); break;
            case PhaseWhen::NewYear:
            case PhaseWhen::YearEnd: CHECK(profile[k].calls == 2); break;
            case PhaseWhen::RunEnd: CHECK(profile[k].calls == 1); break;
        }
    }
    CHECK(total_seconds > 0);  // the phases were timed (two years of a sample take some time, whatever the machine)
}
