#include "driver/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace jx::driver {

namespace {

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

} // namespace

bool write_target(const std::string& path, std::string& target, std::string& error) {
    namespace fs = std::filesystem;
    // A symbolic link is written through: the file it points at gets the contents and the link
    // stays a link (renaming over the link itself would replace it with a copy).
    std::error_code ec;
    target = path;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return true;
    target = fs::canonical(path, ec).string();
    if (ec) {
        error = fmt::format("cannot write {}: it is a symbolic link to a missing file", path);
        return false;
    }
    return true;
}

bool write_atomically(const std::string& path, const std::string& contents, std::string& error) {
    namespace fs = std::filesystem;
    std::string resolved;
    if (!write_target(path, resolved, error)) return false;
    fs::path target(resolved);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmp = (dir / ("." + target.filename().string() + ".jixiao-XXXXXX")).string();
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
        return false;
    }
    // Keep the permissions of the file being replaced; a new file gets what the umask allows
    // (mkstemp creates it 0600).
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0)
        ::fchmod(fd, st.st_mode & 07777);
    else
        ::fchmod(fd, new_file_mode());
    const char* p = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
        ::unlink(tmp.c_str());
        return false;
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        error = fmt::format("cannot replace {}: {}", path, std::strerror(errno));
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

} // namespace jx::driver
