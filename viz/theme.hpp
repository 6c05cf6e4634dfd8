#pragma once
// Fonts and colours of the viewer: a light theme that reads on a projector; in workshop mode large
// type and big touch-friendly controls.
#include <imgui.h>

#include <SFML/Graphics/Color.hpp>
#include <string>

namespace hhu::viz {

inline const std::string kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline const std::string kBoldFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct Fonts {
    ImFont* regular = nullptr;  // the default font
    ImFont* bold = nullptr;     // panel headings
    ImFont* title = nullptr;    // the window's title
    float px = 16;
};

// The text size for a window of this height (pixels).
float font_px_for(unsigned window_height, bool workshop);
// Adds the fonts to ImGui's atlas (call after the ImGui context exists, before the first frame).
// Falls back to ImGui's built-in font, with a warning, if DejaVu is missing.
Fonts load_fonts(float px);
void apply_theme(bool workshop, float px);

// Colours shared by panels and charts.
namespace colours {
inline const sf::Color panel(255, 255, 255);     // panels (the window is cleared to it)
inline const sf::Color backdrop(222, 226, 232);  // the strips between panels
inline constexpr ImU32 ink = IM_COL32(30, 33, 40, 255);
inline constexpr ImU32 muted = IM_COL32(95, 101, 113, 255);
inline constexpr ImU32 grid = IM_COL32(226, 229, 234, 255);
inline constexpr ImU32 axis = IM_COL32(150, 155, 165, 255);
inline constexpr ImU32 accent = IM_COL32(0, 96, 160, 255);        // the selected area's series
inline constexpr ImU32 preview = IM_COL32(184, 78, 0, 255);        // a quick preview is shown (dark orange)
inline constexpr ImU32 reference = IM_COL32(150, 150, 150, 255);  // the province, for comparison
inline constexpr ImU32 men = IM_COL32(0, 114, 178, 255);          // Okabe-Ito blue
inline constexpr ImU32 women = IM_COL32(213, 94, 0, 255);         // Okabe-Ito vermillion
inline constexpr ImU32 future = IM_COL32(244, 245, 247, 255);     // years not simulated yet
inline constexpr ImU32 selection = IM_COL32(20, 20, 20, 255);
}  // namespace colours

}  // namespace hhu::viz
