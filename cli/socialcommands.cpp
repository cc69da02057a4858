// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialcommands.h"

#include "common/errorcodes.h"
#include "common/inputfile.h"
#include "social/postchecks.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

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
    return {};
}

int runSocialCommand(const QString &command, const CommandContext &ctx)
{
    if (command == QLatin1String("check"))
        return check(ctx);
    return ctx.usage(SocialTr::tr("Unknown social command: %1").arg(command));
}

} // namespace lux::cli
