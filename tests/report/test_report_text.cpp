// The brief's words and numbers in English and Dutch (sim/report/report_text).
#include <doctest/doctest.h>

#include <stdexcept>

#include "sim/compare/compare_format.hpp"
#include "sim/core/error.hpp"
#include "sim/report/report_text.hpp"

using namespace hhu;

TEST_CASE("report text: English figures are compare's, Dutch ones the same numbers written the Dutch way") {
    const std::string cell = human_number(1234567) + " [" + human_number(-0.5) + ", " + human_number(2345) + "]";
    CHECK(cell == "1.23M [-0.5, 2,345]");
    CHECK(localise_figure(Language::English, cell) == cell);
    CHECK(localise_figure(Language::Dutch, cell) == "1,23 mln [-0,5; 2.345]");
    CHECK(localise_figure(Language::Dutch, "2.5bn") == "2,5 mld");
    CHECK(localise_figure(Language::Dutch, "45.6k") == "45,6k");
    CHECK(localise_figure(Language::Dutch, "n/a (dominated)") == "n.v.t. (gedomineerd)");
    CHECK(localise_figure(Language::Dutch, "12 [no interval]") == "12 [geen interval]");
    CHECK(localise_figure(Language::Dutch, "n/a") == "n.v.t.");
    CHECK(localise_figure(Language::Dutch, "not reached") == "niet bereikt");
}

TEST_CASE("report text: every key has both languages, an unknown key is a bug, an unknown field falls back") {
    CHECK(text(Language::English, "section.headline") == "What changes");
    CHECK(text(Language::Dutch, "section.headline") == "Wat verandert er");
    CHECK_THROWS_AS(text(Language::Dutch, "no.such.key"), std::logic_error);
    CHECK(text_or(Language::Dutch, "field.new_thing", "new_thing") == "new_thing");
    CHECK(measure_label(Language::Dutch, "qalys_gained", "QALYs gained") == "Gewonnen QALY's");
    CHECK(measure_label(Language::English, "qalys_gained", "QALYs gained") == "QALYs gained");
    CHECK(measure_label(Language::Dutch, "a_new_row", "a new row") == "A new row");
}

TEST_CASE("report text: the language flag takes nl or en only") {
    CHECK(parse_language("nl") == Language::Dutch);
    CHECK(parse_language("en") == Language::English);
    CHECK_THROWS_WITH_AS(parse_language("de"), "--lang: expected nl or en, got 'de'", InputError);
}
