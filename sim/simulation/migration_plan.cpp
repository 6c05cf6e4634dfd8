#include "sim/simulation/migration_plan.hpp"

#include "sim/output/run_output.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string_view>

#include "sim/core/error.hpp"
#include "sim/core/system.hpp"
#include "sim/io/gzip.hpp"
#include "sim/io/json_numbers.hpp"
#include "sim/io/sha256.hpp"
#include "sim/model/model_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace hhu {

namespace {

using Json = nlohmann::json;  // keys sorted: the settings' text does not depend on their order in a file

std::string format_number(double x) {
    std::ostringstream s;
    s << x;
    return s.str();
}

nlohmann::ordered_json calibration_json(const WellbeingCalibration& c) {
    return {{"band", c.band}, {"sex", c.sex}, {"education", c.education}, {"sigma", c.sigma},
            {"happy_offset", c.happy_offset}};
}

// A finite number at `at` (a fit of NaN or infinity is no fit).
double finite_number(const Json& j, const std::filesystem::path& file, const std::string& at) {
    if (!j.is_number() || !std::isfinite(j.get<double>()))
        throw InputError(file.string() + ": " + at + ": expected a finite number, found " + j.dump());
    return j.get<double>();
}

template <std::size_t N>
void read_numbers(const Json& j, const std::filesystem::path& file, const std::string& at, std::array<double, N>& out) {
    if (!j.is_array() || j.size() != N)
        throw InputError(file.string() + ": " + at + ": expected an array of " + std::to_string(N) + " numbers, found " +
                         j.dump());
    for (std::size_t k = 0; k < N; ++k) out[k] = finite_number(j[k], file, at + "/" + std::to_string(k));
}

// The wellbeing calibration at /wellbeing_calibration, as calibration_json wrote it.
WellbeingCalibration read_calibration(const Json& j, const std::filesystem::path& file) {
    const std::string at = "/wellbeing_calibration";
    if (!j.is_object()) throw InputError(file.string() + ": " + at + ": expected an object, found " + j.dump());
    auto field = [&](const char* name) -> const Json& {
        if (!j.contains(name)) throw InputError(file.string() + ": " + at + "/" + name + ": missing");
        return j.at(name);
    };
    WellbeingCalibration c;
    read_numbers(field("band"), file, at + "/band", c.band);
    read_numbers(field("sex"), file, at + "/sex", c.sex);
    read_numbers(field("education"), file, at + "/education", c.education);
    c.sigma = finite_number(field("sigma"), file, at + "/sigma");
    if (c.sigma <= 0)
        throw InputError(file.string() + ": " + at + "/sigma: expected a spread above 0, found " + field("sigma").dump());
    c.happy_offset = finite_number(field("happy_offset"), file, at + "/happy_offset");
    return c;
}


// The plan's arrays, in the order migration_plan_json writes them.
constexpr std::array<const char*, 4> kArrays = {"arrivals", "arrival_shares", "out_multiplier", "destination_p"};

std::size_t plan_numbers(const MigrationPlan& p) {
    std::size_t n = 0;
    for (const auto& year : p.arrivals) n += year.size();
    for (const auto& year : p.arrival_shares) n += year.size();
    for (const auto& year : p.out_multiplier) n += year.size();
    for (const auto& year : p.destination_p)
        for (const auto& from : year) n += from.size();
    return n;
}

// A JSON value's extent from text[pos] (a string, an object or array with what it holds, or a literal or number up to
// the next delimiter at its level), without reading it (nlohmann reads it after); false at the text's end.
bool skip_value(std::string_view text, std::size_t& pos) {
    int depth = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (depth == 0 && (c == ',' || c == '}' || c == ']')) return true;
        if (c == '"') {
            for (++pos; pos < text.size() && text[pos] != '"'; ++pos)
                if (text[pos] == '\\') ++pos;
            if (pos >= text.size()) return false;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
        ++pos;
    }
    return false;  // the text ended inside the object
}

// A plan's text as migration_plan_json writes it (whitespace between tokens allowed): its four arrays read into `p` by
// json_numbers, the other members (the text, the key, the fit) returned as an object for nlohmann. Nothing when the
// text is not an object with each array once, of numbers of the plan's nesting: the caller then parses it in full.
std::optional<Json> read_directly(std::string_view text, MigrationPlan& p) {
    std::size_t pos = 0;
    std::array<bool, kArrays.size()> seen{};
    std::string rest = "{";
    json_numbers::skip_space(text, pos);
    if (pos >= text.size() || text[pos++] != '{') return std::nullopt;
    json_numbers::skip_space(text, pos);
    while (pos < text.size() && text[pos] != '}') {  // a member, then "," and the next or the object's end
        if (text[pos] != '"') return std::nullopt;
        const std::size_t name_end = text.find('"', pos + 1);
        if (name_end == std::string_view::npos) return std::nullopt;
        const std::string_view name = text.substr(pos + 1, name_end - pos - 1);
        if (name.find('\\') != std::string_view::npos) return std::nullopt;
        pos = name_end + 1;
        json_numbers::skip_space(text, pos);
        if (pos >= text.size() || text[pos++] != ':') return std::nullopt;
        json_numbers::skip_space(text, pos);
        const auto array = std::find(kArrays.begin(), kArrays.end(), name);
        if (array != kArrays.end()) {
            const auto k = static_cast<std::size_t>(array - kArrays.begin());
            if (seen[k]) return std::nullopt;  // a duplicate: the full parser keeps the last
            seen[k] = true;
            const bool ok = k == 0   ? json_numbers::read(text, pos, p.arrivals)
                            : k == 1 ? json_numbers::read(text, pos, p.arrival_shares)
                            : k == 2 ? json_numbers::read(text, pos, p.out_multiplier)
                                     : json_numbers::read(text, pos, p.destination_p);
            if (!ok) return std::nullopt;
        } else {
            const std::size_t value = pos;
            if (!skip_value(text, pos) || pos == value) return std::nullopt;
            if (rest.size() > 1) rest += ',';
            rest += '"';
            rest += name;
            rest += "\":";
            rest += text.substr(value, pos - value);
        }
        json_numbers::skip_space(text, pos);
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
            json_numbers::skip_space(text, pos);
            if (pos < text.size() && text[pos] == '}') return std::nullopt;  // "{...,}"
        } else if (pos < text.size() && text[pos] != '}') {
            return std::nullopt;  // two members without a comma
        }
    }
    if (pos >= text.size()) return std::nullopt;
    ++pos;
    json_numbers::skip_space(text, pos);
    if (pos != text.size() || std::find(seen.begin(), seen.end(), false) != seen.end()) return std::nullopt;
    rest += '}';
    Json j = Json::parse(rest, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    return j;
}

// Each year's arrivals are whole numbers of residents, written as integers (nlohmann's conversion would cut 2.5 to 2,
// take true for 1 and wrap a number above the largest 64-bit integer, without a word).
void whole_arrivals(const Json& arrivals, const std::filesystem::path& file) {
    if (!arrivals.is_array()) return;  // the conversion's error names the path
    for (std::size_t y = 0; y < arrivals.size(); ++y) {
        if (!arrivals[y].is_array()) continue;
        for (std::size_t z = 0; z < arrivals[y].size(); ++z) {
            const Json& v = arrivals[y][z];
            constexpr auto kLargest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
            const bool whole = v.is_number_integer() && (!v.is_number_unsigned() || v.get<std::uint64_t>() <= kLargest);
            if (!whole)
                throw InputError(file.string() + ": /arrivals/" + std::to_string(y) + "/" + std::to_string(z) +
                                 ": expected a whole number of residents, found " + v.dump());
        }
    }
}

}  // namespace

MigrationPlanKey migration_plan_key(const Scenario& scenario, const ModelData& data, std::uint64_t seed,
                                    double scale) {
    Json settings = scenario.resolved_json.empty() ? Json::object() : Json::parse(scenario.resolved_json);
    // Not settings of the policy-free province: what the scenario is called and documents, its
    // programmes, the seed (the key's own), replicates, and the end year (the plan must reach it).
    for (const char* k : kScenarioWordKeys) settings.erase(k);
    for (const char* k : kRunKeys) settings.erase(k);
    std::string files;
    for (const auto& f : data.files) files += f.name + "\t" + f.sha256 + "\n";
    // A parameter draw edits the tables as they are read: its plan is its own (draw 0 keeps the key of
    // the central tables).
    if (data.parameter_draw > 0)
        files += "parameter_draw\t" + std::to_string(data.parameter_draw) + "\t" + std::to_string(data.draw_seed) + "\n";
    return {sha256_hex(settings.dump()), seed, scale, sha256_hex(files), version_string()};
}

std::string key_difference(const MigrationPlanKey& had, const MigrationPlanKey& wants) {
    if (had.hhu_version != wants.hhu_version)
        return "it was written by hhu " + had.hhu_version + ", this is " + wants.hhu_version;
    if (had.seed != wants.seed)
        return "its seed is " + std::to_string(had.seed) + ", this run's is " + std::to_string(wants.seed);
    if (had.scale != wants.scale)
        return "its scale is " + format_number(had.scale) + ", this run's is " + format_number(wants.scale);
    if (had.data_sha256 != wants.data_sha256) return "it was run with other data files (checksums differ)";
    if (had.settings_sha256 != wants.settings_sha256)
        return "its scenario's settings differ from this scenario's without its interventions (demography, health, "
               "labour or start year)";
    return "";
}

void check_migration_plan(const MigrationPlan& plan, const MigrationPlanKey& wants, const std::string& source) {
    const std::string why = key_difference(plan.key, wants);
    if (!why.empty())
        throw InputError("the migration plan of " + source + " is not this run's policy-free migration: " + why +
                         " (run the baseline with the same settings, seed, scale and data, or leave the plan out: "
                         "a policy-free twin is then stepped alongside)");
}

std::string migration_plan_json(const MigrationPlan& plan) {
    nlohmann::ordered_json head;
    head["what"] = "the migration of a policy-free run, year by year from 2021: arrivals per zone (simulated "
                   "residents), their shares by [zone][sex][age], the out-migration multipliers by [zone][sex][age] and "
                   "the destinations of moves within the province by [from zone][to zone]; and its wellbeing calibration to the residents of 1 January 2021 (offsets by age band, sex and "
                   "education, sigma, happiness offset)";
    head["key"] = {{"hhu_version", plan.key.hhu_version},
                   {"seed", plan.key.seed},
                   {"scale", plan.key.scale},
                   {"data_sha256", plan.key.data_sha256},
                   {"settings_sha256", plan.key.settings_sha256}};
    // The arrays written as nlohmann's dump of the whole object would write them (the same bytes), without its tree.
    std::string out = head.dump();
    out.pop_back();  // the object's closing brace: the arrays and the fit follow
    out.reserve(out.size() + 24 * plan_numbers(plan) + 1024);
    auto member = [&](const char* name, const auto& values) {
        out += ",\"";
        out += name;
        out += "\":";
        json_numbers::append(out, values);
    };
    member(kArrays[0], plan.arrivals);
    member(kArrays[1], plan.arrival_shares);
    member(kArrays[2], plan.out_multiplier);
    member(kArrays[3], plan.destination_p);
    if (plan.wellbeing) out += ",\"wellbeing_calibration\":" + calibration_json(*plan.wellbeing).dump();
    out += "}\n";
    return out;
}

namespace {
// The numbers of a plan are what the alignment sets: whole arrivals (simulated residents of a zone in a year), shares and
// probabilities, multipliers of a departure hazard. A damaged or edited file is refused here, naming the number, rather
// than crashing a run (a negative count) or exhausting its memory (billions of arrivals).
void check_plan_values(const MigrationPlan& p, const std::filesystem::path& file) {
    // A zone's arrivals from outside the province in a year: some thousands at full scale (data/migration); a bound
    // far above any zone's residents, in the plan's own scale.
    const double most_arrivals = 3e6 * p.key.scale + 1;
    constexpr double kMostMultiplier = 100;  // the alignment's caps keep a multiplier of the departure hazard far below
    auto text = [](double v) {
        char t[32];
        std::snprintf(t, sizeof t, "%.10g", v);
        return std::string(t);
    };
    auto bad = [&](const std::string& path, double v, const std::string& expected) {
        return InputError(file.string() + ": " + path + ": " + text(v) + " is not " + expected +
                          " (a migration plan written by hhu run; run the baseline again)");
    };
    for (std::size_t y = 0; y < p.arrivals.size(); ++y) {
        const std::string year = "/" + std::to_string(y) + "/";
        for (std::size_t z = 0; z < p.arrivals[y].size(); ++z) {
            const auto a = static_cast<double>(p.arrivals[y][z]);
            if (a < 0 || a > most_arrivals)
                throw bad("/arrivals" + year + std::to_string(z), a,
                          "a count of arrivals (a whole number from 0 to " + text(std::floor(most_arrivals)) + ")");
        }
        for (std::size_t k = 0; k < p.arrival_shares[y].size(); ++k) {
            const double v = p.arrival_shares[y][k];
            if (!(v >= 0 && v <= 1)) throw bad("/arrival_shares" + year + std::to_string(k), v, "a share from 0 to 1");
        }
        for (std::size_t k = 0; k < p.out_multiplier[y].size(); ++k) {
            const double v = p.out_multiplier[y][k];
            if (!(v >= 0 && v <= kMostMultiplier))
                throw bad("/out_multiplier" + year + std::to_string(k), v, "a multiplier of the departure hazard from 0 to 100");
        }
        for (std::size_t from = 0; from < p.destination_p[y].size(); ++from)
            for (std::size_t to = 0; to < p.destination_p[y][from].size(); ++to) {
                const double v = p.destination_p[y][from][to];
                if (!(v >= 0 && v <= 1))
                    throw bad("/destination_p" + year + std::to_string(from) + "/" + std::to_string(to), v,
                              "a probability from 0 to 1");
            }
    }
}
}  // namespace

MigrationPlan read_migration_plan(const std::filesystem::path& file) {
    return parse_migration_plan(read_text_file(file), file);
}

MigrationPlan parse_migration_plan(const std::string& text, const std::filesystem::path& file,
                                   bool* read_directly_out) {
    MigrationPlan p;
    // The plan as hhu wrote it, its arrays read directly; any other text through the full parser, which names what is
    // wrong in it.
    std::optional<Json> read = read_directly(text, p);
    const bool direct = read.has_value();
    if (read_directly_out != nullptr) *read_directly_out = direct;
    Json j = direct ? std::move(*read) : Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw InputError(file.string() + ": not a JSON object (a migration plan written by hhu run)");
    std::string at = "/key";
    try {
        const Json& k = j.at("key");
        at = "/key/hhu_version";
        p.key.hhu_version = k.at("hhu_version").get<std::string>();
        at = "/key/seed";
        p.key.seed = k.at("seed").get<std::uint64_t>();
        at = "/key/scale";
        p.key.scale = k.at("scale").get<double>();
        at = "/key/data_sha256";
        p.key.data_sha256 = k.at("data_sha256").get<std::string>();
        at = "/key/settings_sha256";
        p.key.settings_sha256 = k.at("settings_sha256").get<std::string>();
        if (!direct) {
            at = "/arrivals";
            whole_arrivals(j.at("arrivals"), file);
            p.arrivals = j.at("arrivals").get<std::vector<std::vector<std::int64_t>>>();
            at = "/arrival_shares";
            p.arrival_shares = j.at("arrival_shares").get<std::vector<std::vector<double>>>();
            at = "/out_multiplier";
            p.out_multiplier = j.at("out_multiplier").get<std::vector<std::vector<double>>>();
            at = "/destination_p";
            p.destination_p = j.at("destination_p").get<std::vector<std::vector<std::vector<double>>>>();
        }
        // Plans written before the fit was kept have none: their scenarios fit as before.
        if (j.contains("wellbeing_calibration")) p.wellbeing = read_calibration(j.at("wellbeing_calibration"), file);
        if (p.arrival_shares.size() != p.arrivals.size() || p.out_multiplier.size() != p.arrivals.size() ||
            p.destination_p.size() != p.arrivals.size())
            throw InputError(file.string() + ": /arrivals, /arrival_shares, /out_multiplier and /destination_p must have "
                             "a row per year each (they have " + std::to_string(p.arrivals.size()) + ", " +
                             std::to_string(p.arrival_shares.size()) + ", " + std::to_string(p.out_multiplier.size()) +
                             " and " + std::to_string(p.destination_p.size()) + ")");
        check_plan_values(p, file);
        return p;
    } catch (const Json::exception& e) {
        throw InputError(file.string() + ": " + at + ": missing or of the wrong type (" + e.what() + ")");
    }
}

RunFile migration_plan_file(const MigrationPlan& plan, bool gzip_it) {
    if (gzip_it) return {kMigrationPlanFileGz, gzip(migration_plan_json(plan))};
    return {kMigrationPlanFile, migration_plan_json(plan)};
}

std::filesystem::path plan_file_in(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const char* name : {kMigrationPlanFile, kMigrationPlanFileGz})
        if (std::filesystem::exists(dir / name, ec)) return dir / name;
    return {};
}

namespace {
// The plans of a run directory: its own and its replicates' (replicates/NNN/), in name order.
std::vector<std::filesystem::path> plan_files_of(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    std::error_code ec;
    if (fs::path f = plan_file_in(dir); !f.empty()) candidates.push_back(f);
    for (fs::directory_iterator it(dir / "replicates", ec), end; !ec && it != end; it.increment(ec))
        if (fs::path f = plan_file_in(it->path()); !f.empty()) candidates.push_back(f);
    std::sort(candidates.begin(), candidates.end());
    return candidates;
}

// A plan's key from the head of its file (migration_plan_json writes it second, after a short text): a plan is some
// 3.1 MB (0.31 MB compressed), and a look for a baseline beside a run's folder reads many. Empty if not found there.
std::optional<MigrationPlanKey> key_at_head(const std::filesystem::path& file) {
    constexpr std::size_t kHead = 8192;
    const bool gzipped = file.extension() == ".gz";
    std::ifstream in(file, std::ios::binary);
    std::string head(gzipped ? 8 * kHead : kHead, '\0');  // compressed: the bytes that hold the first kHead
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (gzipped) head = gunzip_head(head, kHead);
    const auto at = head.find("\"key\":{");
    if (at == std::string::npos) return std::nullopt;
    const auto end = head.find('}', at);  // the key holds no object
    if (end == std::string::npos) return std::nullopt;
    const Json k = Json::parse(head.substr(at + 6, end - at - 5), nullptr, false);
    if (k.is_discarded() || !k.is_object()) return std::nullopt;
    try {
        MigrationPlanKey key;
        key.hhu_version = k.at("hhu_version").get<std::string>();
        key.seed = k.at("seed").get<std::uint64_t>();
        key.scale = k.at("scale").get<double>();
        key.data_sha256 = k.at("data_sha256").get<std::string>();
        key.settings_sha256 = k.at("settings_sha256").get<std::string>();
        return key;
    } catch (const Json::exception&) {
        return std::nullopt;
    }
}
}  // namespace

bool holds_migration_plan(const std::filesystem::path& dir, const MigrationPlanKey& wants) noexcept {
    try {
        for (const auto& file : plan_files_of(dir))
            if (const auto key = key_at_head(file); key && key_difference(*key, wants).empty()) return true;
    } catch (...) {  // an unreadable folder or file holds no plan for this purpose
    }
    return false;
}

MigrationPlan find_migration_plan(const std::filesystem::path& dir, const MigrationPlanKey& wants) {
    namespace fs = std::filesystem;
    const std::vector<fs::path> candidates = plan_files_of(dir);
    if (candidates.empty())
        throw InputError(dir.string() + " holds no " + kMigrationPlanFile + " or " + kMigrationPlanFileGz +
                         " (nor replicates/NNN/ with one): give the run directory of a policy-free run (a baseline) "
                         "written by this hhu");
    std::string why;
    for (const auto& file : candidates) {
        MigrationPlan plan = read_migration_plan(file);
        const std::string d = key_difference(plan.key, wants);
        if (d.empty()) return plan;
        why += "\n  " + file.string() + ": " + d;
    }
    throw InputError(dir.string() + " holds no migration plan of this run's policy-free province (seed " +
                     std::to_string(wants.seed) + ", scale " + format_number(wants.scale) + "):" + why +
                     "\nrun the baseline with the same settings, seed, scale and data, or leave out --migration-from");
}

}  // namespace hhu
