#include "app.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a drag that scrolls does not click

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

#include "charts.hpp"
#include "csv_export.hpp"
#include "screenshot.hpp"
#include "sim/core/system.hpp"

namespace hhu::viz {

namespace {

constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing;

}  // namespace

Layout compute_layout(sf::Vector2f w, float fh, bool workshop) {
    Layout l;
    const float gap = std::round(std::max(4.f, fh * 0.35f));
    // Two rows: the title, and under it the status line, which then has the width up to the buttons (beside
    // the title it was cut at 1280x720); the buttons are centred on both.
    const float title_h = std::round(fh * 3.1f);
    const float player_h = std::round(fh * (workshop ? 3.4f : 3.2f));
    const float y0 = title_h + gap, y1 = w.y - player_h - gap;
    const float sidebar_w =
        std::round(workshop ? std::clamp(fh * 13.f, 240.f, w.x * 0.25f) : std::clamp(fh * 17.f, 230.f, w.x * 0.24f));
    const float right_w = std::round((w.x - sidebar_w) * (workshop ? 0.45f : 0.46f));
    const float map_w = w.x - sidebar_w - right_w - 2 * gap;
    const float h = y1 - y0;
    l.title = {0, 0, w.x, title_h};
    l.player = {0, w.y - player_h, w.x, player_h};
    l.sidebar = {0, y0, sidebar_w, h};
    l.map = {sidebar_w + gap, y0, map_w, h};
    const float rx = sidebar_w + gap + map_w + gap;
    l.gaps = {
        {0, title_h, w.x, gap}, {0, y1, w.x, gap}, {sidebar_w, y0, gap, h}, {sidebar_w + gap + map_w, y0, gap, h}};
    if (workshop) {
        l.series = {rx, y0, right_w, h};
        return l;
    }
    const float series_h = std::round(h * 0.34f), row2_h = std::round(h * 0.29f);
    const float pyramid_w = std::round(right_w * 0.56f);
    l.series = {rx, y0, right_w, series_h};
    l.pyramid = {rx, y0 + series_h + gap, pyramid_w, row2_h};
    l.breakdown = {rx + pyramid_w + gap, y0 + series_h + gap, right_w - pyramid_w - gap, row2_h};
    const float row3_y = y0 + series_h + row2_h + 2 * gap, row3_h = h - series_h - row2_h - 2 * gap;
    const float districts_w = std::round(right_w * 0.55f);
    l.districts = {rx, row3_y, districts_w, row3_h};
    l.costs = {rx + districts_w + gap, row3_y, right_w - districts_w - gap, row3_h};
    l.gaps.push_back({rx, y0 + series_h, right_w, gap});
    l.gaps.push_back({rx, y0 + series_h + gap + row2_h, right_w, gap});
    l.gaps.push_back({rx + pyramid_w, y0 + series_h + gap, gap, row2_h});
    l.gaps.push_back({rx + districts_w, row3_y, gap, row3_h});
    return l;
}

App::App(const ModelData& data, Session& session, MapView& map, Fonts fonts, bool workshop, Language lang)
    : data_(data),
      session_(session),
      runner_(session.runner()),
      map_(map),
      fonts_(fonts),
      workshop_(workshop),
      lang_(lang),
      units_(reporting_units(data)) {
    scenario_path_ = session_.scenario().source_file;
    session_.set_language(lang_);
    state_.unit = province_unit(units_);
    state_.indicator = std::max(0, catalogue_index("population"));
    // Before the first simulated year the view is not computed: the costs panel must still know whether the
    // scenario has programmes ("waiting", not "no intervention is switched on").
    view_.has_interventions = has_enabled_interventions(session_.scenario());
    state_.lang = lang_;
    view_.ind = display_indicator(state_.indicator, lang_);
    view_.unit = state_.unit;
    // The area list and the tooltips name the city and the province in the panels' language.
    for (ReportingUnit& u : units_) u.name = area_name(u, lang_);
    view_.unit_name = units_[state_.unit].name;
}

App::~App() = default;

bool App::update() {
    const bool session_changed = session_.update(state_);
    bool changed = session_changed;
    for (auto& m : session_.take_messages()) {
        report(std::move(m));
        changed = true;
    }
    if (session_.edits() != edits_seen_) {
        edits_seen_ = session_.edits();
        state_.follow_latest = true;  // an edit re-runs from the first year: follow it
    }
    // The answer first: the first comparison of a session is shown without being asked for.
    if (session_.comparisons_made() != comparisons_seen_) {
        comparisons_seen_ = session_.comparisons_made();
        if (!changes_shown_once_) show_changes_ = changes_shown_once_ = true;
    }
    const auto before = snap_;
    snap_ = session_.shown_snapshot();
    changed |= snap_ != before;
    if (!snap_) return changed;
    if (session_changed) view_snap_.reset();  // the comparisons depend on every run
    // Follow the simulation: show the latest year that has values of this indicator.
    IndicatorValues& values = session_.shown_values();
    const int latest =
        std::clamp(values.last_viewable_year(display_indicator(state_.indicator)), kFirstYear, snap_->end_year());
    if (state_.follow_latest) state_.year = latest;
    state_.year = std::clamp(state_.year, kFirstYear, std::max(kFirstYear, snap_->live_year()));
    if (snap_ != view_snap_ || !(state_ == view_state_)) {
        refresh_view();
        changed = true;
    }
    return changed;
}

void App::refresh_view() {
    IndicatorValues& values = session_.shown_values();
    view_ = compute_view_data(data_, *snap_, values, state_);
    add_comparisons();
    if (state_.difference) difference_map();
    if (snap_ != synced_province_) {
        synced_province_ = snap_;
        province_residents_.reset();
        const DisplayIndicator residents = display_indicator(catalogue_index("population"));
        if (snap_->started()) province_residents_ = values.get(residents, snap_->live_year(), province_unit(units_));
    }
    view_snap_ = snap_;
    view_state_ = state_;
}

void App::difference_map() {
    // Each zone's value as the map shows it, scenario minus baseline (same seed), in the selected year;
    // the colour scale is symmetric around no change. Without a finished baseline the map says so.
    const BackgroundRun& baseline = session_.shown_baseline();
    view_.difference = true;
    const bool ready = view_.has_interventions && baseline.values && baseline.synced;
    double largest = 0;
    for (int z = 0; z < static_cast<int>(view_.zone_values.size()); ++z) {
        auto& v = view_.zone_values[z];
        const auto b = ready ? baseline.values->get(view_.ind, view_.year, z) : std::nullopt;
        v = v && b ? std::optional<double>(*v - *b) : std::nullopt;
        if (v) largest = std::max(largest, std::abs(*v));
    }
    view_.year_has_values = std::any_of(view_.zone_values.begin(), view_.zone_values.end(),
                                        [](const auto& v) { return v.has_value(); });
    view_.has_scale = view_.year_has_values;
    if (view_.has_scale) {
        view_.scale = nice_ticks(-largest, largest, 5);
        const double edge = std::max(std::abs(view_.scale.lo), std::abs(view_.scale.hi));
        view_.scale = nice_ticks(-edge, edge, 5);  // symmetric: white is no change
    }
}

void App::select_year(int year) {
    const int max_year = snap_ ? std::max(kFirstYear, snap_->live_year()) : kFirstYear;
    state_.year = std::clamp(year, kFirstYear, max_year);
    state_.follow_latest = state_.year >= session_.shown_values().last_viewable_year(display_indicator(state_.indicator));
}

void App::layout(sf::Vector2u size) {
    if (size == window_size_) return;
    window_size_ = size;
    layout_ = compute_layout(sf::Vector2f(size), fonts_.px, workshop_);
    map_.set_area(layout_.map);
}

void App::draw_backdrop(sf::RenderTarget& target) const {
    sf::VertexArray strips(sf::Triangles);
    const sf::Color c = colours::backdrop;
    // "What changes" covers the chart column: the strips between the charts are not drawn under it.
    const std::size_t n = show_changes_ && !workshop_ ? std::min<std::size_t>(4, layout_.gaps.size()) : layout_.gaps.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = layout_.gaps[i];
        const sf::Vector2f a(r.left, r.top), b(r.left + r.width, r.top), d(r.left, r.top + r.height),
            e(r.left + r.width, r.top + r.height);
        for (sf::Vector2f p : {a, b, e, a, e, d}) strips.append(sf::Vertex(p, c));
    }
    target.draw(strips);
}

bool App::map_switcher() const {
    // Maps side by side narrower than this are unreadable on a projector: one large map instead, with
    // a switcher between the scenarios (always in workshop mode).
    const int n = 1 + static_cast<int>(side_views_.size());
    return n > 1 && (workshop_ || layout_.map.width / n < fonts_.px * 26);
}

sf::FloatRect App::switcher_strip() const {
    const sf::FloatRect& m = layout_.map;
    return {m.left, m.top, m.width, std::round(fonts_.px * (workshop_ ? 2.6f : 2.2f))};
}

void App::draw_map(sf::RenderTarget& target) {
    const ReportingUnit& u = units_[state_.unit];
    std::vector<int> selected;
    for (int z = 0; z < data_.num_zones(); ++z)
        if (u.zone == z || (u.aggregate >= 0 && data_.membership[u.aggregate][z])) selected.push_back(z);
    const int n = 1 + static_cast<int>(side_views_.size());
    map_choice_ = std::clamp(map_choice_, 0, n - 1);
    map_.set_note(view_.preview_note);
    if (map_switcher()) {
        // One large map, of the scenario chosen in the strip above it, with the city inset.
        sf::FloatRect area = layout_.map;
        const float strip = switcher_strip().height;
        area.top += strip;
        area.height -= strip;
        MapView& shown = map_choice_ == 0 ? map_ : *side_maps_[map_choice_ - 1];
        const ViewData& view = map_choice_ == 0 ? view_ : side_views_[map_choice_ - 1];
        shown.set_inset(true);
        shown.set_caption(map_choice_ == 0 ? plain_title(session_.scenario(), lang_) : view.caption);
        shown.set_area(area);
        if (view.ind.info) shown.draw(target, view, selected, hovered_zone_);
        return;
    }
    // Side by side: the map area is shared by the live scenario and the others, each without the
    // city inset; the live scenario's map is captioned with its name.
    const sf::FloatRect area = layout_.map;
    const float w = std::floor(area.width / n);
    map_.set_inset(n == 1);
    map_.set_caption(n == 1 ? "" : plain_title(session_.scenario(), lang_));
    map_.set_area(n == 1 ? area : sf::FloatRect(area.left, area.top, w, area.height));
    map_.draw(target, view_, selected, hovered_zone_);
    for (int i = 1; i < n; ++i) {
        MapView& side_map = *side_maps_[i - 1];
        const ViewData& side_view = side_views_[i - 1];
        side_map.set_inset(false);
        side_map.set_caption(side_view.caption);
        side_map.set_area({area.left + w * i, area.top, w, area.height});
        if (side_view.ind.info) side_map.draw(target, side_view, selected, hovered_zone_);  // once it has a snapshot
    }
}

void App::draw_map_switcher() {
    if (!map_switcher()) return;
    begin_panel("##map_switcher", switcher_strip());
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", t("side.switcher").c_str());
    const int n = 1 + static_cast<int>(side_views_.size());
    for (int k = 0; k < n; ++k) {
        ImGui::SameLine();
        const std::string title = k == 0 ? plain_title(session_.scenario(), lang_) : side_views_[k - 1].caption;
        const float room = (ImGui::GetContentRegionAvail().x - (n - k - 1) * ImGui::GetStyle().ItemSpacing.x) / (n - k);
        const std::string label = fit(title, room - 2 * ImGui::GetStyle().FramePadding.x) + "##map" + std::to_string(k);
        const bool chosen = k == map_choice_;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(colours::accent));
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button(label.c_str(), ImVec2(room, 0))) map_choice_ = k;
        if (chosen) ImGui::PopStyleColor(2);
    }
    ImGui::End();
}

void App::draw_panels() {
    slider_held_last_ = std::exchange(slider_held_, false);
    draw_title_bar();
    draw_sidebar();
    draw_player_bar();
    draw_map_switcher();
    if (workshop_) {
        draw_chart_tabs();
    } else if (show_changes_) {
        const sf::FloatRect& s = layout_.series;
        begin_panel("##changes", {s.left, s.top, s.width, layout_.sidebar.height}, true);
        drag_to_scroll();
        changes_panel();
        ImGui::End();
    } else {
        draw_chart_panels();
    }
    handle_map_mouse();
}

void App::drag_to_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (slider_held_last_ || ImGui::GetScrollMaxY() <= 0) return;
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        return;
    // Half a line of movement before it counts as a drag: a tap with a trembling finger stays a tap.
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, fonts_.px * 0.5f) || io.MouseDelta.y == 0) return;
    if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

bool App::begin_panel(const char* id, const sf::FloatRect& r, bool scroll) {
    ImGui::SetNextWindowPos(ImVec2(r.left, r.top));
    ImGui::SetNextWindowSize(ImVec2(r.width, r.height));
    ImGuiWindowFlags flags = kPanelFlags;
    if (!scroll) flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    return ImGui::Begin(id, nullptr, flags);
}

std::string years_text(int first, int last) { return std::to_string(first) + "\u2013" + std::to_string(last); }

namespace {

// Where the word from `from` ends: the next space, or the end. A break never parts a number from its
// "mln" or "mld" (Dutch million, billion).
std::size_t next_break(const std::string& text, std::size_t from) {
    std::size_t space = text.find(' ', from);
    while (space != std::string::npos &&
           (text.compare(space + 1, 3, "mln") == 0 || text.compare(space + 1, 3, "mld") == 0))
        space = text.find(' ', space + 1);
    return std::min(space, text.size());
}

}  // namespace

void text_wrapped_at_spaces(const std::string& text, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    width = std::max(1.f, width);
    std::string line;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t space = next_break(text, from);
        const std::string word = text.substr(from, space - from);
        const std::string longer = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
            ImGui::TextUnformatted(line.c_str());
            line = word;
        } else {
            line = longer;
        }
        from = space + 1;
    }
    ImGui::TextUnformatted(line.c_str());
}

float widest_word(const std::string& text) {
    float widest = 0;
    for (std::size_t from = 0; from <= text.size();) {
        const std::size_t space = next_break(text, from);
        const std::string word = text.substr(from, space - from);
        widest = std::max(widest, ImGui::CalcTextSize(word.c_str()).x);
        from = space + 1;
    }
    return widest;
}

std::string fit(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty() && ImGui::CalcTextSize((s + "\u2026").c_str()).x > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // UTF-8
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    }
    return s + "\u2026";
}

void App::heading(const std::string& bold, const std::string& detail) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts_.bold);
    const float bold_w = ImGui::CalcTextSize(bold.c_str()).x;
    ImGui::TextUnformatted(fit(bold, width).c_str());
    ImGui::PopFont();
    if (detail.empty()) return;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool same_line = bold_w + gap + ImGui::CalcTextSize(detail.c_str()).x <= width;
    if (same_line) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(same_line ? detail.c_str() : fit(detail, width).c_str());
    ImGui::PopStyleColor();
}

void App::select_unit(int unit) {
    if (unit >= 0 && unit < static_cast<int>(units_.size())) state_.unit = unit;
}

void App::draw_chart_panels() {
    begin_panel("##series", layout_.series);
    series_chart();
    ImGui::End();
    begin_panel("##pyramid", layout_.pyramid);
    pyramid_chart_with_heading();
    ImGui::End();
    begin_panel("##breakdown", layout_.breakdown);
    breakdown_chart();
    ImGui::End();
    begin_panel("##districts", layout_.districts);
    districts_chart();
    ImGui::End();
    begin_panel("##costs", layout_.costs);
    costs_chart();
    ImGui::End();
}

void App::draw_chart_tabs() {
    // Workshop mode: the charts are chosen with a grid of large buttons (three a row), not tabs, so
    // that every name is whole and a finger hits it on a touch screen or a projector's tablet.
    const char* keys[] = {"chart.trend", "chart.districts", "chart.age", "chart.education", "chart.costs",
                          "chart.changes"};
    int request = std::exchange(chart_tab_request_, -1);
    if (show_changes_ && chart_tab_ != 5 && request < 0 && !changes_tab_shown_) request = 5;
    changes_tab_shown_ = changes_tab_shown_ || request == 5;
    if (request >= 0 && request < 6) chart_tab_ = request;
    // "What changes" is a table that may be longer than the panel: it scrolls (by dragging too).
    begin_panel("##charts", layout_.series, chart_tab_ == 5);
    if (chart_tab_ == 5) drag_to_scroll();
    const ImGuiStyle& st = ImGui::GetStyle();
    // Three a row when the longest name fits (with less padding if need be: "Wat verandert" at 1280x720),
    // else two a row: a name is never cut.
    float widest = 0;
    for (const char* key : keys) widest = std::max(widest, ImGui::CalcTextSize(t(key).c_str()).x);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad_min = std::floor(ImGui::GetFontSize() * 0.25f);
    const int per_row = widest + 2 * pad_min <= std::floor((avail - 2 * st.ItemSpacing.x) / 3) ? 3 : 2;
    const float w = std::floor((avail - (per_row - 1) * st.ItemSpacing.x) / per_row);
    const float pad = std::max(pad_min, std::min(std::floor((w - widest) / 2), st.FramePadding.x));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad, st.FramePadding.y));
    for (int tab = 0; tab < 6; ++tab) {
        if (tab % per_row != 0) ImGui::SameLine();
        const bool chosen = tab == chart_tab_;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(colours::accent));
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        const std::string label = fit(t(keys[tab]), w - 2 * pad) + "##chart" + std::to_string(tab);
        if (ImGui::Button(label.c_str(), ImVec2(w, 0))) chart_tab_ = tab;
        if (chosen) ImGui::PopStyleColor(2);
    }
    ImGui::PopStyleVar();
    ImGui::Spacing();
    switch (chart_tab_) {
        case 0: series_chart(); break;
        case 1: districts_chart(); break;
        case 2: pyramid_chart_with_heading(); break;
        case 3: breakdown_chart(); break;
        case 4: costs_chart(); break;
        default: changes_panel(); break;
    }
    ImGui::End();
}

void App::series_chart() {
    heading(view_.ind.title(), view_.unit_name + ", " + years_text(view_.first_year, view_.end_year));
    if (!view_.preview_note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colours::preview));
        ImGui::TextUnformatted(fit(view_.preview_note, ImGui::GetContentRegionAvail().x).c_str());
        ImGui::PopStyleColor();
    } else if (!view_.band_note.empty()) {
        ImGui::TextDisabled("%s", fit(view_.band_note, ImGui::GetContentRegionAvail().x).c_str());
    }
    if (const auto year = time_series_chart(view_, ImGui::GetContentRegionAvail())) select_year(*year);
}

void App::pyramid_chart_with_heading() {
    const Pyramid& p = view_.pyramid;
    heading(t("chart.age_sex"), view_.unit_name + ", " + t("chart.on_1_january") + std::to_string(p.year));
    pyramid_chart(view_, ImGui::GetContentRegionAvail());
}

void App::breakdown_chart() {
    heading(view_.breakdown_title, view_.unit_name + ", " + std::to_string(view_.year));
    BarChart c;
    c.id = "##breakdown_bars";
    c.bars = &view_.breakdown;
    const ImVec2 chart = chart_beside_table(view_.breakdown, show_numbers_breakdown_);
    if (chart.x > 0) bar_chart(view_, c, chart);
    numbers_table("##breakdown_numbers", view_.breakdown, false);
}

ImVec2 App::chart_beside_table(const std::vector<Bar>& bars, bool& numbers) {
    // Wide panels (workshop tabs, large windows) show the numbers beside the chart; narrow ones switch
    // between them with a checkbox, so that every number is readable without hovering.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    table_width_ = 0;
    if (bars.empty()) return avail;
    if (avail.x >= fonts_.px * 34) {
        table_width_ = std::round(std::min(avail.x * 0.42f, fonts_.px * 20));
        return {avail.x - table_width_ - ImGui::GetStyle().ItemSpacing.x, avail.y};
    }
    ImGui::Checkbox((t("chart.numbers") + "##numbers").c_str(), &numbers);
    table_width_ = numbers ? -1 : 0;
    return numbers ? ImVec2(0, 0) : ImGui::GetContentRegionAvail();
}

void App::numbers_table(const char* id, const std::vector<Bar>& bars, bool sort_descending) {
    if (table_width_ == 0) return;
    if (table_width_ > 0) ImGui::SameLine();
    std::vector<const Bar*> rows;
    for (const Bar& b : bars) rows.push_back(&b);
    if (sort_descending)
        std::stable_sort(rows.begin(), rows.end(), [](const Bar* a, const Bar* b) {
            return a->value.value_or(-1e300) > b->value.value_or(-1e300);
        });
    ImGui::BeginChild(id, ImVec2(table_width_ > 0 ? table_width_ : 0, 0), false);
    drag_to_scroll();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable(id, 2, flags)) {
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        for (const Bar* b : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = b->unit >= 0 && b->unit == state_.unit;
            if (selected) ImGui::PushFont(fonts_.bold);
            ImGui::TextUnformatted(fit(b->label, ImGui::GetContentRegionAvail().x).c_str());
            if (selected) ImGui::PopFont();
            ImGui::TableNextColumn();
            const std::string v = b->value ? format_value_for_display(*b->value, lang_) : "\u2013";
            // Right-aligned, so that the digits line up.
            const float w = ImGui::CalcTextSize(v.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, ImGui::GetContentRegionAvail().x - w));
            ImGui::TextUnformatted(v.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", fit(view_.ind.unit_label(), ImGui::GetContentRegionAvail().x).c_str());
    ImGui::EndChild();
}

void App::districts_chart() {
    heading(t("heading.districts"), view_.ind.title() + ", " + std::to_string(view_.year));
    // The city as a whole compares with its districts except for plain counts (a sum of them).
    const bool counts = view_.ind.info->kind == IndicatorKind::Count && view_.ind.scaling == Scaling::AsIs;
    const bool reference = view_.city_value && !counts;
    if (reference)
        ImGui::TextDisabled(
            "%s", printf_text(t("chart.city_dashed"), format_value_for_display(*view_.city_value, lang_)).c_str());
    BarChart c;
    c.id = "##district_bars";
    c.bars = &view_.districts;
    c.sort_descending = true;
    c.map_colours = true;
    c.highlight_unit = state_.unit;
    if (reference) c.reference = view_.city_value;
    c.reference_label = t("chart.city_whole");
    const ImVec2 chart = chart_beside_table(view_.districts, show_numbers_districts_);
    if (chart.x > 0)
        if (const auto i = bar_chart(view_, c, chart)) select_unit(view_.districts[*i].unit);
    numbers_table("##district_numbers", view_.districts, true);
}

void App::handle_map_mouse() {
    const ImGuiIO& io = ImGui::GetIO();
    hovered_zone_ = -1;
    if (io.WantCaptureMouse || !layout_.map.contains(io.MousePos.x, io.MousePos.y)) return;
    const ViewData* view = &view_;
    std::string scenario_name = side_views_.empty() ? "" : plain_title(session_.scenario(), lang_);
    const bool one_map = map_switcher();
    if (one_map && map_choice_ > 0) {
        view = &side_views_[map_choice_ - 1];
        scenario_name = view->caption;
        hovered_zone_ = side_maps_[map_choice_ - 1]->zone_at({io.MousePos.x, io.MousePos.y});
    } else {
        hovered_zone_ = map_.zone_at({io.MousePos.x, io.MousePos.y});
    }
    for (std::size_t k = 0; k < side_views_.size() && !one_map; ++k)
        if (hovered_zone_ < 0 && side_maps_[k]->area().contains(io.MousePos.x, io.MousePos.y)) {
            hovered_zone_ = side_maps_[k]->zone_at({io.MousePos.x, io.MousePos.y});
            view = &side_views_[k];
            scenario_name = side_views_[k].caption;
        }
    if (hovered_zone_ < 0) return;
    const Zone& z = data_.zones[hovered_zone_];
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(z.name.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s%s", z.code.c_str(),
                        z.municipality_code != z.code ? (t("area.district_of") + z.municipality).c_str() : "");
    const auto& v =
        hovered_zone_ < static_cast<int>(view->zone_values.size()) ? view->zone_values[hovered_zone_] : std::nullopt;
    if (!scenario_name.empty()) ImGui::TextDisabled("%s", printf_text(t("chart.scenario_tip"), scenario_name).c_str());
    if (v)
        ImGui::Text("%s, %d: %s %s", view->ind.label().c_str(), view->year, format_value_for_display(*v, lang_).c_str(),
                    view->ind.unit_label().c_str());
    else
        ImGui::TextDisabled("%s", printf_text(t("chart.no_value_yet"), view->ind.label(), view->year).c_str());
    ImGui::TextDisabled("%s", t("chart.click_show").c_str());
    ImGui::EndTooltip();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) select_unit(hovered_zone_);
}

std::optional<std::string> App::take_screenshot_request() {
    auto r = std::move(screenshot_request_);
    screenshot_request_.reset();
    return r;
}

void App::export_csv(const std::string& path) {
    if (snap_ && (snap_ != view_snap_ || !(state_ == view_state_))) refresh_view();
    const CsvRun run{plain_title(session_.scenario(), lang_), session_.full_options().scale, session_.scenario().seed,
                     version_string()};
    write_text_file(path,
                    workshop_ && chart_tab_ == 4 ? cost_curves_csv(view_) : time_series_csv(view_, units_, run));
    report(t("message.saved") + path);
}

void App::report(std::string message) {
    ++messages_reported_;
    message_ = std::move(message);
    message_until_ = std::chrono::steady_clock::now() + std::chrono::seconds(8);
}

}  // namespace hhu::viz
