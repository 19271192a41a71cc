#include "driver/format.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/files.hpp"
#include "driver/report.hpp"
#include "driver/status.hpp"
#include "format/format.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {

int format_files(const std::vector<std::string>& paths, bool check_only, bool colour,
                 std::ostream& out, std::ostream& err) {
    int status = exit_ok;
    const syntax::Limits limits;
    OutputWriter writer;
    std::size_t changed = 0;
    std::size_t files =
        for_each_spec(paths, err, status, [&](const std::string& path, const std::string& text) {
            SourceFile source(path, text);
            auto parsed = syntax::parse(source, limits);
            if (!parsed.ok()) {
                // A file that does not parse is never rewritten.
                for (const auto& d : parsed.diagnostics)
                    err << render(d, &source, {colour});
                err << trf("{}: not formatted: fix the errors above first\n",
                           text::for_terminal(path));
                if (status == exit_ok) status = exit_findings;
                return;
            }
            std::string formatted = format::format(parsed.file, source.text());
            if (formatted == text) return;
            // Alignment adds spaces: a file near the limit could grow past what the parser reads,
            // and nothing could read it again.
            if (formatted.size() > limits.max_file_bytes) {
                err << render(make_error("spec-too-large",
                                         trf("{}: not formatted: formatted, it would be {} "
                                             "bytes, more than the {} MiB a spec may have "
                                             "(split it into several files)",
                                             path, formatted.size(), limits.max_file_bytes >> 20)),
                              nullptr);
                if (status == exit_ok) status = exit_findings;
                return;
            }
            ++changed;
            std::string error;
            if (check_only) {
                out << trf("would reformat {}\n", text::for_terminal(path));
                if (status == exit_ok) status = exit_findings;
            } else if (!writer.write(path, formatted, error)) {
                report_io_error(err, error);
                status = exit_usage;
            } else {
                out << trf("formatted {}\n", text::for_terminal(path));
            }
        });
    if (check_only && changed == 0 && status == exit_ok)
        out << trf("{} file{} already formatted\n", files, files == 1 ? "" : "s");
    return status;
}

} // namespace jx::driver
