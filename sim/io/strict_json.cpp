#include "sim/io/strict_json.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace hhu {

namespace {

using Json = nlohmann::ordered_json;

// Thrown from the parser's callback to stop at the first limit that is exceeded.
struct LimitExceeded {
    std::string path, message;
};

// Follows the parser through the document so that a problem can be given its JSON pointer.
class PathTracker {
public:
    // Called before a value (scalar or container) starts: inside an array it takes the next index.
    void value_begins() {
        if (!stack_.empty() && stack_.back().array) stack_.back().current = std::to_string(stack_.back().count++);
    }
    void open(bool array) {
        if (static_cast<int>(stack_.size()) >= kMaxJsonDepth)
            throw LimitExceeded{path(), "nested deeper than " + std::to_string(kMaxJsonDepth) +
                                            " levels of arrays and objects (a scenario needs a handful)"};
        stack_.push_back({array, 0, {}, {}});
    }
    void close() { stack_.pop_back(); }
    void key(const std::string& k) {
        Frame& f = stack_.back();
        f.current = k;
        if (!f.keys.insert(k).second)
            throw LimitExceeded{path(), "duplicate key '" + k + "' (each key may appear once in an object)"};
    }
    std::string path() const {
        std::string p;
        for (const auto& f : stack_)
            if (f.array ? f.count > 0 : !f.keys.empty()) p += "/" + json_pointer_token(f.current);
        return p;
    }
    // Where the value being read when the lexer failed sits: the pending key, or the next array index.
    std::string pending_path() const {
        std::string p;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const auto& f = stack_[i];
            const bool last = i + 1 == stack_.size();
            if (f.array) {
                if (last) p += "/" + std::to_string(f.count);
                else if (f.count > 0) p += "/" + f.current;
            } else if (!f.keys.empty()) {
                p += "/" + json_pointer_token(f.current);
            }
        }
        return p;
    }

private:
    struct Frame {
        bool array;
        std::size_t count;
        std::string current;
        std::set<std::string> keys;
    };
    std::vector<Frame> stack_;
};

std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte) {
    // nlohmann's byte is the 1-based position of the last character read (one past the end at EOF).
    std::size_t p = byte == 0 ? 0 : byte - 1;
    p = std::min(p, text.size());
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(p), '\n'));
    const std::size_t nl = p == 0 ? std::string::npos : text.rfind('\n', p - 1);
    const std::size_t column = nl == std::string::npos ? p + 1 : p - nl;
    return {line, column};
}

// nlohmann's messages start with "[json.exception...] parse error at line 1, column 2: "; keep what follows.
std::string detail_of(const std::string& what) {
    const auto pe = what.find("parse error");
    if (pe == std::string::npos) return what;
    const auto colon = what.find(": ", pe);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::optional<Json> parse_strict_json(const std::string& text, JsonProblem& problem) {
    PathTracker tracker;
    const Json::parser_callback_t callback = [&tracker](int, nlohmann::json::parse_event_t event, Json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (event) {
            case E::object_start: tracker.value_begins(); tracker.open(false); break;
            case E::array_start: tracker.value_begins(); tracker.open(true); break;
            case E::object_end:
            case E::array_end: tracker.close(); break;
            case E::key: tracker.key(parsed.get_ref<const std::string&>()); break;
            case E::value: tracker.value_begins(); break;
        }
        return true;
    };
    try {
        return Json::parse(text, callback);
    } catch (const LimitExceeded& e) {
        problem = {JsonProblem::Kind::Limit, e.path, e.message};
    } catch (const nlohmann::json::parse_error& e) {
        const auto [line, column] = line_column(text, e.byte);
        problem = {JsonProblem::Kind::Syntax, "",
                   "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                       detail_of(e.what())};
    } catch (const nlohmann::json::out_of_range& e) {
        // The lexer refuses a number beyond the range of a double (such as 1e400). The exception has
        // no position, but names the number: its first appearance is where reading stopped.
        std::string where;
        const std::string what = e.what();
        const auto open = what.find("parsing '");
        const auto close = what.rfind('\'');
        if (open != std::string::npos && close > open + 9) {
            const auto at = text.find(what.substr(open + 9, close - open - 9));
            if (at != std::string::npos) {
                const auto [line, column] = line_column(text, at + 1);
                where = " at line " + std::to_string(line) + ", column " + std::to_string(column);
            }
        }
        problem = {JsonProblem::Kind::Limit, tracker.pending_path(),
                   "a number too large for a double (at most about 1.8e308)" + where};
    } catch (const nlohmann::json::exception& e) {
        problem = {JsonProblem::Kind::Syntax, tracker.pending_path(), std::string("invalid JSON: ") + e.what()};
    }
    return std::nullopt;
}

std::string json_pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace hhu
