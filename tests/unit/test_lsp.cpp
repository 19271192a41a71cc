// `jixiao lsp`: a scripted session with the command itself over pipes (initialize, a mistake on a
// line of Chinese text and its exact UTF-16 range, hover, a code action applied and its
// diagnostic gone on the next publish, formatting, symbols, completion, shutdown and exit), and
// the server's answers to bad input, message by message.
#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "lsp/positions.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "support.hpp"

using namespace jx;
using json = nlohmann::json;

namespace {

// The client side of a session with `jixiao lsp`, through its stdin and stdout.
class Session {
public:
    Session() {
        int to[2], from[2];
        REQUIRE(::pipe(to) == 0);
        REQUIRE(::pipe(from) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to[0], 0);
        posix_spawn_file_actions_adddup2(&actions, from[1], 1);
        posix_spawn_file_actions_addclose(&actions, to[1]);
        posix_spawn_file_actions_addclose(&actions, from[0]);
        std::string bin = JIXIAO_BINARY, cmd = "lsp";
        char* argv[] = {bin.data(), cmd.data(), nullptr};
        REQUIRE(posix_spawn(&pid_, JIXIAO_BINARY, &actions, nullptr, argv, environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        ::close(to[0]);
        ::close(from[1]);
        in_ = to[1];
        out_ = from[0];
        std::signal(SIGPIPE, SIG_IGN);
    }
    ~Session() {
        if (in_ >= 0) ::close(in_);
        ::close(out_);
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }

    void send(const json& message) {
        std::string body = message.dump();
        std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        for (std::size_t done = 0; done < framed.size();) {
            ssize_t n = ::write(in_, framed.data() + done, framed.size() - done);
            REQUIRE(n > 0);
            done += static_cast<std::size_t>(n);
        }
    }
    json request(const std::string& method, json params) {
        int id = ++last_id_;
        send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
        for (;;) {
            json m = receive();
            if (m.contains("id") && m["id"] == id) return m;
            notifications_.push_back(std::move(m));
        }
    }
    void notify(const std::string& method, json params) {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    }
    // The next publishDiagnostics for `uri`.
    json diagnostics(const std::string& uri) {
        for (;;) {
            json m;
            if (!notifications_.empty()) {
                m = notifications_.front();
                notifications_.erase(notifications_.begin());
            } else {
                m = receive();
            }
            if (m.value("method", "") == "textDocument/publishDiagnostics" &&
                m["params"]["uri"] == uri)
                return m["params"]["diagnostics"];
        }
    }
    // Ends the input and waits for the server: its exit status.
    int finish() {
        ::close(in_);
        in_ = -1;
        int status = 0;
        REQUIRE(::waitpid(pid_, &status, 0) == pid_);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    std::string read_exactly(std::size_t n) {
        std::string s;
        while (s.size() < n) {
            pollfd p{out_, POLLIN, 0};
            REQUIRE(::poll(&p, 1, 20000) == 1); // the server answers within seconds, or fails
            char buf[4096];
            ssize_t got = ::read(out_, buf, std::min(sizeof buf, n - s.size()));
            REQUIRE(got > 0);
            s.append(buf, static_cast<std::size_t>(got));
        }
        return s;
    }
    json receive() {
        std::string headers;
        while (headers.size() < 4 || headers.substr(headers.size() - 4) != "\r\n\r\n")
            headers += read_exactly(1);
        auto at = headers.find("Content-Length: ");
        REQUIRE(at != std::string::npos);
        std::size_t length = std::stoul(headers.substr(at + 16));
        return json::parse(read_exactly(length));
    }

    pid_t pid_ = -1;
    int in_ = -1, out_ = -1;
    int last_id_ = 0;
    std::vector<json> notifications_;
};

json doc_id(const std::string& uri) {
    return {{"uri", uri}};
}
json position(int line, int character) {
    return {{"line", line}, {"character", character}};
}

// A table with one mistake on a line of Chinese text that holds a character beyond the BMP
// (𠀀, two UTF-16 code units, four bytes) before it: 得分 12 above its weight of 10.
const std::string row_mistake = R"(项目 "培训项目" {
  产出指标 {
    数量指标 {
      "举办培训场次"  指标值 ≥ 5场  完成值 6场  分值 80  得分 80
    }
  }
  效益指标 {
    社会效益指标 {
      "技能提升"  指标值 "提升"  完成值 "达到预期"  分值 10  得分 10
    }
  }
  满意度指标 {
    服务对象满意度指标 {
      "满意度𠀀"  指标值 ≥ 90%  完成值 95%  分值 10  得分 12
    }
  }
  总分 分值 100 得分 100
}
)";

// A table whose 总分 得分 is not the sum of its rows (90, where they add up to 100), laid out
// off the canonical layout.
const std::string total_mistake = R"(项目 "调研项目" {
  产出指标 {
    数量指标 {
      "调研次数" 指标值 ≥ 5次 完成值 6次 分值 80 得分 80
    }
  }
  效益指标 {
    社会效益指标 {
      "决策参考"  指标值 "提供参考"  完成值 "达到预期"  分值 10  得分 10
    }
  }
  满意度指标 {
    服务对象满意度指标 {
      "满意度"  指标值 ≥ 90%  完成值 95%  分值 10  得分 10
    }
  }
  总分 分值 100 得分 90
}
)";

// `text` with an LSP TextEdit applied (positions in UTF-16, as the server gives them).
std::string apply_edit(const std::string& text, const json& edit) {
    lsp::LineIndex lines(text);
    auto at = [&](const json& p) {
        return lines.offset({p["line"].get<std::uint32_t>(), p["character"].get<std::uint32_t>()});
    };
    std::uint32_t b = at(edit["range"]["start"]), e = at(edit["range"]["end"]);
    return text.substr(0, b) + edit["newText"].get<std::string>() + text.substr(e);
}

} // namespace

TEST_CASE("lsp: a scripted session with jixiao lsp over stdio", "[lsp]") {
    Session s;
    // Before initialize: refused with ServerNotInitialized.
    auto early = s.request("textDocument/hover", {{"textDocument", doc_id("file:///x.jx")},
                                                  {"position", position(0, 0)}});
    CHECK(early["error"]["code"] == -32002);

    auto init =
        s.request("initialize",
                  {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
    const auto& caps = init["result"]["capabilities"];
    CHECK(caps["textDocumentSync"]["change"] == 1);
    CHECK(caps["hoverProvider"] == true);
    CHECK(caps["documentFormattingProvider"] == true);
    CHECK(caps["codeActionProvider"]["codeActionKinds"] == json::array({"quickfix"}));
    s.notify("initialized", json::object());

    // The mistake, its code and message as check prints them, its exact range in UTF-16.
    const std::string a = "file:///tmp/%E5%9F%B9%E8%AE%AD.jx";
    s.notify("textDocument/didOpen",
             {{"textDocument",
               {{"uri", a}, {"languageId", "jixiao"}, {"version", 1}, {"text", row_mistake}}}});
    auto diags = s.diagnostics(a);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["code"] == "score-exceeds-weight");
    CHECK(diags[0]["severity"] == 1);
    CHECK(diags[0]["source"] == "jixiao");
    // Line 14: 6 spaces, "满意度𠀀" (1 + 3 + 2 + 1 units), … 得分 12: the 12 at units 45 to 47
    // (44 to 46 if 𠀀 were counted as one character, 48 to 50 in code points of UTF-8 bytes…).
    CHECK(diags[0]["range"] == json({{"start", position(13, 45)}, {"end", position(13, 47)}}));
    // The total off by the same 2 points is a note of this finding, not a second diagnostic.
    CHECK(diags[0]["message"].get<std::string>().find("note: 总分 得分 100 counts this score at "
                                                      "its weight") != std::string::npos);

    // Hover on the row: the recomputed score and the finding with its notes.
    auto hover = s.request("textDocument/hover",
                           {{"textDocument", doc_id(a)}, {"position", position(13, 46)}});
    std::string shown = hover["result"]["contents"]["value"];
    CHECK(shown.find("**满意度𠀀** — 满意度指标 › 服务对象满意度指标") != std::string::npos);
    CHECK(shown.find("reported: 分值 10 · 得分 12") != std::string::npos);
    INFO(shown);
    CHECK(shown.find("recomputed score **10** = 95% ≥ 90% is met") != std::string::npos);
    CHECK(shown.find("error[score-exceeds-weight]") != std::string::npos);
    // On the total: the sums and the recomputed total with its grade.
    hover = s.request("textDocument/hover",
                      {{"textDocument", doc_id(a)}, {"position", position(16, 4)}});
    shown = hover["result"]["contents"]["value"];
    CHECK(shown ==
          "**总分**\n\nthe weights add up to 100 (总分 分值 100)\n\nthe row scores add up to "
          "102 (总分 得分 100)\n\nrecomputed total **100**, grade 优秀\n");

    // The total off its rows: the code action sets it, and the next publish has no diagnostic.
    const std::string b = "file:///tmp/total.jx";
    s.notify("textDocument/didOpen",
             {{"textDocument",
               {{"uri", b}, {"languageId", "jixiao"}, {"version", 1}, {"text", total_mistake}}}});
    diags = s.diagnostics(b);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["code"] == "total-score-mismatch");
    CHECK(diags[0]["range"] == json({{"start", position(16, 15)}, {"end", position(16, 17)}}));
    auto actions = s.request("textDocument/codeAction", {{"textDocument", doc_id(b)},
                                                         {"range", diags[0]["range"]},
                                                         {"context", {{"diagnostics", diags}}}});
    REQUIRE(actions["result"].size() == 1);
    const auto& act = actions["result"][0];
    CHECK(act["title"] == "Set 总分 得分 to 100");
    CHECK(act["kind"] == "quickfix");
    const auto& edits = act["edit"]["changes"][b];
    REQUIRE(edits.size() == 1);
    std::string fixed = apply_edit(total_mistake, edits[0]);
    CHECK(fixed.find("  总分 分值 100 得分 100\n") != std::string::npos);
    s.notify("textDocument/didChange", {{"textDocument", {{"uri", b}, {"version", 2}}},
                                        {"contentChanges", json::array({{{"text", fixed}}})}});
    CHECK(s.diagnostics(b).empty());

    // Formatting: the fmt layout, as one edit of the whole text.
    auto formatted = s.request(
        "textDocument/formatting",
        {{"textDocument", doc_id(b)}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
    REQUIRE(formatted["result"].size() == 1);
    std::string laid_out = apply_edit(fixed, formatted["result"][0]);
    CHECK(laid_out.find("      \"调研次数\"  指标值 ≥ 5次") != std::string::npos);
    CHECK(laid_out != fixed);

    // Symbols: project → categories → indicators.
    auto symbols = s.request("textDocument/documentSymbol", {{"textDocument", doc_id(b)}});
    const auto& project = symbols["result"][0];
    CHECK(project["name"] == "调研项目");
    CHECK(project["children"][0]["name"] == "产出指标");
    CHECK(project["children"][0]["children"][0]["name"] == "数量指标");
    CHECK(project["children"][0]["children"][0]["children"][0]["name"] == "调研次数");
    CHECK(project["children"][0]["children"][0]["children"][0]["detail"] == "分值 80 得分 80");

    // Completion inside 效益指标 { … }: its level-2 categories, Chinese and English.
    auto completion = s.request("textDocument/completion",
                                {{"textDocument", doc_id(b)}, {"position", position(7, 4)}});
    std::vector<std::string> labels;
    for (const auto& item : completion["result"]["items"])
        labels.push_back(item["label"]);
    CHECK(labels == std::vector<std::string>{"经济效益指标", "economic", "社会效益指标", "social",
                                             "生态效益指标", "ecological", "可持续影响指标",
                                             "sustainability", "不涉及"});

    // An unknown method is MethodNotFound; the session goes on.
    CHECK(s.request("workspace/frobnicate", json::object())["error"]["code"] == -32601);

    auto shutdown = s.request("shutdown", nullptr);
    CHECK(shutdown.contains("result"));
    CHECK(shutdown["result"].is_null());
    s.notify("exit", nullptr);
    CHECK(s.finish() == 0);
}

TEST_CASE("lsp: the server answers bad input with errors and lives on", "[lsp]") {
    lsp::Server server(scoring::Policy::defaults());
    auto one = [&](std::string_view body) {
        auto out = server.handle(body);
        REQUIRE(out.size() == 1);
        return json::parse(out[0]);
    };
    CHECK(one("{not json")["error"]["code"] == -32700);
    CHECK(one("\"\xff\xfe\"")["error"]["code"] == -32700); // invalid UTF-8
    CHECK(one("[1,2]")["error"]["code"] == -32600);
    // Nested past what any protocol message needs: refused before parsing (copying such a value
    // would recurse off the stack); brackets inside strings do not count.
    std::string deep = R"({"jsonrpc":"2.0","id":9,"method":"x","params":)" +
                       std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(one(deep)["error"]["message"] == "a message nested deeper than 128 levels");
    CHECK(one(R"({"jsonrpc":"2.0","id":9,"method":"x","params":{"a":"[[[[\"[[[[[[[[[[[["}})")
              ["error"]["code"] == -32002); // parsed: not initialized yet
    CHECK(one(R"({"jsonrpc":"2.0","id":{"a":1},"method":"initialize"})")["error"]["code"] ==
          -32600);
    CHECK(one(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})").contains("result"));
    // Parameters of the wrong shape, a document never opened: InvalidParams / RequestFailed.
    CHECK(
        one(R"({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"x":1}})")["error"]
                                                                                         ["code"] ==
        -32602);
    CHECK(
        one(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///none.jx"},"position":{"line":0,"character":0}}})")
            ["error"]["code"] == -32803);
    // A notification with bad parameters has no one to answer: nothing is sent.
    CHECK(
        server.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}})").empty());
    // A document larger than a spec may be: the parser's own diagnostic, at the start.
    std::string huge(17u << 20, ' ');
    json open = {
        {"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument", {{"uri", "file:///huge.jx"}, {"version", 1}, {"text", huge}}}}}};
    auto published = json::parse(one(open.dump())["params"]["diagnostics"][0].dump());
    CHECK(published["code"] == "file-too-large");
    // Positions far past the end are clamped, never read out of bounds.
    auto hover = one(
        R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///huge.jx"},"position":{"line":99999999,"character":99999999}}})");
    CHECK(hover.contains("result"));
    CHECK(one(R"({"jsonrpc":"2.0","id":5,"method":"shutdown"})")["result"].is_null());
    CHECK(one(R"({"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{}})")["error"]
                                                                                      ["code"] ==
          -32600);
    CHECK(server.handle(R"({"jsonrpc":"2.0","method":"exit"})").empty());
    CHECK(server.exited());
    CHECK(server.exit_status() == 0);
}

TEST_CASE("lsp: positions in UTF-16 code units, to and from byte offsets", "[lsp]") {
    // a, 中 (3 bytes, 1 unit), 𠀀 (4 bytes, 2 units), b; then a second line.
    std::string text = "a中\xF0\xA0\x80\x80"
                       "b\n中x";
    lsp::LineIndex lines(text);
    CHECK(lines.position(0).character == 0);
    CHECK(lines.position(1).character == 1);
    CHECK(lines.position(4).character == 2);
    CHECK(lines.position(8).character == 4);
    CHECK(lines.position(10).line == 1);
    CHECK(lines.position(13).character == 1);
    CHECK(lines.offset({0, 4}) == 8);
    CHECK(lines.offset({0, 3}) == 4);  // inside the surrogate pair: the character's start
    CHECK(lines.offset({0, 99}) == 9); // past the line's end: its end
    CHECK(lines.offset({1, 1}) == 13);
    CHECK(lines.offset({7, 0}) == text.size());
}

namespace {

// A session in process, for the requests' answers on files of the repository.
struct InProcess {
    lsp::Server server{scoring::Policy::defaults()};
    int id = 0;
    InProcess() { ask("initialize", json::object()); }
    json ask(const std::string& method, json params) {
        auto out = server.handle(
            json{{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", params}}.dump());
        REQUIRE(out.size() == 1);
        return json::parse(out[0])["result"];
    }
    json open(const std::string& uri, const std::string& text) {
        auto out =
            server.handle(json{{"jsonrpc", "2.0"},
                               {"method", "textDocument/didOpen"},
                               {"params", {{"textDocument", {{"uri", uri}, {"text", text}}}}}}
                              .dump());
        REQUIRE(out.size() == 1);
        return json::parse(out[0])["params"]["diagnostics"];
    }
    json actions_on(const std::string& uri, const json& diagnostic) {
        return ask("textDocument/codeAction", {{"textDocument", doc_id(uri)},
                                               {"range", diagnostic["range"]},
                                               {"context", {{"diagnostics", {diagnostic}}}}});
    }
};

json with_code(const json& diagnostics, const std::string& code) {
    for (const auto& d : diagnostics)
        if (d["code"] == code) return d;
    FAIL("no diagnostic " << code);
    return {};
}

} // namespace

TEST_CASE("lsp: quick fixes rename a misspelt category and add a 偏差原因 to fill in", "[lsp]") {
    InProcess s;
    // The parser's slip: 产出指表 for 产出指标.
    std::string typo = test::read(test::source_path("tests/golden/check/slip-category-typo.jx"));
    auto d = with_code(s.open("file:///typo.jx", typo), "unknown-category-word");
    auto actions = s.actions_on("file:///typo.jx", d);
    REQUIRE(actions.size() == 1);
    CHECK(actions[0]["title"] == "Rename to 产出指标");
    std::string renamed = apply_edit(typo, actions[0]["edit"]["changes"]["file:///typo.jx"][0]);
    CHECK(renamed.find("\n  产出指标 {\n") != std::string::npos);
    // Renamed, the slip is gone (the total's own mismatch stays).
    auto after = s.open("file:///typo.jx", renamed);
    for (const auto& x : after)
        CHECK(x["code"] != "unknown-category-word");

    // A real table's template misspelling, quoted: renamed inside its quotes.
    const std::string rel = "indicator_specs/fengtai-2022/001-26-中小企业发展专项资金.jx";
    std::string table = test::read(test::source_path(rel));
    auto diags = s.open("file:///t.jx", table);
    actions = s.actions_on("file:///t.jx", with_code(diags, "category-variant"));
    REQUIRE(actions.size() == 1);
    CHECK(actions[0]["title"] == "Rename to 服务对象满意度指标");
    CHECK(actions[0]["edit"]["changes"]["file:///t.jx"][0]["newText"] == "\"服务对象满意度指标\"");

    // A row that loses a point without a reason: an empty 偏差原因 after its last field, before
    // its comment; the warning stays until a reason is written.
    auto missing = with_code(diags, "missing-deviation-reason");
    actions = s.actions_on("file:///t.jx", missing);
    REQUIRE(actions.size() == 1);
    CHECK(actions[0]["title"] == "Add a 偏差原因 placeholder");
    std::string with_reason = apply_edit(table, actions[0]["edit"]["changes"]["file:///t.jx"][0]);
    CHECK(with_reason.find("分值 10  得分 9  偏差原因 \"\"  # 第 5264 行") != std::string::npos);
    auto reopened = s.open("file:///t.jx", with_reason);
    CHECK(with_code(reopened, "missing-deviation-reason")["range"] == missing["range"]);
    for (const auto& x : reopened)
        CHECK(x["code"] != "syntax-error");
}

TEST_CASE("lsp: hover on a graded row shows its band, completion offers its scale's grades",
          "[lsp]") {
    InProcess s;
    std::string grades = test::read(test::source_path("examples/07-grades.jx"));
    s.open("file:///g.jx", grades);
    // Line 7: "报告质量" 指标值 优良中低差 完成值 良 分值 20 得分 17.
    auto hover = s.ask("textDocument/hover",
                       {{"textDocument", doc_id("file:///g.jx")}, {"position", position(6, 10)}});
    std::string shown = hover["contents"]["value"];
    INFO(shown);
    CHECK(shown.find("**报告质量** — 产出指标 › 质量指标") != std::string::npos);
    CHECK(shown.find("grade band **良**: 16–18 points") != std::string::npos);
    auto completion = s.ask("textDocument/completion", {{"textDocument", doc_id("file:///g.jx")},
                                                        {"position", position(6, 60)}});
    std::vector<std::string> grade_names;
    for (const auto& item : completion["items"])
        if (item["kind"] == 20) grade_names.push_back(item["label"]);
    CHECK(grade_names == std::vector<std::string>{"优", "良", "中", "低", "差"});
}

TEST_CASE("lsp: a disclosure's claims and department tables in the outline, its findings shown",
          "[lsp]") {
    InProcess s;
    auto diagnostics = s.open(
        "file:///d.jx", "部门 \"某局\" {\n  评价项目数 16 行 341\n  等级 优秀 13 行 341\n"
                        "  等级 良好 0 行 341\n  等级 一般 0 行 341\n  等级 较差 0 行 341\n"
                        "  整体绩效目标 {\n    \"方案编制内容\" 指标值 ≥ 4项 权重 3\n  }\n}\n");
    auto symbols = s.ask("textDocument/documentSymbol", {{"textDocument", doc_id("file:///d.jx")}});
    REQUIRE(symbols.size() == 1);
    CHECK(symbols[0]["name"] == "某局");
    CHECK(symbols[0]["children"][0]["name"] == "评价项目数");
    CHECK(symbols[0]["children"][0]["detail"] == "16（第 341 行）");
    CHECK(symbols[0]["children"][1]["name"] == "等级 优秀");
    CHECK(symbols[0]["children"][5]["name"] == "整体绩效目标");
    CHECK(symbols[0]["children"][5]["children"][0]["name"] == "方案编制内容");
    std::vector<std::string> codes;
    for (const auto& d : diagnostics)
        codes.push_back(d["code"]);
    CHECK(codes == std::vector<std::string>{"claim-sum-mismatch", "department-weight-mismatch"});
}

TEST_CASE("lsp: framing errors are answered and the next message is read", "[lsp]") {
    auto framed = [](const std::string& body) {
        return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    };
    std::string init = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})";
    std::istringstream in("Garbage-Header\r\n\r\n" + std::string("Content-Length: 12x\r\n\r\n") +
                          framed(init) + framed(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                          framed(R"({"jsonrpc":"2.0","method":"exit"})"));
    std::ostringstream out, log;
    CHECK(lsp::serve(in, out, log, scoring::Policy::defaults()) == 0);
    CHECK(log.str() == "jixiao lsp: a header without a colon: Garbage-Header\n"
                       "jixiao lsp: Content-Length is not a number: 12x\n");
    std::string replies = out.str();
    CHECK(replies.find(R"("code":-32700,"message":"a header without a colon: Garbage-Header")") !=
          std::string::npos);
    CHECK(replies.find(R"("id":1,"jsonrpc":"2.0","result":{"capabilities")") != std::string::npos);
    CHECK(replies.find(R"({"id":2,"jsonrpc":"2.0","result":null})") != std::string::npos);

    // A body larger than the server reads is skipped, not held, and said so.
    std::string huge(lsp::max_message_bytes + 1, ' ');
    std::istringstream big(framed(huge) + framed(init));
    std::ostringstream big_out, big_log;
    CHECK(lsp::serve(big, big_out, big_log, scoring::Policy::defaults()) == 1); // no exit
    CHECK(big_out.str().find("more than the 128 MiB the server reads") != std::string::npos);
    CHECK(big_out.str().find(R"("id":1,"jsonrpc":"2.0","result")") != std::string::npos);
}
