// `jixiao lsp`: a Language Server Protocol server for specs. It answers with what the engine
// computes — the diagnostics `check` reports (driver::analyse), the arithmetic of a row on hover
// (scoring's results and the findings' notes), the fixes of `jixiao fix` as code actions, the
// layout of `jixiao fmt` — never a second derivation of its own.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/policy.hpp"

namespace jx::lsp {

class Server {
public:
    explicit Server(scoring::Policy policy);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // One message body in (JSON-RPC), the bodies of the messages to send out: the response, if
    // it was a request, and notifications (diagnostics). Never throws: malformed JSON, an unknown
    // method, a request before `initialize` or with bad parameters are answered with the
    // protocol's error codes.
    std::vector<std::string> handle(std::string_view body);

    // `exit` was received; the status the process should end with (0 after `shutdown`).
    bool exited() const;
    int exit_status() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Serves messages from `in` to `out` until `exit` or the end of the input; problems with the
// framing go to `log`. Returns the process's exit status.
int serve(std::istream& in, std::ostream& out, std::ostream& log, scoring::Policy policy);

} // namespace jx::lsp
