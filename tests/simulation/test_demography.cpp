// Properties of the demography that must hold whatever the data: accounting, limits, determinism.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "../support.hpp"

using namespace hhu;
using hhu::test::baseline;
using hhu::test::project_data;
using hhu::test::run_to_end;

namespace {
RunOptions small(double scale = 0.03, int threads = 2) {
    RunOptions o;
    o.scale = scale;
    o.threads = threads;
    o.seed = 42;
    return o;
}
}  // namespace

TEST_CASE("population accounting holds exactly for every zone and aggregate, every year") {
    const auto& data = project_data();
    Simulation sim(data, baseline({"end_year=2026"}), small());
    run_to_end(sim);
    const Indicators ind(data, sim.results());
    for (int u = 0; u < static_cast<int>(ind.units().size()); ++u) {
        for (int y = 2021; y <= 2026; ++y) {
            const double next = y < 2026 ? ind.count(y + 1, u, Counter::Population) : ind.end_population(u);
            const double now = ind.count(y, u, Counter::Population);
            const double flows = ind.count(y, u, Counter::Births) - ind.count(y, u, Counter::Deaths) +
                                 ind.count(y, u, Counter::Immigration) - ind.count(y, u, Counter::Emigration);
            INFO(ind.units()[u].code << " " << y);
            CHECK(next == doctest::Approx(now + flows).epsilon(1e-12));
        }
    }
}

TEST_CASE("accounting holds at every single step, not only per year") {
    const auto& data = project_data();
    RunOptions o = small(0.02);
    o.live_counters = true;  // the year's counters up to date after every month
    Simulation sim(data, baseline({"end_year=2021"}), o);
    auto present = [&] {
        std::int64_t n = 0;
        for (auto s : sim.population().status) n += s == static_cast<std::uint8_t>(Status::Present);
        return n;
    };
    auto events = [&](Counter c) {
        std::int64_t n = 0;
        const auto& y = sim.results().years[0];
        for (int z = 0; z < data.num_zones(); ++z)
            for (int cell = 0; cell < kCellsPerZone; ++cell) n += y.count(c, z, cell);
        return n;
    };
    sim.step();  // the first step counts the 1 January population
    const std::int64_t start = events(Counter::Population);
    while (!sim.finished()) {
        sim.step();
        if (sim.finished()) break;
        const std::int64_t expected = start + events(Counter::Births) - events(Counter::Deaths) +
                                      events(Counter::Immigration) - events(Counter::Emigration);
        REQUIRE(present() == expected);
    }
}

TEST_CASE("merging the threads' counters every month or once a year gives the same results") {
    RunOptions live = small(0.02);
    live.live_counters = true;
    Simulation a(project_data(), baseline({"end_year=2022"}), live);
    Simulation b(project_data(), baseline({"end_year=2022"}), small(0.02));
    run_to_end(a);
    run_to_end(b);
    CHECK(yearly_csv(Indicators(a.data(), a.results())) == yearly_csv(Indicators(b.data(), b.results())));
}

TEST_CASE("zero mortality gives no deaths and zero fertility gives no births") {
    const auto& data = project_data();
    Simulation sim(data, baseline({"end_year=2023", "demography.mortality_scale=0", "demography.fertility_scale=0"}),
                   small(0.02));
    run_to_end(sim);
    const Indicators ind(data, sim.results());
    const int province = static_cast<int>(ind.units().size()) - 1;
    for (int y = 2021; y <= 2023; ++y) {
        CHECK(ind.count(y, province, Counter::Deaths) == 0);
        CHECK(ind.count(y, province, Counter::Births) == 0);
        CHECK(ind.count(y, province, Counter::Immigration) > 0);
    }
}

TEST_CASE("ages never decrease and ids are never reused") {
    const auto& data = project_data();
    Simulation sim(data, baseline({"end_year=2022"}), small(0.01));
    // Every id ever seen, with the resident's age in months then: an id reused would come back younger.
    std::map<ResidentId, int> age_months;
    const ResidentId newborn_bit = ResidentId{1} << 55;
    ResidentId max_numbered = 0;  // the largest id of a resident of 1 January 2021 or an arrival seen so far
    std::size_t newborns = 0;
    while (!sim.finished()) {
        sim.step();
        const auto& p = sim.population();
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (p.status[i] != static_cast<std::uint8_t>(Status::Present)) continue;
            const int age = sim.current_step() - p.birth_step[i];
            auto [it, fresh] = age_months.emplace(p.id[i], age);
            if (fresh) {
                // Arrivals are numbered on after everyone before them; newborns carry the newborn bit, and enter at 0.
                if ((p.id[i] & newborn_bit) != 0) {
                    REQUIRE(age == 1);
                    ++newborns;
                } else {
                    REQUIRE((p.id[i] > max_numbered || sim.current_step() == 1));
                }
            } else {
                REQUIRE(age > it->second);
                it->second = age;
            }
        }
        for (auto id : p.id)
            if ((id & newborn_bit) == 0) max_numbered = std::max(max_numbered, id);
    }
    CHECK(newborns > 0);
}

TEST_CASE("a newborn's id comes from its mother and month: distinct, with the newborn bit, below 2^56") {
    std::set<ResidentId> seen;
    for (ResidentId mother : {ResidentId{0}, ResidentId{1}, ResidentId{123456}, newborn_id(7, 3)})
        for (int step = 0; step < 240; ++step) {
            const ResidentId id = newborn_id(mother, step);
            CHECK((id >> 55) == 1u);
            CHECK(seen.insert(id).second);
        }
    CHECK(newborn_id(42, 17) == newborn_id(42, 17));
}

TEST_CASE("the same seed gives byte-identical yearly tables at 1, 2 and 4 threads") {
    const auto& data = project_data();
    const Scenario s = baseline({"end_year=2024"});
    std::string reference;
    for (int threads : {1, 2, 4}) {
        Simulation sim(data, s, small(0.05, threads));
        run_to_end(sim);
        const std::string csv = yearly_csv(Indicators(data, sim.results()));
        if (reference.empty())
            reference = csv;
        else
            CHECK_MESSAGE(csv == reference, "threads=" << threads);
    }
    Simulation other(data, s, [] { auto o = small(0.05, 2); o.seed = 43; return o; }());
    run_to_end(other);
    CHECK(yearly_csv(Indicators(data, other.results())) != reference);
}

TEST_CASE("a sample is weighted back to the full population") {
    const auto& data = project_data();
    Simulation full(data, baseline({"end_year=2021"}), small(1.0));
    Simulation sample(data, baseline({"end_year=2021"}), small(0.1));
    full.step();
    sample.step();
    const Indicators a(data, full.results()), b(data, sample.results());
    const int province = static_cast<int>(a.units().size()) - 1;
    std::int64_t table = 0;
    for (const auto& zone : data.population_2021)
        for (const auto& sex : zone)
            for (auto n : sex) table += n;
    CHECK(a.count(2021, province, Counter::Population) == static_cast<double>(table));
    CHECK(b.count(2021, province, Counter::Population) == doctest::Approx(static_cast<double>(table)).epsilon(0.003));
}
