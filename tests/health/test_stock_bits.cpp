// The health model's stocks of 1 January as bits of StockTally's lanes (HealthModel::stock_bits): each state a
// resident may be in sets its own measure's lane, at the ages the measure counts, and nothing else moves.
#include <doctest/doctest.h>

#include "../support.hpp"
#include "sim/health/digital.hpp"
#include "sim/health/health_model.hpp"
#include "sim/output/stock_tally.hpp"

using namespace hhu;

namespace {
// A resident of the test population, made plain: never smoked, normal weight, no flag, no condition, the last rank of
// digital skills (below every published share).
struct Plain {
    Population pop;
    std::size_t i = 0;
    explicit Plain(const Population& from) : pop(from) {
        auto& s = pop.health;
        s.smoking[i] = static_cast<std::uint8_t>(Smoking::Never);
        s.bmi[i] = static_cast<std::uint8_t>(Bmi::Normal);
        s.flags[i] = 0;
        s.conditions[i] = 0;
        s.digital[i] = digital_skills::kRankMask;
    }
};
}  // namespace

TEST_CASE("each state sets its own measure's lane of the stocks, at the ages the measure counts") {
    RunOptions o;
    o.scale = 0.01;
    o.seed = 20210101;
    Simulation sim(test::project_data(), test::baseline({"end_year=2021"}), o);
    const HealthModel& model = *sim.health();
    Plain r(sim.population());
    auto bits = [&](int age) { return model.stock_bits(r.pop, r.i, age); };
    using T = StockTally;
    // Ages: a child of 10, a youth of 14, an adult of 40, a senior of 70.
    CHECK(bits(10) == T::bit(Measure::Children));
    CHECK(bits(14) == (T::bit(Measure::Children) | T::bit(Measure::Youth) | T::bit(Measure::ResidentsAged12Plus)));
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus)));
    const std::uint32_t senior = T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | T::bit(Measure::Seniors);
    CHECK(bits(70) == senior);
    // Each condition its own lane, at any age.
    for (int c = 0; c < kNumConditions; ++c) {
        CAPTURE(c);
        r.pop.health.conditions[r.i] = condition_bit(c);
        const std::uint32_t dementia_need = c == condition::Dementia ? T::bit(Measure::InformalCareNeed) : 0u;
        CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | T::bit(condition_measure(c))));
        CHECK(bits(70) == (senior | T::bit(condition_measure(c)) | dementia_need));
        CHECK(bits(10) == (T::bit(Measure::Children) | T::bit(condition_measure(c))));
    }
    r.pop.health.conditions[r.i] = 0;
    // Risk factors count among adults; overweight among children too.
    r.pop.health.smoking[r.i] = static_cast<std::uint8_t>(Smoking::Current);
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | T::bit(Measure::Smokers)));
    CHECK(bits(10) == T::bit(Measure::Children));
    r.pop.health.smoking[r.i] = static_cast<std::uint8_t>(Smoking::Former);
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus)));
    r.pop.health.smoking[r.i] = static_cast<std::uint8_t>(Smoking::Never);
    r.pop.health.bmi[r.i] = static_cast<std::uint8_t>(Bmi::Obese);
    const std::uint32_t overweight = T::bit(Measure::OverweightOrObese);
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | overweight | T::bit(Measure::Obese)));
    CHECK(bits(10) == (T::bit(Measure::Children) | T::bit(Measure::ChildrenOverweight)));
    r.pop.health.bmi[r.i] = static_cast<std::uint8_t>(Bmi::Overweight);
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | overweight));
    r.pop.health.bmi[r.i] = static_cast<std::uint8_t>(Bmi::Normal);
    const std::pair<std::uint8_t, Measure> adult_flags[] = {{health_flag::Active, Measure::Active},
                                                            {health_flag::Alcohol, Measure::ExcessiveAlcohol},
                                                            {health_flag::Lonely, Measure::LonelySevere}};
    for (const auto& [flag, measure] : adult_flags) {
        r.pop.health.flags[r.i] = flag;
        CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | T::bit(measure)));
        CHECK(bits(10) == T::bit(Measure::Children));
    }
    // Distress: adults' and the youth's (12-25).
    r.pop.health.flags[r.i] = health_flag::Distress;
    CHECK(bits(20) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | T::bit(Measure::Youth) |
                       T::bit(Measure::Distress) | T::bit(Measure::YouthDistress)));
    CHECK(bits(14) == (T::bit(Measure::Children) | T::bit(Measure::Youth) | T::bit(Measure::ResidentsAged12Plus) |
                       T::bit(Measure::YouthDistress)));
    // Seniors' care, and who relies on informal care: at home and frail, with home care or with dementia.
    r.pop.health.flags[r.i] = health_flag::Frail;
    CHECK(bits(70) == (senior | T::bit(Measure::Frail) | T::bit(Measure::InformalCareNeed)));
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus)));
    r.pop.health.flags[r.i] = health_flag::HomeCare;
    CHECK(bits(70) == (senior | T::bit(Measure::HomeCare) | T::bit(Measure::InformalCareNeed)));
    r.pop.health.flags[r.i] = health_flag::NursingHome | health_flag::Frail;
    CHECK(bits(70) == (senior | T::bit(Measure::NursingHome) | T::bit(Measure::Frail)));
    r.pop.health.flags[r.i] = 0;
    // Taught digital skills count from 12.
    r.pop.health.digital[r.i] = digital_skills::kTaught;
    CHECK(bits(40) == (T::bit(Measure::Adults) | T::bit(Measure::ResidentsAged12Plus) | T::bit(Measure::DigitallySkilled)));
    CHECK(bits(10) == T::bit(Measure::Children));
}
