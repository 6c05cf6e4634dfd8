#include "sim/scenario/scenario.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "sim/core/programmes.hpp"
#include "sim/core/vocabulary.hpp"
#include "sim/io/strict_json.hpp"
#include "sim/labour/labour_market.hpp"
#include "sim/model/prices.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

// Documents keep the order of the file so that problems are listed in the order they appear;
// the resolved output is converted to a sorted nlohmann::json.
using Json = nlohmann::ordered_json;
using Issues = std::vector<ValidationIssue>;

constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------------------------
// The schema table
// ---------------------------------------------------------------------------------------------

enum class Kind { String, Integer, Unsigned, Number, Boolean, Object, Array };

struct FieldSpec;
// Extra check on a value of the right type; returns a message when the value is not acceptable.
using ValueCheck = std::function<std::optional<std::string>(const Json&)>;
// Validation of an array's items (a section such as interventions): reports issues under `path`
// and stores what it read into the scenario.
using ItemsValidator = std::function<void(const Json& array, const std::string& path, Issues&, Scenario&)>;

struct FieldSpec {
    std::string key;
    Kind kind = Kind::Object;
    bool required = false;
    bool own = false;          // must be written in the file itself, not inherited through `extends`
    bool loader_only = false;  // consumed by the loader (`extends`); not part of the resolved scenario
    bool not_inherited = false;  // taken only from the file itself; a base's value is dropped
    bool omit_empty = false;     // left out of the resolved scenario when it is an empty string
    double lo = -kInf;         // range of numeric kinds, inclusive
    double hi = kInf;
    std::string note;          // appended to range messages
    ValueCheck check;
    ItemsValidator items;                                 // Kind::Array
    std::function<void(Scenario&, const Json&)> set;      // scalar kinds: store a checked value
    std::function<nlohmann::json(const Scenario&)> get;   // scalar and array kinds: for resolved_json
    std::vector<FieldSpec> fields;                        // Kind::Object

    // Modifiers for building the table.
    FieldSpec& range(double min, double max, std::string range_note = {}) {
        lo = min;
        hi = max;
        note = std::move(range_note);
        return *this;
    }
    FieldSpec& mandatory(bool in_own_file = false) {
        required = true;
        own = in_own_file;
        return *this;
    }
    FieldSpec& checked(ValueCheck c) {
        check = std::move(c);
        return *this;
    }
    FieldSpec& omitted_when_empty() {
        omit_empty = true;
        return *this;
    }
    // Words about the scenario that belong to its own file (titles): not inherited, absent when empty.
    FieldSpec& own_words() {
        not_inherited = true;
        omit_empty = true;
        return *this;
    }
};

// A scalar field stored in the Scenario member that `access` returns (a generic lambda
// `[](auto& s) -> auto& { return s.member; }`, so it serves both for reading and writing).
template <class Access>
FieldSpec scalar(std::string key, Kind kind, Access access) {
    FieldSpec f;
    f.key = std::move(key);
    f.kind = kind;
    f.set = [access](Scenario& s, const Json& v) {
        using T = std::remove_cvref_t<decltype(access(s))>;
        access(s) = v.template get<T>();
    };
    f.get = [access](const Scenario& s) { return nlohmann::json(access(s)); };
    return f;
}

// A closed choice stored as an enum (E's values are the indices of `names`); files hold the names.
template <class E, std::size_t N, class Access>
FieldSpec choice(std::string key, const std::array<std::string_view, N>& names, Access access) {
    FieldSpec f;
    f.key = std::move(key);
    f.kind = Kind::String;
    f.check = [&names](const Json& v) -> std::optional<std::string> {
        const auto& s = v.get_ref<const std::string&>();
        std::string list;
        for (auto n : names) {
            if (s == n) return std::nullopt;
            list += (list.empty() ? "" : ", ") + std::string(n);
        }
        return "must be one of " + list + ", got '" + s + "'";
    };
    f.set = [&names, access](Scenario& s, const Json& v) {
        const auto& name = v.get_ref<const std::string&>();
        access(s) = static_cast<E>(std::find(names.begin(), names.end(), name) - names.begin());
    };
    f.get = [&names, access](const Scenario& s) {
        return nlohmann::json(std::string(names[static_cast<std::size_t>(access(s))]));
    };
    return f;
}

FieldSpec object(std::string key, std::vector<FieldSpec> fields) {
    FieldSpec f;
    f.key = std::move(key);
    f.kind = Kind::Object;
    f.fields = std::move(fields);
    return f;
}

// Free text is documentation, copied into every manifest: a bound keeps a run directory small.
constexpr std::size_t kMaxTextLength = 10000;

std::optional<std::string> check_text(const Json& v) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() <= kMaxTextLength) return std::nullopt;
    return "must be at most " + std::to_string(kMaxTextLength) + " characters, got " + std::to_string(s.size());
}

// A translation given beside the original (an intervention's `description_nl`): free text, but present
// only when it says something.
std::optional<std::string> check_translation(const Json& v) {
    if (v.get_ref<const std::string&>().empty()) return "must not be empty (leave the key out instead)";
    return check_text(v);
}

// A title goes on a card, a map caption and a heading: one line, short enough to read from the back of a
// room (120 characters is about two lines of a card at 1280x720).
constexpr std::size_t kMaxTitleLength = 120;

std::optional<std::string> check_title(const Json& v) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty()) return "must not be empty (leave the key out instead)";
    if (s.size() > kMaxTitleLength)
        return "must be at most " + std::to_string(kMaxTitleLength) + " characters, got " + std::to_string(s.size());
    if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return "must be one line of text (no line breaks or control characters)";
    if (s.front() == ' ' || s.back() == ' ') return "must not begin or end with a space, got '" + s + "'";
    return std::nullopt;
}

std::optional<std::string> check_name(const Json& v) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty()) return "must not be empty";
    if (s.size() > 100) return "must be at most 100 characters (it names output folders), got " + std::to_string(s.size());
    const bool ok = std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!ok) return "must contain only letters, digits, '_' and '-' (it names output folders), got '" + s + "'";
    return std::nullopt;
}

// Checks that involve more than one field; run only when the fields they need are valid.
struct Rule {
    std::vector<std::string> needs;  // JSON pointers
    std::function<std::optional<ValidationIssue>(const Scenario&)> check;
};

// ---------------------------------------------------------------------------------------------
// Interventions: an array of objects. The item being validated or written is g_item (and g_effect
// within its effects), so that the same table-driven scalar fields serve the array's items.
// ---------------------------------------------------------------------------------------------

thread_local std::size_t g_item = 0;
thread_local std::size_t g_effect = 0;

std::string type_message(Kind kind, const Json& v);
std::string format_number(double x);
void validate_object(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues, Scenario& out);
nlohmann::json to_json(const FieldSpec& spec, const Scenario& s);

bool is_zone_code(const std::string& s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        return s.size() == from + n &&
               std::all_of(s.begin() + static_cast<long>(from), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return s == "U10" || s == "U16" || s == "PV26" || (s.rfind("GM", 0) == 0 && digits(2, 4)) ||
           (s.rfind("WK", 0) == 0 && digits(2, 6));
}

// A list of strings, each checked by `check` (which returns a message for a bad item).
template <class Access>
FieldSpec string_list(std::string key, std::function<std::optional<std::string>(const std::string&)> check,
                      Access access) {
    FieldSpec f;
    f.key = std::move(key);
    f.kind = Kind::Array;
    f.items = [check, access](const Json& array, const std::string& path, Issues& issues, Scenario& s) {
        std::vector<std::string> values;
        for (std::size_t k = 0; k < array.size(); ++k) {
            const std::string p = path + "/" + std::to_string(k);
            if (!array[k].is_string()) {
                issues.push_back({p, type_message(Kind::String, array[k])});
                continue;
            }
            const auto& v = array[k].get_ref<const std::string&>();
            if (auto m = check(v)) issues.push_back({p, *m});
            values.push_back(v);
        }
        access(s) = values;
    };
    f.get = [access](const Scenario& s) { return nlohmann::json(access(s)); };
    return f;
}

std::function<std::optional<std::string>(const std::string&)> allowed(std::vector<std::string> values) {
    return [values](const std::string& v) -> std::optional<std::string> {
        if (std::find(values.begin(), values.end(), v) != values.end()) return std::nullopt;
        std::string list;
        for (const auto& a : values) list += (list.empty() ? "" : ", ") + a;
        return "unknown value '" + v + "'; valid values: " + list;
    };
}

// The targets of a rate effect: every health event, death, continuing to smoke in pregnancy, the care
// hours by kind (sim/core/vocabulary.hpp) and the care labour market's levers (sim/labour).
const std::vector<std::string>& effect_targets() {
    static const std::vector<std::string> targets = [] {
        std::vector<std::string> t;
        for (int e = 0; e < kNumHealthEvents; ++e) t.push_back(health_event_name(e));
        t.push_back("death");
        t.push_back("pregnancy_smoking");
        for (const auto& k : kCareHourKinds) t.push_back("care_hours_" + std::string(k.name));
        t.push_back(std::string(kHeartFailureAdmissions));
        for (const auto& l : kLeverNames) t.push_back("labour_" + std::string(l));
        // A mother's programme on the chance of a child protection report for the child she gives birth to.
        t.push_back("child_protection_report");
        return t;
    }();
    return targets;
}

template <std::size_t N>
std::vector<std::string> strings(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}

const std::vector<std::string>& attribute_targets() {
    static const std::vector<std::string> targets = strings(kAttributeEffects);
    return targets;
}

#define HHU_ITEM(member) [](auto& s) -> auto& { return s.interventions[g_item].member; }
#define HHU_EFFECT(member) [](auto& s) -> auto& { return s.interventions[g_item].effects[g_effect].member; }

const FieldSpec& effect_spec() {
    static const FieldSpec spec = object("", {
        choice<EffectKind>("kind", kEffectKindNames, HHU_EFFECT(kind)),
        // The target's list depends on the kind: checked in the effects validator.
        scalar("target", Kind::String, HHU_EFFECT(target)).mandatory(),
        scalar("relative_risk", Kind::Number, HHU_EFFECT(relative_risk)).range(0, 20),
        scalar("probability", Kind::Number, HHU_EFFECT(probability)).range(0, 1),
        scalar("duration_years", Kind::Number, HHU_EFFECT(duration_years)).range(1.0 / 12, 100),
        choice<Decay>("decay", kDecayNames, HHU_EFFECT(decay)),
        scalar("half_life_years", Kind::Number, HHU_EFFECT(half_life_years)).range(0.01, 100),
        scalar("condition", Kind::String, HHU_EFFECT(condition)).checked([](const Json& v) -> std::optional<std::string> {
            if (v.get_ref<const std::string&>().empty()) return std::nullopt;  // not given: the effect acts always
            return allowed(strings(kConditionNames))(v.get_ref<const std::string&>());
        }),
    });
    return spec;
}

const FieldSpec& intervention_spec() {
    static const FieldSpec spec = [] {
        FieldSpec effects;
        effects.key = "effects";
        effects.kind = Kind::Array;
        effects.items = [](const Json& array, const std::string& path, Issues& issues, Scenario& s) {
            auto& list = s.interventions[g_item].effects;
            list.clear();
            for (std::size_t k = 0; k < array.size(); ++k) {
                const std::string p = path + "/" + std::to_string(k);
                if (!array[k].is_object()) {
                    issues.push_back({p, type_message(Kind::Object, array[k])});
                    continue;
                }
                list.emplace_back();
                g_effect = list.size() - 1;
                validate_object(effect_spec(), array[k], p, issues, s);
                const auto& e = list.back();
                const bool attribute = e.kind == EffectKind::Attribute;
                const auto& item = array[k];
                if (item.contains("target") && item["target"].is_string()) {
                    if (auto m = allowed(attribute ? attribute_targets() : effect_targets())(e.target))
                        issues.push_back({p + "/target", *m + (attribute ? " (kind attribute)" : "")});
                }
                if (!attribute && !item.contains("relative_risk"))
                    issues.push_back({p + "/relative_risk", "missing required key 'relative_risk' (a rate effect)"});
                if (attribute && !item.contains("probability"))
                    issues.push_back({p + "/probability", "missing required key 'probability' (an attribute effect)"});
                if (attribute && item.contains("relative_risk"))
                    issues.push_back({p + "/relative_risk", "an attribute effect takes a probability, not a relative_risk"});
                if (attribute && item.contains("condition"))
                    issues.push_back({p + "/condition", "an attribute effect acts at enrolment, not while a condition lasts"});
                if (!attribute && item.contains("probability"))
                    issues.push_back({p + "/probability", "a rate effect takes a relative_risk, not a probability"});
            }
        };
        effects.get = [](const Scenario& s) {
            nlohmann::json out = nlohmann::json::array();
            for (g_effect = 0; g_effect < s.interventions[g_item].effects.size(); ++g_effect) {
                auto e = to_json(effect_spec(), s);
                // Only the keys of the effect's kind, so that the resolved form validates again.
                if (s.interventions[g_item].effects[g_effect].kind == EffectKind::Attribute) {
                    for (const char* key : {"relative_risk", "decay", "half_life_years", "condition"}) e.erase(key);
                } else {
                    e.erase("probability");
                }
                if (s.interventions[g_item].effects[g_effect].condition.empty()) e.erase("condition");
                out.push_back(std::move(e));
            }
            return out;
        };
        const auto id_check = [](const Json& v) -> std::optional<std::string> {
            const auto& s = v.get_ref<const std::string&>();
            const bool ok = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            });
            if (!ok) return "must be lower-case letters, digits and '_', got '" + s + "'";
            return std::nullopt;
        };
        return object("", {
            scalar("id", Kind::String, HHU_ITEM(id)).mandatory().checked(id_check),
            scalar("name", Kind::String, HHU_ITEM(name)).mandatory(),
            scalar("name_nl", Kind::String, HHU_ITEM(name_nl)).checked(check_title).omitted_when_empty(),
            scalar("programme", Kind::String, HHU_ITEM(programme)).checked([](const Json& v) -> std::optional<std::string> {
                if (v.get_ref<const std::string&>().empty()) return std::nullopt;  // not given (the resolved form)
                return allowed(strings(programme_names()))(v.get_ref<const std::string&>());
            }),
            scalar("description", Kind::String, HHU_ITEM(description)).checked(check_text),
            scalar("description_nl", Kind::String, HHU_ITEM(description_nl))
                .checked(check_translation)
                .omitted_when_empty(),
            scalar("source", Kind::String, HHU_ITEM(source)).checked(check_text),
            string_list("assumptions", [](const std::string&) -> std::optional<std::string> { return std::nullopt; },
                        HHU_ITEM(assumptions)),
            scalar("enabled", Kind::Boolean, HHU_ITEM(enabled)),
            object("who", {
                scalar("age_min", Kind::Integer, HHU_ITEM(age_min)).range(0, 105),
                scalar("age_max", Kind::Integer, HHU_ITEM(age_max)).range(0, 105),
                choice<SexFilter>("sex", kSexFilterNames, HHU_ITEM(sex)),
                string_list("zones", [](const std::string& z) -> std::optional<std::string> {
                    if (is_zone_code(z)) return std::nullopt;
                    return "expected a zone code (GM####, WK0344##) or an aggregate (U10, U16, PV26), got '" + z + "'";
                }, HHU_ITEM(zones)),
                string_list("education", allowed({"low", "middle", "high"}), HHU_ITEM(education)),
                string_list("household", allowed({"alone", "couple", "parent", "child", "institution"}),
                            HHU_ITEM(household)),
                string_list("conditions", allowed(strings(kConditionNames)), HHU_ITEM(conditions)),
                string_list("risk_factors", allowed(strings(kFactorEligibility)), HHU_ITEM(risk_factors)),
                choice<PregnancyFilter>("pregnancy", kPregnancyFilterNames, HHU_ITEM(pregnancy)),
                scalar("without_digital_skills", Kind::Boolean, HHU_ITEM(without_digital_skills)),
            }),
            object("when", {
                scalar("start_year", Kind::Integer, HHU_ITEM(start_year)).range(2021, 2040),
                scalar("end_year", Kind::Integer, HHU_ITEM(end_year)).range(2021, 2040),
                scalar("ramp_up_years", Kind::Number, HHU_ITEM(ramp_up_years)).range(0, 20),
            }),
            object("reach", {
                scalar("coverage", Kind::Number, HHU_ITEM(coverage)).range(0, 1),
                scalar("capacity_per_year", Kind::Number, HHU_ITEM(capacity_per_year)).range(0, 2e6),
                scalar("uptake", Kind::Number, HHU_ITEM(uptake)).range(0, 1),
                scalar("digital_skills", Kind::Boolean, HHU_ITEM(digital_skills)),
            }),
            effects,
            object("cost", {
                scalar("per_participant_eur", Kind::Number, HHU_ITEM(cost_per_participant_eur)).range(0, 1e6),
                scalar("per_year_eur", Kind::Number, HHU_ITEM(cost_per_year_eur)).range(0, 1e10),
                scalar("price_year", Kind::Integer, HHU_ITEM(cost_price_year)).range(0, kPriceYear, "the year whose prices the costs are in, one the consumer price index of data/"
                                                      "consumer_prices.csv reaches; 0 or absent: none"),
            }),
            object("environment", {
                scalar("green_m2_per_dwelling", Kind::Number, HHU_ITEM(green_m2_per_dwelling)).range(-100, 500),
                scalar("active_mobility_index", Kind::Number, HHU_ITEM(active_mobility_index)).range(-10, 10),
            }),
        });
    }();
    return spec;
}

#undef HHU_ITEM
#undef HHU_EFFECT

FieldSpec interventions_field() {
    FieldSpec f;
    f.key = "interventions";
    f.kind = Kind::Array;
    f.items = [](const Json& array, const std::string& path, Issues& issues, Scenario& s) {
        s.interventions.clear();
        std::vector<std::string> ids;
        for (std::size_t k = 0; k < array.size(); ++k) {
            const std::string p = path + "/" + std::to_string(k);
            if (!array[k].is_object()) {
                issues.push_back({p, type_message(Kind::Object, array[k])});
                continue;
            }
            s.interventions.emplace_back();
            g_item = s.interventions.size() - 1;
            validate_object(intervention_spec(), array[k], p, issues, s);
            const auto& item = s.interventions[g_item];
            if (!item.id.empty() && std::find(ids.begin(), ids.end(), item.id) != ids.end())
                issues.push_back({p + "/id", "duplicate intervention id '" + item.id + "'"});
            ids.push_back(item.id);
            if (item.age_min > item.age_max)
                issues.push_back({p + "/who/age_max", "must not be below age_min (" + std::to_string(item.age_min) + ")"});
            if (item.start_year > item.end_year)
                issues.push_back({p + "/when/end_year", "must not be before start_year (" + std::to_string(item.start_year) + ")"});
            const bool environment = item.green_m2_per_dwelling != 0 || item.active_mobility_index != 0;
            if (array[k].contains("effects") && item.effects.empty() && !environment && item.cost_per_year_eur == 0)
                issues.push_back({p + "/effects", "an intervention needs at least one effect, an environment change or a yearly cost"});
            if ((item.cost_per_participant_eur > 0 || item.cost_per_year_eur > 0) && item.cost_price_year == 0)
                issues.push_back({p + "/cost/price_year",
                                  "required with a cost: the year whose prices the amounts are in (costs are reported "
                                  "in " + std::to_string(kPriceYear) + " prices, indexed with the consumer price index)"});
            if (item.coverage > 0 && item.capacity_per_year > 0)
                issues.push_back({p + "/reach/capacity_per_year",
                                  "give either coverage or capacity_per_year, not both (coverage is " +
                                      format_number(item.coverage) + ")"});
            if (environment && item.zones.empty())
                issues.push_back({p + "/who/zones", "an environment change needs the zones it applies to"});
        }
    };
    f.get = [](const Scenario& s) {
        nlohmann::json out = nlohmann::json::array();
        for (g_item = 0; g_item < s.interventions.size(); ++g_item) out.push_back(to_json(intervention_spec(), s));
        return out;
    };
    return f;
}

const FieldSpec& schema() {
    static const FieldSpec root = [] {
        FieldSpec extends;
        extends.key = "extends";
        extends.kind = Kind::String;
        extends.loader_only = true;

        FieldSpec interventions = interventions_field();

        return object("", {
            scalar("name", Kind::String, [](auto& s) -> auto& { return s.name; })
                .mandatory(/*in_own_file=*/true)
                .checked(check_name),
            scalar("description", Kind::String, [](auto& s) -> auto& { return s.description; }).checked(check_text),
            extends,
            scalar("start_year", Kind::Integer, [](auto& s) -> auto& { return s.start_year; })
                .range(2021, 2021, "the population table is of 1-1-2021"),
            scalar("end_year", Kind::Integer, [](auto& s) -> auto& { return s.end_year; }).range(2021, 2040),
            scalar("seed", Kind::Unsigned, [](auto& s) -> auto& { return s.seed; }),
            scalar("replicates", Kind::Integer, [](auto& s) -> auto& { return s.replicates; }).range(1, 1000),
            object("demography", {
                scalar("mortality_scale", Kind::Number,
                       [](auto& s) -> auto& { return s.demography.mortality_scale; }).range(0, 10),
                scalar("fertility_scale", Kind::Number,
                       [](auto& s) -> auto& { return s.demography.fertility_scale; }).range(0, 10),
                scalar("out_migration_scale", Kind::Number,
                       [](auto& s) -> auto& { return s.demography.out_migration_scale; }).range(0, 10),
                scalar("align_migration_to_forecast", Kind::Boolean,
                       [](auto& s) -> auto& { return s.demography.align_migration_to_forecast; }),
                scalar("align_migration_by_age", Kind::Boolean,
                       [](auto& s) -> auto& { return s.demography.align_migration_by_age; }),
                scalar("use_registered_migration", Kind::Boolean,
                       [](auto& s) -> auto& { return s.demography.use_registered_migration; }),
            }),
            object("health", {
                scalar("enabled", Kind::Boolean, [](auto& s) -> auto& { return s.health.enabled; }),
            }),
            object("labour", {
                scalar("inflow_at_published_rates", Kind::Boolean,
                       [](auto& s) -> auto& { return s.labour.inflow_at_published_rates; }),
                scalar("education_intake_trend", Kind::Boolean,
                       [](auto& s) -> auto& { return s.labour.education_intake_trend; }),
                scalar("retirement_follows_pension_age", Kind::Boolean,
                       [](auto& s) -> auto& { return s.labour.retirement_follows_pension_age; }),
                scalar("hours_trend", Kind::Boolean, [](auto& s) -> auto& { return s.labour.hours_trend; }),
            }),
            interventions,
            string_list("notes", [](const std::string&) -> std::optional<std::string> { return std::nullopt; },
                        [](auto& s) -> auto& { return s.notes; }),
            string_list("notes_nl", [](const std::string&) -> std::optional<std::string> { return std::nullopt; },
                        [](auto& s) -> auto& { return s.notes_nl; }),
            // Words for readers, after the model's keys (the list of valid keys starts with what runs).
            scalar("title", Kind::String, [](auto& s) -> auto& { return s.title; }).checked(check_title).own_words(),
            scalar("title_nl", Kind::String, [](auto& s) -> auto& { return s.title_nl; })
                .checked(check_title)
                .own_words(),
            scalar("description_nl", Kind::String, [](auto& s) -> auto& { return s.description_nl; })
                .checked(check_text)
                .own_words(),
        });
    }();
    return root;
}

const std::vector<Rule>& rules() {
    static const std::vector<Rule> all = {
        {{"/start_year", "/end_year"},
         [](const Scenario& s) -> std::optional<ValidationIssue> {
             if (s.end_year >= s.start_year) return std::nullopt;
             return ValidationIssue{"/end_year", "must not be before start_year (" + std::to_string(s.start_year) +
                                                     "), got " + std::to_string(s.end_year)};
         }},
    };
    return all;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

std::string child_path(const std::string& path, const std::string& key) {
    return path + "/" + json_pointer_token(key);
}

std::string format_number(double x) {
    if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 1e15) {
        return std::to_string(static_cast<long long>(x));
    }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, res.ptr);
}

std::string describe(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return std::string("a boolean (") + (v.get<bool>() ? "true" : "false") + ")";
        case Json::value_t::string: {
            const auto& s = v.get_ref<const std::string&>();
            if (s.size() <= 40) return "a string (" + v.dump() + ")";
            return "a string";
        }
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::binary: return "binary data";
        case Json::value_t::discarded: return "nothing";
        default: return v.dump();  // numbers: show the value itself
    }
}

std::string expected_name(Kind kind) {
    switch (kind) {
        case Kind::String: return "a string";
        case Kind::Integer: return "an integer";
        case Kind::Unsigned: return "a non-negative integer";
        case Kind::Number: return "a number";
        case Kind::Boolean: return "a boolean (true or false)";
        case Kind::Object: return "an object";
        case Kind::Array: return "an array";
    }
    return "?";
}

std::string type_message(Kind kind, const Json& v) {
    std::string got = describe(v);
    if (v.is_number() && (kind == Kind::Integer || kind == Kind::Unsigned)) {
        // e.g. "expected an integer, got 2.5"
    } else if (v.is_number()) {
        got = "a number (" + got + ")";
    }
    return "expected " + expected_name(kind) + ", got " + got;
}

std::string range_message(const FieldSpec& f, const Json& v) {
    std::string m;
    const bool has_lo = std::isfinite(f.lo), has_hi = std::isfinite(f.hi);
    if (has_lo && has_hi && f.lo == f.hi) m = "must be " + format_number(f.lo);
    else if (has_lo && has_hi) m = "must be between " + format_number(f.lo) + " and " + format_number(f.hi);
    else if (has_lo) m = "must be at least " + format_number(f.lo);
    else m = "must be at most " + format_number(f.hi);
    if (!f.note.empty()) m += " (" + f.note + ")";
    return m + ", got " + v.dump();
}

// Optimal string alignment distance (Levenshtein with adjacent transpositions).
std::size_t edit_distance(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

std::string unknown_key_message(const std::string& key, const std::vector<FieldSpec>& fields) {
    std::string m = "unknown key '" + key + "'";
    const FieldSpec* best = nullptr;
    std::size_t best_d = 3;
    for (const auto& f : fields) {
        const std::size_t d = edit_distance(key, f.key);
        if (d < best_d) {
            best_d = d;
            best = &f;
        }
    }
    if (best) m += "; did you mean '" + best->key + "'?";
    m += " valid keys: ";
    for (std::size_t i = 0; i < fields.size(); ++i) m += (i ? ", " : "") + fields[i].key;
    return m;
}

// ---------------------------------------------------------------------------------------------
// Validation against the table
// ---------------------------------------------------------------------------------------------

std::optional<double> integral_value(const Json& v) {
    if (v.is_number_unsigned()) return static_cast<double>(v.get<std::uint64_t>());
    if (v.is_number_integer()) return static_cast<double>(v.get<std::int64_t>());
    if (v.is_number_float()) {
        const double x = v.get<double>();
        if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) <= 9007199254740992.0) return x;
    }
    return std::nullopt;
}

void validate_object(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues, Scenario& out);

void validate_value(const FieldSpec& f, const Json& v, const std::string& path, Issues& issues, Scenario& out) {
    auto type_error = [&] { issues.push_back({path, type_message(f.kind, v)}); };
    auto in_range = [&](double x) { return x >= f.lo && x <= f.hi; };
    switch (f.kind) {
        case Kind::String:
            if (!v.is_string()) return type_error();
            break;
        case Kind::Boolean:
            if (!v.is_boolean()) return type_error();
            break;
        case Kind::Number:
            if (!v.is_number()) return type_error();
            if (!in_range(v.get<double>())) return issues.push_back({path, range_message(f, v)});
            break;
        case Kind::Integer: {
            auto x = integral_value(v);
            if (!x) return type_error();
            if (!in_range(*x)) return issues.push_back({path, range_message(f, v)});
            break;
        }
        case Kind::Unsigned: {
            auto x = integral_value(v);
            if (!x) return type_error();
            if (*x < 0) return issues.push_back({path, "must be a non-negative integer, got " + v.dump()});
            if (!in_range(*x)) return issues.push_back({path, range_message(f, v)});
            break;
        }
        case Kind::Object:
            if (!v.is_object()) return type_error();
            return validate_object(f, v, path, issues, out);
        case Kind::Array:
            if (!v.is_array()) return type_error();
            if (f.items) f.items(v, path, issues, out);
            return;
    }
    if (f.check) {
        if (auto m = f.check(v)) return issues.push_back({path, *m});
    }
    if (f.set) f.set(out, v);
}

void validate_object(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues, Scenario& out) {
    for (const auto& [key, v] : value.items()) {
        const auto it = std::find_if(spec.fields.begin(), spec.fields.end(),
                                     [&](const FieldSpec& f) { return f.key == key; });
        const std::string p = child_path(path, key);
        if (it == spec.fields.end()) {
            issues.push_back({p, unknown_key_message(key, spec.fields)});
        } else if (!it->loader_only) {
            validate_value(*it, v, p, issues, out);
        }
    }
    for (const auto& f : spec.fields) {
        if (f.required && !value.contains(f.key)) {
            issues.push_back({child_path(path, f.key), "missing required key '" + f.key + "'"});
        }
    }
}

Scenario validate(const Json& doc, Issues& issues) {
    Scenario s;
    validate_object(schema(), doc, "", issues, s);
    for (const auto& rule : rules()) {
        const bool ready = std::none_of(issues.begin(), issues.end(), [&](const ValidationIssue& i) {
            return std::find(rule.needs.begin(), rule.needs.end(), i.path) != rule.needs.end();
        });
        if (!ready) continue;
        if (auto issue = rule.check(s)) issues.push_back(*issue);
    }
    return s;
}

nlohmann::json to_json(const FieldSpec& spec, const Scenario& s) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& f : spec.fields) {
        if (f.loader_only) continue;
        if (f.kind == Kind::Object) {
            out[f.key] = to_json(f, s);
        } else if (f.get) {
            nlohmann::json v = f.get(s);
            if (f.omit_empty && v.is_string() && v.get_ref<const std::string&>().empty()) continue;
            out[f.key] = std::move(v);
        }
    }
    return out;
}

const FieldSpec* find_spec(const std::vector<std::string>& segments) {
    const FieldSpec* f = &schema();
    for (const auto& seg : segments) {
        const auto it = std::find_if(f->fields.begin(), f->fields.end(),
                                     [&](const FieldSpec& c) { return c.key == seg; });
        if (it == f->fields.end()) return nullptr;
        f = &*it;
    }
    return f;
}

// ---------------------------------------------------------------------------------------------
// Reading, parsing and `extends`
// ---------------------------------------------------------------------------------------------

// A scenario is a small JSON file; reading stops beyond this size, so that a device such as
// /dev/zero or a huge file is refused instead of filling memory.
constexpr std::size_t kMaxScenarioBytes = 1 << 20;

std::optional<std::string> read_text(const fs::path& path, std::string& error) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        error = "file not found";
        return std::nullopt;
    }
    if (fs::is_directory(st)) {
        error = "is a folder, not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return std::nullopt;
    }
    std::string text(kMaxScenarioBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        error = "cannot read the file";
        return std::nullopt;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxScenarioBytes) {
        error = "larger than " + std::to_string(kMaxScenarioBytes >> 20) + " MB (expected a scenario: a small JSON file)";
        return std::nullopt;
    }
    return text;
}

std::optional<Json> parse_document(const std::string& text, Issues& issues) {
    JsonProblem problem;
    auto j = parse_strict_json(text, problem);
    if (!j) {
        issues.push_back({problem.path, problem.message});
        return std::nullopt;
    }
    if (!j->is_object()) {
        issues.push_back({"", "a scenario must be a JSON object, got " + describe(*j)});
        return std::nullopt;
    }
    return j;
}

void deep_merge(Json& base, const Json& over) {
    for (const auto& [key, v] : over.items()) {
        auto it = base.find(key);
        if (it != base.end() && it->is_object() && v.is_object()) deep_merge(*it, v);
        else base[key] = v;
    }
}

struct StackEntry {
    fs::path canonical;
    std::string display;
};

// The documents are shared, not copied: a layer is kept for saying which file a value came from.
struct Layer {
    std::string display;
    std::shared_ptr<const Json> raw;
};

struct Resolution {
    std::vector<Layer> layers;       // the file itself first, then its bases
    std::vector<std::string> chain;  // the bases, direct one first
};

// Issues about the file at stack[level]: the scenario's own file reports them as they are; a base
// reports them at /extends of the scenario, naming the base file.
void add_issue(Issues& issues, const std::vector<StackEntry>& stack, std::size_t level, const std::string& path,
               const std::string& message) {
    if (level == 0) {
        issues.push_back({path, message});
    } else {
        issues.push_back({"/extends", "in '" + stack[level].display + "': " + (path.empty() ? "" : path + ": ") + message});
    }
}

fs::path canonical_or_absolute(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    if (ec) c = fs::absolute(p, ec).lexically_normal();
    return c;
}

Json without_extends(const Json& doc) {
    Json out = doc;
    out.erase("extends");
    return out;
}

// `doc` (the file on top of `stack`, found in folder `dir`) with its bases merged in, without `extends`.
Json resolve(std::shared_ptr<const Json> doc, const fs::path& dir, std::vector<StackEntry>& stack, Resolution& res,
             Issues& issues) {
    const std::size_t level = stack.size() - 1;
    res.layers.push_back({stack.back().display, doc});
    const auto it = doc->find("extends");
    if (it == doc->end()) return *doc;
    const Json& ext = *it;

    if (!ext.is_string()) {
        add_issue(issues, stack, level, "/extends", "expected a string (a file path), got " + describe(ext));
        return without_extends(*doc);
    }
    const auto& rel = ext.get_ref<const std::string&>();
    if (rel.empty()) {
        add_issue(issues, stack, level, "/extends", "must not be empty");
        return without_extends(*doc);
    }
    const fs::path base_path = (dir / rel).lexically_normal();
    const std::string display = base_path.string();
    const fs::path canonical = canonical_or_absolute(base_path);
    for (std::size_t i = 0; i < stack.size(); ++i) {
        if (stack[i].canonical == canonical) {
            std::string chain;
            for (const auto& e : stack) chain += e.display + " -> ";
            issues.push_back({"/extends", "extends cycle: " + chain + display});
            return without_extends(*doc);
        }
    }
    if (stack.size() > 64) {
        add_issue(issues, stack, level, "/extends", "the chain of extends is too long (more than 64 files)");
        return without_extends(*doc);
    }
    std::string error;
    const auto text = read_text(base_path, error);
    if (!text) {
        add_issue(issues, stack, level, "/extends", "cannot load '" + display + "': " + error);
        return without_extends(*doc);
    }
    stack.push_back({canonical, display});
    Issues parse_issues;
    auto base_raw = parse_document(*text, parse_issues);
    for (const auto& pi : parse_issues) add_issue(issues, stack, level + 1, pi.path, pi.message);
    Json merged;
    if (base_raw) {
        res.chain.push_back(display);
        merged = resolve(std::make_shared<const Json>(std::move(*base_raw)), base_path.parent_path(), stack, res, issues);
        deep_merge(merged, *doc);
        merged.erase("extends");
    } else {
        merged = without_extends(*doc);
    }
    stack.pop_back();
    return merged;
}

bool pointer_exists(const Json& doc, const std::string& path) {
    try {
        return doc.contains(Json::json_pointer(path));
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

std::string format_message(const std::string& file, const Issues& issues) {
    std::string m = "scenario " + file + ": " + std::to_string(issues.size()) + " problem(s):";
    for (const auto& i : issues) {
        m += "\n  ";
        if (!i.path.empty()) m += i.path + ": ";
        m += i.message;
    }
    return m;
}

Scenario build(const std::string& text, const std::string& display, const fs::path& dir, const fs::path& canonical) {
    Issues issues;
    auto parsed = parse_document(text, issues);
    if (!parsed) throw ScenarioError(display, std::move(issues));
    const auto raw = std::make_shared<const Json>(std::move(*parsed));

    std::vector<StackEntry> stack{{canonical, display}};
    Resolution res;
    Json merged = resolve(raw, dir, stack, res, issues);
    // Words of a base file that are not this file's (its title) are dropped rather than inherited.
    for (const auto& f : schema().fields)
        if (f.not_inherited && !raw->contains(f.key) && merged.is_object()) merged.erase(f.key);

    // Fields that must be written in the scenario's own file, not inherited from a base.
    if (!res.chain.empty()) {
        for (const auto& f : schema().fields) {
            if (f.own && !raw->contains(f.key) && merged.contains(f.key)) {
                issues.push_back({child_path("", f.key), "missing required key '" + f.key +
                                                             "' (a scenario that extends another must have its own)"});
            }
        }
    }

    const std::size_t before = issues.size();
    Scenario s = validate(merged, issues);
    // Say which file a bad inherited value came from.
    for (std::size_t k = before; k < issues.size(); ++k) {
        auto& issue = issues[k];
        if (issue.path.empty() || pointer_exists(*res.layers[0].raw, issue.path)) continue;
        for (std::size_t l = 1; l < res.layers.size(); ++l) {
            if (pointer_exists(*res.layers[l].raw, issue.path)) {
                issue.message += " (from '" + res.layers[l].display + "')";
                break;
            }
        }
    }
    if (!issues.empty()) throw ScenarioError(display, std::move(issues));

    s.extends_chain = std::move(res.chain);
    s.resolved_json = to_json(schema(), s).dump(2);
    return s;
}

// A -D value is taken as text when it is not JSON; the resolved scenario (JSON) must hold it.
bool valid_utf8(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

ScenarioError::ScenarioError(std::string file, std::vector<ValidationIssue> issues)
    : InputError(format_message(file, issues)), file_(std::move(file)), issues_(std::move(issues)) {}

Scenario load_scenario(const fs::path& file) {
    const std::string display = file.string();
    std::string error;
    const auto text = read_text(file, error);
    if (!text) throw ScenarioError(display, {{"", error}});
    Scenario s = build(*text, display, file.parent_path(), canonical_or_absolute(file));
    s.source_file = display;
    return s;
}

Scenario parse_scenario(const std::string& json_text, const std::string& name) {
    Scenario s = build(json_text, name, fs::path(name).parent_path(), fs::path());
    s.source_file.clear();
    return s;
}

namespace {

// A -D key inside a list names an item by its "id" (interventions.gli.reach.uptake, stable when the
// list changes) or by its position from 0 (interventions.0.reach.uptake). Extends `at` with the
// item's JSON pointer; nullptr when there is no such item.
Json* array_item(Json& array, const std::string& key, std::string& at) {
    for (std::size_t k = 0; k < array.size(); ++k) {
        const Json& item = array[k];
        if (item.is_object() && item.contains("id") && item["id"].is_string() && item["id"].get<std::string>() == key) {
            at = child_path(at, std::to_string(k));
            return &array[k];
        }
    }
    if (!key.empty() && key.size() <= 6 && key.find_first_not_of("0123456789") == std::string::npos) {
        const std::size_t k = std::stoul(key);
        if (k < array.size()) {
            at = child_path(at, key);
            return &array[k];
        }
    }
    at = child_path(at, key);
    return nullptr;
}

}  // namespace

Scenario with_overrides(const Scenario& base, const std::vector<std::string>& assignments) {
    const std::string file = base.source_file.empty() ? base.name : base.source_file;
    Json doc = Json::parse(to_json(schema(), base).dump());
    Issues issues;
    std::vector<std::pair<std::string, std::string>> origins;  // JSON pointer, the -D text

    for (const auto& assignment : assignments) {
        const auto eq = assignment.find('=');
        const std::string key = trim(eq == std::string::npos ? assignment : assignment.substr(0, eq));
        std::vector<std::string> segments;
        for (std::size_t start = 0;;) {
            const auto dot = key.find('.', start);
            segments.push_back(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        const bool malformed = eq == std::string::npos || key.empty() ||
                               std::any_of(segments.begin(), segments.end(), [](const std::string& s) { return s.empty(); });
        if (malformed) {
            issues.push_back({"", "malformed -D " + assignment +
                                      ": expected KEY=VALUE such as demography.mortality_scale=0.5"});
            continue;
        }
        std::string pointer;
        for (const auto& seg : segments) pointer = child_path(pointer, seg);
        if (segments.front() == "extends") {
            issues.push_back({"/extends", "cannot be set with -D (from -D " + assignment + ")"});
            continue;
        }

        const std::string text = assignment.substr(eq + 1);
        const FieldSpec* spec = find_spec(segments);
        Json value;
        if (!valid_utf8(text)) {
            issues.push_back({pointer, "not valid UTF-8 text (from -D " + assignment + ")"});
            continue;
        }
        if (spec && spec->kind == Kind::String && (text.empty() || text.front() != '"')) {
            value = text;
        } else {
            JsonProblem problem;
            if (auto parsed = parse_strict_json(text, problem)) {
                value = std::move(*parsed);
            } else if (problem.kind == JsonProblem::Kind::Syntax) {
                value = text;  // not JSON: a string, which validation reports if a string is not wanted
            } else {
                issues.push_back({pointer + problem.path, problem.message + " (from -D " + assignment + ")"});
                continue;
            }
        }

        Json* node = &doc;
        std::string at;
        bool ok = true;
        for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
            Json* next = nullptr;
            if (node->is_array()) {
                next = array_item(*node, segments[i], at);
                if (!next) {
                    issues.push_back({at, "has no item with id '" + segments[i] + "' (nor position " + segments[i] +
                                              "; positions count from 0) for -D " + assignment});
                    ok = false;
                    break;
                }
            } else {
                at = child_path(at, segments[i]);
                next = &(*node)[segments[i]];
                if (next->is_null()) *next = Json::object();
            }
            if (!next->is_object() && !next->is_array()) {
                issues.push_back({at, "is not an object, so -D " + assignment + " cannot set a key inside it"});
                ok = false;
                break;
            }
            node = next;
        }
        if (!ok) continue;
        if (node->is_array()) {
            issues.push_back({at, "is a list: -D " + assignment + " can set a key of one of its items (by id or position), "
                                  "not replace an item"});
            continue;
        }
        Json& target = (*node)[segments.back()];
        if (target.is_object() && value.is_object()) deep_merge(target, value);
        else target = std::move(value);
        origins.emplace_back(child_path(at, segments.back()), assignment);
    }

    Issues validation;
    Scenario s = validate(doc, validation);
    for (auto& issue : validation) {
        for (auto o = origins.rbegin(); o != origins.rend(); ++o) {
            if (issue.path == o->first || issue.path.rfind(o->first + "/", 0) == 0) {
                issue.message += " (from -D " + o->second + ")";
                break;
            }
        }
        issues.push_back(std::move(issue));
    }
    if (!issues.empty()) throw ScenarioError(file, std::move(issues));

    s.source_file = base.source_file;
    s.extends_chain = base.extends_chain;
    s.resolved_json = to_json(schema(), s).dump(2);
    return s;
}

}  // namespace hhu
