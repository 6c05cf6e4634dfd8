// The "What changes" panel: the live scenario minus its baseline (or two run directories opened by
// path), the headline measures with their intervals, as a table that needs no hovering.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "app.hpp"
#include "csv_export.hpp"
#include "screenshot.hpp"
#include "sim/core/system.hpp"
#include "sim/core/error.hpp"

namespace hhu::viz {

namespace {

bool is_level(const ComparisonRow& row) {
    return row.measure == "healthy_life_expectancy_change" || row.measure == "care_fte_gap_change" ||
           row.measure.find("_gap_") != std::string::npos;
}

std::string pointer_text(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

}  // namespace

void App::update_changes() {
    if (changes_from_dirs_) return;
    const Scenario& live = editor_.scenario();
    if (!has_enabled_interventions(live)) {
        changes_.reset();
        changes_key_.clear();
        changes_current_ = false;
        return;
    }
    const bool ready = !showing_preview_ && !rerunning() && values_.finished() && baseline_.values && baseline_.synced &&
                       baseline_.synced->finished();
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
    changes_runs_ = {plain_title(live), "Baseline (no interventions)", full_options_.scale,
                     live.seed, "simulated in the viewer"};
    try {
        changes_ = compare_in_memory(base, scen, changes_runs_);
    } catch (const std::exception& e) {
        changes_.reset();
        report(std::string("What changes: ") + e.what());
        return;
    }
    // The answer first: the first comparison of a session is shown without being asked for.
    if (!changes_shown_once_) show_changes_ = changes_shown_once_ = true;
}

void App::open_runs(const std::string& baseline_dir, const std::string& scenario_dir) {
    Comparison c = compare_runs(baseline_dir, scenario_dir);
    changes_runs_ = {c.scenario.scenario_name, c.baseline.scenario_name, c.scenario.scale, c.scenario.seed,
                     "run directories " + baseline_dir + " and " + scenario_dir};
    changes_ = std::move(c);
    changes_from_dirs_ = changes_current_ = true;
    show_changes_ = changes_shown_once_ = true;
    report("Opened " + scenario_dir + " against " + baseline_dir);
}

void App::export_changes_csv(const std::string& path) {
    if (!changes_) throw InputError("no comparison to save yet: it appears once the scenario and its baseline have run");
    write_text_file(path, changes_csv(*changes_, changes_runs_));
    report("Saved " + path);
}

void App::changes_panel() {
    const float width = ImGui::GetContentRegionAvail().x;
    if (!changes_) {
        heading("What changes");
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", has_enabled_interventions(editor_.scenario())
                                      ? "Appears when the scenario and its baseline have run to the end."
                                      : "Switch on an intervention, or show a ready scenario, to see what it changes "
                                        "against the baseline.");
        ImGui::PopTextWrapPos();
        return;
    }
    const Comparison& c = *changes_;
    heading("What changes", changes_runs_.scenario);
    const std::string how =
        c.replicates > 1 ? "Minus " + changes_runs_.baseline + ", paired (same seeds): mean of " +
                               std::to_string(c.replicates) + " replicates [95% interval]"
                         : "Minus " + changes_runs_.baseline + ", same seed; one run each: no interval";
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", how.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", fit("Province of Utrecht; " + changes_runs_.origin, width).c_str());
    if (ImGui::Button(workshop_ ? "Save table" : "Save this table (CSV)")) {
        try {
            export_changes_csv(timestamped_file_name("hhu-what-changes", "csv"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    if (!changes_from_dirs_) {
        ImGui::SameLine();
        ImGui::Checkbox("Map: scenario minus baseline", &state_.difference);
    }
    const int columns[] = {static_cast<int>(PeriodKind::Year), static_cast<int>(PeriodKind::LastYear),
                           static_cast<int>(PeriodKind::Cumulated)};
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##changes", 4, flags)) {
        ImGui::TableSetupColumn("Measure", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        for (int k : columns) {
            // The sum over every year simulated (2021-2040): "All years", short enough for a narrow column.
            const std::string head = c.periods[k] == "cumulated" ? "All years" : "In " + c.periods[k];
            ImGui::TableSetupColumn(head.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        ImGui::PushFont(fonts_.bold);
        ImGui::TableHeadersRow();
        ImGui::PopFont();
        for (const auto& name : headline_measures())
            for (const auto& row : c.rows) {
                if (row.measure != name) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(row.label.c_str());
                ImGui::PopTextWrapPos();
                for (int k : columns) {
                    ImGui::TableNextColumn();
                    // A level (life expectancy, a gap, the FTE gap) has no sum over the years: its
                    // cumulated value (the last year's, in the CSV) is not repeated here.
                    const bool sum_of_level = k == static_cast<int>(PeriodKind::Cumulated) && is_level(row);
                    const std::string text =
                        reported(c, row, k) && !sum_of_level ? estimate_text(row, k) : "\u2013";
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextUnformatted(text.c_str());
                    ImGui::PopTextWrapPos();
                }
            }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Cost per QALY: (intervention costs + change in care costs) / QALYs gained. "
                        "Source: hhu simulation, version %s.",
                        version_string().c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace hhu::viz
