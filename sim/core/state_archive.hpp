#pragma once
// A run's state as bytes, and back (sim/simulation/saved_state.hpp): each class lists the members that change during
// a run once, in a member template `transfer_state(Archive&)`, which the writer reads and the reader fills, in the
// same order. A writer first counts the bytes (a pass that copies nothing), then writes them into a buffer of that
// size: a state is some 110 bytes a resident, and a buffer grown by doubling would copy it several times. Values are copied as their bytes (the same machine and build read them: the state is keyed by the
// build), so a reader gets every bit the writer had. A short or mismatched input is an InputError naming its source.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "sim/core/error.hpp"

namespace hhu {

class StateWriter;
// A struct with padding between or after its members is transferred member by member, so that a state's bytes are
// the same from run to run: a free function `state_fields(Archive&, T&)` (found by argument-dependent lookup) lists
// them, and the archives call it instead of copying the struct's bytes.
template <typename T>
concept HasStateFields = requires(StateWriter& w, const T& x) { state_fields(w, x); };

template <typename T>
inline constexpr bool kRawState = std::is_trivially_copyable_v<T> && !std::is_pointer_v<T> && !HasStateFields<T>;

class StateWriter {
public:
    // Counts the bytes only (a first pass, to size the buffer).
    StateWriter() = default;
    // Writes into [out, out + capacity): exactly what a counting pass counted.
    StateWriter(char* out, std::size_t capacity) : out_(out), capacity_(capacity) {}

    template <typename T>
        requires kRawState<T>
    void operator()(const T& x) {
        put(&x, sizeof x);
    }
    template <HasStateFields T>
    void operator()(const T& x) {
        state_fields(*this, x);
    }
    template <typename T, typename A>
    void operator()(const std::vector<T, A>& v) {
        (*this)(static_cast<std::uint64_t>(v.size()));
        if constexpr (kRawState<T>) {
            put(v.data(), v.size() * sizeof(T));
        } else {
            for (const auto& x : v) (*this)(x);
        }
    }
    void operator()(const std::string& s) {
        (*this)(static_cast<std::uint64_t>(s.size()));
        put(s.data(), s.size());
    }
    template <typename T>
    void operator()(const std::optional<T>& x) {
        (*this)(x.has_value());
        if (x) (*this)(*x);
    }
    // A marker between sections: the reader checks it, so that a member left out on one side is found at once.
    void section(std::string_view name) { (*this)(std::string(name)); }
    // Counters, most of them zero at a small scale (a year's 3.4 MB of them whatever the scale): runs of zeros by their
    // length, the others as they are (pairs of a run of zeros and a run of values, each length 32 bits).
    template <typename A>
    void counters(const std::vector<std::int64_t, A>& v) {
        (*this)(static_cast<std::uint64_t>(v.size()));
        for (std::size_t i = 0; i < v.size();) {
            std::size_t zeros = 0, values = 0;
            while (i + zeros < v.size() && v[i + zeros] == 0 && zeros < UINT32_MAX) ++zeros;
            while (i + zeros + values < v.size() && v[i + zeros + values] != 0 && values < UINT32_MAX) ++values;
            (*this)(static_cast<std::uint32_t>(zeros));
            (*this)(static_cast<std::uint32_t>(values));
            put(v.data() + i + zeros, values * sizeof(std::int64_t));
            i += zeros + values;
        }
    }

    std::size_t position() const { return pos_; }
    // A writer's state is the run's own: a mismatch is a bug, not an input's fault.
    [[noreturn]] void fail(const std::string& what) const { throw std::logic_error("StateWriter: " + what); }

private:
    void put(const void* p, std::size_t n) {
        if (out_ != nullptr) {
            if (n > capacity_ - pos_) fail("more bytes than counted");
            if (n > 0) std::memcpy(out_ + pos_, p, n);
        }
        pos_ += n;
    }

    char* out_ = nullptr;
    std::size_t capacity_ = 0;
    std::size_t pos_ = 0;
};

class StateReader {
public:
    // `source` names the input in errors (a file, or "the state of run X"), `hint` says what to do about one (for a
    // file: save it again, or do without); `in` must outlive the reader.
    StateReader(std::string_view in, std::string source, std::string hint = "")
        : in_(in), source_(std::move(source)), hint_(std::move(hint)) {}

    template <typename T>
        requires kRawState<T>
    void operator()(T& x) {
        std::memcpy(&x, take(sizeof x), sizeof x);
    }
    // A bool from its byte, checked (any other byte would be undefined behaviour to read as a bool).
    void operator()(bool& x) {
        const char b = *take(1);
        if (b != 0 && b != 1) fail("a truth value of " + std::to_string(static_cast<int>(b)));
        x = b != 0;
    }
    template <HasStateFields T>
    void operator()(T& x) {
        state_fields(*this, x);
    }
    template <typename T, typename A>
    void operator()(std::vector<T, A>& v) {
        std::uint64_t n = 0;
        (*this)(n);
        if constexpr (kRawState<T>) {
            if (n > (in_.size() - pos_) / (sizeof(T) > 0 ? sizeof(T) : 1)) fail("a list longer than what is left");
            v.resize(static_cast<std::size_t>(n));
            if (n > 0) std::memcpy(v.data(), take(static_cast<std::size_t>(n) * sizeof(T)), v.size() * sizeof(T));
        } else {
            // Each element takes at least 8 bytes (a list's or text's length, a struct's members).
            if (n > (in_.size() - pos_) / 8) fail("a list longer than what is left");
            v.resize(static_cast<std::size_t>(n));
            for (auto& x : v) (*this)(x);
        }
    }
    void operator()(std::string& s) {
        std::uint64_t n = 0;
        (*this)(n);
        if (n > in_.size() - pos_) fail("a text longer than what is left");
        s.assign(take(static_cast<std::size_t>(n)), static_cast<std::size_t>(n));
    }
    template <typename T>
    void operator()(std::optional<T>& x) {
        bool has = false;
        (*this)(has);
        if (!has) {
            x.reset();
            return;
        }
        x.emplace();
        (*this)(*x);
    }
    // Into counters already of their size (the run's: the data's zones), which the state's must be.
    template <typename A>
    void counters(std::vector<std::int64_t, A>& v) {
        std::uint64_t n = 0;
        (*this)(n);
        if (n != v.size()) fail(std::to_string(n) + " counters where the run has " + std::to_string(v.size()));
        std::fill(v.begin(), v.end(), 0);
        for (std::size_t i = 0; i < v.size();) {
            std::uint32_t zeros = 0, values = 0;
            (*this)(zeros);
            (*this)(values);
            if (zeros + std::uint64_t{values} > v.size() - i || zeros + std::uint64_t{values} == 0)
                fail("a run of counters past their end");
            i += zeros;
            std::memcpy(v.data() + i, take(std::size_t{values} * sizeof(std::int64_t)), std::size_t{values} * sizeof(std::int64_t));
            i += values;
        }
    }
    void section(std::string_view name) {
        std::string got;
        (*this)(got);
        if (got != name) fail("section '" + got + "' where '" + std::string(name) + "' was expected");
    }

    bool at_end() const { return pos_ == in_.size(); }
    std::size_t left() const { return in_.size() - pos_; }
    std::size_t position() const { return pos_; }
    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(source_ + ": not a state this build can read (at byte " + std::to_string(pos_) + ": " + what +
                         ")" + (hint_.empty() ? "" : "; " + hint_));
    }

private:
    const char* take(std::size_t n) {
        if (n > in_.size() - pos_) fail("it ends early");
        const char* p = in_.data() + pos_;
        pos_ += n;
        return p;
    }

    std::string_view in_;
    std::string source_, hint_;
    std::size_t pos_ = 0;
};

}  // namespace hhu
