// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview.h"

#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace lux::analytics {

Result<qint64> Overview::count(const QString &sql) const
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql) || !q.exec() || !q.next())
        return storage::queryError(q, QStringLiteral("db.query"));
    return q.value(0).toLongLong();
}

Result<ContactTotals> Overview::contactTotals() const
{
    const auto all = count(QStringLiteral("SELECT count(*) FROM contacts"));
    if (!all)
        return all.error();
    const auto subscribed = count(QStringLiteral("SELECT count(*) FROM contacts WHERE status = 'subscribed'"));
    if (!subscribed)
        return subscribed.error();
    const auto suppressed = count(QStringLiteral("SELECT count(*) FROM suppression"));
    if (!suppressed)
        return suppressed.error();
    return ContactTotals{*all, *subscribed, *suppressed};
}

Result<int> Overview::activeCampaigns() const
{
    const auto n = count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status IN ('scheduled', 'sending') AND event_id IS NULL AND automation_id IS NULL AND social_account_id IS NULL"));
    if (!n)
        return n.error();
    return int(*n);
}

} // namespace lux::analytics
