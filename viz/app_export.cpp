// Exports for a memo: the map alone as a PNG, with its title, legend and units, the scenario, the
// source and the version under it, and no tooltip or selection.
#include <imgui.h>

#include <SFML/Graphics/RenderTexture.hpp>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "app.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"

namespace hhu::viz {

namespace {
// A print-friendly size: 4:3, wide enough for the legend's full numbers.
constexpr unsigned kMapPngWidth = 1600, kMapPngHeight = 1200;
// The chart's window: no title, frame or background (the texture is cleared to the panels' colour).
constexpr ImGuiWindowFlags kExportFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;

std::string percent(double scale) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", scale * 100);
    return text;
}
}  // namespace

void save_png(const sf::Image& image, const std::string& path) {
    // Written aside and renamed into place: a reader never sees half a file (SFML picks the format
    // from the extension, so the temporary name ends in .png too).
    const std::filesystem::path tmp = path + ".partial.png";
    if (!image.saveToFile(tmp.string())) throw InputError(path + ": cannot write the image");
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw InputError(path + ": cannot write the image: " + ec.message());
}

void App::request_chart_png(std::string path, int chart) {
    if (chart < 0 || chart > 4) throw InputError("no chart " + std::to_string(chart) + " to export");
    chart_request_ = ChartRequest{std::move(path), chart};
}

std::optional<ChartRequest> App::take_chart_request() { return std::exchange(chart_request_, std::nullopt); }

std::vector<std::string> App::export_footer() const {
    const Scenario& live = session_.scenario();
    return {
        t("export.scenario") + " " + plain_title(live, lang_) + " (" + live.name + "), " + std::to_string(view_.year) + "; " +
            printf_text(t("export.simulated"), localise_figure(lang_, percent(session_.full_options().scale)),
                        std::to_string(live.seed)),
        t("export.source") + " " + version_string(),
    };
}

void App::draw_chart_alone(int chart, sf::Vector2u size) {
    // Drawn in a frame of its own (viewer.cpp), off screen and without the mouse: no tooltip, no
    // selection, nothing of the other panels.
    if (snap_ && (snap_ != view_snap_ || !(state_ == view_state_))) refresh_view();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(size.x), static_cast<float>(size.y)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(fonts_.px * 1.5f, fonts_.px * 1.2f));
    ImGui::Begin("##chart_alone", nullptr,
                 kExportFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    const std::vector<std::string> footer = export_footer();
    const bool indicator_chart = chart == 0 || chart == 1 || chart == 3;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float footer_h = line * (static_cast<float>(footer.size()) + (indicator_chart ? 1 : 0)) + st.ItemSpacing.y;
    ImGui::BeginChild("##chart_alone_body", ImVec2(0, ImGui::GetContentRegionAvail().y - footer_h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    switch (chart) {
        case 0: series_chart(); break;
        case 1: districts_chart(); break;
        case 2: pyramid_chart_with_heading(); break;
        case 3: breakdown_chart(); break;
        default: costs_chart(); break;
    }
    ImGui::EndChild();
    ImGui::Spacing();
    if (indicator_chart) ImGui::TextUnformatted((t("export.unit") + " " + view_.ind.unit_label()).c_str());
    for (const auto& f : footer) ImGui::TextDisabled("%s", f.c_str());
    ImGui::End();
}

void App::export_map_png(const std::string& path) {
    if (snap_ && (snap_ != view_snap_ || !(state_ == view_state_))) refresh_view();
    sf::RenderTexture texture;
    if (!texture.create(kMapPngWidth, kMapPngHeight)) throw InputError(path + ": cannot create an image for the map");
    texture.clear(colours::panel);
    std::vector<std::string> footer = export_footer();
    footer.back() += "; " + (lang_ == Language::Dutch ? map_.geometry().source_nl : map_.geometry().source);
    map_.set_inset(true);
    map_.set_caption("");
    map_.set_note(view_.preview_note);
    map_.draw_export(texture, view_, footer);
    texture.display();
    save_png(texture.getTexture().copyToImage(), path);
    report(t("message.saved") + path);
}

}  // namespace hhu::viz
