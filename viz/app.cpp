#include "app.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <imgui.h>

#include "charts.hpp"
#include "csv_export.hpp"
#include "screenshot.hpp"

namespace hhu::viz {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

struct SpeedOption {
    double months_per_second;  // 0: as fast as possible
    const char* label;
};
constexpr std::array<SpeedOption, 8> kSpeeds = {{{1, "1 month/s"},
                                                 {2, "2 months/s"},
                                                 {4, "4 months/s"},
                                                 {12, "1 year/s"},
                                                 {24, "2 years/s"},
                                                 {60, "5 years/s"},
                                                 {120, "10 years/s"},
                                                 {0, "as fast as possible"}}};

int speed_index(double months_per_second) {
    for (std::size_t i = 0; i < kSpeeds.size(); ++i)
        if (kSpeeds[i].months_per_second == months_per_second || (months_per_second <= 0 && kSpeeds[i].months_per_second <= 0))
            return static_cast<int>(i);
    return 3;
}

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoFocusOnAppearing;

std::string years_text(int a, int b) { return std::to_string(a) + "\u2013" + std::to_string(b); }

}  // namespace

Layout compute_layout(sf::Vector2f w, float fh) {
    Layout l;
    const float gap = std::round(std::max(4.f, fh * 0.35f));
    const float title_h = std::round(fh * 2.3f);
    const float player_h = std::round(fh * 3.2f);
    const float y0 = title_h + gap, y1 = w.y - player_h - gap;
    const float sidebar_w = std::round(std::clamp(fh * 17.f, 230.f, w.x * 0.24f));
    const float right_w = std::round((w.x - sidebar_w) * 0.46f);
    const float map_w = w.x - sidebar_w - right_w - 2 * gap;
    const float h = y1 - y0;
    l.title = {0, 0, w.x, title_h};
    l.player = {0, w.y - player_h, w.x, player_h};
    l.sidebar = {0, y0, sidebar_w, h};
    l.map = {sidebar_w + gap, y0, map_w, h};
    const float rx = sidebar_w + gap + map_w + gap;
    const float series_h = std::round(h * 0.35f), row2_h = std::round(h * 0.33f);
    const float pyramid_w = std::round(right_w * 0.56f);
    l.series = {rx, y0, right_w, series_h};
    l.pyramid = {rx, y0 + series_h + gap, pyramid_w, row2_h};
    l.breakdown = {rx + pyramid_w + gap, y0 + series_h + gap, right_w - pyramid_w - gap, row2_h};
    l.districts = {rx, y0 + series_h + row2_h + 2 * gap, right_w, h - series_h - row2_h - 2 * gap};
    return l;
}

App::App(const ModelData& data, SimRunner& runner, MapView& map, Fonts fonts, bool workshop)
    : data_(data), runner_(runner), map_(map), fonts_(fonts), workshop_(workshop), units_(reporting_units(data)),
      values_(data) {
    state_.unit = province_unit(units_);
    state_.indicator = std::max(0, catalogue_index("population"));
}

void App::update() {
    snap_ = runner_.latest();
    if (!snap_) return;
    if (snap_ != synced_snap_) {
        values_.update(*snap_);
        synced_snap_ = snap_;
    }
    // Follow the simulation: show the latest year that has values of this indicator.
    const int latest = std::clamp(values_.last_viewable_year(display_indicator(state_.indicator)), kFirstYear,
                                  snap_->end_year());
    if (state_.follow_latest) state_.year = latest;
    state_.year = std::clamp(state_.year, kFirstYear, std::max(kFirstYear, snap_->live_year()));
    if (snap_ != view_snap_ || !(state_ == view_state_)) refresh_view();
}

void App::refresh_view() {
    view_ = compute_view_data(data_, *snap_, values_, state_);
    if (snap_ != view_snap_) {
        province_residents_.reset();
        const DisplayIndicator residents = display_indicator(catalogue_index("population"));
        if (snap_->started())
            province_residents_ = values_.get(residents, snap_->live_year(), province_unit(units_));
    }
    view_snap_ = snap_;
    view_state_ = state_;
}

void App::select_year(int year) {
    const int max_year = snap_ ? std::max(kFirstYear, snap_->live_year()) : kFirstYear;
    state_.year = std::clamp(year, kFirstYear, max_year);
    state_.follow_latest = state_.year >= values_.last_viewable_year(display_indicator(state_.indicator));
}

void App::layout(sf::Vector2u size) {
    if (size == window_size_) return;
    window_size_ = size;
    layout_ = compute_layout(sf::Vector2f(size), fonts_.px);
    map_.set_area(layout_.map);
}

void App::draw_map(sf::RenderTarget& target) {
    const int selected = units_[state_.unit].zone;
    map_.draw(target, view_, selected, hovered_zone_);
}

void App::draw_panels() {
    draw_title_bar();
    draw_sidebar();
    draw_player_bar();
    draw_series_panel();
    draw_pyramid_panel();
    draw_breakdown_panel();
    draw_districts_panel();
    handle_map_mouse();
}

bool App::begin_panel(const char* id, const sf::FloatRect& r, bool scroll) {
    ImGui::SetNextWindowPos(ImVec2(r.left, r.top));
    ImGui::SetNextWindowSize(ImVec2(r.width, r.height));
    ImGuiWindowFlags flags = kPanelFlags;
    if (!scroll) flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    return ImGui::Begin(id, nullptr, flags);
}

void App::heading(const std::string& bold, const std::string& detail) {
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(bold.c_str());
    ImGui::PopFont();
    if (!detail.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextUnformatted(detail.c_str());
        ImGui::PopStyleColor();
    }
}

void App::select_unit(int unit) {
    if (unit >= 0 && unit < static_cast<int>(units_.size())) state_.unit = unit;
}

std::string App::status_text() const {
    if (!snap_) return "Building the population\u2026";
    const std::string err = runner_.error();
    if (!err.empty()) return "Simulation stopped: " + err;
    std::string s;
    if (!snap_->started()) {
        s = "Ready at 1 January 2021: press \u25B6 Play";
    } else {
        const int last = snap_->steps_done - 1;
        const std::string when = std::string(kMonths[month_of_step(last)]) + " " + std::to_string(year_of_step(last));
        if (snap_->finished())
            s = "Finished: " + years_text(kFirstYear, year_of_step(last));
        else
            s = (runner_.playing() ? "Simulating, through " : "Paused after ") + when;
    }
    if (province_residents_)
        s += "  \u00B7  province: " + format_value_for_display(*province_residents_) + " residents on 1 January " +
             std::to_string(snap_->live_year());
    return s;
}

void App::draw_title_bar() {
    begin_panel("##title", layout_.title);
    ImGui::PushFont(fonts_.title);
    const float title_h = ImGui::GetFontSize();
    ImGui::SetCursorPosY((layout_.title.height - title_h) / 2);
    ImGui::TextUnformatted("Utrecht region 2021\u20132040");
    ImGui::PopFont();
    ImGui::SameLine(0, fonts_.px * 1.5f);
    ImGui::SetCursorPosY((layout_.title.height - ImGui::GetFontSize()) / 2);
    const bool fresh = std::chrono::steady_clock::now() < message_until_;
    ImGui::TextDisabled("%s", fresh ? message_.c_str() : status_text().c_str());

    const char* png = "Save screenshot";
    const char* csv = "Save chart data (CSV)";
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(png).x + ImGui::CalcTextSize(csv).x + 4 * st.FramePadding.x + st.ItemSpacing.x;
    ImGui::SameLine(layout_.title.width - w - st.WindowPadding.x);
    ImGui::SetCursorPosY((layout_.title.height - ImGui::GetFrameHeight()) / 2);
    if (ImGui::Button(png)) request_screenshot(timestamped_file_name("hhu-screenshot", "png"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Saves the whole window as a PNG in the working folder");
    ImGui::SameLine();
    if (ImGui::Button(csv)) {
        const std::string path = timestamped_file_name("hhu-" + view_.ind.csv_name() + "-" + units_[state_.unit].code, "csv");
        try {
            export_csv(path);
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Saves the time series shown (year,zone,indicator,value) in the working folder");
    ImGui::End();
}

void App::draw_sidebar() {
    begin_panel("##sidebar", layout_.sidebar, true);
    heading("Indicator");
    const auto& catalogue = indicator_catalogue();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##indicators", ImVec2(0, std::max(line * 5, layout_.sidebar.height * 0.42f)), true);
    std::string group;
    for (int i = 0; i < static_cast<int>(catalogue.size()); ++i) {
        const DisplayIndicator d = display_indicator(i);
        if (d.group() != group) {
            group = d.group();
            ImGui::TextDisabled("%s", group.c_str());
        }
        const bool available = values_.available(d);
        ImGui::BeginDisabled(!available);
        if (ImGui::Selectable(d.label().c_str(), state_.indicator == i)) state_.indicator = i;
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(fonts_.px * 28);
            ImGui::Text("%s", std::string(catalogue[i].definition).c_str());
            ImGui::TextDisabled("Shown as: %s", d.unit_label().c_str());
            if (!available) ImGui::TextDisabled("Needs the health model, which this run does not have.");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::EndChild();
    ImGui::Spacing();
    ImGui::Checkbox("Same map colours for all years", &state_.scale_over_all_years);
    ImGui::Separator();

    heading("Area", "(or click the map)");
    const float scenario_h = ImGui::GetTextLineHeightWithSpacing() * 5.5f + ImGui::GetStyle().ItemSpacing.y * 3;
    const float list_h = std::max(ImGui::GetTextLineHeightWithSpacing() * 4,
                                  ImGui::GetContentRegionAvail().y - scenario_h);
    ImGui::BeginChild("##areas", ImVec2(0, list_h), true);
    auto item = [&](int u) {
        if (ImGui::Selectable(units_[u].name.c_str(), state_.unit == u)) select_unit(u);
    };
    const int nz = data_.num_zones();
    for (int a = kNumAggregates - 1; a >= 0; --a) item(nz + a);
    ImGui::TextDisabled("Municipalities");
    for (int z = 0; z < nz; ++z)
        if (!data_.is_utrecht_district(z)) item(z);
    ImGui::TextDisabled("Utrecht city districts");
    for (int z = 0; z < nz; ++z)
        if (data_.is_utrecht_district(z)) item(z);
    ImGui::EndChild();

    ImGui::Separator();
    const Scenario& sc = runner_.scenario();
    heading("Scenario", sc.name);
    if (ImGui::IsItemHovered() && !sc.description.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(fonts_.px * 30);
        ImGui::TextUnformatted(sc.description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    const double scale = runner_.options().scale;
    ImGui::TextDisabled("%s, seed %llu", years_text(sc.start_year, sc.end_year).c_str(),
                        static_cast<unsigned long long>(sc.seed));
    ImGui::TextDisabled("%s of residents simulated", scale >= 1 ? "all" : (format_value_for_display(scale * 100) + "%").c_str());
    ImGui::TextUnformatted("Interventions: none");
    ImGui::TextDisabled("(listed and edited here later)");
    ImGui::End();
}

void App::draw_player_bar() {
    begin_panel("##player", layout_.player);
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::SetCursorPosY((layout_.player.height - ImGui::GetFrameHeight()) / 2);
    if (ImGui::Button("\u21BA Restart")) runner_.restart();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start again from 1 January 2021 (same scenario and seed)");
    ImGui::SameLine();
    const bool playing = runner_.playing();
    const bool finished = snap_ && snap_->finished();
    ImGui::BeginDisabled(finished);
    const float play_w = ImGui::CalcTextSize("\u275A\u275A Pause").x + 2 * st.FramePadding.x;
    if (ImGui::Button(playing ? "\u275A\u275A Pause" : "\u25B6 Play", ImVec2(play_w, 0))) {
        if (playing)
            runner_.pause();
        else
            runner_.play();
    }
    ImGui::SameLine();
    if (ImGui::Button("+1 month")) runner_.step_months(1);
    ImGui::SameLine();
    if (ImGui::Button("+1 year")) runner_.step_to_next_year();
    ImGui::EndDisabled();
    ImGui::SameLine(0, fonts_.px * 1.2f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Speed");
    ImGui::SameLine();
    int speed = speed_index(runner_.speed());
    ImGui::SetNextItemWidth(fonts_.px * 10);
    if (ImGui::SliderInt("##speed", &speed, 0, static_cast<int>(kSpeeds.size()) - 1, kSpeeds[speed].label,
                         ImGuiSliderFlags_NoInput))
        runner_.set_speed(kSpeeds[speed].months_per_second);

    // The year: a timeline over the whole scenario; years not simulated yet cannot be chosen.
    ImGui::SameLine(0, fonts_.px * 2.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted("Year");
    ImGui::PopFont();
    ImGui::SameLine();
    const int end_year = snap_ ? snap_->end_year() : kFirstYear;
    int year = state_.year;
    const char* follow = "Follow the simulation";
    const float follow_w = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(follow).x;
    const float arrows_w = 2 * (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --year;
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(std::max(fonts_.px * 6, ImGui::GetContentRegionAvail().x - arrows_w - follow_w - st.ItemSpacing.x * 2));
    ImGui::SliderInt("##year", &year, kFirstYear, end_year, "%d", ImGuiSliderFlags_NoInput);
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++year;
    if (year != state_.year) select_year(year);
    ImGui::SameLine();
    ImGui::Checkbox(follow, &state_.follow_latest);
    ImGui::End();
}

void App::draw_series_panel() {
    begin_panel("##series", layout_.series);
    heading(view_.ind.title(), view_.unit_name + ", " + years_text(view_.first_year, view_.end_year));
    if (const auto year = time_series_chart(view_, ImGui::GetContentRegionAvail())) select_year(*year);
    ImGui::End();
}

void App::draw_pyramid_panel() {
    begin_panel("##pyramid", layout_.pyramid);
    const Pyramid& p = view_.pyramid;
    heading("Age and sex", view_.unit_name + ", 1 Jan " + std::to_string(p.year));
    if (p.has_base) {
        ImGui::TextDisabled("Residents per 5-year age group; outline: %d", p.base_year);
    } else {
        ImGui::TextDisabled("Residents per 5-year age group");
    }
    pyramid_chart(view_, ImGui::GetContentRegionAvail());
    ImGui::End();
}

void App::draw_breakdown_panel() {
    begin_panel("##breakdown", layout_.breakdown);
    heading(view_.breakdown_title.empty() ? "Breakdown" : view_.breakdown_title);
    ImGui::TextDisabled("%s, %d", view_.unit_name.c_str(), view_.year);
    BarChart c;
    c.id = "##breakdown_bars";
    c.bars = &view_.breakdown;
    bar_chart(view_, c, ImGui::GetContentRegionAvail());
    ImGui::End();
}

void App::draw_districts_panel() {
    begin_panel("##districts", layout_.districts);
    heading("Utrecht city districts", view_.ind.title() + ", " + std::to_string(view_.year));
    if (view_.city_value) ImGui::TextDisabled("Dashed line: the city as a whole (%s)", format_value_for_display(*view_.city_value).c_str());
    else ImGui::TextDisabled("Sorted by value; click a bar to select the district");
    BarChart c;
    c.id = "##district_bars";
    c.bars = &view_.districts;
    c.sort_descending = true;
    c.map_colours = true;
    c.highlight_unit = state_.unit;
    c.reference = view_.city_value;
    c.reference_label = "Utrecht city as a whole";
    if (const auto i = bar_chart(view_, c, ImGui::GetContentRegionAvail())) select_unit(view_.districts[*i].unit);
    ImGui::End();
}

void App::handle_map_mouse() {
    const ImGuiIO& io = ImGui::GetIO();
    hovered_zone_ = -1;
    if (io.WantCaptureMouse || !map_.area().contains(io.MousePos.x, io.MousePos.y)) return;
    hovered_zone_ = map_.zone_at({io.MousePos.x, io.MousePos.y});
    if (hovered_zone_ < 0) return;
    const Zone& z = data_.zones[hovered_zone_];
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(z.name.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s%s", z.code.c_str(), z.municipality_code != z.code ? (", district of " + z.municipality).c_str() : "");
    const auto& v = hovered_zone_ < static_cast<int>(view_.zone_values.size()) ? view_.zone_values[hovered_zone_] : std::nullopt;
    if (v)
        ImGui::Text("%s, %d: %s %s", view_.ind.title().c_str(), view_.year, format_value_for_display(*v).c_str(),
                    view_.ind.unit_label().c_str());
    else
        ImGui::TextDisabled("%s, %d: no value yet", view_.ind.title().c_str(), view_.year);
    ImGui::TextDisabled("Click to show it in the charts");
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
    write_text_file(path, time_series_csv(view_, units_));
    report("Saved " + path);
}

void App::report(std::string message) {
    message_ = std::move(message);
    message_until_ = std::chrono::steady_clock::now() + std::chrono::seconds(8);
}

}  // namespace hhu::viz
