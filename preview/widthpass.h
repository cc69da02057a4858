// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <litehtml.h>

#include <unordered_set>
#include <vector>

namespace lux::preview::detail {

// litehtml 0.6 takes a cell's widest content as its minimum when the cell is the only column of a
// table with a width, and it does not resolve percentage widths on nested tables and their cells the
// way browsers do; both make the usual email layout (a 600 px table holding 100 % tables with 50 %
// columns) grow far past 600 px. Browsers resolve those percentages against the containing block, and
// so does this pass, on the parsed document before layout: wherever the containing width is known,
// percentage widths of tables and cells become pixels, and a row's one cell without a width gets what
// its siblings leave. Widths the email gives in pixels are kept as they are.
//
// Rows with several cells without a width cannot be settled before layout. A first layout gives each
// such cell its widest content; settle() then shares the row's width in those proportions (the auto
// table layout of CSS 2.1 does much the same) and asks for a second layout.
class WidthPass
{
public:
    explicit WidthPass(const litehtml::element::ptr &root, int viewportWidth);
    bool needsSecondLayout() const { return !m_pending.empty(); }
    void settle(); // after the first layout

    struct PendingRow
    {
        litehtml::element::ptr table;
        std::vector<litehtml::element::ptr> cells;
        std::vector<int> widths; // known pixel widths, -1 for auto
        int inner = 0;           // the row's width less cell spacing
    };

private:
    void resolve(const litehtml::element::ptr &el, int available);
    void resolveChildren(const litehtml::element::ptr &el, int available);
    void resolveTable(const litehtml::element::ptr &table, int available);

    std::vector<PendingRow> m_pending;
    std::unordered_set<const litehtml::element *> m_sized; // cells whose width is already a border box
    bool m_settling = false;
};

} // namespace lux::preview::detail
