// SPDX-License-Identifier: GPL-3.0-or-later
// luxctl: LUX Marketing from a terminal, for scripts, servers and benchmarks.
#include "campaigncommands.h"
#include "commandcontext.h"
#include "contactcommands.h"
#include "common/appidentity.h"
#include "common/translations.h"
#include "dbcommands.h"
#include "storage/database.h"
#include "templatecommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <memory>

#include <cstdio>

using namespace lux;

int main(int argc, char *argv[])
{
    // Rendering a PNG needs fonts, so a GUI application (offscreen unless told otherwise); everything
    // else runs without one.
    const bool rendersImages = std::any_of(argv, argv + argc, [](const char *a) { return std::strcmp(a, "--png") == 0; });
    if (rendersImages && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        rendersImages ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    initApplicationIdentity();
    // A terminal tool follows the locale of its environment (LANG, LC_ALL, LC_MESSAGES).
    installTranslations({});

    QCommandLineParser parser;
    // One translatable line per command, so a new command does not invalidate the others.
    static constexpr struct
    {
        const char *usage;
        const char *what;
    } commands[] = {
        {"db init", QT_TRANSLATE_NOOP("luxctl", "create the database, or update it to this version's schema")},
        {"db info", QT_TRANSLATE_NOOP("luxctl", "path, schema, size, users, lock state")},
        {"db check", QT_TRANSLATE_NOOP("luxctl", "run SQLite's integrity and foreign key checks")},
        {"db backup OUT", QT_TRANSLATE_NOOP("luxctl", "write a consistent copy while the database is in use")},
        {"db restore IN", QT_TRANSLATE_NOOP("luxctl", "check IN, then replace the database with it (the current file is kept)")},
        {"db export OUT", QT_TRANSLATE_NOOP("luxctl", "a copy to share with a team (no machine-bound sign-in data)")},
        {"contacts import FILE", QT_TRANSLATE_NOOP("luxctl", "import a CSV (Mailchimp, HubSpot or any columns)")},
        {"contacts export OUT", QT_TRANSLATE_NOOP("luxctl", "contacts as CSV: all, or with --tag / --status / --segment / --search")},
        {"contacts add EMAIL", QT_TRANSLATE_NOOP("luxctl", "add one contact")},
        {"contacts show EMAIL", QT_TRANSLATE_NOOP("luxctl", "one contact's fields and tags")},
        {"contacts count", QT_TRANSLATE_NOOP("luxctl", "how many contacts (with --tag / --status / --segment / --search)")},
        {"contacts forget EMAIL", QT_TRANSLATE_NOOP("luxctl", "erase a contact; its address stays suppressed as a hash")},
        {"suppress add ADDRESS", QT_TRANSLATE_NOOP("luxctl", "never contact this address (--channel email|sms)")},
        {"suppress import FILE", QT_TRANSLATE_NOOP("luxctl", "suppress every address in a CSV")},
        {"suppress list", QT_TRANSLATE_NOOP("luxctl", "the suppression list, newest first")},
        {"segment save NAME --rules FILE", QT_TRANSLATE_NOOP("luxctl", "save rules (docs/SEGMENTS.md) as a segment")},
        {"segment list", QT_TRANSLATE_NOOP("luxctl", "saved segments with their current counts")},
        {"template import FILE --name NAME", QT_TRANSLATE_NOOP("luxctl", "save an HTML or Markdown template (a new version if it exists)")},
        {"template list", QT_TRANSLATE_NOOP("luxctl", "saved templates")},
        {"template render NAME|FILE", QT_TRANSLATE_NOOP("luxctl", "merge for --contact EMAIL; --html OUT, --text OUT, --mime OUT")},
        {"template check NAME|FILE", QT_TRANSLATE_NOOP("luxctl", "the pre-send checks; exit 1 when one blocks sending")},
        {"template component NAME FILE", QT_TRANSLATE_NOOP("luxctl", "save a reusable block, included with {{> NAME}}")},
        {"template brand NAME FILE.json", QT_TRANSLATE_NOOP("luxctl", "save a brand kit (brand.* merge tags); --default")},
        {"settings set KEY VALUE", QT_TRANSLATE_NOOP("luxctl", "graph.tenant, graph.client_id, graph.base_url, graph.authority_url, tracker.url, …")},
        {"settings secret KEY", QT_TRANSLATE_NOOP("luxctl", "graph.client_secret, tracker.api_token or tracking.keys into the keychain, from standard input")},
        {"sender add EMAIL", QT_TRANSLATE_NOOP("luxctl", "a mailbox to send from; --per-minute, --per-day, --concurrency")},
        {"campaign create", QT_TRANSLATE_NOOP("luxctl", "--name --template --subject --from [--tag] [--segment] [--exclude-tag] …")},
        {"campaign send ID", QT_TRANSLATE_NOOP("luxctl", "send now through Microsoft Graph, until every recipient is settled")},
        {"campaign test ID --to EMAIL", QT_TRANSLATE_NOOP("luxctl", "send a test of the campaign to up to five addresses")},
        {"campaign status ID", QT_TRANSLATE_NOOP("luxctl", "status and outbox counts; also schedule, pause, resume, cancel, retry-failed")},
        {"campaign report ID", QT_TRANSLATE_NOOP("luxctl", "opens, clicks and unsubscribes, people and machines apart; --json, --csv OUT")},
        {"scheduler run", QT_TRANSLATE_NOOP("luxctl", "send scheduled campaigns when due, without a window; --until-idle")},
        {"tracker sync", QT_TRANSLATE_NOOP("luxctl", "pull opens, clicks and unsubscribes from lux-tracker")},
        {"tracker test", QT_TRANSLATE_NOOP("luxctl", "check that lux-tracker answers and accepts the API token")},
        {"tracker new-key", QT_TRANSLATE_NOOP("luxctl", "a new signing key in the keychain, printed for the server's key file")},
    };
    QString description = QCoreApplication::translate("luxctl", "LUX Marketing from the command line.")
                          + QStringLiteral("\n\n") + QCoreApplication::translate("luxctl", "Commands:") + QLatin1Char('\n');
    for (const auto &c : commands)
        description += QStringLiteral("  ") + QString::fromLatin1(c.usage).leftJustified(32)
                       + QCoreApplication::translate("luxctl", c.what) + QLatin1Char('\n');
    description += QLatin1Char('\n') + QCoreApplication::translate("luxctl", "Exit codes: 0 success, 1 failure, 2 wrong usage.");
    parser.setApplicationDescription(description);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("luxctl", "Database file (default: $LUX_DB, else %1).").arg(Database::defaultPath()),
        QStringLiteral("PATH"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("luxctl", "Print one JSON object."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QCoreApplication::translate("luxctl", "Log what happens to standard error."));
    parser.addOption(dbOption);
    parser.addOption(jsonOption);
    parser.addOption(verboseOption);
    parser.addOptions(cli::contactOptions());
    parser.addOptions(cli::templateOptions());
    parser.addOptions(cli::campaignOptions());
    parser.addPositionalArgument(QStringLiteral("group"), QCoreApplication::translate("luxctl", "Command group: db, contacts, segment, suppress, template, settings, sender, campaign, scheduler, tracker"));
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("luxctl", "Command"));

    cli::CommandContext ctx;
    if (!parser.parse(app.arguments()))
        return ctx.usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return cli::ExitOk;
    }
    if (parser.isSet(versionOption)) {
        std::printf("luxctl %s\n", LUX_VERSION);
        return cli::ExitOk;
    }
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("lux.*.info=false"));
    ctx.json = parser.isSet(jsonOption);
    ctx.databasePath = Database::resolvePath(parser.value(dbOption));
    QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return ctx.usage(QCoreApplication::translate("luxctl", "Missing command."));
    const QString group = positional.takeFirst();
    const QString command = positional.takeFirst();
    ctx.args = positional;
    ctx.parser = &parser;
    if (group == QLatin1String("db"))
        return cli::runDbCommand(command, ctx);
    if (group == QLatin1String("contacts"))
        return cli::runContactsCommand(command, ctx);
    if (group == QLatin1String("segment"))
        return cli::runSegmentCommand(command, ctx);
    if (group == QLatin1String("suppress"))
        return cli::runSuppressCommand(command, ctx);
    if (group == QLatin1String("template"))
        return cli::runTemplateCommand(command, ctx);
    if (group == QLatin1String("settings"))
        return cli::runSettingsCommand(command, ctx);
    if (group == QLatin1String("sender"))
        return cli::runSenderCommand(command, ctx);
    if (group == QLatin1String("campaign"))
        return cli::runCampaignCommand(command, ctx);
    if (group == QLatin1String("scheduler"))
        return cli::runSchedulerCommand(command, ctx);
    if (group == QLatin1String("tracker"))
        return cli::runTrackerCommand(command, ctx);
    return ctx.usage(QCoreApplication::translate("luxctl", "Unknown command group '%1'.").arg(group));
}
