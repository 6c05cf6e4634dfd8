#include "screenshot.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <ctime>

namespace hhu::viz {

bool save_window_png(const sf::RenderWindow& window, const std::string& path) {
    const sf::Vector2u size = window.getSize();
    sf::Texture texture;
    if (!texture.create(size.x, size.y)) return false;
    texture.update(window);
    return texture.copyToImage().saveToFile(path);
}

std::string timestamped_file_name(const std::string& stem, const std::string& extension) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return stem + "-" + stamp + "." + extension;
}

}  // namespace hhu::viz
