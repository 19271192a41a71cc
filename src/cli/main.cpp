// The jixiao command line: a thin layer over the library in src/ (which the tests use too).
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/export.hpp"
#include "driver/files.hpp"
#include "driver/fix.hpp"
#include "driver/format.hpp"
#include "driver/import.hpp"
#include "driver/render.hpp"
#include "driver/report.hpp"
#include "driver/score_table.hpp"
#include "driver/status.hpp"
#include "driver/templates.hpp"
#include "format/format.hpp"
#include "import/import.hpp"
#include "lsp/server.hpp"
#include "model/lower.hpp"
#include "scoring/engine.hpp"
#include "syntax/parser.hpp"

namespace {

using namespace jx;

using driver::exit_findings, driver::exit_ok, driver::exit_usage;

void print_io_error(const std::string& message) {
    std::cerr << render(make_error("io-error", message), nullptr);
}

// An option that takes one of a few names, stored as the enum value it names: the help lists
// the names, and a wrong one is refused with them (CLI11's transformer, with plain messages).
template <typename E>
CLI::Validator choices(std::vector<std::pair<std::string, E>> options) {
    std::string names;
    for (const auto& [name, value] : options)
        names += (names.empty() ? "" : "|") + name;
    return CLI::Validator(
        [options, names](std::string& given) -> std::string {
            for (const auto& [name, value] : options)
                if (given == name) {
                    given = std::to_string(static_cast<int>(value));
                    return {};
                }
            return trf("must be one of {}, not \"{}\"", names, given);
        },
        names);
}

bool use_colour(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

// On a terminal, a progress bar on stderr once a check runs past 200 files. The walk streams, so
// the total is not known at the start: a second walk counts the files meanwhile on a thread of its
// own, and until it is done the bar shows the count alone.
class Progress {
public:
    Progress(const std::vector<std::string>& paths, bool on) : on_(on) {
        if (!on_) return;
        counter_ = std::jthread([this, paths](std::stop_token stop) {
            driver::FileWalk walk(paths);
            driver::FileWalk::Item item;
            std::size_t n = 0;
            while (!stop.stop_requested() && walk.next(item))
                ++n;
            if (!stop.stop_requested()) total_ = n;
        });
    }
    void step() {
        if (on_ && ++done_ >= 200 && done_ % 100 == 0) draw();
    }
    void finish() {
        if (on_ && done_ >= 200) {
            // The count walk may still be going (it raced the check): its total makes the last
            // bar a whole one.
            if (counter_.joinable()) counter_.join();
            draw();
            std::cerr << "\n";
        }
    }

private:
    static constexpr const char* clear_line = "\x1b[K"; // what a longer line left behind
    void draw() const {
        std::size_t total = total_;
        if (total < done_) { // still counting
            std::cerr << "\r" << trf("checked {} files", done_) << clear_line << std::flush;
            return;
        }
        const std::size_t width = 30, filled = done_ * width / total;
        std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
                  << trf("{} / {} files ({}%)", done_, total, done_ * 100 / total) << clear_line
                  << std::flush;
    }

    bool on_;
    std::size_t done_ = 0;
    std::atomic<std::size_t> total_{0};
    std::jthread counter_;
};

int run_check(const std::vector<std::string>& paths, const std::string& format,
              const std::string& policy_path, unsigned jobs, const std::string& colour) {
    scoring::Policy policy;
    if (!driver::load_policy_file(policy_path, policy, std::cerr)) return exit_usage;
    driver::FileWalk walk(paths);
    driver::Totals totals;
    bool colour_on = format == "text" && use_colour(colour);
    bool first_json = true;
    if (format == "json") std::cout << "{\"findings\":[";
    // Rendering runs on the workers; the ordered sink only writes.
    auto prepare = [&](driver::FileReport& r) {
        if (format == "text") {
            r.output = driver::render_text(r, colour_on);
            return;
        }
        for (const auto& d : r.diagnostics) {
            if (!r.output.empty() && format == "json") r.output += ",\n";
            r.output += driver::json_finding(r, d);
            if (format == "jsonl") r.output += "\n";
        }
    };
    auto emit = [&](driver::FileReport& r) {
        totals.add(r);
        if (r.output.empty()) return;
        if (format == "json") std::cout << (first_json ? "\n" : ",\n");
        std::cout << r.output;
        first_json = false;
    };
    // The walk streams, so the total is not known ahead: the count shows from the 200th file on.
    Progress progress(paths, ::isatty(STDERR_FILENO));
    driver::check_files(
        walk, policy, jobs,
        [&](driver::FileReport& r) {
            emit(r);
            progress.step();
        },
        prepare);
    progress.finish();
    if (format == "json")
        std::cout << (first_json ? "" : "\n") << "],\"files\":" << totals.files
                  << ",\"projects\":" << totals.projects << ",\"indicators\":" << totals.indicators
                  << "}\n";
    if (format == "text") std::cout << driver::render_summary(totals);
    if (totals.io_error) return exit_usage;
    return totals.errors > 0 ? exit_findings : exit_ok;
}

} // namespace

// The message language, chosen before anything is said: --lang (anywhere on the line) over the
// locale. An unknown --lang value is left to the option's own check below.
void choose_language(int argc, char** argv) {
    auto language = i18n::from_environment();
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        std::string_view value;
        if (a == "--lang" && i + 1 < argc)
            value = argv[i + 1];
        else if (a.starts_with("--lang="))
            value = a.substr(7);
        else
            continue;
        i18n::parse_language(value, language);
    }
    i18n::set_language(language);
}

int main(int argc, char** argv) {
    choose_language(argc, argv);
    CLI::App app{tr("jixiao — write, check and regenerate 项目支出绩效自评表 (performance "
                    "self-evaluation tables)")};
    app.require_subcommand(1);
    // CLI11's own headings, in the message language.
    for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"),
                              N_("Positionals"), N_("REQUIRED"), N_("Excludes"), N_("Needs")})
        app.get_formatter()->label(label, tr(label));
    // --lang is read before the app exists (choose_language); here it is listed and checked.
    std::string lang;
    auto add_lang = [&lang](CLI::App* to) {
        to->add_option("--lang", lang,
                       tr("Message language: zh (Chinese) or en (English); default: the locale "
                          "(LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English when none is set"))
            ->check(CLI::IsMember({"zh", "zh_CN", "en", "C"}));
    };
    add_lang(&app);
    app.option_defaults()->group(tr("Options"));
    app.set_help_flag("-h,--help", tr("Print this help message and exit"));
    app.set_version_flag("--version", "jixiao " JIXIAO_VERSION,
                         tr("Display program version information and exit"));

    std::vector<std::string> paths;
    std::string format = "text", policy_path, colour = "auto";
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    bool check = false;

    auto* cmd_check = app.add_subcommand(
        "check", tr("Recompute every score and report the figures that do not add up"));
    cmd_check
        ->add_option("paths", paths, tr("Spec files (*.jx) or directories (searched recursively)"))
        ->required();
    cmd_check
        ->add_option(
            "--format", format,
            tr("Output: text (default), json (one document) or jsonl (one finding per line)"))
        ->check(CLI::IsMember({"text", "json", "jsonl"}));
    cmd_check->add_option(
        "--policy", policy_path,
        tr("Scoring policy in YAML (default: the built-in policy; see `jixiao policy`)"));
    cmd_check
        ->add_option("--jobs,-j", jobs,
                     tr("Files checked in parallel (default: the number of cores)"))
        ->check(CLI::Range(1u, 256u));
    cmd_check->add_option("--color", colour, tr("Colour: auto (on a terminal), always, never"))
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd_check->footer(
        tr("Exit status: 0 no error-level finding, 1 at least one, 2 usage or I/O error."));

    std::string score_path;
    auto* cmd_score = app.add_subcommand(
        "score", tr("Show a project's table with reported and recomputed scores side by side"));
    cmd_score->add_option("file", score_path, tr("A spec file (*.jx)"))->required();
    cmd_score->add_option("--policy", policy_path, tr("Scoring policy in YAML"));

    auto* cmd_fmt = app.add_subcommand(
        "fmt",
        tr("Rewrite specs in the canonical layout (atomically; never a file that does not parse)"));
    cmd_fmt->add_option("paths", paths, tr("Spec files (*.jx) or directories"))->required();
    cmd_fmt->add_flag("--check", check,
                      tr("Change nothing; exit 1 and name each file that would change"));

    bool dry_run = false;
    auto* cmd_fix = app.add_subcommand(
        "fix",
        tr("Set totals, weight totals, execution rates and budget scores to their arithmetic "
           "(atomically, every comment kept)"));
    cmd_fix->add_option("paths", paths, tr("Spec files (*.jx) or directories"))->required();
    cmd_fix->add_flag("--dry-run", dry_run,
                      tr("Change nothing; print the fixes as a unified diff"));
    cmd_fix->add_option("--policy", policy_path, tr("Scoring policy in YAML"));
    cmd_fix->footer(tr("Only figures with one right answer are fixed; a row's score, which the "
                       "policy judges, is left as written.\nExit status: 0 nothing left to fix, 1 "
                       "with --dry-run a file would change (or a file does not parse), 2 usage or "
                       "I/O error."));

    std::optional<import::Format> from;
    std::string out_dir;
    bool force = false;
    auto* cmd_import = app.add_subcommand(
        "import",
        tr("Turn published self-evaluation tables (text dumps, CSV, XLSX, DOCX, PDF) into specs"));
    cmd_import
        ->add_option(
            "paths", paths,
            tr("Source files (text dumps of Word/PDF tables, CSV, XLSX, Word DOCX, PDF with a text "
               "layer; .doc/.xls/.wps/.et through LibreOffice) or directories of them"))
        ->required();
    cmd_import->add_option("--from", from, tr("Source format (default: told from each file)"))
        ->transform(choices<import::Format>({{"text", import::Format::text},
                                             {"csv", import::Format::csv},
                                             {"xlsx", import::Format::xlsx},
                                             {"docx", import::Format::docx},
                                             {"pdf", import::Format::pdf}}));
    cmd_import->add_option("-o,--output", out_dir, tr("Directory for the specs (one per table)"))
        ->required();
    cmd_import->add_flag("--force", force, tr("Overwrite specs that exist"));
    std::string layout, templates_dir;
    cmd_import->add_option("--template", layout,
                           tr("Read the sources by this template (default: recognised from the "
                              "headings; jixiao templates lists them)"));
    cmd_import->add_option("--templates-dir", templates_dir,
                           tr("A directory of template YAML files, beside the built-in ones"));
    cmd_import->footer(tr("Exit status: 0 every table imported whole, 1 a table partly or not "
                          "imported or a source unreadable, 2 usage or I/O error."));

    driver::RenderFormat render_format = driver::RenderFormat::html;
    rendering::Scores scores = rendering::Scores::reported;
    auto* cmd_render =
        app.add_subcommand("render", tr("Regenerate the official table as xlsx, html, md or csv"));
    cmd_render->add_option("paths", paths, tr("Spec files (*.jx) or directories"))->required();
    cmd_render->add_option("--format,-f", render_format, tr("xlsx, html (default), md or csv"))
        ->transform(choices<driver::RenderFormat>({{"xlsx", driver::RenderFormat::xlsx},
                                                   {"html", driver::RenderFormat::html},
                                                   {"md", driver::RenderFormat::md},
                                                   {"csv", driver::RenderFormat::csv}}));
    cmd_render
        ->add_option("--scores", scores,
                     tr("Scores shown: reported (default), recomputed, or both"))
        ->transform(choices<rendering::Scores>({{"reported", rendering::Scores::reported},
                                                {"recomputed", rendering::Scores::recomputed},
                                                {"both", rendering::Scores::both}}));
    cmd_render->add_option("--policy", policy_path, tr("Scoring policy in YAML"));
    cmd_render->add_option("--template", layout,
                           tr("Lay the table out in this template (default: the spec's 模板, else "
                              "beijing; jixiao templates lists them)"));
    cmd_render->add_option("--templates-dir", templates_dir,
                           tr("A directory of template YAML files, beside the built-in ones"));
    cmd_render
        ->add_option("-o,--output", out_dir,
                     tr("Output file (one spec) or directory (several; html adds index.html)"))
        ->required();

    exporting::Container export_format = exporting::Container::sqlite;
    auto* cmd_export = app.add_subcommand(
        "export", tr("Write every project, row, claim and finding as tables for SQL, pandas or "
                     "DuckDB: CSV, JSON Lines or SQLite"));
    cmd_export->add_option("paths", paths, tr("Spec files (*.jx) or directories"))->required();
    cmd_export
        ->add_option("--format,-f", export_format,
                     tr("sqlite (default): one database; csv or jsonl: a directory with one file "
                        "a table"))
        ->transform(choices<exporting::Container>({{"sqlite", exporting::Container::sqlite},
                                                   {"csv", exporting::Container::csv},
                                                   {"jsonl", exporting::Container::jsonl}}));
    cmd_export->add_option("--policy", policy_path, tr("Scoring policy in YAML"));
    cmd_export
        ->add_option("--jobs,-j", jobs,
                     tr("Files checked in parallel (default: the number of cores)"))
        ->check(CLI::Range(1u, 256u));
    cmd_export
        ->add_option("-o,--output", out_dir,
                     tr("The database file (sqlite) or the directory of the tables (csv, jsonl)"))
        ->required();
    cmd_export->footer(
        tr("The tables and their columns: README, \"Exporting the data\". Exit status: "
           "0 written (whatever the findings), 2 usage or I/O error."));

    auto* cmd_lsp = app.add_subcommand(
        "lsp", tr("Serve the Language Server Protocol on stdin/stdout, for editors: diagnostics, "
                  "hover, completion, quick fixes, formatting, outline"));
    cmd_lsp->add_option("--policy", policy_path, tr("Scoring policy in YAML"));
    cmd_lsp->footer(tr("Started by an editor (editors/vscode, editors/nvim), not by hand. Exit "
                       "status: 0 after shutdown and exit, 1 when the client went away without."));

    auto* cmd_templates = app.add_subcommand(
        "templates", tr("List the table layouts (templates) import reads and render writes"));
    std::string show_template;
    cmd_templates->add_option("--show", show_template,
                              tr("Print a template's YAML, to copy and adapt"));
    cmd_templates->add_option("--templates-dir", templates_dir,
                              tr("A directory of template YAML files, beside the built-in ones"));
    cmd_templates->footer(tr("Templates: name, title, description and source of each. Add one as a "
                             "YAML file (README, \"Templates\") in a directory given with "
                             "--templates-dir."));

    auto* cmd_policy = app.add_subcommand(
        "policy", tr("Print the built-in scoring policy as YAML, to copy and adapt"));

    for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        add_lang(sub);
        sub->group(tr("Subcommands"));
        if (auto* help = sub->get_help_ptr()) help->group(tr("Options"));
    }

    // `jixiao` alone: the short help. A mistyped command: the nearest one.
    if (argc == 1) {
        std::cout << app.help();
        return exit_ok;
    }
    if (std::string_view first = argv[1]; !first.empty() && first[0] != '-') {
        std::vector<std::string_view> names;
        for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
            names.push_back(sub->get_name());
        if (std::find(names.begin(), names.end(), first) == names.end()) {
            std::string known;
            for (auto n : names)
                known += (known.empty() ? "" : ", ") + std::string(n);
            auto near = text::nearest(first, names, 2);
            std::cerr
                << (near ? trf("error: unknown command \"{}\"; did you mean \"{}\"? (commands: "
                               "{}; jixiao --help)\n",
                               text::for_terminal(first), *near, known)
                         : trf("error: unknown command \"{}\" (commands: {}; jixiao "
                               "--help)\n",
                               text::for_terminal(first), known));
            return exit_usage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }
    // --template names a template of the registry (the built-in ones and --templates-dir's).
    auto known_layout = [&layout](const templates::Registry& registry) {
        if (layout.empty() || registry.find(layout)) return true;
        std::cerr << render(
            make_error("unknown-template",
                       trf("no template named \"{}\" (jixiao templates lists them)", layout)),
            nullptr);
        return false;
    };
    auto run = [&]() -> int {
        if (*cmd_check) return run_check(paths, format, policy_path, jobs, colour);
        if (*cmd_score) {
            scoring::Policy policy;
            if (!driver::load_policy_file(policy_path, policy, std::cerr)) return exit_usage;
            return driver::score_file(score_path, policy, use_colour("auto"), std::cout, std::cerr);
        }
        if (*cmd_fmt)
            return driver::format_files(paths, check, use_colour("auto"), std::cout, std::cerr);
        if (*cmd_fix) {
            scoring::Policy policy;
            if (!driver::load_policy_file(policy_path, policy, std::cerr)) return exit_usage;
            return driver::fix_files(paths, dry_run, policy, use_colour("auto"), std::cout,
                                     std::cerr);
        }
        if (*cmd_import) {
            templates::Registry registry;
            if (!driver::load_templates(templates_dir, registry, std::cerr)) return exit_usage;
            if (!known_layout(registry)) return exit_usage;
            import::ImportOptions options;
            options.templates = &registry;
            options.layout = layout;
            return driver::import_sources(paths, from, out_dir, force, std::cout, std::cerr,
                                          options);
        }
        if (*cmd_templates) {
            templates::Registry registry;
            if (!driver::load_templates(templates_dir, registry, std::cerr)) return exit_usage;
            return driver::list_templates(registry, show_template, std::cout, std::cerr);
        }
        if (*cmd_render) {
            scoring::Policy policy;
            if (!driver::load_policy_file(policy_path, policy, std::cerr)) return exit_usage;
            templates::Registry registry;
            if (!driver::load_templates(templates_dir, registry, std::cerr)) return exit_usage;
            if (!known_layout(registry)) return exit_usage;
            driver::RenderRequest req;
            req.layout = layout;
            req.templates = &registry;
            req.paths = paths;
            req.output = out_dir;
            req.format = render_format;
            req.scores = scores;
            auto outcome = driver::render_specs(req, policy);
            for (const auto& w : outcome.written)
                std::cout << trf("wrote {}\n", text::for_terminal(w));
            for (const auto& w : outcome.warnings)
                std::cerr << severity_label(Severity::warning) << ": " << text::for_terminal(w)
                          << "\n";
            for (const auto& e : outcome.errors)
                std::cerr << severity_label(Severity::error) << ": " << text::for_terminal(e)
                          << "\n";
            if (outcome.io_error) return exit_usage;
            return outcome.errors.empty() ? exit_ok : exit_findings;
        }
        if (*cmd_export) {
            scoring::Policy policy;
            if (!driver::load_policy_file(policy_path, policy, std::cerr)) return exit_usage;
            driver::ExportRequest req;
            req.paths = paths;
            req.container = export_format;
            req.output = out_dir;
            req.jobs = jobs;
            return driver::export_specs(req, policy, std::cout, std::cerr);
        }
        if (*cmd_lsp) {
            scoring::Policy policy;
            if (!driver::load_policy_file(policy_path, policy, std::cerr)) return exit_usage;
            std::ios::sync_with_stdio(false);
            return lsp::serve(std::cin, std::cout, std::cerr, std::move(policy));
        }
        if (*cmd_policy) {
            std::cout << scoring::dump_policy_yaml(scoring::Policy::defaults());
            return exit_ok;
        }
        return exit_usage;
    };
    int status = run();
    // Output that could not be written (a full disk, a closed file) is an I/O error, not success:
    // a pipeline must not take a cut-off result for a whole one.
    std::cout.flush();
    std::cerr.flush();
    if (!std::cerr) return exit_usage; // nowhere left to say it
    if (!std::cout) {
        print_io_error(trf("cannot write the output: {}", std::strerror(errno)));
        return exit_usage;
    }
    return status;
}
