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

// A copy of the project's data directory with `edit` applied to the text of data/health/`name`.
template <typename Edit>
std::filesystem::path data_with(const test::TempDir& dir, const std::string& name, Edit edit) {
    namespace fs = std::filesystem;
    const fs::path copy = dir.path / "data";
    fs::copy(test::project_data().directory, copy, fs::copy_options::recursive);
    const fs::path file = copy / "health" / name;
    std::string text = test::read_file(file);
    edit(text);
    std::ofstream(file, std::ios::binary) << text;
    return copy;
}

template <typename Edit>
std::filesystem::path data_with_conditions(const test::TempDir& dir, Edit edit) {
    return data_with(dir, "conditions.csv", edit);
}

// The message of the InputError that loading `copy` throws; empty if it loads.
std::string load_error(const std::filesystem::path& copy) {
    try {
        const ModelData data = load_model_data(copy);
        (void)load_health_data(data);
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
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

TEST_CASE("health data: education on death is read by sex and age group from education_death.csv only") {
    SUBCASE("the project's file: every group, low above middle above 1") {
        const HealthData h = load_health_data(test::project_data());
        for (const auto& by_sex : h.education_death)
            for (const auto& rr : by_sex) {
                CHECK(rr[0] > rr[1]);
                CHECK(rr[1] > 1.0);
            }
    }
    SUBCASE("a death row for education in relative_risks.csv is rejected, naming the file and the other one") {
        test::TempDir dir("health_edu_death_rr");
        const auto copy = data_with(dir, "relative_risks.csv", [](std::string& text) {
            text += "death,education,low,2.0,,,KULHANOVA2014\n";
        });
        const std::string msg = load_error(copy);
        CHECK(msg.find("relative_risks.csv:") != std::string::npos);
        CHECK(msg.find("education_death.csv") != std::string::npos);
    }
    SUBCASE("a missing row of education_death.csv is rejected with the rows expected") {
        test::TempDir dir("health_edu_death_rows");
        const auto copy = data_with(dir, "education_death.csv", [](std::string& text) {
            const auto row = text.find("\nfemale,95+,middle,");
            REQUIRE(row != std::string::npos);
            text.erase(row + 1, text.find('\n', row + 1) - row);
        });
        const std::string msg = load_error(copy);
        CHECK(msg.find("education_death.csv") != std::string::npos);
        CHECK(msg.find("expected 80 rows") != std::string::npos);
    }
}

}  // namespace hhu
