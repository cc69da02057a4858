// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/pacer.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace lux::campaigns {

struct SenderMailbox
{
    qint64 id = 0;
    QString email;
    SenderPacer::Limits limits;
};

// The mailboxes campaigns send from, each with its pace (Exchange Online's limits by default).
class SenderStore
{
    Q_DECLARE_TR_FUNCTIONS(lux::campaigns::SenderStore)
public:
    explicit SenderStore(QSqlDatabase db) : m_db(std::move(db)) {}
    // Adds the mailbox, or updates its limits if it is there already.
    Result<SenderMailbox> save(const QString &email, const SenderPacer::Limits &limits);
    Result<SenderMailbox> find(const QString &email) const;
    QList<SenderMailbox> list() const;

private:
    QSqlDatabase m_db;
};

} // namespace lux::campaigns
