#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "sim/core/error.hpp"
#include "sim/core/column.hpp"
#include "sim/io/atomic_dir.hpp"
#include "../support.hpp"

namespace fs = std::filesystem;
using namespace hhu;

namespace {

struct AtomicTempDir : hhu::test::TempDir {
    AtomicTempDir() : TempDir("atomic") {}
    // Entries of the folder other than `except`.
    int count_entries() const {
        return static_cast<int>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
    }
};

std::string slurp(const fs::path& p) { return hhu::test::read_file(p); }

}  // namespace

TEST_CASE("atomic dir: commit moves the staging folder into place") {
    AtomicTempDir tmp;
    const fs::path dest = tmp.path / "runs" / "baseline";
    {
        AtomicDir dir(dest, false);
        CHECK(fs::is_directory(dir.staging()));
        CHECK(dir.staging().parent_path() == dest.parent_path());
        CHECK(dir.staging().filename().string().rfind("baseline.tmp-", 0) == 0);
        dir.write_file("manifest.json", "{}\n");
        dir.write_file("tables/population.csv", "year,n\n2021,5\n");
        {
            std::ofstream(dir.staging() / "direct.txt") << "written directly";
        }
        CHECK_FALSE(fs::exists(dest));
        dir.commit();
        CHECK(dir.committed());
    }
    CHECK(slurp(dest / "manifest.json") == "{}\n");
    CHECK(slurp(dest / "tables" / "population.csv") == "year,n\n2021,5\n");
    CHECK(slurp(dest / "direct.txt") == "written directly");
    CHECK(std::distance(fs::directory_iterator(dest.parent_path()), fs::directory_iterator()) == 1);
}

TEST_CASE("atomic dir: refuses an existing destination without force") {
    AtomicTempDir tmp;
    const fs::path dest = tmp.path / "out";
    fs::create_directories(dest);
    try {
        AtomicDir dir(dest, false);
        FAIL("expected InputError");
    } catch (const InputError& e) {
        const std::string m = e.what();
        CHECK(m.find(dest.string()) != std::string::npos);
        CHECK(m.find("exists; use --force to overwrite") != std::string::npos);
    }
    CHECK(tmp.count_entries() == 1);

    // The destination appearing while the staging folder is being written is refused at commit.
    const fs::path later = tmp.path / "later";
    AtomicDir dir(later, false);
    dir.write_file("a.txt", "a");
    fs::create_directories(later);
    CHECK_THROWS_AS(dir.commit(), InputError);
    CHECK(fs::is_empty(later));
}

TEST_CASE("atomic dir: force replaces the destination") {
    AtomicTempDir tmp;
    const fs::path dest = tmp.path / "out";
    fs::create_directories(dest / "old");
    std::ofstream(dest / "old" / "stale.txt") << "old";
    {
        AtomicDir dir(dest, true);
        dir.write_file("new.txt", "new");
        CHECK(fs::exists(dest / "old" / "stale.txt"));  // untouched until commit
        dir.commit();
    }
    CHECK(slurp(dest / "new.txt") == "new");
    CHECK_FALSE(fs::exists(dest / "old"));
    CHECK(tmp.count_entries() == 1);  // no staging or set-aside folder left

    // Force also works when the destination does not exist.
    AtomicDir fresh(tmp.path / "fresh", true);
    fresh.commit();
    CHECK(fs::is_directory(tmp.path / "fresh"));
}

TEST_CASE("atomic dir: force replaces a folder, never a file or a link") {
    AtomicTempDir tmp;
    const fs::path file = tmp.path / "notes.txt";
    std::ofstream(file) << "keep";
    CHECK_THROWS_WITH_AS(AtomicDir(file, true), doctest::Contains("is not a folder"), InputError);
    fs::create_directory(tmp.path / "target");
    fs::create_directory_symlink(tmp.path / "target", tmp.path / "link");
    CHECK_THROWS_WITH_AS(AtomicDir(tmp.path / "link", true), doctest::Contains("is not a folder"), InputError);
    CHECK(slurp(file) == "keep");
    CHECK(tmp.count_entries() == 3);  // no staging folder either
}

TEST_CASE("atomic dir: no staging folder is left without commit") {
    AtomicTempDir tmp;
    const fs::path dest = tmp.path / "out";
    fs::path staging;
    {
        AtomicDir dir(dest, false);
        staging = dir.staging();
        dir.write_file("sub/a.txt", "a");
        CHECK(fs::exists(staging / "sub" / "a.txt"));
    }
    CHECK_FALSE(fs::exists(staging));
    CHECK_FALSE(fs::exists(dest));
    CHECK(tmp.count_entries() == 0);
}

TEST_CASE("atomic dir: stale staging folders of dead processes are removed") {
    AtomicTempDir tmp;
    const fs::path dest = tmp.path / "out";
    const fs::path stale = tmp.path / "out.tmp-2147483646-0";  // no such process
    fs::create_directories(stale / "sub");
    std::ofstream(stale / "sub" / "x.txt") << "x";
    const fs::path other = tmp.path / "outside.tmp-2147483646-0";  // another destination: left alone
    fs::create_directories(other);

    AtomicDir first(dest, false);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(other));
    // A second AtomicDir for the same destination in this process leaves the live one alone.
    AtomicDir second(dest, false);
    CHECK(fs::exists(first.staging()));
    CHECK(first.staging() != second.staging());
}

TEST_CASE("atomic dir: write_file rejects paths outside the folder") {
    AtomicTempDir tmp;
    AtomicDir dir(tmp.path / "out", false);
    CHECK_THROWS_AS(dir.write_file("../escape.txt", "x"), std::invalid_argument);
    CHECK_THROWS_AS(dir.write_file("/etc/escape.txt", "x"), std::invalid_argument);
    CHECK_THROWS_AS(dir.write_file("", "x"), std::invalid_argument);
    CHECK_FALSE(fs::exists(tmp.path / "escape.txt"));
}

TEST_CASE("write_file_atomic replaces a file and leaves no temporary behind") {
    AtomicTempDir tmp;
    const fs::path file = tmp.path / "sub" / "summary.csv";
    write_file_atomic(file, "first\n");
    CHECK(slurp(file) == "first\n");
    write_file_atomic(file, "second\n");
    CHECK(slurp(file) == "second\n");
    CHECK(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()) == 1);
    CHECK_THROWS_AS(write_file_atomic(tmp.path / "sub", "x"), InputError);  // a folder is in the way
}

TEST_CASE("AtomicFile: a file written in pieces appears whole on commit, never without it") {
    hhu::test::TempDir tmp("atomic_file");
    const fs::path file = tmp.path / "sub" / "table.csv";
    {
        AtomicFile f(file);
        f.write("a,b\n");
        f.write("1,2\n");
        CHECK(!fs::exists(file));
    }  // no commit: nothing appears, and the temporary file is gone
    CHECK(!fs::exists(file));
    CHECK(fs::is_empty(file.parent_path()));
    AtomicFile f(file);
    f.write("a,b\n");
    f.write("3,4\n");
    f.commit();
    CHECK(hhu::test::read_file(file) == "a,b\n3,4\n");
}

TEST_CASE("remove_stale_temporary_files: only the temporary files of processes that are gone") {
    hhu::test::TempDir tmp("stale_tmp");
    // pid 2147483000 is above any Linux pid_max (at most 4194304): no such process.
    const std::vector<std::string> gone{".results.csv.tmp-2147483000-0", ".rows.csv.tmp-2147483000-12"};
    const std::vector<std::string> kept{".summary.csv.tmp-" + std::to_string(::getpid()) + "-3", "results.csv",
                                        ".hidden", "x.tmp-2147483000-0"};
    for (const auto& n : gone) std::ofstream(tmp.path / n) << "x";
    for (const auto& n : kept) std::ofstream(tmp.path / n) << "x";
    remove_stale_temporary_files(tmp.path);
    for (const auto& n : gone) CHECK_MESSAGE(!fs::exists(tmp.path / n), n);
    for (const auto& n : kept) CHECK_MESSAGE(fs::exists(tmp.path / n), n);
}

TEST_CASE("atomic dir: a large aligned buffer is written past the page cache, its tail through it, the same bytes") {
    // 16 MiB and 123 bytes from memory aligned to a huge page (a saved state's image): whole 4 KiB blocks with O_DIRECT,
    // the rest buffered. In a folder beside the tests' working directory (the build folder: a disk, where /tmp may be a
    // file system that refuses O_DIRECT, which falls back to the cache).
    const std::size_t n = (std::size_t{16} << 20) + 123;
    char* p = static_cast<char*>(hhu::column_memory::allocate(n));
    REQUIRE(reinterpret_cast<std::uintptr_t>(p) % 4096 == 0);
    for (std::size_t k = 0; k < n; ++k) p[k] = static_cast<char>((k * 2654435761u) >> 13);
    const std::filesystem::path dir = std::filesystem::current_path() / ("atomic_direct_" + std::to_string(::getpid()));
    hhu::write_file_atomic(dir / "big.bin", std::string_view(p, n));
    std::ifstream in(dir / "big.bin", std::ios::binary);
    const std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(back.size() == n);
    CHECK(back == std::string_view(p, n));
    hhu::column_memory::release(p, n);
    std::filesystem::remove_all(dir);
}
