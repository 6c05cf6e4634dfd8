// Exports for a memo: the map alone as a PNG, with its title, legend and units, the scenario, the
// source and the version under it, and no tooltip or selection.
#include <SFML/Graphics/RenderTexture.hpp>

#include <filesystem>

#include "app.hpp"
#include "sim/core/error.hpp"
#include "sim/core/system.hpp"

namespace hhu::viz {

namespace {
// A print-friendly size: 4:3, wide enough for the legend's full numbers.
constexpr unsigned kMapPngWidth = 1600, kMapPngHeight = 1200;
}  // namespace

void App::export_map_png(const std::string& path) {
    if (snap_ && (snap_ != view_snap_ || !(state_ == view_state_))) refresh_view();
    sf::RenderTexture texture;
    if (!texture.create(kMapPngWidth, kMapPngHeight)) throw InputError(path + ": cannot create an image for the map");
    texture.clear(colours::panel);
    const Scenario& live = session_.scenario();
    char scale[64];
    std::snprintf(scale, sizeof scale, "%g%% of residents simulated", session_.full_options().scale * 100);
    const std::vector<std::string> footer = {
        "Scenario: " + plain_title(live) + " (" + live.name + "), " + std::to_string(view_.year) + "; " + scale +
            ", seed " + std::to_string(live.seed),
        "Source: hhu simulation of the Utrecht region, version " + version_string() + "; " + map_.geometry().source,
    };
    map_.set_inset(true);
    map_.set_caption("");
    map_.set_note(view_.preview_note);
    map_.draw_export(texture, view_, footer);
    texture.display();
    // Written aside and renamed into place: a reader never sees half a file (SFML picks the format
    // from the extension, so the temporary name ends in .png too).
    const std::filesystem::path tmp = path + ".partial.png";
    if (!texture.getTexture().copyToImage().saveToFile(tmp.string()))
        throw InputError(path + ": cannot write the map image");
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw InputError(path + ": cannot write the map image: " + ec.message());
    report("Saved " + path);
}

}  // namespace hhu::viz
