#include "sim/population/population.hpp"

#include <tbb/task_group.h>

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
    const std::size_t n = size();
    const std::vector<std::uint8_t> keep(status);
    // Each column on its own task (the columns are independent; the result does not depend on threads).
    tbb::task_group tasks;
    for_each_column(*this, [&](auto& c) {
        tasks.run([&keep, &c, n] {
            std::size_t out = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (keep[i] == static_cast<std::uint8_t>(Status::Present)) c[out++] = c[i];
            c.resize(out);
        });
    });
    tasks.wait();
}

std::size_t Population::bytes_per_resident() const {
    return sizeof(std::uint32_t) + sizeof(std::int16_t) + 7 * sizeof(std::uint8_t) + 4 * sizeof(float) +
           (health.enabled ? HealthState::bytes_per_resident() : 0);
}

}  // namespace hhu
