#pragma once
// A std::allocator-shaped adapter over a pair of functions that hand out and take back blocks of bytes: the allocators
// of the residents' columns (sim/core/column.hpp) and of the counters (sim/output/counter_memory.hpp).
#include <cstddef>

namespace hhu {

template <typename T, void* (*Allocate)(std::size_t), void (*Release)(void*, std::size_t) noexcept>
struct FunctionAllocator {
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "the functions hand out blocks of new's alignment");
    using value_type = T;
    template <typename U>
    struct rebind {
        using other = FunctionAllocator<U, Allocate, Release>;
    };
    FunctionAllocator() = default;
    template <typename U>
    FunctionAllocator(const FunctionAllocator<U, Allocate, Release>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(Allocate(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { Release(p, n * sizeof(T)); }
    template <typename U>
    bool operator==(const FunctionAllocator<U, Allocate, Release>&) const noexcept { return true; }
};

}  // namespace hhu
