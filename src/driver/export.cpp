#include "driver/export.hpp"

#include <array>
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/report.hpp"
#include "driver/status.hpp"
#include "format/format.hpp"

namespace jx::driver {

using exporting::TableId;
using exporting::Values;

namespace {

std::optional<std::string> text_or_null(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::optional<std::string> figure(const std::optional<model::Figure>& f) {
    return f ? std::optional<std::string>(f->value.to_string()) : std::nullopt;
}

std::optional<std::string> decimal(const Decimal& d) {
    return d.normalized().to_string();
}

// An amount of the funds block in 万元.
std::optional<std::string> wan(const model::Funds& funds, const std::optional<model::Figure>& f) {
    if (!f) return std::nullopt;
    return Decimal::mul_div(f->value, funds.unit_factor, Decimal::from_int(10000),
                            Decimal::max_scale)
        .normalized()
        .to_string();
}

const char* scoring_name(scoring::RowResult::Kind k) {
    using K = scoring::RowResult::Kind;
    switch (k) {
    case K::not_applicable:
        return "not-applicable";
    case K::unweighted:
        return "unweighted";
    case K::exact:
        return "exact";
    case K::band:
        return "band";
    case K::judgement:
        return "judgement";
    case K::unknown:
        break;
    }
    return "unknown";
}

const char* claim_kind_name(model::ClaimKind k) {
    using K = model::ClaimKind;
    switch (k) {
    case K::projects:
        return "projects";
    case K::evaluated:
        return "evaluated";
    case K::excluded:
        return "excluded";
    case K::grade:
        return "grade";
    case K::score:
        return "score";
    case K::funds:
        break;
    }
    return "funds";
}

// The rows of one checked file, into the sink; `added` counts them per table.
bool add_file(exporting::Sink& sink, const FileReport& r, const scoring::Policy& policy,
              std::array<std::size_t, exporting::table_count>& added) {
    auto add = [&](TableId table, const Values& values) {
        ++added[static_cast<std::size_t>(table)];
        return sink.add(table, values);
    };
    const std::string& file = r.path;
    std::map<std::string, std::pair<std::size_t, std::size_t>> counts; // project → errors, warnings
    for (const auto& d : r.diagnostics) {
        if (d.explained()) continue;
        auto& [errors, warnings] = counts[d.subject.project];
        if (d.severity == Severity::error) ++errors;
        if (d.severity == Severity::warning) ++warnings;
    }
    if (r.analysis)
        for (const auto& pa : r.analysis->projects) {
            const model::Project& p = *pa.model;
            const scoring::ProjectResult& result = pa.result;
            auto [errors, warnings] = counts[p.name];
            const Decimal recomputed = result.recomputed_total.rounded(policy.precision);
            Values project{
                file,
                p.name,
                p.year ? std::optional<std::string>(std::to_string(p.year)) : std::nullopt,
                text_or_null(p.department),
                text_or_null(p.unit),
                p.funds ? wan(*p.funds, p.funds->annual) : std::nullopt,
                p.funds ? wan(*p.funds, p.funds->spent) : std::nullopt,
                figure(p.total_weight),
                figure(p.total_score),
                decimal(recomputed),
                p.total_score
                    ? std::optional<std::string>(
                          policy.matches(p.total_score->value, result.recomputed_total) ? "1" : "0")
                    : std::nullopt,
                text_or_null(p.grade),
                text_or_null(result.recomputed_grade),
                std::to_string(errors),
                std::to_string(warnings)};
            if (!add(TableId::projects, project)) return false;
            std::size_t position = 0;
            for (const auto& row : result.rows) {
                const model::Row& m = *row.row;
                std::optional<std::string> exact;
                if (row.kind == scoring::RowResult::Kind::exact)
                    exact = decimal(row.expected().rounded(policy.precision));
                Values v{file,
                         p.name,
                         std::to_string(++position),
                         text_or_null(m.level1),
                         text_or_null(m.level2),
                         m.name,
                         m.target ? text_or_null(m.target->shown) : std::nullopt,
                         m.actual ? text_or_null(m.actual->shown) : std::nullopt,
                         figure(m.weight),
                         figure(m.score),
                         exact,
                         scoring_name(row.kind),
                         text_or_null(m.reason)};
                if (!add(TableId::rows, v)) return false;
            }
            position = 0;
            for (const auto& m : p.index_rows) {
                Values v{file,
                         p.name,
                         std::to_string(++position),
                         text_or_null(m.level1),
                         text_or_null(m.level2),
                         m.name,
                         m.target ? text_or_null(m.target->shown) : std::nullopt,
                         figure(m.weight)};
                if (!add(TableId::index_rows, v)) return false;
            }
        }
    for (const auto& d : r.disclosures)
        for (const auto& c : d.claims) {
            Values v{file,
                     d.name,
                     claim_kind_name(c.kind),
                     text_or_null(c.grade),
                     c.figure.text,
                     decimal(c.kind == model::ClaimKind::funds ? c.wan : c.figure.value),
                     c.line ? std::optional<std::string>(std::to_string(c.line)) : std::nullopt};
            if (!add(TableId::claims, v)) return false;
        }
    for (const auto& d : r.disclosures)
        for (const auto& t : d.tables) {
            std::size_t position = 0;
            for (const auto& m : t.rows) {
                Values v{file,
                         d.name,
                         t.kind == model::DepartmentTable::Kind::targets ? "targets" : "results",
                         std::to_string(++position),
                         m.name,
                         m.target ? text_or_null(m.target->shown) : std::nullopt,
                         m.actual ? text_or_null(m.actual->shown) : std::nullopt,
                         figure(m.weight),
                         text_or_null(m.reason)};
                if (!add(TableId::department_rows, v)) return false;
            }
        }
    for (const auto& d : r.diagnostics) {
        std::optional<std::string> line, column;
        if (r.source && !d.labels.empty()) {
            Position at = r.source->position(d.labels.front().span.begin);
            line = std::to_string(at.line);
            column = std::to_string(at.column);
        }
        Values v{file,
                 line,
                 column,
                 severity_name(d.severity),
                 d.code,
                 text_or_null(d.subject.project),
                 text_or_null(d.subject.indicator),
                 d.message,
                 text_or_null(d.subject.reported),
                 text_or_null(d.subject.expected),
                 d.cause ? std::optional<std::string>(d.cause->code) : std::nullopt};
        if (!add(TableId::findings, v)) return false;
    }
    return true;
}

} // namespace

int export_specs(const ExportRequest& req, const scoring::Policy& policy, std::ostream& out,
                 std::ostream& err) {
    std::string error;
    auto sink = exporting::open_sink(req.container, req.output, error);
    if (!sink) {
        report_io_error(err, error);
        return exit_usage;
    }
    FileWalk walk(req.paths);
    Totals totals;
    std::array<std::size_t, exporting::table_count> added{};
    bool failed = false;
    check_files(
        walk, policy, req.jobs,
        [&](FileReport& r) {
            totals.add(r);
            if (r.io_error) {
                err << render_text(r, false);
                return;
            }
            if (!failed && !add_file(*sink, r, policy, added)) failed = true;
        },
        {}, true);
    if (failed || !sink->finish()) {
        report_io_error(err, sink->error());
        return exit_usage;
    }
    out << trf("exported {} files to {}: {} projects, {} rows, {} claims, {} findings\n",
               totals.files, req.output, added[0], added[1], added[2], added[3]);
    return totals.io_error ? exit_usage : exit_ok;
}

} // namespace jx::driver
