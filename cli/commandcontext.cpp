// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandcontext.h"

#include "common/wallclock.h"

#include <QDateTime>
#include <QTimeZone>

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace lux::cli {

namespace {
void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stream);
    std::fflush(stream);
}
} // namespace

// An ISO 8601 date and time; without an offset it is a wall time in `zone`.
std::optional<qint64> parseIsoTime(const QString &text, const QTimeZone &zone)
{
    QString t = text.trimmed();
    if (t.size() > 10 && t.at(10) == u' ')
        t[10] = u'T';
    if (!t.contains(u'T'))
        return std::nullopt;
    // With an offset or Z: that moment. Without: a wall time in `zone` (read as UTC first, so a
    // time the local clock skips is still read, then placed in the zone, moved on by the gap).
    if (const QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs); parsed.isValid() && parsed.timeSpec() != Qt::LocalTime)
        return parsed.toMSecsSinceEpoch();
    const QDateTime wall = QDateTime::fromString(t + u'Z', Qt::ISODateWithMs);
    if (!wall.isValid())
        return std::nullopt;
    return wallTimeMs(wall.date(), wall.time(), zone);
}

int CommandContext::fail(const Error &error, const QJsonObject &extra) const
{
    if (json) {
        QJsonObject o = extra;
        o.insert(QStringLiteral("ok"), false);
        o.insert(QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}});
        print(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    print(stderr, QStringLiteral("luxctl: ") + error.message);
    return ExitFailure;
}

int CommandContext::usage(const QString &message) const
{
    const QString hint = command.isEmpty() ? QCoreApplication::translate("luxctl", "Try 'luxctl --help'.")
                                           : QCoreApplication::translate("luxctl", "Try 'luxctl %1 --help'.").arg(command);
    print(stderr, QStringLiteral("luxctl: ") + message + QLatin1Char('\n') + hint);
    return ExitUsage;
}

int CommandContext::succeed(const QJsonObject &object, const QString &text) const
{
    if (json) {
        QJsonObject o = object;
        o.insert(QStringLiteral("ok"), true);
        print(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    } else if (!text.isEmpty()) {
        print(stdout, text);
    }
    return ExitOk;
}

Result<std::unique_ptr<DatabaseScope>> DatabaseScope::open(const QString &path, const Database::Options &options)
{
    auto db = Database::open(path, options);
    if (!db)
        return db.error();
    std::unique_ptr<DatabaseScope> scope(new DatabaseScope);
    scope->m_db = std::move(db).value();
    if (Status s = scope->m_settings.attach(*scope->m_db); !s)
        return s.error();
    scope->m_secrets = SecretStore().scopedTo(scope->m_db->databaseId(), scope->m_settings.inheritsUserSecrets());
    return scope;
}

DatabaseScope::~DatabaseScope()
{
    m_settings.detach(); // before the database it writes through closes
}

void CommandContext::notice(const QString &text) const
{
    if (!text.isEmpty())
        print(stderr, QStringLiteral("luxctl: ") + text);
}

} // namespace lux::cli
