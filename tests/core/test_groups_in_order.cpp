// Residents grouped by a number, each group in resident order, and the groups' sums: the same members and the same
// bits as one serial pass over the residents, at one thread and at several.
#include <doctest/doctest.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include <tbb/task_arena.h>

#include "sim/core/groups_in_order.hpp"

using namespace hhu;

namespace {

// A fixed sequence of pseudo-random words: the same numbers every run.
std::uint64_t next_word(std::uint64_t& x) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
}

}  // namespace

TEST_CASE("groups in order: each group's residents in increasing order, across chunks, at any thread count") {
    constexpr std::size_t kResidents = 200'003;  // four chunks, the last one short
    constexpr std::size_t kGroups = 9;
    std::vector<std::size_t> group(kResidents);
    std::uint64_t x = 0x9e3779b97f4a7c15ull;
    for (auto& g : group) g = next_word(x) % (kGroups + 2);  // two values beyond the groups: left out
    group[7] = 3;                                            // and group 8 left empty below
    for (auto& g : group)
        if (g == 8) g = 0;
    std::vector<std::vector<std::uint32_t>> serial(kGroups);
    for (std::size_t i = 0; i < kResidents; ++i)
        if (group[i] < kGroups) serial[group[i]].push_back(static_cast<std::uint32_t>(i));
    for (int threads : {1, 2, 4}) {
        CAPTURE(threads);
        tbb::task_arena arena(threads);
        const GroupsInOrder g =
            arena.execute([&] { return group_in_order(kResidents, kGroups, [&](std::size_t i) { return group[i]; }); });
        REQUIRE(g.groups() == kGroups);
        for (std::size_t j = 0; j < kGroups; ++j) {
            CAPTURE(j);
            REQUIRE(g.size(j) == serial[j].size());
            CHECK(std::equal(serial[j].begin(), serial[j].end(),
                             g.entries.begin() + static_cast<std::ptrdiff_t>(g.start[j])));
        }
        CHECK(g.size(8) == 0);
        // The sizes alone, counted apart: the same.
        const std::vector<std::size_t> sizes =
            arena.execute([&] { return group_sizes(kResidents, kGroups, [&](std::size_t i) { return group[i]; }); });
        REQUIRE(sizes.size() == kGroups);
        for (std::size_t j = 0; j < kGroups; ++j) CHECK(sizes[j] == serial[j].size());
    }
    // Into a grouping kept from another call (other groups, fewer residents, then more than its memory holds): the
    // same result as a fresh one, at any thread count.
    for (int threads : {1, 2, 4}) {
        CAPTURE(threads);
        tbb::task_arena arena(threads);
        const std::size_t fewer = kResidents - 70'000;
        GroupsInOrder kept =
            arena.execute([&] { return group_in_order(fewer, kGroups + 1, [&](std::size_t i) { return (group[i] + 5) % 12; }); });
        for (const std::size_t n : {fewer - 50'000, kResidents}) {
            CAPTURE(n);
            arena.execute([&] { group_in_order(n, kGroups, [&](std::size_t i) { return group[i]; }, kept); });
            REQUIRE(kept.groups() == kGroups);
            for (std::size_t j = 0; j < kGroups; ++j) {
                CAPTURE(j);
                std::vector<std::uint32_t> wanted;
                for (const std::uint32_t i : serial[j])
                    if (i < n) wanted.push_back(i);
                REQUIRE(kept.size(j) == wanted.size());
                CHECK(std::equal(wanted.begin(), wanted.end(),
                                 kept.entries.begin() + static_cast<std::ptrdiff_t>(kept.start[j])));
            }
            CHECK(kept.entries.size() == kept.start[kGroups]);
        }
    }
    // Nothing to count: no residents, or no groups.
    CHECK(group_sizes(0, kGroups, [&](std::size_t i) { return group[i]; }) == std::vector<std::size_t>(kGroups, 0));
    CHECK(group_sizes(kResidents, 0, [&](std::size_t i) { return group[i]; }).empty());
}

TEST_CASE("groups in order: each group's sums are the bits of a serial pass over its residents") {
    // Terms of very different sizes, so that another order of the additions would give other bits.
    constexpr std::size_t kResidents = 70'001;
    constexpr std::size_t kGroups = 11;
    std::vector<std::size_t> group(kResidents);
    std::vector<double> value(kResidents);
    std::uint64_t x = 0x2545f4914f6cdd1dull;
    for (std::size_t i = 0; i < kResidents; ++i) {
        // Groups of unequal sizes (group j about twice group j + 1), one of them empty.
        const std::uint64_t w = next_word(x);
        group[i] =
            std::min<std::size_t>(static_cast<std::size_t>(std::countr_zero(w | (std::uint64_t{1} << 10))), kGroups);
        if (group[i] == 5) group[i] = 6;
        value[i] = std::ldexp(static_cast<double>(next_word(x) % 1000003), static_cast<int>(next_word(x) % 40) - 20);
    }
    std::vector<std::array<double, 2>> serial(kGroups, {0.0, 0.0});
    for (std::size_t i = 0; i < kResidents; ++i) {
        if (group[i] >= kGroups) continue;
        serial[group[i]][0] += value[i];
        if (i % 3 == 0) serial[group[i]][1] += value[i];
    }
    // Not vacuous: summed backwards, some group's sum has other bits.
    std::vector<double> backwards(kGroups, 0.0);
    for (std::size_t i = kResidents; i-- > 0;)
        if (group[i] < kGroups) backwards[group[i]] += value[i];
    bool order_matters = false;
    for (std::size_t j = 0; j < kGroups; ++j) order_matters |= backwards[j] != serial[j][0];
    CHECK(order_matters);
    for (int threads : {1, 2}) {
        CAPTURE(threads);
        tbb::task_arena arena(threads);
        const auto sums = arena.execute([&] {
            const GroupsInOrder g = group_in_order(kResidents, kGroups, [&](std::size_t i) { return group[i]; });
            return sum_each_group_in_order<2>(g, [&](std::size_t k) {
                const std::uint32_t i = g.entries[k];
                return std::array<double, 2>{value[i], i % 3 == 0 ? value[i] : 0.0};
            });
        });
        REQUIRE(sums.size() == kGroups);
        for (std::size_t j = 0; j < kGroups; ++j) {
            CAPTURE(j);
            CHECK(std::bit_cast<std::uint64_t>(sums[j][0]) == std::bit_cast<std::uint64_t>(serial[j][0]));
            CHECK(std::bit_cast<std::uint64_t>(sums[j][1]) == std::bit_cast<std::uint64_t>(serial[j][1]));
        }
        CHECK(sums[5][0] == 0.0);
    }
}
