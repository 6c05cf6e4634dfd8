// A run started from a policy-free run's state of 1 January (RunOptions::start_from) against the same run from the
// start, stepped side by side from that January: after every month the same results (every counter of every year,
// the years before the state's included, and every member of the labour market's years), at every new year the same
// residents, every column bit for bit. The baseline restarted from its own state (and its state a year later the same
// bytes as the run's from 2021), and the agenda (13 programmes: health, care, attributes, pregnancies, a zone's
// environment, the labour market's levers, all from 2025) from its baseline's state of 2025 on another thread count,
// and from 2024's a month at a time with live counters (the viewer's watched run) to 2028 (the levers' lags act).
// Through a file, the same bytes; a state of another province, of another build, of a year after a programme starts or
// after the run's end, cut short, damaged or saved where it cannot be, refused with what is wrong.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "../support.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/io/atomic_dir.hpp"
#include "sim/output/run_output.hpp"
#include "sim/simulation/saved_state.hpp"

using namespace hhu;

namespace {

RunOptions options(int threads, std::shared_ptr<const MigrationPlan> plan = nullptr,
                   std::shared_ptr<const SavedState> from = nullptr) {
    RunOptions o = test::side_by_side_options(threads, true, std::move(plan));
    o.start_from = std::move(from);
    return o;
}

void step_to_year(Simulation& sim, int year) {
    while (sim.current_year() < year) sim.step();
}

Scenario agenda(int end_year) {
    return with_overrides(load_scenario(std::string(HHU_SOURCE_DIR) + "/scenarios/health_hub_agenda.json"),
                          {"end_year=" + std::to_string(end_year)});
}

// A baseline to `end_year` (2 threads) and its state of 1 January `year`.
struct Baseline {
    Simulation sim;
    std::shared_ptr<const SavedState> state;
    Baseline(int end_year, int year) : sim(test::project_data(), test::baseline({"end_year=" + std::to_string(end_year)}),
                                           options(2)) {
        step_to_year(sim, year);
        state = std::make_shared<const SavedState>(sim.save_state());
        test::run_to_end(sim);
    }
};

std::string what_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("saved state: the baseline restarted from its state of 1 January 2023 lives the same years") {
    const auto& data = test::project_data();
    const Scenario s = test::baseline({"end_year=2024"});
    Simulation reference(data, s, options(2));
    step_to_year(reference, 2023);
    const auto state = std::make_shared<const SavedState>(reference.save_state());
    CHECK(state->year == 2023);
    Simulation restarted(data, s, options(1, nullptr, state));
    CHECK(restarted.current_year() == 2023);
    CHECK(restarted.first_step() == first_step_of_year(2023));
    CHECK(same_residents(reference.population(), restarted.population()));
    // A year on, every member a state lists is the same bytes in both (not only what the outputs show).
    while (reference.current_year() < 2024) {
        reference.step();
        restarted.step();
    }
    CHECK(reference.save_state().bytes() == restarted.save_state().bytes());
    CHECK(test::check_side_by_side(reference, restarted) == 1);
    // The state was saved mid-run: the run it came from went on as it would have.
    Simulation straight(data, s, options(2));
    test::run_to_end(straight);
    CHECK(same_residents(straight.population(), restarted.population()));
}

TEST_CASE("saved state: the agenda from its baseline's state of 2025 as from the start, on another thread count") {
    const auto& data = test::project_data();
    const Baseline base(2026, 2025);
    const Scenario s = agenda(2026);
    auto plan = std::make_shared<const MigrationPlan>(base.sim.migration_plan());
    Simulation reference(data, s, options(2, plan));
    step_to_year(reference, 2025);
    Simulation started(data, s, options(1, plan, base.state));
    CHECK(started.current_year() == 2025);
    CHECK(test::check_side_by_side(reference, started) == 2);
    // The programmes acted: the scenario is not its baseline.
    CHECK(test::total(started, Measure::InterventionParticipants) > 0);
    CHECK(test::total(started, Measure::InterventionParticipants) == test::total(reference, Measure::InterventionParticipants));
}

TEST_CASE("saved state: the agenda from 2024's state a month at a time with live counters, to 2028, as from the start") {
    const auto& data = test::project_data();
    const Baseline base(2028, 2024);
    const Scenario s = agenda(2028);
    auto plan = std::make_shared<const MigrationPlan>(base.sim.migration_plan());
    RunOptions watched = options(2, plan);
    watched.whole_years = false;
    watched.live_counters = true;
    Simulation reference(data, s, watched);
    step_to_year(reference, 2024);
    watched.start_from = base.state;
    Simulation started(data, s, watched);
    CHECK(started.first_step() == first_step_of_year(2024));
    CHECK(test::check_side_by_side(reference, started) == 5);
    // The labour market's levers acted (the education inflow's lag is two years): not the baseline's.
    CHECK(started.results().labour.back().inflow_education != base.sim.results().labour.back().inflow_education);
}

TEST_CASE("saved state: through its file, the same bytes, and the latest state a run may start from is found") {
    const Baseline base(2025, 2024);
    test::TempDir dir("saved_state");
    SavedState state = *base.state;
    const std::string_view file = saved_state_file(state);
    CHECK(saved_state_file_name(2024) == "state_2024.bin");
    write_file_atomic(dir.path / "state_2024.bin", file);
    const SavedState read = read_saved_state(dir.path / "state_2024.bin");
    CHECK(read.key == base.state->key);
    CHECK(read.year == 2024);
    CHECK(read.bytes() == base.state->bytes());
    CHECK(read.source == (dir.path / "state_2024.bin").string());
    const std::string head = test::read_file(dir.path / "state_2024.bin").substr(0, kStateHead);
    CHECK(head.substr(0, 40) == R"({"what":"the state of a policy-free run )");
    CHECK(head.find("\"crc32\":") != std::string::npos);
    CHECK(head.find("\"build_id\":\"" + build_id() + "\"") != std::string::npos);
    CHECK_FALSE(build_id().empty());
    CHECK(head.back() == '\n');

    // A state of 2023 too: a run whose programmes start in 2025 takes 2024's, one starting in 2023 takes 2023's.
    Simulation early(test::project_data(), test::baseline({"end_year=2025"}), options(2));
    step_to_year(early, 2023);
    SavedState state_2023 = early.save_state();
    write_file_atomic(dir.path / "state_2023.bin", saved_state_file(state_2023));
    CHECK(find_saved_state(dir.path, base.state->key, 2025).found == dir.path / "state_2024.bin");
    CHECK(find_saved_state(dir.path, base.state->key, 2023).found == dir.path / "state_2023.bin");
    StateSearch none = find_saved_state(dir.path, base.state->key, 2022);
    CHECK(none.found.empty());
    CHECK(none.other.find("may start from 1 January 2022 to 2022") != std::string::npos);
    CHECK(none.unusable.empty());
    MigrationPlanKey other = base.state->key;
    other.seed = 12;
    none = find_saved_state(dir.path, other, 2025);
    CHECK(none.found.empty());
    CHECK(none.other.find("its seed is 11, this run's is 12") != std::string::npos);

    // Cut short: refused, naming the file; passed over by the search, with why (and a file named for another year).
    write_file_atomic(dir.path / "state_2022.bin", file.substr(0, file.size() - 100));
    const std::string why = what_of([&] { (void)read_saved_state(dir.path / "state_2022.bin"); });
    CHECK(why.find("state_2022.bin") != std::string::npos);
    CHECK(why.find("cut short") != std::string::npos);
    write_file_atomic(dir.path / "state_2021.bin", "not a state\n");
    write_file_atomic(dir.path / "state_2020.bin", file);
    StateSearch search = find_saved_state(dir.path, base.state->key, 2025);
    CHECK(search.found == dir.path / "state_2024.bin");
    CHECK(search.unusable.find("state_2022.bin: cut short") != std::string::npos);
    CHECK(search.unusable.find("state_2020.bin: its head says 1 January 2024") != std::string::npos);
    CHECK(search.unusable.find("state_2021.bin: not a saved state") != std::string::npos);

    // Damaged: the same length, one byte changed: refused by its checksum, naming the file.
    std::string damaged(file);
    damaged[kStateHead + damaged.size() / 2] ^= 1;
    write_file_atomic(dir.path / "damaged" / "state_2024.bin", damaged);
    const std::string why_damaged = what_of([&] { (void)read_saved_state(dir.path / "damaged" / "state_2024.bin"); });
    CHECK(why_damaged.find("damaged/state_2024.bin: damaged") != std::string::npos);
    // Another build's: refused by its build id, passed over by the search.
    std::string other_build(file);
    const auto at = other_build.find(build_id());
    REQUIRE(at != std::string::npos);
    other_build[at] = other_build[at] == '0' ? '1' : '0';
    write_file_atomic(dir.path / "other" / "state_2024.bin", other_build);
    CHECK(what_of([&] { (void)read_saved_state(dir.path / "other" / "state_2024.bin"); }).find("another build of hhu") !=
          std::string::npos);
    search = find_saved_state(dir.path / "other", base.state->key, 2025);
    CHECK(search.found.empty());
    CHECK(search.unusable.find("another build of hhu") != std::string::npos);
}

TEST_CASE("saved state: refused where it cannot serve, with what is wrong") {
    const auto& data = test::project_data();
    const Baseline base(2026, 2025);
    auto plan = std::make_shared<const MigrationPlan>(base.sim.migration_plan());

    // Another seed: another province.
    RunOptions o = options(2, nullptr, base.state);
    o.seed = 12;
    CHECK(what_of([&] { Simulation(data, test::baseline({"end_year=2026"}), o); }).find("its seed is 11") !=
          std::string::npos);
    // A programme starting before the state's year.
    const Scenario early = with_overrides(agenda(2026), {"interventions.0.when.start_year=2024"});
    CHECK(what_of([&] { Simulation(data, early, options(2, plan, base.state)); })
              .find("after the start of scenario") != std::string::npos);
    // A run ending before the state's year (the agenda to 2024: its latest state is of 2024).
    CHECK(Simulation::latest_state_year(agenda(2024)) == 2024);
    CHECK(what_of([&] { Simulation(data, agenda(2024), options(2, plan, base.state)); }).find("a run of 2021-2024") !=
          std::string::npos);
    // A scenario following its baseline's migration without the plan: no twin is started from a state.
    CHECK(what_of([&] { Simulation(data, agenda(2026), options(2, nullptr, base.state)); }).find("migration plan") !=
          std::string::npos);
    // Cut short, or with a byte too many.
    const std::string_view bytes = base.state->bytes();
    auto cut = std::make_shared<SavedState>(SavedState::of_bytes(base.state->key, 2025, bytes.substr(0, bytes.size() / 2)));
    CHECK_THROWS_AS(Simulation(data, test::baseline({"end_year=2026"}), options(2, nullptr, cut)), InputError);
    auto longer = std::make_shared<SavedState>(SavedState::of_bytes(base.state->key, 2025, std::string(bytes) + '\0'));
    CHECK(what_of([&] { Simulation(data, test::baseline({"end_year=2026"}), options(2, nullptr, longer)); })
              .find("more bytes") != std::string::npos);

    // Saved only between years, and only from a run without programmes.
    Simulation mid(data, test::baseline({"end_year=2022"}), options(2));
    mid.step();
    CHECK_THROWS_AS(mid.save_state(), std::logic_error);
    Simulation with_programmes(data, agenda(2022), options(2, std::make_shared<const MigrationPlan>(base.sim.migration_plan())));
    CHECK_THROWS_AS(with_programmes.save_state(), std::logic_error);
}
