#include "driver/check.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <thread>

#include <fmt/format.h>

#include "model/project.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {
namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& contents, std::string& error) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
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
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = fmt::format("cannot read {}: {}", path, std::strerror(errno));
        return false;
    }
    contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        error = fmt::format("cannot read {}: read error", path);
        return false;
    }
    return true;
}

std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<FileReport>& problems) {
    std::vector<std::string> files;
    auto problem = [&](const std::string& path, std::string message) {
        FileReport r;
        r.path = path;
        r.io_error = true;
        r.diagnostics.push_back(make_error("io-error", std::move(message)));
        problems.push_back(std::move(r));
    };
    for (const auto& p : paths) {
        std::error_code ec;
        auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            problem(p, fmt::format("{}: no such file or directory", p));
            continue;
        }
        if (!fs::is_directory(status)) {
            files.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec),
            end;
        if (ec) {
            problem(p, fmt::format("cannot read directory {}: {}", p, ec.message()));
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                problem(p, fmt::format("cannot read directory {}: {}", p, ec.message()));
                break;
            }
            if (it->path().extension() == ".jx" && !it->is_directory())
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
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

void check_files(const std::vector<std::string>& files, const scoring::Policy& policy,
                 unsigned jobs, const std::function<void(FileReport&)>& sink,
                 const std::function<void(FileReport&)>& prepare) {
    jobs = std::max(1u, jobs);
    auto checked = [&](const std::string& f) {
        auto r = std::make_unique<FileReport>(check_file(f, policy));
        if (prepare) prepare(*r);
        return r;
    };
    if (jobs == 1 || files.size() < 2) {
        for (const auto& f : files)
            sink(*checked(f));
        return;
    }
    // Workers take files in batches (one lock and one wake-up per batch, not per file); finished
    // reports wait in a window until their turn comes. The window is bounded so that a slow file
    // cannot make memory grow with the corpus.
    const std::size_t batch = 16;
    const std::size_t window = static_cast<std::size_t>(jobs) * batch * 4;
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::unique_ptr<FileReport>> done(files.size());
    std::size_t next = 0, emitted = 0;
    auto worker = [&] {
        std::vector<std::unique_ptr<FileReport>> local;
        for (;;) {
            std::size_t first, last;
            {
                std::unique_lock lock(m);
                cv.wait(lock, [&] { return next >= files.size() || next < emitted + window; });
                if (next >= files.size()) return;
                first = next;
                last = std::min(files.size(), next + batch);
                next = last;
            }
            local.clear();
            for (std::size_t i = first; i < last; ++i)
                local.push_back(checked(files[i]));
            {
                std::lock_guard lock(m);
                for (std::size_t i = first; i < last; ++i)
                    done[i] = std::move(local[i - first]);
            }
            cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t)
        threads.emplace_back(worker);
    while (emitted < files.size()) {
        std::unique_ptr<FileReport> r;
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return done[emitted] != nullptr; });
            r = std::move(done[emitted]);
        }
        sink(*r);
        {
            std::lock_guard lock(m);
            ++emitted;
        }
        cv.notify_all();
    }
    for (auto& t : threads)
        t.join();
}

} // namespace jx::driver
