// The "What changes" panel: the live scenario minus its baseline (or two run directories opened by
// path), the headline measures with their intervals, as a table that needs no hovering.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "csv_export.hpp"
#include "screenshot.hpp"
#include "sim/compare/compare_format.hpp"
#include "sim/core/system.hpp"
#include "sim/core/error.hpp"
#include "sim/model/prices.hpp"

namespace hhu::viz {

namespace {

// A unit without the price year of compare's amounts ("EUR (2023 prices) per QALY" -> "EUR per QALY").
std::string unit_without_price_year(std::string unit) {
    const std::string prices = std::string(" (") + std::to_string(kPriceYear) + " prices)";
    if (const auto at = unit.find(prices); at != std::string::npos) unit.erase(at, prices.size());
    return unit;
}

bool is_level(const ComparisonRow& row) {
    return row.measure == "healthy_life_expectancy_change" || row.measure == "care_fte_gap_change" ||
           row.measure.find("_gap_") != std::string::npos;
}

}  // namespace

std::string App::localised_estimate(const ComparisonRow& row, int period) const {
    std::string s = estimate_text(row, period);
    // The price year is said once under the table: the cell ends in "million EUR", not "million EUR (2023 prices)".
    const std::string unit = unit_without_price_year(row.unit);
    if (s.size() > row.unit.size() && s.compare(s.size() - row.unit.size(), row.unit.size(), row.unit) == 0)
        s = s.substr(0, s.size() - row.unit.size()) + unit;
    if (lang_ == Language::English) return s;
    // The unit at the end ("years", "million EUR"), in the brief's words for it.
    for (const std::string& shown : {"million " + unit, unit})
        if (s.size() > shown.size() && s.compare(s.size() - shown.size(), shown.size(), shown) == 0) {
            const bool million = shown.rfind("million ", 0) == 0;
            s = s.substr(0, s.size() - shown.size()) + (million ? "mln " : "") + text_or(lang_, "unit." + unit, unit);
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
    report(t("message.saved") + path);
}

void App::export_costs_csv(const std::string& path) {
    const auto& changes = session_.changes();
    if (!changes)
        throw InputError("no costs to save yet: they appear once the scenario and its baseline have run");
    write_text_file(path, costs_csv(*changes, session_.changes_runs(), lang_));
    report(t("message.saved") + path);
}

void App::period_table(const char* id, const PeriodTable& table) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::size_t n = table.heads.size() - 1;  // the periods' columns
    // A period's column is as wide as its cells, and never narrower than the longest word of its heading
    // or cells ("Levenslang,", "[-1.234;"): nothing is clipped, a long cell wraps at its spaces.
    std::vector<float> least(n, 0), want(n, 0);
    float label_word = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ImGui::PushFont(fonts_.bold);
        least[i] = widest_word(table.heads[i + 1]);
        ImGui::PopFont();
    }
    for (const auto& line : table.lines) {
        if (!line.group) label_word = std::max(label_word, widest_word(line.label));
        for (std::size_t i = 0; i < line.cells.size() && i < n; ++i) {
            least[i] = std::max(least[i], widest_word(line.cells[i]));
            want[i] = std::max(want[i], ImGui::CalcTextSize(line.cells[i].c_str()).x);
        }
    }
    const float pad = ImGui::GetStyle().CellPadding.x * 2;
    float least_sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        want[i] = std::max(want[i], least[i]);
        least_sum += least[i] + pad;
    }
    // Labels beside the numbers when they keep at least 38% of the width; else each label on a line of
    // its own across the table, its numbers under the headings on the next (a narrow panel at 1280x720);
    // periods that do not fit side by side even so are shown in a second table under the first.
    const float label_room = std::max(avail * 0.38f, label_word + pad);
    const bool beside = label_room + least_sum <= avail;
    const float room = beside ? avail - label_room : avail;  // for the numbers' columns
    std::vector<std::size_t> part;
    float part_least = 0;
    int parts = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        if (i == n || (!part.empty() && part_least + least[i] + pad > room)) {
            period_table_part((std::string(id) + std::to_string(parts++)).c_str(), table, part, least, want, beside,
                              room);
            part.clear();
            part_least = 0;
        }
        if (i == n) break;
        part.push_back(i);
        part_least += least[i] + pad;
    }
}

void App::period_table_part(const char* id, const PeriodTable& table, const std::vector<std::size_t>& columns,
                            const std::vector<float>& least, std::vector<float> want, bool beside, float room) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().CellPadding.x * 2;
    float least_sum = 0, want_sum = 0;
    for (std::size_t i : columns) least_sum += least[i] + pad, want_sum += want[i] + pad;
    const float grow = room - least_sum, wanted = std::max(1.f, want_sum - least_sum);
    for (std::size_t i : columns)  // shrink towards the least widths, or share out the room left
        want[i] = want_sum > room ? least[i] + (want[i] - least[i]) * std::max(0.f, grow) / wanted
                  : beside        ? want[i]
                                  : want[i] + (room - want_sum) / static_cast<float>(columns.size());
    const int first = beside ? 1 : 0;  // the first column of numbers
    // Side by side: a line a row, rows shaded in turn. Stacked: a label's row runs across the columns
    // (no clipping) and its numbers' row has the same shade, so that the two read as one.
    ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp;
    flags |= beside ? ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH : ImGuiTableFlags_NoClip;
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()) + first, flags)) return;
    if (beside) ImGui::TableSetupColumn(table.heads[0].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (std::size_t i : columns)
        ImGui::TableSetupColumn(table.heads[i + 1].c_str(), ImGuiTableColumnFlags_WidthFixed, std::floor(want[i]));
    // The headings wrap at their spaces ("Levenslang, / contante waarde") rather than being clipped.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::PushFont(fonts_.bold);
    if (beside) {
        ImGui::TableSetColumnIndex(0);
        text_wrapped_at_spaces(table.heads[0]);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c) + first);
        text_wrapped_at_spaces(table.heads[columns[c] + 1]);
    }
    ImGui::PopFont();
    const ImU32 shade = ImGui::GetColorU32(ImGuiCol_TableRowBgAlt);
    int k = 0;
    for (const auto& line : table.lines) {
        ImGui::TableNextRow();
        const bool shaded = !beside && !line.group && k++ % 2 == 1;
        if (shaded) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, shade);
        ImGui::TableSetColumnIndex(0);
        if (line.group) ImGui::PushFont(fonts_.bold);
        text_wrapped_at_spaces(line.label, beside ? 0 : avail - pad);
        if (line.group) ImGui::PopFont();
        if (line.group) continue;
        if (!beside) {
            ImGui::TableNextRow();
            if (shaded) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, shade);
        }
        for (std::size_t c = 0; c < columns.size(); ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c) + first);
            if (columns[c] < line.cells.size()) text_wrapped_at_spaces(line.cells[columns[c]]);
        }
    }
    ImGui::EndTable();
}

void App::costs_table(const Comparison& c) {
    heading(t("costs.title"), session_.changes_runs().scenario);
    ImGui::TextDisabled("%s", t("costs.prices_note").c_str());
    const std::vector<int> periods = cost_periods(c);
    PeriodTable table;
    table.heads = {t("changes.measure")};
    for (int k : periods) {
        const char* key = k == static_cast<int>(PeriodKind::Cumulated)    ? "costs.cumulated"
                          : k == static_cast<int>(PeriodKind::Discounted) ? "costs.discounted"
                          : k == static_cast<int>(PeriodKind::Lifetime)   ? "costs.lifetime"
                                                                          : "costs.lifetime_discounted";
        // The whole period by its years ("2021–2040"): short enough for a narrow column.
        table.heads.push_back(k == static_cast<int>(PeriodKind::Cumulated) ? years_text(c.first_year, c.last_year)
                                                                          : t(key));
    }
    std::string group;
    for (const ComparisonRow* row : cost_rows(c)) {
        if (row->group != group) {  // compare's groups as sub-headings: costs, payers, returns, societal
            group = row->group;
            // compare's group names, in the panel's language (an unknown group as compare writes it).
            const char* key = group.rfind("Costs by payer", 0) == 0         ? "costs.group_payers"
                              : group.rfind("Costs", 0) == 0                ? "costs.group_costs"
                              : group.rfind("Societal perspective", 0) == 0 ? "costs.group_societal"
                                                                            : "costs.group_return";
            table.lines.push_back({true, group == ui_text(Language::English, key) ? t(key) : group, {}});
        }
        // The price year is said once, under the title: a row names its unit without it ("EUR", not "EUR (2023
        // prices)"), so that a label stays on one or two lines at 1280x720.
        const std::string unit = unit_without_price_year(row->unit);
        PeriodTable::Line line{false, measure_label(lang_, row->measure, row->label) + " (" +
                                          text_or(lang_, "unit." + unit, unit) + ")", {}};
        // hhu compare's own cell (the same string `hhu compare` prints), in the panel's language.
        for (int k : periods) line.cells.push_back(costs_cell_shown(c, *row, k, lang_));
        table.lines.push_back(std::move(line));
    }
    period_table("##costs_table", table);
    ImGui::Spacing();
    // The rates as numbers of the language (1,5 in Dutch), set into the sentence.
    const auto rate = [&](double r) { return localise_figure(lang_, printf_text("%g", 100 * r)); };
    const std::string note =
        printf_text(t("costs.discount_note"), c.discount_base_year, rate(c.discount_costs), rate(c.discount_effects));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", note.c_str());
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
    if (ImGui::Button(t(workshop_ ? "changes.save" : "changes.save_long").c_str())) {
        try {
            export_changes_csv(timestamped_file_name("hhu-what-changes", "csv"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    if (!session_.changes_from_dirs()) {
        // Beside the button when it fits, else under it; never cut at the panel's edge.
        const std::string label = t("changes.difference_map");
        const float box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < box + ImGui::CalcTextSize(label.c_str()).x) ImGui::NewLine();
        ImGui::Checkbox((fit(label, ImGui::GetContentRegionAvail().x - box) + "##difference").c_str(), &state_.difference);
    }
    const int columns[] = {static_cast<int>(PeriodKind::Year), static_cast<int>(PeriodKind::LastYear),
                           static_cast<int>(PeriodKind::Cumulated)};
    PeriodTable table;
    table.heads = {t("changes.measure")};
    for (int k : columns)  // the sum over every year simulated: "All years", short enough for a narrow column
        table.heads.push_back(c.periods[k] == "cumulated" ? t("changes.all_years") : t("changes.in") + " " + c.periods[k]);
    for (const auto& name : headline_measures())
        for (const auto& row : c.rows) {
            if (row.measure != name) continue;
            PeriodTable::Line line{false, measure_label(lang_, row.measure, row.label), {}};
            for (int k : columns) {
                // A level (life expectancy, a gap, the FTE gap) has no sum over the years: its cumulated
                // value (the last year's, in the CSV) is not repeated here.
                const bool sum_of_level = k == static_cast<int>(PeriodKind::Cumulated) && is_level(row);
                line.cells.push_back(reported(c, row, k) && !sum_of_level ? localised_estimate(row, k) : "\u2013");
            }
            table.lines.push_back(std::move(line));
        }
    period_table("##changes", table);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s %s %s.", t("costs.prices_note").c_str(), t("changes.cost_per_qaly_note").c_str(),
                        version_string().c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace hhu::viz
