#include "imgui_sfml_glue.hpp"

#include <backends/imgui_impl_opengl2.h>

#include <SFML/Window/Clipboard.hpp>
#include <cfloat>
#include <cstring>

namespace hhu::viz {

namespace {

void map_keys(ImGuiIO& io) {
    using K = sf::Keyboard;
    io.KeyMap[ImGuiKey_Tab] = K::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = K::Left;
    io.KeyMap[ImGuiKey_RightArrow] = K::Right;
    io.KeyMap[ImGuiKey_UpArrow] = K::Up;
    io.KeyMap[ImGuiKey_DownArrow] = K::Down;
    io.KeyMap[ImGuiKey_PageUp] = K::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = K::PageDown;
    io.KeyMap[ImGuiKey_Home] = K::Home;
    io.KeyMap[ImGuiKey_End] = K::End;
    io.KeyMap[ImGuiKey_Insert] = K::Insert;
    io.KeyMap[ImGuiKey_Delete] = K::Delete;
    io.KeyMap[ImGuiKey_Backspace] = K::Backspace;
    io.KeyMap[ImGuiKey_Space] = K::Space;
    io.KeyMap[ImGuiKey_Enter] = K::Enter;
    io.KeyMap[ImGuiKey_Escape] = K::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = K::Enter;  // SFML does not tell the keypad's Enter apart
    io.KeyMap[ImGuiKey_A] = K::A;
    io.KeyMap[ImGuiKey_C] = K::C;
    io.KeyMap[ImGuiKey_V] = K::V;
    io.KeyMap[ImGuiKey_X] = K::X;
    io.KeyMap[ImGuiKey_Y] = K::Y;
    io.KeyMap[ImGuiKey_Z] = K::Z;
}

sf::Cursor::Type sfml_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_TextInput:
            return sf::Cursor::Text;
        case ImGuiMouseCursor_ResizeAll:
            return sf::Cursor::SizeAll;
        case ImGuiMouseCursor_ResizeNS:
            return sf::Cursor::SizeVertical;
        case ImGuiMouseCursor_ResizeEW:
            return sf::Cursor::SizeHorizontal;
        case ImGuiMouseCursor_ResizeNESW:
            return sf::Cursor::SizeBottomLeftTopRight;
        case ImGuiMouseCursor_ResizeNWSE:
            return sf::Cursor::SizeTopLeftBottomRight;
        case ImGuiMouseCursor_Hand:
            return sf::Cursor::Hand;
        case ImGuiMouseCursor_NotAllowed:
            return sf::Cursor::NotAllowed;
        default:
            return sf::Cursor::Arrow;
    }
}

int button_index(sf::Mouse::Button b) {
    switch (b) {
        case sf::Mouse::Left:
            return 0;
        case sf::Mouse::Right:
            return 1;
        case sf::Mouse::Middle:
            return 2;
        default:
            return -1;
    }
}

}  // namespace

ImGuiSfmlGlue::ImGuiSfmlGlue(sf::RenderWindow& window, const sf::Cursor& fallback_cursor)
    : window_(window), fallback_cursor_(fallback_cursor) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is computed every frame; nothing to remember between runs
    io.BackendPlatformName = "hhu_imgui_sfml_glue";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = &ImGuiSfmlGlue::set_clipboard;
    io.GetClipboardTextFn = &ImGuiSfmlGlue::get_clipboard;
    io.ClipboardUserData = this;
    map_keys(io);

    for (int c = 0; c < ImGuiMouseCursor_COUNT; ++c) {
        auto cursor = std::make_unique<sf::Cursor>();
        if (cursor->loadFromSystem(sfml_cursor(c))) cursors_[c] = std::move(cursor);
    }
    window_.setActive(true);
    ImGui_ImplOpenGL2_Init();
}

ImGuiSfmlGlue::~ImGuiSfmlGlue() {
    // Order matters (viz/README.md, Pitfalls): hand the window a cursor that outlives it before ours go, and
    // shut the renderer down while the window's OpenGL context still exists.
    window_.setMouseCursor(fallback_cursor_);
    window_.setActive(true);
    ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiSfmlGlue::handle_event(const sf::Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
        case sf::Event::MouseMoved:
            io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
            break;
        case sf::Event::MouseLeft:
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            const int b = button_index(event.mouseButton.button);
            if (b < 0) break;
            const bool down = event.type == sf::Event::MouseButtonPressed;
            button_down_[b] = down;
            if (down) button_pressed_[b] = true;
            io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y));
            break;
        }
        case sf::Event::MouseWheelScrolled:
            if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
                io.MouseWheel += event.mouseWheelScroll.delta;
            else
                io.MouseWheelH += event.mouseWheelScroll.delta;
            break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            const int code = event.key.code;
            if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)))
                io.KeysDown[code] = event.type == sf::Event::KeyPressed;
            io.KeyCtrl = event.key.control;
            io.KeyShift = event.key.shift;
            io.KeyAlt = event.key.alt;
            io.KeySuper = event.key.system;
            break;
        }
        case sf::Event::TextEntered:
            if (event.text.unicode >= 32 && event.text.unicode != 127) io.AddInputCharacter(event.text.unicode);
            break;
        case sf::Event::LostFocus:
            for (bool& k : io.KeysDown) k = false;
            io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
            button_down_ = {};
            break;
        default:
            break;
    }
}

void ImGuiSfmlGlue::new_frame(float delta_seconds) {
    ImGuiIO& io = ImGui::GetIO();
    const sf::Vector2u size = window_.getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = delta_seconds > 1e-4f ? delta_seconds : 1e-4f;  // ImGui asserts on zero
    for (int b = 0; b < 3; ++b) {
        io.MouseDown[b] = button_down_[b] || button_pressed_[b];
        button_pressed_[b] = false;
    }
    update_mouse_cursor();
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
}

void ImGuiSfmlGlue::render() {
    ImGui::Render();
    window_.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    window_.popGLStates();
}

void ImGuiSfmlGlue::new_offscreen_frame(sf::Vector2u size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1e-4f;
    mouse_outside_ = io.MousePos;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& b : io.MouseDown) b = false;  // the latched presses stay for the next window frame
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
}

void ImGuiSfmlGlue::render_to(sf::RenderTarget& target) {
    ImGui::Render();
    target.pushGLStates();  // makes the target's context (an off-screen texture's framebuffer) current
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    target.popGLStates();
    ImGui::GetIO().MousePos = mouse_outside_;
}

void ImGuiSfmlGlue::update_mouse_cursor() {
    const ImGuiMouseCursor wanted = ImGui::GetMouseCursor();
    if (wanted == shown_cursor_) return;
    shown_cursor_ = wanted;
    const int index = wanted >= 0 && wanted < ImGuiMouseCursor_COUNT ? wanted : ImGuiMouseCursor_Arrow;
    window_.setMouseCursorVisible(wanted != ImGuiMouseCursor_None);
    if (cursors_[index])
        window_.setMouseCursor(*cursors_[index]);
    else if (cursors_[ImGuiMouseCursor_Arrow])
        window_.setMouseCursor(*cursors_[ImGuiMouseCursor_Arrow]);
}

const char* ImGuiSfmlGlue::get_clipboard(void* user) {
    auto* self = static_cast<ImGuiSfmlGlue*>(user);
    const auto utf8 = sf::Clipboard::getString().toUtf8();
    self->clipboard_.assign(utf8.begin(), utf8.end());
    return self->clipboard_.c_str();
}

void ImGuiSfmlGlue::set_clipboard(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::strlen(text)));
}

}  // namespace hhu::viz
