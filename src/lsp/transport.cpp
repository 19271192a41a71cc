#include "lsp/transport.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <istream>
#include <ostream>

namespace jx::lsp {

ReadStatus read_message(std::istream& in, std::string& body, std::string& error) {
    error.clear();
    std::string line;
    std::size_t length = 0;
    bool have_length = false, any_header = false;
    // Headers, each ended by \r\n (a bare \n is accepted), up to an empty line.
    for (;;) {
        if (!std::getline(in, line)) {
            if (!any_header) return ReadStatus::end;
            error = "the input ended inside a message's headers";
            return ReadStatus::end;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            if (!any_header) continue; // stray blank lines between messages
            break;
        }
        any_header = true;
        if (line.size() > 1024) {
            error = "a header line longer than 1024 bytes";
            return ReadStatus::bad;
        }
        auto colon = line.find(':');
        if (colon == std::string::npos) {
            error = "a header without a colon: " + line.substr(0, 80);
            return ReadStatus::bad;
        }
        std::string name = line.substr(0, colon);
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name != "content-length") continue; // Content-Type and others: nothing to do
        std::string_view value(line);
        value.remove_prefix(colon + 1);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
        if (ec != std::errc() || end != value.data() + value.size()) {
            error = "Content-Length is not a number: " + std::string(value.substr(0, 40));
            return ReadStatus::bad;
        }
        have_length = true;
    }
    if (!have_length) {
        error = "a message without a Content-Length header";
        return ReadStatus::bad;
    }
    if (length > max_message_bytes) {
        // Skipped in pieces, never held: the next message is read after it.
        char chunk[64 * 1024];
        for (std::size_t left = length; left > 0 && in;) {
            in.read(chunk, static_cast<std::streamsize>(std::min(left, sizeof chunk)));
            left -= static_cast<std::size_t>(in.gcount());
        }
        error = "a message of " + std::to_string(length) + " bytes, more than the " +
                std::to_string(max_message_bytes >> 20) + " MiB the server reads";
        return ReadStatus::too_large;
    }
    body.resize(length);
    in.read(body.data(), static_cast<std::streamsize>(length));
    if (static_cast<std::size_t>(in.gcount()) != length) {
        error = "the input ended inside a message's body";
        return ReadStatus::end;
    }
    return ReadStatus::message;
}

void write_message(std::ostream& out, std::string_view body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

} // namespace jx::lsp
