// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace lux::storage {

// One schema step. The statements run in one transaction together with the new PRAGMA user_version,
// so a step is applied completely or not at all.
struct Migration
{
    int version;
    const char *name;
    QStringList statements;
};

const QList<Migration> &migrations();
int latestSchemaVersion();

// Applies every migration above the database's current version up to target (inclusive).
Status migrate(QSqlDatabase &db, int target = latestSchemaVersion());

} // namespace lux::storage
