// Parses, lowers and scores a spec held in memory, keeping every stage alive for assertions.
#pragma once

#include <memory>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "model/lower.hpp"
#include "scoring/engine.hpp"
#include "syntax/parser.hpp"

struct Scored {
    std::unique_ptr<jx::SourceFile> source;
    jx::syntax::ParseResult parsed;
    std::vector<jx::Diagnostic> model_errors;
    jx::model::Project project;
    jx::scoring::Policy policy; // the result points at it: kept as long as the result
    jx::scoring::ProjectResult result;

    // Findings about rows and the budget; the table's own (weights-not-100, incomplete-table)
    // are left out, since a one-row fixture is never a whole table that adds up to 100.
    std::multiset<std::string> codes() const {
        std::multiset<std::string> s;
        for (const auto& d : result.findings)
            if (d.code != "weights-not-100" && d.code != "incomplete-table") s.insert(d.code);
        return s;
    }
    bool has(const std::string& code) const {
        for (const auto& d : result.findings)
            if (d.code == code) return true;
        return false;
    }
    const jx::Diagnostic& finding(const std::string& code) const {
        for (const auto& d : result.findings)
            if (d.code == code) return d;
        FAIL("no finding " << code);
        throw;
    }
    const jx::scoring::RowResult& row(std::size_t i = 0) const { return result.rows.at(i); }
};

inline std::unique_ptr<Scored>
score_spec(const std::string& text,
           const jx::scoring::Policy& policy = jx::scoring::Policy::defaults()) {
    auto s = std::make_unique<Scored>();
    s->source = std::make_unique<jx::SourceFile>("t.jx", text);
    s->parsed = jx::syntax::parse(*s->source);
    INFO(text);
    REQUIRE(s->parsed.ok());
    s->project = jx::model::lower(s->parsed.file.projects.at(0), s->model_errors);
    s->policy = policy;
    s->result = jx::scoring::evaluate(s->project, s->policy);
    return s;
}

// One indicator row under 产出指标 / `level2`, with the fields given.
inline std::unique_ptr<Scored>
score_row(const std::string& fields, const std::string& level2 = "数量指标",
          const jx::scoring::Policy& policy = jx::scoring::Policy::defaults()) {
    return score_spec(
        "项目 \"p\" { 年度 2022 产出指标 { " + level2 + " { \"r\" " + fields + " } } }", policy);
}

inline std::string shown(const jx::scoring::RowResult& r) {
    return jx::scoring::show(r.expected(12));
}
