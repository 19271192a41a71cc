// The base protocol of the Language Server Protocol: messages framed by a Content-Length header.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace jx::lsp {

// No message body larger than this is read into memory (it is skipped, and answered with an
// error): a spec is at most 16 MiB, and JSON escaping at most multiplies it sixfold.
inline constexpr std::size_t max_message_bytes = std::size_t{128} << 20;

enum class ReadStatus {
    message,  // `body` holds a message
    end,      // the input ended between messages
    bad,      // a framing error (described in `error`); reading goes on from the next line
    too_large // the body was skipped; `error` says so
};

ReadStatus read_message(std::istream& in, std::string& body, std::string& error);
void write_message(std::ostream& out, std::string_view body);

} // namespace jx::lsp
