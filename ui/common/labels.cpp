// SPDX-License-Identifier: GPL-3.0-or-later
#include "labels.h"

#include <QLabel>

namespace lux::ui {

QLabel *plainLabel(const QString &text, QWidget *parent, const QString &role)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    if (!role.isEmpty())
        l->setProperty("role", role);
    return l;
}

} // namespace lux::ui
