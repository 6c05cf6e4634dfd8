#include "sim/population/population.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <type_traits>
#include <utility>

namespace hhu {

namespace {
template <typename F>
void for_each_column(Population& p, F&& f) {
    f(p.id);
    f(p.birth_step);
    f(p.sex);
    f(p.zone);
    f(p.education);
    f(p.household);
    f(p.status);
    f(p.death_budget);
    f(p.move_budget);
    f(p.birth_budget);
    f(p.mortality_rr);
    f(p.pregnancy);
    f(p.parity);
    p.health.for_each_column(f);
    for (auto& column : p.enrolment) f(column);
    f(p.in_intervention);
}
}  // namespace

void Population::reserve(std::size_t n) {
    for_each_column(*this, [n](auto& c) { c.reserve(n); });
}

void Population::resize(std::size_t n) {
    for_each_column(*this, [n](auto& c) { c.resize(n); });
}

void Population::compact() {
    // A parallel prefix sum over chunks of residents: each chunk lists its runs of survivors, an exclusive sum of the
    // chunks' survivors says where each chunk's go, and each column is copied run by run, the chunks in parallel, into
    // a new column of the old capacity (so that the year's newborns and arrivals append without reallocating, as
    // before). The survivors keep their order, whatever the threads.
    constexpr std::size_t kChunk = std::size_t{1} << 16;
    constexpr auto kPresent = static_cast<std::uint8_t>(Status::Present);
    const std::size_t n = size();
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> runs(chunks);  // [begin, end) of survivors
    std::vector<std::size_t> first(chunks + 1, 0);
    tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
        const std::size_t end = std::min(n, (c + 1) * kChunk);
        std::size_t kept = 0;
        for (std::size_t i = c * kChunk; i < end;) {
            while (i < end && status[i] != kPresent) ++i;
            const std::size_t begin = i;
            while (i < end && status[i] == kPresent) ++i;
            if (i > begin) {
                runs[c].emplace_back(begin, i);
                kept += i - begin;
            }
        }
        first[c + 1] = kept;
    });
    for (std::size_t c = 0; c < chunks; ++c) first[c + 1] += first[c];
    if (first[chunks] == n) return;
    for_each_column(*this, [&](auto& column) {
        std::remove_reference_t<decltype(column)> out;
        out.reserve(column.capacity());
        out.resize(first[chunks]);
        tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
            auto to = out.begin() + static_cast<std::ptrdiff_t>(first[c]);
            for (const auto& [begin, end] : runs[c])
                to = std::copy(column.begin() + static_cast<std::ptrdiff_t>(begin),
                               column.begin() + static_cast<std::ptrdiff_t>(end), to);
        });
        column.swap(out);
    });
}

std::size_t Population::bytes_per_resident() const {
    return sizeof(std::uint32_t) + sizeof(std::int16_t) + 7 * sizeof(std::uint8_t) + 4 * sizeof(float) +
           (health.enabled ? HealthState::bytes_per_resident() : 0);
}

}  // namespace hhu
