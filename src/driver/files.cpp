#include "driver/files.hpp"

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "base/i18n.hpp"
#include <fmt/format.h>

namespace jx::driver {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view temp_prefix = ".jixiao-";

// The mode a newly created file gets: 0666 less the umask, read from /proc so that no other thread
// sees the umask changed (umask() can only be read by setting it).
mode_t new_file_mode() {
    mode_t mask = 022;
    if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f))
            if (std::strncmp(line, "Umask:", 6) == 0) {
                mask = static_cast<mode_t>(std::strtoul(line + 6, nullptr, 8));
                break;
            }
        std::fclose(f);
    }
    return 0666 & ~mask;
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return tr("a directory");
    if (S_ISCHR(mode)) return tr("a character device");
    if (S_ISBLK(mode)) return tr("a block device");
    if (S_ISFIFO(mode)) return tr("a FIFO");
    if (S_ISSOCK(mode)) return tr("a socket");
    return tr("not a regular file");
}

std::string directory_of(const std::string& target) {
    fs::path p(target);
    return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

// `dir/.jixiao-<pid>-XXXXXX`: short, so that any legal target name works beside it.
std::string temp_template(const std::string& dir) {
    return fmt::format("{}/{}{}-XXXXXX", dir, temp_prefix, ::getpid());
}

// The pid in a temporary file's name, or 0 when the name is not one of ours.
pid_t temp_owner(std::string_view name) {
    if (name.substr(0, temp_prefix.size()) != temp_prefix) return 0;
    name.remove_prefix(temp_prefix.size());
    std::size_t dash = name.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 9 || name.size() != dash + 7)
        return 0;
    pid_t pid = 0;
    for (char c : name.substr(0, dash)) {
        if (c < '0' || c > '9') return 0;
        pid = pid * 10 + (c - '0');
    }
    for (char c : name.substr(dash + 1))
        if (!std::isalnum(static_cast<unsigned char>(c))) return 0;
    return pid;
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool read_all(int fd, std::string& out) {
    out.clear();
    char buffer[65536];
    for (off_t at = 0;;) {
        ssize_t n = ::pread(fd, buffer, sizeof buffer, at);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) return true;
        out.append(buffer, static_cast<std::size_t>(n));
        at += n;
    }
}

void sync_directory(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd); // some file systems cannot sync a directory; the rename stands regardless
    ::close(fd);
}

} // namespace

void OutputWriter::protect(const std::string& input_path) {
    struct stat st {};
    if (::stat(input_path.c_str(), &st) == 0)
        inputs_.emplace(std::pair{st.st_dev, st.st_ino}, input_path);
}

void OutputWriter::remove_stale_temporaries(const std::string& dir) {
    if (!cleaned_.insert(dir).second) return;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> stale;
    while (dirent* e = ::readdir(d)) {
        pid_t pid = temp_owner(e->d_name);
        if (pid <= 0 || pid == ::getpid()) continue;
        // A process that exists, or one of another user's (EPERM), may still be writing.
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
        stale.emplace_back(e->d_name);
    }
    ::closedir(d);
    for (const auto& name : stale) {
        std::error_code ec;
        fs::remove_all(fs::path(dir) / name, ec); // a link is removed, never followed
    }
}

bool OutputWriter::prepare(const std::string& path, std::string& target, std::string& error) {
    std::error_code ec;
    target = path;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        target = fs::canonical(path, ec).string();
        if (ec) {
            error = trf("cannot write {}: it is a symbolic link to a missing file", path);
            return false;
        }
    }
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            error = trf("cannot write {}: it is {}, not a regular file (jixiao replaces "
                        "only regular files)",
                        path, kind_of(st.st_mode));
            return false;
        }
        if (auto it = inputs_.find({st.st_dev, st.st_ino}); it != inputs_.end()) {
            error = it->second == path
                        ? trf("cannot write {}: it is an input of this run", path)
                        : trf("cannot write {}: it is {}, an input of this run", path, it->second);
            return false;
        }
    } else if (errno != ENOENT) {
        error = trf("cannot write {}: {}", path, std::strerror(errno));
        return false;
    }
    remove_stale_temporaries(directory_of(target));
    return true;
}

bool OutputWriter::finish(const std::string& path, const std::string& target, int fd,
                          const std::string& tmp, const std::string_view* contents,
                          std::string& error) {
    auto fail = [&](const char* what) {
        error = fmt::format("{} {}: {}", what, path, std::strerror(errno));
        ::close(fd);
        ::unlink(tmp.c_str());
        return false;
    };
    struct stat st {};
    bool exists = ::lstat(target.c_str(), &st) == 0;
    if (exists) {
        // Owner and group first: chown clears the set-id bits that fchmod then restores.
        if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) &&
            ::fchown(fd, st.st_uid, st.st_gid) != 0)
            (void)!::fchown(fd, static_cast<uid_t>(-1), st.st_gid); // the group, if permitted
        ::fchmod(fd, st.st_mode & 07777);
    } else {
        ::fchmod(fd, new_file_mode());
    }
    if (::fsync(fd) != 0) return fail(tr("cannot write"));
    if (exists && st.st_nlink > 1) {
        // Several names share the file: rewrite it in place, from the copy now safe on disk.
        // The contents: as given, or read back from the file a path-taking writer made.
        std::string copy;
        if (!contents && !read_all(fd, copy)) return fail(tr("cannot write"));
        std::string_view data = contents ? *contents : std::string_view(copy);
        int out = ::open(target.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
        if (out < 0) return fail(tr("cannot write"));
        bool ok = write_all(out, data) && ::ftruncate(out, static_cast<off_t>(data.size())) == 0 &&
                  ::fsync(out) == 0;
        int saved = errno;
        ::close(out);
        errno = saved;
        if (!ok) return fail(tr("cannot write"));
        ::close(fd);
        ::unlink(tmp.c_str());
        return true;
    }
    if (::close(fd) != 0) {
        error = trf("cannot write {}: {}", path, std::strerror(errno));
        ::unlink(tmp.c_str());
        return false;
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        error = trf("cannot replace {}: {}", path, std::strerror(errno));
        ::unlink(tmp.c_str());
        return false;
    }
    sync_directory(directory_of(target));
    return true;
}

bool OutputWriter::write(const std::string& path, std::string_view contents, std::string& error) {
    std::string target;
    if (!prepare(path, target, error)) return false;
    std::string tmp = temp_template(directory_of(target));
    int fd = ::mkostemp(tmp.data(), O_CLOEXEC); // O_EXCL: never an existing file or link
    if (fd < 0) {
        error = trf("cannot write {}: {}", path, std::strerror(errno));
        return false;
    }
    if (!write_all(fd, contents)) {
        error = trf("cannot write {}: {}", path, std::strerror(errno));
        ::close(fd);
        ::unlink(tmp.c_str());
        return false;
    }
    return finish(path, target, fd, tmp, &contents, error);
}

bool OutputWriter::write_with(const std::string& path, const Producer& produce,
                              std::string& error) {
    std::string target;
    if (!prepare(path, target, error)) return false;
    std::string dir = temp_template(directory_of(target));
    if (!::mkdtemp(dir.data())) { // 0700: no one else can plant anything inside
        error = trf("cannot write {}: {}", path, std::strerror(errno));
        return false;
    }
    std::string tmp = dir + "/w";
    auto cleanup = [&] {
        std::error_code ec;
        fs::remove_all(dir, ec);
    };
    if (!produce(tmp, error)) {
        for (auto at = error.find(tmp); at != std::string::npos; at = error.find(tmp, at))
            error.replace(at, tmp.size(), path);
        cleanup();
        return false;
    }
    int fd = ::open(tmp.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        error = trf("cannot write {}: {}", path, std::strerror(errno));
        cleanup();
        return false;
    }
    bool ok = finish(path, target, fd, tmp, nullptr, error);
    cleanup();
    return ok;
}

bool write_atomically(const std::string& path, std::string_view contents, std::string& error) {
    OutputWriter writer;
    return writer.write(path, contents, error);
}

} // namespace jx::driver
