// JSON read with limits: depth, duplicate keys and numbers beyond a double are refused with the
// JSON pointer of the value; syntax errors with the line and column.
#include <doctest/doctest.h>

#include <string>

#include "sim/io/strict_json.hpp"

using namespace hhu;

namespace {

JsonProblem problem_of(const std::string& text) {
    JsonProblem p;
    CHECK_FALSE(parse_strict_json(text, p).has_value());
    return p;
}

std::string nested(int levels) { return std::string(levels, '[') + std::string(levels, ']'); }

}  // namespace

TEST_CASE("strict JSON: a document within the limits is read as it is, key order kept") {
    JsonProblem p;
    const auto j = parse_strict_json("{\"b\": 1, \"a\": [1, {\"c\": 2.5}]}", p);
    REQUIRE(j.has_value());
    CHECK(j->dump() == "{\"b\":1,\"a\":[1,{\"c\":2.5}]}");
    CHECK(parse_strict_json(nested(kMaxJsonDepth), p).has_value());
}

TEST_CASE("strict JSON: nesting deeper than the limit is refused where it starts, however deep") {
    auto p = problem_of(nested(kMaxJsonDepth + 1));
    CHECK(p.kind == JsonProblem::Kind::Limit);
    CHECK(p.message.find("nested deeper than 64 levels") != std::string::npos);
    std::string pointer;
    for (int k = 0; k < kMaxJsonDepth; ++k) pointer += "/0";
    CHECK(p.path == pointer);
    p = problem_of("{\"a\": " + nested(200000) + "}");  // would overflow the stack of recursive code
    CHECK(p.path.rfind("/a/0/0", 0) == 0);
}

TEST_CASE("strict JSON: a duplicate key is refused at its pointer") {
    const auto p = problem_of("{\"x\": [{\"k\": 1}, {\"k\": 1, \"a/b\": 2, \"a/b\": 3}]}");
    CHECK(p.kind == JsonProblem::Kind::Limit);
    CHECK(p.path == "/x/1/a~1b");
    CHECK(p.message.find("duplicate key 'a/b'") != std::string::npos);
}

TEST_CASE("strict JSON: a number beyond a double is refused at its pointer, with its line") {
    auto p = problem_of("{\"a\": {\"b\": [1, 2,\n -1e400]}}");
    CHECK(p.kind == JsonProblem::Kind::Limit);
    CHECK(p.path == "/a/b/2");
    CHECK(p.message.find("too large for a double") != std::string::npos);
    CHECK(p.message.find("line 2, column 2") != std::string::npos);
    p = problem_of("1e999");
    CHECK(p.path.empty());
    CHECK(p.message.find("line 1, column 1") != std::string::npos);
}

TEST_CASE("strict JSON: a syntax error gives its line and column, a byte-order mark is skipped") {
    const auto p = problem_of("{\"a\": 1,\n \"b\": }");
    CHECK(p.kind == JsonProblem::Kind::Syntax);
    CHECK(p.message.find("invalid JSON at line 2, column 7") != std::string::npos);
    JsonProblem none;
    const auto j = parse_strict_json("\xEF\xBB\xBF{\"a\": 1}", none);
    REQUIRE(j.has_value());
    CHECK((*j)["a"] == 1);
}
