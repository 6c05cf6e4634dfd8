// Loading data/health: a value the model would read and not use is an error, not a silent no-op.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/inputs/inputs.hpp"
#include "sim/core/error.hpp"
#include "sim/health/health_data.hpp"
#include "../support.hpp"

namespace hhu {

namespace {

// A copy of the project's data directory with `edit` applied to the text of data/health/conditions.csv.
template <typename Edit>
std::filesystem::path data_with_conditions(const test::TempDir& dir, Edit edit) {
    namespace fs = std::filesystem;
    const fs::path copy = dir.path / "data";
    fs::copy(test::project_data().directory, copy, fs::copy_options::recursive);
    const fs::path file = copy / "health" / "conditions.csv";
    std::string text = test::read_file(file);
    edit(text);
    std::ofstream(file, std::ios::binary) << text;
    return copy;
}

}  // namespace

TEST_CASE("health data: a remission rate for a lifelong condition is rejected, naming the file and line") {
    test::TempDir dir("health_remission");
    const auto copy = data_with_conditions(dir, [](std::string& text) {
        // The first diabetes row: its remission column (the sixth field) from 0 to 0.1.
        const auto row = text.find("\ndiabetes,");
        REQUIRE(row != std::string::npos);
        std::size_t field = row + 1;
        for (int k = 0; k < 5; ++k) field = text.find(',', field) + 1;
        const std::size_t end = text.find(',', field);
        text.replace(field, end - field, "0.1");
    });
    try {
        const ModelData data = load_model_data(copy);
        (void)load_health_data(data);
        FAIL("a remission rate for diabetes was accepted");
    } catch (const InputError& e) {
        const std::string msg = e.what();
        CHECK(msg.find("conditions.csv:") != std::string::npos);
        CHECK(msg.find("remission") != std::string::npos);
        CHECK(msg.find("diabetes") != std::string::npos);
    }
}

TEST_CASE("health data: the project's conditions load, with remission of depression/anxiety") {
    const HealthData h = load_health_data(test::project_data());
    double remission = 0;
    for (const auto& bysex : h.remission[condition::DepressionAnxiety])
        for (double r : bysex) remission += r;
    CHECK(remission > 0);
}

}  // namespace hhu
