// A seeded fuzz test of the scenario reader: mutated scenario files and -D values never crash or
// hang the reader, and every problem it reports says where (a JSON pointer, or a line and column).
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "../support.hpp"
#include "sim/scenario/scenario.hpp"

using namespace hhu;

namespace {

const std::vector<std::string> kTokens = {
    "{", "}", "[", "]", ",", ":", "\"", "1e400", "-1e400", "-1", "0", "1.5", "null", "true", "\"x\"", "NaN",
    "Infinity", "\xff", "\xef\xbb\xbf", "18446744073709551616", "-9223372036854775809", "\"extends\": \"/dev/zero\",",
    "\"extends\": \"nothere.json\",", "\"seed\": 1,", "{\"a\": 1, \"a\": 2}", std::string(200, '['), "\\u0000", "//",
    "\"name\": \"" + std::string(5000, 'n') + "\","};

using Random = std::mt19937_64;

std::size_t pick(Random& rng, std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

// One random change: a byte replaced, a span deleted or repeated, a token inserted, or the end cut off.
void mutate(std::string& text, Random& rng) {
    const std::size_t at = pick(rng, text.size() + 1);
    switch (pick(rng, 5)) {
        case 0:
            if (!text.empty()) text[pick(rng, text.size())] = static_cast<char>(pick(rng, 256));
            break;
        case 1: text.erase(at, pick(rng, 64)); break;
        case 2: {
            const std::string span = text.substr(at, pick(rng, 200));
            text.insert(pick(rng, text.size() + 1), span);
            break;
        }
        case 3: text.insert(at, kTokens[pick(rng, kTokens.size())]); break;
        case 4: text.resize(at); break;
    }
}

// Every problem says where it is: a JSON pointer, or (for text that is not JSON) a line and column.
void check_located(const ScenarioError& e, const std::string& input) {
    for (const auto& issue : e.issues()) {
        const bool located = !issue.path.empty() || issue.message.find("at line ") != std::string::npos ||
                             issue.message.find("must be a JSON object") != std::string::npos;
        CHECK_MESSAGE(located, "unlocated problem '" << issue.message << "' for input: " << input.substr(0, 300));
    }
}

}  // namespace

TEST_CASE("scenario fuzz: 400 mutated scenario files give a scenario or located problems, nothing else") {
    const std::vector<std::string> corpus = {
        hhu::test::read_file(std::filesystem::path(HHU_SOURCE_DIR) / "scenarios" / "baseline.json"),
        hhu::test::read_file(std::filesystem::path(HHU_SOURCE_DIR) / "scenarios" / "health_hub_agenda.json")};
    REQUIRE(!corpus[0].empty());
    REQUIRE(!corpus[1].empty());
    Random rng(19);
    int valid = 0, refused = 0;
    for (int k = 0; k < 400; ++k) {
        std::string text = corpus[k % corpus.size()];
        for (std::size_t m = 0, n = 1 + pick(rng, 3); m < n; ++m) mutate(text, rng);
        try {
            parse_scenario(text, "fuzz/case.json");
            ++valid;
        } catch (const ScenarioError& e) {
            ++refused;
            CHECK(e.file() == "fuzz/case.json");
            CHECK(!e.issues().empty());
            check_located(e, text);
        } catch (const std::exception& e) {
            FAIL("case " << k << ": not a ScenarioError: " << std::string(e.what()) << "\ninput: " << text.substr(0, 300));
        }
    }
    MESSAGE(valid << " mutated files valid, " << refused << " refused");
    CHECK(refused > 200);  // the mutations do break files
}

TEST_CASE("scenario fuzz: 200 random -D assignments give a scenario or located problems") {
    const Scenario base = hhu::test::baseline();
    const std::vector<std::string> keys = {"seed", "name", "end_year", "replicates", "demography",
                                           "demography.mortality_scale", "demography.align_migration_to_forecast",
                                           "health.enabled", "interventions", "notes", "nothing", "health", ""};
    Random rng(1919);
    int refused = 0;
    for (int k = 0; k < 200; ++k) {
        std::string value = kTokens[pick(rng, kTokens.size())];
        if (pick(rng, 2) == 0) mutate(value, rng);
        const std::string assignment = keys[pick(rng, keys.size())] + (pick(rng, 10) == 0 ? "" : "=") + value;
        try {
            with_overrides(base, {assignment});
        } catch (const ScenarioError& e) {
            ++refused;
            for (const auto& issue : e.issues())
                CHECK_MESSAGE((!issue.path.empty() || issue.message.find("malformed -D") != std::string::npos),
                              "unlocated problem '" << issue.message << "' for -D " << assignment.substr(0, 200));
        } catch (const std::exception& e) {
            FAIL("-D " << assignment.substr(0, 200) << ": not a ScenarioError: " << std::string(e.what()));
        }
    }
    MESSAGE(refused << " of 200 assignments refused");
    CHECK(refused > 50);  // the checks above ran: most random assignments are wrong
}
