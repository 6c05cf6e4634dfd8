// Compaction (Population::compact, a parallel prefix sum over chunks of residents): the survivors, and only they,
// keep their order and every column of theirs (the health model's and the programmes' too), whatever the pattern of
// the dead and departed across chunks; the columns keep their capacity; a population with no one to drop is unchanged.
#include <doctest/doctest.h>

#include <tbb/task_arena.h>

#include "sim/population/population.hpp"

using namespace hhu;

namespace {

// n residents whose columns all derive from their id, with the health columns and one programme's enrolment on.
Population numbered(std::size_t n) {
    Population pop;
    pop.health.enabled = true;
    pop.set_interventions(1);
    pop.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto id = static_cast<std::uint32_t>(i);
        pop.id[i] = id;
        pop.birth_step[i] = static_cast<std::int16_t>(id % 30000);
        pop.zone[i] = static_cast<std::uint8_t>(id % 251);
        pop.death_budget[i] = static_cast<float>(id) * 0.5f;
        pop.health.budget[i] = {static_cast<float>(id), 1, 2, 3, static_cast<float>(id % 7)};
        pop.health.accrual_key[i] = id * 3u;
        pop.enrolment[0][i] = static_cast<std::int16_t>(id % 20000);
        pop.in_intervention[i] = id % 2;
        pop.offer_month[0][i] = static_cast<std::int16_t>(id % 20011);
        pop.offer_drawn[i] = id % 3;
        pop.offer_wake[i] = static_cast<std::int16_t>(id % 19997);
    }
    return pop;
}

// The survivors whose columns no longer all belong to the id they hold (0 when compaction moved every column together).
std::size_t mismatched(const Population& pop) {
    std::size_t bad = 0;
    for (std::size_t j = 0; j < pop.size(); ++j) {
        const ResidentId id = pop.id[j];
        bad += pop.birth_step[j] != static_cast<std::int16_t>(id % 30000) || pop.zone[j] != static_cast<std::uint8_t>(id % 251) ||
               pop.death_budget[j] != static_cast<float>(id) * 0.5f || pop.health.budget[j][0] != static_cast<float>(id) ||
               pop.health.budget[j][4] != static_cast<float>(id % 7) || pop.health.accrual_key[j] != id * 3u ||
               pop.enrolment[0][j] != static_cast<std::int16_t>(id % 20000) ||
               pop.in_intervention[j] != id % 2 || pop.offer_month[0][j] != static_cast<std::int16_t>(id % 20011) ||
               pop.offer_drawn[j] != id % 3 || pop.offer_wake[j] != static_cast<std::int16_t>(id % 19997) ||
               pop.status[j] != static_cast<std::uint8_t>(Status::Present);
    }
    return bad;
}

}  // namespace

TEST_CASE("compaction keeps the survivors in order with all their columns, across chunks and at any thread count") {
    // More than three chunks of 2^16 residents; the dead and departed in runs (a whole chunk, chunk boundaries, the
    // first and the last resident) and scattered.
    constexpr std::size_t n = 3 * 65536 + 1234;
    auto dropped = [](std::size_t i) {
        return i == 0 || i == n - 1 || (i >= 65536 && i < 2 * 65536) || (i >= 2 * 65536 - 5 && i < 2 * 65536 + 5) ||
               i % 37 == 0 || i % 101 == 3;
    };
    for (int threads : {1, 2, 4}) {
        Population pop = numbered(n);
        for (std::size_t i = 0; i < n; ++i)
            if (dropped(i)) pop.status[i] = static_cast<std::uint8_t>(i % 2 ? Status::Dead : Status::Left);
        const std::size_t capacity = pop.id.capacity();
        tbb::task_arena(threads).execute([&] { pop.compact(); });
        Column<ResidentId> expected;
        for (std::size_t i = 0; i < n; ++i)
            if (!dropped(i)) expected.push_back(i);
        CHECK(pop.id == expected);
        CHECK(mismatched(pop) == 0);
        CHECK(pop.health.flags.size() == expected.size());
        CHECK(pop.enrolment[0].size() == expected.size());
        CHECK(pop.id.capacity() == capacity);
    }
}

TEST_CASE("compaction leaves a population with no one to drop as it was") {
    Population pop = numbered(70000);
    pop.compact();
    CHECK(pop.size() == 70000);
    CHECK(mismatched(pop) == 0);
    Population empty;
    empty.compact();
    CHECK(empty.size() == 0);
}
