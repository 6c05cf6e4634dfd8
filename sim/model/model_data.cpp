#include "sim/model/model_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "sim/core/error.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/sha256.hpp"

namespace hhu {

namespace {

// Every resident is simulated (at full scale): a count beyond this would exhaust memory.
constexpr std::int64_t kMaxResidents = 10'000'000;
// The latest end_year a scenario may give: the rate tables must reach it.
constexpr int kLastSimulatedYear = 2040;

class Loader {
public:
    explicit Loader(ModelData& d) : d_(d) {}

    CsvTable open(const std::string& name, const std::vector<std::string>& columns) {
        const auto path = d_.directory / name;
        CsvTable table = CsvTable::read(path);
        table.require_columns(columns);
        // A table read twice (immigrant_profile.csv, once per column) is listed once in the manifest.
        const bool listed = std::any_of(d_.files.begin(), d_.files.end(), [&](const DataFile& f) { return f.name == name; });
        if (!listed) d_.files.push_back({name, sha256_file(path)});
        return table;
    }

    int zone(const CsvTable& t, std::size_t row, const char* column = "zone") const {
        const int z = d_.zone_index(t.str(row, column));
        if (z < 0) throw InputError(t.where(row, column) + ": unknown zone code '" + t.str(row, column) +
                                    "' (expected a code from zones.csv)");
        return z;
    }
    static int sex(const CsvTable& t, std::size_t row) {
        const auto& s = t.str(row, "sex");
        for (int i = 0; i < kNumSexes; ++i)
            if (s == kSexNames[i]) return i;
        throw InputError(t.where(row, "sex") + ": expected 'male' or 'female', got '" + s + "'");
    }
    static int age_group(const CsvTable& t, std::size_t row) {
        const auto& s = t.str(row, "age_group");
        for (int i = 0; i < kNumAgeGroups; ++i)
            if (s == kAgeGroupNames[i]) return i;
        throw InputError(t.where(row, "age_group") + ": expected a 5-year group 0-4 ... 95+, got '" + s + "'");
    }
    static int age(const CsvTable& t, std::size_t row, int lo = 0, int hi = kMaxAge) {
        return static_cast<int>(t.num_in(row, "age", lo, hi));
    }
    int year(const CsvTable& t, std::size_t row) const {
        return static_cast<int>(t.num_in(row, "year", d_.first_year, 2100));
    }

    // Each (key) must be given exactly once: reports the first duplicate and the count of missing keys.
    template <typename Key>
    static void check_complete(const CsvTable& t, const std::map<Key, std::size_t>& seen, std::size_t expected,
                               const std::string& what) {
        if (seen.size() != expected)
            throw InputError(t.name() + ": expected " + std::to_string(expected) + " rows (" + what + "), found " +
                             std::to_string(seen.size()) + " distinct");
    }
    template <typename Key>
    static void mark(const CsvTable& t, std::size_t row, std::map<Key, std::size_t>& seen, const Key& key) {
        auto [it, fresh] = seen.emplace(key, row);
        if (!fresh)
            throw InputError(t.name() + ":" + std::to_string(t.line(row)) + ": duplicate row (first given on line " +
                             std::to_string(t.line(it->second)) + ")");
    }

    void zones() {
        auto t = open("zones.csv", {"code", "name", "municipality_code", "municipality", "u10", "u16", "lat", "lon"});
        for (std::size_t r = 0; r < t.rows(); ++r) {
            Zone z;
            z.code = t.str(r, "code");
            z.name = t.str(r, "name");
            z.municipality_code = t.str(r, "municipality_code");
            z.municipality = t.str(r, "municipality");
            z.u10 = t.num_in(r, "u10", 0, 1) != 0;
            z.u16 = t.num_in(r, "u16", 0, 1) != 0;
            z.lat = t.num_in(r, "lat", 51.5, 52.6);
            z.lon = t.num_in(r, "lon", 4.5, 5.8);
            if (d_.zone_index(z.code) >= 0) throw InputError(t.where(r, "code") + ": duplicate zone " + z.code);
            if (z.code == "GM0344")
                throw InputError(t.where(r, "code") + ": Utrecht city is given by its districts WK0344##, not GM0344");
            d_.zones.push_back(z);
        }
        if (d_.zones.empty() || d_.zones.size() > 250) throw InputError(t.name() + ": expected 1 to 250 zones");
        const auto n = d_.zones.size();
        for (auto& m : d_.membership) m.assign(n, false);
        for (std::size_t z = 0; z < n; ++z) {
            const auto& zone = d_.zones[z];
            d_.membership[0][z] = zone.municipality_code == "GM0344";
            d_.membership[1][z] = zone.u10;
            d_.membership[2][z] = zone.u16;
            d_.membership[3][z] = true;
        }
    }

    void population() {
        auto t = open("population_2021.csv", {"zone", "sex", "age_group", "count"});
        d_.population_2021.assign(d_.zones.size(), {});
        std::map<std::tuple<int, int, int>, std::size_t> seen;
        std::int64_t total = 0;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int z = zone(t, r), s = sex(t, r), g = age_group(t, r);
            mark(t, r, seen, {z, s, g});
            const auto n = t.integer(r, "count");
            if (n < 0 || n > kMaxResidents)
                throw InputError(t.where(r, "count") + ": expected a count from 0 to " + std::to_string(kMaxResidents) +
                                 ", got " + std::to_string(n));
            d_.population_2021[z][s][g] = n;
            total += n;
        }
        if (total > kMaxResidents)
            throw InputError(t.name() + ": " + std::to_string(total) + " residents in all, expected at most " +
                             std::to_string(kMaxResidents) + " (the province has about 1.4 million)");
        check_complete(t, seen, d_.zones.size() * kNumSexes * kNumAgeGroups, "zone x sex x age group");
    }

    void mortality() {
        auto t = open("mortality.csv", {"year", "sex", "age", "rate"});
        std::map<std::tuple<int, int, int>, std::size_t> seen;
        int last = d_.first_year;
        for (std::size_t r = 0; r < t.rows(); ++r) last = std::max(last, year(t, r));
        // Said here, not as a mismatch in the tables read after it (fertility.csv).
        if (last < kLastSimulatedYear)
            throw InputError(t.name() + ": rates for " + std::to_string(d_.first_year) + " to " + std::to_string(last) +
                             ", expected every year up to " + std::to_string(kLastSimulatedYear) +
                             " (the last year a scenario may simulate); is the file truncated?");
        d_.last_year = last;
        d_.mortality.assign(last - d_.first_year + 1, {});
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int y = year(t, r), s = sex(t, r), a = age(t, r);
            mark(t, r, seen, {y, s, a});
            d_.mortality[y - d_.first_year][s][a] = t.num_in(r, "rate", 0, 5);
        }
        check_complete(t, seen, d_.mortality.size() * kNumSexes * kNumAges,
                       "every year from 2021 x sex x age 0.." + std::to_string(kMaxAge));
    }

    void fertility() {
        auto t = open("fertility.csv", {"year", "age", "rate"});
        d_.fertility.assign(d_.mortality.size(), {});
        std::map<std::pair<int, int>, std::size_t> seen;
        int lo = kMaxAge, hi = 0;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int y = year(t, r), a = age(t, r, 10, 55);
            if (y > d_.last_year)
                throw InputError(t.where(r, "year") + ": beyond the last year of mortality.csv (" +
                                 std::to_string(d_.last_year) + ")");
            mark(t, r, seen, {y, a});
            lo = std::min(lo, a);
            hi = std::max(hi, a);
            d_.fertility[y - d_.first_year][a] = t.num_in(r, "rate", 0, 1);
        }
        check_complete(t, seen, d_.fertility.size() * (hi - lo + 1), "every year x every age of mother");
        auto s = open("births_sex_ratio.csv", {"male_share"});
        if (s.rows() != 1) throw InputError(s.name() + ": expected exactly one row");
        d_.male_birth_share = s.num_in(0, "male_share", 0.4, 0.6);
    }

    void zone_factors() {
        auto t = open("zone_factors.csv", {"zone", "mortality_hr", "fertility_factor"});
        d_.mortality_hr.assign(d_.zones.size(), 0);
        d_.fertility_factor.assign(d_.zones.size(), 0);
        std::map<int, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int z = zone(t, r);
            mark(t, r, seen, z);
            d_.mortality_hr[z] = t.num_in(r, "mortality_hr", 0.2, 5);
            d_.fertility_factor[z] = t.num_in(r, "fertility_factor", 0.1, 5);
        }
        check_complete(t, seen, d_.zones.size(), "one per zone");
    }

    void migration() {
        auto t = open("zone_migration.csv", {"zone", "out_rate", "internal_share"});
        d_.out_rate.assign(d_.zones.size(), 0);
        d_.internal_share.assign(d_.zones.size(), 0);
        std::map<int, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int z = zone(t, r);
            mark(t, r, seen, z);
            d_.out_rate[z] = t.num_in(r, "out_rate", 0, 1);
            d_.internal_share[z] = t.num_in(r, "internal_share", 0, 1);
        }
        check_complete(t, seen, d_.zones.size(), "one per zone");

        read_sex_age("migration_age_profile.csv", "relative_rate", d_.migration_profile, 0, 50);
        read_arrival_profile("share", d_.arrival_share);
        read_arrival_profile("share_utrecht_city", d_.arrival_share_city);

        auto reg = open("migration_register.csv",
                        {"zone", "year", "in_domestic", "in_international", "out_domestic", "out_international"});
        for (std::size_t r = 0; r < reg.rows(); ++r) {
            if (reg.str(r, "zone") != "GM0344")
                throw InputError(reg.where(r, "zone") + ": only Utrecht city (GM0344) has registered flows");
            RegisteredFlows f;
            f.year = static_cast<int>(reg.num_in(r, "year", 2000, 2100));
            f.in_domestic = reg.num_in(r, "in_domestic", 0, 1e6);
            f.in_international = reg.num_in(r, "in_international", 0, 1e6);
            f.out_domestic = reg.num_in(r, "out_domestic", 0, 1e6);
            f.out_international = reg.num_in(r, "out_international", 0, 1e6);
            if (reg.has_column("admin_correction"))
                f.admin_removals = std::max(0.0, -reg.num_in(r, "admin_correction", -1e6, 1e6));
            d_.city_register.push_back(f);
        }
    }

    void read_arrival_profile(const char* column, BySexAge<double>& out) {
        read_sex_age("immigrant_profile.csv", column, out, 0, 1);
        double total = 0;
        for (const auto& by_age : out)
            for (double v : by_age) total += v;
        if (std::abs(total - 1.0) > 1e-3)
            throw InputError((d_.directory / "immigrant_profile.csv").string() + ": column " + column +
                             ": shares must sum to 1 over sexes and ages, they sum to " + std::to_string(total));
    }

    // population_by_age.csv: groups of one zone and year must not overlap.
    void population_by_age() {
        auto t = open("population_by_age.csv", {"zone", "year", "age_from", "age_to", "population", "kind"});
        for (std::size_t r = 0; r < t.rows(); ++r) {
            AgeGroupCount g;
            g.code = t.str(r, "zone");
            if (g.code != "GM0344") zone(t, r);  // throws, naming the cell, if the code is unknown
            g.year = static_cast<int>(t.num_in(r, "year", kFirstYear, 2100));
            g.age_from = static_cast<int>(t.num_in(r, "age_from", 0, kMaxAge));
            g.age_to = static_cast<int>(t.num_in(r, "age_to", g.age_from, kMaxAge));
            g.population = t.num_in(r, "population", 0, 1e8);
            const std::string kind = t.str(r, "kind");
            if (kind != "register" && kind != "forecast")
                throw InputError(t.where(r, "kind") + ": expected register or forecast, got '" + kind + "'");
            g.forecast = kind == "forecast";
            for (const auto& o : d_.population_by_age)
                if (o.code == g.code && o.year == g.year && o.age_from <= g.age_to && g.age_from <= o.age_to)
                    throw InputError(t.where(r, "age_from") + ": the group " + std::to_string(g.age_from) + "-" +
                                     std::to_string(g.age_to) + " overlaps " + std::to_string(o.age_from) + "-" +
                                     std::to_string(o.age_to) + " of " + g.code + " " + std::to_string(g.year));
            d_.population_by_age.push_back(g);
        }
    }

    void read_sex_age(const std::string& name, const char* column, BySexAge<double>& out, double lo, double hi) {
        auto t = open(name, {"sex", "age", column});
        std::map<std::pair<int, int>, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int s = sex(t, r), a = age(t, r);
            mark(t, r, seen, {s, a});
            out[s][a] = t.num_in(r, column, lo, hi);
        }
        check_complete(t, seen, kNumSexes * kNumAges, "sex x age 0.." + std::to_string(kMaxAge));
    }

    void forecasts() {
        auto t = open("population_forecast.csv", {"zone", "year", "population"});
        d_.forecast.assign(d_.zones.size(), {});
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const YearValue v{static_cast<int>(t.num_in(r, "year", 2021, 2100)), t.num_in(r, "population", 0, 1e8)};
            const auto& code = t.str(r, "zone");
            if (code == "GM0344") {
                d_.city_forecast.push_back(v);
            } else if (code == "PV26") {
                continue;  // the province total is reported, not used: it is the sum of its zones
            } else {
                d_.forecast[zone(t, r)].push_back(v);
            }
        }
        for (auto& f : d_.forecast)
            std::sort(f.begin(), f.end(), [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
        auto reg = open("population_register.csv", {"zone", "year", "population"});
        for (std::size_t r = 0; r < reg.rows(); ++r)
            d_.register_population.push_back(
                {reg.str(r, "zone"),
                 {static_cast<int>(reg.num_in(r, "year", 1990, 2100)), reg.num_in(r, "population", 0, 1e8)}});
    }

    template <std::size_t N>
    void read_shares(const std::string& name, const std::array<std::string_view, N>& columns,
                     std::vector<BySexGroup<std::array<double, N>>>& out) {
        std::vector<std::string> cols = {"zone", "sex", "age_group"};
        for (auto c : columns) cols.emplace_back(c);
        auto t = open(name, cols);
        out.assign(d_.zones.size(), {});
        std::map<std::tuple<int, int, int>, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int z = zone(t, r), s = sex(t, r), g = age_group(t, r);
            mark(t, r, seen, {z, s, g});
            double sum = 0;
            for (std::size_t i = 0; i < N; ++i) sum += out[z][s][g][i] = t.num_in(r, columns[i], 0, 1);
            if (std::abs(sum - 1.0) > 1e-3)
                throw InputError(t.name() + ":" + std::to_string(t.line(r)) + ": shares must sum to 1, they sum to " +
                                 std::to_string(sum));
        }
        check_complete(t, seen, d_.zones.size() * kNumSexes * kNumAgeGroups, "zone x sex x age group");
    }

    void digital_skills() {
        auto t = open("digital_skills.csv", {"age_group", "education", "share"});
        std::map<std::pair<int, int>, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            const int g = age_group(t, r);
            int e = -1;
            for (int k = 0; k < kNumEducation; ++k)
                if (t.str(r, "education") == kEducationNames[k]) e = k;
            if (e < 0) throw InputError(t.where(r, "education") + ": expected low, middle or high, got '" + t.str(r, "education") + "'");
            mark(t, r, seen, {g, e});
            d_.digital_skills_share[g][e] = t.num_in(r, "share", 0, 1);
        }
        check_complete(t, seen, static_cast<std::size_t>(kNumAgeGroups) * kNumEducation, "age group x education");
    }

    void prices() { d_.prices = parse_price_index(open(std::string(kConsumerPricesFile), {"year", "change_percent"})); }

private:
    ModelData& d_;
};

}  // namespace

int ModelData::zone_index(const std::string& code) const {
    for (std::size_t z = 0; z < zones.size(); ++z)
        if (zones[z].code == code) return static_cast<int>(z);
    return -1;
}

ModelData load_demography_data(const std::filesystem::path& directory) {
    if (!std::filesystem::is_directory(directory))
        throw InputError(directory.string() + ": data directory not found (give --data DIR or set HHU_DATA)");
    ModelData d;
    d.directory = directory;
    Loader load(d);
    load.zones();
    load.population();
    load.mortality();
    load.fertility();
    load.zone_factors();
    load.migration();
    load.forecasts();
    load.population_by_age();
    load.read_shares("education.csv", kEducationNames, d.education);
    load.read_shares("household.csv", kHouseholdNames, d.household);
    load.digital_skills();
    load.prices();
    return d;
}

std::filesystem::path default_data_directory() {
    if (const char* env = std::getenv("HHU_DATA"); env && *env) return env;
    return std::filesystem::path(HHU_SOURCE_DIR) / "data";
}

}  // namespace hhu
