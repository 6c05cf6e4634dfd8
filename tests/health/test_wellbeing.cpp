// Life satisfaction and informal care (sim/health/wellbeing): with no determinants the calibration gives
// the CBS shares satisfied on every margin and the target mean score; each determinant moves the latent
// score by its published effect; WELLBYs are the expected score times the years lived; no need for informal
// care gives no informal care, and care follows need; carers lose QALYs with their hours of care (none without care
// needs); heavy caregiving lowers life satisfaction by its published effect, so care needs that fall raise the
// WELLBYs; the same seed gives the same counts at any thread count.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <numeric>

#include "../support.hpp"
#include "sim/health/wellbeing.hpp"
#include "sim/output/stock_tally.hpp"

using namespace hhu;

namespace {

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// The project's wellbeing data with every determinant's effect removed.
WellbeingData without_determinants() {
    WellbeingData d = *test::project_data().wellbeing;
    d.effect_depression_anxiety = d.effect_physical_condition = d.effect_heavy_caregiving = 0;
    d.effect_living_alone_sigma = d.effect_lonely_severe_sigma = 0;
    return d;
}

// Adults of every five-year group 18+, sex and education, `n` of each, with the given determinants.
std::vector<WellbeingCell> adults(double n, int distress = 0, int lonely = 0) {
    std::vector<WellbeingCell> cells;
    for (int g = 3; g < kNumAgeGroups; ++g)
        for (int s = 0; s < kNumSexes; ++s)
            for (int e = 0; e < kNumEducation; ++e) cells.push_back({g, s, e, distress, 0, lonely, 0, n * (1 + e)});
    return cells;
}

// A month of residents [begin, end) as the health model's month gives it to the wellbeing model: `changed[i - begin]`
// says whether a resident's state may have changed (null: everyone's); `flush` puts the pending months in.
void accrue_month(const WellbeingModel& model, Population& pop, std::size_t begin, std::size_t end, int step,
                  const std::vector<std::uint8_t>* changed, bool flush, YearCounters& c) {
    for (std::size_t i = begin; i < end; ++i)
        model.accrue_resident(pop, i, step, changed == nullptr || (*changed)[i - begin] != 0, false, flush, c);
}

// One month of accruals put into the counters at once (every pending month flushed, the carers' loss settled).
void accrue_one_month(const WellbeingModel& model, Population& pop, std::size_t begin, std::size_t end, int step,
                      YearCounters& c) {
    accrue_month(model, pop, begin, end, step, nullptr, true, c);
    model.settle_carers(c);
}

// Twelve months from first_step kept pending and put into the counters after the last (as in a run).
void accrue_year(const WellbeingModel& model, Population& pop, int first_step, YearCounters& c) {
    for (int step = first_step; step < first_step + kMonthsPerYear; ++step)
        accrue_month(model, pop, 0, pop.size(), step, nullptr, step == first_step + kMonthsPerYear - 1, c);
    model.settle_carers(c);
}

// A population of `n` residents aged `age` in one zone, with the health columns on.
Population residents(std::size_t n, int age) {
    Population pop;
    pop.health.enabled = true;
    pop.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        pop.id[i] = static_cast<std::uint32_t>(i);
        pop.birth_step[i] = static_cast<std::int16_t>(-age * kMonthsPerYear - 1);
        pop.sex[i] = static_cast<std::uint8_t>(i % 2);
        pop.education[i] = static_cast<std::uint8_t>(i % 3);
        pop.household[i] = static_cast<std::uint8_t>(Household::Couple);
    }
    return pop;
}

double total(const YearCounters& c, Measure m) {
    double t = 0;
    for (int cell = 0; cell < kCellsPerZone; ++cell) t += static_cast<double>(c.count(m, 0, cell));
    return t;
}

// The residents' stocks of 1 January into the counters, as a run counts them (Simulation::count_residents).
void count_stocks(const WellbeingModel& model, Population& pop, int age, const Rng& rng, YearCounters& counters) {
    StockTally tally;
    tally.reset(counters.num_zones);
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const WellbeingModel::Stocks s = model.stocks(pop, i, age, rng, 0);
        tally.add(pop.zone[i], cell_of(pop.sex[i], age_group_of(age), pop.education[i]), s.bits, s.points);
    }
    tally.add_into(counters);
}

}  // namespace

TEST_CASE("wellbeing: without determinants the calibration reproduces the CBS margins and the mean score") {
    const WellbeingData d = without_determinants();
    const auto cells = adults(100);
    const BySexGroup<double> no_heavy{};
    const WellbeingCalibration k = WellbeingModel::calibrate(d, cells, no_heavy);
    CHECK(k.sigma > 0.1);
    double n = 0, mean = 0, happy = 0;
    std::array<double, kNumEducation> by_edu{}, persons{};
    for (const auto& c : cells) {
        const double mu = k.band[c.group <= 4 ? 0 : c.group >= 15 ? 6 : (c.group - 3) / 2] + k.sex[c.sex] +
                          k.education[c.education];
        n += c.residents;
        mean += c.residents * mu;
        happy += c.residents * normal_cdf((mu + k.happy_offset - d.satisfied_threshold) / k.sigma);
        by_edu[c.education] += c.residents * normal_cdf((mu - d.satisfied_threshold) / k.sigma);
        persons[c.education] += c.residents;
    }
    CHECK(mean / n == doctest::Approx(d.mean_score_target).epsilon(1e-4));
    CHECK(happy / n == doctest::Approx(d.share_happy_target).epsilon(1e-6));
    for (int e = 0; e < kNumEducation; ++e)
        CHECK(by_edu[e] / persons[e] == doctest::Approx(d.satisfied_by_education[e]).epsilon(1e-6));
}

TEST_CASE("wellbeing: each determinant moves the latent score by its published effect") {
    const WellbeingData& d = *test::project_data().wellbeing;
    const WellbeingModel model(d);  // uncalibrated: offsets 0, sigma 1
    const WellbeingCell none{8, 0, 1, 0, 0, 0, 0, 1};
    auto with = [&](auto edit) {
        WellbeingCell c = none;
        edit(c);
        return model.latent_mean(c) - model.latent_mean(none);
    };
    CHECK(with([](WellbeingCell& c) { c.distress = 1; }) == doctest::Approx(d.effect_depression_anxiety));
    CHECK(with([](WellbeingCell& c) { c.physical = 2; }) == doctest::Approx(2 * d.effect_physical_condition));
    CHECK(with([](WellbeingCell& c) { c.lonely = 1; }) == doctest::Approx(d.effect_lonely_severe_sigma));
    CHECK(with([](WellbeingCell& c) { c.alone = 1; }) == doctest::Approx(d.effect_living_alone_sigma));
    CHECK(d.effect_depression_anxiety < 0);
    CHECK(d.effect_lonely_severe_sigma < 0);
    CHECK(d.effect_heavy_caregiving < 0);
}

TEST_CASE("wellbeing: a WELLBY is one point of life satisfaction for one person for one year") {
    Population pop = residents(1, 40);
    WellbeingModel model(*test::project_data().wellbeing);
    model.begin_year(pop, 0);
    const double score = model.expected_score(model.latent_mean(pop, 0, 40));
    CHECK(score > 5);
    CHECK(score < 10);
    CHECK(model.expected_score(40) == doctest::Approx(10));
    CHECK(model.expected_score(-40) == doctest::Approx(0));
    YearCounters c;
    c.reset(1);
    accrue_year(model, pop, 0, c);
    // Twelve months of a score s: s WELLBYs, up to the rounding of each month's amount.
    CHECK(total(c, Measure::Wellbys) / kAmountScale == doctest::Approx(score).epsilon(1e-4));
    // A child under 12 accrues none.
    Population child = residents(1, 8);
    YearCounters none;
    none.reset(1);
    accrue_one_month(model, child, 0, 1, 0, none);
    CHECK(total(none, Measure::Wellbys) == 0);
}

TEST_CASE("wellbeing: no need for informal care gives no informal care, and care follows need") {
    const WellbeingData& d = *test::project_data().wellbeing;
    SUBCASE("no need") {
        Population pop = residents(400, 70);
        WellbeingModel model(d);
        model.begin_year(pop, 0);
        CHECK(model.need_index() == 0);
        YearCounters c;
        c.reset(1);
        accrue_one_month(model, pop, 0, pop.size(), 0, c);
        CHECK(total(c, Measure::InformalCareHoursGiven) == 0);
        CHECK(total(c, Measure::InformalCareValueEur) == 0);
        CHECK(total(c, Measure::Wellbys) > 0);
        const Rng rng(7);
        count_stocks(model, pop, 70, rng, c);
        CHECK(total(c, Measure::InformalCarers) == 0);
    }
    SUBCASE("twice the need, twice the care") {
        Population pop = residents(400, 70);
        for (std::size_t i = 0; i < 40; ++i) pop.health.flags[i] = health_flag::Frail;
        WellbeingModel model(d);
        model.begin_year(pop, 0);
        CHECK(model.need_index() == 1);
        YearCounters first;
        first.reset(1);
        accrue_one_month(model, pop, 0, pop.size(), 0, first);
        CHECK(total(first, Measure::InformalCareHoursGiven) > 0);
        for (std::size_t i = 40; i < 80; ++i) pop.health.flags[i] = health_flag::Frail;
        model.begin_year(pop, kMonthsPerYear);
        CHECK(model.need_index() == doctest::Approx(2));
        YearCounters second;
        second.reset(1);
        accrue_one_month(model, pop, 0, pop.size(), kMonthsPerYear, second);
        CHECK(total(second, Measure::InformalCareHoursGiven) ==
              doctest::Approx(2 * total(first, Measure::InformalCareHoursGiven)).epsilon(1e-4));
        // In a nursing home there is no need at home.
        CHECK(WellbeingModel::needs_informal_care(pop, 0, 70));
        pop.health.flags[0] = health_flag::NursingHome;
        CHECK_FALSE(WellbeingModel::needs_informal_care(pop, 0, 70));
    }
}

TEST_CASE("wellbeing: carers lose QALYs with their hours of care, and no care needs give no carers' burden") {
    const WellbeingData& d = *test::project_data().wellbeing;
    CHECK(d.utility_loss_heavy_carer > d.utility_loss_other_carer);
    CHECK(d.utility_loss_other_carer > 0);
    // The loss is linear in the hours (A-MZ-QALY): the two kinds of carers lose in the ratio of their hours.
    CHECK(d.utility_loss_heavy_carer / d.utility_loss_other_carer ==
          doctest::Approx(d.hours_per_week_heavy / d.hours_per_week_other));
    auto year = [&](Population& pop, WellbeingModel& model, int first_step) {
        YearCounters c;
        c.reset(1);
        accrue_year(model, pop, first_step, c);
        return c;
    };
    SUBCASE("no care needs: no carers' burden") {
        Population pop = residents(400, 55);
        WellbeingModel model(d);
        model.begin_year(pop, 0);
        const YearCounters c = year(pop, model, 0);
        CHECK(total(c, Measure::QalyLossCarers) == 0);
        CHECK(total(c, Measure::Qalys) == 0);
        const Rng rng(11);
        YearCounters stocks;
        stocks.reset(1);
        count_stocks(model, pop, 55, rng, stocks);
        CHECK(total(stocks, Measure::HeavilyBurdenedCarers) == 0);
    }
    SUBCASE("the loss is the carers' expected utility loss, out of their QALYs, and follows need") {
        // Residents 55-59 (the carers) and residents 80 of whom some are frail (the need).
        Population pop = residents(400, 57);
        for (std::size_t i = 200; i < pop.size(); ++i) pop.birth_step[i] = static_cast<std::int16_t>(-80 * kMonthsPerYear - 1);
        for (std::size_t i = 200; i < 220; ++i) pop.health.flags[i] = health_flag::Frail;
        WellbeingModel model(d);
        model.begin_year(pop, 0);
        const YearCounters first = year(pop, model, 0);
        double expected = 0;
        for (std::size_t i = 0; i < pop.size(); ++i) {
            const int age = i < 200 ? 57 : 80;
            expected += model.carer_probability(pop.sex[i], age) * d.mean_carer_utility_loss();
        }
        const double lost = total(first, Measure::QalyLossCarers) / kAmountScale;
        CHECK(lost > 0);
        CHECK(lost == doctest::Approx(expected).epsilon(2e-3));
        CHECK(total(first, Measure::Qalys) == -total(first, Measure::QalyLossCarers));
        // Half the need (half the frail residents recover): half the carers' loss, the QALYs gained by carers.
        for (std::size_t i = 210; i < 220; ++i) pop.health.flags[i] = 0;
        model.begin_year(pop, kMonthsPerYear);
        const YearCounters second = year(pop, model, kMonthsPerYear);
        CHECK(total(second, Measure::QalyLossCarers) ==
              doctest::Approx(0.5 * total(first, Measure::QalyLossCarers)).epsilon(5e-3));
        CHECK(total(second, Measure::Qalys) > total(first, Measure::Qalys));
    }
}

TEST_CASE("wellbeing: heavy caregiving lowers life satisfaction, so care needs that fall raise the WELLBYs") {
    // The published burden (A-WB-BURDEN: McDonald and Powdthavee 2024 over the Treasury's WELLBY value): about a
    // point of life satisfaction lost by a heavily burdened carer.
    const WellbeingData& published = *test::project_data().wellbeing;
    CHECK(published.effect_heavy_caregiving == doctest::Approx(-13167.0 / 13000.0).epsilon(1e-3));
    CHECK(published.heavily_burdened_share > 0);
    // Residents 55-59 (the carers) and residents 80 of whom some are frail (the need); frailty itself is no
    // determinant of life satisfaction, so the WELLBYs move only through the carers.
    auto wellbys_two_years = [](const WellbeingData& d, double& expected_carers_freed) {
        Population pop = residents(400, 57);
        for (std::size_t i = 200; i < pop.size(); ++i) pop.birth_step[i] = static_cast<std::int16_t>(-80 * kMonthsPerYear - 1);
        for (std::size_t i = 200; i < 240; ++i) pop.health.flags[i] = health_flag::Frail;
        WellbeingModel model(d);
        std::array<double, 2> w{};
        std::array<double, 2> carers{};
        for (int y = 0; y < 2; ++y) {
            if (y == 1)
                for (std::size_t i = 220; i < 240; ++i) pop.health.flags[i] = 0;  // half the need recovers
            model.begin_year(pop, y * kMonthsPerYear);
            YearCounters c;
            c.reset(1);
            accrue_year(model, pop, y * kMonthsPerYear, c);
            w[y] = total(c, Measure::Wellbys) / kAmountScale;
            for (std::size_t i = 0; i < pop.size(); ++i) carers[y] += model.carer_probability(pop.sex[i], i < 200 ? 57 : 80);
        }
        expected_carers_freed = carers[0] - carers[1];
        return w;
    };
    double freed = 0;
    const auto with_burden = wellbys_two_years(published, freed);
    REQUIRE(freed > 1);  // half the need frees carers (expected numbers)
    const double gain = with_burden[1] - with_burden[0];
    CHECK(gain > 0);
    // About the freed heavy carers times the point they no longer lose (less where scores meet the 0-10 bounds).
    const double full = freed * published.heavily_burdened_share * -published.effect_heavy_caregiving;
    CHECK(gain <= full * 1.001);
    CHECK(gain >= 0.8 * full);
    // Without the burden of caregiving, the same fall in need changes no WELLBY.
    WellbeingData no_burden = published;
    no_burden.effect_heavy_caregiving = 0;
    const auto without = wellbys_two_years(no_burden, freed);
    CHECK(without[1] == doctest::Approx(without[0]).epsilon(1e-9));
}

TEST_CASE("wellbeing: the same seed gives the same life satisfaction and informal care at any thread count") {
    auto run = [](int threads) {
        RunOptions o;
        o.scale = 0.01;
        o.threads = threads;
        o.seed = 424242;
        Simulation sim(test::project_data(), test::baseline({"end_year=2022"}), o);
        test::run_to_end(sim);
        std::vector<std::int64_t> v;
        for (const auto& y : sim.results().years)
            for (Measure m : {Measure::LifeSatisfactionPoints, Measure::Happy, Measure::InformalCarers, Measure::Wellbys,
                              Measure::InformalCareHoursGiven})
                for (int z = 0; z < y.num_zones; ++z)
                    for (int cell = 0; cell < kCellsPerZone; ++cell) v.push_back(y.count(m, z, cell));
        return v;
    };
    const auto one = run(1);
    CHECK(std::accumulate(one.begin(), one.end(), std::int64_t{0}) > 0);
    CHECK(run(3) == one);
}

TEST_CASE("wellbeing: a programme that ends loneliness gains WELLBYs") {
    RunOptions o;
    o.scale = 0.02;
    o.threads = 2;
    o.seed = 20210101;
    auto wellbys = [&](const Scenario& s) {
        Simulation sim(test::project_data(), s, o);
        test::run_to_end(sim);
        double t = 0;
        for (const auto& y : sim.results().years)
            for (int z = 0; z < y.num_zones; ++z)
                for (int cell = 0; cell < kCellsPerZone; ++cell) t += static_cast<double>(y.count(Measure::Wellbys, z, cell));
        return t / kAmountScale;
    };
    const Scenario base = test::baseline({"end_year=2022"});
    const std::string text = R"({"name": "test", "extends": "baseline.json", "interventions": [
        {"id": "company", "name": "company", "who": {"age_min": 65},
         "when": {"start_year": 2021, "end_year": 2022}, "reach": {"coverage": 1, "uptake": 1},
         "effects": [{"kind": "attribute", "target": "end_loneliness", "probability": 1}],
         "cost": {"per_participant_eur": 0}}]})";
    const Scenario company = with_overrides(
        parse_scenario(text, std::string(HHU_SOURCE_DIR) + "/scenarios/test.json"), {"end_year=2022"});
    const double gained = wellbys(company) - wellbys(base);
    CHECK(gained > 0);
}

TEST_CASE("wellbeing: months kept pending while the state holds add what the months added one by one add") {
    // Residents 11 to 59 (some turn 12 or 18 in the year), with care needs among the old so that carers give care;
    // their distress, loneliness and conditions change in some months, and the change is said as the health model
    // says it (accrue_resident's state_changed).
    Population pop = residents(600, 40);
    for (std::size_t i = 0; i < pop.size(); ++i)
        pop.birth_step[i] = static_cast<std::int16_t>(-(11 + static_cast<int>(i % 49)) * kMonthsPerYear - static_cast<int>(i % 12));
    for (std::size_t i = 500; i < pop.size(); ++i) pop.birth_step[i] = static_cast<std::int16_t>(-80 * kMonthsPerYear - 1);
    for (std::size_t i = 500; i < 530; ++i) pop.health.flags[i] = health_flag::Frail;
    for (std::size_t i = 0; i < pop.size(); i += 7) pop.household[i] = static_cast<std::uint8_t>(Household::Alone);
    Population pending = pop;
    WellbeingModel model(*test::project_data().wellbeing);
    model.begin_year(pop, 0);
    YearCounters monthly, kept;
    monthly.reset(1);
    kept.reset(1);
    std::vector<std::uint8_t> changed(pop.size());
    for (int step = 0; step < kMonthsPerYear; ++step) {
        for (std::size_t i = 0; i < pop.size(); ++i) {
            // The first month (the health model's rates start stale), a birthday, or a change of state in some months.
            changed[i] = step == 0 || (step - pop.birth_step[i]) % kMonthsPerYear == 0;
            if ((i + static_cast<std::size_t>(step)) % 11 == 0) {
                for (Population* p : {&pop, &pending}) {
                    p->health.flags[i] ^= health_flag::Distress | (step % 2 ? health_flag::Lonely : 0);
                    p->health.conditions[i] ^= condition_bit(static_cast<int>(i % kNumConditions));
                }
                changed[i] = 1;
            }
        }
        if (step == 5) {  // a death in the year: the months before it are still the resident's
            pop.status[3] = pending.status[3] = static_cast<std::uint8_t>(Status::Dead);
        }
        accrue_month(model, pop, 0, pop.size(), step, nullptr, true, monthly);
        accrue_month(model, pending, 0, pending.size(), step, &changed, step == kMonthsPerYear - 1, kept);
    }
    model.settle_carers(monthly);
    model.settle_carers(kept);
    CHECK(total(kept, Measure::Wellbys) > 0);
    CHECK(total(kept, Measure::InformalCareHoursGiven) > 0);
    CHECK(total(kept, Measure::QalyLossCarers) > 0);
    CHECK(kept.counts == monthly.counts);
    CHECK(kept.adult_months == monthly.adult_months);
    // Settling again changes nothing (the viewer merges and settles every month).
    const auto settled = kept.counts;
    model.settle_carers(kept);
    CHECK(kept.counts == settled);
}
