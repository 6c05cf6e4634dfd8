#include "sim/inputs/inputs.hpp"

#include <memory>

#include "sim/health/health_data.hpp"
#include "sim/health/wellbeing_data.hpp"
#include "sim/labour/labour_market.hpp"
#include "sim/core/error.hpp"
#include "sim/io/sha256.hpp"
#include "sim/uncertainty/parameter_uncertainty.hpp"

namespace hhu {

namespace {

ModelData load_all(ModelData d) {
    auto health = std::make_shared<HealthData>(load_health_data(d));
    d.files.insert(d.files.end(), health->files.begin(), health->files.end());
    d.health = std::move(health);
    auto labour = std::make_shared<LabourData>(load_labour_data(d.directory));
    d.files.insert(d.files.end(), labour->files.begin(), labour->files.end());
    d.labour = std::move(labour);
    auto wellbeing = std::make_shared<WellbeingData>(load_wellbeing_data(d.directory));
    d.files.insert(d.files.end(), wellbeing->files.begin(), wellbeing->files.end());
    d.wellbeing = std::move(wellbeing);
    return d;
}

}  // namespace

ModelData load_model_data(const std::filesystem::path& directory) { return load_all(load_demography_data(directory)); }

ModelData load_model_data(const std::filesystem::path& directory, int draw, std::uint64_t draw_seed) {
    if (draw < 0) throw InputError("parameter draw " + std::to_string(draw) + ": expected 0 (central values) or more");
    ModelData d = load_demography_data(directory);
    if (draw == 0) return load_all(std::move(d));
    const auto parameters = load_parameter_uncertainty(d.directory);
    d.files.push_back({kParameterUncertaintyFile, sha256_file(d.directory / kParameterUncertaintyFile)});
    d.parameter_draw = draw;
    d.draw_seed = draw_seed;
    d.patches = draw_patches(parameters, draw_seed, draw);
    return load_all(std::move(d));
}

}  // namespace hhu
