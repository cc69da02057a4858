// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigncommands.h"

#include "automations/engine.h"

#include "events/eventpublisher.h"
#include "campaigns/abtest.h"
#include "common/errorcodes.h"

#include "analytics/campaignreport.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/campaignstore.h"
#include "campaigns/jobstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "campaigns/sendsetup.h"
#include "sms/quiethours.h"
#include "common/awaittask.h"
#include "common/savefile.h"
#include "contacts/addressing.h"
#include "mailbox/inboundmessages.h"
#include "mailbox/mailboxreader.h"
#include "content/templatestore.h"
#include "secrets/secretstore.h"
#include "settings/settings.h"
#include "storage/database.h"
#include "tracking/campaigntracking.h"
#include "tracking/trackersync.h"

#include <QFile>
#include <QFileInfo>

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QRegularExpression>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <csignal>
#include <cstdio>
#include <optional>

namespace lux::cli {

namespace {

struct CampaignTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

QJsonObject countsJson(const QHash<QString, qint64> &counts)
{
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Result<qint64> campaignId(const CommandContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.args.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return Error(errc::usage, CampaignTr::tr("Give the campaign's number, as printed by campaign create."));
    return id;
}

// A stop on SIGINT or SIGTERM: the run ends its current requests and leaves; nothing is lost.
campaigns::CampaignRunner *g_running = nullptr;
void requestStop(int)
{
    if (g_running)
        g_running->stop();
}

// The pre-send checks: errors stop the campaign; warnings are printed and stop it too unless
// --accept-warnings says they were read.
Status checksPass(DatabaseScope &scope, const campaigns::Campaign &c, bool acceptWarnings)
{
    const bool withTracker = !scope.settings().trackerUrl().trimmed().isEmpty();
    const QList<content::Finding> found = campaigns::Lifecycle(scope.database().connection()).checks(c, withTracker);
    QStringList errors;
    for (const content::Finding &f : found) {
        if (f.severity == content::Finding::Severity::Error)
            errors << f.message;
        else
            std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("Warning: %1").arg(f.message)));
    }
    if (!errors.isEmpty())
        return Error(errc::campaignChecks,
                     CampaignTr::tr("The pre-send checks stop this campaign: %1").arg(errors.join(QStringLiteral("; "))));
    if (campaigns::Lifecycle::hasWarnings(found) && !acceptWarnings)
        return Error(errc::campaignWarnings,
                     CampaignTr::tr("The pre-send checks have warnings (above): read them, then add --accept-warnings."));
    return {};
}

// Providers, identities and secrets from the database's settings and its keychain entries (or
// LUX_SECRET_*).
campaigns::SendSetup sendSetup(DatabaseScope &scope)
{
    return awaitTask(campaigns::SendSetup::withSecrets(scope.secrets(), campaigns::SendSetup::fromSettings(scope.settings())));
}

// The run path of the app's scheduler, from a terminal: the same runner, stopped by SIGINT or
// SIGTERM. A rotated Microsoft refresh token is kept as the app keeps it.
class Runner
{
public:
    explicit Runner(DatabaseScope &scope)
        : m_runner(scope.database().connection(), &m_network, sendSetup(scope)), m_secrets(scope.secrets())
    {
        QObject::connect(&m_runner, &campaigns::CampaignRunner::refreshTokenChanged, &m_runner,
                         [this](const QString &token) { m_rotated = token; });
        g_running = &m_runner;
        std::signal(SIGINT, requestStop);
        std::signal(SIGTERM, requestStop);
    }
    ~Runner()
    {
        g_running = nullptr;
        if (!m_rotated.isEmpty())
            if (Status s = awaitTask(m_secrets.write(Secret::GraphRefreshToken, m_rotated)); !s)
                std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("The rotated Microsoft sign-in could not be kept: %1").arg(s.error().message)));
    }
    campaigns::CampaignRunner *operator->() { return &m_runner; }

private:
    QNetworkAccessManager m_network;
    campaigns::CampaignRunner m_runner;
    SecretStore m_secrets;
    QString m_rotated;
};

// How a run reads in a terminal and in --json.
QJsonObject runJson(const campaigns::CampaignRunner::Run &run)
{
    QJsonObject o{{QStringLiteral("campaign"), run.campaignId}, {QStringLiteral("status"), run.status}};
    if (run.outcome == campaigns::CampaignRunner::Run::Outcome::Ran) {
        o.insert(QStringLiteral("sent"), run.summary.sent);
        o.insert(QStringLiteral("stopped"), run.summary.stopped);
    }
    if (run.outcome == campaigns::CampaignRunner::Run::Outcome::Waiting)
        o.insert(QStringLiteral("retry_at"), QDateTime::fromMSecsSinceEpoch(run.retryAt, Qt::UTC).toString(Qt::ISODate));
    if (!run.error.code.isEmpty())
        o.insert(QStringLiteral("error"), run.error.code);
    return o;
}

// One look at a mailbox, as a terminal and --json see it.
QJsonObject lookJson(const mailbox::MailboxReader::Summary &look)
{
    QJsonObject o{{QStringLiteral("mailbox"), look.mailbox},
                  {QStringLiteral("read"), look.read},
                  {QStringLiteral("hard_bounces"), look.hardBounces},
                  {QStringLiteral("soft_bounces"), look.softBounces},
                  {QStringLiteral("auto_replies"), look.autoReplies},
                  {QStringLiteral("replies"), look.replies},
                  {QStringLiteral("unsubscribes"), look.unsubscribes},
                  {QStringLiteral("other"), look.other},
                  {QStringLiteral("unreadable"), look.unreadable}};
    if (look.error) {
        o.insert(QStringLiteral("error"), look.error->code);
        o.insert(QStringLiteral("message"), look.error->message);
    }
    if (look.disposeError)
        o.insert(QStringLiteral("dispose_error"), look.disposeError->code);
    return o;
}

// Reads every sender mailbox once; problems on stderr.
QJsonArray readMailboxes(Runner &runner)
{
    QJsonArray looks;
    const QList<mailbox::MailboxReader::Summary> done = awaitTask(runner->readMailboxes());
    for (const mailbox::MailboxReader::Summary &look : done) {
        looks.append(lookJson(look));
        if (look.error)
            std::fprintf(stderr, "%s\n", qPrintable(look.error->message));
        if (look.disposeError)
            std::fprintf(stderr, "%s\n", qPrintable(look.disposeError->message));
    }
    return looks;
}

} // namespace

QList<QCommandLineOption> campaignOptions(const QString &group, const QString &command)
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    const QCommandLineOption acceptWarnings(QStringLiteral("accept-warnings"), t(QT_TRANSLATE_NOOP("luxctl", "The pre-send warnings were read.")));
    if (group == QLatin1String("campaign") && command == QLatin1String("create"))
        return {
            {QStringLiteral("name"), t(QT_TRANSLATE_NOOP("luxctl", "The campaign's name.")), QStringLiteral("NAME")},
            {QStringLiteral("template"), t(QT_TRANSLATE_NOOP("luxctl", "The template's name.")), QStringLiteral("T")},
            {QStringLiteral("subject"), t(QT_TRANSLATE_NOOP("luxctl", "The subject line (merge tags allowed).")), QStringLiteral("TEXT")},
            {QStringLiteral("preheader"), t(QT_TRANSLATE_NOOP("luxctl", "The preheader shown after the subject.")), QStringLiteral("TEXT")},
            {QStringLiteral("from"), t(QT_TRANSLATE_NOOP("luxctl", "The mailbox it is sent from (see sender add).")), QStringLiteral("EMAIL")},
            {QStringLiteral("from-name"), t(QT_TRANSLATE_NOOP("luxctl", "The sender's display name.")), QStringLiteral("NAME")},
            {QStringLiteral("reply-to"), t(QT_TRANSLATE_NOOP("luxctl", "Where replies go.")), QStringLiteral("EMAIL")},
            {QStringLiteral("sender"), t(QT_TRANSLATE_NOOP("luxctl", "Another mailbox to share the sending (repeatable).")), QStringLiteral("EMAIL")},
            {QStringLiteral("tag"), t(QT_TRANSLATE_NOOP("luxctl", "Send to contacts with this tag (repeatable).")), QStringLiteral("T")},
            {QStringLiteral("segment"), t(QT_TRANSLATE_NOOP("luxctl", "Send to this saved segment (repeatable).")), QStringLiteral("NAME")},
            {QStringLiteral("exclude-tag"), t(QT_TRANSLATE_NOOP("luxctl", "Leave out contacts with this tag (repeatable).")), QStringLiteral("T")},
            {QStringLiteral("exclude-segment"), t(QT_TRANSLATE_NOOP("luxctl", "Leave out this segment (repeatable).")), QStringLiteral("S")},
            {QStringLiteral("tracking"), t(QT_TRANSLATE_NOOP("luxctl", "Opens and clicks: person (each recipient's, the default), anonymous (counts per link and day only) or off.")), QStringLiteral("MODE")},
            {QStringLiteral("channel"), t(QT_TRANSLATE_NOOP("luxctl", "email (the default) or sms.")), QStringLiteral("CHANNEL")},
            {QStringLiteral("body"), t(QT_TRANSLATE_NOOP("luxctl", "sms: the text (merge tags allowed); it must start with the sender's name.")), QStringLiteral("TEXT")},
            {QStringLiteral("variant-subject"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: the next variant's subject (B, then C …; repeatable).")), QStringLiteral("TEXT")},
            {QStringLiteral("variant-preheader"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: the next variant's preheader (repeatable).")), QStringLiteral("TEXT")},
            {QStringLiteral("variant-from-name"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: the next variant's sender name (repeatable).")), QStringLiteral("NAME")},
            {QStringLiteral("variant-template"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: the next variant's template (repeatable).")), QStringLiteral("NAME")},
            {QStringLiteral("variant-body"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test of a text: the next variant's words (repeatable).")), QStringLiteral("TEXT")},
            {QStringLiteral("variant-time"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: the time of day the next variant goes, HH:MM (repeatable).")), QStringLiteral("HH:MM")},
            {QStringLiteral("test-percent"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: the share of the audience in the test group (default 20).")), QStringLiteral("P")},
            {QStringLiteral("test-size"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: this many people in the test group instead of a share.")), QStringLiteral("N")},
            {QStringLiteral("wait"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: how long after the last test message the winner is chosen (4h, 90m, 1d; default 4h).")), QStringLiteral("DURATION")},
            {QStringLiteral("metric"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test: clicks (people's, the default), opens, ctor (clicks of those who opened) or manual.")), QStringLiteral("METRIC")},
            {QStringLiteral("no-winner"), t(QT_TRANSLATE_NOOP("luxctl", "A/B test without a winner: send-a (the default) or wait (for abtest choose).")), QStringLiteral("WHAT")},
        };
    if (group == QLatin1String("campaign") && command == QLatin1String("plan"))
        return {{QStringLiteral("at"), t(QT_TRANSLATE_NOOP("luxctl", "The moment to ask about (ISO 8601; default now).")), QStringLiteral("TIME")}};
    if (group == QLatin1String("campaign") && command == QLatin1String("schedule"))
        return {
            {QStringLiteral("at"), t(QT_TRANSLATE_NOOP("luxctl", "When (ISO 8601; default now).")), QStringLiteral("TIME")},
            {QStringLiteral("local-time"), t(QT_TRANSLATE_NOOP("luxctl", "--at's date and time in each recipient's time zone."))},
            acceptWarnings,
        };
    if (group == QLatin1String("campaign") && command == QLatin1String("send"))
        return {acceptWarnings};
    if (group == QLatin1String("campaign") && command == QLatin1String("test"))
        return {{QStringLiteral("to"), t(QT_TRANSLATE_NOOP("luxctl", "An address to send the test to (repeatable, at most 5).")), QStringLiteral("EMAIL")}};
    if (group == QLatin1String("campaign") && command == QLatin1String("report"))
        return {{QStringLiteral("csv"), t(QT_TRANSLATE_NOOP("luxctl", "Also write it as CSV to OUT.")), QStringLiteral("OUT")}};
    if (group == QLatin1String("mailbox") && command == QLatin1String("messages"))
        return {
            {QStringLiteral("kind"), t(QT_TRANSLATE_NOOP("luxctl", "Only this kind (hard-bounce, soft-bounce, auto-reply, unsubscribe, reply, other).")), QStringLiteral("KIND")},
            {QStringLiteral("campaign"), t(QT_TRANSLATE_NOOP("luxctl", "Only those about this campaign.")), QStringLiteral("ID")},
            {QStringLiteral("contact"), t(QT_TRANSLATE_NOOP("luxctl", "Only those of the contact with this address.")), QStringLiteral("EMAIL")},
            {QStringLiteral("limit"), t(QT_TRANSLATE_NOOP("luxctl", "At most N, newest first (default 100).")), QStringLiteral("N")},
        };
    if (group == QLatin1String("sender") && command == QLatin1String("add"))
        return {
            {QStringLiteral("per-minute"), t(QT_TRANSLATE_NOOP("luxctl", "Messages a minute (default 30).")), QStringLiteral("N")},
            {QStringLiteral("per-day"), t(QT_TRANSLATE_NOOP("luxctl", "Recipients in any 24 hours (default 10000).")), QStringLiteral("N")},
            {QStringLiteral("concurrency"), t(QT_TRANSLATE_NOOP("luxctl", "Requests at once, 1 to 4 (default 4).")), QStringLiteral("N")},
        };
    if (group == QLatin1String("scheduler") && command == QLatin1String("run"))
        return {{QStringLiteral("until-idle"), t(QT_TRANSLATE_NOOP("luxctl", "Stop when no job is due."))}};
    return {};
}

namespace {

QString scopeText(Settings::Scope scope)
{
    switch (scope) {
    case Settings::Scope::Person:
        return CampaignTr::tr("yours, on this computer");
    case Settings::Scope::Database:
        return CampaignTr::tr("the database's, shared with it");
    case Settings::Scope::PersonInDatabase:
        return CampaignTr::tr("yours, for this database");
    }
    return {};
}

// Every setting with its scope and value; the database's own (and yours for it) when --db's database
// exists.
int listSettings(const CommandContext &ctx)
{
    std::unique_ptr<DatabaseScope> scope;
    if (auto opened = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, false, {}}))
        scope = std::move(opened).value();
    Settings person;
    QJsonArray all;
    QStringList lines;
    for (const Settings::Key key : Settings::keys()) {
        const Settings::Scope where = Settings::scope(key);
        if (key == Settings::Key::MainWindowGeometry || key == Settings::Key::MainWindowState)
            continue; // binary window state, not for people
        const bool fromDatabase = where != Settings::Scope::Person;
        if (fromDatabase && !scope) {
            all.append(QJsonObject{{QStringLiteral("key"), Settings::cliName(key)},
                                   {QStringLiteral("scope"), Settings::scopeName(where)}});
            lines << QStringLiteral("%1  [%2]  %3").arg(Settings::cliName(key), scopeText(where), CampaignTr::tr("(no database)"));
            continue;
        }
        const QString value = (fromDatabase ? scope->settings() : person).value(key).toString();
        all.append(QJsonObject{{QStringLiteral("key"), Settings::cliName(key)},
                               {QStringLiteral("scope"), Settings::scopeName(where)},
                               {QStringLiteral("value"), value}});
        lines << QStringLiteral("%1 = %2  [%3]").arg(Settings::cliName(key), value, scopeText(where));
    }
    QJsonObject o{{QStringLiteral("settings"), all}};
    if (scope)
        o.insert(QStringLiteral("database"), scope->database().path());
    return ctx.succeed(o, lines.join(u'\n'));
}

} // namespace

int runSettingsCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("list"))
        return listSettings(ctx);
    if (command == QLatin1String("secret")) {
        // Secrets go to the keychain, read from standard input so they never sit in a command line
        // or a shell history: `luxctl settings secret graph.client_secret < file`. Each database
        // keeps its own entries.
        const auto secret = SecretStore::fromCliName(ctx.args.value(0));
        if (!secret || *secret == Secret::GraphRefreshToken) // the refresh token comes from signing in
            return ctx.usage(CampaignTr::tr("Usage: settings secret graph.client_secret|tracker.api_token|tracking.keys|twilio.auth_token|twilio.api_key_secret|openai.api_key|woo.consumer_key|woo.consumer_secret (the value on standard input)"));
        const QString name = SecretStore::cliName(*secret);
        QTextStream in(stdin);
        // The signing keys are several lines; the others one.
        const QString value = *secret == Secret::TrackingKeys ? in.readAll().trimmed() : in.readLine().trimmed();
        if (value.isEmpty())
            return ctx.usage(CampaignTr::tr("Give the secret on standard input."));
        if (*secret == Secret::TrackingKeys)
            if (const auto ring = tracking::KeyRing::parse(value.toUtf8()); !ring)
                return ctx.fail(ring.error());
        auto scope = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, true, {}});
        if (!scope)
            return ctx.fail(scope.error());
        if (Status s = awaitTask((*scope)->secrets().write(*secret, value)); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("key"), name}, {QStringLiteral("database"), (*scope)->database().path()}},
                           CampaignTr::tr("Saved in the keychain for %1.").arg(QFileInfo((*scope)->database().path()).fileName()));
    }
    const auto key = Settings::fromCliName(ctx.args.value(0));
    if (!key)
        return ctx.usage(CampaignTr::tr("Unknown setting '%1'; `luxctl settings list` shows them all.").arg(ctx.args.value(0)));
    const Settings::Scope where = Settings::scope(*key);
    const bool set = command == QLatin1String("set");
    if (set && ctx.args.size() != 2)
        return ctx.usage(CampaignTr::tr("Usage: settings set KEY VALUE"));
    std::unique_ptr<DatabaseScope> scope;
    Settings person;
    Settings *settings = &person;
    if (where != Settings::Scope::Person) {
        // A change needs the database for writing; a read takes it as it is.
        auto opened = DatabaseScope::open(ctx.databasePath, set ? Database::Options{} : Database::Options{Database::Access::ReadWriteOrReadOnly, false, {}});
        if (!opened)
            return ctx.fail(opened.error());
        scope = std::move(opened).value();
        settings = &scope->settings();
    }
    QJsonObject o{{QStringLiteral("key"), Settings::cliName(*key)}, {QStringLiteral("scope"), Settings::scopeName(where)}};
    if (scope)
        o.insert(QStringLiteral("database"), scope->database().path());
    if (set) {
        std::optional<Error> failed;
        QObject::connect(settings, &Settings::saveFailed, settings, [&failed](Settings::Key, const Error &e) { failed = e; });
        settings->setValue(*key, ctx.args.at(1));
        if (failed)
            return ctx.fail(*failed);
        settings->sync();
        o.insert(QStringLiteral("value"), ctx.args.at(1));
        return ctx.succeed(o, scope ? CampaignTr::tr("%1 = %2 (in %3)").arg(Settings::cliName(*key), ctx.args.at(1),
                                                                            QFileInfo(scope->database().path()).fileName())
                                    : CampaignTr::tr("%1 = %2").arg(Settings::cliName(*key), ctx.args.at(1)));
    }
    const QString value = settings->value(*key).toString();
    o.insert(QStringLiteral("value"), value);
    return ctx.succeed(o, value);
}

int runSenderCommand(const QString &command, const CommandContext &ctx)
{
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    campaigns::SenderStore store((*db)->connection());
    if (command == QLatin1String("add")) {
        campaigns::SenderPacer::Limits limits;
        if (ctx.isSet(QStringLiteral("per-minute")))
            limits.perMinute = ctx.option(QStringLiteral("per-minute")).toInt();
        if (ctx.isSet(QStringLiteral("per-day")))
            limits.perDay = ctx.option(QStringLiteral("per-day")).toInt();
        if (ctx.isSet(QStringLiteral("concurrency")))
            limits.concurrency = ctx.option(QStringLiteral("concurrency")).toInt();
        const auto saved = store.save(ctx.args.value(0), limits);
        if (!saved)
            return ctx.fail(saved.error());
        return ctx.succeed({{QStringLiteral("email"), saved->address},
                            {QStringLiteral("per_minute"), saved->limits.perMinute},
                            {QStringLiteral("per_day"), saved->limits.perDay},
                            {QStringLiteral("concurrency"), saved->limits.concurrency}},
                           CampaignTr::tr("Sender %1: %2 a minute, %3 a day, %4 at once.")
                               .arg(saved->address)
                               .arg(saved->limits.perMinute)
                               .arg(saved->limits.perDay)
                               .arg(saved->limits.concurrency));
    }
    if (command == QLatin1String("list")) {
        QJsonArray all;
        QStringList lines;
        for (const auto &s : store.list()) {
            all.append(QJsonObject{{QStringLiteral("email"), s.address}, {QStringLiteral("per_minute"), s.limits.perMinute}});
            lines << s.address;
        }
        return ctx.succeed({{QStringLiteral("senders"), all}}, lines.join(u'\n'));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'sender %1'. Commands: add, list.").arg(command));
}

int runTrackerCommand(const QString &command, const CommandContext &ctx)
{
    // The tracker is the database's: its address in its settings, its token and keys in its entries.
    auto scope = DatabaseScope::open(ctx.databasePath, {Database::Access::ReadWriteOrReadOnly, true, {}});
    if (!scope)
        return ctx.fail(scope.error());
    const QString url = (*scope)->settings().trackerUrl();
    const SecretStore &secrets = (*scope)->secrets();
    const auto token = awaitTask(secrets.read(Secret::TrackerApiToken));
    const QByteArray apiToken = token ? token->toUtf8() : QByteArray();
    if (command == QLatin1String("new-key")) {
        // A fresh signing key, first in the ring (it signs from now on; older ones still verify).
        const auto current = awaitTask(secrets.read(Secret::TrackingKeys));
        if (!current && current.error().code != errc::secretsNotFound)
            return ctx.fail(current.error());
        const auto added = tracking::KeyRing::addKey(current ? current->toUtf8() : QByteArray());
        if (!added)
            return ctx.fail(added.error());
        const QByteArray ring = *added;
        if (Status s = awaitTask(secrets.write(Secret::TrackingKeys, QString::fromUtf8(ring))); !s)
            return ctx.fail(s.error());
        // Printed for the server's key file: the same ring, or tokens would not verify.
        return ctx.succeed({{QStringLiteral("keys"), QString::fromUtf8(ring)}}, QString::fromUtf8(ring).trimmed());
    }
    QNetworkAccessManager network;
    if (command == QLatin1String("test")) {
        if (Status s = awaitTask(tracking::TrackerSync::check(&network, url, apiToken)); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("url"), url}, {QStringLiteral("ok"), true}}, CampaignTr::tr("lux-tracker at %1 answers and accepts the API token.").arg(url));
    }
    if (command == QLatin1String("sync")) {
        if ((*scope)->database().isReadOnly())
            return ctx.fail(Error(errc::dbLocked, CampaignTr::tr("The database is open for writing elsewhere; pull the tracker's events there.")));
        // Events whose last change has not reached the tracker go first, as the app's scheduler does.
        events::EventPublisher publisher(&network, (*scope)->database().connection(), url, apiToken, (*scope)->settings().eventConfirmHours());
        // A push that fails is said; the pull goes on (unsubscribes and STOPs must not wait for it).
        const auto pushedEvents = awaitTask(publisher.pushPending());
        if (!pushedEvents)
            std::fprintf(stderr, "luxctl: %s\n", qPrintable(pushedEvents.error().message));
        const int pushed = pushedEvents ? *pushedEvents : 0;
        tracking::TrackerSync sync(&network, (*scope)->database().connection(), url, apiToken);
        const auto summary = awaitTask(sync.run());
        if (!summary)
            return ctx.fail(summary.error());
        // Texts whose receipts came back final get what Twilio charged for them (when it is set up).
        int priced = 0;
        {
            Runner runner(**scope);
            const auto fetched = awaitTask(runner->fetchSmsPrices());
            if (!fetched)
                return ctx.fail(fetched.error());
            priced = *fetched;
        }
        return ctx.succeed({{QStringLiteral("events"), summary->events},
                            {QStringLiteral("sms_priced"), priced},
                            {QStringLiteral("opens"), summary->opens},
                            {QStringLiteral("clicks"), summary->clicks},
                            {QStringLiteral("unsubscribes"), summary->unsubscribes},
                            {QStringLiteral("machine"), summary->machine},
                            {QStringLiteral("sms_statuses"), summary->smsStatuses},
                            {QStringLiteral("sms_replies"), summary->smsReplies},
                            {QStringLiteral("sms_opt_outs"), summary->smsOptOuts},
                            {QStringLiteral("ignored"), summary->ignored},
                            {QStringLiteral("registrations"), summary->registrations},
                            {QStringLiteral("events_pushed"), pushed},
                            {QStringLiteral("cursor"), summary->cursor}},
                           CampaignTr::tr("%1 events: %2 opens, %3 clicks, %4 unsubscribes (%5 by machines), %6 registration changes.")
                               .arg(summary->events)
                               .arg(summary->opens)
                               .arg(summary->clicks)
                               .arg(summary->unsubscribes)
                               .arg(summary->machine)
                               .arg(summary->registrations));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'tracker %1'. Commands: sync, test, new-key.").arg(command));
}

int runSchedulerCommand(const QString &command, const CommandContext &ctx)
{
    if (command != QLatin1String("run"))
        return ctx.usage(CampaignTr::tr("Unknown command 'scheduler %1'. Commands: run.").arg(command));
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->database().connection();
    campaigns::JobStore jobs(db);
    Runner runner(**opened);
    const QString owner = QStringLiteral("luxctl-%1").arg(QCoreApplication::applicationPid());
    QJsonArray ran;
    QJsonArray looks;
    qint64 lastLook = 0;
    constexpr qint64 kLookEveryMs = 300'000; // as the app: the sender mailboxes every five minutes
    const campaigns::SendSetup setup = sendSetup(**opened);
    automations::Engine engine(db, automations::EngineConfig{setup.emailCap, setup.smsCap});
    qint64 steps = 0;
    int engineFailures = 0; // in a row: a lasting one ends the run rather than spin
    while (!runner->isStopped()) {
        // Workflows first (their signals and due steps): what they queue goes out in this turn.
        for (bool more = true; more && !runner->isStopped();) {
            const auto flows = engine.turn();
            if (!flows) {
                // Busy (another writer held the database past the timeout) or a passing failure:
                // said, and tried again at the next turn; the campaigns go on meanwhile.
                if (++engineFailures >= 5)
                    return ctx.fail(flows.error());
                std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("Workflows: %1").arg(flows.error().message)));
                break;
            }
            engineFailures = 0;
            for (const QString &line : flows->notices + flows->problems)
                std::fprintf(stderr, "%s\n", qPrintable(line));
            steps += flows->steps;
            more = flows->more;
        }
        const auto turn = awaitTask(runner->runDueJob(owner));
        if (!turn)
            return ctx.fail(turn.error());
        if (!*turn) {
            if (lastLook == 0 || QDateTime::currentMSecsSinceEpoch() - lastLook >= kLookEveryMs) {
                for (const QJsonValue &look : readMailboxes(runner))
                    looks.append(look);
                lastLook = QDateTime::currentMSecsSinceEpoch();
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const std::optional<qint64> flowsDue = engine.nextDueAt();
            if (ctx.isSet(QStringLiteral("until-idle")) && (!flowsDue || *flowsDue > now))
                break;
            // Wake for the next job or workflow step, or every few seconds for a signal meanwhile.
            const qint64 next = std::min(jobs.nextDueAt().value_or(now + 30000), flowsDue.value_or(now + 30000));
            const qint64 wait = std::clamp<qint64>(next - now, 100, 2000);
            QEventLoop loop;
            QTimer::singleShot(wait, &loop, &QEventLoop::quit);
            loop.exec();
            continue;
        }
        const campaigns::CampaignRunner::Run &run = (*turn)->run;
        if (run.outcome == campaigns::CampaignRunner::Run::Outcome::Skipped)
            continue;
        ran.append(runJson(run));
        if (!run.error.message.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("Campaign %1: %2").arg(run.campaignId).arg(run.error.message)));
    }
    return ctx.succeed({{QStringLiteral("ran"), ran}, {QStringLiteral("mailboxes"), looks}, {QStringLiteral("automation_steps"), steps}},
                       CampaignTr::tr("%n campaign(s) run.", nullptr, int(ran.size())));
}

namespace {

// "4h", "90m", "30s", "2d", or plain seconds; nullopt when it is none of them.
std::optional<qint64> durationMs(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d+)\\s*([smhd]?)$"));
    const QRegularExpressionMatch m = form.match(text.trimmed().toLower());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok || n > 366LL * 24 * 3600)
        return std::nullopt;
    const QString unit = m.captured(2);
    const qint64 scale = unit == QLatin1String("m") ? 60'000 : unit == QLatin1String("h") ? 3'600'000 : unit == QLatin1String("d") ? 86'400'000 : 1000;
    return n * scale;
}

// The A/B test `campaign create` was asked for: nullopt without any --variant-* option. Variant A
// is the campaign as given; the n-th value of each --variant-* option belongs to variant n + 1.
Result<std::optional<campaigns::AbTestConfig>> abTestOptions(const CommandContext &ctx, QSqlDatabase db)
{
    const QStringList subjects = ctx.options(QStringLiteral("variant-subject")), preheaders = ctx.options(QStringLiteral("variant-preheader")),
                      names = ctx.options(QStringLiteral("variant-from-name")), templates = ctx.options(QStringLiteral("variant-template")),
                      bodies = ctx.options(QStringLiteral("variant-body")), times = ctx.options(QStringLiteral("variant-time"));
    const qsizetype others = std::max({subjects.size(), preheaders.size(), names.size(), templates.size(), bodies.size(), times.size()});
    const QStringList testOptions{QStringLiteral("test-percent"), QStringLiteral("test-size"), QStringLiteral("wait"), QStringLiteral("metric"),
                                  QStringLiteral("no-winner")};
    if (others == 0) {
        for (const QString &o : testOptions)
            if (ctx.isSet(o))
                return Error(errc::usage, CampaignTr::tr("--%1 belongs to an A/B test: give the variants with --variant-subject, --variant-template ….").arg(o));
        return std::optional<campaigns::AbTestConfig>();
    }
    campaigns::AbTestConfig config;
    config.variants << campaigns::AbVariant{};
    for (qsizetype i = 0; i < others; ++i) {
        campaigns::AbVariant v;
        v.subject = subjects.value(i);
        v.preheader = preheaders.value(i);
        v.fromName = names.value(i);
        v.body = bodies.value(i);
        if (!templates.value(i).isEmpty()) {
            const auto t = content::TemplateStore(db).find(templates.at(i));
            if (!t)
                return Error(t.error().code, CampaignTr::tr("--variant-template %1: %2").arg(templates.at(i), t.error().message));
            v.templateId = t->id;
        }
        if (!times.value(i).isEmpty()) {
            const QTime at = QTime::fromString(times.at(i), QStringLiteral("H:mm"));
            if (!at.isValid())
                return Error(errc::usage, CampaignTr::tr("--variant-time %1 is not a time of day (HH:MM).").arg(times.at(i)));
            v.sendTime = at;
        }
        config.variants << v;
    }
    if (ctx.isSet(QStringLiteral("test-percent"))) {
        bool ok = false;
        config.testPercent = ctx.option(QStringLiteral("test-percent")).toDouble(&ok);
        if (!ok || config.testPercent <= 0 || config.testPercent > 100)
            return Error(errc::usage, CampaignTr::tr("--test-percent is a share above 0 and up to 100."));
    }
    if (ctx.isSet(QStringLiteral("test-size"))) {
        bool ok = false;
        config.testSize = ctx.option(QStringLiteral("test-size")).toLongLong(&ok);
        if (!ok || config.testSize < 2)
            return Error(errc::usage, CampaignTr::tr("--test-size is a number of people, at least 2."));
    }
    if (ctx.isSet(QStringLiteral("wait"))) {
        const auto wait = durationMs(ctx.option(QStringLiteral("wait")));
        if (!wait)
            return Error(errc::usage, CampaignTr::tr("--wait %1 is not a duration (4h, 90m, 30s, 1d).").arg(ctx.option(QStringLiteral("wait"))));
        config.waitMs = *wait;
    }
    if (ctx.isSet(QStringLiteral("metric"))) {
        const auto metric = campaigns::metricFromName(ctx.option(QStringLiteral("metric")).toLower());
        if (!metric)
            return Error(errc::usage, CampaignTr::tr("--metric is clicks, opens, ctor or manual."));
        config.metric = *metric;
    }
    if (ctx.isSet(QStringLiteral("no-winner"))) {
        const QString what = ctx.option(QStringLiteral("no-winner")).toLower();
        if (what != QLatin1String("send-a") && what != QLatin1String("wait"))
            return Error(errc::usage, CampaignTr::tr("--no-winner is send-a or wait."));
        config.noWinner = what == QLatin1String("wait") ? campaigns::AbNoWinner::Wait : campaigns::AbNoWinner::SendA;
    }
    return std::optional<campaigns::AbTestConfig>(config);
}

} // namespace

int runCampaignCommand(const QString &command, const CommandContext &ctx)
{
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->database().connection();
    campaigns::CampaignStore store(db);
    if (command == QLatin1String("create")) {
        const QString channel = ctx.isSet(QStringLiteral("channel")) ? ctx.option(QStringLiteral("channel")).toLower() : QStringLiteral("email");
        if (channel != QLatin1String("email") && channel != QLatin1String("sms"))
            return ctx.usage(CampaignTr::tr("--channel is email or sms."));
        const bool sms = channel == QLatin1String("sms");
        campaigns::Campaign c;
        c.channel = channel;
        if (sms) {
            if (!ctx.isSet(QStringLiteral("body")))
                return ctx.usage(CampaignTr::tr("An SMS campaign needs its text: --body TEXT."));
            c.body = ctx.option(QStringLiteral("body"));
            // The sender's name every text starts with (CTIA): given, or the one in Settings → SMS.
            c.fromName = ctx.isSet(QStringLiteral("from-name")) ? ctx.option(QStringLiteral("from-name"))
                                                                 : (*opened)->settings().smsSenderName();
        } else {
            const auto t = content::TemplateStore(db).find(ctx.option(QStringLiteral("template")));
            if (!t)
                return ctx.fail(t.error());
            c.templateId = t->id;
        }
        if (const auto sender = campaigns::SenderStore(db, channel).find(ctx.option(QStringLiteral("from"))); !sender)
            return ctx.fail(sender.error());
        else
            c.fromEmail = sender->address;
        c.name = ctx.option(QStringLiteral("name"));
        c.subject = ctx.option(QStringLiteral("subject"));
        c.preheader = ctx.option(QStringLiteral("preheader"));
        if (!sms)
            c.fromName = ctx.option(QStringLiteral("from-name"));
        c.replyTo = ctx.option(QStringLiteral("reply-to"));
        c.audience.includeTags = ctx.options(QStringLiteral("tag"));
        c.audience.includeSegments = ctx.options(QStringLiteral("segment"));
        c.audience.excludeTags = ctx.options(QStringLiteral("exclude-tag"));
        c.audience.excludeSegments = ctx.options(QStringLiteral("exclude-segment"));
        c.extraSenders = ctx.options(QStringLiteral("sender"));
        if (ctx.isSet(QStringLiteral("tracking"))) {
            const auto mode = campaigns::trackingModeFromName(ctx.option(QStringLiteral("tracking")));
            if (!mode)
                return ctx.usage(CampaignTr::tr("--tracking is person, anonymous or off."));
            c.tracking = *mode;
        }
        for (const QString &extra : std::as_const(c.extraSenders))
            if (const auto known = campaigns::SenderStore(db, channel).find(extra); !known)
                return ctx.fail(known.error());
        const auto test = abTestOptions(ctx, db);
        if (!test)
            return ctx.fail(test.error());
        campaigns::AbTests tests(db);
        if (*test)
            if (Status s = tests.validate(c, **test); !s)
                return ctx.fail(s.error());
        const auto created = store.create(c, std::nullopt, [&](qint64 made) -> Status { return *test ? tests.save(made, **test) : Status(); });
        if (!created)
            return ctx.fail(created.error());
        if (*test)
            return ctx.succeed({{QStringLiteral("id"), created->id}, {QStringLiteral("variants"), int((*test)->variants.size())}},
                               CampaignTr::tr("Campaign %1 created (draft) with an A/B test of %n variant(s).", nullptr,
                                              int((*test)->variants.size()))
                                   .arg(created->id));
        return ctx.succeed({{QStringLiteral("id"), created->id}}, CampaignTr::tr("Campaign %1 created (draft).").arg(created->id));
    }
    const auto id = campaignId(ctx);
    if (!id)
        return ctx.usage(id.error().message);
    const auto campaign = store.find(*id);
    if (!campaign)
        return ctx.fail(campaign.error());
    const auto statusJson = [&] {
        const auto now = store.find(*id);
        return QJsonObject{{QStringLiteral("id"), *id},
                           {QStringLiteral("status"), now ? campaigns::statusName(now->status) : QString()},
                           {QStringLiteral("outbox"), countsJson(campaigns::Outbox(db).counts(*id))}};
    };
    if (command == QLatin1String("report")) {
        const auto report = analytics::ReportBuilder(db).campaign(*id);
        if (!report)
            return ctx.fail(report.error());
        if (ctx.isSet(QStringLiteral("csv")))
            if (Status s = saveToFile(ctx.option(QStringLiteral("csv")), report->toCsv().toUtf8()); !s)
                return ctx.fail(s.error());
        const auto pct = [](double v) { return QString::number(v * 100, 'f', 1); };
        if (report->anonymous)
            return ctx.succeed(report->toJson(),
                               CampaignTr::tr("%1: %2 sent, %3 failed; counted anonymously: %4 opens by people and %5 by machines, "
                                              "%6 clicks by people and %7 by machines; %8 unsubscribed.")
                                   .arg(report->name)
                                   .arg(report->sent)
                                   .arg(report->failed)
                                   .arg(report->totalOpens.human)
                                   .arg(report->totalOpens.machine)
                                   .arg(report->totalClicks.human)
                                   .arg(report->totalClicks.machine)
                                   .arg(report->unsubscribes));
        return ctx.succeed(report->toJson(),
                           CampaignTr::tr("%1: %2 sent, %3 failed; opened by %4 people (%5 %) and %6 machines; clicked by %7 people "
                                          "(click-to-open %8 %); %9 unsubscribed.")
                               .arg(report->name)
                               .arg(report->sent)
                               .arg(report->failed)
                               .arg(report->uniqueOpens.human)
                               .arg(pct(report->openRate))
                               .arg(report->uniqueOpens.machine)
                               .arg(report->uniqueClicks.human)
                               .arg(pct(report->clickToOpenRate))
                               .arg(report->unsubscribes));
    }
    if (command == QLatin1String("plan")) {
        // When each recipient may be texted: its row's due time, then its quiet hours.
        if (campaign->channel != QLatin1String("sms"))
            return ctx.usage(CampaignTr::tr("campaign plan is for SMS campaigns: email has no quiet hours."));
        qint64 at = QDateTime::currentMSecsSinceEpoch();
        if (ctx.isSet(QStringLiteral("at"))) {
            const QDateTime when = QDateTime::fromString(ctx.option(QStringLiteral("at")), Qt::ISODate);
            if (!when.isValid())
                return ctx.usage(CampaignTr::tr("--at takes an ISO 8601 time, such as 2026-12-01T09:00:00-05:00."));
            at = when.toMSecsSinceEpoch();
        }
        const auto hours = sms::QuietHours::create(campaigns::SendSetup::fromSettings((*opened)->settings()).quietHours());
        if (!hours)
            return ctx.fail(hours.error());
        const auto recipients = store.recipients(*campaign);
        if (!recipients)
            return ctx.fail(recipients.error());
        QJsonArray list;
        qint64 now = 0, later = 0, last = 0;
        for (const auto &r : *recipients) {
            const sms::SendTime t = hours->plan(r.address, r.timeZone, std::max(at, r.dueAt));
            (t.at <= at ? now : later) += 1;
            last = std::max(last, t.at);
            list.append(QJsonObject{{QStringLiteral("contact"), r.contactId},
                                    {QStringLiteral("to"), r.address},
                                    {QStringLiteral("earliest"), QDateTime::fromMSecsSinceEpoch(t.at, Qt::UTC).toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("now"), t.at <= at},
                                    {QStringLiteral("zone"), t.zone},
                                    {QStringLiteral("place"), t.place},
                                    {QStringLiteral("reason"), t.explanation}});
        }
        const QString asked = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs);
        QJsonObject o{{QStringLiteral("id"), *id}, {QStringLiteral("at"), asked}, {QStringLiteral("recipients"), list},
                      {QStringLiteral("now"), now}, {QStringLiteral("waiting"), later}};
        if (later > 0)
            o.insert(QStringLiteral("last"), QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODateWithMs));
        return ctx.succeed(o, CampaignTr::tr("At %1: %2 may be texted now, %3 wait for their window%4.")
                                  .arg(asked)
                                  .arg(now)
                                  .arg(later)
                                  .arg(later > 0 ? CampaignTr::tr(" (the last until %1)")
                                                       .arg(QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODate))
                                                 : QString()));
    }
    if (command == QLatin1String("status")) {
        const QJsonObject o = statusJson();
        return ctx.succeed(o, CampaignTr::tr("Campaign %1: %2").arg(*id).arg(o.value(QStringLiteral("status")).toString()));
    }
    campaigns::Lifecycle lifecycle(db);
    const auto done = [&](Status s, campaigns::CampaignStatus to) -> int {
        if (!s)
            return ctx.fail(s.error());
        return ctx.succeed(statusJson(), CampaignTr::tr("Campaign %1 is now %2.").arg(*id).arg(campaigns::CampaignStore::statusLabel(to)));
    };
    if (command == QLatin1String("pause"))
        return done(lifecycle.pause(*id, std::nullopt), campaigns::CampaignStatus::Paused);
    if (command == QLatin1String("resume"))
        return done(lifecycle.resume(*id, std::nullopt), campaigns::CampaignStatus::Sending);
    if (command == QLatin1String("cancel"))
        return done(lifecycle.cancel(*id, std::nullopt), campaigns::CampaignStatus::Cancelled);
    if (command == QLatin1String("retry-failed")) {
        const auto requeued = lifecycle.retryFailed(*id, std::nullopt);
        if (!requeued)
            return ctx.fail(requeued.error());
        QJsonObject o = statusJson();
        o.insert(QStringLiteral("requeued"), *requeued);
        return ctx.succeed(o, CampaignTr::tr("%n failed recipient(s) will be sent again.", nullptr, int(*requeued)));
    }
    if (command == QLatin1String("test")) {
        const QStringList to = ctx.options(QStringLiteral("to"));
        if (to.isEmpty() || to.size() > 5)
            return ctx.usage(CampaignTr::tr("Give one to five addresses with --to."));
        for (const QString &address : to)
            if (const auto parsed = contacts::Addressing::parseEmail(address); !parsed)
                return ctx.usage(CampaignTr::tr("“%1” is not an email address: %2").arg(address, parsed.error().message));
        Runner runner(**opened);
        const auto sent = awaitTask(runner->sendTest(*id, to));
        if (!sent)
            return ctx.fail(sent.error());
        return ctx.succeed({{QStringLiteral("sent"), QJsonArray::fromStringList(*sent)}},
                           CampaignTr::tr("Test sent to %1.").arg(sent->join(QStringLiteral(", "))));
    }
    if (command == QLatin1String("schedule")) {
        std::optional<qint64> at;
        if (ctx.isSet(QStringLiteral("at"))) {
            QDateTime when = QDateTime::fromString(ctx.option(QStringLiteral("at")), Qt::ISODate);
            if (!when.isValid())
                return ctx.usage(CampaignTr::tr("--at takes an ISO 8601 time, such as 2026-12-01T09:00:00+01:00."));
            if (ctx.isSet(QStringLiteral("local-time"))) {
                // The wall-clock time, whatever offset was written, in each recipient's zone.
                when = QDateTime(when.date(), when.time(), Qt::UTC);
                auto c = *campaign;
                c.localTime = true;
                if (const auto saved = store.update(c, std::nullopt); !saved)
                    return ctx.fail(saved.error());
            }
            at = when.toMSecsSinceEpoch();
        }
        if (Status s = checksPass(**opened, *store.find(*id), ctx.isSet(QStringLiteral("accept-warnings"))); !s)
            return ctx.fail(s.error());
        if (Status s = lifecycle.schedule(*id, at, true, std::nullopt); !s)
            return ctx.fail(s.error());
        const auto now = store.find(*id);
        return ctx.succeed(statusJson(), CampaignTr::tr("Campaign %1 is scheduled for %2%3.")
                                             .arg(*id)
                                             .arg(QDateTime::fromMSecsSinceEpoch(now->scheduledAt.value_or(0), Qt::UTC).toString(Qt::ISODate),
                                                  now->localTime ? CampaignTr::tr(" in each recipient's time zone") : QString()));
    }
    if (command == QLatin1String("send")) {
        // Safe to rerun (the README says so): a finished campaign is left as it is.
        if (campaign->status == campaigns::CampaignStatus::Sent)
            return ctx.succeed(statusJson(), CampaignTr::tr("Campaign %1 was already sent: nothing to do.").arg(*id));
        // Schedules it now if needed, starts it, and sends until it leaves `sending`. A run after a
        // crash picks up where the last one stopped.
        if (campaign->status == campaigns::CampaignStatus::Draft) {
            if (Status s = checksPass(**opened, *campaign, ctx.isSet(QStringLiteral("accept-warnings"))); !s)
                return ctx.fail(s.error());
            if (Status s = lifecycle.schedule(*id, std::nullopt, true, std::nullopt); !s)
                return ctx.fail(s.error());
        }
        campaigns::JobStore jobs(db);
        (void)jobs.cancelSend(*id); // sent now, not by the scheduler
        Runner runner(**opened);
        const campaigns::CampaignRunner::Run run = awaitTask(runner->run(*id));
        using Outcome = campaigns::CampaignRunner::Run::Outcome;
        QJsonObject o = statusJson();
        switch (run.outcome) {
        case Outcome::Failed: return ctx.fail(run.error, o);
        case Outcome::Waiting:
            // As in the app: the campaign waits, and any scheduler (the app's, luxctl scheduler run)
            // tries again in a minute.
            if (Status s = jobs.scheduleSend(*id, run.retryAt); !s)
                return ctx.fail(s.error());
            o.insert(QStringLiteral("retry_at"), QDateTime::fromMSecsSinceEpoch(run.retryAt, Qt::UTC).toString(Qt::ISODate));
            return ctx.fail(Error(run.error.code, CampaignTr::tr("Campaign %1 waits: %2. The scheduler tries again in a minute.")
                                                      .arg(*id)
                                                      .arg(run.error.message)),
                            o);
        case Outcome::Skipped:
            if (!run.error.message.isEmpty())
                return ctx.fail(run.error, o);
            return ctx.succeed(o, CampaignTr::tr("Campaign %1 is %2: nothing to send.")
                                      .arg(*id)
                                      .arg(campaigns::CampaignStore::statusLabel(
                                          campaigns::statusFromName(run.status).value_or(campaign->status))));
        case Outcome::Ran: break;
        }
        if (run.interrupted)
            return ctx.fail(run.error, o);
        const campaigns::Dispatcher::Summary &summary = run.summary;
        o.insert(QStringLiteral("stopped"), summary.stopped);
        const auto test = campaigns::AbTests(db).find(*id);
        if (summary.waitingUntil > 0 && !summary.stopped && test && *test
            && ((*test)->state == campaigns::AbState::Testing || (*test)->state == campaigns::AbState::Waiting)) {
            // The test group is out; the scheduler decides at the end of the wait and sends the rest.
            if (Status s = jobs.scheduleSend(*id, summary.waitingUntil); !s)
                return ctx.fail(s.error());
            const bool user = (*test)->state == campaigns::AbState::Waiting;
            if (!user)
                o.insert(QStringLiteral("decide_at"), QDateTime::fromMSecsSinceEpoch(summary.waitingUntil, Qt::UTC).toString(Qt::ISODate));
            o.insert(QStringLiteral("abtest"), campaigns::abStateName((*test)->state));
            return ctx.succeed(o, user ? CampaignTr::tr("Campaign %1: the A/B test waits for your choice: %2 (luxctl abtest choose %1 VARIANT).")
                                             .arg(*id)
                                             .arg((*test)->reason)
                                       : CampaignTr::tr("Campaign %1: %2 test messages sent, %3 failed; the winner is chosen at %4 and the rest "
                                                        "sent then by the scheduler (the app, or luxctl scheduler run).")
                                             .arg(*id)
                                             .arg(summary.sent)
                                             .arg(summary.failed)
                                             .arg(QDateTime::fromMSecsSinceEpoch(summary.waitingUntil, Qt::UTC).toString(Qt::ISODate)));
        }
        if (summary.waitingUntil > 0 && !summary.stopped) {
            // The rest waits for its recipients' windows: the scheduler (the app's, or luxctl
            // scheduler run) sends it then.
            if (Status s = jobs.scheduleSend(*id, summary.waitingUntil); !s)
                return ctx.fail(s.error());
            const QString until = QDateTime::fromMSecsSinceEpoch(summary.waitingUntil, Qt::UTC).toString(Qt::ISODate);
            o.insert(QStringLiteral("waiting_until"), until);
            return ctx.succeed(o, CampaignTr::tr("Campaign %1: %2 sent, %3 failed, %4 to decide; %5 wait for their recipients' "
                                                 "hours, the first until %6 (the scheduler sends them).")
                                      .arg(*id)
                                      .arg(summary.sent)
                                      .arg(summary.failed)
                                      .arg(summary.unknown)
                                      .arg(summary.pending)
                                      .arg(until));
        }
        return ctx.succeed(o, CampaignTr::tr("Campaign %1: %2 sent, %3 failed, %4 to decide, %5 waiting.")
                                  .arg(*id)
                                  .arg(summary.sent)
                                  .arg(summary.failed)
                                  .arg(summary.unknown)
                                  .arg(summary.pending));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'campaign %1'. Commands: create, schedule, send, test, status, plan, report, pause, resume, cancel, retry-failed.").arg(command));
}



int runMailboxCommand(const QString &command, const CommandContext &ctx)
{
    auto opened = DatabaseScope::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->database().connection();
    if (command == QLatin1String("read")) {
        if ((*opened)->database().isReadOnly())
            return ctx.fail(Error(errc::dbLocked, CampaignTr::tr("The database is open for writing elsewhere; read the mailboxes there.")));
        Runner runner(**opened);
        const QJsonArray looks = readMailboxes(runner);
        int read = 0, bounces = 0, unsubscribes = 0, replies = 0;
        bool failed = false;
        for (const QJsonValue &v : looks) {
            const QJsonObject o = v.toObject();
            read += o.value(QStringLiteral("read")).toInt();
            bounces += o.value(QStringLiteral("hard_bounces")).toInt() + o.value(QStringLiteral("soft_bounces")).toInt();
            unsubscribes += o.value(QStringLiteral("unsubscribes")).toInt();
            replies += o.value(QStringLiteral("replies")).toInt();
            failed = failed || o.contains(QStringLiteral("error"));
        }
        const QString text = CampaignTr::tr("%n message(s) read (bounces: %1, unsubscribes: %2, replies: %3).", nullptr, read)
                                 .arg(bounces)
                                 .arg(unsubscribes)
                                 .arg(replies);
        if (failed)
            return ctx.fail(Error(errc::graphMailbox, text), {{QStringLiteral("mailboxes"), looks}});
        return ctx.succeed({{QStringLiteral("mailboxes"), looks}}, looks.isEmpty() ? CampaignTr::tr("No sender mailbox to read.") : text);
    }
    if (command == QLatin1String("status")) {
        const auto status = mailbox::MailboxReader::status(db);
        if (!status)
            return ctx.fail(status.error());
        QJsonArray rows;
        QStringList lines;
        for (const mailbox::MailboxReader::MailboxStatus &m : *status) {
            const QString at = m.syncedAt > 0 ? QDateTime::fromMSecsSinceEpoch(m.syncedAt, Qt::UTC).toString(Qt::ISODate) : QString();
            rows.append(QJsonObject{{QStringLiteral("mailbox"), m.mailbox},
                                    {QStringLiteral("read_at"), at},
                                    {QStringLiteral("messages"), m.messages},
                                    {QStringLiteral("error"), m.errorCode},
                                    {QStringLiteral("message"), m.error}});
            lines << CampaignTr::tr("%1: %n message(s) read, last look %2", nullptr, int(m.messages))
                         .arg(m.mailbox, at.isEmpty() ? CampaignTr::tr("never") : at)
                         + (m.error.isEmpty() ? QString() : QStringLiteral("; ") + m.error);
        }
        return ctx.succeed({{QStringLiteral("mailboxes"), rows}}, lines.isEmpty() ? CampaignTr::tr("No sender mailbox was read yet.") : lines.join(u'\n'));
    }
    if (command == QLatin1String("messages")) {
        mailbox::InboundMessages::Filter filter;
        filter.kind = ctx.option(QStringLiteral("kind"));
        static const QStringList kinds{QStringLiteral("hard-bounce"), QStringLiteral("soft-bounce"), QStringLiteral("auto-reply"),
                                       QStringLiteral("unsubscribe"), QStringLiteral("reply"), QStringLiteral("other")};
        if (!filter.kind.isEmpty() && !kinds.contains(filter.kind))
            return ctx.usage(CampaignTr::tr("--kind must be one of %1, not “%2”.").arg(kinds.join(QStringLiteral(", ")), filter.kind));
        if (ctx.isSet(QStringLiteral("campaign"))) {
            bool ok = false;
            filter.campaignId = ctx.option(QStringLiteral("campaign")).toLongLong(&ok);
            if (!ok || filter.campaignId <= 0)
                return ctx.usage(CampaignTr::tr("--campaign takes a campaign id, not “%1”.").arg(ctx.option(QStringLiteral("campaign"))));
        }
        if (ctx.isSet(QStringLiteral("limit"))) {
            bool ok = false;
            filter.limit = ctx.option(QStringLiteral("limit")).toInt(&ok);
            if (!ok || filter.limit <= 0)
                return ctx.usage(CampaignTr::tr("--limit takes a number above 0, not “%1”.").arg(ctx.option(QStringLiteral("limit"))));
        }
        if (ctx.isSet(QStringLiteral("contact"))) {
            const auto email = contacts::Addressing::parseEmail(ctx.option(QStringLiteral("contact")));
            if (!email)
                return ctx.fail(email.error());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT id FROM contacts WHERE email_key = ?"));
            q.addBindValue(email->key);
            if (!q.exec() || !q.next())
                return ctx.fail(Error(errc::contactNotFound, CampaignTr::tr("There is no contact with the email %1.").arg(email->display)));
            filter.contactId = q.value(0).toLongLong();
        }
        const auto rows = mailbox::InboundMessages::list(db, filter);
        if (!rows)
            return ctx.fail(rows.error());
        QJsonArray out;
        QStringList lines;
        for (const mailbox::InboundMessages::Row &r : *rows) {
            const QString at = QDateTime::fromMSecsSinceEpoch(r.receivedAt, Qt::UTC).toString(Qt::ISODate);
            QJsonObject o{{QStringLiteral("id"), r.id},           {QStringLiteral("mailbox"), r.mailbox}, {QStringLiteral("received_at"), at},
                          {QStringLiteral("kind"), r.kind},       {QStringLiteral("rule"), r.rule},       {QStringLiteral("address"), r.address},
                          {QStringLiteral("status"), r.status},   {QStringLiteral("effect"), r.effect},   {QStringLiteral("subject"), r.subject},
                          {QStringLiteral("excerpt"), r.excerpt}, {QStringLiteral("diagnostic"), r.diagnostic}};
            if (r.campaignId > 0)
                o.insert(QStringLiteral("campaign"), r.campaignId);
            if (r.contactId > 0)
                o.insert(QStringLiteral("contact"), r.contactId);
            out.append(o);
            lines << QStringLiteral("%1  %2  %3  %4%5").arg(at, r.kind, r.address, r.status.isEmpty() ? r.subject : r.status,
                                                           r.effect.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(r.effect));
        }
        return ctx.succeed({{QStringLiteral("messages"), out}}, lines.isEmpty() ? CampaignTr::tr("Nothing was read.") : lines.join(u'\n'));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'mailbox %1'. Commands: read, status, messages.").arg(command));
}

} // namespace lux::cli
