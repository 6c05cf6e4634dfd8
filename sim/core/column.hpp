#pragma once
// The storage of a resident's attribute (a column of Population or HealthState): a vector whose large blocks are
// aligned to 2 MiB and asked for as transparent huge pages (madvise). A full-scale run holds about 200 MB of
// columns, faulted in page by page as synthesis fills them and the population grows; on the virtual machines we
// measure on (`hhu bench`) a fault costs about 10 microseconds, and 4 KB pages made a full run's synthesis wait
// some 0.5 s in the kernel (74,900 faults in a run of one year; 15,000 with huge pages: docs/performance.md). The
// kernel grants huge pages only to 2 MiB-aligned ranges, hence the alignment. Where huge pages are off or not
// granted, the advice is ignored and the block is an ordinary one: the same bytes either way.
#include <cstddef>
#include <vector>

#include "sim/core/function_allocator.hpp"

namespace hhu {

namespace column_memory {
inline constexpr std::size_t kHugePage = std::size_t{1} << 21;  // 2 MiB, x86-64's transparent huge page
void* allocate(std::size_t bytes);
void release(void* p, std::size_t bytes) noexcept;
}  // namespace column_memory

template <typename T>
using ColumnAllocator = FunctionAllocator<T, column_memory::allocate, column_memory::release>;

template <typename T>
using Column = std::vector<T, ColumnAllocator<T>>;

}  // namespace hhu
