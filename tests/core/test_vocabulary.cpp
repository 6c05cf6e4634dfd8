// The shared vocabulary (sim/core/vocabulary.hpp): every table derived from it names each concept
// once, and the scenario validator, the intervention targets and the indicator catalogue all take
// their names from it, so that a new condition is one row there.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "sim/core/vocabulary.hpp"
#include "sim/health/health_model.hpp"
#include "sim/output/indicators.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

namespace {

template <class Names>
bool unique(const Names& names) {
    std::set<std::string> seen;
    for (const auto& n : names)
        if (!seen.insert(std::string(n)).second) return false;
    return true;
}

std::string one_intervention(const std::string& who, const std::string& target) {
    return R"({"name": "t", "interventions": [{"id": "x", "name": "x", "who": )" + who +
           R"(, "reach": {"coverage": 0.1}, "effects": [{"target": ")" + target + R"(", "relative_risk": 0.9}]}]})";
}

}  // namespace

TEST_CASE("vocabulary: names are unique and the derived tables follow the rows") {
    CHECK(unique(kConditionNames));
    CHECK(unique(kFactorNames));
    CHECK(unique(kFactorEligibility));
    CHECK(unique(kAttributeEffects));
    std::set<std::string> events;
    for (int e = 0; e < kNumHealthEvents; ++e) {
        CHECK(events.insert(health_event_name(e)).second);
        CHECK(health_event_index(health_event_name(e)) == e);
    }
    CHECK(health_event_index("no_such_event") == -1);
    for (int c = 0; c < kNumConditions; ++c) {
        CHECK(health_event_name(static_cast<int>(onset_event(c))) == "incidence_" + std::string(kConditions[c].name));
        CHECK(kEventClock[static_cast<int>(onset_event(c))] == kConditions[c].onset_clock);
        CHECK(condition_index(kConditions[c].name) == c);
    }
    CHECK(condition_index("gout") == -1);
    // Each clock's events list every event of that clock once, in event order (the order their hazards are summed).
    int listed = 0;
    for (int c = 0; c < kHealthClocks; ++c) {
        for (int j = 0; j < kClockEvents.count[c]; ++j) {
            CHECK(kEventClock[kClockEvents.events[c][j]] == c);
            if (j > 0) CHECK(kClockEvents.events[c][j - 1] < kClockEvents.events[c][j]);
        }
        listed += kClockEvents.count[c];
    }
    CHECK(listed == kNumHealthEvents);
    // The clocks with a chain (January's refresh) are those of the chains' events, and only those.
    for (int c = 0; c < kHealthClocks; ++c) {
        bool chain = false;
        for (int e = 0; e < kNumChainEvents; ++e) chain |= kEventClock[e] == c;
        CHECK(((kChainClocks >> c & 1u) != 0) == chain);
    }
}

TEST_CASE("vocabulary: every condition has its indicators, its eligibility and its effect target") {
    for (int c = 0; c < kNumConditions; ++c) {
        const std::string name(kConditions[c].name);
        CAPTURE(name);
        const auto* prevalence = find_indicator("prevalence_" + name);
        const auto* incidence = find_indicator("incidence_" + name);
        REQUIRE(prevalence != nullptr);
        REQUIRE(incidence != nullptr);
        CHECK(prevalence->numerator == std::vector<Measure>{condition_measure(c)});
        CHECK(incidence->numerator == std::vector<Measure>{incidence_measure(c)});
        CHECK(prevalence->definition == kConditions[c].prevalence_definition);
        const auto s = parse_scenario(one_intervention(R"({"conditions": [")" + name + R"("]})", "incidence_" + name),
                                      "t.json");
        CHECK(s.interventions.at(0).conditions == std::vector<std::string>{name});
    }
    for (const auto& k : kCareHourKinds) CHECK(find_indicator("care_hours_" + std::string(k.name)) != nullptr);
    for (const auto& f : kFactorEligibility)
        CHECK_NOTHROW(parse_scenario(one_intervention(R"({"risk_factors": [")" + std::string(f) + R"("]})", "fall"),
                                     "t.json"));
}

TEST_CASE("vocabulary: a name outside the tables is refused, with the valid names listed") {
    try {
        parse_scenario(one_intervention(R"({"conditions": ["gout"]})", "incidence_gout"), "t.json");
        FAIL("a condition outside kConditions was accepted");
    } catch (const ScenarioError& e) {
        const std::string what = e.what();
        CHECK(what.find("/interventions/0/who/conditions/0: unknown value 'gout'") != std::string::npos);
        CHECK(what.find("/interventions/0/effects/0/target: unknown value 'incidence_gout'") != std::string::npos);
        for (auto n : kConditionNames) CHECK(what.find(std::string(n)) != std::string::npos);
    }
}

TEST_CASE("typed scenario choices: parsed once, written back as the names files hold") {
    const auto s = parse_scenario(
        R"({"name": "t", "interventions": [{"id": "x", "name": "x", "who": {"sex": "female", "pregnancy": "first_pregnancy"},
            "reach": {"coverage": 0.1},
            "effects": [{"target": "fall", "relative_risk": 0.9, "decay": "exponential"},
                        {"kind": "attribute", "target": "quit_smoking", "probability": 0.5}]}]})",
        "t.json");
    const auto& i = s.interventions.at(0);
    CHECK(i.sex == SexFilter::Female);
    CHECK(i.pregnancy == PregnancyFilter::FirstPregnancy);
    CHECK(i.effects.at(0).kind == EffectKind::Rate);
    CHECK(i.effects.at(0).decay == Decay::Exponential);
    CHECK(i.effects.at(1).kind == EffectKind::Attribute);
    for (const char* text : {"\"sex\": \"female\"", "\"pregnancy\": \"first_pregnancy\"", "\"decay\": \"exponential\"",
                             "\"kind\": \"attribute\""})
        CHECK(s.resolved_json.find(text) != std::string::npos);
    // The resolved form reads back to the same choices.
    const auto again = parse_scenario(s.resolved_json, "resolved.json");
    CHECK(again.interventions.at(0).sex == SexFilter::Female);
    CHECK(again.interventions.at(0).effects.at(0).decay == Decay::Exponential);
    try {
        parse_scenario(R"({"name": "t", "interventions": [{"id": "x", "name": "x", "who": {"sex": "other"},
                         "reach": {"coverage": 0.1}, "effects": [{"target": "fall", "relative_risk": 0.9}]}]})",
                       "t.json");
        FAIL("sex 'other' was accepted");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()).find("/interventions/0/who/sex: must be one of all, male, female, got 'other'") !=
              std::string::npos);
    }
}

}  // namespace hhu
