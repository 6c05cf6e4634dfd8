#pragma once
// The viewer's panels and their layout: a title bar, the selection sidebar (indicator, area, scenario),
// the map, the charts and the player bar (run controls and the year). It reads snapshots from the
// runner and sends it commands; it never touches the live simulation.
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <chrono>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "changes.hpp"
#include "indicator_values.hpp"
#include "map_view.hpp"
#include "scenario_edit.hpp"
#include "sim/output/indicators.hpp"
#include "sim_runner.hpp"
#include "theme.hpp"
#include "view_data.hpp"

namespace hhu::viz {

struct Layout {
    sf::FloatRect title, sidebar, map, player;
    sf::FloatRect series, pyramid, breakdown, districts, costs;  // the charts; in workshop mode one tabbed panel (series)
    std::vector<sf::FloatRect> gaps;                      // the strips between panels
};
// Panels for a window of this size and text height; nothing overlaps. Workshop mode has one chart
// panel, with tabs, so that each chart is large.
Layout compute_layout(sf::Vector2f window, float font_px, bool workshop);

// "2021–2040".
std::string years_text(int first, int last);
// `text`, shortened with an ellipsis to fit `width` pixels in the current ImGui font.
std::string fit(const std::string& text, float width);

// A run beside the live one: the baseline, or a scenario shown side by side. Simulated in the
// background as fast as possible.
struct BackgroundRun {
    Scenario scenario;
    std::unique_ptr<SimRunner> runner;
    std::unique_ptr<IndicatorValues> values;
    std::shared_ptr<const Snapshot> synced;
    std::unique_ptr<MapView> map;  // side by side only
    ViewData view;                 // side by side only: its map's data
    std::string library_file;      // side by side only: the library entry it came from
    std::string key;               // baselines: baseline_key() of the scenario, with the run's scale and seed
    std::uint64_t version = 0;     // the runner's scenario version of the run wanted (older snapshots are ignored)
};

// A finished run kept for the interval over replicates (its values only).
struct Replicate {
    std::uint64_t seed = 0;
    std::unique_ptr<IndicatorValues> values;
};

class App {
public:
    App(const ModelData& data, SimRunner& runner, MapView& map, Fonts fonts, bool workshop,
        ScenarioLibrary library);
    ~App();

    // Once per frame, before the panels: the latest snapshot, and what is drawn from it if needed.
    void update();
    void layout(sf::Vector2u window_size);
    // The ImGui panels, the map's tooltip and clicks (between ImGui's new frame and render).
    void draw_panels();
    // The window's backdrop and the map, with SFML (before ImGui renders). Panels have no
    // background of their own: the window is cleared to the panels' colour and only the strips
    // between them are painted, because every covered pixel costs on a software renderer.
    void draw_backdrop(sf::RenderTarget& target) const;
    void draw_map(sf::RenderTarget& target);

    ViewState& state() { return state_; }
    const ViewData& view() const { return view_; }
    const std::vector<ReportingUnit>& units() const { return units_; }
    std::shared_ptr<const Snapshot> snapshot() const { return snap_; }
    const Layout& current_layout() const { return layout_; }

    // A screenshot asked for by the button or a script: saved at the end of this frame.
    void request_screenshot(std::string path) { screenshot_request_ = std::move(path); }
    std::optional<std::string> take_screenshot_request();
    void export_csv(const std::string& path);  // throws InputError
    void report(std::string message);          // shown in the title bar for a few seconds

    // The scenario panel (also driven by scripts). Edits re-run the live scenario to the end against
    // the background baseline; they throw InputError for an unknown intervention or a rejected value.
    ScenarioEditor& editor() { return editor_; }
    const ScenarioLibrary& library() const { return library_; }
    void load_scenario_file(const std::string& path);  // throws InputError
    void edit_enable(const std::string& id, bool on);
    void edit_coverage(const std::string& id, double coverage);
    void edit_start_year(const std::string& id, int year);
    void edit_zones(const std::string& id, const std::string& code);  // "all": everywhere
    void save_scenario(const std::string& path);
    // Toggles a library scenario side by side (at most three on screen with the live one).
    void toggle_side_by_side(const std::string& file_or_name);
    void show_scenario_panel() { sidebar_tab_request_ = 1; }
    void show_show_panel() { sidebar_tab_request_ = 0; }
    bool edited() const { return edits_ > 0; }
    // A re-run after an edit is under way (the window then draws fewer frames to leave it the CPU).
    bool rerunning() const { return edited() && !latency_; }
    void show_chart_tab(int tab) {
        chart_tab_request_ = tab;
        changes_tab_shown_ = true;  // a tab chosen: "What changes" is no longer brought forward by itself
    }
    // The re-run of the latest edit has reached the end (and the baseline is ready): seconds from the edit.
    std::optional<double> result_latency() const;
    // The quick preview of the latest edit (a lower scale, same seed, against its own baseline) has
    // reached the end: seconds from the edit. Nothing while it runs, or if there is no preview (the
    // run's scale is already small).
    std::optional<double> preview_latency() const { return preview_latency_; }
    bool preview_enabled() const;
    bool background_ready() const;  // every background run finished
    // The interval over replicates: extra seeds run in the background after the main result (lowest
    // priority; cancelled by edits). On when the scenario has replicates > 1 or the user asks for it.
    void set_uncertainty(bool on);
    int replicates_wanted() const;   // including the main run; 0 or 1: none
    int replicates_done() const;     // of the scenario shown, including the main run (0 if none wanted)
    bool replicates_ready() const;   // every replicate wanted has finished (scenario and baseline)

    // "What changes" (changes.hpp), shown in place of the charts: the live scenario against its
    // baseline once both have run to the end, or two run directories opened by path.
    void show_changes(bool on) { show_changes_ = on; }
    void show_difference(bool on) { state_.difference = on; }
    // The replicates paired in "What changes" once it holds the runs as they are now; nothing before.
    std::optional<int> changes_replicates() const {
        return changes_ && changes_current_ ? std::optional<int>(changes_->replicates) : std::nullopt;
    }
    void open_runs(const std::string& baseline_dir, const std::string& scenario_dir);  // throws InputError
    void export_changes_csv(const std::string& path);                                   // throws InputError
    void export_map_png(const std::string& path);  // the map alone, for a memo (app_export.cpp); InputError

private:
    void update_changes();
    void changes_panel();
    void refresh_view();
    void difference_map();  // the map's values become the scenario minus its baseline
    void draw_title_bar();
    void draw_sidebar();
    void draw_show_tab();
    void indicator_list(float height);
    void area_list(float height);
    void scenario_summary();
    void group_heading(const char* text);
    void draw_player_bar();
    void draw_chart_panels();
    void draw_chart_tabs();
    void series_chart();
    void pyramid_chart_with_heading();
    void breakdown_chart();
    void districts_chart();
    void costs_chart();
    void scenario_panel();
    void library_cards();
    void intervention_editor();
    void rerun(bool changed);
    void sync_background();
    void ensure_baseline();
    void start_next_side_run();
    // Starts `run` on `scenario` with `options` unless it already runs them (key); never blocks.
    void start_background(BackgroundRun& run, const Scenario& scenario, const std::string& key,
                          const RunOptions& options);
    bool sync_run(BackgroundRun& run);  // takes its latest snapshot of the wanted version; true if new
    void advance_refinement();           // preview done: start the full run; full done: the result
    void cancel_replicates();
    // Computes (and caches) what the view would take from a run not shown: the selected indicator's
    // series, with `map` everything the map and charts take, and the costs' totals.
    void warm(IndicatorValues& values, const Snapshot& snap, bool map);
    void advance_replicates();
    IndicatorValues& shown_values() { return showing_preview_ ? *preview_.values : values_; }
    BackgroundRun& shown_baseline() { return showing_preview_ ? preview_baseline_ : baseline_; }
    void add_comparisons();
    std::string zone_choice_label(const InterventionSpec& spec) const;
    float st_inner_spacing() const;
    void handle_map_mouse();
    bool begin_panel(const char* id, const sf::FloatRect& r, bool scroll = false);
    void heading(const std::string& bold, const std::string& detail = "");
    void select_unit(int unit);
    void select_year(int year);  // clamped to simulated years; follows the simulation if the latest
    std::string status_text() const;

    const ModelData& data_;
    SimRunner& runner_;
    MapView& map_;
    Fonts fonts_;
    bool workshop_;
    std::vector<ReportingUnit> units_;
    Layout layout_;
    sf::Vector2u window_size_{0, 0};

    std::shared_ptr<const Snapshot> snap_;
    std::shared_ptr<const Snapshot> synced_snap_;  // what values_ last took
    IndicatorValues values_;
    ViewState state_;
    ViewData view_;
    std::shared_ptr<const Snapshot> view_snap_;  // what view_ was computed from
    ViewState view_state_;
    std::optional<double> province_residents_;
    std::shared_ptr<const Snapshot> synced_province_;  // 1 January of the live year
    int hovered_zone_ = -1;

    ScenarioLibrary library_;
    ScenarioEditor editor_;
    BackgroundRun baseline_;
    std::vector<BackgroundRun> side_;  // scenarios side by side (workshop), at most two
    // Edits run in two passes: a quick preview at a lower scale (same seed, against a baseline of that
    // scale, kept across edits), shown at once; then the full-scale re-run, which replaces it.
    int edits_ = 0;                      // edits sent so far
    std::uint64_t full_version_ = 0;     // the runner's version of the latest edit's full run (0: not started)
    std::optional<Scenario> pending_full_;  // the latest edit, while its preview runs
    RunOptions full_options_;            // the live runner's (scale, seed, threads)
    RunOptions preview_options_;         // the same at the preview scale
    BackgroundRun preview_;              // the latest edit at the preview scale
    BackgroundRun preview_baseline_;     // the baseline at the preview scale
    bool showing_preview_ = false;       // the charts and map show the preview (the full run is not done)
    std::chrono::steady_clock::time_point edit_time_;
    std::optional<double> latency_;          // of the latest edit, once its full re-run has finished
    std::optional<double> preview_latency_;  // of the latest edit, once its preview has finished
    // Replicates: seeds seed+1... of the live scenario and of its baseline, one at a time on a
    // low-priority runner. Baseline replicates are kept across edits (by key), scenario ones are not.
    bool uncertainty_ = false;           // the user's choice
    std::unique_ptr<SimRunner> replicate_runner_;
    std::uint64_t replicate_version_ = 0;   // of the job under way (0: none)
    bool replicate_job_baseline_ = false;
    std::string replicate_job_key_;          // the baseline key, or the scenario's resolved JSON
    std::uint64_t replicate_job_seed_ = 0;
    std::string scenario_replicates_of_;     // the resolved JSON the scenario replicates belong to
    std::vector<Replicate> scenario_replicates_;
    std::unordered_map<std::string, std::vector<Replicate>> baseline_replicates_;  // by baseline key
    struct SliderDrag {
        float value = 0;
        std::chrono::steady_clock::time_point moved;
    };
    std::unordered_map<std::string, SliderDrag> slider_buffer_;  // a slider being dragged
    std::string scenario_path_;        // the load/save path field
    int sidebar_tab_request_ = -1, chart_tab_request_ = -1;
    int chart_tab_ = 0;                // workshop: the chart tab shown (0 trend ... 4 costs)

    std::optional<Comparison> changes_;
    ChangesRuns changes_runs_;
    std::string changes_key_;          // what changes_ was computed from (runs in memory)
    bool changes_from_dirs_ = false;
    bool changes_current_ = false;     // changes_ is of the runs as they are now   // opened run directories: kept until another pair is opened
    bool show_changes_ = false;        // the panel replaces the charts
    bool changes_shown_once_ = false;  // the first comparison is shown unasked, later ones when chosen
    bool changes_tab_shown_ = false;   // workshop: the tab was brought forward once

    std::optional<std::string> screenshot_request_;
    std::string message_;
    std::chrono::steady_clock::time_point message_until_;
};

}  // namespace hhu::viz
