#include "export/dataset.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>
#include <sqlite3.h>

#include "base/decimal.hpp"
#include "base/i18n.hpp"
#include "base/text.hpp"

namespace jx::exporting {

namespace fs = std::filesystem;

const std::vector<TableSchema>& schema() {
    using T = ColumnType;
    static const std::vector<TableSchema> tables{
        {"projects",
         "one row per project table",
         {
             {"file", T::text, "the spec file"},
             {"project", T::text, "项目名称"},
             {"year", T::integer, "年度"},
             {"department", T::text, "主管部门"},
             {"unit", T::text, "实施单位"},
             {"budget", T::decimal, "全年预算数, 万元"},
             {"spent", T::decimal, "全年执行数, 万元"},
             {"total_weight", T::decimal, "总分 分值 as reported"},
             {"reported_total", T::decimal, "总分 得分 as reported"},
             {"recomputed_total", T::decimal, "the total jixiao recomputes under the policy"},
             {"total_matches", T::integer,
              "1 when 总分 得分 matches the recomputed total as the policy compares figures (at "
              "the reported precision), 0 when not, NULL without a reported total"},
             {"reported_grade", T::text, "等级 as reported"},
             {"recomputed_grade", T::text, "the grade of the recomputed total"},
             {"errors", T::integer, "error-level findings on the project"},
             {"warnings", T::integer, "warnings on the project"},
         }},
        {"rows",
         "one row per indicator (三级指标) of a project",
         {
             {"file", T::text, "the spec file"},
             {"project", T::text, "项目名称"},
             {"position", T::integer, "1-based, in table order"},
             {"level1", T::text, "一级指标"},
             {"level2", T::text, "二级指标"},
             {"indicator", T::text, "三级指标"},
             {"target", T::text, "年度指标值"},
             {"actual", T::text, "实际完成值"},
             {"weight", T::decimal, "分值"},
             {"reported_score", T::decimal, "得分 as reported"},
             {"recomputed_score", T::decimal,
              "the score the policy gives, where it gives exactly one (else NULL)"},
             {"scoring", T::text,
              "how the policy scores the row: exact, band, judgement, not-applicable, unweighted, "
              "unknown"},
             {"reason", T::text, "偏差原因"},
         }},
        {"claims",
         "one row per claim of a disclosure's prose",
         {
             {"file", T::text, "the spec file of the disclosure"},
             {"disclosure", T::text, "the department"},
             {"kind", T::text, "projects, evaluated, excluded, grade, score or funds"},
             {"grade", T::text, "for a grade count: 优秀, 良好, 一般 or 较差"},
             {"claimed", T::text, "the figure as written"},
             {"value", T::decimal, "the figure (funds in 万元)"},
             {"source_line", T::integer, "the line of the source it was read from"},
         }},
        {"findings",
         "one row per finding of jixiao check",
         {
             {"file", T::text, "the spec file"},
             {"line", T::integer, "1-based"},
             {"column", T::integer, "1-based"},
             {"severity", T::text, "error, warning or note"},
             {"code", T::text, "the finding's stable code"},
             {"project", T::text, "the project (or disclosure) it is about"},
             {"indicator", T::text, "the row or field it is about"},
             {"message", T::text, "as check prints it"},
             {"reported", T::text, "the figure reported"},
             {"expected", T::text, "the figure jixiao expects"},
             {"explained_by", T::text, "the code of the finding that explains it, if any"},
         }},
        {"department_rows",
         "one row per indicator of a disclosure's department-level tables (整体绩效目标, "
         "整体绩效完成)",
         {
             {"file", T::text, "the spec file of the disclosure"},
             {"disclosure", T::text, "the department"},
             {"kind", T::text, "targets (整体绩效目标) or results (整体绩效完成)"},
             {"position", T::integer, "1-based, in table order"},
             {"indicator", T::text, "the indicator"},
             {"target", T::text, "指标值 (计划值)"},
             {"actual", T::text, "完成值"},
             {"weight", T::decimal, "权重"},
             {"reason", T::text, "偏差原因"},
         }},
        {"index_rows",
         "one row per indicator of a project's published index system (评价指标体系)",
         {
             {"file", T::text, "the spec file"},
             {"project", T::text, "项目名称"},
             {"position", T::integer, "1-based, in the index system's order"},
             {"level1", T::text, "一级指标"},
             {"level2", T::text, "二级指标"},
             {"indicator", T::text, "三级指标, as the index system names it"},
             {"target", T::text, "指标值, as the index system sets it"},
             {"weight", T::decimal, "分值"},
         }},
    };
    return tables;
}

std::string schema_markdown() {
    static const char* const type_names[] = {"text", "integer", "decimal"};
    std::string out;
    for (const auto& t : schema()) {
        out += fmt::format("- `{}`: {}.\n", t.name, t.doc);
        for (const auto& c : t.columns)
            out += fmt::format("  `{}` ({}): {}\n", c.name, type_names[static_cast<int>(c.type)],
                               c.doc);
    }
    return out;
}

std::optional<long long> ten_thousandths(const std::string& decimal) {
    auto d = Decimal::parse(decimal);
    if (!d) return std::nullopt;
    Decimal r = d->rounded(4);
    if (r.scale() != 4) return std::nullopt;
    auto m = r.mantissa();
    if (m > static_cast<Decimal::int128>(9223372036854775807LL) ||
        m < -static_cast<Decimal::int128>(9223372036854775807LL))
        return std::nullopt;
    return static_cast<long long>(m);
}

namespace {

const TableSchema& table_of(TableId id) {
    return schema()[static_cast<std::size_t>(id)];
}

// A temporary name beside `target`, renamed over it when complete.
std::string partial_name(const std::string& target) {
    return target + fmt::format(".jixiao-{}.partial", static_cast<long>(::getpid()));
}

bool commit(const std::string& partial, const std::string& target, std::string& error) {
    std::error_code ec;
    fs::rename(partial, target, ec);
    if (ec) {
        error = trf("cannot write {}: {}", target, ec.message());
        fs::remove(partial, ec);
        return false;
    }
    return true;
}

// CSV and JSON Lines: one file per table in a directory.
class FileSink : public Sink {
public:
    FileSink(Container c, std::string dir) : container_(c), dir_(std::move(dir)) {}

    bool open() {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) {
            error_ = trf("cannot create {}: {}", dir_, ec.message());
            return false;
        }
        for (const auto& t : schema()) {
            std::string target = (fs::path(dir_) / (std::string(t.name) + extension())).string();
            targets_.push_back(target);
            files_.emplace_back(partial_name(target), std::ios::binary | std::ios::trunc);
            if (!files_.back()) {
                error_ = trf("cannot write {}", target);
                return false;
            }
            if (container_ == Container::csv) {
                std::string header;
                for (const auto& c : t.columns)
                    header += (header.empty() ? "" : ",") + std::string(c.name);
                files_.back() << header << "\r\n";
            }
        }
        return true;
    }

    bool add(TableId table, const Values& values) override {
        const auto& t = table_of(table);
        auto& out = files_[static_cast<std::size_t>(table)];
        std::string line;
        if (container_ == Container::csv) {
            for (std::size_t i = 0; i < values.size(); ++i)
                line += (i ? "," : "") + (values[i] ? csv_field(*values[i]) : std::string());
            line += "\r\n";
        } else {
            line = "{";
            for (std::size_t i = 0; i < values.size(); ++i) {
                line += fmt::format("{}\"{}\":", i ? "," : "", t.columns[i].name);
                if (!values[i])
                    line += "null";
                else if (t.columns[i].type == ColumnType::text)
                    line += "\"" + text::json_escape(*values[i]) + "\"";
                else // integers and decimals as JSON numbers, exactly as written
                    line += *values[i];
            }
            line += "}\n";
        }
        out << line;
        if (!out) {
            error_ = trf("cannot write {}", targets_[static_cast<std::size_t>(table)]);
            return false;
        }
        return true;
    }

    bool finish() override {
        for (std::size_t i = 0; i < files_.size(); ++i) {
            files_[i].close();
            if (!files_[i]) {
                error_ = trf("cannot write {}", targets_[i]);
                return false;
            }
        }
        for (const auto& target : targets_)
            if (!commit(partial_name(target), target, error_)) return false;
        return true;
    }

    ~FileSink() override {
        std::error_code ec;
        for (const auto& target : targets_)
            fs::remove(partial_name(target), ec); // gone already after a finish()
    }

private:
    std::string extension() const { return container_ == Container::csv ? ".csv" : ".jsonl"; }

    // A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP); figures stay.
    static std::string csv_field(const std::string& s) {
        std::string v = s;
        if (!v.empty() && std::string_view("=+@\t\r").find(v.front()) != std::string_view::npos)
            v = "'" + v;
        if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
        std::string out = "\"";
        for (char c : v)
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    }

    Container container_;
    std::string dir_;
    std::vector<std::string> targets_;
    std::vector<std::ofstream> files_;
};

// One SQLite database: a table per schema table, decimals as text and as e4 integers.
class SqliteSink : public Sink {
public:
    explicit SqliteSink(std::string path)
        : target_(std::move(path)), partial_(partial_name(target_)) {}

    bool open() {
        std::error_code ec;
        fs::remove(partial_, ec);
        if (sqlite3_open_v2(partial_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK)
            return fail("cannot create the database");
        // Written once into a file of its own that is renamed into place: no journal needed.
        if (!exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN")) return false;
        for (const auto& t : schema()) {
            std::string columns, params;
            for (const auto& c : t.columns) {
                auto add_column = [&](const std::string& name, const char* type) {
                    columns += (columns.empty() ? "" : ", ") + name + " " + type;
                    params += params.empty() ? "?" : ", ?";
                };
                if (c.type == ColumnType::decimal) {
                    add_column(c.name, "TEXT");
                    add_column(std::string(c.name) + "_e4", "INTEGER");
                } else {
                    add_column(c.name, c.type == ColumnType::integer ? "INTEGER" : "TEXT");
                }
            }
            if (!exec(fmt::format("CREATE TABLE {} ({})", t.name, columns))) return false;
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(
                    db_, fmt::format("INSERT INTO {} VALUES ({})", t.name, params).c_str(), -1,
                    &stmt, nullptr) != SQLITE_OK)
                return fail("cannot prepare an insert");
            inserts_.push_back(stmt);
        }
        return true;
    }

    bool add(TableId table, const Values& values) override {
        const auto& t = table_of(table);
        sqlite3_stmt* stmt = inserts_[static_cast<std::size_t>(table)];
        sqlite3_reset(stmt);
        int p = 1;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto& v = values[i];
            const ColumnType type = t.columns[i].type;
            if (!v) {
                sqlite3_bind_null(stmt, p++);
                if (type == ColumnType::decimal) sqlite3_bind_null(stmt, p++);
                continue;
            }
            if (type == ColumnType::integer) {
                long long n = 0;
                auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
                if (ec == std::errc() && end == v->data() + v->size())
                    sqlite3_bind_int64(stmt, p++, n);
                else
                    sqlite3_bind_text(stmt, p++, v->c_str(), static_cast<int>(v->size()),
                                      SQLITE_TRANSIENT);
                continue;
            }
            sqlite3_bind_text(stmt, p++, v->c_str(), static_cast<int>(v->size()), SQLITE_TRANSIENT);
            if (type == ColumnType::decimal) {
                if (auto n = ten_thousandths(*v))
                    sqlite3_bind_int64(stmt, p++, *n);
                else
                    sqlite3_bind_null(stmt, p++);
            }
        }
        if (sqlite3_step(stmt) != SQLITE_DONE) return fail("cannot insert a row");
        return true;
    }

    bool finish() override {
        if (!exec("COMMIT")) return false;
        close();
        return commit(partial_, target_, error_);
    }

    ~SqliteSink() override {
        close();
        std::error_code ec;
        fs::remove(partial_, ec);
    }

private:
    bool exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
        error_ = fmt::format("{}: {}", target_, message ? message : "SQLite error");
        sqlite3_free(message);
        return false;
    }
    bool fail(const char* what) {
        error_ = fmt::format("{}: {}: {}", target_, what, db_ ? sqlite3_errmsg(db_) : "no memory");
        return false;
    }
    void close() {
        for (auto* s : inserts_)
            sqlite3_finalize(s);
        inserts_.clear();
        if (db_) sqlite3_close(db_);
        db_ = nullptr;
    }

    std::string target_, partial_;
    sqlite3* db_ = nullptr;
    std::vector<sqlite3_stmt*> inserts_;
};

} // namespace

std::unique_ptr<Sink> open_sink(Container container, const std::string& path, std::string& error) {
    if (container == Container::sqlite) {
        auto s = std::make_unique<SqliteSink>(path);
        if (!s->open()) {
            error = s->error();
            return nullptr;
        }
        return s;
    }
    auto s = std::make_unique<FileSink>(container, path);
    if (!s->open()) {
        error = s->error();
        return nullptr;
    }
    return s;
}

} // namespace jx::exporting
