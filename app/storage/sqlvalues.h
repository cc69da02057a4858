// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/errorcodes.h"
#include "common/result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace lux::storage {

// The failure of a statement, as the stores report it.
inline Error queryError(const QSqlQuery &q, const QString &code = QString(errc::dbWrite))
{
    return Error(code, q.lastError().text());
}

// A user id for a `…_by` column: NULL when nobody is signed in (luxctl, the scheduler).
inline QVariant userValue(std::optional<qint64> user)
{
    return user ? QVariant(*user) : QVariant(QMetaType::fromType<qint64>());
}

// '' for an empty text, never NULL: text columns are NOT NULL.
inline QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// A LIKE pattern for "contains text": LIKE's own characters taken literally (use with ESCAPE '\\').
inline QString likeContaining(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace lux::storage
