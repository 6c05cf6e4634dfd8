#pragma once
// Large arrays of numbers in JSON, written and read without a document tree. A migration plan holds some 320,000
// numbers, and each paired draw writes one and reads one: nlohmann's tree, serializer and lexer took some 1,700
// instructions a number each way (docs/performance.md).
// - Written: the bytes nlohmann::json::dump gives for the same values (its shortest round-trip digits for a double,
//   "null" for a non-finite one, decimal integers), so a file does not change with the writer.
// - Read: numbers in JSON's own grammar (RFC 8259 section 6), with the values nlohmann's parser gives them (an integer
//   token is an integer first, so "-0" is +0.0 as there). Anything else (another type, a syntax error, a number out
//   of range, another nesting) is reported as not read: the caller then reads the text with the full parser, whose
//   errors name the JSON path.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hhu::json_numbers {

void append(std::string& out, double x);
void append(std::string& out, std::int64_t x);

template <typename T>
void append(std::string& out, const std::vector<T>& values) {
    out += '[';
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (k > 0) out += ',';
        append(out, values[k]);
    }
    out += ']';
}

// Whitespace as JSON allows it between tokens (space, tab, line feed, carriage return), from `pos`.
void skip_space(std::string_view text, std::size_t& pos);

// One number at text[pos], pos moved past it; false (pos then unspecified) unless one is there. An integer must be an
// integer token (no fraction, no exponent) within the range of a 64-bit integer.
bool read(std::string_view text, std::size_t& pos, double& out);
bool read(std::string_view text, std::size_t& pos, std::int64_t& out);

// An array (of arrays ...) of numbers at text[pos], whitespace allowed between tokens; false unless exactly that.
template <typename T>
bool read(std::string_view text, std::size_t& pos, std::vector<T>& out) {
    out.clear();
    skip_space(text, pos);
    if (pos >= text.size() || text[pos] != '[') return false;
    ++pos;
    skip_space(text, pos);
    if (pos < text.size() && text[pos] == ']') return ++pos, true;
    for (;;) {
        skip_space(text, pos);
        if (!read(text, pos, out.emplace_back())) return false;
        skip_space(text, pos);
        if (pos >= text.size()) return false;
        if (text[pos] == ']') return ++pos, true;
        if (text[pos++] != ',') return false;
    }
}

}  // namespace hhu::json_numbers
