// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "secrets/secretstore.h"
#include "settings/settings.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>

#include <optional>

#include <memory>

namespace lux::cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// An ISO 8601 date and time as a command's option gives it (a space for the T is fine); without an
// offset it is a wall time in `zone`. std::nullopt when it is not one.
std::optional<qint64> parseIsoTime(const QString &text, const QTimeZone &zone);

// What every command gets: the database path, the output mode and its own arguments. Commands
// report through it, so text and JSON output stay consistent.
struct CommandContext
{
    QString databasePath;
    bool json = false;
    QStringList args; // after "<group> <command>"
    QString command;  // "<group> <command>", for the help hint of a usage error; empty before it is known
    const QCommandLineParser *parser = nullptr;

    QString option(const QString &name) const { return parser ? parser->value(name) : QString(); }
    QStringList options(const QString &name) const { return parser ? parser->values(name) : QStringList(); }
    bool isSet(const QString &name) const { return parser && parser->isSet(name); }

    int fail(const Error &error, const QJsonObject &extra = {}) const; // prints, returns ExitFailure
    int usage(const QString &message) const;     // prints, returns ExitUsage
    int succeed(const QJsonObject &object, const QString &text) const;
    // Something the user should know that is not the result (a database opened read-only): on
    // standard error, so the JSON on standard output stays one object.
    void notice(const QString &text) const;
};

// A database opened for a command with what belongs to it: its settings (the database's own read from
// it, the person's from QSettings) and its entries in the keychain. Commands that send, sync or set a
// database's settings open it this way, so `luxctl --db a.sqlite` and `--db b.sqlite` keep their own
// tracker, tenant and keys, as the app does.
class DatabaseScope
{
    Q_DISABLE_COPY_MOVE(DatabaseScope)
public:
    static Result<std::unique_ptr<DatabaseScope>> open(const QString &path, const Database::Options &options = {});
    ~DatabaseScope();

    Database &database() { return *m_db; }
    Settings &settings() { return m_settings; }
    const SecretStore &secrets() const { return m_secrets; }

private:
    DatabaseScope() = default;
    std::unique_ptr<Database> m_db;
    Settings m_settings;
    SecretStore m_secrets;
};

} // namespace lux::cli
