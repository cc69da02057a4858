// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigncommands.h"

#include "campaigns/campaignstore.h"
#include "campaigns/dispatcher.h"
#include "campaigns/jobstore.h"
#include "campaigns/lifecycle.h"
#include "campaigns/messagebuilder.h"
#include "campaigns/sendservice.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "channels/graph/graphclient.h"
#include "common/awaittask.h"
#include "common/savefile.h"
#include "contacts/addressing.h"
#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "secrets/secretstore.h"
#include "analytics/campaignreport.h"

#include <QFile>
#include "tracking/campaigntracking.h"
#include "tracking/trackersync.h"
#include "settings/settings.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
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
        return Error(QStringLiteral("usage"), CampaignTr::tr("Give the campaign's number, as printed by campaign create."));
    return id;
}

// A stop on SIGINT or SIGTERM: the dispatcher ends its current requests and leaves; nothing is lost.
campaigns::Dispatcher *g_running = nullptr;
void requestStop(int)
{
    if (g_running)
        g_running->stop();
}

// The pre-send checks: errors stop the campaign; warnings are printed and stop it too unless
// --accept-warnings says they were read.
Status checksPass(QSqlDatabase db, const campaigns::Campaign &c, bool acceptWarnings)
{
    const QList<content::Finding> found = campaigns::Lifecycle(db).checks(c);
    QStringList errors;
    for (const content::Finding &f : found) {
        if (f.severity == content::Finding::Severity::Error)
            errors << f.message;
        else
            std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("Warning: %1").arg(f.message)));
    }
    if (!errors.isEmpty())
        return Error(QStringLiteral("campaign.checks"),
                     CampaignTr::tr("The pre-send checks stop this campaign: %1").arg(errors.join(QStringLiteral("; "))));
    if (campaigns::Lifecycle::hasWarnings(found) && !acceptWarnings)
        return Error(QStringLiteral("campaign.warnings"),
                     CampaignTr::tr("The pre-send checks have warnings (above): read them, then add --accept-warnings."));
    return {};
}

// The Graph connection from the settings and the keychain (or LUX_SECRET_GRAPH_CLIENT_SECRET).
Result<channels::graph::GraphConfig> graphConfig()
{
    Settings settings;
    channels::graph::GraphConfig config;
    config.authorityUrl = QUrl(settings.value(Settings::Key::GraphAuthorityUrl).toString());
    config.baseUrl = QUrl(settings.value(Settings::Key::GraphBaseUrl).toString());
    config.tenant = settings.value(Settings::Key::GraphTenant).toString();
    config.clientId = settings.value(Settings::Key::GraphClientId).toString();
    if (config.tenant.isEmpty() || config.clientId.isEmpty())
        return Error(QStringLiteral("graph.config"), CampaignTr::tr("Set graph.tenant and graph.client_id first (luxctl settings set)."));
    const auto secret = awaitTask(SecretStore().read(QStringLiteral("graph/client-secret")));
    if (!secret)
        return Error(secret.error().code, CampaignTr::tr("The Graph client secret is not available: %1 (or set %2).")
                                              .arg(secret.error().message, SecretStore::environmentName(QStringLiteral("graph/client-secret"))));
    config.clientSecret = *secret;
    return config;
}

// lux-tracker's address from the settings, its keys and API token from the keychain (or
// LUX_SECRET_TRACKING_KEYS and LUX_SECRET_TRACKER_API_TOKEN).
Result<tracking::CampaignTracking> campaignTracking()
{
    tracking::CampaignTracking::Config config;
    config.trackerUrl = Settings().value(Settings::Key::TrackerUrl).toString();
    if (const auto keys = awaitTask(SecretStore().read(QString::fromLatin1(tracking::kKeysSecret))))
        config.keys = keys->toUtf8();
    if (const auto token = awaitTask(SecretStore().read(QString::fromLatin1(tracking::kApiTokenSecret))))
        config.apiToken = token->toUtf8();
    return tracking::CampaignTracking::create(config);
}

// Starts a campaign that is due (scheduled → sending, audience frozen) and sends it until every row
// is settled, paused, cancelled, or a signal asks to stop.
Result<campaigns::Dispatcher::Summary> dispatch(QSqlDatabase db, qint64 id)
{
    campaigns::CampaignStore store(db);
    auto campaign = store.find(id);
    if (!campaign)
        return campaign.error();
    const auto senders = campaigns::Lifecycle(db).senders(*campaign);
    if (!senders)
        return senders.error();
    const auto config = graphConfig();
    if (!config)
        return config.error();
    const auto tracker = campaignTracking();
    if (!tracker)
        return tracker.error();
    if (campaign->status == campaigns::CampaignStatus::Scheduled)
        if (Status s = store.transition(id, campaigns::CampaignStatus::Sending, std::nullopt); !s)
            return s.error();
    if (const auto frozen = store.freezeAudience(id); !frozen)
        return frozen.error();
    QNetworkAccessManager network;
    // lux-tracker has every link before the first message goes out.
    if (Status s = tracker->prepareLinks(db, *campaign); !s)
        return s.error();
    if (Status s = awaitTask(tracker->registerLinks(&network, db, id)); !s)
        return s.error();
    channels::graph::GraphClient graph(&network, *config);
    const tracking::CampaignTracking &t = *tracker;
    campaigns::Dispatcher dispatcher(db, &graph, id, *senders,
                                     [&t, id](const campaigns::OutboxRow &row) { return t.unsubscribeUrl(id, row.id); });
    dispatcher.setTracking(&t);
    g_running = &dispatcher;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    auto summary = awaitTask(dispatcher.run());
    g_running = nullptr;
    return summary;
}

// A test send: each address gets the campaign as the contact with that address would (or with the
// merge tags' fallbacks), "[Test]" before the subject, from the campaign's first mailbox.
Result<QStringList> sendTest(QSqlDatabase db, const campaigns::Campaign &c, const QStringList &addresses)
{
    const auto config = graphConfig();
    if (!config)
        return config.error();
    const auto tracker = campaignTracking();
    if (!tracker)
        return tracker.error();
    campaigns::MessageBuilder builder(db);
    if (Status s = builder.prepare(c); !s)
        return s.error();
    QNetworkAccessManager network;
    channels::graph::GraphClient graph(&network, *config);
    const QString mailbox = c.senders().value(0);
    QStringList delivered;
    for (const QString &address : addresses) {
        const auto contact = contacts::ContactRepository(db).findByEmail(address);
        const QString messageId = QStringLiteral("lux.test.%1.%2@%3")
                                      .arg(c.id)
                                      .arg(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 0, 36)
                                      .arg(mailbox.section(u'@', -1));
        const auto mime = builder.build({contact ? &*contact : nullptr, address, mailbox, messageId, tracker->unsubscribeUrl(c.id, 0),
                                         CampaignTr::tr("[Test] ")});
        if (!mime)
            return mime.error();
        QString draft;
        auto outcome = awaitTask(graph.createDraft(mailbox, *mime, &draft));
        if (outcome.ok())
            outcome = awaitTask(graph.sendDraft(mailbox, draft));
        if (!outcome.ok())
            return Error(QStringLiteral("campaign.test"), CampaignTr::tr("The test to %1 was not sent: %2").arg(address, outcome.message));
        delivered << address;
    }
    return delivered;
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
        };
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

int runSettingsCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("secret")) {
        // Secrets go to the keychain, read from standard input so they never sit in a command line
        // or a shell history: `luxctl settings secret graph.client_secret < file`.
        static const QHash<QString, QString> kSecrets{{QStringLiteral("graph.client_secret"), QStringLiteral("graph/client-secret")},
                                                      {QStringLiteral("tracker.api_token"), QString::fromLatin1(tracking::kApiTokenSecret)},
                                                      {QStringLiteral("tracking.keys"), QString::fromLatin1(tracking::kKeysSecret)}};
        const QString name = ctx.args.value(0);
        if (!kSecrets.contains(name))
            return ctx.usage(CampaignTr::tr("Usage: settings secret graph.client_secret|tracker.api_token|tracking.keys (the value on standard input)"));
        QTextStream in(stdin);
        // The signing keys are several lines; the others one.
        const QString value = name == QLatin1String("tracking.keys") ? in.readAll().trimmed() : in.readLine().trimmed();
        if (value.isEmpty())
            return ctx.usage(CampaignTr::tr("Give the secret on standard input."));
        if (name == QLatin1String("tracking.keys"))
            if (const auto ring = tracking::KeyRing::parse(value.toUtf8()); !ring)
                return ctx.fail(ring.error());
        if (Status s = awaitTask(SecretStore().write(kSecrets.value(name), value)); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("key"), name}}, CampaignTr::tr("Saved in the keychain."));
    }
    Settings settings;
    const auto key = Settings::fromCliName(ctx.args.value(0));
    if (!key)
        return ctx.usage(CampaignTr::tr("Unknown setting '%1'.").arg(ctx.args.value(0)));
    if (command == QLatin1String("set")) {
        if (ctx.args.size() != 2)
            return ctx.usage(CampaignTr::tr("Usage: settings set KEY VALUE"));
        settings.setValue(*key, ctx.args.at(1));
        return ctx.succeed({{QStringLiteral("key"), Settings::cliName(*key)}, {QStringLiteral("value"), ctx.args.at(1)}},
                           CampaignTr::tr("%1 = %2").arg(Settings::cliName(*key), ctx.args.at(1)));
    }
    if (command == QLatin1String("get")) {
        const QString value = settings.value(*key).toString();
        return ctx.succeed({{QStringLiteral("key"), Settings::cliName(*key)}, {QStringLiteral("value"), value}}, value);
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'settings %1'. Commands: set, get, secret.").arg(command));
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
        return ctx.succeed({{QStringLiteral("email"), saved->email},
                            {QStringLiteral("per_minute"), saved->limits.perMinute},
                            {QStringLiteral("per_day"), saved->limits.perDay},
                            {QStringLiteral("concurrency"), saved->limits.concurrency}},
                           CampaignTr::tr("Sender %1: %2 a minute, %3 a day, %4 at once.")
                               .arg(saved->email)
                               .arg(saved->limits.perMinute)
                               .arg(saved->limits.perDay)
                               .arg(saved->limits.concurrency));
    }
    if (command == QLatin1String("list")) {
        QJsonArray all;
        QStringList lines;
        for (const auto &s : store.list()) {
            all.append(QJsonObject{{QStringLiteral("email"), s.email}, {QStringLiteral("per_minute"), s.limits.perMinute}});
            lines << s.email;
        }
        return ctx.succeed({{QStringLiteral("senders"), all}}, lines.join(u'\n'));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'sender %1'. Commands: add, list.").arg(command));
}

int runTrackerCommand(const QString &command, const CommandContext &ctx)
{
    const QString url = Settings().value(Settings::Key::TrackerUrl).toString();
    const auto token = awaitTask(SecretStore().read(QString::fromLatin1(tracking::kApiTokenSecret)));
    const QByteArray apiToken = token ? token->toUtf8() : QByteArray();
    if (command == QLatin1String("new-key")) {
        // A fresh signing key, first in the ring (it signs from now on; older ones still verify).
        const QString keysName = QString::fromLatin1(tracking::kKeysSecret);
        const auto current = awaitTask(SecretStore().read(keysName));
        if (!current && current.error().code != QLatin1String("secrets.not-found"))
            return ctx.fail(current.error());
        const auto added = tracking::KeyRing::addKey(current ? current->toUtf8() : QByteArray());
        if (!added)
            return ctx.fail(added.error());
        const QByteArray ring = *added;
        if (Status s = awaitTask(SecretStore().write(keysName, QString::fromUtf8(ring))); !s)
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
        auto db = Database::open(ctx.databasePath);
        if (!db)
            return ctx.fail(db.error());
        tracking::TrackerSync sync(&network, (*db)->connection(), url, apiToken);
        const auto summary = awaitTask(sync.run());
        if (!summary)
            return ctx.fail(summary.error());
        return ctx.succeed({{QStringLiteral("events"), summary->events},
                            {QStringLiteral("opens"), summary->opens},
                            {QStringLiteral("clicks"), summary->clicks},
                            {QStringLiteral("unsubscribes"), summary->unsubscribes},
                            {QStringLiteral("machine"), summary->machine},
                            {QStringLiteral("ignored"), summary->ignored},
                            {QStringLiteral("cursor"), summary->cursor}},
                           CampaignTr::tr("%1 events: %2 opens, %3 clicks, %4 unsubscribes (%5 by machines).")
                               .arg(summary->events)
                               .arg(summary->opens)
                               .arg(summary->clicks)
                               .arg(summary->unsubscribes)
                               .arg(summary->machine));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'tracker %1'. Commands: sync, test, new-key.").arg(command));
}

int runSchedulerCommand(const QString &command, const CommandContext &ctx)
{
    if (command != QLatin1String("run"))
        return ctx.usage(CampaignTr::tr("Unknown command 'scheduler %1'. Commands: run.").arg(command));
    auto opened = Database::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->connection();
    campaigns::JobStore jobs(db);
    const QString owner = QStringLiteral("luxctl-%1").arg(QCoreApplication::applicationPid());
    constexpr qint64 kLease = campaigns::SendService::kLeaseMs; // renewed while a send runs; a dead holder's runs out
    QJsonArray ran;
    while (true) {
        const auto job = jobs.claimDue(owner, kLease);
        if (!job)
            return ctx.fail(job.error());
        if (!*job) {
            if (ctx.isSet(QStringLiteral("until-idle")))
                break;
            // Wake for the next job, or every half minute for one scheduled meanwhile.
            const qint64 wait = std::clamp<qint64>(jobs.nextDueAt().value_or(QDateTime::currentMSecsSinceEpoch() + 30000)
                                                       - QDateTime::currentMSecsSinceEpoch(),
                                                   100, 30000);
            QEventLoop loop;
            QTimer::singleShot(wait, &loop, &QEventLoop::quit);
            loop.exec();
            continue;
        }
        const qint64 campaignId = (*job)->campaignId;
        const auto campaign = campaigns::CampaignStore(db).find(campaignId);
        if (!campaign || (campaign->status != campaigns::CampaignStatus::Scheduled && campaign->status != campaigns::CampaignStatus::Sending)) {
            (void)jobs.complete((*job)->id, owner); // cancelled, sent or gone meanwhile
            continue;
        }
        QTimer renew;
        QObject::connect(&renew, &QTimer::timeout, [&jobs, &job, &owner] { (void)jobs.renew((*job)->id, owner, kLease); });
        renew.start(int(kLease / 4));
        const auto summary = dispatch(db, campaignId);
        renew.stop();
        const auto after = campaigns::CampaignStore(db).find(campaignId);
        if (after && after->status == campaigns::CampaignStatus::Sending && (!summary || summary->stopped))
            (void)jobs.release((*job)->id, owner); // stopped before the end: the next run goes on
        else
            (void)jobs.complete((*job)->id, owner);
        ran.append(QJsonObject{{QStringLiteral("campaign"), campaignId},
                               {QStringLiteral("status"), after ? campaigns::statusName(after->status) : QString()},
                               {QStringLiteral("sent"), summary ? summary->sent : 0}});
        if (!summary)
            std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("Campaign %1: %2").arg(campaignId).arg(summary.error().message)));
    }
    return ctx.succeed({{QStringLiteral("ran"), ran}}, CampaignTr::tr("%n campaign(s) run.", nullptr, int(ran.size())));
}

int runCampaignCommand(const QString &command, const CommandContext &ctx)
{
    auto opened = Database::open(ctx.databasePath);
    if (!opened)
        return ctx.fail(opened.error());
    QSqlDatabase db = (*opened)->connection();
    campaigns::CampaignStore store(db);
    if (command == QLatin1String("create")) {
        const auto t = content::TemplateStore(db).find(ctx.option(QStringLiteral("template")));
        if (!t)
            return ctx.fail(t.error());
        if (const auto sender = campaigns::SenderStore(db).find(ctx.option(QStringLiteral("from"))); !sender)
            return ctx.fail(sender.error());
        campaigns::Campaign c;
        c.name = ctx.option(QStringLiteral("name"));
        c.templateId = t->id;
        c.subject = ctx.option(QStringLiteral("subject"));
        c.preheader = ctx.option(QStringLiteral("preheader"));
        c.fromEmail = ctx.option(QStringLiteral("from"));
        c.fromName = ctx.option(QStringLiteral("from-name"));
        c.replyTo = ctx.option(QStringLiteral("reply-to"));
        c.audience.includeTags = ctx.options(QStringLiteral("tag"));
        c.audience.includeSegments = ctx.options(QStringLiteral("segment"));
        c.audience.excludeTags = ctx.options(QStringLiteral("exclude-tag"));
        c.audience.excludeSegments = ctx.options(QStringLiteral("exclude-segment"));
        c.extraSenders = ctx.options(QStringLiteral("sender"));
        for (const QString &extra : std::as_const(c.extraSenders))
            if (const auto known = campaigns::SenderStore(db).find(extra); !known)
                return ctx.fail(known.error());
        const auto created = store.create(c, std::nullopt);
        if (!created)
            return ctx.fail(created.error());
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
        const auto sent = sendTest(db, *campaign, to);
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
        if (Status s = checksPass(db, *store.find(*id), ctx.isSet(QStringLiteral("accept-warnings"))); !s)
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
            if (Status s = checksPass(db, *campaign, ctx.isSet(QStringLiteral("accept-warnings"))); !s)
                return ctx.fail(s.error());
            if (Status s = lifecycle.schedule(*id, std::nullopt, true, std::nullopt); !s)
                return ctx.fail(s.error());
        }
        (void)campaigns::JobStore(db).cancelSend(*id); // sent now, not by the scheduler
        const auto summary = dispatch(db, *id);
        if (!summary)
            return ctx.fail(summary.error());
        QJsonObject o = statusJson();
        o.insert(QStringLiteral("stopped"), summary->stopped);
        return ctx.succeed(o, CampaignTr::tr("Campaign %1: %2 sent, %3 failed, %4 to decide, %5 waiting.")
                                  .arg(*id)
                                  .arg(summary->sent)
                                  .arg(summary->failed)
                                  .arg(summary->unknown)
                                  .arg(summary->pending));
    }
    return ctx.usage(CampaignTr::tr("Unknown command 'campaign %1'. Commands: create, schedule, send, test, status, report, pause, resume, cancel, retry-failed.").arg(command));
}

} // namespace lux::cli
