#include "base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

namespace jx::text {

char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (length == 0 || b0 > 0xF4 || i + static_cast<std::size_t>(length) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = b0 & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        unsigned char b = byte(i + static_cast<std::size_t>(k));
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and values above U+10FFFF.
    static constexpr char32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(length);
    return cp;
}

std::size_t find_invalid_utf8(std::string_view s) {
    // The well-formed byte sequences of the Unicode Standard (table 3-7), checked in place: this
    // runs over every byte of every file, so it decodes nothing, and takes ASCII eight bytes at a
    // time and the three-byte sequences of CJK text without a table.
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    auto continuation = [&](std::size_t k) { return (p[k] & 0xC0) == 0x80; };
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            while (i + 8 <= n) { // a run of ASCII
                std::uint64_t word;
                std::memcpy(&word, p + i, 8);
                if (word & 0x8080808080808080ULL) break;
                i += 8;
            }
            continue;
        }
        if (c >= 0xE1 && c <= 0xEF && c != 0xED) { // three bytes, no special second byte
            if (n - i < 3 || !continuation(i + 1) || !continuation(i + 2)) return i;
            i += 3;
            continue;
        }
        std::size_t len = 0;
        unsigned char low = 0x80, high = 0xBF; // the range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c == 0xE0) {
            len = 3;
            low = 0xA0; // no overlong forms
        } else if (c == 0xED) {
            len = 3;
            high = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F; // nothing above U+10FFFF
        } else {
            return i;
        }
        if (n - i < len || p[i + 1] < low || p[i + 1] > high) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (!continuation(i + k)) return i;
        i += len;
    }
    return std::string_view::npos;
}

int display_width(char32_t c) {
    if (c == '\t') return 1;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
    auto category = u_charType(static_cast<UChar32>(c));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
        return 0;
    auto width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

int display_width(std::string_view s) {
    int w = 0;
    std::size_t i = 0;
    while (i < s.size())
        w += display_width(next_code_point(s, i));
    return w;
}

std::size_t code_point_count(std::string_view s) {
    std::size_t n = 0, i = 0;
    while (i < s.size()) {
        next_code_point(s, i);
        ++n;
    }
    return n;
}

std::string nfkc(std::string_view s) {
    // Fast path: text of ASCII and CJK unified ideographs only (most of a spec) is already in
    // NFKC, as none of those characters decomposes or composes with a neighbour.
    bool stable = true;
    for (std::size_t i = 0; i < s.size() && stable;) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        if (c >= 0xE3 && c <= 0xE9 && i + 2 < s.size() &&
            (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
            // U+3000–U+9FFF, the block of CJK text, decoded in place
            cp = (char32_t(c & 0x0F) << 12) |
                 (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                 char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F);
            i += 3;
        } else {
            cp = next_code_point(s, i);
        }
        stable = (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
    }
    if (stable) return std::string(s);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return std::string(s);
    // On UTF-8 directly (no UTF-16 copy), and text already in NFKC (Chinese prose with its
    // punctuation, mostly) only checked.
    const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
    if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    std::string result;
    icu::StringByteSink<std::string> sink(&result, static_cast<int32_t>(s.size()));
    normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return std::string(s);
    return result;
}

std::string_view trim(std::string_view s) {
    auto is_space_at_front = [](std::string_view v) -> std::size_t {
        if (!v.empty() && (v[0] == ' ' || v[0] == '\t' || v[0] == '\r' || v[0] == '\n')) return 1;
        if (v.substr(0, 3) == "\u3000") return 3;
        return 0;
    };
    auto is_space_at_back = [](std::string_view v) -> std::size_t {
        if (!v.empty() &&
            (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n'))
            return 1;
        if (v.size() >= 3 && v.substr(v.size() - 3) == "\u3000") return 3;
        return 0;
    };
    while (std::size_t n = is_space_at_front(s))
        s.remove_prefix(n);
    while (std::size_t n = is_space_at_back(s))
        s.remove_suffix(n);
    return s;
}

std::optional<std::string> gb18030_to_utf8(std::string_view s, std::size_t* error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open("GB18030", &status);
    if (U_FAILURE(status)) return std::nullopt;
    // Stop at the first invalid sequence instead of substituting U+FFFD: a wrong guess of the
    // encoding must fail, not import mojibake.
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::u16string utf16(s.size() + 1, u'\0'); // never more UTF-16 units than bytes
    UChar* target = utf16.data();
    const char* source = s.data();
    ucnv_toUnicode(cnv, &target, target + utf16.size(), &source, s.data() + s.size(), nullptr, true,
                   &status);
    if (U_FAILURE(status)) {
        // `source` stops after the offending bytes; report where they begin.
        char bad[8];
        int8_t bad_length = sizeof bad;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &bad_length, &ignored);
        std::size_t consumed = static_cast<std::size_t>(source - s.data());
        if (error_offset)
            *error_offset =
                consumed - std::min<std::size_t>(consumed, U_SUCCESS(ignored) ? bad_length : 1);
        ucnv_close(cnv);
        return std::nullopt;
    }
    ucnv_close(cnv);
    utf16.resize(static_cast<std::size_t>(target - utf16.data()));
    std::string out;
    icu::UnicodeString(false, utf16.data(), static_cast<int32_t>(utf16.size())).toUTF8String(out);
    return out;
}

bool looks_like_gb18030(std::string_view s) {
    std::size_t utf8_bytes = 0, other_bytes = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t start = i;
        next_code_point(s, i);
        // An invalid byte decodes alone; GBK text makes a valid UTF-8 pair only by chance (~8%).
        (i - start > 1 ? utf8_bytes : other_bytes) += i - start;
    }
    return other_bytes > utf8_bytes && gb18030_to_utf8(s).has_value();
}

std::string case_fold(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .foldCase()
        .toUTF8String(out);
    return out;
}

bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

namespace {
// Decodes at s[i] like next_code_point, telling an invalid byte from a U+FFFD written as such.
char32_t decode(std::string_view s, std::size_t& i, bool& invalid) {
    std::size_t start = i;
    char32_t c = next_code_point(s, i);
    invalid = c == 0xFFFD && i - start == 1;
    return c;
}
} // namespace

std::string xml_safe(std::string_view s, std::size_t* replaced) {
    std::string out;
    out.reserve(s.size());
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        bool invalid = false;
        char32_t c = decode(s, i, invalid);
        if (invalid || !is_xml_char(c)) {
            out += "\xEF\xBF\xBD";
            ++count;
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    if (replaced) *replaced = count;
    return out;
}

std::string for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        bool invalid = false;
        char32_t c = decode(s, i, invalid);
        char buffer[16];
        if (invalid) {
            std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(s[start]));
            out += buffer;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
            out += buffer;
        } else if (c >= 0x80 && c <= 0x9F) {
            std::snprintf(buffer, sizeof buffer, "\\u{%x}", static_cast<unsigned>(c));
            out += buffer;
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    auto decode = [](std::string_view s) {
        std::vector<char32_t> out;
        for (std::size_t i = 0; i < s.size();)
            out.push_back(next_code_point(s, i));
        return out;
    };
    const auto x = decode(a), y = decode(b);
    const std::size_t n = x.size(), m = y.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Optimal string alignment over three rows.
    std::vector<std::size_t> before(m + 1), prev(m + 1), row(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
            row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
        std::swap(before, prev);
        std::swap(prev, row);
    }
    return std::min(prev[m], limit + 1);
}

std::optional<std::string_view> nearest(std::string_view word,
                                        const std::vector<std::string_view>& candidates,
                                        std::size_t max_distance) {
    // Ties go to a candidate as long as the word (万圆 → 万元, not 万 or 万人 only by chance).
    std::optional<std::string_view> best;
    std::size_t best_distance = max_distance + 1;
    bool best_same_length = false, tie = false;
    const std::size_t length = code_point_count(word);
    for (auto c : candidates) {
        std::size_t d = edit_distance(word, c, max_distance);
        bool same_length = code_point_count(c) == length;
        if (d < best_distance || (d == best_distance && same_length && !best_same_length)) {
            best = c;
            best_distance = d;
            best_same_length = same_length;
            tie = false;
        } else if (d == best_distance && best && *best != c && same_length == best_same_length) {
            tie = true;
        }
    }
    if (tie || best_distance > max_distance) return std::nullopt;
    return best;
}

char32_t unify_radical(char32_t c) {
    // Two Kangxi radicals whose NFKC ideograph is the traditional form, where the simplified
    // fonts that government PDFs use draw (and mean) the simplified one.
    if (c == 0x2F3E) return 0x6237; // ⼾ → 户, not 戶
    if (c == 0x2FC8) return 0x9EC4; // ⿈ → 黄, not 黃
    // Kangxi Radicals and CJK Compatibility Ideographs: each has its NFKC ideograph.
    if ((c >= 0x2F00 && c <= 0x2FD5) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x2F800 && c <= 0x2FA1F)) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
        icu::UnicodeString d;
        if (U_SUCCESS(status) && nfkc->getDecomposition(static_cast<UChar32>(c), d) &&
            d.countChar32() == 1)
            return static_cast<char32_t>(d.char32At(0));
        return c;
    }
    if (c < 0x2E80 || c > 0x2EF3) return c;
    // CJK Radicals Supplement has no decomposition: the forms that stand as a whole character,
    // after Unicode's EquivalentUnifiedIdeograph.txt (the forms that are only a part of one,
    // such as ⺮ on top of 竹, stay as they are).
    static constexpr std::pair<char32_t, char32_t> supplement[] = {
        {0x2E86, 0x5182}, {0x2E8A, 0x535C}, {0x2E94, 0x5F51}, {0x2E9C, 0x65E5}, {0x2E9D, 0x6708},
        {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EAA, 0x758B}, {0x2EB9, 0x8002}, {0x2EBC, 0x6708},
        {0x2EC1, 0x864E}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC8, 0x8BA0},
        {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ED0, 0x9485}, {0x2ED1, 0x9577},
        {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875},
        {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EE0, 0x9963}, {0x2EE2, 0x9A6C},
        {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
        {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50},
        {0x2EED, 0x6B6F}, {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF2, 0x4E80},
        {0x2EF3, 0x9F9F},
    };
    for (const auto& [radical, ideograph] : supplement)
        if (radical == c) return ideograph;
    return c;
}

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    std::size_t run = 0; // the start of the bytes not yet copied: they need no escape
    auto flush = [&](std::size_t i) { out.append(s.data() + run, i - run); };
    const bool valid = find_invalid_utf8(s) == std::string_view::npos;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80 && valid) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            // JSON is Unicode text: a byte that is not UTF-8 (a file name can hold any) becomes
            // U+FFFD, or the document would not be JSON.
            std::size_t start = i;
            char32_t cp = next_code_point(s, i);
            if (cp == 0xFFFD && i - start == 1) {
                flush(start);
                out += "\\ufffd";
                run = i;
            }
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        flush(i);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        }
        run = ++i;
    }
    flush(s.size());
    return out;
}

} // namespace jx::text
