// The one safe-write routine (driver/files.hpp): every case of its contract, on real files in a
// scratch directory.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver/files.hpp"
#include "support.hpp"

using namespace jx;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// A pid that no process has: a child that has exited and been reaped.
pid_t dead_pid() {
    pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
}

} // namespace

TEST_CASE("a target that is not a regular file is refused and left as it is", "[output]") {
    fs::path dir = test::fresh_dir("output-special");
    fs::path fifo = dir / "out.md";
    REQUIRE(::mkfifo(fifo.c_str(), 0666) == 0);
    driver::OutputWriter writer;
    std::string error;
    CHECK_FALSE(writer.write(fifo.string(), "x", error));
    CHECK(error == "cannot write " + fifo.string() +
                       ": it is a FIFO, not a regular file (jixiao replaces only regular files)");
    CHECK(fs::is_fifo(fs::symlink_status(fifo)));

    fs::create_directory(dir / "sub.md");
    CHECK_FALSE(writer.write((dir / "sub.md").string(), "x", error));
    CHECK(error.find("it is a directory, not a regular file") != std::string::npos);
    CHECK(fs::is_directory(dir / "sub.md"));

    // A socket, as a daemon's control socket would be.
    int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::string sock = (dir / "s.md").string();
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    CHECK_FALSE(writer.write(sock, "x", error));
    CHECK(error.find("it is a socket") != std::string::npos);
    CHECK(fs::is_socket(fs::symlink_status(sock)));
    ::close(s);

    // A device node (as /dev/null is): made here, since replacing the system's would be the bug.
    if (::geteuid() == 0) {
        fs::path dev = dir / "null";
        REQUIRE(::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
        CHECK_FALSE(writer.write(dev.string(), "x", error));
        CHECK(error.find("it is a character device, not a regular file") != std::string::npos);
        CHECK(fs::is_character_file(fs::symlink_status(dev)));
        // Through a symbolic link to it, too.
        fs::create_symlink("null", dir / "link-to-null");
        CHECK_FALSE(writer.write((dir / "link-to-null").string(), "x", error));
        CHECK(fs::is_character_file(fs::symlink_status(dev)));
    }
    // Nothing was left behind.
    for (const auto& name : entries(dir))
        CHECK(name.rfind(".jixiao-", 0) != 0);
    fs::remove_all(dir);
}

TEST_CASE("an input of the run is never overwritten, by name or through a planted link",
          "[output]") {
    fs::path dir = test::fresh_dir("output-inputs");
    fs::path spec = dir / "x.jx";
    test::write(spec.string(), "the spec");
    driver::OutputWriter writer;
    writer.protect(spec.string());
    std::string error;
    CHECK_FALSE(writer.write(spec.string(), "rendered", error));
    CHECK(error == "cannot write " + spec.string() + ": it is an input of this run");
    // A link planted under an output name, pointing at the input.
    fs::create_directory(dir / "out");
    fs::create_symlink("../x.jx", dir / "out" / "x.md");
    CHECK_FALSE(writer.write((dir / "out" / "x.md").string(), "rendered", error));
    CHECK(error == "cannot write " + (dir / "out" / "x.md").string() + ": it is " + spec.string() +
                       ", an input of this run");
    // And a hard link to it.
    fs::create_hard_link(spec, dir / "out" / "y.md");
    CHECK_FALSE(writer.write((dir / "out" / "y.md").string(), "rendered", error));
    CHECK(test::read(spec.string()) == "the spec");
    // Other outputs are written.
    CHECK(writer.write((dir / "out" / "z.md").string(), "rendered", error));
    fs::remove_all(dir);
}

TEST_CASE("a replaced file keeps its mode, owner and group, a new one follows the umask",
          "[output]") {
    fs::path dir = test::fresh_dir("output-mode");
    fs::path f = dir / "a.xlsx";
    test::write(f.string(), "old");
    REQUIRE(::chmod(f.c_str(), 0600) == 0);
    bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown(f.c_str(), 1234, 4321) == 0);
    driver::OutputWriter writer;
    std::string error;
    // Through the path-taking writer (as xlsx is written) and the plain one.
    REQUIRE(writer.write_with(
        f.string(),
        [](const std::string& path, std::string&) {
            std::ofstream(path) << "new";
            return true;
        },
        error));
    struct stat st {};
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    if (root) {
        CHECK(st.st_uid == 1234);
        CHECK(st.st_gid == 4321);
    }
    REQUIRE(writer.write(f.string(), "newer", error));
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    if (root) CHECK(st.st_uid == 1234);
    CHECK(test::read(f.string()) == "newer");

    mode_t old_mask = ::umask(027);
    bool written = writer.write((dir / "new.md").string(), "x", error);
    ::umask(old_mask);
    REQUIRE(written);
    REQUIRE(::stat((dir / "new.md").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(entries(dir) == std::vector<std::string>{"a.xlsx", "new.md"});
    fs::remove_all(dir);
}

TEST_CASE("a file with several hard links is rewritten in place, the links kept", "[output]") {
    fs::path dir = test::fresh_dir("output-hardlinks");
    test::write((dir / "a.jx").string(), "old");
    fs::create_hard_link(dir / "a.jx", dir / "b.jx");
    std::string error;
    REQUIRE(driver::write_atomically((dir / "a.jx").string(), "new contents", error));
    CHECK(test::read((dir / "b.jx").string()) == "new contents");
    CHECK(fs::hard_link_count(dir / "a.jx") == 2);
    // Shorter contents leave nothing of the old behind.
    REQUIRE(driver::write_atomically((dir / "b.jx").string(), "x", error));
    CHECK(test::read((dir / "a.jx").string()) == "x");
    CHECK(entries(dir) == std::vector<std::string>{"a.jx", "b.jx"});
    fs::remove_all(dir);
}

TEST_CASE("the temporary file has a short name: a 250-byte file name works", "[output]") {
    fs::path dir = test::fresh_dir("output-long-name");
    // 250 bytes: 82 three-byte characters and ".md" (NAME_MAX is 255).
    std::string name;
    for (int i = 0; i < 82; ++i)
        name += "表";
    name += "x.md";
    REQUIRE(name.size() == 250);
    std::string error;
    REQUIRE(driver::write_atomically((dir / name).string(), "x", error));
    CHECK(test::read((dir / name).string()) == "x");
    REQUIRE(driver::write_atomically((dir / name).string(), "y", error)); // replacing it too
    CHECK(test::read((dir / name).string()) == "y");
    fs::remove_all(dir);
}

TEST_CASE("a path-taking writer writes inside a directory only this run can use", "[output]") {
    fs::path dir = test::fresh_dir("output-private");
    driver::OutputWriter writer;
    std::string error, seen;
    REQUIRE(writer.write_with((dir / "t.xlsx").string(),
                              [&](const std::string& path, std::string&) {
                                  struct stat st {};
                                  ::stat(fs::path(path).parent_path().c_str(), &st);
                                  seen = fmt::format("{:o} {}", st.st_mode & 07777,
                                                     st.st_uid == ::geteuid());
                                  std::ofstream(path) << "book";
                                  return true;
                              },
                              error));
    CHECK(seen == "700 true");
    // A producer's failure names the target, not the temporary path, and leaves nothing.
    CHECK_FALSE(writer.write_with((dir / "u.xlsx").string(),
                                  [&](const std::string& path, std::string& why) {
                                      why = "cannot write " + path + ": cell A1 is too long";
                                      return false;
                                  },
                                  error));
    CHECK(error == "cannot write " + (dir / "u.xlsx").string() + ": cell A1 is too long");
    CHECK(entries(dir) == std::vector<std::string>{"t.xlsx"});
    fs::remove_all(dir);
}

TEST_CASE("the temporary files of a killed run are removed by the next run there", "[output]") {
    fs::path dir = test::fresh_dir("output-stale");
    pid_t gone = dead_pid();
    std::string stale_file = fmt::format(".jixiao-{}-a1B2c3", gone);
    std::string stale_dir = fmt::format(".jixiao-{}-Zz9yY8", gone);
    std::string alive = fmt::format(".jixiao-{}-abcdef", 1); // init never goes away
    std::string unrelated = ".jixiao-notes";
    test::write((dir / stale_file).string(), "half a file");
    fs::create_directory(dir / stale_dir);
    test::write((dir / stale_dir / "w").string(), "half a workbook");
    test::write((dir / alive).string(), "still being written");
    test::write((dir / unrelated).string(), "someone's");
    std::string error;
    REQUIRE(driver::write_atomically((dir / "out.md").string(), "x", error));
    CHECK(entries(dir) == std::vector<std::string>{alive, unrelated, "out.md"});
    fs::remove_all(dir);
}

TEST_CASE("a symbolic link target is written through, a dangling one refused", "[output]") {
    fs::path dir = test::fresh_dir("output-links");
    fs::create_directories(dir / "real");
    test::write((dir / "real" / "a.jx").string(), "old");
    fs::create_symlink("real/a.jx", dir / "a.jx");
    std::string error;
    REQUIRE(driver::write_atomically((dir / "a.jx").string(), "new", error));
    CHECK(fs::is_symlink(fs::symlink_status(dir / "a.jx")));
    CHECK(test::read((dir / "real" / "a.jx").string()) == "new");
    fs::create_symlink("real/missing.jx", dir / "dangling.jx");
    CHECK_FALSE(driver::write_atomically((dir / "dangling.jx").string(), "x", error));
    CHECK(error == "cannot write " + (dir / "dangling.jx").string() +
                       ": it is a symbolic link to a missing file");
    CHECK_FALSE(fs::exists(dir / "real" / "missing.jx"));
    fs::remove_all(dir);
}
