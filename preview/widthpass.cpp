// SPDX-License-Identifier: GPL-3.0-or-later
#include "widthpass.h"

#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <vector>

namespace lux::preview::detail {

namespace {

using litehtml::element;

constexpr int kUnknown = -1;

bool isTag(const element::ptr &el, const char *tag)
{
    const char *name = el->get_tagName();
    return name && std::strcmp(name, tag) == 0;
}

// A length in pixels against a containing width, or kUnknown for auto and for what cannot be resolved.
int pixels(const litehtml::css_length &length, int containing)
{
    if (length.is_predefined())
        return kUnknown;
    switch (length.units()) {
    case litehtml::css_units_none: // a width attribute's bare number
    case litehtml::css_units_px: return int(length.val());
    case litehtml::css_units_percentage: return containing >= 0 ? int(length.val() * containing / 100.0f) : kUnknown;
    default: return kUnknown;
    }
}

int styleLength(const element::ptr &el, const char *property)
{
    const char *value = el->get_style_property(property, false, nullptr);
    if (!value)
        return 0;
    litehtml::css_length length;
    length.fromString(value, "", 0);
    return length.units() == litehtml::css_units_px || length.units() == litehtml::css_units_none ? int(length.val()) : 0;
}

int horizontalEdges(const element::ptr &el)
{
    // Padding and borders are parsed into pixels before layout when they are given in pixels.
    return el->padding_left() + el->padding_right() + el->border_left() + el->border_right();
}

void setPixels(const element::ptr &el, int px)
{
    litehtml::css_length width;
    width.set_value(float(px), litehtml::css_units_px);
    el->set_css_width(width);
}

} // namespace

void WidthPass::resolveChildren(const element::ptr &el, int available)
{
    // Columns set side by side as inline blocks sit in a parent with font-size 0, so the spaces between
    // them take no room. litehtml still gives those spaces a width; they go.
    if (const char *size = el->get_style_property("font-size", false, nullptr);
        size && (std::strcmp(size, "0") == 0 || std::strcmp(size, "0px") == 0)) {
        for (size_t i = el->get_children_count(); i-- > 0;)
            if (el->get_child(int(i))->is_white_space())
                el->removeChild(el->get_child(int(i)));
    }
    for (size_t i = 0; i < el->get_children_count(); ++i)
        resolve(el->get_child(int(i)), available);
}

namespace {

std::vector<element::ptr> rowsOf(const element::ptr &table)
{
    std::vector<element::ptr> rows;
    for (size_t i = 0; i < table->get_children_count(); ++i) {
        const element::ptr child = table->get_child(int(i));
        if (child->get_display() == litehtml::display_table_row) {
            rows.push_back(child);
            continue;
        }
        const auto group = child->get_display();
        if (group == litehtml::display_table_row_group || group == litehtml::display_table_header_group
            || group == litehtml::display_table_footer_group)
            for (size_t j = 0; j < child->get_children_count(); ++j)
                if (child->get_child(int(j))->get_display() == litehtml::display_table_row)
                    rows.push_back(child->get_child(int(j)));
    }
    return rows;
}

} // namespace

void WidthPass::resolveTable(const element::ptr &table, int available)
{
    int width = pixels(table->get_css_width(), available - table->margin_left() - table->margin_right());
    if (width >= 0 && table->get_css_width().units() == litehtml::css_units_percentage)
        setPixels(table, width);
    const bool collapse = [&] {
        const char *c = table->get_style_property("border-collapse", true, "separate");
        return c && std::strcmp(c, "collapse") == 0;
    }();
    const int spacing = collapse ? 0 : styleLength(table, "-litehtml-border-spacing-x");
    const int inner = width >= 0 ? width - table->border_left() - table->border_right() : kUnknown;

    bool changed = false;
    for (const element::ptr &row : rowsOf(table)) {
        std::vector<element::ptr> cells;
        for (size_t i = 0; i < row->get_children_count(); ++i)
            if (row->get_child(int(i))->get_display() == litehtml::display_table_cell)
                cells.push_back(row->get_child(int(i)));
            else
                resolve(row->get_child(int(i)), kUnknown);
        if (cells.empty())
            continue;
        const int rowInner = inner >= 0 ? inner - spacing * int(cells.size() + 1) : kUnknown;
        std::vector<int> widths(cells.size(), kUnknown);
        int known = 0, unknownCount = 0;
        for (size_t i = 0; i < cells.size(); ++i) {
            // widths[] holds border boxes: litehtml sizes a cell's box with its padding included,
            // where a browser adds the padding to a width given in pixels.
            const litehtml::css_length css = cells[i]->get_css_width();
            const int edges = horizontalEdges(cells[i]);
            if (m_sized.count(cells[i].get())) {
                widths[i] = int(css.val()); // sized by this pass already, as a border box
            } else if (css.is_predefined()) {
                widths[i] = cells.size() == 1 ? rowInner : kUnknown;
            } else if (css.units() == litehtml::css_units_px || css.units() == litehtml::css_units_none) {
                widths[i] = int(css.val()) + edges;
                if (edges > 0) {
                    setPixels(cells[i], widths[i]);
                    m_sized.insert(cells[i].get());
                    changed = true;
                }
            } else {
                widths[i] = pixels(css, rowInner);
                if (widths[i] >= 0) {
                    setPixels(cells[i], widths[i]);
                    m_sized.insert(cells[i].get());
                    changed = true;
                }
            }
            if (widths[i] >= 0)
                known += widths[i];
            else
                ++unknownCount;
        }
        if (unknownCount == 1 && rowInner >= 0) {
            for (int &w : widths)
                if (w < 0)
                    w = std::max(0, rowInner - known);
        } else if (unknownCount > 1 && rowInner >= 0 && !m_settling) {
            m_pending.push_back({table, cells, widths, rowInner});
        }
        for (size_t i = 0; i < cells.size(); ++i)
            resolveChildren(cells[i], widths[i] >= 0 ? widths[i] - horizontalEdges(cells[i]) : kUnknown);
    }
    if (changed)
        table->init(); // the grid copies the cells' widths into its columns when it is built
}

void WidthPass::resolve(const element::ptr &el, int available)
{
    switch (el->get_display()) {
    case litehtml::display_none:
    case litehtml::display_inline_text: return;
    case litehtml::display_table:
    case litehtml::display_inline_table: resolveTable(el, available); return;
    default: break;
    }
    if (isTag(el, "img"))
        return;
    int inner = available;
    const int width = pixels(el->get_css_width(), available);
    if (width >= 0)
        inner = width;
    else if (el->get_display() == litehtml::display_inline || el->get_display() == litehtml::display_inline_block)
        inner = available; // shrink-to-fit boxes: the containing width is an upper bound, enough for percentages
    else if (available >= 0)
        inner = available - el->margin_left() - el->margin_right();
    if (const char *max = el->get_style_property("max-width", false, nullptr)) {
        litehtml::css_length length;
        length.fromString(max, "none", 0);
        const int limit = pixels(length, available);
        if (limit >= 0 && (inner < 0 || limit < inner))
            inner = limit;
    }
    resolveChildren(el, inner >= 0 ? std::max(0, inner - horizontalEdges(el)) : kUnknown);
}

WidthPass::WidthPass(const litehtml::element::ptr &root, int viewportWidth)
{
    if (root)
        resolve(root, viewportWidth);
}

void WidthPass::settle()
{
    m_settling = true;
    std::vector<element::ptr> tables;
    for (PendingRow &row : m_pending) {
        int known = 0, widest = 0;
        for (size_t i = 0; i < row.cells.size(); ++i)
            if (row.widths[i] >= 0)
                known += row.widths[i];
            else
                widest += std::max(1, row.cells[i]->get_position().width + row.cells[i]->content_margins_left()
                                          + row.cells[i]->content_margins_right());
        const int share = row.inner - known;
        // Even when litehtml placed the cells right, a row left without widths still reports its widest
        // content upwards, which widens every one-column table around it; so the widths are always set.
        if (share <= 0)
            continue;
        int given = 0;
        int lastAuto = -1;
        for (size_t i = 0; i < row.cells.size(); ++i) {
            if (row.widths[i] >= 0)
                continue;
            const int content = std::max(1, row.cells[i]->get_position().width + row.cells[i]->content_margins_left()
                                                + row.cells[i]->content_margins_right());
            row.widths[i] = int(qint64(share) * content / widest);
            given += row.widths[i];
            lastAuto = int(i);
        }
        row.widths[size_t(lastAuto)] += share - given; // rounding goes to the last cell
        for (size_t i = 0; i < row.cells.size(); ++i) {
            setPixels(row.cells[i], row.widths[i]);
            m_sized.insert(row.cells[i].get());
            resolveChildren(row.cells[i], row.widths[i] - horizontalEdges(row.cells[i]));
        }
        if (std::find(tables.begin(), tables.end(), row.table) == tables.end())
            tables.push_back(row.table);
    }
    for (const element::ptr &table : tables)
        table->init();
    m_pending.clear();
}

} // namespace lux::preview::detail
