#pragma once
// Our own platform glue between an SFML 2.5 window and Dear ImGui 1.86 (no ImGui-SFML in Debian):
// keyboard through io.KeyMap/KeysDown (1.86 predates the input-event API), mouse with press latching,
// wheel, text, clipboard, cursors, display size and delta time. Rendering uses the OpenGL2 renderer
// that ships inside Debian's libimgui.a, in the window's own context.
#include <imgui.h>

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>
#include <array>
#include <memory>
#include <string>

namespace hhu::viz {

class ImGuiSfmlGlue {
public:
    // `fallback_cursor` must outlive `window`: it is given to the window at shutdown, because
    // destroying a cursor the window still uses makes Xlib exit the process (viz/README.md, Pitfalls).
    // Fonts are added to io.Fonts by the caller before the first new_frame() (theme.hpp).
    ImGuiSfmlGlue(sf::RenderWindow& window, const sf::Cursor& fallback_cursor);
    ~ImGuiSfmlGlue();
    ImGuiSfmlGlue(const ImGuiSfmlGlue&) = delete;
    ImGuiSfmlGlue& operator=(const ImGuiSfmlGlue&) = delete;

    void handle_event(const sf::Event& event);
    // Feeds the frame's input to ImGui and starts an ImGui frame.
    void new_frame(float delta_seconds);
    // Renders ImGui's draw data over whatever SFML has drawn.
    void render();
    // A frame drawn off screen (a chart saved alone): `size` pixels, no mouse (so no hover, tooltip or
    // click) and no keys; end it with render_to, which renders into `target` and puts the mouse back.
    void new_offscreen_frame(sf::Vector2u size);
    // A mouse button is held (a slider being dragged): frames go on while it is.
    bool mouse_held() const { return button_down_[0] || button_down_[1] || button_down_[2]; }
    void render_to(sf::RenderTarget& target);

private:
    void update_mouse_cursor();
    static const char* get_clipboard(void* user);
    static void set_clipboard(void* user, const char* text);

    sf::RenderWindow& window_;
    const sf::Cursor& fallback_cursor_;
    std::array<bool, 3> button_down_{};
    std::array<bool, 3> button_pressed_{};  // pressed since the last frame: latched so quick clicks count
    std::array<std::unique_ptr<sf::Cursor>, ImGuiMouseCursor_COUNT> cursors_;
    ImGuiMouseCursor shown_cursor_ = ImGuiMouseCursor_COUNT;
    std::string clipboard_;
    ImVec2 mouse_outside_{0, 0};  // the mouse's position while an off-screen frame is drawn
};

}  // namespace hhu::viz
