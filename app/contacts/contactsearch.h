// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QStringList>

namespace lux::contacts {

// Full-text search over email, names and company (FTS5, the SQLite-only seam). The index follows the
// contacts table through triggers; a bulk import drops them inside its transaction and indexes its
// rows in one statement at the end, more than ten times cheaper than a trigger per row.
class ContactSearch
{
public:
    // The trigger definitions migration 3 creates and the importer recreates. Changing them needs a
    // migration that drops and recreates them in existing databases.
    static const QStringList &triggerStatements();
    static const QStringList &dropTriggerStatements();

    // Words typed by a person → an FTS5 query of quoted prefix terms, all required: "ana garc" →
    // "ana"* "garc"*. Quotes are doubled, so no FTS5 syntax from the input survives. Empty when there
    // is nothing to search for.
    static QString matchExpression(const QString &typed);
};

} // namespace lux::contacts
