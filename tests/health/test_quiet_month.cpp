// The quiet months sixteen residents at a time (sim/health/quiet_month.hpp, HealthModel::run_block): each helper against
// the scalar arithmetic it stands for, and whole runs with the bulk pass against every resident's month one by one,
// compared after every step (every counter of every year) and at every new year (every column, bit for bit).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>

#include "../support.hpp"
#include "sim/health/quiet_month.hpp"

using namespace hhu;

#if defined(__SSE2__)
TEST_CASE("quiet month: a birthday is months lived a multiple of 12, for every months lived 0 to 32,767") {
    const int step = 240;
    std::array<std::int16_t, 16> birth{};
    int wrong = 0;
    for (int first = 0; first < 32768; first += 16) {
        for (int j = 0; j < 16; ++j) birth[j] = static_cast<std::int16_t>(step - std::min(first + j, 32767));
        const unsigned bits = quiet_month::no_birthday16(birth.data(), step);
        for (int j = 0; j < 16; ++j) {
            const int months = step - birth[j];
            if (((bits >> j) & 1u) != (months % 12 != 0 ? 1u : 0u)) ++wrong;
        }
    }
    CHECK(wrong == 0);
}

TEST_CASE("quiet month: one is added to the bytes whose bits are set, and only to them") {
    std::mt19937 gen(5);
    for (int round = 0; round < 200; ++round) {
        std::array<std::uint8_t, 16> bytes{}, expected{};
        for (int j = 0; j < 16; ++j) bytes[j] = expected[j] = static_cast<std::uint8_t>(gen() % 13);
        const unsigned bits = gen() & 0xffffu;
        for (int j = 0; j < 16; ++j) expected[j] = static_cast<std::uint8_t>(expected[j] + ((bits >> j) & 1u));
        quiet_month::add_one16(bytes.data(), bits);
        CHECK(bytes == expected);
    }
}

TEST_CASE("quiet month: the words without any of some bits among sixteen, a bit in either half counting") {
    std::mt19937_64 gen(7);
    const std::array<std::uint64_t, 6> kinds = {0, 1, 6, std::uint64_t{1} << 32, std::uint64_t{1} << 63, 0xffffffffffffffffu};
    for (int round = 0; round < 1000; ++round) {
        const std::uint64_t bits = round % 2 == 0 ? ~std::uint64_t{0} : kinds[gen() % kinds.size()] | (gen() & 0x300000003u);
        std::array<std::uint64_t, 16> words{};
        unsigned expected = 0;
        for (unsigned j = 0; j < 16; ++j) {
            words[j] = round < 6 ? kinds[static_cast<std::size_t>(round)] : kinds[gen() % kinds.size()];
            expected |= ((words[j] & bits) == 0 ? 1u : 0u) << j;
        }
        CHECK(quiet_month::no_bits16(words.data(), bits) == expected);
    }
}

TEST_CASE("quiet month: the clocks of four residents, committed only for those wanted and none of whose clocks runs out") {
    std::mt19937 gen(7);
    std::uniform_real_distribution<float> budget_of(0.0f, 0.02f), hazard_of(0.0f, 0.01f);
    for (int round = 0; round < 2000; ++round) {
        std::array<std::array<float, kHealthClocks>, 4> budget{}, hazard{};
        for (auto& b : budget)
            for (float& x : b) x = budget_of(gen);
        for (auto& h : hazard)
            for (float& x : h) x = hazard_of(gen);
        if (round % 3 == 0) hazard[round % 4][round % kHealthClocks] = budget[round % 4][round % kHealthClocks];  // left 0
        const unsigned wanted = static_cast<unsigned>(gen() & 15u);
        auto expected = budget;
        unsigned expected_quiet = 0;
        for (unsigned j = 0; j < 4; ++j) {
            std::array<float, kHealthClocks> left{};
            bool runs_out = false;
            for (int c = 0; c < kHealthClocks; ++c) {
                left[c] = budget[j][c] - hazard[j][c];
                runs_out |= left[c] <= 0.0f;
            }
            if (((wanted >> j) & 1u) && !runs_out) {
                expected[j] = left;
                expected_quiet |= 1u << j;
            }
        }
        const unsigned quiet = quiet_month::commit_clocks4(budget.data(), hazard.data(), wanted);
        CHECK(quiet == expected_quiet);
        CHECK(budget == expected);
    }
}
#endif

namespace {

RunOptions options(bool bulk, bool whole_years, bool live_counters) {
    RunOptions o;
    o.scale = 0.02;
    o.seed = 23;
    o.threads = 2;
    o.whole_years = whole_years;
    o.live_counters = live_counters;
    o.bulk_quiet_months = bulk;
    return o;
}

// Steps `scenario` with the quiet months one by one and in bulk side by side, comparing as it goes. With live counters
// every month flushes the accruals (after the month, in bulk: HealthModel::run_block).
void check_bulk_as_one_by_one(const Scenario& scenario, bool whole_years, bool live_counters = false) {
    const auto& data = test::project_data();
    Simulation one_by_one(data, scenario, options(false, whole_years, live_counters));
    Simulation bulk(data, scenario, options(true, whole_years, live_counters));
    CHECK(test::check_side_by_side(one_by_one, bulk) == scenario.end_year - kFirstYear + 1);
}

}  // namespace

TEST_CASE("quiet month: the baseline in bulk as one by one, in whole years and a month at a time") {
    const Scenario s = test::baseline({"end_year=2023"});
    check_bulk_as_one_by_one(s, true);
    check_bulk_as_one_by_one(s, false);
    check_bulk_as_one_by_one(s, false, true);  // a viewer's live counters: every month's accruals flushed
}

TEST_CASE("quiet month: a scenario with programmes and its twin in bulk as one by one") {
    // Participants (programmes running) are never quiet; the twin runs in bulk too. The agenda's programmes (which
    // start in 2025) from 2021, so that there are participants.
    Scenario s = with_overrides(load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"),
                                {"end_year=2022"});
    for (auto& programme : s.interventions) programme.start_year = 2021;
    check_bulk_as_one_by_one(s, true);
    // A month at a time with live counters: January's participants and every month's flush after the month.
    check_bulk_as_one_by_one(s, false, true);
}
