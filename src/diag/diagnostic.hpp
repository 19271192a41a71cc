// The one diagnostic type of jixiao. Parse errors, model errors and scoring findings are all
// Diagnostics; turning them into text (or JSON) is the renderer's job alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"

namespace jx {

// note: a fact worth knowing that needs no action (a template's known misspelling, read as meant).
enum class Severity { error, warning, note };
const char* severity_name(Severity s);  // stable: JSON, SARIF, the LSP
const char* severity_label(Severity s); // for people, in the message language

struct Label {
    Span span;
    std::string message; // may be empty
    bool primary = true; // primary labels get ^^^, secondary ones ---
};

// What a finding is about, for machine-readable output. Empty strings mean "not applicable".
struct Subject {
    std::string project;
    std::string indicator;
    std::string reported;
    std::string expected;
};

// The finding that explains another: one cause, one finding. An explained finding is kept for
// machine-readable output (with this link) but is shown and counted only as a note of its cause.
struct Cause {
    std::string code;
    Span span;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code; // stable, kebab-case: "expected-number", "total-score-mismatch"
    std::string message;
    std::vector<Label> labels;
    std::vector<std::string> notes;
    Subject subject;
    std::optional<Cause> cause; // set: explained by that finding

    bool explained() const { return cause.has_value(); }
    Diagnostic& label(Span span, std::string msg = {}, bool primary = true) {
        labels.push_back({span, std::move(msg), primary});
        return *this;
    }
    Diagnostic& note(std::string n) {
        notes.push_back(std::move(n));
        return *this;
    }
};

Diagnostic make_error(std::string code, std::string message);
Diagnostic make_warning(std::string code, std::string message);
Diagnostic make_note(std::string code, std::string message);

} // namespace jx
