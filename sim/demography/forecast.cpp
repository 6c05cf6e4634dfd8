#include "sim/demography/forecast.hpp"

#include <cmath>

namespace hhu {

namespace {
double population_total(const BySexGroup<std::int64_t>& p) {
    double t = 0;
    for (const auto& s : p)
        for (auto n : s) t += static_cast<double>(n);
    return t;
}
}  // namespace

double forecast_population(const ModelData& data, int z, int year) {
    std::vector<YearValue> anchors = {{kFirstYear, population_total(data.population_2021[z])}};
    for (const auto& v : data.forecast[z])
        if (v.year > kFirstYear) anchors.push_back(v);
    if (anchors.size() == 1) return anchors[0].value;
    std::size_t i = 1;
    while (i + 1 < anchors.size() && anchors[i].year < year) ++i;
    const auto& a = anchors[i - 1];
    const auto& b = anchors[i];
    const double rate = std::log(b.value / a.value) / (b.year - a.year);
    return a.value * std::exp(rate * (year - a.year));
}

double registered_population(const ModelData& data, int z, int year) {
    for (const auto& [code, v] : data.register_population)
        if (v.year == year && code == data.zones[z].code) return v.value;
    return -1.0;
}

}  // namespace hhu
