// The language of jixiao's messages: English (the source strings) or Chinese (po/zh_CN.po, through
// GNU gettext). Codes, JSON keys and the language's keywords never change with it.
//
// tr("…") translates a message; trf("… {} …", args…) translates a fmt format string and fills it.
// xgettext extracts both (see the `pot` target in CMakeLists.txt): a message is written only in
// them, never built from pieces, so that a translator sees whole sentences.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace jx::i18n {

enum class Language { english, chinese };

// The language the environment asks for, as command-line tools read it: LANGUAGE, then LC_ALL,
// LC_MESSAGES, LANG. A value starting "zh" is Chinese; anything else (or "C", or nothing) English.
Language from_environment();
// "zh", "zh_CN", "chinese", "中文" → Chinese; "en", "C", "english" → English; else nothing.
bool parse_language(std::string_view name, Language& out);

// Chooses the language of every message from now on. Chinese needs the catalog (jixiao.mo): it is
// looked for under $JIXIAO_LOCALEDIR, beside the executable (the build tree), in ../share/locale
// from it (an installed tree) and in the install prefix; without it, messages stay English and
// the result is false.
bool set_language(Language language);
Language language();
bool chinese();

// The translation of a source string (itself when English, or when the catalog lacks it).
const char* tr(const char* message);

// A translated fmt format string, filled. A translation whose placeholders do not fit the
// arguments (a catalog bug, which the catalog test catches) falls back to the English string.
template <typename... Args>
std::string trf(const char* format, Args&&... args) {
    const char* translated = tr(format);
    if (translated != format) {
        try {
            return fmt::format(fmt::runtime(translated), args...);
        } catch (const fmt::format_error&) {
        }
    }
    return fmt::format(fmt::runtime(format), std::forward<Args>(args)...);
}

// Marks a source string for the catalog where it is translated later (a table of names).
constexpr const char* N_(const char* message) {
    return message;
}

} // namespace jx::i18n

namespace jx {
using i18n::N_;
using i18n::tr;
using i18n::trf;
} // namespace jx
