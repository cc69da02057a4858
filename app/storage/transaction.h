// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/errorcodes.h"
#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace lux::storage {

// One transaction on a connection, rolled back unless commit() succeeds: a change and its audit
// entry land together or not at all, whatever path leaves the function.
class Transaction
{
    Q_DISABLE_COPY_MOVE(Transaction)
public:
    explicit Transaction(QSqlDatabase &db) : m_db(db), m_open(db.transaction()) {}
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }

    bool isOpen() const { return m_open; } // false when the transaction could not begin
    Error beginError() const { return Error(errc::dbWrite, m_db.lastError().text()); }
    Status commit()
    {
        if (!m_db.commit())
            return Error(errc::dbWrite, m_db.lastError().text());
        m_open = false;
        return {};
    }

private:
    QSqlDatabase &m_db;
    bool m_open;
};

} // namespace lux::storage
