#include "sim/core/column.hpp"

#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace hhu::column_memory {

// Blocks of at least one huge page: aligned to it and rounded up to whole ones (the last page's tail unused), with
// the advice to back them with huge pages. Smaller blocks (a tiny run's columns) are operator new's.
// Under AddressSanitizer every block is operator new's: a huge page's rounding would leave the tail of a large column
// addressable, and an overflow into it unseen.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kHugeBlocks = false;
#else
inline constexpr bool kHugeBlocks = true;
#endif

void* allocate(std::size_t bytes) {
    if (!kHugeBlocks || bytes < kHugePage) return ::operator new(bytes);
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // advice only: where refused, ordinary pages
#endif
    return p;
}

void release(void* p, std::size_t bytes) noexcept {
    if (!kHugeBlocks || bytes < kHugePage) {
        ::operator delete(p);
        return;
    }
    std::free(p);
}

}  // namespace hhu::column_memory
