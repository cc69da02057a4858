// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <litehtml.h>
#include <litehtml/el_td.h>

#include <vector>

namespace lux::preview::detail {

// Why nested tables took exponential time: litehtml 0.6 sizes a table by laying each cell out to
// measure it (at width 1 for the narrowest content, at the full width for the widest) and then lays
// it out again at the width it settles on. A cell holding a table lays that table out each time, and
// it does the same to its own cells, so a table nested N deep lays its innermost cell out about 3^N
// times (2^N when the tables have widths): 18 levels took 12 s.
//
// A cell's layout at a given width does not depend on where the cell is placed, so each cell keeps
// what its last layouts at each width gave (the width litehtml returns and the box it ends with).
// When the same width is asked again, the cell answers from that record without laying out its
// content, and its subtree is left as the last real layout made it. If that was at another width,
// the cell is "stale": settleCells() lays it out once more, for real, at the width it ended at,
// after the document's layout, from the outermost cell inwards. Each cell is then laid out once per
// distinct width it is asked for instead of once per layout of every table around it: once when the
// tables have widths, and about once per table around it when they have none (each level narrows
// the widths it asks for), so N tables nested without widths cost some N^2/2 cell layouts (128, the
// deepest HtmlLimits lets through: 8,600 layouts, 0.1 s) instead of 3^N.
struct CellMemoState
{
    unsigned generation = 1; // bumped when styles change between layouts (the width pass's second layout)
    bool enabled = true;     // off when the document positions elements absolutely (their boxes register outside the cell)
};

class MemoCell final : public litehtml::el_td
{
public:
    MemoCell(const std::shared_ptr<litehtml::document> &doc, const CellMemoState &state);

    int render(int x, int y, int max_width, bool second_pass = false) override;
    void apply_vertical_align() override;

    bool stale() const;
    void settle(); // lays the content out at the width it was last asked for, if it is not already

    static int realLayouts(); // in this thread, since it started: for the tests and the benchmark

private:
    struct Key
    {
        int width = 0;
        bool secondPass = false;
        bool operator==(const Key &) const = default;
    };
    struct Entry
    {
        Key key;
        int result = 0;
        litehtml::position box;   // x and y relative to where the cell was put
        litehtml::margins margins; // a layout can widen them (a first child's margin collapsing through)
    };
    int layOut(int x, int y, const Key &key);

    const CellMemoState &m_state;
    unsigned m_generation = 0;
    std::vector<Entry> m_entries;
    bool m_hasLayout = false;
    Key m_layout; // what the content is laid out for
    Key m_asked;  // what was asked last
    int m_verticalShift = 0; // what apply_vertical_align moved the content by
};

// Visits every element of the tree in document order until visit returns false. Iterative, outermost
// first: a parent is visited before its children are listed, so what visiting it changes below is
// seen. Depth is bounded by HtmlLimits, the stack here by nothing.
template<typename Visit>
void eachElement(const litehtml::element::ptr &root, Visit visit)
{
    std::vector<litehtml::element::ptr> stack;
    if (root)
        stack.push_back(root);
    while (!stack.empty()) {
        const litehtml::element::ptr el = std::move(stack.back());
        stack.pop_back();
        if (!visit(el))
            return;
        for (size_t i = el->get_children_count(); i-- > 0;)
            stack.push_back(el->get_child(int(i)));
    }
}

// After document::render: lays out, outermost first, every cell whose content is stale.
void settleCells(const litehtml::element::ptr &root);

// Whether any element is positioned absolutely or fixed (the memo is then left off).
bool hasOutOfFlowElements(const litehtml::element::ptr &root);

} // namespace lux::preview::detail
