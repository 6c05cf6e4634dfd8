// Newborns take their mother's zone, education and household; births are counted where they happen.
#include <doctest/doctest.h>

#include "../support.hpp"

using namespace hhu;

TEST_CASE("every newborn lives in a zone whose births count it, as a child in a household") {
    const auto& data = hhu::test::project_data();
    RunOptions o;
    o.scale = 0.05;
    o.seed = 11;
    // Without moves, a newborn stays in the zone it was born in for the month it is checked.
    Simulation sim(data, hhu::test::baseline({"end_year=2021", "demography.out_migration_scale=0"}), o);
    std::vector<std::int64_t> newborn_by_zone(data.num_zones(), 0);
    while (!sim.finished()) {
        sim.step();
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i)
            // A newborn may die in its first month (perinatal mortality); it was still born in its zone.
            if (p.birth_step[i] == sim.current_step() - 1 && p.status[i] != static_cast<std::uint8_t>(Status::Left)) {
                ++newborn_by_zone[p.zone[i]];
                CHECK(p.household[i] == static_cast<std::uint8_t>(Household::Child));
            }
    }
    const auto& y = sim.results().years[0];
    std::int64_t total = 0;
    for (int z = 0; z < data.num_zones(); ++z) {
        std::int64_t births = 0;
        for (int s = 0; s < kNumSexes; ++s)
            for (int e = 0; e < kNumEducation; ++e) births += y.count(Counter::Births, z, cell_of(s, 0, e));
        // Arrivals of age 0 born this month can add to the newborns, never less.
        CHECK(newborn_by_zone[z] >= births);
        total += births;
    }
    CHECK(total > 500);
}
