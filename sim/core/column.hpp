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

namespace hhu {

namespace column_memory {
inline constexpr std::size_t kHugePage = std::size_t{1} << 21;  // 2 MiB, x86-64's transparent huge page
void* allocate(std::size_t bytes);
void release(void* p, std::size_t bytes) noexcept;
}  // namespace column_memory

template <typename T>
struct ColumnAllocator {
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "column_memory hands out blocks of that alignment");
    using value_type = T;
    ColumnAllocator() = default;
    template <typename U>
    ColumnAllocator(const ColumnAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(column_memory::allocate(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { column_memory::release(p, n * sizeof(T)); }
    template <typename U>
    bool operator==(const ColumnAllocator<U>&) const noexcept { return true; }
};

template <typename T>
using Column = std::vector<T, ColumnAllocator<T>>;

}  // namespace hhu
