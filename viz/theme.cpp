#include "theme.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace hhu::viz {

namespace {

// Latin-1, general punctuation (dashes, ellipsis, bullet), arrows, minus, geometric shapes (play
// triangle), the euro sign and the heavy vertical bars of the pause sign.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212,
                                0x2212, 0x25A0, 0x25FF, 0x2758, 0x275E, 0};

ImFont* add_font(const std::string& path, float px) {
    if (!std::filesystem::exists(path)) return nullptr;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), px, nullptr, kGlyphRanges);
}

}  // namespace

float font_px_for(unsigned window_height, bool workshop) {
    // Workshop: about 36 lines of text on the screen, readable from the back of a room.
    if (workshop) return std::clamp(std::round(window_height / 38.f), 20.f, 34.f);
    // Normal mode: 16 px at 1280x720, so that a projector in a meeting room stays readable; 20 at most.
    return std::clamp(std::round(window_height / 45.f), 16.f, 20.f);
}

Fonts load_fonts(float px) {
    Fonts f;
    f.px = px;
    f.regular = add_font(kFontPath, px);
    if (!f.regular) {
        std::cerr << "hhu-viewer: warning: " << kFontPath << " not found (package fonts-dejavu-core); using "
                  << "ImGui's built-in font\n";
        f.regular = ImGui::GetIO().Fonts->AddFontDefault();
    }
    f.bold = add_font(kBoldFontPath, px);
    if (!f.bold) f.bold = f.regular;
    f.title = add_font(kBoldFontPath, std::round(px * 1.25f));
    if (!f.title) f.title = f.bold;
    return f;
}

void apply_theme(bool workshop, float px) {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    const float k = px / 13.f;  // ImGui's sizes are tuned for its 13 px font
    s.WindowPadding = ImVec2(10 * k, 8 * k);
    s.FramePadding = ImVec2(8 * k, (workshop ? 6 : 4) * k);
    s.ItemSpacing = ImVec2(8 * k, 6 * k);
    s.ItemInnerSpacing = ImVec2(6 * k, 4 * k);
    s.ScrollbarSize = (workshop ? 16 : 13) * k;
    s.GrabMinSize = (workshop ? 26 : 12) * k;
    s.WindowRounding = 0;
    s.ChildRounding = 3;
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 1;
    auto* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 0);  // transparent: ImGui then draws no background (App::draw_backdrop)
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.13f, 0.16f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.47f, 0.52f, 1);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.96f, 0.97f, 1);
    c[ImGuiCol_Button] = ImVec4(0.91f, 0.93f, 0.96f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.95f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.66f, 0.79f, 0.93f, 1);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.88f, 0.96f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.88f, 0.92f, 0.97f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.72f, 0.83f, 0.95f, 1);
    c[ImGuiCol_SliderGrab] = ImVec4(0.0f, 0.38f, 0.63f, 1);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.0f, 0.30f, 0.52f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(0.0f, 0.38f, 0.63f, 1);
    c[ImGuiCol_PlotHistogram] = ImVec4(0.0f, 0.45f, 0.70f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.85f, 0.87f, 0.90f, 1);
}

}  // namespace hhu::viz
