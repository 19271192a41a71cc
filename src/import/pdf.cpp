#include "import/pdf.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <numeric>

#include <fmt/format.h>
extern "C" {
#include <mupdf/fitz.h>
}

#include "base/i18n.hpp"
#include "base/text.hpp"

namespace jx::import {
namespace {

// ---- What a page holds, read through MuPDF -------------------------------------------------

// A ruling line: horizontal (at y = pos, from x = from to x = to) or vertical (at x = pos).
struct Segment {
    float pos, from, to;
};

struct Glyph {
    fz_rect box;
    float base; // the baseline's y
    float size;
    int c;
    int line; // the structured-text line it came in, for prose
};

struct PageContent {
    fz_rect bounds{};
    std::vector<Segment> horizontal, vertical;
    std::vector<Glyph> glyphs;
    int images = 0;
    bool overflow = false; // a vector could not grow: out of memory
};

// A line thinner than this (in points) is a ruling line; a cell is taller and wider.
constexpr float max_rule_thickness = 2.5f;
// Positions closer than this are one line (double borders, rounding in the producer).
constexpr float snap = 2.0f;
// More ruling lines than this on one page is no table anyone publishes (a chart, a hostile file):
// a page of a self-evaluation table has a few hundred, drawn cell by cell.
constexpr std::size_t max_segments_per_page = 20'000;
// Nor a grid of more units than this (rows × columns between the lines): 500 × 500.
constexpr std::size_t max_lattice_units = 250'000;

void add_segment(PageContent& page, fz_point a, fz_point b, float thickness) {
    if (page.horizontal.size() + page.vertical.size() >= max_segments_per_page) {
        page.overflow = true;
        return;
    }
    try {
        if (std::fabs(a.y - b.y) <= thickness && std::fabs(a.x - b.x) > thickness)
            page.horizontal.push_back({(a.y + b.y) / 2, std::min(a.x, b.x), std::max(a.x, b.x)});
        else if (std::fabs(a.x - b.x) <= thickness && std::fabs(a.y - b.y) > thickness)
            page.vertical.push_back({(a.x + b.x) / 2, std::min(a.y, b.y), std::max(a.y, b.y)});
    } catch (...) { // never let a C++ exception cross MuPDF's C frames
        page.overflow = true;
    }
}

// A rectangle filled thin is a ruling line (Chromium and many PDF writers draw borders so).
void add_rect(PageContent& page, fz_rect r) {
    float w = r.x1 - r.x0, h = r.y1 - r.y0;
    if (h <= max_rule_thickness && w > 3 * h)
        add_segment(page, {r.x0, (r.y0 + r.y1) / 2}, {r.x1, (r.y0 + r.y1) / 2}, snap);
    else if (w <= max_rule_thickness && h > 3 * w)
        add_segment(page, {(r.x0 + r.x1) / 2, r.y0}, {(r.x0 + r.x1) / 2, r.y1}, snap);
}

// Walking a path: the straight pieces of a stroked path are lines; a filled path that is one
// axis-aligned rectangle is a line when thin. Curves break the walk.
struct PathWalk {
    PageContent* page;
    fz_matrix ctm;
    bool stroke;
    float thickness;
    fz_point start, last;
    fz_point corners[5];
    int count; // points of the current subpath, -1 once it is no rectangle
};

void walk_flush(PathWalk& w) {
    if (w.stroke || w.count < 4 || w.count > 5) return;
    fz_rect r = fz_empty_rect;
    for (int i = 0; i < w.count; ++i)
        r = fz_include_point_in_rect(r, w.corners[i]);
    // Each corner on the rectangle's corners: an axis-aligned rectangle.
    for (int i = 0; i < w.count; ++i) {
        bool on_x =
            std::fabs(w.corners[i].x - r.x0) < 0.01f || std::fabs(w.corners[i].x - r.x1) < 0.01f;
        bool on_y =
            std::fabs(w.corners[i].y - r.y0) < 0.01f || std::fabs(w.corners[i].y - r.y1) < 0.01f;
        if (!on_x || !on_y) return;
    }
    add_rect(*w.page, r);
}

void walk_moveto(fz_context*, void* arg, float x, float y) {
    auto& w = *static_cast<PathWalk*>(arg);
    walk_flush(w);
    w.start = w.last = fz_transform_point_xy(x, y, w.ctm);
    w.corners[0] = w.start;
    w.count = 1;
}

void walk_lineto(fz_context*, void* arg, float x, float y) {
    auto& w = *static_cast<PathWalk*>(arg);
    fz_point p = fz_transform_point_xy(x, y, w.ctm);
    if (w.stroke) add_segment(*w.page, w.last, p, w.thickness);
    if (w.count >= 0 && w.count < 5)
        w.corners[w.count++] = p;
    else
        w.count = -1;
    w.last = p;
}

void walk_curveto(fz_context*, void* arg, float, float, float, float, float x3, float y3) {
    auto& w = *static_cast<PathWalk*>(arg);
    w.last = fz_transform_point_xy(x3, y3, w.ctm);
    w.count = -1;
}

void walk_closepath(fz_context*, void* arg) {
    auto& w = *static_cast<PathWalk*>(arg);
    if (w.stroke) add_segment(*w.page, w.last, w.start, w.thickness);
    w.last = w.start;
}

void walk_path(fz_context* ctx, PageContent& page, const fz_path* path, fz_matrix ctm, bool stroke,
               float linewidth) {
    static const fz_path_walker walker = {walk_moveto, walk_lineto, walk_curveto, walk_closepath,
                                          nullptr,     nullptr,     nullptr,      nullptr};
    // A stroke's own width, as it shows on the page, decides what counts as straight.
    float thickness = std::max(snap, linewidth * fz_matrix_expansion(ctm));
    if (stroke && thickness > max_rule_thickness * 2) return; // a bar, not a rule
    PathWalk w{&page, ctm, stroke, thickness, {0, 0}, {0, 0}, {}, 0};
    fz_walk_path(ctx, path, &walker, &w);
    walk_flush(w);
}

struct LineDevice {
    fz_device super;
    PageContent* page;
};

void device_fill_path(fz_context* ctx, fz_device* dev, const fz_path* path, int, fz_matrix ctm,
                      fz_colorspace*, const float*, float alpha, fz_color_params) {
    if (alpha <= 0) return;
    walk_path(ctx, *reinterpret_cast<LineDevice*>(dev)->page, path, ctm, false, 0);
}

void device_stroke_path(fz_context* ctx, fz_device* dev, const fz_path* path,
                        const fz_stroke_state* stroke, fz_matrix ctm, fz_colorspace*, const float*,
                        float alpha, fz_color_params) {
    if (alpha <= 0) return;
    walk_path(ctx, *reinterpret_cast<LineDevice*>(dev)->page, path, ctm, true,
              stroke ? stroke->linewidth : 1.0f);
}

void device_fill_image(fz_context*, fz_device* dev, fz_image*, fz_matrix, float, fz_color_params) {
    ++reinterpret_cast<LineDevice*>(dev)->page->images;
}

void device_fill_image_mask(fz_context*, fz_device* dev, fz_image*, fz_matrix, fz_colorspace*,
                            const float*, float, fz_color_params) {
    ++reinterpret_cast<LineDevice*>(dev)->page->images;
}

// MuPDF's allocations counted against max_pdf_memory, so that a hostile file fails cleanly.
struct MemoryBudget {
    std::size_t used = 0;
    bool exceeded = false;
};

constexpr std::size_t header = 16; // keeps malloc's alignment

void* budget_malloc(void* user, std::size_t size) {
    auto* b = static_cast<MemoryBudget*>(user);
    if (size > max_pdf_memory || b->used + size > max_pdf_memory) {
        b->exceeded = true;
        return nullptr;
    }
    auto* p = static_cast<unsigned char*>(std::malloc(size + header));
    if (!p) return nullptr;
    std::memcpy(p, &size, sizeof size);
    b->used += size;
    return p + header;
}

void budget_free(void* user, void* ptr) {
    if (!ptr) return;
    auto* p = static_cast<unsigned char*>(ptr) - header;
    std::size_t size;
    std::memcpy(&size, p, sizeof size);
    static_cast<MemoryBudget*>(user)->used -= size;
    std::free(p);
}

void* budget_realloc(void* user, void* old, std::size_t size) {
    if (!old) return budget_malloc(user, size);
    if (size == 0) {
        budget_free(user, old);
        return nullptr;
    }
    auto* b = static_cast<MemoryBudget*>(user);
    auto* p = static_cast<unsigned char*>(old) - header;
    std::size_t before;
    std::memcpy(&before, p, sizeof before);
    if (size > max_pdf_memory || b->used - before + size > max_pdf_memory) {
        b->exceeded = true;
        return nullptr;
    }
    auto* q = static_cast<unsigned char*>(std::realloc(p, size + header));
    if (!q) return nullptr;
    std::memcpy(q, &size, sizeof size);
    b->used = b->used - before + size;
    return q + header;
}

void ignore_message(void*, const char*) {}

// One MuPDF context and document, dropped in any case.
class Document {
public:
    Document() {
        alloc_ = {&budget_, budget_malloc, budget_realloc, budget_free};
        ctx_ = fz_new_context(&alloc_, nullptr, 32 << 20);
        if (!ctx_) return;
        fz_set_warning_callback(ctx_, ignore_message, nullptr);
        fz_set_error_callback(ctx_, ignore_message, nullptr);
    }
    ~Document() {
        if (!ctx_) return;
        fz_drop_document(ctx_, doc_);
        fz_drop_stream(ctx_, stream_);
        fz_drop_context(ctx_);
    }
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    bool open(const std::string& data, std::string& error);
    int pages() const { return pages_; }
    bool read_page(int n, PageContent& page, std::string& error);
    bool out_of_memory() const { return budget_.exceeded; }

private:
    MemoryBudget budget_;
    fz_alloc_context alloc_{};
    fz_context* ctx_ = nullptr;
    fz_stream* stream_ = nullptr;
    fz_document* doc_ = nullptr;
    int pages_ = 0;
};

bool Document::open(const std::string& data, std::string& error) {
    if (!ctx_) {
        error = tr("the PDF library could not start");
        return false;
    }
    fz_context* ctx = ctx_;
    fz_stream* volatile stream = nullptr;
    fz_document* volatile doc = nullptr;
    volatile int pages = 0, status = 0; // 1 encrypted
    char why[256] = "";
    fz_try(ctx) {
        fz_register_document_handlers(ctx);
        stream =
            fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size());
        doc = fz_open_document_with_stream(ctx, "application/pdf", stream);
        // An owner password alone (printing or copying restricted) still lets it be read.
        if (fz_needs_password(ctx, doc) && !fz_authenticate_password(ctx, doc, ""))
            status = 1;
        else
            pages = fz_count_pages(ctx, doc);
    }
    fz_catch(ctx) {
        std::snprintf(why, sizeof why, "%s", fz_caught_message(ctx));
        status = 2;
    }
    stream_ = stream;
    doc_ = doc;
    pages_ = pages;
    if (status == 1) {
        error = tr("the PDF is encrypted with a password; open it with the password and save an "
                   "unprotected copy");
        return false;
    }
    if (status == 2) {
        error = out_of_memory()
                    ? trf("the PDF needs more than {} MiB to open", max_pdf_memory >> 20)
                    : trf("not a readable PDF: {}", why);
        return false;
    }
    if (pages_ > max_pdf_pages) {
        error = trf("{} pages, more than the {} jixiao reads of one PDF", pages_, max_pdf_pages);
        return false;
    }
    return true;
}

bool Document::read_page(int n, PageContent& content, std::string& error) {
    fz_context* ctx = ctx_;
    fz_page* volatile page = nullptr;
    fz_device* volatile dev = nullptr;
    fz_stext_page* volatile text = nullptr;
    char why[256] = "";
    volatile bool failed = false;
    fz_try(ctx) {
        page = fz_load_page(ctx, doc_, n);
        content.bounds = fz_bound_page(ctx, page);
        auto* lines = fz_new_derived_device(ctx, LineDevice);
        dev = &lines->super;
        lines->page = &content;
        lines->super.fill_path = device_fill_path;
        lines->super.stroke_path = device_stroke_path;
        lines->super.fill_image = device_fill_image;
        lines->super.fill_image_mask = device_fill_image_mask;
        fz_run_page(ctx, page, dev, fz_identity, nullptr);
        fz_close_device(ctx, dev);
        fz_stext_options options{};
        options.flags = FZ_STEXT_MEDIABOX_CLIP;
        text = fz_new_stext_page_from_page(ctx, page, &options);
    }
    fz_catch(ctx) {
        std::snprintf(why, sizeof why, "%s", fz_caught_message(ctx));
        failed = true;
    }
    if (!failed) {
        int line_no = 0;
        try {
            for (auto* b = text->first_block; b; b = b->next) {
                if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
                for (auto* l = b->u.t.first_line; l; l = l->next, ++line_no)
                    for (auto* ch = l->first_char; ch; ch = ch->next) {
                        if (content.glyphs.size() >= max_grid_cells * 8) {
                            content.overflow = true;
                            break;
                        }
                        content.glyphs.push_back(
                            {fz_rect_from_quad(ch->quad), ch->origin.y, ch->size, ch->c, line_no});
                    }
            }
        } catch (...) {
            content.overflow = true;
        }
    }
    fz_drop_stext_page(ctx, text);
    fz_drop_device(ctx, dev);
    fz_drop_page(ctx, page);
    if (failed) {
        error = out_of_memory() ? trf("page {} needs more than {} MiB", n + 1, max_pdf_memory >> 20)
                                : trf("page {} cannot be read: {}", n + 1, why);
        return false;
    }
    if (content.overflow) {
        error = trf("page {} holds more than {} ruling lines or {} characters, more than "
                    "jixiao reads of a page",
                    n + 1, max_segments_per_page, max_grid_cells * 8);
        return false;
    }
    return true;
}

// ---- From lines to a lattice ---------------------------------------------------------------

// Lines on one position (within `snap`) that meet or overlap become one.
std::vector<Segment> merge(std::vector<Segment> segs) {
    std::sort(segs.begin(), segs.end(), [](const Segment& a, const Segment& b) {
        return a.pos < b.pos || (a.pos == b.pos && a.from < b.from);
    });
    // Cluster by position first, then join overlapping runs inside a cluster.
    std::vector<Segment> out;
    std::size_t i = 0;
    while (i < segs.size()) {
        std::size_t j = i + 1;
        while (j < segs.size() && segs[j].pos - segs[j - 1].pos <= snap)
            ++j;
        float pos = 0;
        for (std::size_t k = i; k < j; ++k)
            pos += segs[k].pos;
        pos /= static_cast<float>(j - i);
        std::sort(segs.begin() + static_cast<std::ptrdiff_t>(i),
                  segs.begin() + static_cast<std::ptrdiff_t>(j),
                  [](const Segment& a, const Segment& b) { return a.from < b.from; });
        Segment run{pos, segs[i].from, segs[i].to};
        for (std::size_t k = i + 1; k < j; ++k) {
            if (segs[k].from <= run.to + snap) {
                run.to = std::max(run.to, segs[k].to);
            } else {
                out.push_back(run);
                run = {pos, segs[k].from, segs[k].to};
            }
        }
        out.push_back(run);
        i = j;
    }
    return out;
}

bool crosses(const Segment& h, const Segment& v) {
    return v.pos >= h.from - snap && v.pos <= h.to + snap && h.pos >= v.from - snap &&
           h.pos <= v.to + snap;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// Distinct positions, each a cluster of positions within `snap`.
std::vector<float> positions(std::vector<float> v) {
    std::sort(v.begin(), v.end());
    std::vector<float> out;
    for (float p : v)
        if (out.empty() || p - out.back() > snap) out.push_back(p);
    return out;
}

struct LatticeCell {
    std::size_t col0, col1, row0, row1; // grid units covered, inclusive
    std::vector<const Glyph*> glyphs;
};

struct Lattice {
    std::vector<float> xs, ys; // the column and row boundaries
    // No ruling line closes the table there: a page break cut it (its last row may go on).
    bool open_top = false, open_bottom = false;
    std::vector<LatticeCell> cells;
    std::vector<std::size_t> unit_cell; // unit (row * columns + col) → cell
    std::size_t columns() const { return xs.size() - 1; }
    std::size_t rows() const { return ys.size() - 1; }
    bool contains(float x, float y) const {
        return x >= xs.front() && x <= xs.back() && y >= ys.front() && y <= ys.back();
    }
    std::size_t cell_at(float x, float y) const {
        auto col = static_cast<std::size_t>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin());
        auto row = static_cast<std::size_t>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin());
        col = std::clamp<std::size_t>(col, 1, columns()) - 1;
        row = std::clamp<std::size_t>(row, 1, rows()) - 1;
        return unit_cell[row * columns() + col];
    }
};

// Does a line at `pos` (one of `segs`, sorted by position) run through the middle of [a, b]?
bool ruled(const std::vector<Segment>& segs, float pos, float a, float b) {
    float mid = (a + b) / 2;
    auto it = std::lower_bound(segs.begin(), segs.end(), pos - snap,
                               [](const Segment& s, float p) { return s.pos < p; });
    for (; it != segs.end() && it->pos <= pos + snap; ++it)
        if (it->from <= mid && it->to >= mid) return true;
    return false;
}

// The tables of a page: each connected set of ruling lines with at least two lines each way.
std::vector<Lattice> lattices(const PageContent& page, bool& too_large) {
    std::vector<Segment> hs = merge(page.horizontal), vs = merge(page.vertical);
    UnionFind groups(hs.size() + vs.size());
    for (std::size_t i = 0; i < hs.size(); ++i)
        for (std::size_t j = 0; j < vs.size(); ++j)
            if (crosses(hs[i], vs[j])) groups.join(i, hs.size() + j);
    std::map<std::size_t, std::pair<std::vector<Segment>, std::vector<Segment>>> by_group;
    for (std::size_t i = 0; i < hs.size(); ++i)
        by_group[groups.find(i)].first.push_back(hs[i]);
    for (std::size_t j = 0; j < vs.size(); ++j)
        by_group[groups.find(hs.size() + j)].second.push_back(vs[j]);
    std::vector<Lattice> out;
    for (auto& [id, lines] : by_group) {
        auto& [h, v] = lines;
        std::vector<float> ypos, xpos;
        for (const auto& s : h)
            ypos.push_back(s.pos);
        for (const auto& s : v)
            xpos.push_back(s.pos);
        Lattice t;
        // A table cut by a page break has no ruling line at its open edge (the row's border
        // belongs to the other page): the lines across it end where that edge would be.
        float top = ypos.empty() ? 0 : *std::min_element(ypos.begin(), ypos.end());
        float bottom = ypos.empty() ? 0 : *std::max_element(ypos.begin(), ypos.end());
        float left = xpos.empty() ? 0 : *std::min_element(xpos.begin(), xpos.end());
        float right = xpos.empty() ? 0 : *std::max_element(xpos.begin(), xpos.end());
        for (const auto& s : v) {
            if (!ypos.empty() && s.from < top - snap) ypos.push_back(s.from);
            if (!ypos.empty() && s.to > bottom + snap) ypos.push_back(s.to);
        }
        for (const auto& s : h) {
            if (!xpos.empty() && s.from < left - snap) xpos.push_back(s.from);
            if (!xpos.empty() && s.to > right + snap) xpos.push_back(s.to);
        }
        t.xs = positions(xpos);
        t.ys = positions(ypos);
        if (t.ys.size() >= 2) {
            t.open_top = t.ys.front() < top - snap;
            t.open_bottom = t.ys.back() > bottom + snap;
        }
        if (t.xs.size() < 2 || t.ys.size() < 2) continue;
        if (t.columns() * t.rows() > max_lattice_units) {
            too_large = true;
            continue;
        }
        const std::size_t cols = t.columns(), rows = t.rows();
        UnionFind units(cols * rows);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < cols; ++c) {
                if (c + 1 < cols && !ruled(v, t.xs[c + 1], t.ys[r], t.ys[r + 1]))
                    units.join(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !ruled(h, t.ys[r + 1], t.xs[c], t.xs[c + 1]))
                    units.join(r * cols + c, (r + 1) * cols + c);
            }
        std::map<std::size_t, std::size_t> cell_of_root;
        t.unit_cell.resize(cols * rows);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < cols; ++c) {
                std::size_t root = units.find(r * cols + c);
                auto [it, fresh] = cell_of_root.emplace(root, t.cells.size());
                if (fresh) t.cells.push_back({c, c, r, r, {}});
                auto& cell = t.cells[it->second];
                cell.col0 = std::min(cell.col0, c);
                cell.col1 = std::max(cell.col1, c);
                cell.row1 = std::max(cell.row1, r);
                t.unit_cell[r * cols + c] = it->second;
            }
        out.push_back(std::move(t));
    }
    // Top to bottom, as they are read.
    std::sort(out.begin(), out.end(), [](const Lattice& a, const Lattice& b) {
        return a.ys.front() < b.ys.front() ||
               (a.ys.front() == b.ys.front() && a.xs.front() < b.xs.front());
    });
    return out;
}

// ---- From glyphs to text -------------------------------------------------------------------

bool ascii_word_char(int c) {
    return c < 128 && (std::isalnum(c) || c == '%' || c == '.');
}

struct TextLine {
    std::vector<const Glyph*> glyphs; // left to right
    float left() const { return glyphs.front()->box.x0; }
    float right() const { return glyphs.back()->box.x1; }
};

// Glyphs grouped into lines by their baselines, each line left to right.
std::vector<TextLine> text_lines(std::vector<const Glyph*> glyphs) {
    std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) {
        return a->base < b->base || (a->base == b->base && a->box.x0 < b->box.x0);
    });
    std::vector<TextLine> lines;
    float base = 0;
    for (const Glyph* g : glyphs) {
        if (lines.empty() || g->base - base > std::max(1.0f, g->size * 0.5f)) {
            lines.emplace_back();
            base = g->base;
        }
        lines.back().glyphs.push_back(g);
    }
    for (auto& l : lines)
        std::sort(l.glyphs.begin(), l.glyphs.end(),
                  [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
    return lines;
}

std::string line_text(const TextLine& line) {
    std::string out;
    for (const Glyph* g : line.glyphs)
        text::append_utf8(out, text::unify_radical(static_cast<char32_t>(g->c)));
    return std::string(text::trim(out));
}

// Characters that may not begin a line (Chinese line breaking, and its ASCII kin): a line
// breaks before the character in front of them instead.
bool no_break_before(int c) {
    static constexpr std::u32string_view closing = U"、。，．：；？！）」』】〉》’”％,.;:!?)]}%";
    return closing.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

bool no_break_after(int c) {
    static constexpr std::u32string_view opening = U"“‘（《「『【〈([{";
    return opening.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// The width of what must go on a line together at its start: the first word (a run of ASCII
// letters and figures) or first character, with the punctuation that may not begin a line.
float first_word_width(const TextLine& line) {
    const auto& gs = line.glyphs;
    std::size_t n = 1;
    // An opening quote or bracket may not end a line: it goes with what follows it.
    while (n < gs.size() && no_break_after(gs[n - 1]->c))
        ++n;
    if (ascii_word_char(gs[n - 1]->c))
        while (n < gs.size() && ascii_word_char(gs[n]->c))
            ++n;
    while (n < gs.size() && no_break_before(gs[n]->c))
        ++n;
    return gs[n - 1]->box.x1 - gs.front()->box.x0;
}

// A cell's text: its lines joined, by '\n' where the writer broke the line and directly (or by a
// space between two words) where the text only wrapped at the cell's edge — that is, where the
// next line's first word would not have fitted after this one.
std::string cell_text(const std::vector<const Glyph*>& glyphs, float left, float right) {
    auto lines = text_lines(glyphs);
    if (lines.empty()) return {};
    float padding = right - left;
    for (const auto& l : lines)
        padding = std::min(padding, std::max(0.0f, l.left() - left));
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string t = line_text(lines[i]);
        if (t.empty()) continue;
        if (!out.empty()) {
            const TextLine& prev = lines[i - 1];
            float room = right - padding - prev.right();
            float gap = lines[i].glyphs.front()->size * 0.3f;
            bool wrapped = room < first_word_width(lines[i]) + gap;
            if (!wrapped) {
                out += '\n';
                // A gap of more than a line: an empty line between.
                if (lines[i].glyphs.front()->base - prev.glyphs.front()->base >
                    2.0f * lines[i].glyphs.front()->size)
                    out += '\n';
            } else if (ascii_word_char(prev.glyphs.back()->c) &&
                       ascii_word_char(lines[i].glyphs.front()->c) &&
                       std::isalpha(prev.glyphs.back()->c) &&
                       std::isalpha(lines[i].glyphs.front()->c))
                out += ' ';
        }
        out += t;
    }
    return out;
}

// ---- The document as a grid ----------------------------------------------------------------

struct Placed {
    float y;
    Item item;
    std::vector<std::size_t> cell_ids; // a row's lattice cells, one per cell of the item
    bool last_table = false;           // a row of the page's last table
};

// Where a cell of a table cut at the bottom of a page was written, so that the rest of its row
// on the next page can join it.
struct Open {
    float x0, x1;
    std::size_t item, cell; // in the grid
};

struct Reader {
    Grid& grid;
    std::string& error;
    std::size_t items = 0, cells = 0, ruled_tables = 0;
    // The first row of the table read last, to know it again at the top of the next page.
    std::vector<std::string> header;
    // The last row of the previous page's last table, when the page break cut it.
    std::vector<Open> open_row;

    static std::vector<std::string> texts(const Item& row) {
        std::vector<std::string> out;
        for (const auto& c : row.cells)
            out.push_back(c.text);
        return out;
    }

    // The rest of a row that a page break cut, joined to the cells it continues. False when a
    // cell has no cell above it to join (then the row is read as a row of its own).
    bool continue_row(const Lattice& t, std::size_t r, const Item& row,
                      const std::vector<std::size_t>& ids) {
        std::vector<std::pair<const Open*, const std::string*>> joins;
        for (std::size_t k = 0; k < row.cells.size(); ++k) {
            if (row.cells[k].text.empty()) continue;
            const LatticeCell& cell = t.cells[ids[k]];
            if (cell.row0 != r) continue;
            float x = (t.xs[cell.col0] + t.xs[cell.col1 + 1]) / 2;
            auto home = std::find_if(open_row.begin(), open_row.end(),
                                     [&](const Open& o) { return x > o.x0 && x < o.x1; });
            if (home == open_row.end()) return false;
            joins.push_back({&*home, &row.cells[k].text});
        }
        for (const auto& [home, text] : joins) {
            std::string& before = grid[home->item].cells[home->cell].text;
            // The page broke the text where a line would have wrapped.
            if (!before.empty() && std::isalpha(static_cast<unsigned char>(before.back())) &&
                std::isalpha(static_cast<unsigned char>(text->front())))
                before += ' ';
            before += *text;
        }
        return true;
    }

    bool page(int page_no, const PageContent& content) {
        bool too_large = false;
        std::vector<Lattice> tables = lattices(content, too_large);
        if (too_large) {
            error = trf("page {} draws a grid of more than {} cells, more than jixiao "
                        "reads of a table",
                        page_no, max_lattice_units);
            return false;
        }
        ruled_tables += tables.size();
        // Each glyph to the cell it stands in, or to the prose.
        std::vector<const Glyph*> loose;
        for (const auto& g : content.glyphs) {
            float x = (g.box.x0 + g.box.x1) / 2, y = (g.box.y0 + g.box.y1) / 2;
            bool placed = false;
            for (auto& t : tables)
                if (t.contains(x, y)) {
                    t.cells[t.cell_at(x, y)].glyphs.push_back(&g);
                    placed = true;
                    break;
                }
            // A glyph cut by a table's bottom border (a browser lets a cell's text run past
            // the page's fragment of a row span) belongs to the cell it starts in.
            for (auto& t : tables)
                if (!placed && x >= t.xs.front() && x <= t.xs.back() && y > t.ys.back() &&
                    g.box.y0 < t.ys.back() - 0.5f) {
                    t.cells[t.cell_at(x, t.ys.back() - 0.5f)].glyphs.push_back(&g);
                    placed = true;
                }
            if (!placed) loose.push_back(&g);
        }
        std::vector<Placed> placed;
        // Prose: the structured text's lines, less what stands in a table.
        std::map<int, std::vector<const Glyph*>> prose_lines;
        for (const Glyph* g : loose)
            prose_lines[g->line].push_back(g);
        for (auto& [id, glyphs] : prose_lines) {
            for (const auto& l : text_lines(glyphs)) {
                std::string t = line_text(l);
                if (t.empty()) continue;
                Item item;
                item.kind = Item::Kind::prose;
                item.prose = {std::move(t), 0, {}};
                placed.push_back({l.glyphs.front()->box.y0, std::move(item), {}, false});
            }
        }
        std::vector<Open> cut = std::move(open_row);
        open_row.clear();
        for (std::size_t ti = 0; ti < tables.size(); ++ti) {
            const Lattice& t = tables[ti];
            bool first_on_page = ti == 0;
            bool continuing = first_on_page && !cut.empty(); // the first body row goes on
            for (std::size_t r = 0; r < t.rows(); ++r) {
                Item item;
                item.kind = Item::Kind::row;
                std::vector<std::size_t> ids;
                bool any = false;
                for (std::size_t c = 0; c < t.columns(); ++c) {
                    std::size_t id = t.unit_cell[r * t.columns() + c];
                    const LatticeCell& cell = t.cells[id];
                    if (cell.col0 != c) continue; // a span: once
                    std::string text;
                    // A cell continuing a span from the row above shows nothing of its own.
                    if (cell.row0 == r)
                        text = cell_text(cell.glyphs, t.xs[cell.col0], t.xs[cell.col1 + 1]);
                    any = any || !text.empty();
                    ids.push_back(id);
                    item.cells.push_back({std::move(text), 0,
                                          trf("page {}, table {}, row {}, cell {}", page_no, ti + 1,
                                              r + 1, item.cells.size() + 1)});
                }
                if (!any) continue;
                // The table's header repeated at the top of a page is read once.
                auto row_texts = texts(item);
                bool repeated = first_on_page && r == 0 && page_no > 1 && row_texts == header;
                if (repeated) continue;
                if (r == 0 && !t.open_top) header = row_texts; // a table's own first row
                if (continuing) {
                    continuing = false;
                    open_row.swap(cut);
                    bool joined = continue_row(t, r, item, ids);
                    open_row.swap(cut);
                    if (joined) continue;
                }
                placed.push_back(
                    {t.ys[r], std::move(item), std::move(ids), ti + 1 == tables.size()});
            }
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [](const Placed& a, const Placed& b) { return a.y < b.y; });
        // Where each cell of the page's last table went, for a row that goes on.
        std::map<std::size_t, std::pair<std::size_t, std::size_t>> written;
        for (auto& p : placed) {
            ++items;
            if (p.item.kind == Item::Kind::prose) {
                p.item.prose.line = items;
                p.item.prose.where = trf("page {}, line {}", page_no, items);
            } else {
                for (std::size_t k = 0; k < p.item.cells.size(); ++k) {
                    p.item.cells[k].line = items;
                    if (p.last_table && !p.item.cells[k].text.empty())
                        written[p.cell_ids[k]] = {grid.size(), k};
                    if (++cells > max_grid_cells) {
                        error = trf("more than {} cells, more than jixiao reads of one source",
                                    max_grid_cells);
                        return false;
                    }
                }
            }
            grid.push_back(std::move(p.item));
        }
        if (!tables.empty() && tables.back().open_bottom) {
            const Lattice& t = tables.back();
            const std::size_t last = t.rows() - 1;
            for (std::size_t c = 0; c < t.columns(); ++c) {
                const LatticeCell& cell = t.cells[t.unit_cell[last * t.columns() + c]];
                if (cell.col0 != c) continue;
                auto w = written.find(t.unit_cell[last * t.columns() + c]);
                // An empty cell has nothing to go on: text below it starts a row of its own.
                if (w != written.end())
                    open_row.push_back(
                        {t.xs[cell.col0], t.xs[cell.col1 + 1], w->second.first, w->second.second});
            }
        }
        return true;
    }
};

} // namespace

bool read_pdf_data(const std::string& data, const std::string& path, Grid& grid,
                   std::vector<std::string>& notes, std::string& error) {
    if (data.size() > max_pdf_bytes) {
        error = trf("{}: {} bytes, more than the {} MiB jixiao reads of one PDF", path, data.size(),
                    max_pdf_bytes >> 20);
        return false;
    }
    Document doc;
    if (!doc.open(data, error)) {
        error = fmt::format("{}: {}", path, error);
        return false;
    }
    Reader reader{grid, error, 0, 0, 0, {}, {}};
    std::vector<int> scanned;
    std::size_t glyphs = 0;
    for (int n = 0; n < doc.pages(); ++n) {
        PageContent content;
        if (!doc.read_page(n, content, error)) {
            error = fmt::format("{}: {}", path, error);
            return false;
        }
        glyphs += content.glyphs.size();
        if (content.glyphs.empty() && content.images > 0) scanned.push_back(n + 1);
        if (!reader.page(n + 1, content)) {
            error = fmt::format("{}: {}", path, error);
            return false;
        }
    }
    if (glyphs == 0) {
        error =
            trf("{}: the PDF has no text layer{} — it is a scan or a picture of the tables; jixiao "
                "reads the text a PDF holds and does not guess it from images (no OCR). Import the "
                "original Word or Excel file instead",
                path, scanned.empty() ? "" : " (its pages are images)");
        return false;
    }
    if (reader.ruled_tables == 0)
        notes.push_back(tr("no table drawn with ruling lines: jixiao finds a PDF's tables by their "
                           "borders, and reads text without them as prose"));
    if (!scanned.empty()) {
        std::string pages;
        for (int p : scanned)
            pages += (pages.empty() ? "" : ", ") + std::to_string(p);
        notes.push_back(trf("page{} {} {} images without text (scanned?) and {} not read",
                            scanned.size() > 1 ? "s" : "", pages, scanned.size() > 1 ? "are" : "is",
                            scanned.size() > 1 ? "were" : "was"));
    }
    return true;
}

} // namespace jx::import
