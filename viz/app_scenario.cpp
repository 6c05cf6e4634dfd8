#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "charts.hpp"
#include "screenshot.hpp"
#include "sim/core/error.hpp"
#include "sim/core/statistics.hpp"

// The scenario panel (library cards, interventions and their sliders, load and save), the runs in the
// background (the baseline, scenarios side by side) and what the charts draw from them.
namespace hhu::viz {

namespace {

constexpr ImU32 kBaselineColour = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kSideColours[] = {IM_COL32(230, 159, 0, 255), IM_COL32(0, 158, 115, 255)};  // Okabe-Ito
constexpr std::size_t kMaxSide = 2;  // with the live scenario: three side by side

// The first sentence of a description, at most `max` characters.
std::string first_sentence(const std::string& text, std::size_t max) {
    std::string s = text.substr(0, text.find(". ") == std::string::npos ? text.size() : text.find(". ") + 1);
    if (s.size() > max) {
        s.resize(max);
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
        s += "\u2026";
    }
    return s;
}

// `text` shortened (with an ellipsis) so that, wrapped at `width`, it takes at most `lines` lines.
std::string fit_lines(const std::string& text, float width, int lines) {
    const float most = ImGui::GetTextLineHeight() * (lines + 0.5f);
    if (ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y <= most) return text;
    std::string s = text;
    while (!s.empty()) {
        const auto cut = s.find_last_of(' ');
        s.resize(cut == std::string::npos ? 0 : cut);
        if (ImGui::CalcTextSize((s + "\u2026").c_str(), nullptr, false, width).y <= most) break;
    }
    return s + "\u2026";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Runs

namespace {

// Replicates when the user asks for the interval and the scenario has none of its own.
constexpr int kUserReplicates = 5;

RunOptions with_seed(RunOptions o, const Scenario& s) {
    o.seed = s.seed;
    return o;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The finished baseline's migration, when it is the scenario's (same non-policy settings, seed and scale):
// the scenario's run then needs no policy-free twin, which halves its cost (identical results).
RunOptions with_baseline_migration(RunOptions o, const std::shared_ptr<const Snapshot>& baseline, bool same_key) {
    if (same_key && baseline && baseline->finished() && baseline->migration && baseline->seed == o.seed &&
        baseline->scale == o.scale)
        o.migration_plan = baseline->migration;
    return o;
}

}  // namespace

bool App::preview_enabled() const { return preview_options_.scale < full_options_.scale * 0.75; }

void App::start_background(BackgroundRun& run, const Scenario& scenario, const std::string& key,
                           const RunOptions& options) {
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
        run.runner->run_to_end();
    }
}

bool App::sync_run(BackgroundRun& run) {
    if (!run.runner) return false;
    const auto s = run.runner->latest();
    if (!s || s == run.synced || s->scenario_version != run.version) return false;
    run.values->update(*s);
    run.synced = s;
    return true;
}

void App::ensure_baseline() {
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
        report(std::string("No baseline: ") + e.what());
        return;
    }
    start_background(baseline_, wanted, key, with_seed(full_options_, live));
    if (preview_enabled()) start_background(preview_baseline_, wanted, key, with_seed(preview_options_, live));
}

void App::rerun(bool changed) {
    if (!changed) {
        if (!editor_.error().empty()) report("Not applied: " + editor_.error());
        return;
    }
    ++edits_;
    edit_time_ = std::chrono::steady_clock::now();
    latency_.reset();
    preview_latency_.reset();
    state_.follow_latest = true;
    ensure_baseline();
    cancel_replicates();
    if (preview_enabled()) {
        // First the preview (a newer edit replaces one under way); the full run of an earlier edit
        // stops at once and the full run of this one starts when the preview is done.
        runner_.pause();
        full_version_ = 0;
        pending_full_ = editor_.scenario();
        const bool same = preview_baseline_.key == baseline_key(editor_.scenario());
        start_background(preview_, editor_.scenario(), "edit " + std::to_string(edits_),
                         with_baseline_migration(with_seed(preview_options_, editor_.scenario()),
                                                 preview_baseline_.synced, same));
    } else {
        const bool same = baseline_.key == baseline_key(editor_.scenario());
        full_version_ = runner_.replace_scenario(
            editor_.scenario(),
            with_baseline_migration(with_seed(full_options_, editor_.scenario()), baseline_.synced, same));
    }
    report("Re-running " + editor_.scenario().name + " to " + std::to_string(editor_.scenario().end_year) + "\u2026");
}

void App::advance_refinement() {
    if (!edited()) return;
    const bool preview_done = preview_.synced && preview_.synced->finished();
    if (pending_full_ && preview_done) {
        const bool same = baseline_.key == baseline_key(*pending_full_);
        const RunOptions o = with_baseline_migration(with_seed(full_options_, *pending_full_), baseline_.synced, same);
        full_version_ = runner_.replace_scenario(std::move(*pending_full_), o);
        pending_full_.reset();
    }
    if (pending_full_ == std::nullopt && preview_enabled() && !preview_latency_ && preview_done &&
        preview_baseline_.synced && preview_baseline_.synced->finished()) {
        preview_latency_ = seconds_since(edit_time_);
        char text[160];
        std::snprintf(text, sizeof text, "Preview to %d in %.1f s; refining at %g%% of residents\u2026",
                      preview_.synced->end_year(), *preview_latency_, full_options_.scale * 100);
        report(text);
    }
    const auto main = runner_.latest();
    if (!latency_ && full_version_ > 0 && main && main->scenario_version == full_version_ && main->finished() &&
        baseline_.synced && baseline_.synced->finished()) {
        latency_ = seconds_since(edit_time_);
        char text[160];
        std::snprintf(text, sizeof text, "Result to %d in %.1f s", main->end_year(), *latency_);
        report(text);
    }
}

std::optional<double> App::result_latency() const { return latency_; }

// ---------------------------------------------------------------------------------------------
// Replicates

int App::replicates_wanted() const {
    const int own = editor_.scenario().replicates;
    if (own > 1) return own;
    return uncertainty_ ? kUserReplicates : 0;
}

void App::set_uncertainty(bool on) {
    uncertainty_ = on;
    if (!on && editor_.scenario().replicates <= 1) cancel_replicates();
    view_snap_.reset();
}

void App::cancel_replicates() {
    if (replicate_runner_ && replicate_version_ > 0) replicate_runner_->pause();
    replicate_version_ = 0;
}

int App::replicates_done() const {
    if (replicates_wanted() <= 1) return 0;
    const bool current = scenario_replicates_of_ == editor_.scenario().resolved_json;
    return 1 + (current ? static_cast<int>(scenario_replicates_.size()) : 0);
}

bool App::replicates_ready() const {
    const int n = replicates_wanted();
    if (n <= 1) return true;
    if (replicates_done() < n) return false;
    if (!has_enabled_interventions(editor_.scenario())) return true;
    const auto it = baseline_replicates_.find(baseline_.key);
    return it != baseline_replicates_.end() && static_cast<int>(it->second.size()) >= n - 1;
}

void App::advance_replicates() {
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
        view_snap_.reset();
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
    RunOptions o = full_options_;
    o.seed = replicate_job_seed_;
    if (!replicate_runner_)
        replicate_runner_ = std::make_unique<SimRunner>(data_, job, o, /*low_priority=*/true, /*start_idle=*/true);
    replicate_version_ = replicate_runner_->replace_scenario(job, o);
}

bool App::background_ready() const {
    if (baseline_.runner && !(baseline_.synced && baseline_.synced->finished())) return false;
    if (preview_baseline_.runner && !(preview_baseline_.synced && preview_baseline_.synced->finished())) return false;
    for (const auto& run : side_)
        if (!(run.synced && run.synced->finished())) return false;
    return true;
}

void App::toggle_side_by_side(const std::string& which) {
    const LibraryEntry* entry = nullptr;
    for (const auto& e : library_.entries)
        if (e.file.string() == which || e.file.filename().string() == which || e.file.stem().string() == which ||
            e.scenario.name == which)
            entry = &e;
    if (!entry) throw InputError("no scenario '" + which + "' in the library (" + std::to_string(library_.entries.size()) +
                                 " files in scenarios/)");
    const std::string key = entry->file.string();
    for (auto it = side_.begin(); it != side_.end(); ++it)
        if (it->library_file == key) {
            side_.erase(it);
            view_snap_.reset();
            return;
        }
    if (side_.size() >= kMaxSide) side_.erase(side_.begin());
    BackgroundRun run;
    run.scenario = entry->scenario;
    run.library_file = key;
    run.values = std::make_unique<IndicatorValues>(data_);
    run.map = std::make_unique<MapView>(map_);
    side_.push_back(std::move(run));  // started by schedule_side_runs, one at a time
    ensure_baseline();
    start_next_side_run();
    view_snap_.reset();
    report(entry->scenario.name + " side by side: simulating in the background");
}

void App::start_next_side_run() {
    // One scenario side by side simulates at a time: started together they share the cores with the
    // live run and the baseline, and every one of them (and the window) slows down.
    for (const auto& run : side_)
        if (run.runner && !(run.synced && run.synced->finished())) return;
    for (auto& run : side_)
        if (!run.runner) {
            run.runner = std::make_unique<SimRunner>(data_, run.scenario, with_seed(full_options_, run.scenario));
            run.runner->run_to_end();
            return;
        }
}

// ---------------------------------------------------------------------------------------------
// Edits (buttons, sliders and scripts)

void App::load_scenario_file(const std::string& path) {
    Scenario s = load_scenario(path);  // throws ScenarioError, an InputError
    editor_.load(std::move(s));
    scenario_path_ = path;
    rerun(true);
}

void App::edit_enable(const std::string& id, bool on) {
    int i = editor_.find(id);
    bool changed;
    if (i < 0 && on)
        changed = editor_.add_from_library(id);
    else if (i < 0)
        throw InputError("the scenario has no intervention '" + id + "'");
    else
        changed = editor_.set_enabled(i, on);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::edit_coverage(const std::string& id, double coverage) {
    const int i = editor_.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    const bool changed = editor_.set_coverage(i, coverage);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::edit_start_year(const std::string& id, int year) {
    const int i = editor_.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    const bool changed = editor_.set_start_year(i, year);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::edit_zones(const std::string& id, const std::string& code) {
    const int i = editor_.find(id);
    if (i < 0) throw InputError("the scenario has no intervention '" + id + "'");
    std::vector<std::string> zones;
    if (code != "all") {
        if (find_unit(units_, code) < 0) throw InputError("unknown zone '" + code + "'");
        zones.push_back(code);
    }
    const bool changed = editor_.set_zones(i, zones);
    if (!changed && !editor_.error().empty()) throw InputError(editor_.error());
    rerun(changed);
}

void App::save_scenario(const std::string& path) {
    editor_.save(path);
    scenario_path_ = path;
    report("Saved " + path);
}

// ---------------------------------------------------------------------------------------------
// What the charts draw from the other runs

namespace {

// Over replicates, year by year, as `hhu run --replicates` (sim/core/statistics.hpp): the line becomes
// the mean of the replicates and the band its 95% t-interval, so a value never sits outside its own
// band. Years that not every replicate has yet keep the first replicate's value and no band.
void interval(const std::vector<std::vector<std::optional<double>>>& reps, std::vector<std::optional<double>>& mean,
              std::vector<std::optional<double>>& lower, std::vector<std::optional<double>>& upper) {
    lower.clear();
    upper.clear();
    if (reps.size() < 2) return;
    const std::size_t years = reps.front().size();
    mean = reps.front();
    lower.assign(years, std::nullopt);
    upper.assign(years, std::nullopt);
    for (std::size_t y = 0; y < years; ++y) {
        std::vector<double> v;
        for (const auto& r : reps)
            if (y < r.size() && r[y]) v.push_back(*r[y]);
        if (v.size() != reps.size()) continue;
        const Estimate e = estimate_mean(v);
        mean[y] = e.mean;
        lower[y] = e.lower;
        upper[y] = e.upper;
    }
}

}  // namespace

void App::add_comparisons() {
    const Scenario& live = editor_.scenario();
    view_.series_name = live.name;
    view_.has_interventions = has_enabled_interventions(live);
    const int years = view_.end_year - view_.first_year + 1;
    auto series_of = [&](IndicatorValues& values) {
        std::vector<std::optional<double>> out(years);
        for (int y = 0; y < years; ++y) out[y] = values.get(view_.ind, view_.first_year + y, view_.unit);
        return out;
    };
    BackgroundRun& baseline = shown_baseline();
    IndicatorValues& live_values = shown_values();
    if (showing_preview_) {
        char note[160];
        std::snprintf(note, sizeof note, "Preview at %g%% of residents, refining to %g%%\u2026",
                      preview_options_.scale * 100, full_options_.scale * 100);
        view_.preview_note = note;
    }
    // The interval over replicates: the full result only (a preview is another scale).
    const int wanted = replicates_wanted();
    std::vector<std::optional<double>> base_lower, base_upper, base_mean;
    const bool comparing = view_.has_interventions || !side_.empty();
    if (wanted > 1 && !showing_preview_ && !rerunning()) {
        const int done = replicates_done();
        std::vector<std::vector<std::optional<double>>> reps{view_.series};
        if (scenario_replicates_of_ == live.resolved_json)
            for (auto& r : scenario_replicates_) reps.push_back(series_of(*r.values));
        interval(reps, view_.series, view_.series_lower, view_.series_upper);
        if (comparing && baseline_.values && baseline_.synced && baseline_.synced->finished()) {
            std::vector<std::vector<std::optional<double>>> base{series_of(*baseline_.values)};
            const auto it = baseline_replicates_.find(baseline_.key);
            if (it != baseline_replicates_.end())
                for (std::size_t k = 0; k < it->second.size() && static_cast<int>(k) + 1 < wanted; ++k)
                    base.push_back(series_of(*it->second[k].values));
            interval(base, base_mean, base_lower, base_upper);
        }
        char note[160];
        if (done >= wanted)
            std::snprintf(note, sizeof note, "Line: mean of %d replicates; band: its 95%% interval", wanted);
        else if (done >= 2)
            std::snprintf(note, sizeof note, "Line: mean of %d of %d replicates; band: its 95%% interval\u2026", done,
                          wanted);
        else
            std::snprintf(note, sizeof note, "Computing %d replicates for the 95%% interval\u2026", wanted);
        view_.band_note = note;
    }
    if (comparing && baseline.values && baseline.synced)
        view_.lines.push_back({"Baseline (no interventions)", base_mean.empty() ? series_of(*baseline.values) : base_mean,
                               base_lower, base_upper,
                               kBaselineColour, true});
    for (std::size_t k = 0; k < side_.size(); ++k) {
        BackgroundRun& run = side_[k];
        if (!run.synced) continue;
        view_.lines.push_back({run.scenario.name, series_of(*run.values), {}, {}, kSideColours[k], false});
        run.view = compute_view_data(data_, *run.synced, *run.values, state_);
        run.view.scale = view_.scale;  // one colour scale for the maps side by side
        run.view.has_scale = view_.has_scale;
    }

    // Costs against QALYs gained, cumulated, for the province; each scenario against the baseline.
    const IndicatorInfo* qalys = find_indicator("qalys");
    const IndicatorInfo* cost = find_indicator("intervention_cost_eur");
    const IndicatorInfo* participants = find_indicator("intervention_participants");
    const IndicatorInfo* care = find_indicator("cost_eur");
    if (!qalys || !cost || !participants || !care || !baseline.values || !baseline.synced) return;
    const int province = province_unit(units_);
    auto curve = [&](const std::string& name, ImU32 colour, IndicatorValues& values, BackgroundRun& base) {
        CostCurve c;
        c.name = name;
        c.colour = colour;
        const int last = std::min(values.last_complete_year(), base.values->last_complete_year());
        double q = 0, e = 0, d = 0, n = 0;
        for (int y = view_.first_year; y <= last; ++y) {
            const auto qs = values.total(*qalys, y, province), qb = base.values->total(*qalys, y, province);
            const auto es = values.total(*cost, y, province), ns = values.total(*participants, y, province);
            const auto cs = values.total(*care, y, province), cb = base.values->total(*care, y, province);
            if (!qs || !qb || !es || !cs || !cb) break;
            q += *qs - *qb;
            e += *es;
            d += *cs - *cb;
            n += ns.value_or(0);
            c.years.push_back(y);
            c.qalys_gained.push_back(q);
            c.intervention_cost_eur.push_back(e);
            c.care_cost_change_eur.push_back(d);
            c.cost_eur.push_back(e + d);
            c.participants.push_back(n);
        }
        if (!c.years.empty()) view_.costs.push_back(std::move(c));
    };
    // Not from a preview: QALYs gained are a small difference of two totals, mostly noise at its scale.
    if (view_.has_interventions && !showing_preview_) curve(live.name, colours::accent, live_values, baseline);
    if (!baseline_.values || !baseline_.synced) return;
    for (std::size_t k = 0; k < side_.size(); ++k)
        if (side_[k].synced && has_enabled_interventions(side_[k].scenario))
            curve(side_[k].scenario.name, kSideColours[k], *side_[k].values, baseline_);
}

void App::costs_chart() {
    heading("Costs and QALYs gained", "province, cumulated since 2021");
    if (!view_.costs.empty())
        ImGui::TextDisabled("%s", fit("Net cost (interventions + change in care costs) against QALYs gained",
                                      ImGui::GetContentRegionAvail().x)
                                      .c_str());
    cost_chart(view_, ImGui::GetContentRegionAvail());
}

// ---------------------------------------------------------------------------------------------
// The panel

std::string App::zone_choice_label(const InterventionSpec& spec) const {
    if (spec.zones.empty()) return "Everywhere";
    if (spec.zones.size() == 1) {
        const int u = find_unit(units_, spec.zones[0]);
        return u >= 0 ? units_[u].name : spec.zones[0];
    }
    return std::to_string(spec.zones.size()) + " areas";
}

void App::scenario_panel() {
    const Scenario& sc = editor_.scenario();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::BeginChild("##scenario_scroll", ImVec2(0, 0), false);
    heading("Scenario", sc.name);
    if (!sc.description.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(
            fit_lines(first_sentence(sc.description, 200), ImGui::GetContentRegionAvail().x, workshop_ ? 2 : 3).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    // Where the runs are (short lines: the workshop's sidebar is narrow).
    const float avail = ImGui::GetContentRegionAvail().x;
    char text[160];
    if (rerunning()) {
        const auto main = runner_.latest();
        const int y = main && full_version_ > 0 && main->scenario_version == full_version_ ? main->live_year() : kFirstYear;
        if (preview_latency_) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colours::preview));
            std::snprintf(text, sizeof text, "Preview in %.1f s", *preview_latency_);
            ImGui::TextUnformatted(fit(text, avail).c_str());
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("A quick run at %g%% of residents (same seed) against its own baseline", 
                                  preview_options_.scale * 100);
            std::snprintf(text, sizeof text, "Refining: %d\u2026", y);
        } else if (preview_enabled()) {
            std::snprintf(text, sizeof text, "Preview\u2026");
        } else {
            std::snprintf(text, sizeof text, "Re-running: %d\u2026", y);
        }
        ImGui::TextUnformatted(fit(text, avail).c_str());
    } else if (latency_) {
        if (preview_latency_) {
            std::snprintf(text, sizeof text, "Preview in %.1f s,", *preview_latency_);
            ImGui::TextDisabled("%s", fit(text, avail).c_str());
            std::snprintf(text, sizeof text, "result in %.1f s", *latency_);
        } else {
            std::snprintf(text, sizeof text, "Result in %.1f s", *latency_);
        }
        ImGui::TextDisabled("%s", fit(text, avail).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The last change's result to %d, from the change", sc.end_year);
    }
    if (baseline_.runner) {
        const auto b = baseline_.synced;
        if (b && b->finished())
            ImGui::TextDisabled("%s", workshop_ ? "Baseline ready" : "Baseline ready (no interventions)");
        else
            ImGui::TextDisabled("Baseline: %d\u2026", b ? b->live_year() : kFirstYear);
    }
    // The interval over replicates (off unless the scenario has replicates of its own: it keeps one
    // core busy in the background after every change).
    if (sc.replicates > 1) {
        ImGui::TextDisabled("%s", fit("Uncertainty: " + std::to_string(sc.replicates) + " replicates (scenario file)",
                                      ImGui::GetContentRegionAvail().x)
                                      .c_str());
    } else {
        bool on = uncertainty_;
        // "Show uncertainty (5 replicates)", on two lines if the sidebar is narrow.
        const std::string full = "Show uncertainty (" + std::to_string(kUserReplicates) + " replicates)";
        const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - st_inner_spacing();
        const bool one_line = ImGui::CalcTextSize(full.c_str()).x <= room;
        if (ImGui::Checkbox(one_line ? full.c_str() : "Show uncertainty", &on)) set_uncertainty(on);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Runs %d more seeds of the scenario and its baseline in the background, after each\n"
                              "result, and shades the 95%% interval in the trend chart",
                              kUserReplicates - 1);
        if (!one_line) {
            ImGui::Indent(ImGui::GetFrameHeight() + st_inner_spacing());
            ImGui::TextDisabled("(%d replicates)", kUserReplicates);
            ImGui::Unindent(ImGui::GetFrameHeight() + st_inner_spacing());
        }
    }
    ImGui::Spacing();
    intervention_editor();
    ImGui::Spacing();
    library_cards();
    ImGui::Spacing();

    // Files.
    group_heading("Scenario file");
    if (!workshop_) {
        ImGui::SetNextItemWidth(-1);
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%s", scenario_path_.c_str());
        if (ImGui::InputText("##path", buffer, sizeof buffer)) scenario_path_ = buffer;
        if (ImGui::Button("Load")) {
            try {
                load_scenario_file(scenario_path_);
            } catch (const std::exception& e) {
                report(std::string("Cannot load: ") + e.what());
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Save")) {
            try {
                save_scenario(scenario_path_);
            } catch (const std::exception& e) {
                report(e.what());
            }
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(workshop_ ? "Save a copy" : "Save a copy in the working folder")) {
        try {
            save_scenario(timestamped_file_name(sc.name, "json"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    ImGui::EndChild();
}

void App::intervention_editor() {
    Scenario sc = editor_.scenario();  // a copy: edits below replace the editor's
    group_heading("Interventions");
    if (sc.interventions.empty()) ImGui::TextDisabled("None in this scenario: add one below.");
    const float width = ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < static_cast<int>(sc.interventions.size()); ++i) {
        const InterventionSpec& spec = sc.interventions[i];
        ImGui::PushID(i);
        bool on = spec.enabled;
        const std::string label = fit(spec.name.empty() ? spec.id : spec.name,
                                      width - ImGui::GetFrameHeight() - st_inner_spacing());
        if (ImGui::Checkbox(label.c_str(), &on)) rerun(editor_.set_enabled(i, on));
        if (ImGui::IsItemHovered() && !spec.description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(fonts_.px * 30);
            ImGui::TextUnformatted(spec.description.c_str());
            if (!spec.source.empty()) ImGui::TextDisabled("Source: %s", spec.source.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (on) {
            ImGui::Indent(fonts_.px * 0.8f);
            // Light grabs, so that the values written on the sliders stay readable under them.
            ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImVec4(0.62f, 0.76f, 0.90f, 1));
            ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, ImVec4(0.52f, 0.68f, 0.86f, 1));
            const float w = ImGui::GetContentRegionAvail().x;
            // Coverage: the share of the eligible offered a place each year.
            const std::string key = spec.id;
            auto buffered = [&](const std::string& k, float value) {
                const auto it = slider_buffer_.find(k);
                return it != slider_buffer_.end() ? it->second.value : value;
            };
            // A slider runs its value when released, or while held once it has not moved for 150 ms
            // (a newer value then cancels that run).
            auto settle = [&](const std::string& k, float v, float applied) -> bool {
                const auto now = std::chrono::steady_clock::now();
                if (ImGui::IsItemActive()) {
                    const auto it = slider_buffer_.find(k);
                    if (it == slider_buffer_.end() || it->second.value != v) {
                        slider_buffer_[k] = {v, now};
                        return false;
                    }
                    return v != applied && now - it->second.moved >= std::chrono::milliseconds(150);
                }
                const bool done = ImGui::IsItemDeactivatedAfterEdit();
                slider_buffer_.erase(k);
                return done && v != applied;
            };
            if (spec.capacity_per_year > 0) {
                ImGui::TextDisabled("%s places a year", format_value_for_display(spec.capacity_per_year).c_str());
            } else {
                float pct = buffered(key + "/coverage", static_cast<float>(spec.coverage * 100));
                ImGui::SetNextItemWidth(w);
                ImGui::SliderFloat("##coverage", &pct, 0, 100, "coverage %.0f%% a year", ImGuiSliderFlags_NoInput);
                if (settle(key + "/coverage", std::round(pct), std::round(static_cast<float>(spec.coverage * 100)))) rerun(editor_.set_coverage(i, std::round(pct) / 100.0));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share of eligible residents offered a place each year");
            }
            float start = buffered(key + "/start", static_cast<float>(spec.start_year));
            int start_i = static_cast<int>(start);
            ImGui::SetNextItemWidth(w);
            ImGui::SliderInt("##start", &start_i, sc.start_year, spec.end_year, "starts in %d", ImGuiSliderFlags_NoInput);
            if (settle(key + "/start", static_cast<float>(start_i), static_cast<float>(spec.start_year))) rerun(editor_.set_start_year(i, start_i));
            ImGui::PopStyleColor(2);
            // Target zones: everywhere, or a set of areas (each click adds or removes one).
            ImGui::SetNextItemWidth(w);
            const std::string zones_label = "where: " + zone_choice_label(spec);
            if (ImGui::BeginCombo("##zones", fit(zones_label, w - ImGui::GetFrameHeight() * 1.5f).c_str(),
                                  ImGuiComboFlags_HeightLarge)) {
                if (ImGui::Selectable("Everywhere", spec.zones.empty())) rerun(editor_.set_zones(i, {}));
                const int nz = data_.num_zones();
                std::vector<int> order;
                for (int a = kNumAggregates - 2; a >= 0; --a) order.push_back(nz + a);  // not the province again
                for (int z = 0; z < nz; ++z) order.push_back(z);
                for (int u : order) {
                    const std::string& code = units_[u].code;
                    auto zones = spec.zones;
                    const auto it = std::find(zones.begin(), zones.end(), code);
                    const bool member = it != zones.end();
                    if (ImGui::Selectable(units_[u].name.c_str(), member, ImGuiSelectableFlags_DontClosePopups)) {
                        if (member)
                            zones.erase(it);
                        else
                            zones.push_back(code);
                        rerun(editor_.set_zones(i, zones));
                    }
                }
                ImGui::EndCombo();
            }
            if (!spec.programme.empty() || spec.cost_per_participant_eur > 0) {
                std::string note = spec.programme;
                if (spec.cost_per_participant_eur > 0)
                    note += (note.empty() ? "" : " \u00B7 ") + std::string("\u20AC") +
                            format_value_for_display(spec.cost_per_participant_eur) + " per participant";
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
                ImGui::TextUnformatted(fit(note, w).c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Unindent(fonts_.px * 0.8f);
        }
        ImGui::PopID();
    }
    // Add an intervention defined by another scenario of the library.
    std::vector<int> addable;
    for (int k = 0; k < static_cast<int>(library_.interventions.size()); ++k)
        if (editor_.find(library_.interventions[k].id) < 0) addable.push_back(k);
    if (!addable.empty()) {
        ImGui::SetNextItemWidth(width);
        if (ImGui::BeginCombo("##add", "+ Add an intervention\u2026", ImGuiComboFlags_HeightLarge)) {
            for (int k : addable) {
                const auto& spec = library_.interventions[k];
                const std::string item = (spec.name.empty() ? spec.id : spec.name) + "##" + spec.id;
                if (ImGui::Selectable(item.c_str())) rerun(editor_.add_from_library(spec.id));
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("From %s", library_.intervention_file[k].c_str());
            }
            ImGui::EndCombo();
        }
    }
}

float App::st_inner_spacing() const { return ImGui::GetStyle().ItemInnerSpacing.x; }

void App::library_cards() {
    group_heading(workshop_ ? "Ready scenarios" : "Ready scenarios (scenarios/*.json)");
    if (library_.entries.empty()) ImGui::TextDisabled("No scenario files found.");
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    for (std::size_t k = 0; k < library_.entries.size(); ++k) {
        const LibraryEntry& e = library_.entries[k];
        ImGui::PushID(static_cast<int>(k));
        const bool live = e.scenario.name == editor_.scenario().name;
        const bool beside = std::any_of(side_.begin(), side_.end(),
                                        [&](const BackgroundRun& r) { return r.library_file == e.file.string(); });
        // The card's height: name, up to two lines of description, the buttons.
        const float inner = ImGui::GetContentRegionAvail().x - 2 * st.WindowPadding.x - st.ScrollbarSize;
        const std::string desc = fit_lines(first_sentence(e.scenario.description, 200), inner, 2);
        const float desc_h = desc.empty() ? 0
                                          : ImGui::CalcTextSize(desc.c_str(), nullptr, false, inner).y + st.ItemSpacing.y;
        const float h = line + desc_h + ImGui::GetFrameHeightWithSpacing() + 2 * st.WindowPadding.y;
        if (live || beside) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(colours::accent));
        ImGui::BeginChild("##card", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(fit(e.scenario.name, inner).c_str());
        ImGui::PopFont();
        if (!desc.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
            ImGui::TextUnformatted(desc.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        ImGui::SetCursorPosY(h - st.WindowPadding.y - ImGui::GetFrameHeight());
        ImGui::BeginDisabled(live);
        if (ImGui::Button(live ? "Shown" : "Show")) {
            editor_.load(e.scenario);
            scenario_path_ = e.file.string();
            rerun(true);
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(live);
        if (ImGui::Button(beside ? "Remove from side by side" : "Side by side")) toggle_side_by_side(e.file.string());
        ImGui::EndDisabled();
        ImGui::EndChild();
        if (live || beside) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    for (const auto& w : library_.warnings) ImGui::TextDisabled("%s", fit(w, ImGui::GetContentRegionAvail().x).c_str());
}

}  // namespace hhu::viz
