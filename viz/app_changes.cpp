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

}  // namespace

std::string App::localised_estimate(const ComparisonRow& row, int period) const {
    std::string s = estimate_text(row, period);
    if (lang_ == Language::English) return s;
    // The unit at the end ("years", "million EUR"), in the brief's words for it.
    for (const std::string unit : {"million " + row.unit, row.unit})
        if (s.size() > unit.size() && s.compare(s.size() - unit.size(), unit.size(), unit) == 0) {
            const bool million = unit.rfind("million ", 0) == 0;
            s = s.substr(0, s.size() - unit.size()) + (million ? "mln " : "") +
                text_or(lang_, "unit." + row.unit, row.unit);
            break;
        }
    return localise_figure(lang_, s);
}

void App::open_runs(const std::string& baseline_dir, const std::string& scenario_dir) {
    session_.open_runs(baseline_dir, scenario_dir);
    show_changes_ = changes_shown_once_ = true;
    comparisons_seen_ = session_.comparisons_made();
}

void App::export_changes_csv(const std::string& path) {
    const auto& changes = session_.changes();
    if (!changes)
        throw InputError("no comparison to save yet: it appears once the scenario and its baseline have run");
    write_text_file(path, changes_csv(*changes, session_.changes_runs()));
    report("Saved " + path);
}

void App::changes_panel() {
    const float width = ImGui::GetContentRegionAvail().x;
    const auto& changes = session_.changes();
    const ChangesRuns& runs = session_.changes_runs();
    if (!changes) {
        heading(t("changes.title"));
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", t(has_enabled_interventions(session_.scenario()) ? "changes.waiting"
                                                                                  : "changes.no_interventions")
                                      .c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    const Comparison& c = *changes;
    heading(t("changes.title"), runs.scenario);
    const bool simulated_baseline = runs.baseline == "Baseline (no interventions)";
    std::string how = t("changes.minus") + " " + (simulated_baseline ? t("chart.baseline") : runs.baseline) + ", ";
    if (c.replicates > 1) {
        char text[200];
        std::snprintf(text, sizeof text, t("changes.paired_mean").c_str(), c.replicates);
        how += text;
    } else {
        how += t("changes.one_run");
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", how.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", fit(t("changes.province") + "; " + runs.origin, width).c_str());
    if (ImGui::Button(workshop_ ? t("changes.save").c_str() : "Save this table (CSV)")) {
        try {
            export_changes_csv(timestamped_file_name("hhu-what-changes", "csv"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    if (!session_.changes_from_dirs()) {
        ImGui::SameLine();
        ImGui::Checkbox(t("changes.difference_map").c_str(), &state_.difference);
    }
    const int columns[] = {static_cast<int>(PeriodKind::Year), static_cast<int>(PeriodKind::LastYear),
                           static_cast<int>(PeriodKind::Cumulated)};
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##changes", 4, flags)) {
        ImGui::TableSetupColumn(t("changes.measure").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        for (int k : columns) {
            // The sum over every year simulated (2021-2040): "All years", short enough for a narrow column.
            const std::string head =
                c.periods[k] == "cumulated" ? t("changes.all_years") : t("changes.in") + " " + c.periods[k];
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
                ImGui::TextUnformatted(measure_label(lang_, row.measure, row.label).c_str());
                ImGui::PopTextWrapPos();
                for (int k : columns) {
                    ImGui::TableNextColumn();
                    // A level (life expectancy, a gap, the FTE gap) has no sum over the years: its
                    // cumulated value (the last year's, in the CSV) is not repeated here.
                    const bool sum_of_level = k == static_cast<int>(PeriodKind::Cumulated) && is_level(row);
                    const std::string text =
                        reported(c, row, k) && !sum_of_level ? localised_estimate(row, k) : "\u2013";
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextUnformatted(text.c_str());
                    ImGui::PopTextWrapPos();
                }
            }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s %s.", t("changes.cost_per_qaly_note").c_str(), version_string().c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace hhu::viz
