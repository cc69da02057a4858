// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>

namespace lux::analytics {

struct ContactTotals
{
    qint64 contacts = 0;
    qint64 subscribed = 0;
    qint64 suppressed = 0; // addresses on the suppression list, contacts or not
};

// The few counts the dashboard and the window's status show at a glance. Over a million contacts
// they take a moment: callers run them on a worker.
class Overview
{
public:
    explicit Overview(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<ContactTotals> contactTotals() const;
    // Campaigns scheduled or sending: what the scheduler still has to do.
    Result<int> activeCampaigns() const;

private:
    Result<qint64> count(const QString &sql) const;

    QSqlDatabase m_db;
};

} // namespace lux::analytics
