#pragma once
// Memory for a run's counters, kept for the next run when freed. A run holds some 70 MB of counters (a year's are
// 3.4 MB), and a process that runs many (draws side by side, a batch plan, the viewer's reruns) had each run fault in
// fresh pages: glibc hands blocks this large back to the system when freed. A page fault costs about 10 microseconds
// on the virtual machines we measure on (`hhu bench`): about 6% of a run at scale 0.1. Blocks of 1 MiB or more are
// kept (up to kMaxKeptBytes in all) and handed out again for a request of the same size; smaller ones go to new and
// delete. Fresh blocks of 2 MiB or more are asked for as huge pages (sim/core/column.hpp). A block handed out again
// holds whatever it held: the vectors that use it construct their elements. Under AddressSanitizer a kept block is
// poisoned, so that a use after free is still caught.
#include <cstddef>

#include "sim/core/function_allocator.hpp"

namespace hhu {

namespace counter_memory {
inline constexpr std::size_t kSmallestKept = std::size_t{1} << 20;
inline constexpr std::size_t kMaxKeptBytes = std::size_t{1} << 29;  // 512 MiB: seven runs' counters
void* allocate(std::size_t bytes);
void release(void* p, std::size_t bytes) noexcept;
std::size_t kept_bytes();  // what is kept for reuse now
void drop_kept();          // frees what is kept (tests start from an empty pool)
}  // namespace counter_memory

// The allocator of the counters' vectors (YearCounters).
template <typename T>
using CounterAllocator = FunctionAllocator<T, counter_memory::allocate, counter_memory::release>;

}  // namespace hhu
