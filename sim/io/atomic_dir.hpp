#pragma once
// Writing output so that a reader (or a later run) never sees half of it: a run directory is built
// in a staging folder next to its destination and renamed into place in one step; single files
// are written to a temporary file and renamed over the old one.
#include <filesystem>
#include <string>
#include <string_view>

namespace hhu {

// Builds a directory DEST atomically. The constructor creates DEST.tmp-<pid>-<n> next to DEST
// (creating DEST's parent folders if needed) and removes stale staging folders DEST.tmp-<pid>-*
// left by interrupted earlier runs whose process no longer exists. Files go into the staging folder
// (through write_file, or directly under staging()); commit() fsyncs them all and renames the
// staging folder to DEST. Without commit, the destructor removes the staging folder.
class AtomicDir {
public:
    // Throws InputError if `dest` exists and !force ("DEST exists; use --force to overwrite"), if
    // it exists and is not a folder (force replaces folders only), or if the staging folder cannot
    // be created.
    AtomicDir(std::filesystem::path dest, bool force);
    AtomicDir(const AtomicDir&) = delete;
    AtomicDir& operator=(const AtomicDir&) = delete;
    ~AtomicDir();

    const std::filesystem::path& destination() const { return dest_; }
    std::filesystem::path staging() const { return staging_; }
    bool committed() const { return committed_; }

    // Writes `contents` to staging()/relative, creating sub-folders. `relative` must be a relative
    // path without ".." (std::invalid_argument otherwise). Throws InputError if writing fails.
    void write_file(const std::string& relative, std::string_view contents);

    // fsyncs everything in the staging folder and renames it to DEST. If DEST exists (it appeared
    // after construction, or force was given): with force the old DEST is renamed aside, the staging
    // folder renamed to DEST, then the old one removed; without force, InputError. Call once.
    void commit();

private:
    std::filesystem::path dest_;
    std::filesystem::path staging_;
    bool force_;
    bool committed_ = false;
};

// Writes `file` atomically: a temporary file next to it, fsync, rename over `file`, fsync of the
// folder. Creates the parent folders if needed. Throws InputError on failure.
void write_file_atomic(const std::filesystem::path& file, std::string_view contents);

// Removes the temporary files (.NAME.tmp-<pid>-<n>) that write_file_atomic and AtomicFile left in
// `folder` when their process was killed (its pid no longer exists); others are left alone.
void remove_stale_temporary_files(const std::filesystem::path& folder);

// Writes one file atomically in pieces (a table too large to hold in memory): the pieces go to a
// temporary file next to FILE; commit() fsyncs it and renames it over FILE. Without commit, the
// destructor removes the temporary file, so FILE is either the old one or the whole new one.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path file);  // creates the parent folders; InputError on failure
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();
    void write(std::string_view bytes);
    void commit();

private:
    std::filesystem::path file_, tmp_;
    int fd_ = -1;
};

}  // namespace hhu
