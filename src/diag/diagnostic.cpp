#include "diag/diagnostic.hpp"

#include "base/i18n.hpp"

namespace jx {

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::note:
        return "note";
    }
    return "error";
}

const char* severity_label(Severity s) {
    switch (s) {
    case Severity::error:
        return tr("error");
    case Severity::warning:
        return tr("warning");
    case Severity::note:
        return tr("note");
    }
    return tr("error");
}

Diagnostic make_error(std::string code, std::string message) {
    Diagnostic d;
    d.severity = Severity::error;
    d.code = std::move(code);
    d.message = std::move(message);
    return d;
}

Diagnostic make_warning(std::string code, std::string message) {
    Diagnostic d = make_error(std::move(code), std::move(message));
    d.severity = Severity::warning;
    return d;
}

Diagnostic make_note(std::string code, std::string message) {
    Diagnostic d = make_error(std::move(code), std::move(message));
    d.severity = Severity::note;
    return d;
}

} // namespace jx
