#pragma once
// Reading JSON written by people (scenario files, -D values) with limits that keep a bad file from
// crashing or silently changing a result: nesting is at most kMaxJsonDepth levels (deeper documents
// would exhaust the stack of the recursive code that walks them), a key appears once per object
// (a duplicate would silently win over the first), and a number must fit a double (1e400 does not).
// A UTF-8 byte-order mark at the start is skipped, as in the CSV reader.
#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace hhu {

inline constexpr int kMaxJsonDepth = 64;

struct JsonProblem {
    enum class Kind { Syntax, Limit };
    Kind kind = Kind::Syntax;
    std::string path;     // JSON pointer of the offending value ("" when only the position is known)
    std::string message;  // e.g. "invalid JSON at line 3, column 7: ..." or "duplicate key 'seed' ..."
};

// Parses `text`; on failure returns nothing and describes the first problem in `problem`.
std::optional<nlohmann::ordered_json> parse_strict_json(const std::string& text, JsonProblem& problem);

// A key as one token of a JSON pointer (RFC 6901: '~' as "~0", '/' as "~1").
std::string json_pointer_token(const std::string& key);

}  // namespace hhu
