#include "import/ooxml.hpp"

#include <algorithm>

#include "base/i18n.hpp"
#include <fmt/format.h>
#include <zip.h>

namespace jx::import {

OoxmlPackage::OoxmlPackage(std::string path, std::string kind, std::string whole)
    : path_(std::move(path)), kind_(std::move(kind)), whole_(std::move(whole)) {}

OoxmlPackage::~OoxmlPackage() {
    if (zip_) zip_close(zip_);
}

bool OoxmlPackage::open(const std::string& data, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &ze);
    zip_ = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr;
    if (!zip_) {
        if (src) zip_source_free(src);
        error = trf("{} is not a readable {} file: {}", path_, kind_, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return false;
    }
    zip_error_fini(&ze);
    return true;
}

// Reads one member, refusing one that unpacks to more than max_part_bytes, or past what is left
// of the package's max_unpacked_bytes.
OoxmlPackage::Member OoxmlPackage::member(const std::string& name, std::string& out,
                                          std::uint64_t& size) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return Member::absent;
    size = st.size;
    if (!(st.valid & ZIP_STAT_SIZE)) return Member::damaged;
    if (st.size > max_part_bytes) return Member::too_large;
    if (st.size > max_unpacked_bytes - unpacked_) return Member::over_budget;
    unpacked_ += st.size;
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (!f) return Member::damaged;
    out.resize(static_cast<std::size_t>(st.size));
    zip_int64_t n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    return n == static_cast<zip_int64_t>(st.size) ? Member::read : Member::damaged;
}

std::string OoxmlPackage::problem(Member m, const std::string& name, std::uint64_t size) const {
    switch (m) {
    case Member::absent:
        return trf("{} is missing", name);
    case Member::too_large:
        return trf("{} unpacks to {} bytes, more than the {} jixiao reads of one part", name, size,
                   max_part_bytes);
    case Member::over_budget:
        return trf("{} unpacks to {} bytes, past the {} bytes jixiao unpacks of one "
                   "{} in all (its parts are listed more than once, or are huge)",
                   name, size, max_unpacked_bytes, whole_);
    case Member::damaged:
        return trf("{} is damaged", name);
    case Member::read:
        break;
    }
    return {};
}

bool OoxmlPackage::part(const std::string& name, std::string& out, std::string& error) {
    std::uint64_t size = 0;
    Member m = member(name, out, size);
    if (m == Member::read) return true;
    error = trf("{} is not a readable {} {}: {}", path_, kind_, whole_, problem(m, name, size));
    return false;
}

bool OoxmlPackage::optional_part(const std::string& name, std::string& out, bool& present,
                                 std::string& error) {
    std::uint64_t size = 0;
    Member m = member(name, out, size);
    present = m == Member::read;
    if (m == Member::read || m == Member::absent) return true;
    error = trf("{} is not a readable {} {}: {}", path_, kind_, whole_, problem(m, name, size));
    return false;
}

bool OoxmlPackage::read(const std::string& name, std::string& out, std::string& why) {
    std::uint64_t size = 0;
    Member m = member(name, out, size);
    if (m == Member::read) return true;
    why = problem(m, name, size);
    return false;
}

bool parse_xml(const std::string& xml, pugi::xml_document& doc, std::string& why) {
    if (static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '<')) > max_xml_tags) {
        why = trf("it has more than {} XML tags, more than jixiao reads", max_xml_tags);
        return false;
    }
    if (!doc.load_buffer(xml.data(), xml.size())) {
        why = tr("its XML is malformed");
        return false;
    }
    return true;
}

} // namespace jx::import
