#include "sim/compare/yearly_reader.hpp"
#include "sim/io/gzip.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <exception>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <string_view>

#include "sim/core/error.hpp"

namespace hhu {

namespace {

constexpr std::string_view kHeader = "year,zone,sex,age_group,education,indicator,value";
constexpr std::size_t kFields = 7;
constexpr std::size_t kChunkBytes = 4u << 20;

bool contains(const std::vector<std::string>& set, std::string_view s) {
    return std::any_of(set.begin(), set.end(), [&](const std::string& e) { return e == s; });
}

class YearlyParser {
public:
    YearlyParser(const std::filesystem::path& file, const YearlyFilter& filter) : filter_(filter) { rows_.file = file; }

    void line(std::string_view s) {
        ++line_number_;
        if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
        if (line_number_ == 1) {
            if (s != kHeader) fail("expected the header '" + std::string(kHeader) + "', got '" + std::string(s) + "'");
            return;
        }
        std::array<std::string_view, kFields> f;
        if (!split(s, f))
            fail("expected 7 comma-separated fields (" + std::string(kHeader) + "), got '" + clip(s) + "'");
        int year = 0;
        const auto [yp, yec] = std::from_chars(f[0].data(), f[0].data() + f[0].size(), year);
        if (yec != std::errc() || yp != f[0].data() + f[0].size())
            fail("expected a year in the first field, got '" + std::string(f[0]) + "'");
        double value = 0;
        const auto [vp, vec] = std::from_chars(f[6].data(), f[6].data() + f[6].size(), value);
        if (vec != std::errc() || vp != f[6].data() + f[6].size() || f[6].empty())
            fail("expected a number in the value field, got '" + std::string(f[6]) + "'");
        if (f[1].empty()) fail("expected a zone code in the second field, got an empty field");
        note_year_and_zone(year, f[1]);
        if (!kept(f)) return;
        auto& series = rows_.series[SeriesKey{std::string(f[5]), std::string(f[1]), std::string(f[4]), std::string(f[3])}];
        if (!series.emplace(year, value).second)
            fail("duplicate row for year " + std::to_string(year) + ", zone " + std::string(f[1]) + ", age group " +
                 std::string(f[3]) + ", education " + std::string(f[4]) + ", indicator " + std::string(f[5]));
    }

    YearlyRows finish() {
        if (line_number_ == 0) throw InputError(rows_.file.string() + ": empty file (expected a yearly table)");
        if (!seen_row_) throw InputError(rows_.file.string() + ": no rows after the header");
        rows_.zones.assign(zones_.begin(), zones_.end());
        return std::move(rows_);
    }

private:
    // Sex "all" of a wanted zone; then age group "all" of a wanted indicator and education, or a wanted age
    // group (education "all") of an indicator asked for by age.
    bool kept(const std::array<std::string_view, kFields>& f) const {
        if (f[2] != "all" || !contains(filter_.zones, f[1])) return false;
        if (f[3] == "all") return contains(filter_.indicators, f[5]) && contains(filter_.educations, f[4]);
        return f[4] == "all" && contains(filter_.age_group_indicators, f[5]) && contains(filter_.age_groups, f[3]);
    }

    static bool split(std::string_view s, std::array<std::string_view, kFields>& f) {
        std::size_t start = 0;
        for (std::size_t i = 0; i + 1 < kFields; ++i) {
            const std::size_t comma = s.find(',', start);
            if (comma == std::string_view::npos) return false;
            f[i] = s.substr(start, comma - start);
            start = comma + 1;
        }
        f[kFields - 1] = s.substr(start);
        return f[kFields - 1].find(',') == std::string_view::npos;
    }

    static std::string clip(std::string_view s) {
        return s.size() > 120 ? std::string(s.substr(0, 120)) + "..." : std::string(s);
    }

    void note_year_and_zone(int year, std::string_view zone) {
        if (!seen_row_) {
            rows_.first_year = rows_.last_year = year;
            seen_row_ = true;
        }
        rows_.first_year = std::min(rows_.first_year, year);
        rows_.last_year = std::max(rows_.last_year, year);
        // Rows come grouped by zone: look the set up only when the zone changes.
        if (zone != last_zone_) {
            last_zone_.assign(zone);
            zones_.insert(last_zone_);
        }
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(rows_.file.string() + ":" + std::to_string(line_number_) + ": " + what);
    }

    const YearlyFilter& filter_;
    YearlyRows rows_;
    std::size_t line_number_ = 0;
    bool seen_row_ = false;
    std::string last_zone_;
    std::set<std::string> zones_;
};

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string describe(const SeriesKey& key) {
    return "indicator " + key.indicator + ", zone " + key.zone + ", education " + key.education +
           (key.age_group == "all" ? "" : ", age group " + key.age_group);
}

bool YearlyRows::has_zone(const std::string& zone) const {
    return std::binary_search(zones.begin(), zones.end(), zone);
}

double YearlyRows::value(const SeriesKey& key, int year) const {
    const auto s = series.find(key);
    if (s == series.end()) throw InputError(file.string() + ": no rows for " + describe(key));
    const auto v = s->second.find(year);
    if (v == s->second.end())
        throw InputError(file.string() + ": no row for year " + std::to_string(year) + ", " + describe(key) +
                         " (sex all" + (key.age_group == "all" ? std::string(", age_group all)") : std::string(")")));
    return v->second;
}

YearlyRows read_yearly(const std::filesystem::path& file, const YearlyFilter& filter) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw InputError(file.string() + ": missing (expected the yearly table of a run directory written by hhu run)");
    YearlyParser parser(file, filter);
    if (file.extension() == ".gz") {  // written with --gzip: decompressed whole (at most the plain table's size)
        const std::string text = read_text_file(file);
        for (std::size_t start = 0; start < text.size();) {
            auto end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            parser.line(std::string_view(text.data() + start, end - start));
            start = end + 1;
        }
        return parser.finish();
    }
    const std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.c_str(), "rb"));
    if (!in) throw InputError(file.string() + ": cannot be opened: " + std::strerror(errno));
    std::string buffer;  // the unfinished last line of the previous chunk, then the new chunk
    std::vector<char> chunk(kChunkBytes);
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in.get());
        if (n == 0) break;
        buffer.append(chunk.data(), n);
        std::size_t start = 0;
        for (;;) {
            const void* nl = std::memchr(buffer.data() + start, '\n', buffer.size() - start);
            if (nl == nullptr) break;
            const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.data());
            parser.line(std::string_view(buffer.data() + start, end - start));
            start = end + 1;
        }
        buffer.erase(0, start);
    }
    if (std::ferror(in.get())) throw InputError(file.string() + ": read error");
    if (!buffer.empty()) parser.line(buffer);
    return parser.finish();
}

YearlyRows parse_yearly(std::string_view text, const std::filesystem::path& name, const YearlyFilter& filter) {
    YearlyParser parser(name, filter);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        parser.line(text.substr(start, end - start));
        start = end + 1;
    }
    return parser.finish();
}

std::vector<YearlyRows> read_yearly_files(const std::vector<std::filesystem::path>& files, const YearlyFilter& filter) {
    std::vector<YearlyRows> rows(files.size());
    std::vector<std::exception_ptr> errors(files.size());
    tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t i) {
        try {
            rows[i] = read_yearly(files[i], filter);
        } catch (...) {
            errors[i] = std::current_exception();
        }
    });
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    return rows;
}

}  // namespace hhu
