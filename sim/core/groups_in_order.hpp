#pragma once
// Residents grouped by a small number, each group in resident order, and sums over each group in that order: the same
// additions as one serial pass over the residents adding each into its group's sum, so the same bits, at any thread
// count. The mutual adjustment of the relative risks (sim/health/mutual_rr.cpp) sums the same groups in each of its
// rounds; grouping the residents serially for each exposure, and sums each waiting on its last addition before the
// next, made it 0.38 s of a full run's 7.4 s on 2 threads (docs/performance.md). The migration alignment's residents
// by zone, sex and age and their mortality multipliers' sums (Simulation::age_histogram) are counted the same way.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include "sim/core/column.hpp"

namespace hhu {

struct GroupsInOrder {
    std::vector<std::size_t> start;  // group j's entries are entries[start[j], start[j + 1])
    Column<std::uint32_t> entries;   // each group's residents in increasing order (a caller may recode them in place)
    std::vector<std::size_t> at;     // the grouping's scratch: each chunk's count of each group, then its offsets
    std::size_t size(std::size_t j) const { return start[j + 1] - start[j]; }
    std::size_t groups() const { return start.size() - 1; }
};

namespace groups_detail {
constexpr std::size_t kChunk = std::size_t{1} << 16;
// body(count, begin, end) for each chunk of residents, on the caller's threads; count is the chunk's row of `at`.
template <typename Body>
void each_chunk(std::size_t n, std::size_t groups, std::vector<std::size_t>& at, Body&& body) {
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t c = r.begin(); c != r.end(); ++c)
            body(at.data() + c * groups, c * kChunk, std::min(n, (c + 1) * kChunk));
    });
}
// Each chunk's count of each group, into at[chunk][group].
template <typename GroupOf>
void chunk_counts(std::size_t n, std::size_t groups, GroupOf& group_of, std::vector<std::size_t>& at) {
    at.assign(((n + kChunk - 1) / kChunk) * groups, 0);
    each_chunk(n, groups, at, [&](std::size_t* count, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            if (const auto g = static_cast<std::size_t>(group_of(i)); g < groups) ++count[g];
    });
}
}  // namespace groups_detail

// The number of residents [0, n) in each group of [0, groups) (group_of(i) >= groups: left out), counted on the
// caller's threads (each thread's own counts, added: integers, the same in any order): group_in_order's sizes
// without the entries.
template <typename GroupOf>
std::vector<std::size_t> group_sizes(std::size_t n, std::size_t groups, GroupOf&& group_of) {
    tbb::combinable<std::vector<std::size_t>> counts([groups] { return std::vector<std::size_t>(groups, 0); });
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, groups_detail::kChunk), [&](const tbb::blocked_range<std::size_t>& r) {
        std::vector<std::size_t>& count = counts.local();
        for (std::size_t i = r.begin(); i != r.end(); ++i)
            if (const auto g = static_cast<std::size_t>(group_of(i)); g < groups) ++count[g];
    });
    std::vector<std::size_t> size(groups, 0);
    counts.combine_each([&](const std::vector<std::size_t>& count) {
        for (std::size_t g = 0; g < groups; ++g) size[g] += count[g];
    });
    return size;
}

// Residents [0, n) by group_of(i) in [0, groups); a resident with group_of(i) >= groups is left out. A stable counting
// sort in parallel over chunks of residents: each chunk's counts, then each chunk's residents written at its offsets.
// group_of is called twice per resident and must give the same group both times; n is below 2^32 (the entries).
// Into `out`, whose entries' memory is kept for the next call (a yearly grouping then faults in no fresh pages).
template <typename GroupOf>
void group_in_order(std::size_t n, std::size_t groups, GroupOf&& group_of, GroupsInOrder& out) {
    std::vector<std::size_t>& at = out.at;  // the counts, then each chunk's first offset
    groups_detail::chunk_counts(n, groups, group_of, at);
    const std::size_t chunks = at.size() / std::max<std::size_t>(groups, 1);
    out.start.assign(groups + 1, 0);
    std::size_t next = 0;
    for (std::size_t g = 0; g < groups; ++g) {
        out.start[g] = next;
        for (std::size_t c = 0; c < chunks; ++c) next += std::exchange(at[c * groups + g], next);
    }
    out.start[groups] = next;
    // Room for some growth, so that next year's slightly larger population reuses the same block.
    if (out.entries.capacity() < next) out.entries.reserve(next + next / 16);
    out.entries.resize(next);
    groups_detail::each_chunk(n, groups, at, [&](std::size_t* offset, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            if (const auto g = static_cast<std::size_t>(group_of(i)); g < groups)
                out.entries[offset[g]++] = static_cast<std::uint32_t>(i);
    });
}

template <typename GroupOf>
GroupsInOrder group_in_order(std::size_t n, std::size_t groups, GroupOf&& group_of) {
    GroupsInOrder out;
    group_in_order(n, groups, group_of, out);
    return out;
}

// For each group, S sums of value(k) (an array of S numbers) over its entries' positions k = start[j], ...,
// start[j + 1] - 1, each added in that order from 0. Four groups side by side in one task: a serial sum waits on each
// addition before the next, and 4 x S independent ones keep the core's adders busy. The groups are taken by size, so
// that the four of a task are of similar length (what one has beyond the shortest is summed alone); the tasks run on
// the caller's threads.
template <std::size_t S, typename Value>
std::vector<std::array<double, S>> sum_each_group_in_order(const GroupsInOrder& g, Value&& value) {
    constexpr std::size_t kSide = 4;
    const std::size_t groups = g.groups();
    std::vector<std::size_t> by_size(groups);
    std::iota(by_size.begin(), by_size.end(), std::size_t{0});
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](std::size_t a, std::size_t b) { return g.size(a) > g.size(b); });
    std::vector<std::array<double, S>> sums(groups);
    const std::size_t tasks = (groups + kSide - 1) / kSide;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, tasks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t t = r.begin(); t != r.end(); ++t) {
            const std::size_t used = std::min(kSide, groups - t * kSide);
            std::array<std::size_t, kSide> which{}, first{}, length{};  // a task short of four: length 0
            for (std::size_t q = 0; q < used; ++q) {
                which[q] = by_size[t * kSide + q];
                first[q] = g.start[which[q]];
                length[q] = g.size(which[q]);
            }
            const std::size_t common = *std::min_element(length.begin(), length.end());
            std::array<std::array<double, S>, kSide> s{};
            auto add = [&](std::size_t q, std::size_t k) {
                const std::array<double, S> v = value(first[q] + k);
                for (std::size_t l = 0; l < S; ++l) s[q][l] += v[l];
            };
            for (std::size_t k = 0; k < common; ++k) {
                add(0, k);
                add(1, k);
                add(2, k);
                add(3, k);
            }
            for (std::size_t q = 0; q < used; ++q) {
                for (std::size_t k = common; k < length[q]; ++k) add(q, k);
                sums[which[q]] = s[q];
            }
        }
    });
    return sums;
}

}  // namespace hhu
