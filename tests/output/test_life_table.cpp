#include <doctest/doctest.h>

#include "sim/output/life_table.hpp"

using namespace hhu;

namespace {
LifeTableInput constant_hazard(double m, double exposure_per_age = 1000) {
    LifeTableInput in;
    for (int a = 0; a < kNumAges; ++a) {
        in.exposure_years[a] = exposure_per_age;
        in.deaths[a] = m * exposure_per_age;
        in.fallback_rates[a] = m;
    }
    return in;
}
}  // namespace

TEST_CASE("a constant hazard m gives a life expectancy close to 1/m at every age") {
    for (double m : {0.01, 0.02, 0.05}) {
        const auto in = constant_hazard(m);
        CHECK(life_expectancy_at(in, 0) == doctest::Approx(1.0 / m).epsilon(0.02));
        CHECK(life_expectancy_at(in, 65) == doctest::Approx(1.0 / m).epsilon(0.02));
    }
}

TEST_CASE("higher mortality at any age lowers life expectancy at birth") {
    auto in = constant_hazard(0.01);
    const double base = life_expectancy_at(in, 0);
    in.deaths[70] *= 2;
    CHECK(life_expectancy_at(in, 0) < base);
    CHECK(life_expectancy_at(in, 65) < life_expectancy_at(constant_hazard(0.01), 65));
}

TEST_CASE("an age interval without exposure uses the fallback rate") {
    auto in = constant_hazard(0.02);
    const double full = life_expectancy_at(in, 0);
    for (int a = 40; a < 45; ++a) in.exposure_years[a] = in.deaths[a] = 0;
    CHECK(life_expectancy_at(in, 0) == doctest::Approx(full).epsilon(1e-9));
    for (int a = 95; a < kNumAges; ++a) in.deaths[a] = 0;  // open interval with no deaths
    CHECK(life_expectancy_at(in, 0) == doctest::Approx(full).epsilon(1e-9));
}
