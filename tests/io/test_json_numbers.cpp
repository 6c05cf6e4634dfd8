// Arrays of numbers written and read without nlohmann's tree: the bytes its dump writes, the values its parser reads,
// and nothing read that its parser would refuse.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/io/json_numbers.hpp"

using namespace hhu;

namespace {

// Doubles of every kind: the ones a plan holds (shares, multipliers near 1), the edges of the format, and bit patterns
// spread over the whole range (a fixed generator: the same numbers every run).
std::vector<double> sample_doubles() {
    std::vector<double> v = {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             0.1,
                             1e-05,
                             1e-4,
                             123456789.125,
                             1e15,
                             1e16,
                             1e17,
                             1e21,
                             1e22,
                             0.30000000000000004,
                             5e-324,
                             2.2250738585072014e-308,
                             std::numeric_limits<double>::max(),
                             -std::numeric_limits<double>::max(),
                             1.0 / 3.0,
                             2.0 / 3.0,
                             0.9999999999999999};
    std::uint64_t x = 0x9e3779b97f4a7c15ull;
    for (int k = 0; k < 20000; ++k) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const double d = std::bit_cast<double>(x);
        if (std::isfinite(d)) v.push_back(d);
        v.push_back(static_cast<double>(x % 100000) / 99991.0);  // shares
    }
    return v;
}

double parsed_by_nlohmann(const std::string& token) { return nlohmann::json::parse(token).get<double>(); }

}  // namespace

TEST_CASE("json numbers: written as nlohmann's dump writes them, and read back to the same bits") {
    const std::vector<double> values = sample_doubles();
    std::string ours;
    json_numbers::append(ours, values);
    CHECK(ours == nlohmann::json(values).dump());
    std::vector<double> back;
    std::size_t pos = 0;
    REQUIRE(json_numbers::read(ours, pos, back));
    CHECK(pos == ours.size());
    REQUIRE(back.size() == values.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        CHECK(std::bit_cast<std::uint64_t>(back[k]) == std::bit_cast<std::uint64_t>(values[k]));

    const std::vector<std::vector<std::int64_t>> counts = {
        {0, 1, -1, 42}, {}, {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}};
    std::string text;
    json_numbers::append(text, counts);
    CHECK(text == nlohmann::json(counts).dump());
    std::vector<std::vector<std::int64_t>> counts_back;
    pos = 0;
    REQUIRE(json_numbers::read(text, pos, counts_back));
    CHECK(counts_back == counts);

    std::string odd;
    json_numbers::append(odd, std::vector<double>{std::nan(""), std::numeric_limits<double>::infinity()});
    CHECK(odd == "[null,null]");
}

TEST_CASE("json numbers: a token reads as nlohmann reads it, and one it refuses is not read") {
    // Integer tokens are integers first in nlohmann ("-0" is +0.0, a 20-digit one a double).
    for (const std::string token :
         {"0", "-0", "1", "-1", "0.5", "-0.0", "1e-05", "1E+2", "2.5e3", "123456789012345678", "18446744073709551615",
          "18446744073709551616", "-9223372036854775809", "4.9e-324", "0.1000000000000000055511151231257827"}) {
        CAPTURE(token);
        double ours = 0;
        std::size_t pos = 0;
        REQUIRE(json_numbers::read(token, pos, ours));
        CHECK(pos == token.size());
        CHECK(std::bit_cast<std::uint64_t>(ours) == std::bit_cast<std::uint64_t>(parsed_by_nlohmann(token)));
    }
    // Not JSON numbers (nlohmann refuses each), or not numbers of the kind asked for.
    for (const std::string token :
         {"01", ".5", "5.", "+1", "-", "1e", "1e+", "nan", "inf", "-inf", "0x10", "--1", ""}) {
        CAPTURE(token);
        double d = 0;
        std::size_t pos = 0;
        const bool read_whole = json_numbers::read(token, pos, d) && pos == token.size();
        CHECK_FALSE(read_whole);
        CHECK(nlohmann::json::parse(token, nullptr, false).is_discarded());
    }
    for (const std::string token : {"\"1\"", "true", "null", "[1]"}) {  // JSON, but no number
        CAPTURE(token);
        double d = 0;
        std::size_t pos = 0;
        CHECK_FALSE(json_numbers::read(token, pos, d));
    }
    for (const std::string token : {"1.0", "1e2", "-9223372036854775809", "9223372036854775808"}) {
        CAPTURE(token);
        std::int64_t n = 0;
        std::size_t pos = 0;
        CHECK_FALSE(json_numbers::read(token, pos, n));
    }
}

TEST_CASE("json numbers: arrays with whitespace are read, malformed ones are not") {
    std::vector<std::vector<double>> v;
    std::size_t pos = 0;
    const std::string spaced = " [ [1, 2.5 ]\n,\t[ ], [ -3e-1 ] ] ";
    REQUIRE(json_numbers::read(spaced, pos, v));
    CHECK(v == std::vector<std::vector<double>>{{1.0, 2.5}, {}, {-0.3}});
    for (const std::string bad : {"[[1,]]", "[[,1]]", "[[1 2]]", "[[1],", "[1]", "[[1]", "[[\"1\"]]", "[[null]]",
                                  "[[1e400]]", "{}", "[[[1]]]"}) {
        CAPTURE(bad);
        pos = 0;
        CHECK_FALSE(json_numbers::read(bad, pos, v));
    }
}
