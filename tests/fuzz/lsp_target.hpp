// The language server's fuzz target, shared by fuzz_lsp.cpp and the regression replay: the input
// is a spec opened in a session (any bytes; what is not UTF-8 is replaced, as a client's JSON
// cannot carry it) and a raw message body. Every request is asked at positions drawn from the
// input, each code action's edit is applied and the result sent back as a change. Nothing may
// crash, hang or trip a sanitizer, and every answer must be one JSON message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/positions.hpp"
#include "lsp/server.hpp"

namespace jx::fuzz {

inline int fuzz_lsp(const std::uint8_t* data, std::size_t size) {
    using json = nlohmann::json;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    static const auto policy = scoring::Policy::defaults();
    lsp::Server server(policy);
    auto send = [&](const json& m) {
        auto out = server.handle(m.dump(-1, ' ', false, json::error_handler_t::replace));
        for (const auto& reply : out)
            if (json::parse(reply, nullptr, false).is_discarded()) std::abort();
        return out;
    };
    // The raw bytes as a message, before and after initialize.
    server.handle(bytes);
    send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
    server.handle(bytes);
    // Made valid UTF-8 the way a client's JSON would carry it.
    std::string text = json::parse(json(bytes).dump(-1, ' ', false, json::error_handler_t::replace))
                           .get<std::string>();
    const std::string uri = "file:///fuzz.jx";
    json doc = {{"uri", uri}};
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}}});
    lsp::LineIndex lines(text);
    int id = 2;
    for (std::size_t k = 0; k < 4; ++k) {
        std::uint32_t line =
            size ? static_cast<std::uint8_t>(bytes[k % size]) % (lines.lines() + 1) : 0;
        std::uint32_t character = size ? static_cast<std::uint8_t>(bytes[(k * 7) % size]) : 0;
        json position = {{"line", line}, {"character", character}};
        for (const char* method : {"textDocument/hover", "textDocument/completion"})
            send({{"jsonrpc", "2.0"},
                  {"id", id++},
                  {"method", method},
                  {"params", {{"textDocument", doc}, {"position", position}}}});
    }
    json range = {{"start", {{"line", 0}, {"character", 0}}},
                  {"end", {{"line", lines.lines()}, {"character", 0}}}};
    auto actions =
        send({{"jsonrpc", "2.0"},
              {"id", id++},
              {"method", "textDocument/codeAction"},
              {"params", {{"textDocument", doc}, {"range", range}, {"context", json::object()}}}});
    int version = 2;
    for (const auto& reply : actions) {
        json r = json::parse(reply);
        if (!r.contains("result") || !r["result"].is_array()) continue;
        for (const auto& action : r["result"]) {
            for (const auto& edit : action["edit"]["changes"][uri]) {
                auto at = [&](const json& p) {
                    return lines.offset(
                        {p["line"].get<std::uint32_t>(), p["character"].get<std::uint32_t>()});
                };
                std::uint32_t b = at(edit["range"]["start"]), e = at(edit["range"]["end"]);
                if (e < b) std::abort();
                std::string changed =
                    text.substr(0, b) + edit["newText"].get<std::string>() + text.substr(e);
                send({{"jsonrpc", "2.0"},
                      {"method", "textDocument/didChange"},
                      {"params",
                       {{"textDocument", {{"uri", uri}, {"version", version++}}},
                        {"contentChanges", json::array({{{"text", changed}}})}}}});
            }
        }
    }
    for (const char* method : {"textDocument/formatting", "textDocument/documentSymbol"})
        send({{"jsonrpc", "2.0"},
              {"id", id++},
              {"method", method},
              {"params", {{"textDocument", doc}, {"options", json::object()}}}});
    send({{"jsonrpc", "2.0"}, {"id", id++}, {"method", "shutdown"}});
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    return 0;
}

} // namespace jx::fuzz
