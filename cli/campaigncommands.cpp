// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigncommands.h"

#include "campaigns/campaignstore.h"
#include "campaigns/dispatcher.h"
#include "campaigns/jobstore.h"
#include "campaigns/outbox.h"
#include "campaigns/senderstore.h"
#include "channels/graph/graphclient.h"
#include "common/awaittask.h"
#include "content/templatestore.h"
#include "secrets/secretstore.h"
#include "settings/settings.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
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

// The pre-send checks on the campaign's template, subject and preheader: errors stop scheduling,
// warnings are printed and let it go.
Status checksPass(QSqlDatabase db, const campaigns::Campaign &c)
{
    auto t = content::TemplateStore(db).find(c.templateId);
    if (!t)
        return t.error();
    if (!c.subject.isEmpty())
        t->subject = c.subject;
    if (!c.preheader.isEmpty())
        t->preheader = c.preheader;
    const content::RenderedEmail r = content::TemplateRenderer(db).render(
        *t, nullptr, {{QStringLiteral("unsubscribe_url"), QStringLiteral("https://unsubscribe.invalid/check")}});
    QStringList errors;
    for (const content::Finding &f : r.findings) {
        if (f.severity == content::Finding::Severity::Error)
            errors << f.message;
        else if (f.severity == content::Finding::Severity::Warning)
            std::fprintf(stderr, "%s\n", qPrintable(CampaignTr::tr("Warning: %1").arg(f.message)));
    }
    if (!errors.isEmpty())
        return Error(QStringLiteral("campaign.checks"),
                     CampaignTr::tr("The pre-send checks stop this campaign: %1").arg(errors.join(QStringLiteral("; "))));
    return {};
}

// Starts a campaign that is due (scheduled → sending, audience frozen) and sends it until every row
// is settled, paused, cancelled, or a signal asks to stop.
Result<campaigns::Dispatcher::Summary> dispatch(QSqlDatabase db, qint64 id)
{
    campaigns::CampaignStore store(db);
    auto campaign = store.find(id);
    if (!campaign)
        return campaign.error();
    if (campaign->status == campaigns::CampaignStatus::Scheduled)
        if (Status s = store.transition(id, campaigns::CampaignStatus::Sending, std::nullopt); !s)
            return s.error();
    if (const auto frozen = store.freezeAudience(id); !frozen)
        return frozen.error();
    const auto sender = campaigns::SenderStore(db).find(campaign->fromEmail);
    if (!sender)
        return sender.error();
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
    const QString tracker = settings.value(Settings::Key::TrackerUrl).toString();
    if (tracker.isEmpty())
        return Error(QStringLiteral("tracker.config"),
                     CampaignTr::tr("Set tracker.url first: every message carries a one-click unsubscribe link to it."));
    QNetworkAccessManager network;
    channels::graph::GraphClient graph(&network, config);
    campaigns::Dispatcher dispatcher(db, &graph, id, {{sender->email, sender->limits}},
                                     [tracker, id](const campaigns::OutboxRow &row) {
                                         // Signed tokens replace this address form with lux-tracker (issue 6).
                                         return QStringLiteral("%1/u/%2.%3").arg(tracker.endsWith(u'/') ? tracker.chopped(1) : tracker).arg(id).arg(row.id);
                                     });
    g_running = &dispatcher;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    auto summary = awaitTask(dispatcher.run());
    g_running = nullptr;
    return summary;
}

} // namespace

QList<QCommandLineOption> campaignOptions()
{
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    return {
        {QStringLiteral("template"), t(QT_TRANSLATE_NOOP("luxctl", "Campaign create: the template's name.")), QStringLiteral("T")},
        {QStringLiteral("exclude-tag"), t(QT_TRANSLATE_NOOP("luxctl", "Campaign create: leave out contacts with this tag (repeatable).")), QStringLiteral("T")},
        {QStringLiteral("exclude-segment"), t(QT_TRANSLATE_NOOP("luxctl", "Campaign create: leave out this segment (repeatable).")), QStringLiteral("S")},
        {QStringLiteral("reply-to"), t(QT_TRANSLATE_NOOP("luxctl", "Campaign create: where replies go.")), QStringLiteral("EMAIL")},
        {QStringLiteral("from-name"), t(QT_TRANSLATE_NOOP("luxctl", "Campaign create: the sender's display name.")), QStringLiteral("NAME")},
        {QStringLiteral("at"), t(QT_TRANSLATE_NOOP("luxctl", "Campaign schedule: when (ISO 8601; default now).")), QStringLiteral("TIME")},
        {QStringLiteral("per-minute"), t(QT_TRANSLATE_NOOP("luxctl", "Sender add: messages a minute (default 30).")), QStringLiteral("N")},
        {QStringLiteral("per-day"), t(QT_TRANSLATE_NOOP("luxctl", "Sender add: recipients in any 24 hours (default 10000).")), QStringLiteral("N")},
        {QStringLiteral("concurrency"), t(QT_TRANSLATE_NOOP("luxctl", "Sender add: requests at once, 1 to 4 (default 4).")), QStringLiteral("N")},
        {QStringLiteral("until-idle"), t(QT_TRANSLATE_NOOP("luxctl", "Scheduler run: stop when no job is due."))},
    };
}

int runSettingsCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("secret")) {
        // Secrets go to the keychain, read from standard input so they never sit in a command line
        // or a shell history: `luxctl settings secret graph.client_secret < file`.
        if (ctx.args.value(0) != QLatin1String("graph.client_secret"))
            return ctx.usage(CampaignTr::tr("Usage: settings secret graph.client_secret (the value on standard input)"));
        QTextStream in(stdin);
        const QString value = in.readLine().trimmed();
        if (value.isEmpty())
            return ctx.usage(CampaignTr::tr("Give the secret on standard input."));
        if (Status s = awaitTask(SecretStore().write(QStringLiteral("graph/client-secret"), value)); !s)
            return ctx.fail(s.error());
        return ctx.succeed({{QStringLiteral("key"), ctx.args.value(0)}}, CampaignTr::tr("Saved in the keychain."));
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
    constexpr qint64 kLease = 24LL * 3600 * 1000; // a send can take a day; a dead holder's lease runs out
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
        const auto summary = dispatch(db, campaignId);
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
    if (command == QLatin1String("status")) {
        const QJsonObject o = statusJson();
        return ctx.succeed(o, CampaignTr::tr("Campaign %1: %2").arg(*id).arg(o.value(QStringLiteral("status")).toString()));
    }
    const auto move = [&](campaigns::CampaignStatus to, std::optional<qint64> at = std::nullopt) -> int {
        if (Status s = store.transition(*id, to, std::nullopt, at); !s)
            return ctx.fail(s.error());
        return ctx.succeed(statusJson(), CampaignTr::tr("Campaign %1 is now %2.").arg(*id).arg(campaigns::CampaignStore::statusLabel(to)));
    };
    if (command == QLatin1String("pause"))
        return move(campaigns::CampaignStatus::Paused);
    if (command == QLatin1String("resume"))
        return move(campaigns::CampaignStatus::Sending);
    if (command == QLatin1String("cancel")) {
        (void)campaigns::JobStore(db).cancelSend(*id);
        return move(campaigns::CampaignStatus::Cancelled);
    }
    if (command == QLatin1String("schedule")) {
        if (Status s = checksPass(db, *campaign); !s)
            return ctx.fail(s.error());
        qint64 at = QDateTime::currentMSecsSinceEpoch();
        if (ctx.isSet(QStringLiteral("at"))) {
            const QDateTime when = QDateTime::fromString(ctx.option(QStringLiteral("at")), Qt::ISODate);
            if (!when.isValid())
                return ctx.usage(CampaignTr::tr("--at takes an ISO 8601 time, such as 2026-12-01T09:00:00+01:00."));
            at = when.toMSecsSinceEpoch();
        }
        if (Status s = store.transition(*id, campaigns::CampaignStatus::Scheduled, std::nullopt, at); !s)
            return ctx.fail(s.error());
        if (Status s = campaigns::JobStore(db).scheduleSend(*id, at); !s)
            return ctx.fail(s.error());
        return ctx.succeed(statusJson(), CampaignTr::tr("Campaign %1 is scheduled for %2.")
                                             .arg(*id)
                                             .arg(QDateTime::fromMSecsSinceEpoch(at).toString(Qt::ISODate)));
    }
    if (command == QLatin1String("send")) {
        // Schedules it now if needed, starts it, and sends until it leaves `sending`. A run after a
        // crash picks up where the last one stopped.
        if (campaign->status == campaigns::CampaignStatus::Draft) {
            if (Status s = checksPass(db, *campaign); !s)
                return ctx.fail(s.error());
            if (Status s = store.transition(*id, campaigns::CampaignStatus::Scheduled, std::nullopt, QDateTime::currentMSecsSinceEpoch()); !s)
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
    return ctx.usage(CampaignTr::tr("Unknown command 'campaign %1'. Commands: create, schedule, send, status, pause, resume, cancel.").arg(command));
}

} // namespace lux::cli
