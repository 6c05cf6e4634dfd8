// The "What changes" panel: the live scenario minus its baseline (or two run directories opened by
// path), the headline measures with their intervals, as a table that needs no hovering.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "app.hpp"
#include "csv_export.hpp"
#include "screenshot.hpp"
#include "sim/compare/compare_format.hpp"
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

void App::export_costs_csv(const std::string& path) {
    const auto& changes = session_.changes();
    if (!changes)
        throw InputError("no costs to save yet: they appear once the scenario and its baseline have run");
    write_text_file(path, costs_csv(*changes, session_.changes_runs()));
    report("Saved " + path);
}

void App::costs_table(const Comparison& c) {
    heading(t("costs.title"), session_.changes_runs().scenario);
    const std::vector<int> periods = cost_periods(c);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##costs_table", 1 + static_cast<int>(periods.size()), flags)) {
        ImGui::TableSetupColumn(t("changes.measure").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        for (int k : periods) {
            const char* key = k == static_cast<int>(PeriodKind::Cumulated)    ? "costs.cumulated"
                              : k == static_cast<int>(PeriodKind::Discounted) ? "costs.discounted"
                              : k == static_cast<int>(PeriodKind::Lifetime)   ? "costs.lifetime"
                                                                              : "costs.lifetime_discounted";
            // The whole period by its years ("2021–2040"): short enough for a narrow column.
            const std::string head =
                k == static_cast<int>(PeriodKind::Cumulated) ? years_text(c.first_year, c.last_year) : t(key);
            ImGui::TableSetupColumn(head.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        ImGui::PushFont(fonts_.bold);
        ImGui::TableHeadersRow();
        ImGui::PopFont();
        std::string group;
        for (const ComparisonRow* row : cost_rows(c)) {
            if (row->group != group) {  // compare's groups as sub-headings: costs, payers, returns
                group = row->group;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushFont(fonts_.bold);
                ImGui::PushTextWrapPos(0);
                // compare's group names, in the panel's language (an unknown group as compare writes it).
                const char* key = group.rfind("Costs by payer", 0) == 0 ? "costs.group_payers"
                                  : group.rfind("Costs", 0) == 0        ? "costs.group_costs"
                                                                        : "costs.group_return";
                ImGui::TextUnformatted(group == ui_text(Language::English, key) ? t(key).c_str() : group.c_str());
                ImGui::PopTextWrapPos();
                ImGui::PopFont();
            }
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            const std::string label = measure_label(lang_, row->measure, row->label);
            ImGui::TextUnformatted((label + " (" + text_or(lang_, "unit." + row->unit, row->unit) + ")").c_str());
            ImGui::PopTextWrapPos();
            for (int k : periods) {
                ImGui::TableNextColumn();
                // hhu compare's own cell (the same string `hhu compare` prints), in the panel's language.
                const std::string cell = comparison_cell(c, *row, k);
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(cell.empty() ? "\u2013" : localise_figure(lang_, cell).c_str());
                ImGui::PopTextWrapPos();
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    char note[1200];
    std::snprintf(note, sizeof note, t("costs.discount_note").c_str(), c.discount_base_year, 100 * c.discount_costs,
                  100 * c.discount_effects);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", note);
    for (const auto& w : c.warnings) ImGui::TextDisabled("%s", w.c_str());
    ImGui::PopTextWrapPos();
}

void App::changes_panel() {
    const float width = ImGui::GetContentRegionAvail().x;
    const auto& changes = session_.changes();
    const ChangesRuns& runs = session_.changes_runs();
    // Two views of the comparison: health and care (the headline), or costs and who pays.
    for (const bool costs : {false, true}) {
        if (costs) ImGui::SameLine();
        const bool chosen = show_costs_ == costs;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(colours::accent));
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button(t(costs ? "costs.show_costs" : "costs.show_health").c_str())) show_costs_ = costs;
        if (chosen) ImGui::PopStyleColor(2);
    }
    if (changes && show_costs_) {
        if (ImGui::Button(t("costs.save").c_str())) {
            try {
                export_costs_csv(timestamped_file_name("hhu-costs", "csv"));
            } catch (const std::exception& e) {
                report(e.what());
            }
        }
        costs_table(*changes);
        return;
    }
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
