#include "sim/simulation/saved_state.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/core/types.hpp"

namespace hhu {

namespace {

using Json = nlohmann::json;

constexpr int kFormat = 2;  // 2: the head holds the CRC-32 and the build id

// CRC-32 (zlib's) of the bytes, a block at a time (crc32_z takes any length; uInt-sized blocks keep older zlibs too).
std::uint32_t crc_of(std::string_view bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    constexpr std::size_t kBlock = std::size_t{1} << 30;
    for (std::size_t at = 0; at < bytes.size(); at += kBlock) {
        const std::size_t n = std::min(kBlock, bytes.size() - at);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(n));
    }
    return static_cast<std::uint32_t>(crc);
}

std::string head_json(const SavedState& s) {
    nlohmann::ordered_json j;
    j["what"] = "the state of a policy-free run on 1 January of `year`, before its first month: the residents' columns, "
                "the results of the years before and the modules' yearly state, as bytes of this build (hhu_version); "
                "a scenario whose programmes start in that year or later starts from it (the same results)";
    j["format"] = kFormat;
    j["year"] = s.year;
    j["key"] = {{"hhu_version", s.key.hhu_version},
                {"seed", s.key.seed},
                {"scale", s.key.scale},
                {"data_sha256", s.key.data_sha256},
                {"settings_sha256", s.key.settings_sha256}};
    j["bytes"] = s.bytes().size();
    j["crc32"] = crc_of(s.bytes());
    j["build_id"] = build_id();
    return j.dump();
}

struct Head {
    SavedState state;       // without the bytes
    std::size_t bytes = 0;  // their length (after the head's kStateHead bytes)
    std::uint32_t crc = 0;
    std::string build;      // the build id of the program that wrote it
};

// The head of a state file; InputError naming it when it is not one.
Head read_head(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string() + ": cannot be read");
    std::string line(kStateHead, '\0');
    in.read(line.data(), static_cast<std::streamsize>(line.size()));
    line.resize(static_cast<std::size_t>(in.gcount()));
    const auto end = line.find('\n');
    const Json j = end == std::string::npos ? Json() : Json::parse(line.substr(0, end), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw InputError(file.string() + ": not a saved state (its first line is not the JSON head hhu run writes)");
    std::string at = "/format";
    try {
        if (j.at("format").get<int>() != kFormat)
            throw InputError(file.string() + ": /format: a saved state of format " + j.at("format").dump() +
                             ", this hhu reads format " + std::to_string(kFormat));
        Head h;
        at = "/year";
        h.state.year = j.at("year").get<int>();
        const Json& k = j.at("key");
        at = "/key/hhu_version";
        h.state.key.hhu_version = k.at("hhu_version").get<std::string>();
        at = "/key/seed";
        h.state.key.seed = k.at("seed").get<std::uint64_t>();
        at = "/key/scale";
        h.state.key.scale = k.at("scale").get<double>();
        at = "/key/data_sha256";
        h.state.key.data_sha256 = k.at("data_sha256").get<std::string>();
        at = "/key/settings_sha256";
        h.state.key.settings_sha256 = k.at("settings_sha256").get<std::string>();
        at = "/bytes";
        h.bytes = j.at("bytes").get<std::size_t>();
        at = "/crc32";
        h.crc = j.at("crc32").get<std::uint32_t>();
        at = "/build_id";
        h.build = j.at("build_id").get<std::string>();
        h.state.source = file.string();
        return h;
    } catch (const Json::exception& e) {
        throw InputError(file.string() + ": " + at + ": missing or of the wrong type (" + e.what() + ")");
    }
}

// The run directories of `dir`: itself and its replicates' (replicates/NNN/), in name order.
std::vector<std::filesystem::path> run_directories(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs{dir};
    std::error_code ec;
    std::vector<fs::path> replicates;
    for (fs::directory_iterator it(dir / "replicates", ec), end; !ec && it != end; it.increment(ec))
        replicates.push_back(it->path());
    std::sort(replicates.begin(), replicates.end());
    dirs.insert(dirs.end(), replicates.begin(), replicates.end());
    return dirs;
}

}  // namespace

StateImage::StateImage(std::size_t size)
    : data_(size > 0 ? static_cast<char*>(column_memory::allocate(size)) : nullptr), size_(size) {}

StateImage::StateImage(const StateImage& other) : StateImage(other.size_) {
    if (size_ > 0) std::memcpy(data_, other.data_, size_);
}

StateImage::StateImage(StateImage&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

StateImage& StateImage::operator=(StateImage other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
}

StateImage::~StateImage() {
    if (data_ != nullptr) column_memory::release(data_, size_);
}

SavedState SavedState::of_bytes(MigrationPlanKey key, int year, std::string_view bytes) {
    SavedState s{std::move(key), year, StateImage(kStateHead + bytes.size())};
    if (!bytes.empty()) std::memcpy(s.image.data() + kStateHead, bytes.data(), bytes.size());
    write_state_head(s);
    return s;
}

std::string saved_state_file_name(int year) { return "state_" + std::to_string(year) + ".bin"; }

void write_state_head(SavedState& state) {
    const std::string head = head_json(state);
    if (head.size() >= kStateHead || state.image.size() < kStateHead)
        throw std::logic_error("write_state_head: a head of " + std::to_string(head.size()) + " bytes");
    std::memcpy(state.image.data(), head.data(), head.size());
    std::memset(state.image.data() + head.size(), ' ', kStateHead - 1 - head.size());
    state.image.data()[kStateHead - 1] = '\n';
}

std::string_view saved_state_file(const SavedState& state) { return {state.image.data(), state.image.size()}; }

namespace {
// Why the program cannot take the state of this head ("" when it can): another build's layout of its members.
std::string other_build(const Head& h) {
    if (build_id().empty())
        return "this program has no build id (its linker wrote none), so it cannot tell its own states from another "
               "build's: run with --from-start";
    if (h.build == build_id()) return "";
    return "written by another build of hhu (build id " + (h.build.empty() ? std::string("none") : h.build) +
           ", this one's " + (build_id().empty() ? std::string("none") : build_id()) +
           "): save the baseline's state again with this build";
}
}  // namespace

SavedState read_saved_state(const std::filesystem::path& file) {
    Head h = read_head(file);
    if (const std::string why = other_build(h); !why.empty()) throw InputError(file.string() + ": " + why);
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size != kStateHead + h.bytes)
        throw InputError(file.string() + ": a saved state of " + std::to_string(h.bytes) + " bytes after its head, but " +
                         (ec ? "the file's size cannot be read" : "the file holds " + std::to_string(size - std::min<std::size_t>(size, kStateHead))) +
                         " (cut short, or written by something else)");
    std::ifstream in(file, std::ios::binary);
    h.state.image = StateImage(kStateHead + h.bytes);
    in.read(h.state.image.data(), static_cast<std::streamsize>(h.state.image.size()));
    if (static_cast<std::size_t>(in.gcount()) != h.state.image.size())
        throw InputError(file.string() + ": cannot be read in full");
    if (crc_of(h.state.bytes()) != h.crc)
        throw InputError(file.string() + ": damaged (its bytes do not match the checksum in its head); save the "
                         "baseline's state again, or run with --from-start");
    return std::move(h.state);
}

namespace {
// Why `file` is no state this program can take, from its head alone ("" when it is one): not a state, cut short,
// named for another year or of another build. Its head in `h`.
std::string unusable(const std::filesystem::path& file, Head& h) {
    try {
        h = read_head(file);
    } catch (const InputError& e) {
        return e.what();
    }
    const std::string at = file.string() + ": ";
    std::error_code size_error;
    if (std::filesystem::file_size(file, size_error) != kStateHead + h.bytes || size_error)
        return at + "cut short, or written by something else (its size is not its head's)";
    if (file.filename().string() != saved_state_file_name(h.state.year))
        return at + "its head says 1 January " + std::to_string(h.state.year);
    if (const std::string why = other_build(h); !why.empty()) return at + why;
    return "";
}
}  // namespace

bool usable_saved_state(const std::filesystem::path& file) {
    Head h;
    return unusable(file, h).empty();
}

StateSearch find_saved_state(const std::filesystem::path& dir, const MigrationPlanKey& wants, int latest_year) {
    namespace fs = std::filesystem;
    StateSearch search;
    int best_year = 0;
    for (const fs::path& d : run_directories(dir)) {
        std::error_code ec;
        for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (!name.starts_with("state_") || !name.ends_with(".bin")) continue;
            const std::string at = it->path().string() + ": ";
            Head h;
            if (const std::string why = unusable(it->path(), h); !why.empty()) {
                search.unusable += why + "\n";
                continue;
            }
            if (const std::string why = key_difference(h.state.key, wants); !why.empty()) {
                search.other += at + "not this run's policy-free province: " + why + "\n";
                continue;
            }
            if (h.state.year > latest_year || h.state.year <= kFirstYear) {
                search.other += at + "of 1 January " + std::to_string(h.state.year) + ", but this run may start from 1 "
                                "January " + std::to_string(kFirstYear + 1) + " to " + std::to_string(latest_year) +
                                " (its first programme's start, or its last year)\n";
                continue;
            }
            if (h.state.year <= best_year) continue;
            search.found = it->path();
            best_year = h.state.year;
        }
    }
    return search;
}

}  // namespace hhu
