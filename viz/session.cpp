#include "session.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/core/error.hpp"
#include "viewer_text.hpp"

namespace hhu::viz {

namespace {

// The preview of an edit: an eighth of the residents, at least 1% (fewer makes districts too noisy).
constexpr double kPreviewDivisor = 8;
constexpr double kPreviewMinScale = 0.01;

RunOptions with_seed(RunOptions o, const Scenario& s) {
    o.seed = s.seed;
    return o;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The finished baseline's migration, when it is the scenario's (same non-policy settings, seed and scale):
// the scenario's run then needs no policy-free twin, which halves its cost, and takes the baseline's wellbeing
// calibration (MigrationPlan::wellbeing) instead of fitting (identical results). The full run and the preview
// each take it from their own baseline (the same scale). And its state of 1 January (baseline_state_year), when the
// scenario's programmes start no earlier: the run starts there instead of living the years before again (the same
// results; sim/simulation/saved_state.hpp).
RunOptions with_baseline_migration(RunOptions o, const std::shared_ptr<const Snapshot>& baseline, bool same_key,
                                   const Scenario& scenario) {
    if (same_key && baseline && baseline->finished() && baseline->migration && baseline->seed == o.seed &&
        baseline->scale == o.scale) {
        o.migration_plan = baseline->migration;
        if (baseline->state && baseline->state->year <= Simulation::latest_state_year(scenario))
            o.start_from = baseline->state;
    }
    return o;
}

// The 1 January whose state a baseline keeps for its scenarios' runs: the earliest start of a programme in the library
// and in the live scenario (2025 in the library as shipped), within the run's years after the first.
int baseline_state_year(const ScenarioLibrary& library, const Scenario& live) {
    int year = Simulation::first_programme_year(live);
    for (const auto& entry : library.entries) year = std::min(year, Simulation::first_programme_year(entry.scenario));
    return year > kFirstYear && year <= live.end_year ? year : 0;
}

// A run no one watches month by month (a baseline, a preview, the full run behind its preview, a replicate):
// its counters merged once a year instead of every month. The complete years are the same bytes (the
// accruals add the same rounded amounts, the carers' QALYs are settled from the year's months), and the
// viewer shows flows of complete years only; the monthly merge and flush of every resident cost a scale-0.1
// run about a fifth of its time. Its residents live their years a block at a time (RunOptions::whole_years: the
// same results; nothing here looks at them between months).
RunOptions unwatched(RunOptions o) {
    o.live_counters = false;
    o.whole_years = true;
    return o;
}

std::string pointer_text(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

}  // namespace

Session::Session(const ModelData& data, SimRunner& runner, ScenarioLibrary library)
    : data_(data),
      runner_(runner),
      units_(reporting_units(data)),
      library_(std::move(library)),
      editor_(runner.scenario(), &library_),
      values_(data) {
    full_options_ = runner.options();
    preview_options_ = unwatched(full_options_);  // previews and their baselines: complete years only
    preview_options_.scale = std::max(kPreviewMinScale, full_options_.scale / kPreviewDivisor);
    ensure_baseline();
}

Session::~Session() = default;

std::vector<std::string> Session::take_messages() { return std::exchange(messages_, {}); }

// ---------------------------------------------------------------------------------------------
// Each frame

bool Session::update(const ViewState& view) {
    const auto main = runner_.latest();
    if (!main) return false;
    bool changed = std::exchange(dirty_, false), main_changed = false;
    if (main != synced_snap_) {
        values_.update(*main);
        synced_snap_ = main;
        changed = main_changed = true;
    }
    changed |= sync_run(preview_);
    for (BackgroundRun* run : {&baseline_, &preview_baseline_})
        if (sync_run(*run)) {
            changed = true;
            warm(*run->values, *run->synced, view, false);
        }
    start_next_side_run();
    for (auto& run : side_) {
        if (!run.runner) continue;  // waits for the one before it
        const auto s = run.runner->latest();
        if (s && s != run.synced) {
            run.values->update(*s);
            run.synced = s;
            changed = true;
        }
    }
    advance_refinement();
    advance_replicates();
    changed |= std::exchange(dirty_, false);
    // Until the full re-run of an edit is done, its preview is shown as soon as it has started.
    const bool preview = edited() && !latency_ && preview_enabled() && preview_.synced && preview_.synced->started();
    if (preview != showing_preview_) {
        showing_preview_ = preview;
        changed = true;
    }
    update_changes();
    shown_ = showing_preview_ ? preview_.synced : main;
    // The hidden full run's values are computed as its years arrive (as if it were shown), so that
    // replacing the preview with it costs one frame no more than usual.
    if (showing_preview_ && main_changed) warm(values_, *main, view, true);
    return changed;
}

void Session::warm(IndicatorValues& values, const Snapshot& snap, const ViewState& view, bool map) {
    if (map) {
        (void)compute_view_data(data_, snap, values, view);
    } else {
        const DisplayIndicator d = display_indicator(view.indicator);
        const int unit = d.province_only() ? province_unit(units_) : view.unit;
        for (int y = kFirstYear; y <= values.last_viewable_year(d); ++y) (void)values.get(d, y, unit);
    }
    (void)cost_effect_years(values);
}

// ---------------------------------------------------------------------------------------------
// Runs

bool Session::preview_enabled() const { return preview_options_.scale < full_options_.scale * 0.75; }

void Session::start_background(BackgroundRun& run, const Scenario& scenario, const std::string& key,
                               const RunOptions& options, const char* thread_name) {
    if (run.runner && run.key == key) return;  // already running or done: kept
    run.scenario = scenario;
    run.key = key;
    run.values = std::make_unique<IndicatorValues>(data_);
    run.synced.reset();
    if (run.runner) {
        // A new run on the same thread: the old one is dropped at its next month (no join here).
        run.version = run.runner->replace_scenario(scenario, options);
    } else {
        run.version = 0;
        run.runner = std::make_unique<SimRunner>(data_, scenario, options);
        run.runner->name_thread(thread_name);
        run.runner->run_to_end();
    }
}

bool Session::sync_run(BackgroundRun& run) {
    if (!run.runner) return false;
    const auto s = run.runner->latest();
    if (!s || s == run.synced || s->scenario_version != run.version) return false;
    run.values->update(*s);
    run.synced = s;
    return true;
}

void Session::ensure_baseline() {
    const Scenario& live = editor_.scenario();
    // Eagerly at small scales (cheap, and ready for the first edit); at large ones only when needed.
    const bool needed = has_enabled_interventions(live) || full_options_.scale <= 0.25;
    if (!needed) return;
    // The baseline depends only on what is not an intervention (and on the seed and the scale): an
    // edit of interventions keeps it, and so does a ready scenario that differs only in those.
    const std::string key = baseline_key(live);
    if (baseline_.runner && baseline_.key == key && (!preview_enabled() || preview_baseline_.key == key)) return;
    Scenario wanted;
    try {
        wanted = without_interventions(live);
    } catch (const std::exception& e) {
        report(ui_text(lang_, "message.no_baseline") + e.what());
        return;
    }
    const int state_year = baseline_state_year(library_, live);
    RunOptions full = unwatched(with_seed(full_options_, live)), preview = with_seed(preview_options_, live);
    if (state_year > 0) full.save_state_years = preview.save_state_years = {state_year};
    start_background(baseline_, wanted, key, full, "hhu-baseline");
    if (preview_enabled()) start_background(preview_baseline_, wanted, key, preview, "hhu-prev-base");
}

void Session::rerun(bool changed) {
    if (!changed) {
        if (!editor_.error().empty()) report(ui_text(lang_, "message.not_applied") + editor_.error());
        return;
    }
    ++edits_;
    changes_current_ = false;  // the comparison shown is of the runs before this edit
    edit_time_ = std::chrono::steady_clock::now();
    latency_.reset();
    preview_latency_.reset();
    ensure_baseline();
    cancel_replicates();
    const Scenario& sc = editor_.scenario();
    if (preview_enabled()) {
        // The preview (a newer edit replaces one under way) and the full run side by side, each on a core
        // of its own: the full run of an earlier edit stops at once and this one's starts as soon as it can
        // take the finished baseline's migration (advance_refinement), not after the preview. In turn, they
        // took the preview's time plus the full run's (5.6-5.9 s at scale 0.1 on the idle 2-core machine).
        runner_.pause();
        full_version_ = 0;
        pending_full_ = sc;
        const bool same = preview_baseline_.key == baseline_key(sc);
        start_background(preview_, sc, "edit " + std::to_string(edits_),
                         with_baseline_migration(with_seed(preview_options_, sc), preview_baseline_.synced, same, sc),
                         "hhu-preview");
    } else {
        const bool same = baseline_.key == baseline_key(sc);
        full_version_ =
            runner_.replace_scenario(sc, with_baseline_migration(with_seed(full_options_, sc), baseline_.synced, same, sc));
    }
    report(printf_text(ui_text(lang_, "message.rerunning"), sc.end_year));
    advance_refinement();  // the full run beside the preview at once, when it can
}

void Session::advance_refinement() {
    if (!edited()) return;
    const bool preview_done = preview_.finished();
    const bool same_baseline = pending_full_ && baseline_.key == baseline_key(*pending_full_);
    // Without the baseline's migration the full run steps a policy-free twin as well (twice the work): while
    // the baseline still runs (the first edit, another baseline), the full run waits for the preview as before.
    if (pending_full_ && (preview_done || (same_baseline && baseline_.finished()))) {
        const bool same = same_baseline;
        const RunOptions o =
            unwatched(with_baseline_migration(with_seed(full_options_, *pending_full_), baseline_.synced, same, *pending_full_));
        full_version_ = runner_.replace_scenario(std::move(*pending_full_), o);
        pending_full_.reset();
    }
    if (pending_full_ == std::nullopt && preview_enabled() && !preview_latency_ && preview_done &&
        preview_baseline_.finished()) {
        preview_latency_ = seconds_since(edit_time_);
        report(localise_figure(lang_, printf_text(ui_text(lang_, "message.preview"), preview_.synced->end_year(),
                                                  *preview_latency_, full_options_.scale * 100)));
    }
    const auto main = runner_.latest();
    if (!latency_ && full_version_ > 0 && main && main->scenario_version == full_version_ && main->finished() &&
        baseline_.finished()) {
        latency_ = seconds_since(edit_time_);
        report(localise_figure(lang_, printf_text(ui_text(lang_, "message.result"), main->end_year(), *latency_)));
    }
}

int Session::rerun_year() const {
    const auto main = runner_.latest();
    return main && full_version_ > 0 && main->scenario_version == full_version_ ? main->live_year() : kFirstYear;
}

bool Session::background_ready() const {
    if (baseline_.runner && !baseline_.finished()) return false;
    if (preview_baseline_.runner && !preview_baseline_.finished()) return false;
    return std::all_of(side_.begin(), side_.end(), [](const BackgroundRun& r) { return r.finished(); });
}

// ---------------------------------------------------------------------------------------------
// Replicates

int Session::replicates_wanted() const {
    const int own = editor_.scenario().replicates;
    if (own > 1) return own;
    return uncertainty_ ? kUserReplicates : 0;
}

void Session::set_uncertainty(bool on) {
    uncertainty_ = on;
    if (!on && editor_.scenario().replicates <= 1) cancel_replicates();
    dirty_ = true;
}

void Session::cancel_replicates() {
    if (replicate_runner_ && replicate_version_ > 0) replicate_runner_->pause();
    replicate_version_ = 0;
}

int Session::replicates_done() const {
    if (replicates_wanted() <= 1) return 0;
    const bool current = scenario_replicates_of_ == editor_.scenario().resolved_json;
    return 1 + (current ? static_cast<int>(scenario_replicates_.size()) : 0);
}

bool Session::replicates_ready() const {
    const int n = replicates_wanted();
    if (n <= 1) return true;
    if (replicates_done() < n) return false;
    if (!has_enabled_interventions(editor_.scenario())) return true;
    const auto it = baseline_replicates_.find(baseline_.key);
    return it != baseline_replicates_.end() && static_cast<int>(it->second.size()) >= n - 1;
}

void Session::advance_replicates() {
    const int n = replicates_wanted();
    if (n <= 1) return;
    const Scenario& live = editor_.scenario();
    if (scenario_replicates_of_ != live.resolved_json) {
        scenario_replicates_.clear();
        scenario_replicates_of_ = live.resolved_json;
    }
    // A job finished: keep its values.
    if (replicate_version_ > 0) {
        const auto s = replicate_runner_->latest();
        if (!s || s->scenario_version != replicate_version_ || !s->finished()) return;  // under way
        Replicate r;
        r.seed = replicate_job_seed_;
        r.values = std::make_unique<IndicatorValues>(data_);
        r.values->update(*s);
        if (replicate_job_baseline_)
            baseline_replicates_[replicate_job_key_].push_back(std::move(r));
        else if (replicate_job_key_ == live.resolved_json)
            scenario_replicates_.push_back(std::move(r));
        replicate_version_ = 0;
        dirty_ = true;
    }
    // Only once the result the user waits for is there, and nothing else runs.
    const auto main = runner_.latest();
    if (rerunning() || !main || !main->finished() || !background_ready()) return;
    const bool with_baseline = has_enabled_interventions(live) && baseline_.runner;
    const auto& base_done = baseline_replicates_[baseline_.key];
    const int k_scenario = static_cast<int>(scenario_replicates_.size()) + 1;
    const int k_baseline = static_cast<int>(base_done.size()) + 1;
    Scenario job;
    if (k_scenario < n && (!with_baseline || k_scenario <= k_baseline)) {
        job = live;
        replicate_job_baseline_ = false;
        replicate_job_key_ = live.resolved_json;
        replicate_job_seed_ = live.seed + static_cast<std::uint64_t>(k_scenario);
    } else if (with_baseline && k_baseline < n) {
        job = baseline_.scenario;
        replicate_job_baseline_ = true;
        replicate_job_key_ = baseline_.key;
        replicate_job_seed_ = live.seed + static_cast<std::uint64_t>(k_baseline);
    } else {
        return;  // all done
    }
    RunOptions o = unwatched(full_options_);
    o.seed = replicate_job_seed_;
    if (!replicate_runner_) {
        replicate_runner_ = std::make_unique<SimRunner>(data_, job, o, /*low_priority=*/true, /*start_idle=*/true);
        replicate_runner_->name_thread("hhu-replicate");
    }
    replicate_version_ = replicate_runner_->replace_scenario(job, o);
}

// ---------------------------------------------------------------------------------------------
// Side by side

bool Session::is_side_by_side(const std::string& library_file) const {
    return std::any_of(side_.begin(), side_.end(),
                       [&](const BackgroundRun& r) { return r.library_file == library_file; });
}

void Session::toggle_side_by_side(const std::string& which) {
    const LibraryEntry* entry = nullptr;
    for (const auto& e : library_.entries)
        if (e.file.string() == which || e.file.filename().string() == which || e.file.stem().string() == which ||
            e.scenario.name == which)
            entry = &e;
    if (!entry)
        throw InputError("no scenario '" + which + "' in the library (" + std::to_string(library_.entries.size()) +
                         " files in scenarios/)");
    const std::string key = entry->file.string();
    dirty_ = true;
    for (auto it = side_.begin(); it != side_.end(); ++it)
        if (it->library_file == key) {
            side_.erase(it);
            return;
        }
    if (side_.size() >= kMaxSide) side_.erase(side_.begin());
    BackgroundRun run;
    run.scenario = entry->scenario;
    run.library_file = key;
    run.values = std::make_unique<IndicatorValues>(data_);
    side_.push_back(std::move(run));  // started by start_next_side_run, one at a time
    ensure_baseline();
    start_next_side_run();
    report(printf_text(ui_text(lang_, "message.side_by_side"), plain_title(entry->scenario, lang_)));
}

void Session::start_next_side_run() {
    // One scenario side by side simulates at a time: started together they share the cores with the
    // live run and the baseline, and every one of them (and the window) slows down.
    for (const auto& run : side_)
        if (run.runner && !run.finished()) return;
    for (auto& run : side_)
        if (!run.runner) {
            run.runner = std::make_unique<SimRunner>(data_, run.scenario, with_seed(full_options_, run.scenario));
            run.runner->name_thread("hhu-side");
            run.runner->run_to_end();
            return;
        }
}

// ---------------------------------------------------------------------------------------------
// Edits

void Session::load_scenario_file(const std::string& path) {
    Scenario s = load_scenario(path);  // throws ScenarioError, an InputError
    editor_.load(std::move(s));
    rerun(true);
}

void Session::show_library_entry(std::size_t index) {
    if (index >= library_.entries.size()) throw InputError("no library entry " + std::to_string(index));
    editor_.load(library_.entries[index].scenario);
    rerun(true);
}

namespace {

int intervention_index(const ScenarioEditor& editor, const std::string& id) {
    const int i = editor.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    return i;
}

void throw_if_rejected(const ScenarioEditor& editor, bool changed) {
    if (!changed && !editor.error().empty()) throw InputError(editor.error());
}

}  // namespace

void Session::edit_enable(const std::string& id, bool on) {
    const int i = editor_.find(id);
    if (i < 0 && !on) throw InputError("the scenario has no intervention '" + id + "'");
    const bool changed = i < 0 ? editor_.add_from_library(id) : editor_.set_enabled(i, on);
    throw_if_rejected(editor_, changed);
    rerun(changed);
}

void Session::edit_coverage(const std::string& id, double coverage) {
    const bool changed = editor_.set_coverage(intervention_index(editor_, id), coverage);
    throw_if_rejected(editor_, changed);
    rerun(changed);
}

void Session::edit_start_year(const std::string& id, int year) {
    const bool changed = editor_.set_start_year(intervention_index(editor_, id), year);
    throw_if_rejected(editor_, changed);
    rerun(changed);
}

void Session::edit_zones(const std::string& id, const std::string& code) {
    const int i = intervention_index(editor_, id);
    std::vector<std::string> zones;
    if (code != "all") {
        if (find_unit(units_, code) < 0) throw InputError("unknown zone '" + code + "'");
        zones.push_back(code);
    }
    const bool changed = editor_.set_zones(i, zones);
    throw_if_rejected(editor_, changed);
    rerun(changed);
}

void Session::set_enabled(int i, bool on) { rerun(editor_.set_enabled(i, on)); }
void Session::set_coverage(int i, double coverage) { rerun(editor_.set_coverage(i, coverage)); }
void Session::set_start_year(int i, int year) { rerun(editor_.set_start_year(i, year)); }
void Session::set_zones(int i, const std::vector<std::string>& codes) { rerun(editor_.set_zones(i, codes)); }
void Session::add_from_library(const std::string& id) { rerun(editor_.add_from_library(id)); }

void Session::save_scenario(const std::string& path) {
    editor_.save(path);
    report(ui_text(lang_, "message.saved") + path);
}

// ---------------------------------------------------------------------------------------------
// What the charts draw from the other runs (sim/compare's figures)

TrendBands Session::trend_bands(const DisplayIndicator& ind, int unit, int first_year,
                                const std::vector<std::optional<double>>& series) {
    TrendBands out;
    const int wanted = replicates_wanted();
    // The full result only (a preview is another scale), and not while it is being re-run.
    if (wanted <= 1 || showing_preview_ || rerunning()) return out;
    const int years = static_cast<int>(series.size());
    auto series_of = [&](IndicatorValues& values) {
        std::vector<std::optional<double>> s(years);
        for (int y = 0; y < years; ++y) s[y] = values.get(ind, first_year + y, unit);
        return s;
    };
    // The line becomes the mean of the replicates and the band its 95% interval, so that a value never
    // sits outside its own band; years not every replicate has yet keep the first's value, no band.
    auto band = [](const ReplicateSeries& reps, std::vector<std::optional<double>>& mean,
                   std::vector<std::optional<double>>& lower, std::vector<std::optional<double>>& upper) {
        const auto est = yearly_band(reps);
        if (reps.size() < 2) return;
        mean = reps.front();
        lower.assign(est.size(), std::nullopt);
        upper.assign(est.size(), std::nullopt);
        for (std::size_t y = 0; y < est.size(); ++y)
            if (est[y]) {
                mean[y] = est[y]->mean;
                lower[y] = est[y]->lower;
                upper[y] = est[y]->upper;
            }
    };
    ReplicateSeries reps{series};
    if (scenario_replicates_of_ == editor_.scenario().resolved_json)
        for (auto& r : scenario_replicates_) reps.push_back(series_of(*r.values));
    out.mean = series;
    band(reps, out.mean, out.lower, out.upper);
    const bool comparing = has_enabled_interventions(editor_.scenario()) || !side_.empty();
    if (comparing && baseline_.values && baseline_.finished()) {
        ReplicateSeries base{series_of(*baseline_.values)};
        const auto it = baseline_replicates_.find(baseline_.key);
        if (it != baseline_replicates_.end())
            for (std::size_t k = 0; k < it->second.size() && static_cast<int>(k) + 1 < wanted; ++k)
                base.push_back(series_of(*it->second[k].values));
        band(base, out.baseline_mean, out.baseline_lower, out.baseline_upper);
    }
    const int done = replicates_done();
    if (done >= wanted)
        out.note = printf_text(ui_text(lang_, "band.mean"), wanted);
    else if (done >= 2)
        out.note = printf_text(ui_text(lang_, "band.mean_so_far"), done, wanted);
    else
        out.note = printf_text(ui_text(lang_, "band.computing"), wanted);
    return out;
}

std::vector<CostEffectYear> Session::cost_effect_years(IndicatorValues& values) {
    std::vector<CostEffectYear> out;
    const IndicatorInfo* qalys = find_indicator("qalys");
    const IndicatorInfo* cost = find_indicator("intervention_cost_eur");
    const IndicatorInfo* participants = find_indicator("intervention_participants");
    const IndicatorInfo* care = find_indicator("cost_eur");
    if (!qalys || !cost || !participants || !care) return out;
    const int province = province_unit(units_);
    for (int y = kFirstYear; y <= values.last_complete_year(); ++y) {
        const auto q = values.total(*qalys, y, province), e = values.total(*cost, y, province);
        const auto n = values.total(*participants, y, province), c = values.total(*care, y, province);
        if (!q || !e || !c) break;
        out.push_back({y, *q, *e, n.value_or(0), *c});
    }
    return out;
}

std::vector<SessionCostCurve> Session::cost_curves() {
    std::vector<SessionCostCurve> out;
    const BackgroundRun& base = shown_baseline();
    if (!base.values || !base.synced) return out;
    // Not from a preview: QALYs gained are a small difference of two totals, mostly noise at its scale.
    if (has_enabled_interventions(editor_.scenario()) && !showing_preview_) {
        SessionCostCurve c{editor_.scenario().name, -1,
                           cost_effect_curve(cost_effect_years(values_), cost_effect_years(*base.values))};
        if (!c.curve.years.empty()) out.push_back(std::move(c));
    }
    if (!baseline_.values || !baseline_.synced) return out;
    const auto base_years = cost_effect_years(*baseline_.values);
    for (std::size_t k = 0; k < side_.size(); ++k)
        if (side_[k].synced && has_enabled_interventions(side_[k].scenario)) {
            SessionCostCurve c{side_[k].scenario.name, static_cast<int>(k),
                               cost_effect_curve(cost_effect_years(*side_[k].values), base_years)};
            if (!c.curve.years.empty()) out.push_back(std::move(c));
        }
    return out;
}

// ---------------------------------------------------------------------------------------------
// What changes

void Session::update_changes() {
    if (changes_from_dirs_) return;
    const Scenario& live = editor_.scenario();
    if (!has_enabled_interventions(live)) {
        changes_.reset();
        changes_key_.clear();
        changes_current_ = false;
        return;
    }
    const bool ready = !showing_preview_ && !rerunning() && values_.finished() && baseline_.values && baseline_.finished();
    changes_current_ = false;
    if (!ready) return;  // the last comparison stays until the new one is ready
    // Replicate r of the scenario paired with the baseline's of the same seed (the main runs: the seed).
    std::vector<const Indicators*> base{&baseline_.values->indicators()}, scen{&values_.indicators()};
    const auto it = baseline_replicates_.find(baseline_.key);
    if (scenario_replicates_of_ == live.resolved_json && it != baseline_replicates_.end())
        for (const auto& r : scenario_replicates_)
            for (const auto& b : it->second)
                if (b.seed == r.seed && r.values->finished() && b.values->finished()) {
                    scen.push_back(&r.values->indicators());
                    base.push_back(&b.values->indicators());
                }
    const std::string key = live.resolved_json + "|" + pointer_text(synced_snap_.get()) + "|" +
                            pointer_text(baseline_.synced.get()) + "|" + std::to_string(scen.size());
    changes_current_ = true;
    if (key == changes_key_) return;
    changes_key_ = key;
    changes_runs_ = {plain_title(live, lang_), "Baseline (no interventions)", full_options_.scale, live.seed,
                     ui_text(lang_, "changes.simulated_here")};
    try {
        changes_ = compare_in_memory(base, scen, changes_runs_, data_.directory);
        ++comparisons_made_;
    } catch (const std::exception& e) {
        changes_.reset();
        report(ui_text(lang_, "chart.changes") + ": " + e.what());
    }
}

void Session::open_runs(const std::string& baseline_dir, const std::string& scenario_dir) {
    Comparison c = compare_runs(baseline_dir, scenario_dir);
    changes_runs_ = {scenario_title(c.scenario.words, lang_), scenario_title(c.baseline.words, lang_), c.scenario.scale,
                     c.scenario.seed,
                     printf_text(ui_text(lang_, "changes.run_dirs"), baseline_dir, scenario_dir)};
    changes_ = std::move(c);
    changes_from_dirs_ = changes_current_ = true;
    ++comparisons_made_;
    dirty_ = true;
    report(printf_text(ui_text(lang_, "message.opened"), scenario_dir, baseline_dir));
}

}  // namespace hhu::viz
