#include "driver/check.hpp"

#include <algorithm>
#include <atomic>
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

#include <fmt/format.h>

#include "model/project.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {
namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& contents, std::string& error) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below by its type.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error = fmt::format("cannot read {}: {}", path, std::strerror(errno));
        return false;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        error = fmt::format("cannot read {}: {}", path, std::strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = fmt::format("{} is a directory", path);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        // A FIFO or a device would block or never end: only regular files are read.
        error = fmt::format("{} is not a regular file (a FIFO, socket or device); give a .jx file",
                            path);
        return false;
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_read_bytes) {
        // Not even read: a 10 GB file given by mistake must not exhaust memory.
        error = fmt::format("{} is {} bytes, more than jixiao reads ({} bytes)", path, st.st_size,
                            max_read_bytes);
        return false;
    }
    // One read of the size fstat gives (and a byte more, to see the end without another call),
    // then on until end of file if the file has grown.
    contents.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t used = 0;
    for (;;) {
        if (used == contents.size()) contents.resize(contents.size() * 2);
        ssize_t n = ::read(fd, contents.data() + used, contents.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = fmt::format("cannot read {}: {}", path, std::strerror(errno));
            return false;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
        if (used < contents.size()) break; // a short read of a regular file is its end
    }
    contents.resize(used);
    return true;
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
    };
    std::string dir;
    std::vector<Entry> entries;
    std::size_t index = 0;
};

FileWalk::FileWalk(std::vector<std::string> paths) : roots_(std::move(paths)) {}
FileWalk::~FileWalk() = default;

bool FileWalk::next(Item& item) {
    item.path.clear();
    item.problem.reset();
    // Lists a directory, sorted as its full paths would sort ("a/b/…" after "a/b-x.jx").
    auto enter = [&](const std::string& dir) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        Level level;
        level.dir = dir;
        for (; !ec && it != end; it.increment(ec)) {
            bool descend = it->is_directory(ec) && !it->is_symlink(ec);
            std::string name = it->path().filename().string();
            if (descend || it->path().extension() == ".jx")
                level.entries.push_back({std::move(name), descend});
        }
        if (ec) {
            item.problem =
                io_problem(dir, fmt::format("cannot read directory {}: {}", dir, ec.message()));
            return false;
        }
        auto key = [](const Level::Entry& e) { return e.descend ? e.name + '/' : e.name; };
        std::sort(level.entries.begin(), level.entries.end(),
                  [&](const auto& a, const auto& b) { return key(a) < key(b); });
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
                item.problem = io_problem(p, fmt::format("{}: no such file or directory", p));
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
            return true;
        }
        if (!enter(path)) return true;
    }
}

std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<FileReport>& problems) {
    std::vector<std::string> files;
    FileWalk walk(paths);
    FileWalk::Item item;
    while (walk.next(item)) {
        if (item.problem)
            problems.push_back(std::move(*item.problem));
        else
            files.push_back(std::move(item.path));
    }
    return files;
}

FileReport check_source(std::unique_ptr<SourceFile> source, const scoring::Policy& policy) {
    FileReport report;
    report.path = source->name();
    auto parsed = syntax::parse(*source);
    report.diagnostics = std::move(parsed.diagnostics);
    for (const auto& p : parsed.file.projects) {
        ++report.projects;
        std::vector<Diagnostic> model_errors;
        model::Project m = model::lower(p, model_errors);
        for (auto& d : model_errors)
            d.subject.project = p.name.text;
        auto result = scoring::evaluate(m, policy);
        report.indicators += result.indicator_count;
        report.diagnostics.insert(report.diagnostics.end(), model_errors.begin(),
                                  model_errors.end());
        report.diagnostics.insert(report.diagnostics.end(),
                                  std::make_move_iterator(result.findings.begin()),
                                  std::make_move_iterator(result.findings.end()));
    }
    if (report.projects == 0 && report.diagnostics.empty())
        report.diagnostics.push_back(
            make_warning("no-project", "the file holds no project (项目 \"…\" { … })")
                .label({0, 0}));
    report.source = std::move(source);
    return report;
}

FileReport check_file(const std::string& path, const scoring::Policy& policy) {
    std::string contents, error;
    if (!read_file(path, contents, error)) {
        FileReport r;
        r.path = path;
        r.io_error = true;
        r.diagnostics.push_back(make_error("io-error", error));
        return r;
    }
    return check_source(std::make_unique<SourceFile>(path, std::move(contents)), policy);
}

void check_files(FileWalk& walk, const scoring::Policy& policy, unsigned jobs,
                 const std::function<void(FileReport&)>& sink,
                 const std::function<void(FileReport&)>& prepare) {
    jobs = std::max(1u, jobs);
    auto checked = [&](FileWalk::Item& item) {
        auto r = item.problem ? std::move(item.problem)
                              : std::make_unique<FileReport>(check_file(item.path, policy));
        if (prepare) prepare(*r);
        return r;
    };
    if (jobs == 1) {
        FileWalk::Item item;
        while (walk.next(item))
            sink(*checked(item));
        return;
    }
    // Workers take items in batches (one lock and one wake-up per batch, not per file); finished
    // reports wait in `pending` until their turn comes. The window is bounded so that a slow
    // file cannot make memory grow with the corpus.
    const std::size_t batch = 16;
    const std::size_t window = static_cast<std::size_t>(jobs) * batch * 4;
    std::mutex m;
    std::condition_variable cv;
    std::deque<std::unique_ptr<FileReport>> pending; // pending[i] is item number emitted + i
    std::size_t taken = 0, emitted = 0;
    bool exhausted = false;
    auto worker = [&] {
        std::vector<FileWalk::Item> items;
        std::vector<std::unique_ptr<FileReport>> results;
        for (;;) {
            std::size_t first;
            bool last_batch = false;
            items.clear();
            {
                std::unique_lock lock(m);
                cv.wait(lock, [&] { return exhausted || taken < emitted + window; });
                if (exhausted) return;
                first = taken;
                while (items.size() < batch) {
                    FileWalk::Item item;
                    if (!walk.next(item)) {
                        exhausted = last_batch = true;
                        break;
                    }
                    items.push_back(std::move(item));
                }
                taken += items.size();
                pending.resize(taken - emitted);
            }
            if (last_batch) cv.notify_all(); // the total is known now
            results.clear();
            for (auto& item : items)
                results.push_back(checked(item));
            {
                std::lock_guard lock(m);
                for (std::size_t i = 0; i < results.size(); ++i)
                    pending[first + i - emitted] = std::move(results[i]);
            }
            cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t)
        threads.emplace_back(worker);
    for (;;) {
        std::unique_ptr<FileReport> r;
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] {
                return (!pending.empty() && pending.front()) || (exhausted && emitted == taken);
            });
            if (pending.empty() || !pending.front()) break;
            r = std::move(pending.front());
            pending.pop_front();
            ++emitted;
        }
        cv.notify_all();
        sink(*r);
    }
    for (auto& t : threads)
        t.join();
}

} // namespace jx::driver
