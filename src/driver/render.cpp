#include "driver/render.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "driver/check.hpp"
#include "driver/files.hpp"
#include "model/lower.hpp"
#include "render/disclosure.hpp"
#include "render/writers.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {
namespace fs = std::filesystem;

namespace {

const char* extension(RenderFormat f) {
    switch (f) {
    case RenderFormat::xlsx:
        return ".xlsx";
    case RenderFormat::html:
        return ".html";
    case RenderFormat::md:
        return ".md";
    case RenderFormat::csv:
        return ".csv";
    }
    return ".out";
}

// The report of a disclosure: the directory it is in checked as `jixiao check` checks it, the
// findings on each claim beside it.
rendering::DisclosureView disclosure_view(const std::string& path, std::size_t which,
                                          const scoring::Policy& policy) {
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    const fs::path self = fs::weakly_canonical(path, ec);
    rendering::DisclosureView v;
    FileWalk walk({dir.string()});
    check_files(
        walk, policy, 1,
        [&](FileReport& r) {
            std::error_code e;
            if (fs::weakly_canonical(r.path, e) == self && which < r.disclosures.size()) {
                const model::Disclosure& d = r.disclosures[which];
                v.name = d.name;
                v.year = d.year;
                const bool unverifiable =
                    std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                [](const Diagnostic& f) { return f.code == "claim-unverifiable"; });
                for (const auto& c : d.claims) {
                    rendering::ClaimView cv;
                    cv.what =
                        c.kind == model::ClaimKind::grade ? c.keyword + " " + c.grade : c.keyword;
                    cv.claimed = c.figure.text;
                    cv.line = c.line;
                    for (const auto& f : r.diagnostics) {
                        if (f.labels.empty() || f.labels.front().span.begin != c.span.begin)
                            continue;
                        cv.verdict += (cv.verdict.empty() ? "" : "；") + f.message;
                        if (cv.computed.empty()) cv.computed = f.subject.expected;
                        cv.wrong = cv.wrong || f.severity == Severity::error;
                    }
                    const bool needs_tables = c.kind == model::ClaimKind::grade ||
                                              c.kind == model::ClaimKind::score ||
                                              c.kind == model::ClaimKind::funds;
                    if (cv.verdict.empty() && unverifiable && needs_tables)
                        cv.verdict = "无法核算：同目录的自评表不全（见下）";
                    v.claims.push_back(std::move(cv));
                }
                for (const auto& f : r.diagnostics) {
                    if (f.labels.empty()) continue;
                    if (f.labels.front().span.begin == d.name_span.begin)
                        v.notes.push_back(f.message);
                    else if (f.code.rfind("department-", 0) == 0)
                        v.table_findings.push_back(f.message);
                }
                for (const auto& t : d.tables) {
                    rendering::DepartmentTableView tv;
                    tv.title = t.keyword;
                    tv.results = t.kind == model::DepartmentTable::Kind::results;
                    for (const auto& row : t.rows)
                        tv.rows.push_back({row.name, row.target ? row.target->shown : "",
                                           row.actual ? row.actual->shown : "",
                                           row.weight ? row.weight->text : "", row.reason});
                    v.tables.push_back(std::move(tv));
                }
                return;
            }
            if (!r.analysis) return;
            for (const auto& pa : r.analysis->projects) {
                rendering::ProjectView pv;
                pv.file = r.path;
                pv.name = pa.model->name;
                pv.reported_total = pa.model->total_score ? pa.model->total_score->text : "";
                pv.recomputed_total = scoring::show(pa.result.recomputed_total);
                for (const auto& f : r.diagnostics) {
                    if (f.explained() || f.subject.project != pv.name) continue;
                    pv.errors += f.severity == Severity::error;
                    pv.warnings += f.severity == Severity::warning;
                }
                v.projects.push_back(std::move(pv));
            }
        },
        {}, true);
    return v;
}

struct Loaded {
    std::unique_ptr<SourceFile> source;
    syntax::ParseResult parsed;
    std::vector<model::Project> projects;
    std::vector<scoring::ProjectResult> results;
};

} // namespace

RenderOutcome render_specs(const RenderRequest& req, const scoring::Policy& policy) {
    RenderOutcome out;
    auto fail_io = [&](std::string message) {
        out.io_error = true;
        out.errors.push_back(std::move(message));
    };
    // Each spec with the subdirectory it has under the directory it was found in: outputs mirror
    // it, so that a/x.jx and b/x.jx do not render to the same file.
    std::vector<std::string> files, subdirs;
    for (const auto& root : req.paths) {
        std::vector<FileReport> problems;
        std::error_code ec;
        bool is_dir = fs::is_directory(root, ec);
        for (auto& f : discover({root}, problems)) {
            subdirs.push_back(is_dir ? fs::path(f).lexically_relative(root).parent_path().string()
                                     : std::string());
            files.push_back(std::move(f));
        }
        for (const auto& p : problems)
            fail_io(p.diagnostics.front().message);
    }
    bool to_directory = files.size() != 1 || fs::is_directory(req.output) ||
                        req.output.back() == '/' ||
                        (req.format == RenderFormat::html && req.paths.size() == 1 &&
                         fs::is_directory(req.paths[0]));
    {
        std::error_code ec;
        fs::path dir = to_directory ? fs::path(req.output) : fs::path(req.output).parent_path();
        if (!dir.empty()) fs::create_directories(dir, ec);
        if (ec) {
            fail_io(trf("cannot create {}: {}", req.output, ec.message()));
            return out;
        }
    }
    OutputWriter writer; // never over a spec of this run, nor through a planted link onto one
    for (const auto& f : files)
        writer.protect(f);
    std::vector<rendering::ReportEntry> report;
    std::map<std::string, std::string> rendered_from; // output → spec, in this run
    if (req.format == RenderFormat::html && to_directory)
        rendered_from[(fs::path(req.output) / "index.html").string()] = ""; // the report
    for (std::size_t k = 0; k < files.size(); ++k) {
        const std::string& path = files[k];
        Loaded l;
        std::string text, error;
        if (!read_file(path, text, error)) {
            fail_io(error);
            continue;
        }
        l.source = std::make_unique<SourceFile>(path, std::move(text));
        l.parsed = syntax::parse(*l.source);
        if (!l.parsed.ok()) {
            out.errors.push_back(
                trf("{}: not rendered: it has syntax errors (run jixiao check)", path));
            continue;
        }
        std::vector<rendering::Layout> layouts;
        l.projects.reserve(l.parsed.file.projects.size());
        for (const auto& p : l.parsed.file.projects) {
            std::vector<Diagnostic> ignored;
            l.projects.push_back(model::lower(p, ignored));
        }
        for (const auto& m : l.projects) {
            auto result = scoring::evaluate(m, policy);
            const auto& known = req.templates ? *req.templates : templates::Registry::builtin();
            const templates::Template* layout =
                known.find(req.layout.empty() ? m.layout : req.layout);
            layouts.push_back(rendering::build_layout(m, result, req.scores, layout));
            rendering::ReportEntry e;
            e.layout = layouts.back();
            e.file = path;
            e.reported_total = m.total_score ? m.total_score->text : "";
            e.recomputed_value = result.recomputed_total;
            e.recomputed_total = scoring::show(result.recomputed_total);
            const Decimal cap = m.total_weight ? m.total_weight->value : policy.total_weight;
            e.total_weight = cap.normalized().to_string();
            e.total_possible = !(cap < result.recomputed_total.rounded(policy.precision));
            e.grade = e.total_possible ? result.recomputed_grade : "";
            for (const auto& d : result.findings)
                if (d.severity != Severity::note && !d.explained())
                    e.findings.push_back({d.severity == Severity::error, d.code, d.message});
            report.push_back(std::move(e));
        }
        // A disclosure (and no project): its report, in html or Markdown.
        std::string disclosure_content;
        if (layouts.empty() && !l.parsed.file.disclosures.empty() &&
            (req.format == RenderFormat::html || req.format == RenderFormat::md)) {
            auto view = disclosure_view(path, 0, policy);
            disclosure_content = req.format == RenderFormat::html
                                     ? rendering::disclosure_html(view)
                                     : rendering::disclosure_markdown(view);
        }
        if (layouts.empty() && disclosure_content.empty()) {
            out.warnings.push_back(
                l.parsed.file.disclosures.empty()
                    ? trf("{}: nothing rendered: it holds no project table", path)
                    : trf("{}: nothing rendered: a disclosure renders as html or md "
                          "(--format html or md), its claims beside its tables",
                          path));
            continue;
        }
        std::string target = to_directory
                                 ? (fs::path(req.output) / subdirs[k] /
                                    (fs::path(path).stem().string() + extension(req.format)))
                                       .string()
                                 : req.output;
        if (auto [earlier, first_time] = rendered_from.emplace(target, path); !first_time) {
            out.errors.push_back(
                earlier->second.empty()
                    ? trf("{}: not rendered: {} is the report of all specs", path, target)
                    : trf("{}: not rendered: {} is written from {} in this run", path, target,
                          earlier->second));
            continue;
        }
        if (!subdirs[k].empty()) {
            std::error_code ec;
            fs::create_directories(fs::path(target).parent_path(), ec);
            if (ec) {
                fail_io(trf("cannot create {}: {}", fs::path(target).parent_path().string(),
                            ec.message()));
                continue;
            }
        }
        bool ok = true;
        if (!disclosure_content.empty()) {
            ok = writer.write(target, disclosure_content, error);
        } else if (req.format == RenderFormat::xlsx) {
            std::vector<std::string> xlsx_warnings;
            ok = writer.write_with(
                target,
                [&](const std::string& tmp, std::string& why) {
                    return rendering::write_xlsx(layouts, tmp, why, xlsx_warnings);
                },
                error);
            if (ok)
                for (const auto& w : xlsx_warnings)
                    out.warnings.push_back(target + ": " + w);
        } else {
            std::string content;
            if (req.format == RenderFormat::html) {
                // One project: its page; several: a report over this file's projects.
                content =
                    layouts.size() == 1
                        ? rendering::html_page(layouts[0])
                        : rendering::html_report(std::vector<rendering::ReportEntry>(
                              report.end() - static_cast<long>(layouts.size()), report.end()));
            } else {
                for (std::size_t i = 0; i < layouts.size(); ++i) {
                    if (req.format == RenderFormat::csv)
                        content += (i ? "\r\n" : "") + rendering::to_csv(layouts[i]);
                    else
                        content += (i ? "\n" : "") + rendering::to_markdown(layouts[i]);
                }
            }
            ok = writer.write(target, content, error);
        }
        if (ok)
            out.written.push_back(target);
        else
            fail_io(error);
    }
    if (req.format == RenderFormat::html && to_directory && !report.empty()) {
        std::string target = (fs::path(req.output) / "index.html").string(), error;
        if (writer.write(target, rendering::html_report(report), error))
            out.written.push_back(target);
        else
            fail_io(error);
    }
    return out;
}

} // namespace jx::driver
