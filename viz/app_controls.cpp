#include <imgui.h>

#include <algorithm>
#include <array>

#include "app.hpp"
#include "screenshot.hpp"

// The title bar (status, exports) and the player bar (run controls, speed, year).
namespace hhu::viz {

namespace {

// The speeds of the player, months simulated a second (0: as fast as possible); their names are the
// table's "speed" list, in this order.
constexpr std::array<double, 8> kSpeeds = {1, 2, 4, 12, 24, 60, 120, 0};

int speed_index(double months_per_second) {
    for (std::size_t i = 0; i < kSpeeds.size(); ++i)
        if (kSpeeds[i] == months_per_second || (months_per_second <= 0 && kSpeeds[i] <= 0)) return static_cast<int>(i);
    return 3;
}

// Item `i` of a comma-separated list of the table (the months, the speeds).
std::string list_item(const std::string& list, int i) {
    std::size_t from = 0;
    for (int k = 0; k < i && from != std::string::npos; ++k) {
        from = list.find(',', from);
        if (from != std::string::npos) ++from;
    }
    if (from == std::string::npos) return "";
    return list.substr(from, list.find(',', from) - from);
}

}  // namespace

std::string App::status_text() const {
    if (!snap_) return t("status.building");
    const std::string err = runner_.error();
    if (!err.empty()) return t("status.stopped") + err;
    std::string s;
    if (!snap_->started()) {
        // The window may start playing before the first month is done: say what is happening.
        s = t(runner_.playing() ? "status.starting" : "status.ready");
    } else {
        const int last = snap_->steps_done - 1;
        const std::string when = list_item(t("months"), month_of_step(last)) + " " + std::to_string(year_of_step(last));
        if (snap_->finished())
            s = t("status.finished") + years_text(kFirstYear, year_of_step(last));
        else
            s = t(runner_.playing() ? "status.simulating" : "status.paused") + when;
    }
    if (province_residents_)
        s += printf_text(t("status.province"), format_value_for_display(*province_residents_, lang_), snap_->live_year());
    return s;
}

float App::title_buttons_width(bool short_words) const {
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = 0;
    for (const char* key : title_button_keys(short_words))
        if (key) w += ImGui::CalcTextSize(t(key).c_str()).x + 2 * st.FramePadding.x + st.ItemSpacing.x;
    return w - st.ItemSpacing.x;
}

// The map, the chart, the screenshot, the data, and outside workshop mode the switch between the charts and
// "What changes"; in short words in workshop mode, or when the long ones leave the status line too little.
std::array<const char*, 5> App::title_button_keys(bool short_words) const {
    return {workshop_ ? nullptr : show_changes_ ? "button.show_charts" : "chart.changes",
            short_words ? "button.map_png" : "button.save_map", short_words ? "button.chart_png" : "button.save_chart",
            short_words ? "button.screenshot" : "button.save_screenshot",
            short_words ? "button.data_csv" : "button.save_csv"};
}

void App::draw_title_bar() {
    begin_panel("##title", layout_.title);
    const ImGuiStyle& st = ImGui::GetStyle();
    // The status line needs about 34 em (a message such as "Voorproef tot 2040 in 0,9 s; verfijnen met 10% van
    // de inwoners..."): the buttons' long words only when they leave it that.
    const float status_room = fonts_.px * 34;
    const bool short_words =
        workshop_ || layout_.title.width - title_buttons_width(false) - 2 * st.WindowPadding.x < status_room;
    const float buttons_x = layout_.title.width - title_buttons_width(short_words) - st.WindowPadding.x;
    // The title and under it the status line (the latest message while it is fresh), the two centred.
    ImGui::PushFont(fonts_.title);
    const float title_h = ImGui::GetFontSize();
    ImGui::PopFont();
    const float rows_h = title_h + st.ItemSpacing.y + ImGui::GetFontSize();
    ImGui::SetCursorPosY((layout_.title.height - rows_h) / 2);
    ImGui::PushFont(fonts_.title);
    ImGui::TextUnformatted(t("title.region").c_str());
    ImGui::PopFont();
    const bool fresh = std::chrono::steady_clock::now() < message_until_;
    ImGui::TextDisabled("%s", fit(fresh ? message_ : status_text(), buttons_x - st.WindowPadding.x - fonts_.px).c_str());
    const auto keys = title_button_keys(short_words);
    const char* toggle = keys[0] ? t(keys[0]).c_str() : nullptr;
    const char* map_png = t(keys[1]).c_str();
    const char* chart_png = t(keys[2]).c_str();
    const char* png = t(keys[3]).c_str();
    const char* csv = t(keys[4]).c_str();
    ImGui::SetCursorPos(ImVec2(buttons_x, (layout_.title.height - ImGui::GetFrameHeight()) / 2));
    if (toggle) {
        if (ImGui::Button(toggle)) show_changes_ = !show_changes_;
        ImGui::SameLine();
    }
    if (ImGui::Button(map_png)) {
        try {
            export_map_png(timestamped_file_name("hhu-map-" + view_.ind.csv_name(), "png"));
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.map_png").c_str());
    ImGui::SameLine();
    if (ImGui::Button(chart_png)) {
        const int chart = workshop_ && chart_tab_ < 5 ? chart_tab_ : 0;
        request_chart_png(timestamped_file_name("hhu-chart-" + view_.ind.csv_name(), "png"), chart);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.chart_png").c_str());
    ImGui::SameLine();
    if (ImGui::Button(png)) request_screenshot(timestamped_file_name("hhu-screenshot", "png"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.screenshot").c_str());
    ImGui::SameLine();
    if (ImGui::Button(csv)) {
        const std::string path =
            timestamped_file_name("hhu-" + view_.ind.csv_name() + "-" + units_[state_.unit].code, "csv");
        try {
            export_csv(path);
        } catch (const std::exception& e) {
            report(e.what());
        }
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", t("tip.csv").c_str());
    ImGui::End();
}

void App::draw_player_bar() {
    begin_panel("##player", layout_.player);
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::SetCursorPosY((layout_.player.height - ImGui::GetFrameHeight()) / 2);
    if (ImGui::Button(t("player.restart").c_str())) runner_.restart();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.restart").c_str());
    ImGui::SameLine();
    const bool playing = runner_.playing();
    const bool finished = snap_ && snap_->finished();
    // Keyboard shortcuts (never needed: every one is also a button): space plays or pauses, the
    // arrow keys move through the years.
    const ImGuiIO& io = ImGui::GetIO();
    const bool keys = !io.WantTextInput && !workshop_;
    const bool space = keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false);
    ImGui::BeginDisabled(finished);
    const std::string& pause = t("player.pause");
    const std::string& play = t("player.play");
    const float play_w = std::max(ImGui::CalcTextSize(pause.c_str()).x, ImGui::CalcTextSize(play.c_str()).x) +
                         2 * st.FramePadding.x;
    if (ImGui::Button(playing ? pause.c_str() : play.c_str(), ImVec2(play_w, 0)) || (space && !finished)) {
        if (playing)
            runner_.pause();
        else
            runner_.play();
    }
    if (ImGui::IsItemHovered() && !workshop_) ImGui::SetTooltip("%s", t("tip.space").c_str());
    ImGui::SameLine();
    if (ImGui::Button(t("player.month_step").c_str())) runner_.step_months(1);
    ImGui::SameLine();
    if (ImGui::Button(t("player.year_step").c_str())) runner_.step_to_next_year();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t("tip.next_year").c_str());
    ImGui::EndDisabled();
    ImGui::SameLine(0, fonts_.px * 1.2f);
    int speed = speed_index(runner_.speed());
    if (workshop_) {  // one big button that cycles through the speeds: no dragging on a touch screen
        const std::string label = t("player.speed") + ": " + list_item(t("speed"), speed) + "##speed";
        if (ImGui::Button(label.c_str())) runner_.set_speed(kSpeeds[(speed + 1) % kSpeeds.size()]);
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(t("player.speed").c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fonts_.px * 10);
        if (ImGui::SliderInt("##speed", &speed, 0, static_cast<int>(kSpeeds.size()) - 1,
                             list_item(t("speed"), speed).c_str(), ImGuiSliderFlags_NoInput))
            runner_.set_speed(kSpeeds[speed]);
    }

    // The year: a timeline over the whole scenario; years not simulated yet cannot be chosen.
    ImGui::SameLine(0, fonts_.px * 2.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(t("player.year").c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    const int end_year = snap_ ? snap_->end_year() : kFirstYear;
    int year = state_.year;
    const char* follow = t(workshop_ ? "player.follow" : "player.follow_long").c_str();
    const float follow_w = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(follow).x;
    const float arrows_w = 2 * (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left) ||
        (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))))
        --year;
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(
        std::max(fonts_.px * 6, ImGui::GetContentRegionAvail().x - arrows_w - follow_w - st.ItemSpacing.x * 2));
    // A light grab, so that the year written on the slider stays readable under it.
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImVec4(0.62f, 0.76f, 0.90f, 1));
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, ImVec4(0.52f, 0.68f, 0.86f, 1));
    ImGui::SliderInt("##year", &year, kFirstYear, end_year, "%d", ImGuiSliderFlags_NoInput);
    ImGui::PopStyleColor(2);
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right) ||
        (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))))
        ++year;
    if (year != state_.year) select_year(year);
    ImGui::SameLine();
    ImGui::Checkbox(follow, &state_.follow_latest);
    ImGui::End();
}

}  // namespace hhu::viz
