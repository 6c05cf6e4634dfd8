#pragma once
// The output levels of a run's tables (see output_format.hpp for what each keeps).
#include <optional>
#include <string_view>

namespace hhu {

enum class Detail { Summary, Zones, Full };

// "summary", "zones", "full".
std::string_view detail_name(Detail d);
std::optional<Detail> parse_detail(std::string_view name);

}  // namespace hhu
