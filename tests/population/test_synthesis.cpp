#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include <tbb/task_arena.h>

#include "../support.hpp"
#include "sim/population/synthesis.hpp"

using namespace hhu;

TEST_CASE("at scale 1 synthesis creates exactly the residents of the 2021 table, by zone, sex and age group") {
    const auto& data = hhu::test::project_data();
    const Population pop = synthesize_population(data, 1.0, Rng(7));
    std::vector<BySexGroup<std::int64_t>> counted(data.num_zones());
    for (std::size_t i = 0; i < pop.size(); ++i)
        ++counted[pop.zone[i]][pop.sex[i]][age_group_of(age_in_years(0, pop.birth_step[i]))];
    for (int z = 0; z < data.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g) {
                INFO(data.zones[z].code << " " << kSexNames[s] << " " << kAgeGroupNames[g]);
                CHECK(counted[z][s][g] == data.population_2021[z][s][g]);
            }
}

TEST_CASE("ids are consecutive and education follows the zone's shares") {
    const auto& data = hhu::test::project_data();
    const Population pop = synthesize_population(data, 1.0, Rng(7));
    for (std::size_t i = 0; i < pop.size(); ++i) REQUIRE(pop.id[i] == i);
    // Share of highly educated 45-49-year-old women in the first zone, against its table.
    const int z = 0, s = 1, g = 9;
    std::int64_t n = 0, high = 0;
    for (std::size_t i = 0; i < pop.size(); ++i)
        if (pop.zone[i] == z && pop.sex[i] == s && age_group_of(age_in_years(0, pop.birth_step[i])) == g) {
            ++n;
            high += pop.education[i] == static_cast<std::uint8_t>(Education::High);
        }
    const double p = data.education[z][s][g][2];
    const double sd = std::sqrt(p * (1 - p) / static_cast<double>(n));
    CHECK(std::abs(static_cast<double>(high) / static_cast<double>(n) - p) < 4 * sd);
}

TEST_CASE("sampled counts are whole at scale 1 and unbiased otherwise") {
    CHECK(sampled_count(1234.0, 0.999) == 1234);
    CHECK(sampled_count(0.0, 0.0) == 0);
    CHECK(sampled_count(2.25, 0.2) == 3);
    CHECK(sampled_count(2.25, 0.3) == 2);
}

TEST_CASE("synthesis fills the same residents at 1 and 2 threads as appending them one by one") {
    const auto& data = hhu::test::project_data();
    const double scale = 0.02;
    const Rng rng(7);
    auto synthesize = [&](int threads) {
        Population pop;
        tbb::task_arena(threads).execute([&] {
            pop = synthesize_population(data, scale, rng);
            assign_pregnancies_and_parity(pop, data, 1.0, rng);
        });
        return pop;
    };
    const Population one = synthesize(1), two = synthesize(2);
    // Appended one by one, cell after cell, as synthesis did before it filled the cells in parallel.
    Population appended;
    std::size_t misplaced = 0;
    for (int z = 0, cell = 0; z < data.num_zones(); ++z)
        for (int s = 0; s < kNumSexes; ++s)
            for (int g = 0; g < kNumAgeGroups; ++g, ++cell) {
                const auto n = sampled_count(static_cast<double>(data.population_2021[z][s][g]) * scale,
                                             rng.uniform(key::SynthesisRounding, static_cast<std::uint32_t>(cell), 0));
                for (std::int64_t k = 0; k < n; ++k) {
                    const auto i = static_cast<std::size_t>(appended.next_id);
                    misplaced += append_resident(appended, rng, 0, 0, s, z, 0, 0) != i;
                }
            }
    CHECK(misplaced == 0);
    REQUIRE(one.size() == appended.size());
    REQUIRE(two.size() == one.size());
    CHECK(one.next_id == appended.next_id);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < one.size(); ++i)
        differing += one.id[i] != appended.id[i] || one.zone[i] != appended.zone[i] || one.sex[i] != appended.sex[i];
    CHECK(differing == 0);
    CHECK(same_residents(one, two));  // every column, bit for bit
}

TEST_CASE("the residents of 1 January with their health are the same at 1 and 2 threads, every column") {
    // Synthesis, pregnancies, the health model's first draws and the death and nursing-home adjustments run on the
    // run's threads; their sums are serial in resident order.
    const auto& data = hhu::test::project_data();
    auto residents = [&](int threads) {
        RunOptions o;
        o.scale = 0.02;
        o.seed = 5;
        o.threads = threads;
        return std::make_unique<Simulation>(data, hhu::test::baseline(), o);
    };
    const auto one = residents(1), two = residents(2);
    REQUIRE(one->population().health.enabled);
    CHECK(same_residents(one->population(), two->population()));
}
