#include "sim/inputs/inputs.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

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
    auto labour = std::make_shared<LabourData>(load_labour_data(d.directory, d.prices));
    d.files.insert(d.files.end(), labour->files.begin(), labour->files.end());
    d.labour = std::move(labour);
    auto wellbeing = std::make_shared<WellbeingData>(load_wellbeing_data(d.directory, d.prices));
    d.files.insert(d.files.end(), wellbeing->files.begin(), wellbeing->files.end());
    d.wellbeing = std::move(wellbeing);
    return d;
}

}  // namespace

ModelData load_model_data(const std::filesystem::path& directory) { return load_all(load_demography_data(directory)); }

namespace {

void check_draw(int draw) {
    if (draw < 0) throw InputError("parameter draw " + std::to_string(draw) + ": expected 0 (central values) or more");
}

// `d` (the demographic tables, as read) under draw `draw`: its edits, and the parameter table among its files.
void attach_draw(ModelData& d, int draw, std::uint64_t draw_seed) {
    const auto parameters = load_parameter_uncertainty(d.directory);
    d.files.push_back({kParameterUncertaintyFile, sha256_file(d.directory / kParameterUncertaintyFile)});
    d.parameter_draw = draw;
    d.draw_seed = draw_seed;
    d.patches = draw_patches(parameters, draw_seed, draw);
}

// Whether a draw's edits are all of health tables (or of the scenario), which load_health_data applies.
bool edits_health_only(const ModelData& d) {
    return std::all_of(d.patches.begin(), d.patches.end(), [](const CellPatch& p) {
        return p.table == "scenario" || p.table.rfind("health/", 0) == 0;
    });
}

}  // namespace

ModelData load_model_data(const std::filesystem::path& directory, int draw, std::uint64_t draw_seed) {
    check_draw(draw);
    ModelData d = load_demography_data(directory);
    if (draw == 0) return load_all(std::move(d));
    attach_draw(d, draw, draw_seed);
    return load_all(std::move(d));
}

ModelData load_model_data(const ModelData& central, int draw, std::uint64_t draw_seed) {
    check_draw(draw);
    if (central.parameter_draw != 0 || !central.health || !central.labour || !central.wellbeing)
        throw std::logic_error("load_model_data: the central tables must be loaded whole, with draw 0");
    if (draw == 0) return central;
    ModelData d = central;
    // The demographic tables' files come first (load_all appends health, labour and wellbeing after them).
    d.files.resize(central.files.size() - central.health->files.size() - central.labour->files.size() -
                   central.wellbeing->files.size());
    d.health.reset();
    attach_draw(d, draw, draw_seed);
    if (!edits_health_only(d)) return load_model_data(central.directory, draw, draw_seed);
    auto health = std::make_shared<HealthData>(load_health_data(d));
    for (const std::vector<DataFile>& files : {health->files, central.labour->files, central.wellbeing->files})
        d.files.insert(d.files.end(), files.begin(), files.end());
    d.health = std::move(health);
    return d;
}

}  // namespace hhu
