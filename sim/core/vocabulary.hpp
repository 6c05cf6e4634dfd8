#pragma once
// The names the modules share, one table per concept: chronic conditions, risk factors (their data
// names, eligibility names and the state changes a programme can make), health events (the targets of
// a rate effect) and the kinds of care counted in hours. The scenario validator, the intervention
// compiler, the health data reader, the indicator catalogue, `hhu compare` and the viewer take their
// names from here, so that a new chronic condition is a row of kConditions, its data rows and its test.
//
// The health model owns these concepts; the tables live in core/ because every layer (scenario,
// interventions, output, compare) needs the names, and a header here keeps the folders free of cycles.
#include <array>
#include <string>
#include <string_view>

namespace hhu {

// The health model's independent event clocks (sim/health/health_model.hpp): a programme that changes
// one process re-times only the events on that process's clock.
namespace health_clock {
inline constexpr int Lifestyle = 0, Mental = 1, Chronic = 2, Seniors = 3, Falls = 4;
inline constexpr int kCount = 5;
}  // namespace health_clock

// ---------------------------------------------------------------------------------------------
// Chronic conditions: bits of HealthState::conditions, in this order.
// ---------------------------------------------------------------------------------------------
struct ConditionRow {
    std::string_view name;    // data files (conditions.csv, relative_risks.csv, costs.csv, ...), scenario
                              // eligibility, indicators prevalence_<name> and incidence_<name>, effect
                              // target incidence_<name>
    std::string_view label;   // in words, for tables (`hhu compare`)
    int onset_clock;          // the health clock of its onset
    std::string_view prevalence_definition;  // data/indicators.csv
    std::string_view incidence_definition;
};

inline constexpr std::array kConditions = {
    ConditionRow{"diabetes", "diabetes (type 2)", health_clock::Chronic, "share with type 2 diabetes",
                 "new cases of type 2 diabetes during the year"},
    ConditionRow{"chd", "coronary heart disease", health_clock::Chronic, "share with coronary heart disease",
                 "new cases of coronary heart disease"},
    ConditionRow{"stroke", "stroke", health_clock::Chronic, "share who have had a stroke", "first strokes"},
    ConditionRow{"copd", "COPD", health_clock::Chronic, "share with COPD", "new cases of COPD"},
    ConditionRow{"dementia", "dementia", health_clock::Chronic, "share with dementia", "new cases of dementia"},
    ConditionRow{"depression_anxiety", "depression or anxiety", health_clock::Mental,
                 "share with a depressive or anxiety disorder", "new episodes of a depressive or anxiety disorder"},
    ConditionRow{"heart_failure", "heart failure", health_clock::Chronic, "share with heart failure known to the GP",
                 "new cases of heart failure"},
};
inline constexpr int kNumConditions = static_cast<int>(kConditions.size());
static_assert(kNumConditions <= 8, "conditions are bits of one byte (HealthState::conditions)");

constexpr int condition_index(std::string_view name) {
    for (int c = 0; c < kNumConditions; ++c)
        if (kConditions[c].name == name) return c;
    return -1;
}
constexpr std::array<std::string_view, kNumConditions> condition_names() {
    std::array<std::string_view, kNumConditions> n{};
    for (int c = 0; c < kNumConditions; ++c) n[c] = kConditions[c].name;
    return n;
}
inline constexpr auto kConditionNames = condition_names();

// The conditions with mechanisms of their own in the health model (dementia: informal care, nursing
// home; depression or anxiety: remission, the mental-health clock, mental-health care; heart failure:
// hospital admissions).
namespace condition {
inline constexpr int Dementia = condition_index("dementia");
inline constexpr int DepressionAnxiety = condition_index("depression_anxiety");
inline constexpr int HeartFailure = condition_index("heart_failure");  // hospital admissions (heart_failure.csv)
}  // namespace condition
static_assert(condition::Dementia >= 0 && condition::DepressionAnxiety >= 0 && condition::HeartFailure >= 0);

// ---------------------------------------------------------------------------------------------
// Risk factors that follow a target-prevalence Markov chain, in the order of the health model's
// Factor enum (sim/health/health_data.hpp).
// ---------------------------------------------------------------------------------------------
struct FactorRow {
    std::string_view name;         // data files (risk_factor_*.csv, zone_odds_ratios.csv), calibration
    std::string_view eligibility;  // scenario who/risk_factors: a resident "has" it (inactive = not active)
    std::string_view on_event;     // effect targets of the chain's two transitions
    std::string_view off_event;
};
inline constexpr std::array kFactors = {
    FactorRow{"smoking_current", "smoking", "smoking_start", "smoking_quit"},
    FactorRow{"overweight", "overweight", "bmi_up", "bmi_down"},
    FactorRow{"obese", "obese", "", ""},  // BMI is one three-class chain: its events are the overweight row's
    FactorRow{"physically_active", "inactive", "active_on", "active_off"},
    FactorRow{"excessive_alcohol", "excessive_alcohol", "alcohol_on", "alcohol_off"},
    FactorRow{"psych_distress", "psych_distress", "distress_on", "distress_off"},
    FactorRow{"lonely_severe", "lonely_severe", "lonely_on", "lonely_off"},
    FactorRow{"frail", "frail", "frail_on", "frail_off"},
    FactorRow{"home_care", "home_care", "home_care_on", "home_care_off"},
};
inline constexpr int kNumFactors = static_cast<int>(kFactors.size());

template <auto Member, std::size_t N, class Row>
constexpr std::array<std::string_view, N> column_of(const std::array<Row, N>& rows) {
    std::array<std::string_view, N> n{};
    for (std::size_t k = 0; k < N; ++k) n[k] = rows[k].*Member;
    return n;
}
inline constexpr auto kFactorNames = column_of<&FactorRow::name>(kFactors);
inline constexpr auto kFactorEligibility = column_of<&FactorRow::eligibility>(kFactors);

// The state changes an "attribute" effect makes at enrolment, in the order the intervention engine
// applies them (sim/interventions).
inline constexpr std::array<std::string_view, 8> kAttributeEffects = {
    "quit_smoking", "bmi_class_down", "become_active", "stop_excessive_alcohol", "end_distress", "end_loneliness",
    "end_frailty", "gain_digital_skills"};

// ---------------------------------------------------------------------------------------------
// Health events, in the order of the health model's HealthEvent enum: the on/off events of the
// chains (in kFactors order), the onset of each condition, then the events below.
// ---------------------------------------------------------------------------------------------
constexpr int count_chain_events() {
    int n = 0;
    for (const auto& f : kFactors) n += f.on_event.empty() ? 0 : 2;
    return n;
}
inline constexpr int kNumChainEvents = count_chain_events();
inline constexpr int kFirstOnsetEvent = kNumChainEvents;
struct EventRow {
    std::string_view name;
    int clock;
};
inline constexpr std::array kOtherEvents = {
    EventRow{"remission_depression_anxiety", health_clock::Chronic},
    EventRow{"fall", health_clock::Falls},
    EventRow{"hip_fracture", health_clock::Falls},
    EventRow{"nursing_home_admission", health_clock::Seniors},
};
inline constexpr int kNumHealthEvents = kNumChainEvents + kNumConditions + static_cast<int>(kOtherEvents.size());

// The clock of a chain's events: lifestyle, except the mental-health and seniors' factors.
constexpr int chain_clock(std::string_view factor) {
    if (factor == "psych_distress" || factor == "lonely_severe") return health_clock::Mental;
    if (factor == "frail" || factor == "home_care") return health_clock::Seniors;
    return health_clock::Lifestyle;
}

// Name and clock of every health event, in HealthEvent order.
constexpr std::array<EventRow, kNumHealthEvents> health_events() {
    std::array<EventRow, kNumHealthEvents> e{};
    int k = 0;
    for (const auto& f : kFactors) {
        if (f.on_event.empty()) continue;
        e[k++] = {f.on_event, chain_clock(f.name)};
        e[k++] = {f.off_event, chain_clock(f.name)};
    }
    for (const auto& c : kConditions) e[k++] = {c.name, c.onset_clock};  // named incidence_<name>: see below
    for (const auto& o : kOtherEvents) e[k++] = o;
    return e;
}
inline constexpr auto kHealthEvents = health_events();

// The effect-target name of health event e: incidence_<condition> for an onset, else the table's name.
inline std::string health_event_name(int e) {
    const bool onset = e >= kFirstOnsetEvent && e < kFirstOnsetEvent + kNumConditions;
    return onset ? "incidence_" + std::string(kHealthEvents[e].name) : std::string(kHealthEvents[e].name);
}
// -1 if `name` is no health event.
inline int health_event_index(std::string_view name) {
    for (int e = 0; e < kNumHealthEvents; ++e)
        if (health_event_name(e) == name) return e;
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Care counted in hours by the health model (indicators care_hours_<name>, effect targets
// care_hours_<name>); the care labour market's first kinds are these, in this order.
// ---------------------------------------------------------------------------------------------
struct CareKindRow {
    std::string_view name;
    std::string_view label;
    std::string_view definition;  // data/indicators.csv
};
inline constexpr std::array kCareHourKinds = {
    CareKindRow{"gp", "general practice", "hours of general-practice care"},
    CareKindRow{"home_care", "home care", "hours of home care"},
    CareKindRow{"nursing_home", "nursing home", "hours of nursing-home care"},
    CareKindRow{"mental_health", "mental health", "hours of mental-health care"},
};
inline constexpr int kNumCareHourKinds = static_cast<int>(kCareHourKinds.size());

// Hospital admissions for heart failure, accrued as the expected admissions of each resident with heart failure
// (data/health/heart_failure.csv): an indicator, and the target of a programme's effect on them, which acts as a
// multiplier like one on care hours (the health model's care multiplier of index kAdmissionsCareIndex).
inline constexpr std::string_view kHeartFailureAdmissions = "hospital_admissions_heart_failure";
inline constexpr int kAdmissionsCareIndex = kNumCareHourKinds;

}  // namespace hhu
