// hhu-png-check: counts the distinct colours in a PNG, or in a rectangle of it, for the viewer's
// tests. sf::Image loads PNGs without a display.
//   hhu-png-check FILE [--rect X Y W H] [--min-pixels P] [--min-colours N]
// Only colours covering at least P pixels count (default 1), so that a map of one flat colour with
// anti-aliased edges still counts as one colour. Exits 1 if fewer than N colours (default 2) are
// found, 2 on a usage or file error.
#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

namespace {

int usage() {
    std::fprintf(stderr, "usage: hhu-png-check FILE [--rect X Y W H] [--min-pixels P] [--min-colours N]\n");
    return 2;
}

bool to_int(const char* s, long& out) {
    char* end = nullptr;
    out = std::strtol(s, &end, 10);
    return end && *end == '\0' && end != s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string file = argv[1];
    long x = 0, y = 0, w = -1, h = -1, min_pixels = 1, min_colours = 2;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rect" && i + 4 < argc) {
            if (!to_int(argv[i + 1], x) || !to_int(argv[i + 2], y) || !to_int(argv[i + 3], w) ||
                !to_int(argv[i + 4], h))
                return usage();
            i += 4;
        } else if (a == "--min-pixels" && i + 1 < argc) {
            if (!to_int(argv[++i], min_pixels)) return usage();
        } else if (a == "--min-colours" && i + 1 < argc) {
            if (!to_int(argv[++i], min_colours)) return usage();
        } else {
            return usage();
        }
    }
    sf::Image image;
    if (!image.loadFromFile(file)) {
        std::fprintf(stderr, "hhu-png-check: cannot read %s as an image\n", file.c_str());
        return 2;
    }
    const auto size = image.getSize();
    if (w < 0) w = size.x, h = size.y;
    const long x1 = std::min<long>(x + w, size.x), y1 = std::min<long>(y + h, size.y);
    if (x < 0 || y < 0 || x >= x1 || y >= y1) {
        std::fprintf(stderr, "hhu-png-check: the rectangle lies outside the %ux%u image\n", size.x, size.y);
        return 2;
    }
    std::unordered_map<sf::Uint32, long> pixels;
    for (long j = y; j < y1; ++j)
        for (long i = x; i < x1; ++i)
            ++pixels[image.getPixel(static_cast<unsigned>(i), static_cast<unsigned>(j)).toInteger()];
    long colours = 0;
    for (const auto& [c, n] : pixels) colours += n >= min_pixels ? 1 : 0;
    std::printf("%s: %ux%u; rectangle %ld,%ld %ldx%ld: %ld colours covering at least %ld pixels each\n", file.c_str(),
                size.x, size.y, x, y, x1 - x, y1 - y, colours, min_pixels);
    if (colours < min_colours) {
        std::fprintf(stderr, "hhu-png-check: %s: %ld colours, fewer than %ld\n", file.c_str(), colours, min_colours);
        return 1;
    }
    return 0;
}
