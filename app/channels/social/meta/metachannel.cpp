// SPDX-License-Identifier: GPL-3.0-or-later
#include "metachannel.h"

#include "common/errorcodes.h"

#include <QCoroTimer>

#include <chrono>

namespace lux::channels::social::meta {

namespace {

Outcome permanent(const QString &code, const QString &message)
{
    return Outcome{Outcome::Kind::Permanent, 0, code, message, -1, {}, 0};
}

Outcome transient(const QString &code, const QString &message, int retryAfterSeconds)
{
    return Outcome{Outcome::Kind::Transient, 0, code, message, retryAfterSeconds, {}, 0};
}

Outcome accepted(const QString &reference)
{
    return Outcome{Outcome::Kind::Accepted, 0, {}, {}, -1, reference, 0};
}

} // namespace

MetaChannel::MetaChannel(QSqlDatabase db, lux::social::Account account, MetaClient *client, lux::social::TokenKeeper *tokens,
                         lux::social::MediaHost *media, Clock clock)
    : SocialChannel(std::move(db), std::move(account), tokens, std::move(clock)), m_client(client), m_media(media)
{
}

QCoro::Task<Result<QString>> MetaChannel::token()
{
    // A Page token asked with a long-lived user token never expires: there is nothing to refresh, and
    // one Meta refuses means the account must be connected again.
    lux::social::Refresher none = [](QString) -> QCoro::Task<lux::social::RefreshAnswer> {
        lux::social::RefreshAnswer answer;
        answer.kind = lux::social::RefreshAnswer::Kind::Refused;
        answer.message = tr("Meta's Page tokens are not refreshed: connect the account again.");
        co_return answer;
    };
    co_return co_await accessToken(std::move(none));
}

void MetaChannel::pausedBy(qint64 until) const
{
    if (until > m_clock())
        pauseAccount(until);
}

QCoro::Task<Outcome> MetaChannel::hostMedia(QList<qint64> mediaIds, QList<lux::social::HostedMedia> *hosted)
{
    if (mediaIds.isEmpty())
        co_return accepted({});
    if (!m_media)
        co_return permanent(QString(errc::trackerConfig),
                            tr("%1 fetches a post's pictures from a public address: set up lux-tracker (Settings → Tracking) first.")
                                .arg(lux::social::Networks::displayName(m_account.network)));
    for (qint64 id : mediaIds) {
        QString mime;
        const auto bytes = mediaBytes(id, &mime);
        if (!bytes)
            co_return permanent(bytes.error().code, bytes.error().message);
        QByteArray data = *bytes;
        const auto put = co_await m_media->host(std::move(data), std::move(mime));
        if (!put)
            co_return lux::social::MediaHost::isTransient(put.error()) ? transient(put.error().code, put.error().message, 60)
                                                                       : permanent(put.error().code, put.error().message);
        lux::social::HostedMedia media = *put;
        const Status reachable = co_await m_media->check(media);
        if (!reachable)
            co_return lux::social::MediaHost::isTransient(reachable.error())
                ? transient(reachable.error().code, reachable.error().message, 60)
                : permanent(reachable.error().code, reachable.error().message);
        hosted->append(*put);
    }
    co_return accepted({});
}

QCoro::Task<Outcome> MetaChannel::comment(QString postId, QString text)
{
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    QString token = *access;
    qint64 pause = 0;
    const Outcome o = co_await m_client->comment(std::move(token), std::move(postId), std::move(text), &pause);
    pausedBy(pause);
    co_return o;
}

QCoro::Task<Result<bool>> MetaChannel::hasComment(QString postId, QString text)
{
    const auto access = co_await token();
    if (!access)
        co_return access.error();
    QString token = *access;
    const auto comments = co_await m_client->comments(std::move(token), std::move(postId));
    if (!comments)
        co_return comments.error();
    const QString ours = comparable(text);
    for (const MetaComment &c : *comments)
        if (comparable(c.message) == ours)
            co_return true;
    co_return false;
}

// ---- Facebook

QCoro::Task<Result<std::optional<MetaPost>>> FacebookChannel::find(QString token, TargetMessage target, qint64 since)
{
    QString page = m_account.externalId;
    const auto posts = co_await m_client->publishedPosts(std::move(token), std::move(page), since);
    if (!posts)
        co_return posts.error();
    const QString ours = comparable(target.text);
    for (const MetaPost &post : *posts)
        if (comparable(post.message) == ours && !isAnotherTargets(post.id, target.targetId))
            co_return std::optional<MetaPost>(post);
    co_return std::optional<MetaPost>();
}

QCoro::Task<Outcome> FacebookChannel::publish(Delivery delivery, QByteArray message)
{
    const std::optional<TargetMessage> target = TargetMessage::fromJson(message);
    if (!target)
        co_return permanent(QString(errc::socialNotFound), tr("The post could not be read."));
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    QList<lux::social::HostedMedia> hosted;
    QList<qint64> ids = target->mediaIds;
    const Outcome onTracker = co_await hostMedia(std::move(ids), &hosted);
    if (!onTracker.ok())
        co_return onTracker;
    // Each picture as an unpublished photo of the Page: invisible until the post names it, so one made
    // by an attempt that failed is harmless.
    QStringList photos;
    for (const lux::social::HostedMedia &media : std::as_const(hosted)) {
        QString token = *access;
        QString page = m_account.externalId;
        QString url = media.url.toString();
        qint64 pause = 0;
        const Outcome uploaded = co_await m_client->uploadPhoto(std::move(token), std::move(page), std::move(url), &pause);
        pausedBy(pause);
        if (!uploaded.ok())
            co_return uploaded;
        photos << uploaded.reference;
    }
    // The one call that makes the post: once.
    QString token = *access;
    QString page = m_account.externalId;
    QString text = target->text;
    qint64 pause = 0;
    const Outcome o = co_await m_client->createFeedPost(std::move(token), std::move(page), std::move(text), QString(), photos, &pause);
    pausedBy(pause);
    if (o.ok()) {
        QString again = *access;
        QString post = o.reference;
        const auto link = co_await m_client->permalink(std::move(again), std::move(post));
        published(target->targetId, o.reference, link ? *link : QStringLiteral("https://www.facebook.com/%1").arg(o.reference));
        co_return o;
    }
    // Meta refuses the same message as the Page's last post. After an earlier attempt of this very
    // post, that last post is ours: found among the Page's posts and kept. Otherwise it is not.
    if (o.code == MetaClient::kDuplicate) {
        if (delivery.attempts > 1) {
            QString again = *access;
            // attemptedAt is this attempt's; the earlier one that made the post may be an hour back (retries back off).
            const qint64 since = (delivery.attemptedAt > 0 ? delivery.attemptedAt : m_clock()) - kClockSkewMs - 3'600'000;
            const auto found = co_await find(std::move(again), *target, since);
            if (found && *found) {
                published(target->targetId, (*found)->id, (*found)->permalink);
                co_return accepted((*found)->id);
            }
        }
        co_return permanent(o.code, tr("Facebook refuses it: the Page's last post has the same text (%1).").arg(o.message));
    }
    co_return o;
}

QCoro::Task<Reconciliation> FacebookChannel::reconcilePost(Delivery delivery, TargetMessage target)
{
    const auto access = co_await token();
    if (!access)
        co_return undecided(access.error());
    const qint64 since = (delivery.attemptedAt > 0 ? delivery.attemptedAt : m_clock()) - kClockSkewMs;
    QString token = *access;
    const auto found = co_await find(std::move(token), target, since);
    if (!found)
        co_return found.error().code == MetaClient::kTooMany
            ? Reconciliation::needsDecision(tr("Facebook did not answer whether the post went, and the Page has more posts since "
                                               "than LUX reads: check the Page and say whether it is there."))
            : Reconciliation::stillUnknown();
    if (*found) {
        published(target.targetId, (*found)->id, (*found)->permalink);
        co_return Reconciliation::sent((*found)->id);
    }
    const qint64 doubtSince = std::max(delivery.doubtSince, delivery.attemptedAt);
    if (doubtSince > 0 && m_clock() - doubtSince < kListSettleMs)
        co_return Reconciliation::stillUnknown(doubtSince + kListSettleMs);
    co_return Reconciliation::notSent(tr("The Page has no such post since the attempt."));
}

// ---- Instagram

std::optional<TargetMessage> InstagramChannel::targetOf(const Delivery &delivery, QByteArray message) const
{
    if (message.isEmpty()) { // a staged post: the message is read again for its text
        const auto built = build(delivery);
        if (!built)
            return std::nullopt;
        message = *built;
    }
    return TargetMessage::fromJson(message);
}

QCoro::Task<Outcome> InstagramChannel::finished(QString token, QString containerId)
{
    using namespace std::chrono_literals;
    static constexpr std::chrono::milliseconds kWaits[kLooks] = {1s, 2s, 4s, 8s, 15s};
    Outcome o;
    for (int look = 0; look < kLooks; ++look) {
        QString asking = token;
        QString container = containerId;
        const auto status = co_await m_client->containerStatus(std::move(asking), std::move(container));
        if (!status)
            co_return transient(status.error().code, status.error().message, 60);
        o = MetaClient::outcome(*status);
        if (o.code != MetaClient::kNotReady)
            break;
        co_await QCoro::sleepFor(kWaits[look]);
    }
    // Still preparing after half a minute: the container is kept and looked at again in a minute.
    if (o.code == MetaClient::kNotReady)
        o.retryAfterSeconds = 60;
    if (o.code == MetaClient::kRestage && o.kind == Outcome::Kind::Transient)
        o.restage = true;
    co_return o;
}

QCoro::Task<Outcome> InstagramChannel::stagePost(Delivery delivery, QByteArray message)
{
    const std::optional<TargetMessage> target = targetOf(delivery, std::move(message));
    if (!target)
        co_return permanent(QString(errc::socialNotFound), tr("The post could not be read."));
    if (target->mediaIds.isEmpty() || target->mediaIds.size() > kMaxItems)
        co_return permanent(QString(errc::socialCheck), tr("An Instagram post has 1 to %1 pictures; this one has %2.").arg(kMaxItems).arg(target->mediaIds.size()));
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    QList<lux::social::HostedMedia> hosted;
    QList<qint64> ids = target->mediaIds;
    const Outcome onTracker = co_await hostMedia(std::move(ids), &hosted);
    if (!onTracker.ok())
        co_return onTracker;
    const bool carousel = hosted.size() > 1;
    // A container per picture (a carousel's items first, each finished before the carousel names it).
    // A container is invisible until published, so one left by a failed attempt is harmless.
    QStringList items;
    for (const lux::social::HostedMedia &media : std::as_const(hosted)) {
        QString token = *access;
        QString account = m_account.externalId;
        QString url = media.url.toString();
        QString caption = carousel ? QString() : target->text;
        qint64 pause = 0;
        const Outcome made = co_await m_client->createContainer(std::move(token), std::move(account), std::move(url), std::move(caption),
                                                                QString(), carousel, &pause);
        pausedBy(pause);
        if (!made.ok() || !carousel)
            co_return made;
        items << made.reference;
    }
    for (const QString &item : std::as_const(items)) {
        QString token = *access;
        QString container = item;
        Outcome ready = co_await finished(std::move(token), std::move(container));
        if (!ready.ok()) {
            ready.restage = false; // nothing is staged yet: the next attempt makes every item again
            co_return ready;
        }
    }
    QString token = *access;
    QString account = m_account.externalId;
    QString caption = target->text;
    qint64 pause = 0;
    const Outcome made = co_await m_client->createCarousel(std::move(token), std::move(account), items, std::move(caption), &pause);
    pausedBy(pause);
    co_return made;
}

QCoro::Task<std::optional<MetaMedia>> InstagramChannel::find(QString token, TargetMessage target, qint64 since)
{
    QString account = m_account.externalId;
    const auto media = co_await m_client->recentMedia(std::move(token), std::move(account), 25);
    if (!media)
        co_return std::nullopt;
    const QString ours = comparable(target.text);
    for (const MetaMedia &m : *media)
        if ((m.timestamp == 0 || m.timestamp >= since) && comparable(m.caption) == ours && !isAnotherTargets(m.id, target.targetId))
            co_return m;
    co_return std::nullopt;
}

QCoro::Task<Outcome> InstagramChannel::wentAs(QString token, TargetMessage target, qint64 since, QString containerId, QString mediaId)
{
    QString id = mediaId;
    QString link;
    if (id.isEmpty()) {
        QString asking = token;
        if (const auto found = co_await find(std::move(asking), target, since)) {
            id = found->id;
            link = found->permalink;
        }
    }
    if (!id.isEmpty() && link.isEmpty()) {
        QString asking = token;
        QString media = id;
        if (const auto permalink = co_await m_client->permalink(std::move(asking), std::move(media)))
            link = *permalink;
    }
    // Not among the latest media (many posts since): the container names it until the user looks.
    published(target.targetId, id.isEmpty() ? containerId : id, link);
    co_return accepted(id.isEmpty() ? containerId : id);
}

QCoro::Task<Outcome> InstagramChannel::publish(Delivery delivery, QByteArray message)
{
    const std::optional<TargetMessage> target = targetOf(delivery, std::move(message));
    if (!target)
        co_return permanent(QString(errc::socialNotFound), tr("The post could not be read."));
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    const QString container = delivery.reference;
    const qint64 since = (delivery.attemptedAt > 0 ? delivery.attemptedAt : m_clock()) - kClockSkewMs;
    // Ready to publish? A container that went already (an earlier attempt's answer lost) is not published again.
    {
        QString token = *access;
        QString asking = container;
        const Outcome ready = co_await finished(std::move(token), std::move(asking));
        if (ready.code == MetaClient::kPublished) {
            QString again = *access;
            co_return co_await wentAs(std::move(again), *target, since, container, QString());
        }
        if (!ready.ok())
            co_return ready;
    }
    // The publishing quota, read before publishing: a full one pauses the account until the oldest
    // post of the window leaves it (the posts made in Instagram's own app count there too).
    {
        QString token = *access;
        QString account = m_account.externalId;
        const auto quota = co_await m_client->publishingLimit(std::move(token), std::move(account));
        if (quota && quota->left() == 0) {
            QString again = *access;
            QString owner = m_account.externalId;
            const auto recent = co_await m_client->recentMedia(std::move(again), std::move(owner), std::min(100, std::max(25, quota->total)));
            const qint64 frees = recent ? MetaClient::quotaFreesAt(*recent, *quota, m_clock()) : m_clock() + MetaClient::kQuotaPauseMs;
            const qint64 until = std::max(frees, m_clock() + 60'000);
            pauseAccount(until);
            co_return transient(QString(MetaClient::kQuota),
                                tr("Instagram's publishing limit is reached (%1 posts in 24 hours): the post waits until one leaves the window.")
                                    .arg(quota->total),
                                int((until - m_clock() + 999) / 1000));
        }
    }
    // The one call that makes the post: once.
    QString token = *access;
    QString account = m_account.externalId;
    QString creation = container;
    qint64 pause = 0;
    Outcome o = co_await m_client->publish(std::move(token), std::move(account), std::move(creation), &pause);
    pausedBy(pause);
    if (o.ok() || o.code == MetaClient::kPublished) {
        QString again = *access;
        QString media = o.ok() ? o.reference : QString();
        co_return co_await wentAs(std::move(again), *target, since, container, std::move(media));
    }
    if (o.code == MetaClient::kQuota)
        pausedBy(m_clock() + MetaClient::kQuotaPauseMs);
    if (o.code == MetaClient::kRestage && o.kind == Outcome::Kind::Transient)
        o.restage = true;
    co_return o;
}

QCoro::Task<Reconciliation> InstagramChannel::reconcilePost(Delivery delivery, TargetMessage target)
{
    // No container on disk: nothing could have been published (a container alone is invisible).
    if (delivery.reference.isEmpty())
        co_return Reconciliation::notSent(tr("Not published: no container was made."));
    const auto access = co_await token();
    if (!access)
        co_return undecided(access.error());
    // Instagram publishes a container once at most, and says so: PUBLISHED went, anything else did not
    // (publishing it again cannot make a second post).
    QString token = *access;
    QString container = delivery.reference;
    const auto status = co_await m_client->containerStatus(std::move(token), std::move(container));
    if (!status)
        co_return Reconciliation::stillUnknown();
    if (status->code != u"PUBLISHED")
        co_return Reconciliation::notSent(tr("Instagram has not published the post (its container is %1).").arg(status->code));
    QString again = *access;
    const qint64 since = (delivery.attemptedAt > 0 ? delivery.attemptedAt : m_clock()) - kClockSkewMs;
    const Outcome went = co_await wentAs(std::move(again), target, since, delivery.reference, QString());
    co_return Reconciliation::sent(went.reference);
}

} // namespace lux::channels::social::meta
