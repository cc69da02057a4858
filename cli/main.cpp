// SPDX-License-Identifier: GPL-3.0-or-later
// luxctl: LUX Marketing from a terminal, for scripts, servers and benchmarks.
#include "commandcontext.h"
#include "commandtable.h"
#include "common/appidentity.h"
#include "common/translations.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <memory>

#include <cstdio>

using namespace lux;

namespace {

struct MainTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

// Options as QCommandLineParser lays them out: names and value on the left, aligned descriptions.
QString optionLines(const QList<QCommandLineOption> &options)
{
    QList<QPair<QString, QString>> rows;
    qsizetype width = 0;
    for (const QCommandLineOption &o : options) {
        QStringList names;
        for (const QString &n : o.names())
            names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString left = names.join(QStringLiteral(", "));
        if (!o.valueName().isEmpty())
            left += QStringLiteral(" <") + o.valueName() + QLatin1Char('>');
        width = std::max(width, left.size());
        rows.append({left, o.description()});
    }
    QString out;
    for (const auto &[left, description] : std::as_const(rows))
        out += QStringLiteral("  ") + left.leftJustified(width + 2) + description + QLatin1Char('\n');
    return out;
}

QString commandLines(const QList<const cli::Command *> &commands)
{
    QString out;
    for (const cli::Command *c : commands)
        out += QStringLiteral("  ") + c->usage().leftJustified(32) + c->description() + QLatin1Char('\n');
    return out;
}

QList<const cli::Command *> commandsOf(const QString &group)
{
    QList<const cli::Command *> out;
    for (const cli::Command &c : cli::CommandTable::all())
        if (group.isEmpty() || c.group == group)
            out << &c;
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    // Rendering a PNG needs fonts, so a GUI application (offscreen unless told otherwise); everything
    // else runs without one.
    // A search result's widths (seo) need fonts too.
    const bool rendersImages =
        std::any_of(argv, argv + argc, [](const char *a) { return std::strcmp(a, "--png") == 0 || std::strcmp(a, "seo") == 0; });
    if (rendersImages && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        rendersImages ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    initApplicationIdentity();
    // A terminal tool follows the locale of its environment (LANG, LC_ALL, LC_MESSAGES).
    installTranslations({});

    // The options every command takes.
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      MainTr::tr("Database file (default: $LUX_DB, else %1).").arg(Database::defaultPath()),
                                      QStringLiteral("PATH"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), MainTr::tr("Print one JSON object."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), MainTr::tr("Log what happens to standard error."));
    const QList<QCommandLineOption> global{dbOption, jsonOption, verboseOption};
    const QString exitCodes = MainTr::tr("Exit codes: 0 success, 1 failure, 2 wrong usage.");

    // First pass: which command, whatever the options. It knows every command's options, so the value
    // of one given before the command ("--tag T contacts count") is not taken for the group.
    QCommandLineParser scan;
    scan.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption = scan.addHelpOption();
    const QCommandLineOption versionOption = scan.addVersionOption();
    scan.addOptions(global);
    QStringList known;
    for (const cli::Command &c : cli::CommandTable::all())
        for (const QCommandLineOption &o : c.ownOptions())
            if (!known.contains(o.names().first())) {
                known << o.names().first();
                scan.addOption(o);
            }
    const bool scanned = scan.parse(app.arguments());
    if (scan.isSet(versionOption)) {
        std::printf("luxctl %s\n", LUX_VERSION);
        return cli::ExitOk;
    }
    const QStringList positional = scan.positionalArguments();
    cli::CommandContext ctx;

    if (positional.isEmpty()) {
        if (scan.isSet(helpOption)) {
            QCommandLineParser top;
            top.setApplicationDescription(MainTr::tr("LUX Marketing from the command line.") + QStringLiteral("\n\n") + MainTr::tr("Commands:")
                                          + QLatin1Char('\n') + commandLines(commandsOf({})) + QLatin1Char('\n')
                                          + MainTr::tr("'luxctl GROUP COMMAND --help' shows that command's options.") + QLatin1Char('\n')
                                          + exitCodes);
            top.addHelpOption();
            top.addVersionOption();
            top.addOptions(global);
            top.addPositionalArgument(QStringLiteral("group"), MainTr::tr("Command group: %1").arg(cli::CommandTable::groups().join(QStringLiteral(", "))));
            top.addPositionalArgument(QStringLiteral("command"), MainTr::tr("Command"));
            printOut(top.helpText());
            return cli::ExitOk;
        }
        return ctx.usage(scanned ? MainTr::tr("Missing command.") : scan.errorText());
    }
    const QString group = positional.at(0);
    if (!cli::CommandTable::groups().contains(group))
        return ctx.usage(MainTr::tr("Unknown command group '%1'.").arg(group));
    if (positional.size() < 2) {
        if (scan.isSet(helpOption)) {
            printOut(MainTr::tr("Commands:") + QLatin1Char('\n') + commandLines(commandsOf(group)));
            return cli::ExitOk;
        }
        return ctx.usage(MainTr::tr("Missing command.") + QLatin1Char(' ')
                         + MainTr::tr("Commands: %1.").arg(cli::CommandTable::commands(group).join(QStringLiteral(", "))));
    }
    const cli::Command *command = cli::CommandTable::find(group, positional.at(1));
    if (!command)
        return ctx.usage(MainTr::tr("Unknown command '%1'. Commands: %2.")
                             .arg(QString(group + QLatin1Char(' ') + positional.at(1)),
                                  cli::CommandTable::commands(group).join(QStringLiteral(", "))));
    ctx.command = group + QLatin1Char(' ') + command->name;

    // Second pass: only this command's options, so one meant for another command is a usage error
    // rather than silently ignored.
    const QList<QCommandLineOption> own = command->ownOptions();
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(global);
    parser.addOptions(own);
    if (!parser.parse(app.arguments()))
        return ctx.usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        const QString usage = QStringLiteral("luxctl [--db PATH] [--json] [--verbose] ") + command->usage()
                              + (own.isEmpty() ? QString() : QStringLiteral(" [options]"));
        QString text = MainTr::tr("Usage: %1").arg(usage)
                       + QLatin1Char('\n') + command->description() + QStringLiteral("\n\n");
        if (!own.isEmpty())
            text += MainTr::tr("Options:") + QLatin1Char('\n') + optionLines(own) + QLatin1Char('\n');
        text += MainTr::tr("Global options:") + QLatin1Char('\n') + optionLines(global + QList<QCommandLineOption>{helpOption}) + QLatin1Char('\n')
                + exitCodes + QLatin1Char('\n');
        printOut(text);
        return cli::ExitOk;
    }
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("lux.*.info=false"));
    ctx.json = parser.isSet(jsonOption);
    ctx.databasePath = Database::resolvePath(parser.value(dbOption));
    ctx.args = parser.positionalArguments().mid(2);
    ctx.parser = &parser;
    return command->run(command->name, ctx);
}
