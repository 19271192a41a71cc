#include "base/i18n.hpp"

#include <atomic>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <libintl.h>
#include <optional>
#include <system_error>
#include <vector>

#ifndef JIXIAO_LOCALEDIR
#define JIXIAO_LOCALEDIR "/usr/local/share/locale"
#endif

namespace jx::i18n {
namespace {

constexpr const char* domain = "jixiao";
std::atomic<Language> current{Language::english};

bool has_catalog(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::exists(dir / "zh_CN" / "LC_MESSAGES" / "jixiao.mo", ec);
}

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

// Where the compiled catalog is: the first of the places in the header's order that holds it.
std::string catalog_dir() {
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("JIXIAO_LOCALEDIR"); env && *env)
        candidates.emplace_back(env);
    if (auto exe = executable_dir(); !exe.empty()) {
        candidates.push_back(exe / "locale");
        candidates.push_back(exe.parent_path() / "locale"); // tests/ of the build tree
        candidates.push_back(exe.parent_path() / "share" / "locale");
    }
    candidates.emplace_back(JIXIAO_LOCALEDIR);
    for (const auto& dir : candidates)
        if (has_catalog(dir)) return dir.string();
    return {};
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

bool parse_language(std::string_view name, Language& out) {
    const std::string n = lowered(name);
    if (n.starts_with("zh") || n == "chinese" || n == "中文") {
        out = Language::chinese;
        return true;
    }
    if (n.starts_with("en") || n == "c" || n == "posix" || n == "english") {
        out = Language::english;
        return true;
    }
    return false;
}

Language from_environment() {
    // LANGUAGE is a list ("zh_CN:en"); its first entry decides. As in gettext, it counts only
    // when some locale is set at all.
    auto get = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? v : "";
    };
    std::string locale = get("LC_ALL");
    if (locale.empty()) locale = get("LC_MESSAGES");
    if (locale.empty()) locale = get("LANG");
    const std::string list = get("LANGUAGE");
    if (!list.empty() && !locale.empty() && locale != "C" && locale != "POSIX") {
        Language l;
        if (parse_language(list.substr(0, list.find(':')), l)) return l;
    }
    Language l = Language::english;
    if (!locale.empty()) parse_language(locale, l);
    return l;
}

namespace {

// LANGUAGE as it was before Chinese set it: given back on a return to English, so that the
// programs jixiao starts (and a test's runs of the CLI) read the user's own environment.
std::optional<std::string> language_env_before;
bool language_env_set = false;

void name_catalog(bool chinese) {
    if (chinese && !language_env_set) {
        if (const char* v = std::getenv("LANGUAGE")) language_env_before = v;
        ::setenv("LANGUAGE", "zh_CN", 1);
        language_env_set = true;
    } else if (!chinese && language_env_set) {
        if (language_env_before)
            ::setenv("LANGUAGE", language_env_before->c_str(), 1);
        else
            ::unsetenv("LANGUAGE");
        language_env_before.reset();
        language_env_set = false;
    }
}

} // namespace

bool set_language(Language language) {
    if (language == Language::english) {
        name_catalog(false);
        current = Language::english;
        return true;
    }
    static const std::string dir = catalog_dir();
    if (dir.empty()) {
        current = Language::english;
        return false;
    }
    // gettext translates only under a locale other than "C", and the machine may lack zh_CN's
    // (CI has none): C.UTF-8, built into glibc, is one, and LANGUAGE names the catalog.
    static const bool bound = [] {
        std::setlocale(LC_MESSAGES, "C.UTF-8");
        ::bindtextdomain(domain, dir.c_str());
        ::bind_textdomain_codeset(domain, "UTF-8");
        return true;
    }();
    (void)bound;
    name_catalog(true);
    current = Language::chinese;
    return true;
}

Language language() {
    return current;
}
bool chinese() {
    return current == Language::chinese;
}

const char* tr(const char* message) {
    if (current == Language::english || message == nullptr || *message == '\0') return message;
    return ::dgettext(domain, message);
}

} // namespace jx::i18n
