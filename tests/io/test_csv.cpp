#include <doctest/doctest.h>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"

using namespace hhu;

TEST_CASE("CSV: header, comments, quoted fields, typed cells") {
    const auto t = CsvTable::parse("# a comment\nzone,name,value\nGM0307,\"Amersfoort, city\",1.5\n\nGM0308,Baarn,2\n",
                                   "test.csv");
    REQUIRE(t.rows() == 2);
    CHECK(t.str(0, "name") == "Amersfoort, city");
    CHECK(t.num(0, "value") == 1.5);
    CHECK(t.integer(1, "value") == 2);
    CHECK(t.line(1) == 5);
}

TEST_CASE("CSV: every error names the file, the line and the column") {
    const auto t = CsvTable::parse("a,b\n1,x\n2,3.5\n", "data/t.csv");
    CHECK_THROWS_WITH_AS(t.num(0, "b"), "data/t.csv:2: column 'b': expected a number, got 'x'", InputError);
    CHECK_THROWS_WITH_AS(t.integer(1, "b"), "data/t.csv:3: column 'b': expected a whole number, got '3.5'",
                         InputError);
    CHECK_THROWS_WITH_AS(t.num_in(1, "a", 0, 1), doctest::Contains("data/t.csv:3: column 'a': expected a value between 0 and 1"),
                         InputError);
    CHECK_THROWS_WITH_AS(t.require_columns({"a", "c"}), doctest::Contains("missing column(s) c"), InputError);
    CHECK_THROWS_WITH_AS(CsvTable::parse("a,b\n1\n", "x.csv"), "x.csv:2: expected 2 fields as in the header, got 1",
                         InputError);
    CHECK_THROWS_WITH_AS(CsvTable::parse("a\n\"open\n", "q.csv"), doctest::Contains("q.csv:2: unterminated"),
                         InputError);
    CHECK_THROWS_AS(CsvTable::read("/nonexistent/file.csv"), InputError);
}
