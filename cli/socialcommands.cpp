// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialcommands.h"

#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "assistant/mediastore.h"
#include "campaigns/sendsetup.h"
#include "channels/social/signin.h"
#include "channels/social/socialchannel.h"
#include "common/awaittask.h"
#include "social/accountstore.h"
#include "social/postchecks.h"
#include "social/poststore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QEventLoop>
#include <QLocale>
#include <QNetworkAccessManager>

namespace lux::cli {

namespace {

struct SocialTr
{
    Q_DECLARE_TR_FUNCTIONS(luxctl)
};

// What the checks need of a picture is in its first segments: its type, size, orientation and
// whether it is an MPO. The file's length comes from the file, so a large video is not read whole.
constexpr qint64 kHeaderBytes = 1024 * 1024;
constexpr qint64 kLargestMedia = qint64(4) * 1024 * 1024 * 1024;

Result<social::MediaFacts> mediaFacts(const QString &path)
{
    auto file = InputFile::open(path, kLargestMedia);
    if (!file)
        return file.error();
    const qint64 size = (*file)->size();
    const QByteArray head = (*file)->read(kHeaderBytes);
    social::MediaFacts facts = social::MediaFacts::of(path, head);
    facts.bytes = size;
    return facts;
}

QString checkText(const social::PostCheck &check, bool verdict = true)
{
    const QLocale locale;
    const QString name = social::Networks::displayName(check.network);
    QStringList lines;
    if (check.network == social::Network::X)
        lines << SocialTr::tr("%1: %2 of %3 characters as X counts them.")
                     .arg(name, locale.toString(check.characters), locale.toString(check.limit));
    else
        lines << SocialTr::tr("%1: %2 of %3 characters.").arg(name, locale.toString(check.characters), locale.toString(check.limit));
    if (check.network == social::Network::Instagram)
        lines << SocialTr::tr("Hashtags: %1 of %2; mentions: %3 of %4.")
                     .arg(check.hashtags)
                     .arg(social::PostChecks::kInstagramHashtags)
                     .arg(check.mentions)
                     .arg(social::PostChecks::kInstagramMentions);
    for (const social::Finding &f : check.findings)
        lines << (f.blocking ? SocialTr::tr("Refused: %1") : SocialTr::tr("Note: %1")).arg(f.message);
    if (verdict)
        lines << (check.ok() ? SocialTr::tr("Ready for %1.") : SocialTr::tr("%1 would refuse this post.")).arg(name);
    return lines.join(u'\n');
}

// luxctl social check --network x|linkedin|instagram|facebook --text TEXT [--media FILE]...
int check(const CommandContext &ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.usage(SocialTr::tr("social check takes no arguments: give the text with --text."));
    const QString networkName = ctx.option(QStringLiteral("network"));
    const std::optional<social::Network> network = social::Networks::fromName(networkName);
    if (!network)
        return ctx.fail(Error(QString(errc::socialNetwork),
                         SocialTr::tr("--network must be x, linkedin, instagram or facebook, not \"%1\".").arg(networkName)));
    QList<social::MediaFacts> media;
    for (const QString &path : ctx.options(QStringLiteral("media"))) {
        auto facts = mediaFacts(path);
        if (!facts)
            return ctx.fail(facts.error());
        media.append(*facts);
    }
    social::CheckOptions options;
    options.longPosts = ctx.isSet(QStringLiteral("long-posts"));
    options.firstComment = ctx.option(QStringLiteral("first-comment"));
    const social::PostCheck result = social::PostChecks::check(*network, ctx.option(QStringLiteral("text")), media, options);
    if (!result.ok()) {
        if (!ctx.json)
            ctx.notice(checkText(result, false));
        return ctx.fail(Error(QString(errc::socialCheck), SocialTr::tr("%1 would refuse this post.").arg(social::Networks::displayName(*network))),
                        result.toJson());
    }
    return ctx.succeed(result.toJson(), checkText(result));
}

std::optional<qint64> idArgument(const CommandContext &ctx, int index = 0)
{
    bool ok = false;
    const qint64 id = ctx.args.value(index).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

std::optional<qint64> accountOption(const CommandContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.option(QStringLiteral("account")).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

QJsonObject accountJson(const social::Account &a, const QList<social::Slot> &slots, qint64 now)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("network"), social::Networks::name(a.network)},
                  {QStringLiteral("name"), a.name},
                  {QStringLiteral("handle"), a.handle},
                  {QStringLiteral("kind"), a.kind},
                  {QStringLiteral("status"), a.status},
                  {QStringLiteral("long_posts"), a.longPosts},
                  {QStringLiteral("time_zone"), a.timeZone},
                  {QStringLiteral("slots"), social::Slot::format(slots)}};
    const std::optional<qint64> end = a.signInEndsAt();
    o.insert(QStringLiteral("expires_in_days"), end ? QJsonValue(int((*end - now) / 86'400'000)) : QJsonValue());
    o.insert(QStringLiteral("sign_in_ends_soon"), social::AccountStore::signInEndsSoon(a, now));
    if (!a.error.isEmpty())
        o.insert(QStringLiteral("error"), a.error);
    return o;
}

QJsonObject targetJson(const social::TargetStatus &t)
{
    QJsonObject o{{QStringLiteral("id"), t.id},
                  {QStringLiteral("account"), t.accountId},
                  {QStringLiteral("network"), social::Networks::name(t.network)},
                  {QStringLiteral("account_name"), t.accountName},
                  {QStringLiteral("state"), social::TargetStatus::stateName(t.state)},
                  {QStringLiteral("due_at"), isoTime(t.dueAt)},
                  {QStringLiteral("queued"), t.queued},
                  {QStringLiteral("attempts"), t.attempts},
                  {QStringLiteral("text"), t.text}};
    if (!t.externalId.isEmpty())
        o.insert(QStringLiteral("external_id"), t.externalId);
    if (!t.permalink.isEmpty())
        o.insert(QStringLiteral("link"), t.permalink);
    if (t.publishedAt)
        o.insert(QStringLiteral("published_at"), isoTime(*t.publishedAt));
    if (!t.error.isEmpty())
        o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), t.errorCode}, {QStringLiteral("message"), t.error}});
    if (!t.firstComment.isEmpty()) {
        QJsonObject comment{{QStringLiteral("text"), t.firstComment}, {QStringLiteral("state"), t.commentState}};
        if (!t.commentError.isEmpty())
            comment.insert(QStringLiteral("error"), t.commentError);
        o.insert(QStringLiteral("first_comment"), comment);
    }
    return o;
}

QString targetLine(const social::TargetStatus &t)
{
    const QLocale locale;
    QString line = SocialTr::tr("%1 %2 (%3): %4, %5")
                       .arg(social::Networks::displayName(t.network), t.accountName)
                       .arg(t.accountId)
                       .arg(social::TargetStatus::stateText(t.state),
                            locale.toString(QDateTime::fromMSecsSinceEpoch(t.dueAt), QLocale::ShortFormat));
    if (!t.permalink.isEmpty())
        line += u' ' + t.permalink;
    if (!t.error.isEmpty())
        line += QStringLiteral(" — ") + t.error;
    if (t.commentState == u"failed")
        line += QStringLiteral(" — ") + SocialTr::tr("first comment not made: %1").arg(t.commentError);
    return line;
}

// luxctl social accounts
int accounts(const CommandContext &ctx)
{
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    social::AccountStore store((*db)->connection());
    const auto list = store.list();
    if (!list)
        return ctx.fail(list.error());
    QJsonArray out;
    QStringList lines;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const social::Account &a : *list) {
        const auto slots = store.slots(a.id);
        if (!slots)
            return ctx.fail(slots.error());
        out.append(accountJson(a, *slots, now));
        lines << SocialTr::tr("%1  %2  %3").arg(a.id).arg(a.displayName(), a.status);
        if (social::AccountStore::signInEndsSoon(a, now))
            lines << QStringLiteral("   ") + social::AccountStore::endNotice(a);
    }
    if (lines.isEmpty())
        lines << SocialTr::tr("No social account is connected.");
    return ctx.succeed({{QStringLiteral("accounts"), out}}, lines.join(u'\n'));
}

// luxctl social connect --network x|linkedin|facebook|instagram [--organizations] [--port N]: the network's consent page in the browser (its address
// printed), the answer on the loopback port, the account saved and its tokens in the keychain.
int connectAccount(const CommandContext &ctx)
{
    const QString networkName = ctx.option(QStringLiteral("network"));
    const std::optional<social::Network> network = social::Networks::fromName(networkName);
    if (!network)
        return ctx.fail(Error(QString(errc::socialNetwork),
                              SocialTr::tr("--network must be x, linkedin, instagram or facebook, not \"%1\".").arg(networkName)));
    auto scope = DatabaseScope::open(ctx.databasePath);
    if (!scope)
        return ctx.fail(scope.error());
    quint16 port = (*scope)->settings().socialRedirectPort();
    if (ctx.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint given = ctx.option(QStringLiteral("port")).toUInt(&ok);
        if (!ok || given > 65535)
            return ctx.usage(SocialTr::tr("--port: '%1' is not a port number.").arg(ctx.option(QStringLiteral("port"))));
        port = quint16(given);
    }
    const campaigns::SendSetup setup =
        awaitTask(campaigns::SendSetup::withSecrets((*scope)->secrets(), campaigns::SendSetup::fromSettings((*scope)->settings())));
    if (const QString missing = channels::social::SocialChannelFactory::missingSetup(*network, setup.social); !missing.isEmpty())
        return ctx.fail(Error(QString(errc::socialAuth), missing));
    QNetworkAccessManager nam;
    // One Facebook Login for both Facebook and Instagram: the Pages, and the Instagram accounts linked to them.
    std::unique_ptr<channels::social::Connector> connector = channels::social::makeConnector(
        *network, &nam, setup.social, (*scope)->settings().socialXAuthUrl(), ctx.isSet(QStringLiteral("organizations")));
    channels::social::SignIn signIn((*scope)->database().connection(), (*scope)->secrets(), std::move(connector), port);
    QEventLoop loop;
    QList<qint64> ids;
    QString failure;
    QObject::connect(&signIn, &channels::social::SignIn::openBrowser, &loop, [](const QUrl &url) {
        // On stderr, so that --json keeps stdout to the answer.
        std::fprintf(stderr, "%s\n%s\n", qPrintable(SocialTr::tr("Open this address in your browser and allow LUX Marketing:")),
                     url.toString(QUrl::FullyEncoded).toUtf8().constData());
        std::fflush(stderr);
    });
    QObject::connect(&signIn, &channels::social::SignIn::connected, &loop, [&](const QList<qint64> &made) {
        ids = made;
        loop.quit();
    });
    QObject::connect(&signIn, &channels::social::SignIn::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    signIn.start();
    if (ids.isEmpty() && failure.isEmpty())
        loop.exec();
    if (!failure.isEmpty())
        return ctx.fail(Error(QString(errc::socialAuth), failure));
    social::AccountStore store((*scope)->database().connection());
    QJsonArray out;
    QStringList lines;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 id : std::as_const(ids)) {
        const auto a = store.find(id);
        const auto slots = store.slots(id);
        if (!a || !slots)
            return ctx.fail(!a ? a.error() : slots.error());
        out.append(accountJson(*a, *slots, now));
        lines << SocialTr::tr("Connected: %1 (account %2)").arg(a->displayName()).arg(id);
    }
    return ctx.succeed({{QStringLiteral("accounts"), out}}, lines.join(u'\n'));
}

// luxctl social slots --account ID [--set "Tue/Thu 10:00"] [--time-zone ZONE]
int slots(const CommandContext &ctx)
{
    const std::optional<qint64> account = accountOption(ctx);
    if (!account)
        return ctx.usage(SocialTr::tr("Give the account with --account ID (luxctl social accounts lists them)."));
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    social::AccountStore store((*db)->connection());
    // Everything read before anything is written: a bad --set leaves the zone as it was.
    std::optional<QList<social::Slot>> parsed;
    if (ctx.isSet(QStringLiteral("set"))) {
        auto read = social::Slot::parse(ctx.option(QStringLiteral("set")));
        if (!read)
            return ctx.fail(read.error());
        parsed = std::move(*read);
    }
    if (ctx.isSet(QStringLiteral("time-zone")))
        if (Status s = store.setTimeZone(*account, ctx.option(QStringLiteral("time-zone")).trimmed()); !s)
            return ctx.fail(s.error());
    if (parsed)
        if (Status s = store.setSlots(*account, *parsed); !s)
            return ctx.fail(s.error());
    const auto a = store.find(*account);
    if (!a)
        return ctx.fail(a.error());
    const auto list = store.slots(*account);
    if (!list)
        return ctx.fail(list.error());
    const QString text = social::Slot::format(*list);
    return ctx.succeed(accountJson(*a, *list, QDateTime::currentMSecsSinceEpoch()),
                       text.isEmpty() ? SocialTr::tr("%1 has no queue slots.").arg(a->displayName())
                                      : SocialTr::tr("%1: %2 (%3)").arg(a->displayName(), text,
                                                                         a->timeZone.isEmpty() ? SocialTr::tr("this computer's time") : a->timeZone));
}

// luxctl social post --account ID --text TEXT [--media FILE]... [--first-comment TEXT] --at ISO|--queue
int post(const CommandContext &ctx)
{
    const std::optional<qint64> account = accountOption(ctx);
    if (!account)
        return ctx.usage(SocialTr::tr("Give the account with --account ID (luxctl social accounts lists them)."));
    const bool queue = ctx.isSet(QStringLiteral("queue"));
    if (queue == ctx.isSet(QStringLiteral("at")))
        return ctx.usage(SocialTr::tr("Give the time with --at ISO, or --queue for the account's next free slot; one of the two."));
    std::optional<qint64> at;
    if (!queue) {
        at = parseIsoTime(ctx.option(QStringLiteral("at")), QTimeZone::systemTimeZone());
        if (!at)
            return ctx.usage(SocialTr::tr("--at: '%1' is not an ISO 8601 date and time (such as 2026-12-10T10:00).").arg(ctx.option(QStringLiteral("at"))));
    }
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    social::TargetDraft target;
    target.accountId = *account;
    target.text = ctx.option(QStringLiteral("text"));
    target.firstComment = ctx.option(QStringLiteral("first-comment"));
    // The network's checks on the files as given, before anything is kept: a refused post leaves
    // nothing behind in the media library.
    const auto owner = social::AccountStore((*db)->connection()).find(*account);
    if (!owner)
        return ctx.fail(owner.error());
    QList<social::MediaFacts> facts;
    for (const QString &path : ctx.options(QStringLiteral("media"))) {
        auto f = mediaFacts(path);
        if (!f)
            return ctx.fail(f.error());
        facts.append(*f);
    }
    social::CheckOptions options;
    options.longPosts = owner->longPosts;
    options.firstComment = target.firstComment;
    if (const social::PostCheck checked = social::PostChecks::check(owner->network, target.text, facts, options); !checked.ok()) {
        if (!ctx.json)
            ctx.notice(checkText(checked, false));
        return ctx.fail(Error(QString(errc::socialCheck), SocialTr::tr("Not scheduled: %1 would refuse this post.")
                                                              .arg(social::Networks::displayName(owner->network))),
                        checked.toJson());
    }
    // The pictures go to the media library (the same bytes are kept once), then the post.
    assistant::MediaStore media((*db)->connection());
    for (const QString &path : ctx.options(QStringLiteral("media"))) {
        auto bytes = InputFile::read(path, assistant::MediaStore::kMaxBytes);
        if (!bytes)
            return ctx.fail(bytes.error());
        assistant::MediaItem item;
        item.name = QFileInfo(path).fileName();
        item.data = std::move(*bytes);
        const auto id = media.add(item, std::nullopt);
        if (!id)
            return ctx.fail(id.error());
        target.mediaIds.append(*id);
    }
    social::PostDraft draft;
    draft.text = target.text;
    draft.targets = {target};
    draft.at = at;
    draft.queue = queue;
    social::PostStore posts((*db)->connection());
    const auto id = posts.schedule(draft);
    if (!id)
        return ctx.fail(id.error());
    const auto status = posts.status(*id);
    if (!status)
        return ctx.fail(status.error());
    QJsonArray targets;
    for (const social::TargetStatus &t : status->targets)
        targets.append(targetJson(t));
    return ctx.succeed({{QStringLiteral("id"), *id}, {QStringLiteral("targets"), targets}},
                       SocialTr::tr("Post %1 scheduled: %2").arg(*id).arg(targetLine(status->targets.value(0))));
}

// luxctl social status ID
int status(const CommandContext &ctx)
{
    const std::optional<qint64> id = idArgument(ctx);
    if (!id)
        return ctx.usage(SocialTr::tr("Give the post's number: luxctl social status ID."));
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    const auto status = social::PostStore((*db)->connection()).status(*id);
    if (!status)
        return ctx.fail(status.error());
    QJsonArray targets;
    QStringList lines{SocialTr::tr("Post %1%2").arg(*id).arg(status->cancelledAt ? SocialTr::tr(" (cancelled)") : QString())};
    for (const social::TargetStatus &t : status->targets) {
        targets.append(targetJson(t));
        lines << targetLine(t);
    }
    QJsonObject o{{QStringLiteral("id"), *id}, {QStringLiteral("text"), status->text}, {QStringLiteral("targets"), targets}};
    if (status->cancelledAt)
        o.insert(QStringLiteral("cancelled_at"), isoTime(*status->cancelledAt));
    return ctx.succeed(o, lines.join(u'\n'));
}

// luxctl social retry-failed --account ID
int retryFailed(const CommandContext &ctx)
{
    const std::optional<qint64> account = accountOption(ctx);
    if (!account)
        return ctx.usage(SocialTr::tr("Give the account with --account ID (luxctl social accounts lists them)."));
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    const auto requeued = social::PostStore((*db)->connection()).retryFailed(*account);
    if (!requeued)
        return ctx.fail(requeued.error());
    return ctx.succeed({{QStringLiteral("requeued"), *requeued}},
                       SocialTr::tr("%n failed post(s) will be published again by the scheduler.", nullptr, *requeued));
}

// luxctl social decide TARGET --published [--link URL] | --publish-again: a post in doubt settled by the user
int decide(const CommandContext &ctx)
{
    const std::optional<qint64> id = idArgument(ctx);
    const bool published = ctx.isSet(QStringLiteral("published"));
    if (!id || published == ctx.isSet(QStringLiteral("publish-again")))
        return ctx.usage(SocialTr::tr("Give the target (its id in luxctl social status) and --published (it is there; --link URL if you "
                                      "have it) or --publish-again (it is not)."));
    auto db = Database::open(ctx.databasePath);
    if (!db)
        return ctx.fail(db.error());
    if (Status s = social::PostStore((*db)->connection()).decide(*id, published, ctx.option(QStringLiteral("link"))); !s)
        return ctx.fail(s.error());
    return ctx.succeed({{QStringLiteral("target"), *id}, {QStringLiteral("published"), published}},
                       published ? SocialTr::tr("Target %1 is published.").arg(*id)
                                 : SocialTr::tr("Target %1 will be published again by the scheduler.").arg(*id));
}

} // namespace

QList<QCommandLineOption> socialOptions(const QString &group, const QString &command)
{
    Q_UNUSED(group)
    const auto t = [](const char *s) { return QCoreApplication::translate("luxctl", s); };
    if (command == QLatin1String("check"))
        return {
            {QStringLiteral("network"), t(QT_TRANSLATE_NOOP("luxctl", "x, linkedin, instagram or facebook.")), QStringLiteral("NETWORK")},
            {QStringLiteral("text"), t(QT_TRANSLATE_NOOP("luxctl", "The post's text.")), QStringLiteral("TEXT")},
            {QStringLiteral("media"), t(QT_TRANSLATE_NOOP("luxctl", "A picture to post with it (repeat for several).")), QStringLiteral("FILE")},
            {QStringLiteral("first-comment"), t(QT_TRANSLATE_NOOP("luxctl", "A first comment to post under it.")), QStringLiteral("TEXT")},
            {QStringLiteral("long-posts"), t(QT_TRANSLATE_NOOP("luxctl", "The X account has long posts (X Premium): 25,000 instead of 280."))},
        };
    const QCommandLineOption account(QStringLiteral("account"), t(QT_TRANSLATE_NOOP("luxctl", "The account's number (luxctl social accounts).")), QStringLiteral("ID"));
    if (command == QLatin1String("post"))
        return {
            account,
            {QStringLiteral("text"), t(QT_TRANSLATE_NOOP("luxctl", "The post's text.")), QStringLiteral("TEXT")},
            {QStringLiteral("media"), t(QT_TRANSLATE_NOOP("luxctl", "A picture to post with it (repeat for several).")), QStringLiteral("FILE")},
            {QStringLiteral("first-comment"), t(QT_TRANSLATE_NOOP("luxctl", "A first comment to post under it.")), QStringLiteral("TEXT")},
            {QStringLiteral("at"), t(QT_TRANSLATE_NOOP("luxctl", "When: an ISO 8601 date and time (this computer's time without an offset).")), QStringLiteral("ISO")},
            {QStringLiteral("queue"), t(QT_TRANSLATE_NOOP("luxctl", "At the account's next free queue slot."))},
        };
    if (command == QLatin1String("slots"))
        return {
            account,
            {QStringLiteral("set"), t(QT_TRANSLATE_NOOP("luxctl", "The queue's slots, as \"Tue/Thu 10:00, Sat 11:30\" (replaces them).")), QStringLiteral("SLOTS")},
            {QStringLiteral("time-zone"), t(QT_TRANSLATE_NOOP("luxctl", "The zone the slots are in (Europe/Madrid); empty: this computer's.")), QStringLiteral("ZONE")},
        };
    if (command == QLatin1String("retry-failed"))
        return {account};
    if (command == QLatin1String("decide"))
        return {{QStringLiteral("published"), t(QT_TRANSLATE_NOOP("luxctl", "It is on the network: count it as published."))},
                {QStringLiteral("link"), t(QT_TRANSLATE_NOOP("luxctl", "With --published: the post's address, to keep with it.")), QStringLiteral("URL")},
                {QStringLiteral("publish-again"), t(QT_TRANSLATE_NOOP("luxctl", "It is not there: publish it again."))}};
    if (command == QLatin1String("connect"))
        return {
            {QStringLiteral("network"), t(QT_TRANSLATE_NOOP("luxctl", "The network to connect: x, linkedin, or facebook (its Pages and their Instagram accounts; instagram does the same).")), QStringLiteral("NETWORK")},
            {QStringLiteral("organizations"),
             t(QT_TRANSLATE_NOOP("luxctl", "LinkedIn: also the organisations you may post for (the app needs LinkedIn's Community Management product)."))},
            {QStringLiteral("port"), t(QT_TRANSLATE_NOOP("luxctl", "The loopback port the sign-in comes back to (social.redirect_port, 53682).")),
             QStringLiteral("N")},
        };
    return {};
}

int runSocialCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("check"))
        return check(ctx);
    if (command == QLatin1String("accounts"))
        return accounts(ctx);
    if (command == QLatin1String("connect"))
        return connectAccount(ctx);
    if (command == QLatin1String("slots"))
        return slots(ctx);
    if (command == QLatin1String("post"))
        return post(ctx);
    if (command == QLatin1String("status"))
        return status(ctx);
    if (command == QLatin1String("retry-failed"))
        return retryFailed(ctx);
    if (command == QLatin1String("decide"))
        return decide(ctx);
    return ctx.usage(SocialTr::tr("Unknown social command: %1").arg(command));
}

} // namespace lux::cli
