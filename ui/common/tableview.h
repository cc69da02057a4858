// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTableView;

namespace lux::ui {

// The look every list-like table of the app shares: whole-row selection, no grid, alternating rows,
// left-aligned headers, the last column stretched.
void setUpListTable(QTableView *view);

} // namespace lux::ui
