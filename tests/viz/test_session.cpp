// The viewer's session layer driven headless (no window): an edit runs a preview and beside it the full
// result against a baseline kept across edits; scenarios side by side simulate one at a time; "What
// changes" is sim/compare's comparison of the runs in memory, with every headline row compare has;
// bad input throws an InputError naming what was wrong. Tests wait on the session's state, never on time.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <stdexcept>
#include <thread>

#include "changes.hpp"
#include "indicator_display.hpp"
#include "session.hpp"
#include "viewer_text.hpp"
#include "sim/compare/compare.hpp"
#include "sim/core/error.hpp"
#include "../support.hpp"

using namespace hhu;
using namespace hhu::viz;

namespace {

const std::string kScenarios = std::string(HHU_SOURCE_DIR) + "/scenarios";

RunOptions options(double scale) {
    RunOptions o;
    o.scale = scale;
    o.threads = 1;
    o.live_counters = true;
    return o;
}

// Polls the session (as the window's frame loop does) until `done` holds.
template <class Done>
void update_until(Session& session, Done done) {
    const ViewState view;
    while (!done()) {
        session.update(view);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    session.update(view);
}

bool has_message(const std::vector<std::string>& messages, const std::string& start) {
    return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.rfind(start, 0) == 0; });
}

}  // namespace

TEST_CASE("viz session: an edit shows a preview, then the full result against the kept baseline") {
    const ModelData& data = test::project_data();
    // To 2031: the preview, the result and the comparison do not depend on the horizon.
    const Scenario scenario = with_overrides(load_scenario(kScenarios + "/seniors_fall_prevention.json"), {"end_year=2031"});
    SimRunner runner(data, scenario, options(0.02));
    Session session(data, runner, load_library(kScenarios));
    runner.set_speed(0);
    runner.play();
    REQUIRE(session.preview_enabled());  // 0.02 / 8 is below 1%: the preview runs at 1%
    CHECK(session.preview_options().scale == doctest::Approx(0.01));
    update_until(session, [&] { return session.live_values().finished() && session.background_ready(); });
    CHECK_FALSE(session.edited());
    // The first comparison: the live scenario against its baseline, sim/compare's rows.
    REQUIRE(session.changes_current());
    CHECK(session.comparisons_made() == 1);
    for (const std::string& measure : headline_measures())
        CHECK_MESSAGE(std::any_of(session.changes()->rows.begin(), session.changes()->rows.end(),
                                  [&](const ComparisonRow& r) { return r.measure == measure; }),
                      measure);
    // The costs panel: compare's cost rows, the payers split with the data directory's care prices.
    const auto cost = cost_rows(*session.changes());
    const auto zvw = std::find_if(cost.begin(), cost.end(), [](const ComparisonRow* r) { return r->measure == "cost_change_insurer_zvw"; });
    REQUIRE(zvw != cost.end());
    CHECK((*zvw)->available);
    CHECK(std::any_of(cost.begin(), cost.end(), [](const ComparisonRow* r) { return r->measure == "net_monetary_benefit_80k"; }));
    CHECK(std::any_of(cost.begin(), cost.end(), [](const ComparisonRow* r) { return r->measure == "break_even_year_all_payers"; }));
    CHECK(session.changes()->warnings.empty());
    const std::string baseline_key_before = session.baseline().key;
    const auto baseline_run = session.baseline().synced;

    session.edit_coverage("fall_prevention_exercise", 0.5);
    CHECK(session.edited());
    CHECK(session.rerunning());
    CHECK_FALSE(session.changes_current());  // the old comparison is not of the runs as they are now
    CHECK(has_message(session.take_messages(), "Re-running"));
    // The baseline is done, so the full run starts beside the preview at once (with the baseline's
    // migration), not after it: the result is the full run's time, not the preview's and the full run's.
    CHECK(session.full_run_started());
    update_until(session, [&] { return session.preview_latency() && session.result_latency(); });
    CHECK_FALSE(session.showing_preview());
    CHECK_FALSE(session.rerunning());
    // The edit changed an intervention only: the same baseline run, not simulated again.
    CHECK(session.baseline().key == baseline_key_before);
    CHECK(session.baseline().synced == baseline_run);
    // The baseline kept its state of 1 January 2025 (the library's programmes start then), and the edit's full run
    // started there instead of from 2021 (the same results: tests/simulation/test_saved_state.cpp).
    REQUIRE(baseline_run->state);
    CHECK(baseline_run->state->year == 2025);
    CHECK(runner.latest()->first_step == first_step_of_year(2025));
    update_until(session, [&] { return session.changes_current(); });
    CHECK(session.comparisons_made() == 2);
    CHECK(session.changes()->scenario.scale == doctest::Approx(0.02));
    // The cost-effect curve of the live scenario, from sim/compare, to the last year.
    const auto curves = session.cost_curves();
    REQUIRE(curves.size() == 1);
    CHECK(curves[0].side == -1);
    CHECK(curves[0].curve.years.back() == scenario.end_year);
}

TEST_CASE("viz session: scenarios side by side simulate one at a time, unknown names and ids are refused") {
    const ModelData& data = test::project_data();
    SimRunner runner(data, test::baseline(), options(0.01));
    Session session(data, runner, load_library(kScenarios));
    runner.set_speed(0);
    runner.play();
    session.toggle_side_by_side("seniors_fall_prevention");
    session.toggle_side_by_side("lifestyle_gli.json");
    REQUIRE(session.side().size() == 2);
    // The second waits for the first: at every poll until the first has finished, the second has no runner.
    bool second_waited = true;
    update_until(session, [&] {
        if (!session.side()[0].finished()) second_waited = second_waited && !session.side()[1].runner;
        return session.background_ready();
    });
    CHECK(second_waited);
    CHECK(session.side()[0].finished());
    CHECK(session.side()[1].finished());
    // A third replaces the oldest; toggling one again removes it.
    session.toggle_side_by_side("equity");
    CHECK(session.side().size() == Session::kMaxSide);
    CHECK_FALSE(session.is_side_by_side(kScenarios + "/seniors_fall_prevention.json"));
    session.toggle_side_by_side("equity");
    CHECK(session.side().size() == 1);

    CHECK_THROWS_WITH_AS(session.toggle_side_by_side("no_such_scenario"),
                         doctest::Contains("no scenario 'no_such_scenario' in the library"), InputError);
    CHECK_THROWS_WITH_AS(session.edit_coverage("no_such_intervention", 0.5),
                         doctest::Contains("no intervention 'no_such_intervention'"), InputError);
    CHECK_THROWS_AS(session.load_scenario_file(kScenarios + "/missing.json"), InputError);
    CHECK_FALSE(session.edited());  // nothing refused was run
}

TEST_CASE("viz indicators: stocks from sim's own measure timing, names and units in Dutch") {
    const auto shown = [](const char* name, Language lang = Language::English) {
        const int i = catalogue_index(name);
        REQUIRE(i >= 0);
        return display_indicator(i, lang);
    };
    // Counted on 1 January (known from a year's first month), including the stocks added last.
    for (const char* name : {"population", "prevalence_smoking", "prevalence_digital_skills", "life_satisfaction_mean",
                             "share_happy", "prevalence_informal_carer", "share_carers_heavily_burdened"})
        CHECK_MESSAGE(shown(name).stock, name);
    for (const char* name : {"deaths", "falls_ed", "hip_fractures", "incidence_diabetes", "qalys", "wellbys"})
        CHECK_FALSE_MESSAGE(shown(name).stock, name);
    CHECK(shown("hip_fractures").title() == "Hip fractures per 1,000 residents");
    CHECK(shown("hip_fractures", Language::Dutch).title() == "Heupfracturen per 1.000 inwoners");
    CHECK(shown("prevalence_smoking", Language::Dutch).unit_label() == "% van inwoners van 18 jaar en ouder");
    CHECK(shown("perinatal_deaths", Language::Dutch).unit_label() == "per 1.000 levendgeborenen");
    CHECK(shown("care_hours", Language::Dutch).unit_label() == "uren per inwoner");
    // A mean score is not a share: shown as it is, not as a percentage.
    CHECK(shown("life_satisfaction_mean").scaling == Scaling::AsIs);
    CHECK(shown("life_satisfaction_mean").unit_label() == "score (0-10)");
    CHECK(shown("care_fte_gap", Language::Dutch).group() == "Arbeidsmarkt zorg (provincie)");
    for (int i = 0; i < static_cast<int>(indicator_catalogue().size()); ++i)
        CHECK_MESSAGE(display_indicator(i, Language::Dutch).label() != std::string(indicator_catalogue()[i].name),
                      indicator_catalogue()[i].name);
}

TEST_CASE("viz text: every key of the viewer's table has English and Dutch, an unknown key is a bug") {
    std::string keys = ui_keys();
    int n = 0, differ = 0;
    for (std::size_t at = 0, end; (end = keys.find('\n', at)) != std::string::npos; at = end + 1) {
        const std::string key = keys.substr(at, end - at);
        CHECK_FALSE(ui_text(Language::English, key).empty());
        CHECK_FALSE(ui_text(Language::Dutch, key).empty());
        differ += ui_text(Language::English, key) != ui_text(Language::Dutch, key);
        ++n;
    }
    CHECK(n > 50);
    CHECK(differ > n * 3 / 4);  // a Dutch column copied from the English one would show here
    CHECK(ui_text(Language::Dutch, "chart.changes") == "Wat verandert");
    CHECK_THROWS_AS(ui_text(Language::Dutch, "no.such.key"), std::logic_error);
}
