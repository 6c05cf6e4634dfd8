#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "app.hpp"

// The sidebar: what to show (indicator, area) and the scenario.
namespace hhu::viz {

void App::group_heading(const char* text) {
    ImGui::PushFont(fonts_.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colours::accent));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void App::draw_sidebar() {
    begin_panel("##sidebar", layout_.sidebar);
    const int request = std::exchange(sidebar_tab_request_, -1);
    if (ImGui::BeginTabBar("##sidebar_tabs")) {
        if (ImGui::BeginTabItem((t(workshop_ ? "tab.show" : "tab.what_to_show") + "##show").c_str(), nullptr,
                                request == 0 ? ImGuiTabItemFlags_SetSelected : 0)) {
            draw_show_tab();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem((t("tab.scenario") + "##scenario").c_str(), nullptr, request == 1 ? ImGuiTabItemFlags_SetSelected : 0)) {
            scenario_panel();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void App::draw_show_tab() {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const int scenario_lines = workshop_ ? 3 : 4;
    // Everything but the two lists has a fixed height; the lists share the rest.
    const float fixed = 3 * line + (workshop_ ? 0 : ImGui::GetFrameHeightWithSpacing()) + scenario_lines * line +
                        4 * st.ItemSpacing.y + 2 * st.ItemSpacing.y;
    const float lists = std::max(8 * line, ImGui::GetContentRegionAvail().y - fixed);
    heading(t("heading.indicator"));
    indicator_list(std::round(lists * 0.56f));
    if (!workshop_) {
        ImGui::Checkbox(t("show.same_colours").c_str(), &state_.scale_over_all_years);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.same_colours").c_str());
    }
    ImGui::Separator();
    heading(t("heading.area"), workshop_ ? "" : t("area.or_click"));
    area_list(std::max(3 * line, ImGui::GetContentRegionAvail().y - scenario_lines * line - 2 * st.ItemSpacing.y));
    ImGui::Separator();
    scenario_summary();
}

void App::indicator_list(float height) {
    const auto& catalogue = indicator_catalogue();
    ImGui::BeginChild("##indicators", ImVec2(0, height), true);
    drag_to_scroll();
    std::string group;
    for (int i = 0; i < static_cast<int>(catalogue.size()); ++i) {
        const DisplayIndicator d = display_indicator(i, lang_);
        if (d.group() != group) {
            group = d.group();
            if (i > 0) ImGui::Spacing();
            group_heading(group.c_str());
        }
        const bool available = session_.shown_values().available(d);
        ImGui::BeginDisabled(!available);
        // Shortened with an ellipsis when the list is narrow (the tooltip has the whole name).
        const std::string label = fit(d.label(), ImGui::GetContentRegionAvail().x) + "##indicator" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), state_.indicator == i)) state_.indicator = i;
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(fonts_.px * 28);
            ImGui::PushFont(fonts_.bold);
            ImGui::TextUnformatted(d.label().c_str());
            ImGui::PopFont();
            ImGui::Text("%s", std::string(catalogue[i].definition).c_str());
            ImGui::TextDisabled("%s%s", t("show.shown_as").c_str(), d.unit_label().c_str());
            if (!available) ImGui::TextDisabled("%s", t("show.needs_health").c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::EndChild();
}

void App::area_list(float height) {
    ImGui::BeginChild("##areas", ImVec2(0, height), true);
    drag_to_scroll();
    auto item = [&](int u) {
        const std::string label = fit(units_[u].name, ImGui::GetContentRegionAvail().x) + "##area" + std::to_string(u);
        if (ImGui::Selectable(label.c_str(), state_.unit == u)) select_unit(u);
    };
    const int nz = data_.num_zones();
    for (int a = kNumAggregates - 1; a >= 0; --a) item(nz + a);
    group_heading(t("heading.municipalities").c_str());
    for (int z = 0; z < nz; ++z)
        if (!data_.is_utrecht_district(z)) item(z);
    group_heading(t("heading.districts").c_str());
    for (int z = 0; z < nz; ++z)
        if (data_.is_utrecht_district(z)) item(z);
    ImGui::EndChild();
}

void App::scenario_summary() {
    const Scenario& sc = session_.scenario();
    heading(t("tab.scenario"), plain_title(sc, lang_));
    const std::string description = plain_description(sc, lang_);
    if (ImGui::IsItemHovered() && !description.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(fonts_.px * 30);
        ImGui::TextUnformatted(description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (!workshop_) {
        const double scale = session_.full_options().scale;
        std::string detail = years_text(sc.start_year, sc.end_year) + ", ";
        detail += scale >= 1 ? t("show.all_residents") : localise_figure(lang_, printf_text(t("show.sample"), scale * 100));
        ImGui::TextDisabled("%s", fit(detail, ImGui::GetContentRegionAvail().x).c_str());
    }
    const auto on = std::count_if(sc.interventions.begin(), sc.interventions.end(), [](const auto& i) { return i.enabled; });
    const std::string label =
        sc.interventions.empty()
            ? t("show.no_interventions")
            : printf_text(t("show.interventions_on"), static_cast<int>(on), static_cast<int>(sc.interventions.size()));
    if (ImGui::Button(fit(label, ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x).c_str(),
                      ImVec2(-1, 0)))
        sidebar_tab_request_ = 1;
}

}  // namespace hhu::viz
