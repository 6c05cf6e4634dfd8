#include "sim/population/population.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

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
    if (!p.interventions) return;
    for (auto& column : p.enrolment) f(column);
    for (auto& column : p.offer_month) f(column);
    f(p.offer_drawn);
    f(p.offer_wake);
    f(p.engine_wake);
    f(p.offer_mask);
    f(p.in_intervention);
}
}  // namespace

void Population::set_interventions(std::size_t count) {
    interventions = true;
    enrolment.assign(count, Column<std::int16_t>(size(), kNotEnrolled));
    offer_month.assign(count, Column<std::int16_t>(size(), kOfferUndrawn));
    offer_drawn.assign(size(), 0);
    offer_wake.assign(size(), kNoOfferWake);
    engine_wake.assign(size(), 0);
    offer_mask.assign(size(), 0);
    in_intervention.assign(size(), 0);
    reserve(id.capacity());  // the room synthesis reserved, so that these columns too are never moved as it grows
}

void Population::reserve(std::size_t n) {
    for_each_column(*this, [n](auto& c) { c.reserve(n); });
}

void Population::resize(std::size_t n) {
    for_each_column(*this, [n](auto& c) { c.resize(n); });
}

void Population::compact() {
    // The runs of survivors found in parallel over chunks of residents; then each column compacted in place, the
    // columns in parallel: a survivor only ever moves to a lower index, so one forward pass over the runs in order
    // is safe, and no column is allocated, zero-filled and paged in anew each year (that was most of the time of a
    // compaction). The survivors keep their order, whatever the threads; the capacity stays, so that the year's
    // newborns and arrivals append without reallocating.
    constexpr std::size_t kChunk = std::size_t{1} << 16;
    constexpr auto kPresent = static_cast<std::uint8_t>(Status::Present);
    const std::size_t n = size();
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> runs(chunks);  // [begin, end) of survivors
    std::vector<std::size_t> kept(chunks, 0);
    tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
        const std::size_t end = std::min(n, (c + 1) * kChunk);
        for (std::size_t i = c * kChunk; i < end;) {
            while (i < end && status[i] != kPresent) ++i;
            const std::size_t begin = i;
            while (i < end && status[i] == kPresent) ++i;
            if (i > begin) {
                runs[c].emplace_back(begin, i);
                kept[c] += i - begin;
            }
        }
    });
    std::size_t survivors = 0;
    for (const std::size_t k : kept) survivors += k;
    if (survivors == n) return;
    tbb::task_group columns;
    for_each_column(*this, [&](auto& column) {
        columns.run([&column, &runs, survivors] {
            auto to = column.begin();
            for (const auto& chunk : runs)
                for (const auto& [begin, end] : chunk) {
                    const auto from = column.begin() + static_cast<std::ptrdiff_t>(begin);
                    // Forward copies to a lower or the same place: well defined for overlapping ranges.
                    to = from == to ? to + static_cast<std::ptrdiff_t>(end - begin)
                                    : std::copy(from, column.begin() + static_cast<std::ptrdiff_t>(end), to);
                }
            column.resize(survivors);
        });
    });
    columns.wait();
}

}  // namespace hhu
