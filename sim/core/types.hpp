#pragma once
// The vocabulary of the model: sexes, age groups, education levels, household situations, and the
// calendar. Everything here is small and fixed; the data tables are checked against it on load.
#include <array>
#include <cstdint>
#include <string_view>

namespace hhu {

inline constexpr int kNumSexes = 2;
enum class Sex : std::uint8_t { Male = 0, Female = 1 };
inline constexpr std::array<std::string_view, kNumSexes> kSexNames = {"male", "female"};

// Single years of age 0..kMaxAge; kMaxAge is the open interval (105+).
inline constexpr int kMaxAge = 105;
inline constexpr int kNumAges = kMaxAge + 1;

// Five-year age groups 0-4 ... 90-94, 95+.
inline constexpr int kNumAgeGroups = 20;
inline constexpr std::array<std::string_view, kNumAgeGroups> kAgeGroupNames = {
    "0-4",   "5-9",   "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95+"};
constexpr int age_group_of(int age_years) { return age_years >= 95 ? kNumAgeGroups - 1 : age_years / 5; }
constexpr int age_group_lower(int group) { return group * 5; }

inline constexpr int kNumEducation = 3;
enum class Education : std::uint8_t { Low = 0, Middle = 1, High = 2 };
inline constexpr std::array<std::string_view, kNumEducation> kEducationNames = {"low", "middle", "high"};

inline constexpr int kNumHousehold = 5;
enum class Household : std::uint8_t { Alone = 0, Couple = 1, Parent = 2, Child = 3, Institution = 4 };
inline constexpr std::array<std::string_view, kNumHousehold> kHouseholdNames = {"alone", "couple", "parent",
                                                                                "child", "institution"};

// The clock: step 0 is January 2021; one step is one month.
inline constexpr int kFirstYear = 2021;
inline constexpr int kMonthsPerYear = 12;
inline constexpr double kStepYears = 1.0 / kMonthsPerYear;
constexpr int year_of_step(int step) { return kFirstYear + step / kMonthsPerYear; }
constexpr int month_of_step(int step) { return step % kMonthsPerYear; }
constexpr int first_step_of_year(int year) { return (year - kFirstYear) * kMonthsPerYear; }

}  // namespace hhu
