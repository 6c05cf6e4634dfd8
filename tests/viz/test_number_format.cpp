// Numbers in the panels' language (viz/scales.hpp): Dutch writes 70.750 and 1,5 where English writes
// 70,750 and 1.5; and every text of the viewer's table has the same printf fields in both languages, so a
// Dutch text is never filled with the wrong kind of value.
#include <doctest/doctest.h>

#include <string>

#include "changes.hpp"
#include "scales.hpp"
#include "view_data.hpp"
#include "viewer_text.hpp"

using namespace hhu;
using namespace hhu::viz;

namespace {

// The printf conversions of a format, in order ("%d%s%g"); "%%" is not one.
std::string conversions(const std::string& format) {
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        std::size_t j = i + 1;
        while (j < format.size() && std::string("0123456789.-+ #").find(format[j]) != std::string::npos) ++j;
        if (j < format.size() && format[j] != '%') out += format.substr(i, j + 1 - i);
        i = j;
    }
    return out;
}

}  // namespace

TEST_CASE("viz numbers: thousands and decimals in English and Dutch") {
    CHECK(format_number(70750, 1) == "70,750");
    CHECK(format_number(70750, 1, Language::Dutch) == "70.750");
    CHECK(format_number(1.5, 0.5) == "1.5");
    CHECK(format_number(1.5, 0.5, Language::Dutch) == "1,5");
    CHECK(format_number(-1234567.25, 0.25, Language::Dutch) == "-1.234.567,25");
    CHECK(format_number(-1234567.25, 0.25) == "-1,234,567.25");
    CHECK(format_number(-0.0001, 1, Language::Dutch) == "0");
    CHECK(format_value_for_display(1361135, Language::Dutch) == "1.361.135");
    CHECK(format_value_for_display(12.345, Language::Dutch) == "12,35");
    CHECK(format_value_for_display(12.345) == "12.35");
    CHECK(format_value_for_display(250.25, Language::Dutch) == "250,2");
    CHECK(format_compact(1200000, 200000) == "1.2M");
    CHECK(format_compact(1200000, 200000, Language::Dutch) == "1,2 mln");
    CHECK(format_compact(45000, 5000, Language::Dutch) == "45k");
    CHECK(format_compact(950, 50, Language::Dutch) == "950");
    CHECK(format_compact(2500, 500, Language::Dutch) == "2.500");
}

TEST_CASE("viz text: the same printf fields in English and Dutch, and filled in") {
    const std::string keys = ui_keys();
    for (std::size_t at = 0, end; (end = keys.find('\n', at)) != std::string::npos; at = end + 1) {
        const std::string key = keys.substr(at, end - at);
        INFO(key);
        CHECK(conversions(ui_text(Language::English, key)) == conversions(ui_text(Language::Dutch, key)));
    }
    CHECK(printf_text(ui_text(Language::Dutch, "chart.interval"), std::string("1,5"), std::string("2,5")) ==
          "  95%-interval 1,5 tot 2,5");
    CHECK(printf_text(ui_text(Language::Dutch, "show.interventions_on"), 2, 3) == "Interventies: 2 van 3 aan \u203A");
    // A per cent sign in a sentence is written %%: "95% interval" would read a value that is not there.
    CHECK(printf_text(ui_text(Language::English, "changes.paired_mean"), 5) ==
          "paired (same seeds): mean of 5 replicates [95% interval]");
}

TEST_CASE("viz areas: the city and the province named in the language, municipalities as they are") {
    CHECK(area_name({"GM0344U", "Utrecht (city)", -1, 0}, Language::Dutch) == "Utrecht (stad)");
    CHECK(area_name({"PV26", "Province of Utrecht", -1, 3}, Language::Dutch) == "Provincie Utrecht");
    CHECK(area_name({"PV26", "Province of Utrecht", -1, 3}, Language::English) == "Province of Utrecht");
    CHECK(area_name({"GM0307", "Amersfoort", 3, -1}, Language::Dutch) == "Amersfoort");
}
