#pragma once
// The runs behind the viewer, without a window (no ImGui, no SFML): the live run and its edits (a quick
// preview at a lower scale, then the full re-run), the baseline kept across edits, scenarios side by
// side simulated one at a time, the replicates of the interval, and "What changes" (sim/compare on the
// runs in memory, or on two run directories). The App draws what a Session holds and forwards input
// to it; a test drives a Session alone (tests/viz/test_session.cpp).
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "changes.hpp"
#include "indicator_values.hpp"
#include "scenario_edit.hpp"
#include "sim/compare/curves.hpp"
#include "sim_runner.hpp"
#include "view_data.hpp"

namespace hhu::viz {

// A run beside the live one: the baseline, a preview, or a scenario shown side by side. Simulated in
// the background as fast as possible.
struct BackgroundRun {
    Scenario scenario;
    std::unique_ptr<SimRunner> runner;
    std::unique_ptr<IndicatorValues> values;
    std::shared_ptr<const Snapshot> synced;
    std::string library_file;   // side by side only: the library entry it came from
    std::string key;            // baselines: baseline_key() of the scenario, with the run's scale and seed
    std::uint64_t version = 0;  // the runner's scenario version of the run wanted (older snapshots are ignored)

    bool finished() const { return synced && synced->finished(); }
};

// A finished run kept for the interval over replicates (its values only).
struct Replicate {
    std::uint64_t seed = 0;
    std::unique_ptr<IndicatorValues> values;
};

// The selected series of the live scenario and of its baseline over replicates: the mean as the line,
// its 95% interval as the band (empty vectors: no interval yet).
struct TrendBands {
    std::vector<std::optional<double>> mean, lower, upper;
    std::vector<std::optional<double>> baseline_mean, baseline_lower, baseline_upper;
    std::string note;  // what the band is, or that replicates are being computed
};

// A cost-effect curve of one scenario against the baseline; side = -1 for the live scenario, else the
// index in side().
struct SessionCostCurve {
    std::string name;
    int side = -1;
    CostEffectCurve curve;
};

// Replicates when the user asks for the interval and the scenario has none of its own.
inline constexpr int kUserReplicates = 5;

class Session {
public:
    Session(const ModelData& data, SimRunner& runner, ScenarioLibrary library);
    ~Session();

    // Takes every run's latest snapshot and starts what is due (the full run after its preview, the
    // next scenario side by side, the next replicate, the comparison). `view` says what to compute
    // ahead in runs not shown. Returns true when anything the view draws from has changed.
    bool update(const ViewState& view);

    // What is shown: the live run, or the preview of the latest edit while its full run refines it.
    std::shared_ptr<const Snapshot> shown_snapshot() const { return shown_; }
    IndicatorValues& shown_values() { return showing_preview_ ? *preview_.values : values_; }
    const BackgroundRun& shown_baseline() const { return showing_preview_ ? preview_baseline_ : baseline_; }
    bool showing_preview() const { return showing_preview_; }
    IndicatorValues& live_values() { return values_; }
    const BackgroundRun& baseline() const { return baseline_; }
    const std::vector<BackgroundRun>& side() const { return side_; }
    std::vector<BackgroundRun>& side() { return side_; }
    SimRunner& runner() { return runner_; }
    const SimRunner& runner() const { return runner_; }
    const RunOptions& full_options() const { return full_options_; }
    const RunOptions& preview_options() const { return preview_options_; }

    // Edits: each re-runs the live scenario to the end against the baseline. InputError for an unknown
    // intervention or zone, or a value the scenario loader rejects.
    const ScenarioEditor& editor() const { return editor_; }
    const Scenario& scenario() const { return editor_.scenario(); }
    const ScenarioLibrary& library() const { return library_; }
    void load_scenario_file(const std::string& path);
    void show_library_entry(std::size_t index);
    void edit_enable(const std::string& id, bool on);
    void edit_coverage(const std::string& id, double coverage);
    void edit_start_year(const std::string& id, int year);
    void edit_zones(const std::string& id, const std::string& code);  // "all": everywhere
    // The same by index, from the panel: a rejected value is reported (take_messages), not thrown.
    void set_enabled(int intervention, bool on);
    void set_coverage(int intervention, double coverage);
    void set_start_year(int intervention, int year);
    void set_zones(int intervention, const std::vector<std::string>& codes);
    void add_from_library(const std::string& id);
    void save_scenario(const std::string& path);
    // Toggles a library scenario side by side (at most kMaxSide with the live one); InputError if unknown.
    void toggle_side_by_side(const std::string& file_or_name);
    bool is_side_by_side(const std::string& library_file) const;
    static constexpr std::size_t kMaxSide = 2;

    bool edited() const { return edits_ > 0; }
    int edits() const { return edits_; }  // edits run so far
    // A re-run after an edit is under way (the window then draws fewer frames to leave it the CPU).
    bool rerunning() const { return edited() && !latency_; }
    // The latest edit's full result (and baseline) has reached the end: seconds from the edit.
    std::optional<double> result_latency() const { return latency_; }
    // Its preview (lower scale, same seed, own baseline) has reached the end; nothing without a preview.
    std::optional<double> preview_latency() const { return preview_latency_; }
    bool preview_enabled() const;
    bool background_ready() const;  // every background run finished
    // The latest edit's full run has started (beside its preview once the baseline is done; else after it).
    bool full_run_started() const { return full_version_ > 0; }
    // The live year of the edit's full re-run (the first year before it has started).
    int rerun_year() const;

    // The interval over replicates: extra seeds run in the background after the main result (lowest
    // priority; cancelled by edits). On when the scenario has replicates > 1 or the user asks for it.
    void set_uncertainty(bool on);
    bool uncertainty() const { return uncertainty_; }
    int replicates_wanted() const;  // including the main run; 0 or 1: none
    int replicates_done() const;    // of the scenario shown, including the main run (0 if none wanted)
    bool replicates_ready() const;  // every replicate wanted has finished (scenario and baseline)

    // The selected series over replicates (sim/compare's yearly_band); `series` is the live run's.
    TrendBands trend_bands(const DisplayIndicator& ind, int unit, int first_year,
                           const std::vector<std::optional<double>>& series);
    // Cumulated costs against QALYs gained, for the province, of the live scenario (not a preview) and
    // of each scenario side by side with interventions, each against the baseline (sim/compare).
    std::vector<SessionCostCurve> cost_curves();

    // "What changes": the comparison once the live scenario and its baseline have run to the end (it
    // stays until the next one is ready), or of two run directories opened by path.
    const std::optional<Comparison>& changes() const { return changes_; }
    const ChangesRuns& changes_runs() const { return changes_runs_; }
    bool changes_current() const { return changes_ && changes_current_; }
    bool changes_from_dirs() const { return changes_from_dirs_; }
    std::uint64_t comparisons_made() const { return comparisons_made_; }
    void open_runs(const std::string& baseline_dir, const std::string& scenario_dir);  // InputError

    // What happened since the last call (started, finished, failed), for the title bar, in the
    // language set here (English until then).
    std::vector<std::string> take_messages();
    void set_language(Language lang) { lang_ = lang; }

private:
    void report(std::string message) { messages_.push_back(std::move(message)); }
    void rerun(bool changed);
    void ensure_baseline();
    void start_next_side_run();
    void start_background(BackgroundRun& run, const Scenario& scenario, const std::string& key,
                          const RunOptions& options, const char* thread_name);
    bool sync_run(BackgroundRun& run);  // takes its latest snapshot of the wanted version; true if new
    void advance_refinement();          // preview done: start the full run; full done: the result
    void cancel_replicates();
    void advance_replicates();
    void update_changes();
    // Computes (and caches) what the view would take from a run not shown.
    void warm(IndicatorValues& values, const Snapshot& snap, const ViewState& view, bool map);
    std::vector<CostEffectYear> cost_effect_years(IndicatorValues& values);

    const ModelData& data_;
    SimRunner& runner_;
    std::vector<ReportingUnit> units_;
    ScenarioLibrary library_;
    ScenarioEditor editor_;
    IndicatorValues values_;                         // the live run's
    std::shared_ptr<const Snapshot> synced_snap_;    // what values_ last took
    std::shared_ptr<const Snapshot> shown_;
    BackgroundRun baseline_;
    std::vector<BackgroundRun> side_;
    // Edits run in two passes: a quick preview at a lower scale (same seed, against a baseline of that
    // scale, kept across edits), shown at once; then the full-scale re-run, which replaces it.
    int edits_ = 0;
    std::uint64_t full_version_ = 0;        // the runner's version of the latest edit's full run (0: not started)
    std::optional<Scenario> pending_full_;  // the latest edit, while its preview runs
    RunOptions full_options_;
    RunOptions preview_options_;
    BackgroundRun preview_;
    BackgroundRun preview_baseline_;
    bool showing_preview_ = false;
    std::chrono::steady_clock::time_point edit_time_;
    std::optional<double> latency_;
    std::optional<double> preview_latency_;
    // Replicates: seeds seed+1... of the live scenario and of its baseline, one at a time on a
    // low-priority runner. Baseline replicates are kept across edits (by key), scenario ones are not.
    bool uncertainty_ = false;
    std::unique_ptr<SimRunner> replicate_runner_;
    std::uint64_t replicate_version_ = 0;
    bool replicate_job_baseline_ = false;
    std::string replicate_job_key_;
    std::uint64_t replicate_job_seed_ = 0;
    std::string scenario_replicates_of_;
    std::vector<Replicate> scenario_replicates_;
    std::unordered_map<std::string, std::vector<Replicate>> baseline_replicates_;

    std::optional<Comparison> changes_;
    ChangesRuns changes_runs_;
    std::string changes_key_;
    bool changes_from_dirs_ = false;
    bool changes_current_ = false;
    std::uint64_t comparisons_made_ = 0;
    bool dirty_ = false;  // changed outside update() (a replicate, side by side, uncertainty): redraw

    std::vector<std::string> messages_;
    Language lang_ = Language::English;
};

}  // namespace hhu::viz
