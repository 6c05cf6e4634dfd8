// Productivity losses by the friction-cost method: who works, and that a death or a case costs at most the
// friction period's working hours.
#include <doctest/doctest.h>

#include "sim/compare/productivity.hpp"

using namespace hhu;

TEST_CASE("productivity: only ages 15-74 work, the shares and hours are CBS's of 2022") {
    for (int g = 0; g < kNumAgeGroups; ++g) {
        INFO(kAgeGroupNames[g]);
        const WorkProfile w = work_profile(g);
        const bool working = g >= kFirstWorkingAgeGroup && g <= kLastWorkingAgeGroup;
        CHECK((w.employed_share > 0) == working);
        CHECK(w.employed_share <= 1);
        CHECK(w.hours_per_week <= 40);
    }
    CHECK(work_profile(5).employed_share == doctest::Approx(1981.0 / 2259));  // 25-29: CBS 82922NED, 25-35
    CHECK(work_profile(13).hours_per_week == 24.2);                           // 65-69: CBS 82647NED, 65-75
    CHECK(working_age_groups().front() == "15-19");
    CHECK(working_age_groups().back() == "70-74");
    CHECK(working_age_groups().size() == 12);
}

TEST_CASE("productivity: a death under 65 costs at most the friction period, a child's or an old person's nothing") {
    for (const double days : {30.0, 97.5, 200.0}) {
        FrictionCostParameters p;
        p.friction_days = days;
        p.price_per_hour = kProductivityCostPerHour;
        for (int g = 0; g < 13; ++g) {  // 0-4 to 60-64
            INFO(kAgeGroupNames[g], " ", days);
            // A worker of the group works hours_per_week for days / 7 weeks of the friction period; the expected
            // loss of a resident is at most that (the employed share is at most 1).
            const double period_hours = work_profile(g).hours_per_week * days / 7.0;
            CHECK(friction_hours_lost(g, p) <= period_hours);
            CHECK(friction_cost_per_event(g, p) <= period_hours * p.price_per_hour * p.elasticity + 1e-9);
            // Linear in the friction period: a longer absence costs nothing beyond it.
            FrictionCostParameters twice = p;
            twice.friction_days = 2 * days;
            CHECK(friction_cost_per_event(g, twice) == doctest::Approx(2 * friction_cost_per_event(g, p)));
        }
        CHECK(friction_cost_per_event(0, p) == 0);   // 0-4
        CHECK(friction_cost_per_event(2, p) == 0);   // 10-14
        CHECK(friction_cost_per_event(15, p) == 0);  // 75-79
        CHECK(friction_cost_per_event(19, p) == 0);  // 95+
    }
    // 45-49 at the defaults: 0.861 x 35.6 h x 97.5 / 7 weeks x EUR 39.88 x 0.8 = EUR 13,627.
    FrictionCostParameters at_source;
    at_source.price_per_hour = kProductivityCostPerHour;  // 2022 prices
    CHECK(friction_cost_per_event(9, at_source) == doctest::Approx(2020.0 / 2345 * 35.6 * 97.5 / 7 * 39.88 * 0.8));
    CHECK(friction_cost_per_event(9, at_source) == doctest::Approx(13627).epsilon(0.001));
}
