// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactsearch.h"

namespace lux::contacts {

const QStringList &ContactSearch::triggerStatements()
{
    static const QStringList statements = {
        QStringLiteral("CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN"
                       " INSERT INTO contacts_fts (rowid, email, first_name, last_name, company)"
                       " VALUES (new.id, new.email, new.first_name, new.last_name, new.company); END"),
        QStringLiteral("CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN"
                       " INSERT INTO contacts_fts (contacts_fts, rowid, email, first_name, last_name, company)"
                       " VALUES ('delete', old.id, old.email, old.first_name, old.last_name, old.company); END"),
        QStringLiteral("CREATE TRIGGER contacts_fts_update AFTER UPDATE OF email, first_name, last_name, company"
                       " ON contacts BEGIN"
                       " INSERT INTO contacts_fts (contacts_fts, rowid, email, first_name, last_name, company)"
                       " VALUES ('delete', old.id, old.email, old.first_name, old.last_name, old.company);"
                       " INSERT INTO contacts_fts (rowid, email, first_name, last_name, company)"
                       " VALUES (new.id, new.email, new.first_name, new.last_name, new.company); END"),
    };
    return statements;
}

const QStringList &ContactSearch::dropTriggerStatements()
{
    static const QStringList statements = {QStringLiteral("DROP TRIGGER contacts_fts_insert"),
                                           QStringLiteral("DROP TRIGGER contacts_fts_delete"),
                                           QStringLiteral("DROP TRIGGER contacts_fts_update")};
    return statements;
}

QString ContactSearch::matchExpression(const QString &typed)
{
    QStringList terms;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty()) {
            terms << QLatin1Char('"') + word.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QStringLiteral("\"*");
            word.clear();
        }
    };
    // Split where the index's tokenizer splits (unicode61: anything not a letter or digit), so
    // "ana.garcia@ex" finds the tokens ana, garcia and ex.
    for (const QChar c : typed) {
        if (c.isLetterOrNumber())
            word += c;
        else
            flush();
    }
    flush();
    return terms.join(QLatin1Char(' '));
}

} // namespace lux::contacts
