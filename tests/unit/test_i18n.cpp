// The message language: how it is chosen, and the Chinese catalog's entries held to their
// English sources (placeholders that fit, no English left in a translation).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include <fmt/args.h>

#include "base/i18n.hpp"
#include "diag/diagnostic.hpp"
#include "support.hpp"

using namespace jx;

namespace {

// The environment for one case: the four variables a locale is read from, set or unset.
struct Environment {
    std::map<std::string, std::string> saved;
    explicit Environment(std::map<std::string, std::string> values) {
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            if (const char* v = std::getenv(name)) saved[name] = v;
            ::unsetenv(name);
        }
        for (const auto& [name, value] : values)
            ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~Environment() {
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
            ::unsetenv(name);
        for (const auto& [name, value] : saved)
            ::setenv(name.c_str(), value.c_str(), 1);
    }
};

i18n::Language language_of(std::map<std::string, std::string> values) {
    Environment env(std::move(values));
    return i18n::from_environment();
}

// The entries of a .po file: msgid → msgstr, unescaped, the header left out.
std::map<std::string, std::string> catalog(const std::string& text) {
    std::map<std::string, std::string> out;
    std::string id, str, *into = nullptr;
    auto flush = [&] {
        if (!id.empty()) out[id] = str;
        id.clear();
        str.clear();
        into = nullptr;
    };
    auto unquote = [](std::string_view s) {
        std::string r;
        s = s.substr(s.find('"') + 1);
        s = s.substr(0, s.rfind('"'));
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\\' && i + 1 < s.size()) {
                char c = s[++i];
                r += c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else {
                r += s[i];
            }
        }
        return r;
    };
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + at, end - at);
        at = end + 1;
        if (line.starts_with("msgid ")) {
            flush();
            into = &id;
            id = unquote(line);
        } else if (line.starts_with("msgstr ")) {
            into = &str;
            str = unquote(line);
        } else if (line.starts_with("\"") && into) {
            *into += unquote(line);
        } else if (line.empty()) {
            flush();
        }
    }
    flush();
    return out;
}

// Fills a format with `n` numbered figures; false when fmt refuses it.
bool formats(const std::string& format, int n, std::string& out) {
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (int i = 0; i < n; ++i)
        args.push_back(701 + i);
    try {
        out = fmt::vformat(format, args);
        return true;
    } catch (const fmt::format_error&) {
        return false;
    }
}

// The number of arguments a format string takes ({} and {N}; {{ is a brace).
int placeholders(const std::string& s) {
    int automatic = 0, highest = -1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '{') {
            ++i;
            continue;
        }
        if (s[i] != '{') continue;
        if (std::isdigit(static_cast<unsigned char>(s[i + 1])))
            highest = std::max(highest, s[i + 1] - '0');
        else
            ++automatic;
    }
    return std::max(automatic, highest + 1);
}

} // namespace

TEST_CASE("i18n: the language follows LANGUAGE, LC_ALL, LC_MESSAGES, LANG, English without one",
          "[i18n]") {
    using L = i18n::Language;
    CHECK(language_of({}) == L::english);
    CHECK(language_of({{"LANG", "C"}}) == L::english);
    CHECK(language_of({{"LANG", "zh_CN.UTF-8"}}) == L::chinese);
    CHECK(language_of({{"LANG", "en_US.UTF-8"}}) == L::english);
    CHECK(language_of({{"LC_ALL", "C"}, {"LANG", "zh_CN.UTF-8"}}) == L::english);
    CHECK(language_of({{"LC_MESSAGES", "zh_TW.UTF-8"}, {"LANG", "en_US.UTF-8"}}) == L::chinese);
    CHECK(language_of({{"LANGUAGE", "zh_CN:en"}, {"LANG", "en_US.UTF-8"}}) == L::chinese);
    CHECK(language_of({{"LANGUAGE", "en"}, {"LANG", "zh_CN.UTF-8"}}) == L::english);
    // As gettext does: LANGUAGE counts only under a locale other than C.
    CHECK(language_of({{"LANGUAGE", "zh_CN"}}) == L::english);
    CHECK(language_of({{"LANGUAGE", "zh_CN"}, {"LANG", "C"}}) == L::english);
    i18n::Language l = L::english;
    CHECK(i18n::parse_language("zh", l));
    CHECK(l == L::chinese);
    CHECK(i18n::parse_language("en", l));
    CHECK(l == L::english);
    CHECK_FALSE(i18n::parse_language("fr", l));
}

TEST_CASE("i18n: messages switch language, codes and severity names for machines do not",
          "[i18n]") {
    CHECK(std::string(tr("the table has no 总分 row")) == "the table has no 总分 row");
    CHECK(std::string(severity_label(Severity::error)) == "error");
    const char* before = std::getenv("LANGUAGE");
    const std::string language_before = before ? before : "(unset)";
    {
        test::MessagesIn chinese(i18n::Language::chinese);
        CHECK(std::string(tr("the table has no 总分 row")) == "表中没有总分行");
        CHECK(trf("总分 得分 is {} but the row scores add up to {}", "95", "80") ==
              "总分得分填报为 95，但各行得分合计为 80");
        CHECK(std::string(severity_label(Severity::error)) == "错误");
        CHECK(std::string(severity_name(Severity::error)) == "error");
        // A message the catalog lacks is shown as written.
        CHECK(trf("no such message {}", 1) == "no such message 1");
    }
    // Back in English, the programs jixiao starts see the user's LANGUAGE again.
    const char* after = std::getenv("LANGUAGE");
    CHECK((after ? after : "(unset)") == language_before);
    CHECK(std::string(tr("the table has no 总分 row")) == "the table has no 总分 row");
}

TEST_CASE("i18n: every translation fills its placeholders and leaves no English behind", "[i18n]") {
    auto entries = catalog(test::read(test::source_path("po/zh_CN.po")));
    REQUIRE(entries.size() > 400);
    const std::regex word("[A-Za-z]{3,}");
    for (const auto& [id, str] : entries) {
        INFO(id << "\n→ " << str);
        CHECK_FALSE(str.empty());
        // A format string (its English fills with figures) must fill the same way translated:
        // no index past the English's arguments, no mix of {} and {N}.
        const int n = placeholders(id);
        std::string english, chinese;
        if (n > 0 && formats(id, n, english)) {
            CHECK(formats(str, n, chinese));
            CHECK(placeholders(str) <= n);
        }
        // English words in a translation only where the source has them too: commands, file
        // formats, keys (jixiao, UTF-8, xlsx, --force), never a sentence left untranslated.
        std::set<std::string> source_words;
        for (std::sregex_iterator it(id.begin(), id.end(), word), e; it != e; ++it)
            source_words.insert(it->str());
        for (std::sregex_iterator it(str.begin(), str.end(), word), e; it != e; ++it)
            CHECK(source_words.count(it->str()) == 1);
    }
}
