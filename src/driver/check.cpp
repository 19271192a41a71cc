#include "driver/check.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <exception>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "driver/analysis.hpp"

namespace jx::driver {
namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& contents, std::string& error,
               bool listed_regular) {
    auto fail = [&](std::string message) {
        error = std::move(message);
        return false;
    };
    auto failed_read = [&] { return fail(trf("cannot read {}: {}", path, std::strerror(errno))); };
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below by its type.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return failed_read();
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    // The type and size, from fstat: for every path given by name, and for a listed file that
    // turns out large. (A file the directory listing showed as regular skips the call: checking
    // is mostly system calls, a quarter of them fstat.)
    auto check_type = [&]() -> bool {
        struct stat st {};
        if (::fstat(fd, &st) != 0) return failed_read();
        if (S_ISDIR(st.st_mode)) return fail(trf("{} is a directory", path));
        if (!S_ISREG(st.st_mode))
            // A FIFO or a device would block or never end: only regular files are read.
            return fail(
                trf("{} is not a regular file (a FIFO, socket or device); give a .jx file", path));
        if (static_cast<std::uint64_t>(st.st_size) > max_read_bytes)
            // Not even read: a 10 GB file given by mistake must not exhaust memory.
            return fail(trf("{} is {} bytes, more than jixiao reads ({} bytes)", path, st.st_size,
                            max_read_bytes));
        contents.reserve(static_cast<std::size_t>(st.st_size) + 1);
        return true;
    };
    auto read_some = [&](char* to, std::size_t size) {
        ssize_t n;
        do
            n = ::read(fd, to, size);
        while (n < 0 && errno == EINTR);
        return n;
    };
    if (!listed_regular && !check_type()) return false;
    // One read into a reused buffer takes a whole spec; a short read of a regular file is its end.
    thread_local std::vector<char> buffer(64 * 1024);
    ssize_t n = read_some(buffer.data(), buffer.size());
    if (n < 0) return failed_read();
    if (static_cast<std::size_t>(n) < buffer.size()) {
        contents.assign(buffer.data(), static_cast<std::size_t>(n));
        return true;
    }
    // A large file: read on to its end.
    if (listed_regular && !check_type()) return false;
    contents.assign(buffer.data(), buffer.size());
    for (;;) {
        std::size_t used = contents.size();
        if (used > max_read_bytes)
            return fail(trf("{} is over {} bytes, more than jixiao reads", path, max_read_bytes));
        contents.resize(std::max(contents.capacity(), used + buffer.size()));
        n = read_some(contents.data() + used, contents.size() - used);
        if (n < 0) return failed_read();
        contents.resize(used + static_cast<std::size_t>(n));
        if (n == 0) return true;
    }
}

namespace {

std::unique_ptr<FileReport> io_problem(const std::string& path, std::string message) {
    auto r = std::make_unique<FileReport>();
    r->path = path;
    r->io_error = true;
    r->diagnostics.push_back(make_error("io-error", std::move(message)));
    return r;
}

} // namespace

struct FileWalk::Level {
    struct Entry {
        std::string name;
        bool descend; // a directory (not a symbolic link to one: that could loop)
        bool regular; // a regular file, as the listing tells without a system call
    };
    std::string dir;
    std::vector<Entry> entries;
    std::size_t index = 0;
};

FileWalk::FileWalk(std::vector<std::string> paths, std::vector<std::string> extensions)
    : roots_(std::move(paths)), extensions_(std::move(extensions)) {}
FileWalk::~FileWalk() = default;

bool FileWalk::next(Item& item) {
    item.path.clear();
    item.problem.reset();
    item.listed_regular = false;
    auto wanted = [&](const std::string& extension) {
        for (const auto& e : extensions_)
            if (e.size() == extension.size() &&
                std::equal(e.begin(), e.end(), extension.begin(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) ==
                           std::tolower(static_cast<unsigned char>(b));
                }))
                return true;
        return false;
    };
    // Lists a directory, sorted as its full paths would sort ("a/b/…" after "a/b-x.jx").
    auto enter = [&](const std::string& dir) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        Level level;
        level.dir = dir;
        for (; !ec && it != end; it.increment(ec)) {
            bool descend = it->is_directory(ec) && !it->is_symlink(ec);
            bool regular = !descend && it->is_regular_file(ec);
            std::string name = it->path().filename().string();
            if (descend || wanted(it->path().extension().string()))
                level.entries.push_back({std::move(name), descend, regular});
        }
        if (ec) {
            item.problem = io_problem(dir, trf("cannot read directory {}: {}", dir, ec.message()));
            return false;
        }
        // As `name + '/'` for a directory would compare, without building the string.
        auto before = [](const Level::Entry& a, const Level::Entry& b) {
            std::string_view x = a.name, y = b.name;
            std::size_t n = std::min(x.size(), y.size());
            if (int c = x.substr(0, n).compare(y.substr(0, n)); c != 0) return c < 0;
            auto at = [&](const Level::Entry& e, std::size_t k) -> int {
                if (k < e.name.size()) return static_cast<unsigned char>(e.name[k]);
                if (k == e.name.size() && e.descend) return '/';
                return -1; // the end
            };
            return at(a, n) < at(b, n) || (at(a, n) == at(b, n) && at(a, n + 1) < at(b, n + 1));
        };
        std::sort(level.entries.begin(), level.entries.end(), before);
        levels_.push_back(std::move(level));
        return true;
    };
    for (;;) {
        if (levels_.empty()) {
            if (next_root_ >= roots_.size()) return false;
            const std::string& p = roots_[next_root_++];
            std::error_code ec;
            auto status = fs::status(p, ec);
            if (ec || !fs::exists(status)) {
                item.problem = io_problem(p, trf("{}: no such file or directory", p));
                return true;
            }
            if (!fs::is_directory(status)) {
                item.path = p;
                return true;
            }
            if (!enter(p)) return true;
            continue;
        }
        Level& level = levels_.back();
        if (level.index == level.entries.size()) {
            levels_.pop_back();
            continue;
        }
        const Level::Entry& e = level.entries[level.index++];
        std::string path = (fs::path(level.dir) / e.name).string();
        if (!e.descend) {
            item.path = std::move(path);
            item.listed_regular = e.regular;
            return true;
        }
        if (!enter(path)) return true;
    }
}

std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<FileReport>& problems,
                                  const std::vector<std::string>& extensions) {
    std::vector<std::string> files;
    FileWalk walk(paths, extensions);
    FileWalk::Item item;
    while (walk.next(item)) {
        if (item.problem)
            problems.push_back(std::move(*item.problem));
        else
            files.push_back(std::move(item.path));
    }
    return files;
}

FileReport check_source(std::unique_ptr<SourceFile> source, const scoring::Policy& policy,
                        bool keep_analysis) {
    FileReport report;
    report.path = source->name();
    auto kept = std::make_shared<Analysis>(
        analyse(std::move(source), policy, {},
                keep_analysis ? model::Purpose::display : model::Purpose::check));
    Analysis& a = *kept;
    report.diagnostics = std::move(a.diagnostics);
    report.projects = a.projects.size();
    report.indicators = a.indicators;
    report.disclosures = std::move(a.disclosures);
    report.tally = a.tally;
    report.source = std::move(a.source);
    if (keep_analysis) report.analysis = std::move(kept);
    return report;
}

Diagnostic internal_error(const std::string& path, const std::exception& e) {
    return make_error(
        "internal-error",
        trf("{}: jixiao could not check this file ({}); please report it", path, e.what()));
}

FileReport check_file(const std::string& path, const scoring::Policy& policy, bool listed_regular,
                      bool keep_analysis) {
    std::string contents, error;
    if (!read_file(path, contents, error, listed_regular)) {
        FileReport r;
        r.path = path;
        r.io_error = true;
        r.diagnostics.push_back(make_error("io-error", error));
        return r;
    }
    // The run goes on whatever one file does: anything that escapes the checks is reported
    // against that file (and is a bug to fix), never let out of a worker thread.
    try {
        return check_source(std::make_unique<SourceFile>(path, std::move(contents)), policy,
                            keep_analysis);
    } catch (const std::exception& e) {
        FileReport r;
        r.path = path;
        r.diagnostics.push_back(internal_error(path, e));
        return r;
    }
}

namespace {

// A disclosure's claims are checked against the project tables of its directory and of every
// directory below it. The walk gives files in sorted path order, so that all the files under a
// directory come together: directories open as the walk enters them and close when it leaves,
// their tally passed up to the directory above. Only a disclosure's report waits for its
// directory to close; every other report goes on at once, so memory stays flat.
class DisclosureGate {
public:
    DisclosureGate(const scoring::Policy& policy, const std::function<void(FileReport&)>& sink,
                   const std::function<void(FileReport&)>& prepare)
        : policy_(policy), sink_(sink), prepare_(prepare) {}

    void pass(std::unique_ptr<FileReport> r) {
        std::string dir = parent_of(r->path);
        while (!open_.empty() && !inside(dir, open_.back().dir))
            close();
        // Open the directories between the innermost one open and this one.
        std::vector<std::string> entering;
        for (std::string d = dir; open_.empty() || d != open_.back().dir; d = parent_of(d)) {
            entering.push_back(d);
            if (d.empty() || d == "/" || d == ".") break;
        }
        for (auto it = entering.rbegin(); it != entering.rend(); ++it)
            if (open_.empty() || open_.back().dir != *it) open_.push_back({*it, {}, {}});
        open_.back().tally.add(r->tally);
        if (r->disclosures.empty())
            sink_(*r);
        else
            open_.back().held.push_back(std::move(r));
    }

    void finish() {
        while (!open_.empty())
            close();
    }

private:
    struct Directory {
        std::string dir;
        scoring::TableTally tally;
        std::vector<std::unique_ptr<FileReport>> held;
    };

    static std::string parent_of(const std::string& path) {
        auto slash = path.find_last_of('/');
        if (slash == std::string::npos) return ".";
        return slash == 0 ? "/" : path.substr(0, slash);
    }
    static bool inside(const std::string& dir, const std::string& outer) {
        if (dir == outer) return true;
        if (outer == "/") return dir.front() == '/';
        return dir.size() > outer.size() && dir.compare(0, outer.size(), outer) == 0 &&
               dir[outer.size()] == '/';
    }

    void close() {
        Directory d = std::move(open_.back());
        open_.pop_back();
        std::size_t disclosures = 0;
        for (const auto& r : d.held)
            disclosures += r->disclosures.size();
        for (auto& r : d.held) {
            for (const auto& disclosure : r->disclosures) {
                auto found =
                    disclosures == 1
                        ? scoring::check_claims_against(disclosure, d.tally, policy_)
                        : std::vector<Diagnostic>{shared_directory(disclosure, disclosures)};
                for (auto& f : found)
                    if (!merged_with_conflict(f, r->diagnostics))
                        r->diagnostics.push_back(std::move(f));
            }
            if (prepare_) {
                r->output.clear();
                prepare_(*r);
            }
            sink_(*r);
        }
        if (!open_.empty()) open_.back().tally.add(d.tally);
    }

    // A claim wrong against the tables that is already wrong against another claim
    // (claim-conflict on the same figure): one finding, with both notes.
    static bool merged_with_conflict(Diagnostic& f, std::vector<Diagnostic>& held) {
        if (f.code != "claim-not-in-tables" || f.labels.empty()) return false;
        for (auto& c : held) {
            if (c.code != "claim-conflict") continue;
            bool same = std::any_of(c.labels.begin(), c.labels.end(), [&](const Label& l) {
                return l.span.begin == f.labels.front().span.begin;
            });
            if (!same) continue;
            c.note(trf("against the tables: {}", f.message));
            for (auto& n : f.notes)
                c.note(std::move(n));
            return true;
        }
        return false;
    }

    // Several disclosures in one directory: whose tables are whose is unknown.
    static Diagnostic shared_directory(const model::Disclosure& d, std::size_t disclosures) {
        Diagnostic f =
            make_note("claim-unverifiable",
                      trf("the claims are not checked against tables: {} disclosures share this "
                          "directory, and a disclosure's tables are those of its directory (import "
                          "each disclosure into a directory of its own)",
                          disclosures));
        f.label(d.name_span);
        f.subject.project = d.name;
        return f;
    }

    const scoring::Policy& policy_;
    const std::function<void(FileReport&)>& sink_;
    const std::function<void(FileReport&)>& prepare_;
    std::vector<Directory> open_; // outermost first
};

} // namespace

void check_files(FileWalk& walk, const scoring::Policy& policy, unsigned jobs,
                 const std::function<void(FileReport&)>& sink_in_order,
                 const std::function<void(FileReport&)>& prepare, bool keep_analysis) {
    DisclosureGate gate(policy, sink_in_order, prepare);
    check_files_each(
        walk, policy, jobs, [&](std::unique_ptr<FileReport> r) { gate.pass(std::move(r)); },
        prepare, keep_analysis);
    gate.finish();
}

void check_files_each(FileWalk& walk, const scoring::Policy& policy, unsigned jobs,
                      const std::function<void(std::unique_ptr<FileReport>)>& sink,
                      const std::function<void(FileReport&)>& prepare, bool keep_analysis) {
    jobs = std::max(1u, jobs);
    auto checked = [&](FileWalk::Item& item) {
        auto r = item.problem ? std::move(item.problem)
                              : std::make_unique<FileReport>(check_file(
                                    item.path, policy, item.listed_regular, keep_analysis));
        if (prepare) prepare(*r);
        return r;
    };
    if (jobs == 1) {
        FileWalk::Item item;
        while (walk.next(item))
            sink(checked(item));
        return;
    }
    // Workers take items in batches (one lock per batch, not per file); finished reports wait in
    // `pending` until their turn comes, within a bounded window so that a slow file cannot make
    // memory grow with the corpus. Threads are woken only when they can go on: the calling
    // thread when the report at the front is done, workers when the window has room again.
    // (On a virtual machine every wake-up is a costly system call.)
    const std::size_t batch = 64; // measured: 16 gave 1.72x from 1 to 2 jobs, 64 gave 1.84x
    const std::size_t window = static_cast<std::size_t>(jobs) * batch * 4;
    std::mutex m;
    std::condition_variable front_ready, room;
    std::deque<std::unique_ptr<FileReport>> pending; // pending[i] is item number emitted + i
    std::size_t taken = 0, emitted = 0, workers_waiting = 0;
    bool exhausted = false, sink_waiting = false;
    auto worker = [&] {
        std::vector<FileWalk::Item> items;
        std::vector<std::unique_ptr<FileReport>> results;
        for (;;) {
            std::size_t first;
            bool wake_sink = false;
            items.clear();
            {
                std::unique_lock lock(m);
                while (!exhausted && taken >= emitted + window) {
                    ++workers_waiting;
                    room.wait(lock);
                    --workers_waiting;
                }
                if (exhausted) return;
                first = taken;
                while (items.size() < batch) {
                    FileWalk::Item item;
                    if (!walk.next(item)) {
                        exhausted = true;
                        wake_sink = sink_waiting; // it may be waiting for the end
                        break;
                    }
                    items.push_back(std::move(item));
                }
                taken += items.size();
                pending.resize(taken - emitted);
            }
            if (wake_sink) front_ready.notify_one();
            results.clear();
            for (auto& item : items)
                results.push_back(checked(item));
            {
                std::lock_guard lock(m);
                for (std::size_t i = 0; i < results.size(); ++i)
                    pending[first + i - emitted] = std::move(results[i]);
                wake_sink = sink_waiting && first == emitted;
            }
            if (wake_sink) front_ready.notify_one();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t)
        threads.emplace_back(worker);
    std::vector<std::unique_ptr<FileReport>> ready;
    for (;;) {
        bool wake_workers = false;
        ready.clear();
        {
            std::unique_lock lock(m);
            while (pending.empty() || !pending.front()) {
                if (exhausted && emitted == taken) break;
                sink_waiting = true;
                front_ready.wait(lock);
                sink_waiting = false;
            }
            // Every report done in a row at the front goes out under one lock.
            while (!pending.empty() && pending.front()) {
                ready.push_back(std::move(pending.front()));
                pending.pop_front();
                ++emitted;
            }
            wake_workers = workers_waiting > 0 && !ready.empty();
        }
        if (ready.empty()) break;
        if (wake_workers) room.notify_all();
        for (auto& r : ready)
            sink(std::move(r));
    }
    for (auto& t : threads)
        t.join();
}

} // namespace jx::driver
