#pragma once
// Saving what the window shows as a PNG. Take it after drawing and before window.display()
// (viz/README.md, Pitfalls): the back buffer then holds the finished frame.
#include <SFML/Graphics/RenderWindow.hpp>
#include <string>

namespace hhu::viz {

// Returns false (and SFML prints why) if the file cannot be written.
bool save_window_png(const sf::RenderWindow& window, const std::string& path);

// "STEM-YYYYMMDD-HHMMSS.EXT" in local time, for files saved from a button.
std::string timestamped_file_name(const std::string& stem, const std::string& extension);

}  // namespace hhu::viz
