#pragma once
// Digital skills of a resident (HealthState::digital): whether they have at least basic digital skills, which the
// uptake of digital care depends on. A resident's rank within their age group and education (bits 0-6) is drawn
// once; they have the skills while that rank lies below the published share with basic skills of their age and
// education (data/digital_skills.csv), so that the population reproduces the table at every age while each
// resident keeps their place as they age. A digital skills programme teaches them (bit 7): skilled for good.
#include <algorithm>
#include <cstdint>

namespace hhu::digital_skills {

inline constexpr std::uint8_t kTaught = 0x80, kRankMask = 0x7f;
inline constexpr int kRanks = 128;

// The rank of a uniform draw u in (0, 1).
inline std::uint8_t draw_rank(double u) { return static_cast<std::uint8_t>(std::min(kRanks - 1, static_cast<int>(u * kRanks))); }
// Whether the resident has basic digital skills, with `share` the published share of their age and education.
inline bool has(std::uint8_t digital, double share) {
    return (digital & kTaught) != 0 || ((digital & kRankMask) + 0.5) / kRanks < share;
}
inline bool taught(std::uint8_t digital) { return (digital & kTaught) != 0; }

}  // namespace hhu::digital_skills
