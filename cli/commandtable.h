// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandcontext.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace lux::cli {

// One luxctl command: where it sits, what it takes, and what runs it. main() dispatches from the
// table and --help reads it, so a command's options are declared once, beside the code that reads
// them (the *Options() functions of each commands file).
struct Command
{
    QString group;     // "campaign"
    QString name;      // "send"
    QString arguments; // its positional arguments, as shown in usage: "ID"
    const char *what;  // one line, translated in the "luxctl" context
    QList<QCommandLineOption> (*options)(const QString &group, const QString &name);
    int (*run)(const QString &name, const CommandContext &ctx);

    QString usage() const { return group + QLatin1Char(' ') + name + (arguments.isEmpty() ? QString() : QString(QLatin1Char(' ') + arguments)); }
    QString description() const;
    QList<QCommandLineOption> ownOptions() const { return options ? options(group, name) : QList<QCommandLineOption>(); }
};

class CommandTable
{
public:
    static const QList<Command> &all();
    static const Command *find(const QString &group, const QString &name);
    static QStringList groups();
    static QStringList commands(const QString &group);
};

} // namespace lux::cli
