#pragma once
// A loop over residents in parallel, on the threads of the caller's task arena. Only for work whose every resident is
// independent of the others (their own columns, their own keyed draws): the results are then the same at any thread
// count. Sums over residents stay serial, in resident order (floating-point addition is not associative).
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include <cstdint>
#include <functional>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

namespace hhu {

inline constexpr std::size_t kResidentGrain = 4096;  // residents per task: a task's overhead is a few microseconds

template <typename F>
void for_each_resident(std::size_t begin, std::size_t end, F&& f) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(begin, end, kResidentGrain), [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) f(i);
    });
}

template <typename F>
void for_each_resident(std::size_t n, F&& f) {
    for_each_resident(0, n, std::forward<F>(f));
}

// The residents i in [0, n) for which pred(i) holds, counted in parallel: a count of integers, the same in any order.
template <typename Pred>
std::int64_t count_residents_if(std::size_t n, Pred&& pred) {
    return tbb::parallel_reduce(
        tbb::blocked_range<std::size_t>(0, n, kResidentGrain), std::int64_t{0},
        [&](const tbb::blocked_range<std::size_t>& r, std::int64_t count) {
            for (std::size_t i = r.begin(); i != r.end(); ++i) count += pred(i) ? 1 : 0;
            return count;
        },
        std::plus<>());
}

// Values computed for every resident in parallel (map(i) -> T), then handed to `reduce(i, value)` serially in
// resident order, a chunk at a time (a chunk's values in memory, not the whole population's): a sum in `reduce` is
// the same as in a serial loop, at any thread count.
template <typename T, typename Map, typename Reduce>
void map_then_reduce_in_order(std::size_t n, Map&& map, Reduce&& reduce) {
    constexpr std::size_t kChunk = std::size_t{1} << 16;
    std::vector<T> values(std::min(n, kChunk));
    for (std::size_t first = 0; first < n; first += kChunk) {
        const std::size_t last = std::min(n, first + kChunk);
        for_each_resident(first, last, [&](std::size_t i) { values[i - first] = map(i); });
        for (std::size_t i = first; i < last; ++i) reduce(i, values[i - first]);
    }
}

}  // namespace hhu
