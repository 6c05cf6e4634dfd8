#include "sim/io/json_numbers.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace hhu::json_numbers {

void append(std::string& out, double x) {
    if (!std::isfinite(x)) {  // as nlohmann's serializer writes it
        out += "null";
        return;
    }
    // nlohmann's own shortest-digits conversion (its detail namespace, which its dump calls: the same bytes as a file
    // it writes; tests/io/test_json_numbers.cpp compares both, so another version's change would be seen there).
    std::array<char, 64> buffer;  // nlohmann's own number buffer is 64 characters
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void append(std::string& out, std::int64_t x) {
    std::array<char, 24> buffer;
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void skip_space(std::string_view text, std::size_t& pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t'))
        ++pos;
}

namespace {

bool digit(std::string_view text, std::size_t pos) { return pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; }

// The extent of a JSON number token at text[pos]: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. False if there is
// none; `integer` when it has neither a fraction nor an exponent.
bool number_token(std::string_view text, std::size_t pos, std::size_t& end, bool& integer) {
    std::size_t p = pos;
    if (p < text.size() && text[p] == '-') ++p;
    if (!digit(text, p)) return false;
    if (text[p] == '0') {
        ++p;
    } else {
        while (digit(text, p)) ++p;
    }
    integer = true;
    if (p < text.size() && text[p] == '.') {
        ++p;
        if (!digit(text, p)) return false;
        while (digit(text, p)) ++p;
        integer = false;
    }
    if (p < text.size() && (text[p] == 'e' || text[p] == 'E')) {
        ++p;
        if (p < text.size() && (text[p] == '+' || text[p] == '-')) ++p;
        if (!digit(text, p)) return false;
        while (digit(text, p)) ++p;
        integer = false;
    }
    end = p;
    return true;
}

template <typename T>
bool whole(const char* first, const char* last, T& value) {
    const auto [ptr, ec] = std::from_chars(first, last, value);
    return ec == std::errc() && ptr == last;
}

}  // namespace

bool read(std::string_view text, std::size_t& pos, double& out) {
    std::size_t end = 0;
    bool integer = false;
    if (!number_token(text, pos, end, integer)) return false;
    const char* first = text.data() + pos;
    const char* last = text.data() + end;
    pos = end;
    // nlohmann reads an integer token as a 64-bit integer (unsigned when not negative) and only one out of that range
    // as a double; its value as a double is then the integer's conversion (so "-0" is +0.0).
    if (integer) {
        if (*first == '-') {
            if (std::int64_t v = 0; whole(first, last, v)) return out = static_cast<double>(v), true;
        } else if (std::uint64_t v = 0; whole(first, last, v)) {
            return out = static_cast<double>(v), true;
        }
    }
    // Correctly rounded, as nlohmann's strtod; out of a double's range is no number here (nlohmann would make it
    // infinite, which the full parser's caller then sees).
    return whole(first, last, out);
}

bool read(std::string_view text, std::size_t& pos, std::int64_t& out) {
    std::size_t end = 0;
    bool integer = false;
    if (!number_token(text, pos, end, integer) || !integer) return false;
    const char* first = text.data() + pos;
    const char* last = text.data() + end;
    pos = end;
    if (*first == '-') return whole(first, last, out);
    std::uint64_t v = 0;
    if (!whole(first, last, v) || v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return false;
    out = static_cast<std::int64_t>(v);
    return true;
}

}  // namespace hhu::json_numbers
