// The counters' memory is kept for the next run: a freed block of 1 MiB or more is handed out again for a request of
// the same size (so a run after the first faults in no new pages for its counters), smaller ones are not kept, and no
// more than kMaxKeptBytes is kept in all. Reusing memory changes no count: a reset zeroes what it hands out.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "sim/output/counter_memory.hpp"
#include "sim/output/results.hpp"

using namespace hhu;

TEST_CASE("a freed block of the counters' size is handed out again, a small one is not kept") {
    constexpr std::size_t kBytes = 3 * counter_memory::kSmallestKept + 64;  // a size no other counter has
    const std::size_t before = counter_memory::kept_bytes();
    void* first = counter_memory::allocate(kBytes);
    counter_memory::release(first, kBytes);
    CHECK(counter_memory::kept_bytes() == before + kBytes);
    void* again = counter_memory::allocate(kBytes);
    CHECK(again == first);
    CHECK(counter_memory::kept_bytes() == before);
    counter_memory::release(again, kBytes);

    const std::size_t small = counter_memory::kSmallestKept / 2;
    const std::size_t kept = counter_memory::kept_bytes();
    counter_memory::release(counter_memory::allocate(small), small);
    CHECK(counter_memory::kept_bytes() == kept);
}

TEST_CASE("no more than the cap is kept") {
    constexpr std::size_t kBytes = 64 * counter_memory::kSmallestKept + 128;  // 64 MiB, a size of its own
    std::vector<void*> blocks;
    for (std::size_t n = 0; n <= counter_memory::kMaxKeptBytes / kBytes + 1; ++n)
        blocks.push_back(counter_memory::allocate(kBytes));
    for (void* p : blocks) counter_memory::release(p, kBytes);
    CHECK(counter_memory::kept_bytes() <= counter_memory::kMaxKeptBytes);
    CHECK(counter_memory::kept_bytes() + kBytes > counter_memory::kMaxKeptBytes);  // full up to one block
    // Hand them back, so that the kept memory does not outlive the test in this process.
    for (std::size_t n = 0; n < blocks.size(); ++n) blocks[n] = counter_memory::allocate(kBytes);
    for (void* p : blocks) ::operator delete(p);
}

TEST_CASE("counters made in memory a run used before start at zero") {
    constexpr int kZones = 29;  // a size of counters no other test makes
    YearCounters used;
    used.reset(kZones);
    for (auto& c : used.counts) c = 7;
    for (auto& c : used.exposure_months) c = 7;
    const std::size_t before = counter_memory::kept_bytes();
    used = YearCounters{};  // frees the columns: the large ones are kept
    const std::size_t freed = counter_memory::kept_bytes();
    CHECK(freed > before);
    YearCounters next;
    next.reset(kZones);
    CHECK(counter_memory::kept_bytes() < freed);  // handed out again
    for (const auto c : next.counts) REQUIRE(c == 0);
    for (const auto c : next.exposure_months) REQUIRE(c == 0);
}
