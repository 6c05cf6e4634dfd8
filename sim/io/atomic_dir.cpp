#include "sim/io/atomic_dir.hpp"

#include <atomic>
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <set>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/core/error.hpp"

namespace hhu {

namespace fs = std::filesystem;

namespace {

std::atomic<unsigned long> g_counter{0};

std::string unique_suffix() {
    return std::to_string(::getpid()) + "-" + std::to_string(g_counter.fetch_add(1));
}

// Staging folders in use by AtomicDir objects of this process, which stale-folder removal skips.
std::mutex g_live_mutex;
std::set<std::string>& live_staging() {
    static std::set<std::string> live;
    return live;
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
    throw InputError("cannot " + what + " " + path.string() + ": " + std::strerror(err));
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, const std::error_code& ec) {
    throw InputError("cannot " + what + " " + path.string() + ": " + ec.message());
}

// Contents this large, in memory aligned to a disk block (a saved state's image, sim/simulation/saved_state.hpp), are
// written past the page cache (O_DIRECT) up to their last whole block: on this machine 1.1 GB/s against 0.35 GB/s
// through the cache, which allocates and copies each 4 KB page. The tail, and contents the file system will not write
// so, go through the cache.
constexpr std::size_t kDirectBlock = 4096;
constexpr std::size_t kDirectAtLeast = std::size_t{16} << 20;

void write_all(const fs::path& path, std::string_view contents, bool sync) {
    const bool direct = contents.size() >= kDirectAtLeast && reinterpret_cast<std::uintptr_t>(contents.data()) % kDirectBlock == 0;
    int fd = direct ? ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_DIRECT, 0666) : -1;
    if (fd < 0) fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) fail("write", path, errno);
    const char* p = contents.data();
    std::size_t left = contents.size();
    if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0 && (flags & O_DIRECT) != 0) {
        std::size_t blocks = left / kDirectBlock * kDirectBlock;
        while (blocks > 0) {
            const ssize_t n = ::write(fd, p, blocks);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno != EINVAL) {  // EINVAL: the file system writes no such blocks; the rest through the cache
                const int err = errno;
                ::close(fd);
                fail("write", path, err);
            }
            if (n <= 0) break;
            p += n;
            left -= static_cast<std::size_t>(n);
            blocks -= std::min(blocks, static_cast<std::size_t>(n));
            if (static_cast<std::size_t>(n) % kDirectBlock != 0) break;  // no longer aligned
        }
        if (::fcntl(fd, F_SETFL, flags & ~O_DIRECT) != 0) {
            const int err = errno;
            ::close(fd);
            fail("write", path, err);
        }
    }
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            fail("write", path, err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (sync && ::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        fail("fsync", path, err);
    }
    if (::close(fd) != 0) fail("write", path, errno);
}

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0) fail("open for fsync", path, errno);
    if (::fsync(fd) != 0 && errno != EINVAL) {  // EINVAL: the file system does not sync this kind of file
        const int err = errno;
        ::close(fd);
        fail("fsync", path, err);
    }
    ::close(fd);
}

fs::path parent_of(const fs::path& p) {
    fs::path parent = p.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

bool exists_no_follow(const fs::path& p) {
    std::error_code ec;
    return fs::symlink_status(p, ec).type() != fs::file_type::not_found && !ec;
}

// Renames without replacing an existing destination where the system supports it (a plain rename
// would silently replace an empty folder).
int rename_noreplace(const fs::path& from, const fs::path& to) {
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
    if (exists_no_follow(to)) {
        errno = EEXIST;
        return -1;
    }
#endif
    return std::rename(from.c_str(), to.c_str());
}

// Removes DEST.tmp-<pid>-... folders whose process is gone (or is this one, but no live AtomicDir
// of this process uses them).
void remove_stale_staging(const fs::path& parent, const std::string& name) {
    const std::string prefix = name + ".tmp-";
    std::error_code ec;
    fs::directory_iterator it(parent, ec), end;
    if (ec) return;
    for (; it != end; it.increment(ec)) {
        if (ec) return;
        const std::string entry = it->path().filename().string();
        if (entry.rfind(prefix, 0) != 0) continue;
        const std::string rest = entry.substr(prefix.size());
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos) continue;
        const std::string digits = rest.substr(0, dash);
        if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 10) continue;
        const long long pid = std::stoll(digits);
        bool stale;
        if (pid == ::getpid()) {
            std::lock_guard lock(g_live_mutex);
            stale = live_staging().count(it->path().string()) == 0;
        } else {
            stale = pid <= 0 || pid > 0x7fffffff || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH);
        }
        if (stale) {
            std::error_code rm;
            fs::remove_all(it->path(), rm);
        }
    }
}

}  // namespace

AtomicDir::AtomicDir(fs::path dest, bool force) : force_(force) {
    dest = dest.lexically_normal();
    if (!dest.has_filename()) dest = dest.parent_path();  // "runs/x/" -> "runs/x"
    if (dest.empty() || dest.filename() == "." || dest.filename() == "..") {
        throw InputError("cannot use " + dest.string() + " as an output folder");
    }
    dest_ = dest;
    if (exists_no_follow(dest_) && !force_) {
        throw InputError(dest_.string() + " exists; use --force to overwrite");
    }
    std::error_code type_ec;
    if (exists_no_follow(dest_) && fs::symlink_status(dest_, type_ec).type() != fs::file_type::directory) {
        // --force replaces an earlier output folder, never a file (or link) that happens to have its name.
        throw InputError(dest_.string() + " is not a folder: --force replaces only an output folder");
    }
    const fs::path parent = parent_of(dest_);
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) fail("create the folder", parent, ec);
    remove_stale_staging(parent, dest_.filename().string());

    for (int attempt = 0;; ++attempt) {
        fs::path candidate = parent / (dest_.filename().string() + ".tmp-" + unique_suffix());
        if (fs::create_directory(candidate, ec)) {
            staging_ = std::move(candidate);
            break;
        }
        if (ec || attempt > 100) fail("create the staging folder", candidate, ec);
    }
    std::lock_guard lock(g_live_mutex);
    live_staging().insert(staging_.string());
}

AtomicDir::~AtomicDir() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
    std::lock_guard lock(g_live_mutex);
    live_staging().erase(staging_.string());
}

void AtomicDir::write_file(const std::string& relative, std::string_view contents) {
    if (committed_) throw std::logic_error("AtomicDir::write_file after commit");
    const fs::path rel = fs::path(relative).lexically_normal();
    bool bad = relative.empty() || rel.is_absolute() || rel.has_root_name() || rel.empty() || !rel.has_filename();
    for (const auto& part : rel) {
        if (part == "..") bad = true;
    }
    if (bad) throw std::invalid_argument("AtomicDir::write_file: '" + relative + "' is not a relative file path inside the folder");
    const fs::path file = staging_ / rel;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) fail("create the folder", file.parent_path(), ec);
    write_all(file, contents, false);
}

void AtomicDir::commit() {
    if (committed_) throw std::logic_error("AtomicDir::commit called twice");

    // Everything written into the staging folder, by write_file or by anyone else, reaches the disk
    // before the rename makes it visible.
    std::error_code ec;
    for (fs::recursive_directory_iterator it(staging_, ec), end; !ec && it != end; it.increment(ec)) {
        const auto type = it->symlink_status(ec).type();
        if (ec) break;
        if (type == fs::file_type::regular) fsync_path(it->path(), false);
        else if (type == fs::file_type::directory) fsync_path(it->path(), true);
    }
    if (ec) fail("list", staging_, ec);
    fsync_path(staging_, true);

    const fs::path parent = parent_of(dest_);
    fs::path aside;
    if (exists_no_follow(dest_)) {
        if (!force_) throw InputError(dest_.string() + " exists; use --force to overwrite");
        aside = parent / (dest_.filename().string() + ".tmp-" + unique_suffix() + "-old");
        if (std::rename(dest_.c_str(), aside.c_str()) != 0) fail("move aside", dest_, errno);
    }
    if (rename_noreplace(staging_, dest_) != 0) {
        const int err = errno;
        if (!aside.empty()) std::rename(aside.c_str(), dest_.c_str());  // put the old one back
        if (err == EEXIST || err == ENOTEMPTY) throw InputError(dest_.string() + " exists; use --force to overwrite");
        fail("rename " + staging_.string() + " to", dest_, err);
    }
    committed_ = true;
    {
        std::lock_guard lock(g_live_mutex);
        live_staging().erase(staging_.string());
    }
    fsync_path(parent, true);
    if (!aside.empty()) fs::remove_all(aside, ec);  // best effort: the new folder is in place
}

void write_file_atomic(const fs::path& file, std::string_view contents) {
    if (!file.has_filename()) throw InputError("cannot write " + file.string() + ": not a file name");
    const fs::path parent = parent_of(file);
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) fail("create the folder", parent, ec);
    std::string tmp_name = ".";
    tmp_name += file.filename().string();
    tmp_name += ".tmp-";
    tmp_name += unique_suffix();
    const fs::path tmp = parent / tmp_name;
    try {
        write_all(tmp, contents, true);
        if (std::rename(tmp.c_str(), file.c_str()) != 0) fail("write", file, errno);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    fsync_path(parent, true);
}

AtomicFile::AtomicFile(fs::path file) : file_(std::move(file)) {
    if (!file_.has_filename()) throw InputError("cannot write " + file_.string() + ": not a file name");
    const fs::path parent = parent_of(file_);
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) fail("create the folder", parent, ec);
    std::string tmp_name = ".";  // built with += as in write_file_atomic (GCC 12 warns, falsely, on "." + string)
    tmp_name += file_.filename().string();
    tmp_name += ".tmp-";
    tmp_name += unique_suffix();
    tmp_ = parent / tmp_name;
    fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) fail("write", file_, errno);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (fd_ < 0) throw std::logic_error("AtomicFile::write after commit");
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write", file_, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFile::commit() {
    if (fd_ < 0) throw std::logic_error("AtomicFile::commit called twice");
    if (::fsync(fd_) != 0) fail("fsync", file_, errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("write", file_, errno);
    if (std::rename(tmp_.c_str(), file_.c_str()) != 0) fail("write", file_, errno);
    tmp_.clear();
    fsync_path(parent_of(file_), true);
}

void remove_stale_temporary_files(const fs::path& folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto at = name.rfind(".tmp-");
        if (name.empty() || name[0] != '.' || at == std::string::npos || !it->is_regular_file(ec)) continue;
        const std::string rest = name.substr(at + 5);
        const auto dash = rest.find('-');
        const std::string digits = rest.substr(0, dash);
        if (dash == std::string::npos || digits.empty() || digits.size() > 10 ||
            digits.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const long long pid = std::stoll(digits);
        const bool gone = pid != ::getpid() && (pid <= 0 || pid > 0x7fffffff ||
                                                (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH));
        if (gone) fs::remove(it->path(), ec);
    }
}

}  // namespace hhu
