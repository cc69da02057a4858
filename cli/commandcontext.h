// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>

namespace lux::cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

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

} // namespace lux::cli
