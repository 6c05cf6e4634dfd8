// The counters' memory is kept for the next run: a freed block of 1 MiB or more is handed out again for a request of
// the same size (so a run after the first faults in no new pages for its counters), smaller ones are not kept, no
// more than kMaxKeptBytes is kept in all, and a year's counters take their memory from the pool. Each test starts
// from an empty pool (other tests in the same process may have left counters in it).
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "sim/output/counter_memory.hpp"
#include "sim/output/results.hpp"

using namespace hhu;

TEST_CASE("a freed block of the counters' size is handed out again, a small one is not kept") {
    counter_memory::drop_kept();
    constexpr std::size_t kBytes = 3 * counter_memory::kSmallestKept + 64;
    void* first = counter_memory::allocate(kBytes);
    counter_memory::release(first, kBytes);
    CHECK(counter_memory::kept_bytes() == kBytes);
    void* again = counter_memory::allocate(kBytes);
    CHECK(again == first);
    CHECK(counter_memory::kept_bytes() == 0);
    counter_memory::release(again, kBytes);

    const std::size_t small = counter_memory::kSmallestKept / 2;
    counter_memory::release(counter_memory::allocate(small), small);
    CHECK(counter_memory::kept_bytes() == kBytes);
    counter_memory::drop_kept();
    CHECK(counter_memory::kept_bytes() == 0);
}

TEST_CASE("no more than the cap is kept") {
    counter_memory::drop_kept();
    constexpr std::size_t kBytes = 64 * counter_memory::kSmallestKept + 128;  // 64 MiB
    std::vector<void*> blocks;
    for (std::size_t n = 0; n <= counter_memory::kMaxKeptBytes / kBytes + 1; ++n)
        blocks.push_back(counter_memory::allocate(kBytes));
    for (void* p : blocks) counter_memory::release(p, kBytes);
    CHECK(counter_memory::kept_bytes() <= counter_memory::kMaxKeptBytes);
    CHECK(counter_memory::kept_bytes() + kBytes > counter_memory::kMaxKeptBytes);  // full up to one block
    counter_memory::drop_kept();
}

TEST_CASE("a year's counters take their memory from the pool and give it back") {
    counter_memory::drop_kept();
    YearCounters used;
    used.reset(29);
    used = YearCounters{};  // frees the columns: the large ones are kept
    const std::size_t freed = counter_memory::kept_bytes();
    CHECK(freed >= counter_memory::kSmallestKept);  // the counts (3 MB) at least
    YearCounters next;
    next.reset(29);
    CHECK(counter_memory::kept_bytes() == 0);  // handed out again
}
