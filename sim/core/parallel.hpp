#pragma once
// A loop over residents in parallel, on the threads of the caller's task arena. Only for work whose every resident is
// independent of the others (their own columns, their own keyed draws): the results are then the same at any thread
// count. Sums over residents stay serial, in resident order (floating-point addition is not associative).
#include <cstddef>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace hhu {

inline constexpr std::size_t kResidentGrain = 4096;  // residents per task: a task's overhead is a few microseconds

template <typename F>
void for_each_resident(std::size_t n, F&& f) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kResidentGrain), [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) f(i);
    });
}

}  // namespace hhu
