#include <doctest/doctest.h>

#include <string>

#include "sim/core/error.hpp"
#include "sim/io/gzip.hpp"

using namespace hhu;

TEST_CASE("gzip: what is compressed comes back, in one piece or fed in parts") {
    std::string text = "year,zone,value\n";
    for (int k = 0; k < 50000; ++k) text += "2021,GM" + std::to_string(k % 26) + "," + std::to_string(k * 7) + "\n";
    const std::string once = gzip(text);
    CHECK(once.size() < text.size() / 3);
    CHECK(static_cast<unsigned char>(once[0]) == 0x1f);  // the gzip magic number (RFC 1952)
    CHECK(static_cast<unsigned char>(once[1]) == 0x8b);
    CHECK(gunzip(once, "t.csv.gz") == text);
    GzipEncoder encoder;
    std::string parts;
    for (std::size_t at = 0; at < text.size(); at += 1000) parts += encoder.feed(std::string_view(text).substr(at, 1000));
    parts += encoder.finish();
    CHECK(gunzip(parts, "t.csv.gz") == text);
    CHECK(gzip(text) == once);  // deterministic: no time or name in the header
    CHECK(gunzip(gzip(""), "empty.gz").empty());
}

TEST_CASE("gzip: a truncated or corrupt file is an error naming it") {
    const std::string z = gzip(std::string(10000, 'a') + "tail");
    CHECK_THROWS_WITH_AS(gunzip(z.substr(0, z.size() / 2), "cut.csv.gz"), doctest::Contains("cut.csv.gz: not a complete gzip file"), InputError);
    CHECK_THROWS_WITH_AS(gunzip("plain text, not gzip", "x.gz"), doctest::Contains("x.gz: not a complete gzip file (corrupt data)"), InputError);
}
