#include "sim/population/population.hpp"

#include "sim/core/state_archive.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace hhu {

namespace {
// Calls f with each column of the populations p..., the same column of each side by side (one population: its
// columns; two: a column and its counterpart). The first population says which columns exist.
template <typename F, typename First, typename... Rest>
void for_each_column(F&& f, First& p, Rest&... q) {
    f(p.id, q.id...);
    f(p.birth_step, q.birth_step...);
    f(p.sex, q.sex...);
    f(p.zone, q.zone...);
    f(p.education, q.education...);
    f(p.household, q.household...);
    f(p.status, q.status...);
    f(p.death_budget, q.death_budget...);
    f(p.move_budget, q.move_budget...);
    f(p.birth_budget, q.birth_budget...);
    f(p.mortality_rr, q.mortality_rr...);
    f(p.pregnancy, q.pregnancy...);
    f(p.parity, q.parity...);
    HealthState::for_each_column_of(f, p.health, q.health...);
    if (!p.interventions) return;
    for (std::size_t k = 0; k < p.enrolment.size(); ++k) f(p.enrolment[k], q.enrolment[k]...);
    for (std::size_t k = 0; k < p.offer_month.size(); ++k) f(p.offer_month[k], q.offer_month[k]...);
    f(p.offer_drawn, q.offer_drawn...);
    f(p.offer_wake, q.offer_wake...);
    f(p.engine_wake, q.engine_wake...);
    f(p.standing_offers, q.standing_offers...);
    f(p.in_intervention, q.in_intervention...);
}
}  // namespace

bool same_columns(const Population& a, const Population& b) {
    return a.health.enabled == b.health.enabled && a.interventions == b.interventions &&
           a.enrolment.size() == b.enrolment.size();
}

void Population::set_interventions(std::size_t count) {
    interventions = true;
    enrolment.assign(count, Column<std::int16_t>(size(), kNotEnrolled));
    offer_month.assign(count, Column<std::int16_t>(size(), kOfferUndrawn));
    offer_drawn.assign(size(), 0);
    offer_wake.assign(size(), kNoOfferWake);
    engine_wake.assign(size(), 0);
    standing_offers.assign(size(), 0);
    // Each resident's standing offers are computed when first seen: marked stale (the residents' own marks may be
    // gone, or never made: a population read from a saved state).
    for (std::size_t i = 0; i < size(); ++i) health.invalidate_offers(i);
    in_intervention.assign(size(), 0);
    reserve(id.capacity());  // the room synthesis reserved, so that these columns too are never moved as it grows
}

void Population::reserve(std::size_t n) {
    for_each_column([n](auto& c) { c.reserve(n); }, *this);
    // The room's pages faulted in now, the columns side by side on the caller's threads (or every core's, outside a
    // run's arena: it changes no value): as the population grows into them, its serial months of newborns and arrivals
    // waited on the kernel's faults one page after another (some 0.3 s of a full run on this project's virtual
    // machines: docs/performance.md). The room is then resident from the start (it is the run's largest population
    // and a year's arrivals: synthesis' reserve). MADV_POPULATE_WRITE (Linux 5.14) faults a range in without writing
    // to it; where it is missing or refused, the pages fault in as they are used.
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    const long page_size = sysconf(_SC_PAGESIZE);
    if (page_size <= 0) return;
    const auto page = static_cast<std::uintptr_t>(page_size);
    std::vector<std::pair<std::uintptr_t, std::uintptr_t>> room;  // [begin, end) of each column's unused room
    for_each_column([&](const auto& c) {
        using T = typename std::decay_t<decltype(c)>::value_type;
        if (c.capacity() == c.size()) return;
        // Whole pages within [data + size, data + capacity).
        const auto begin = (reinterpret_cast<std::uintptr_t>(c.data() + c.size()) + page - 1) / page * page;
        const auto end = (reinterpret_cast<std::uintptr_t>(c.data()) + c.capacity() * sizeof(T)) / page * page;
        if (end > begin) room.emplace_back(begin, end);
    }, *this);
    tbb::parallel_for(std::size_t{0}, room.size(), [&](std::size_t k) {
        (void)madvise(reinterpret_cast<void*>(room[k].first), room[k].second - room[k].first, MADV_POPULATE_WRITE);
    });
#endif
}

void Population::append(const Population& from, std::size_t begin, std::size_t end) {
    if (!same_columns(*this, from))
        throw std::logic_error("Population::append: the populations have different columns");
    const std::size_t at = size();
    resize(at + (end - begin));
    for_each_column(
        [&](auto& to, const auto& column) {
            std::copy(column.begin() + static_cast<std::ptrdiff_t>(begin), column.begin() + static_cast<std::ptrdiff_t>(end),
                      to.begin() + static_cast<std::ptrdiff_t>(at));
        },
        *this, from);
}

bool same_residents(const Population& a, const Population& b) {
    if (a.size() != b.size() || a.next_id != b.next_id || !same_columns(a, b)) return false;
    bool same = true;
    for_each_column(
        [&](const auto& x, const auto& y) {
            same = same && x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(x[0])) == 0);
        },
        a, b);
    return same;
}

void Population::resize(std::size_t n) {
    for_each_column([n](auto& c) { c.resize(n); }, *this);
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
    for_each_column([&](auto& column) {
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
    }, *this);
    columns.wait();
}

void Population::save_state(StateWriter& w) const {
    if (interventions) throw std::logic_error("Population::save_state: a population with a scenario's programmes");
    w(health.enabled);
    w(next_id);
    w(static_cast<std::uint64_t>(id.capacity()));
    for_each_column([&](const auto& column) { w(column); }, *this);
}

void Population::load_state(StateReader& r) {
    if (interventions || size() != 0) throw std::logic_error("Population::load_state: into a population not empty");
    bool with_health = false;
    r(with_health);
    if (with_health != health.enabled)
        r.fail(with_health ? "a population with the health model's columns, for a run without it"
                           : "a population without the health model's columns, for a run with it");
    r(next_id);
    std::uint64_t room = 0;
    r(room);
    // A resident's columns take 33 bytes or more (the demographic ones alone); the room is at most a third more than the
    // residents.
    if (room > r.left() / 16) r.fail("room for more residents than the state has bytes");
    reserve(static_cast<std::size_t>(room));  // the room synthesis reserved for the run's largest population
    for_each_column([&](auto& column) { r(column); }, *this);
    for_each_column([&](const auto& column) {
        if (column.size() != size()) r.fail("columns of different lengths");
    }, *this);
}

}  // namespace hhu
