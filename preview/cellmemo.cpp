// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellmemo.h"

#include <algorithm>

namespace lux::preview::detail {

namespace {

thread_local int t_realLayouts = 0;

} // namespace

MemoCell::MemoCell(const std::shared_ptr<litehtml::document> &doc, const CellMemoState &state)
    : litehtml::el_td(doc), m_state(state)
{
}

int MemoCell::realLayouts()
{
    return t_realLayouts;
}

bool MemoCell::stale() const
{
    return m_hasLayout && !(m_layout == m_asked);
}

int MemoCell::layOut(int x, int y, const Key &key)
{
    ++t_realLayouts;
    const int result = litehtml::el_td::render(x, y, key.width, key.secondPass);
    m_layout = key;
    m_hasLayout = true;
    m_verticalShift = 0;
    litehtml::position box = m_pos;
    box.x -= x;
    box.y -= y;
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.key == key; });
    if (it != m_entries.end()) {
        it->result = result;
        it->box = box;
        it->margins = m_margins;
    } else {
        // Every width is kept. Forgetting one is not a layout's worth: the cell asked again lays its
        // content out again, and every cell inside it is asked anew, so a cap of 8 widths brought the
        // exponential time back at some 70 tables nested without widths (100 deep: 50 s). A cell keeps
        // an entry per real layout, so the memory grows only with the work done.
        m_entries.push_back({key, result, box, m_margins});
    }
    return result;
}

int MemoCell::render(int x, int y, int max_width, bool second_pass)
{
    if (!m_state.enabled)
        return litehtml::el_td::render(x, y, max_width, second_pass);
    if (m_generation != m_state.generation) {
        m_generation = m_state.generation;
        m_entries.clear();
        m_hasLayout = false;
    }
    const Key key{max_width, second_pass};
    m_asked = key;
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.key == key; });
    if (it == m_entries.end())
        return layOut(x, y, key);
    // What a layout at this width gives, without laying the content out: the padding and borders for
    // this width, the margins and the box the layout left.
    calc_outlines(max_width);
    m_margins = it->margins;
    m_pos = it->box;
    m_pos.x += x;
    m_pos.y += y;
    return it->result;
}

void MemoCell::apply_vertical_align()
{
    if (stale())
        return; // settle() aligns the content once it is laid out
    if (m_verticalShift != 0) {
        for (const auto &box : m_boxes) // undo the last alignment: the content may not have been laid out since
            box->y_shift(-m_verticalShift);
        m_verticalShift = 0;
    }
    const int before = m_boxes.empty() ? 0 : m_boxes.back()->bottom();
    litehtml::el_td::apply_vertical_align();
    m_verticalShift = m_boxes.empty() ? 0 : m_boxes.back()->bottom() - before;
}

void MemoCell::settle()
{
    if (!stale())
        return;
    const litehtml::position placed = m_pos; // where the table put it, with the row's height
    layOut(0, 0, m_asked);
    m_pos = placed;
    if (get_display() == litehtml::display_table_cell)
        apply_vertical_align();
}

void settleCells(const litehtml::element::ptr &root)
{
    eachElement(root, [](const litehtml::element::ptr &el) {
        if (auto *cell = dynamic_cast<MemoCell *>(el.get()))
            cell->settle();
        return true;
    });
}

bool hasOutOfFlowElements(const litehtml::element::ptr &root)
{
    bool found = false;
    eachElement(root, [&found](const litehtml::element::ptr &el) {
        const auto position = el->get_element_position();
        found = position == litehtml::element_position_absolute || position == litehtml::element_position_fixed;
        return !found;
    });
    return found;
}

} // namespace lux::preview::detail
