#include "sim/inputs/inputs.hpp"

#include <memory>

#include "sim/health/health_data.hpp"
#include "sim/health/wellbeing_data.hpp"
#include "sim/labour/labour_market.hpp"

namespace hhu {

ModelData load_model_data(const std::filesystem::path& directory) {
    ModelData d = load_demography_data(directory);
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

}  // namespace hhu
