// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/social/mediahost.h"
#include "channels/social/meta/metaclient.h"
#include "channels/social/socialchannel.h"

namespace lux::channels::social::meta {

// What the Facebook and Instagram channels share (provider-contracts.md §5.1–5.2): the Page token
// (it never expires; a refusal asks to reconnect), the post's pictures put on lux-tracker for Meta to
// fetch (Meta takes a URL, a desktop has none) with each address checked the way Meta will fetch it,
// and the account paused when Meta's usage headers reach 90 % or a rate limit answers.
class MetaChannel : public SocialChannel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::meta::MetaChannel)
public:
    MetaChannel(QSqlDatabase db, lux::social::Account account, MetaClient *client, lux::social::TokenKeeper *tokens,
                lux::social::MediaHost *media, Clock clock);

    Pace pace() const override { return {0, 0, 0, 1}; }

    static constexpr qint64 kListSettleMs = 120'000; // as X's: a second look, minutes after the doubt
    static constexpr qint64 kClockSkewMs = 120'000;

protected:
    QCoro::Task<Outcome> comment(QString postId, QString text) override;
    QCoro::Task<Result<bool>> hasComment(QString postId, QString text) override;
    QCoro::Task<Result<QString>> token();
    // The pictures on lux-tracker, each public address answering as Meta will fetch it. Accepted, or
    // why not: no tracker set up and a picture that is not one are permanent, an unreachable tracker
    // transient.
    QCoro::Task<Outcome> hostMedia(QList<qint64> mediaIds, QList<lux::social::HostedMedia> *hosted);
    void pausedBy(qint64 until) const;

    MetaClient *m_client;
    lux::social::MediaHost *m_media; // null: no tracker set up
};

// A Facebook Page's posts: the pictures uploaded unpublished (Meta fetches each from lux-tracker;
// harmless when repeated), then the post that names them, once (POST /{page}/feed has no key). A post
// in doubt is looked for among the Page's posts since the attempt; Meta's "duplicate status" after an
// earlier attempt of this post is evidence that it went, and the post is found the same way.
class FacebookChannel : public MetaChannel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::meta::FacebookChannel)
public:
    using MetaChannel::MetaChannel;

protected:
    QCoro::Task<Outcome> publish(Delivery delivery, QByteArray message) override;
    QCoro::Task<Reconciliation> reconcilePost(Delivery delivery, TargetMessage target) override;

private:
    // The Page's post of this target since `since` (ms), when there is one; kTooMany when the list is longer than read.
    QCoro::Task<Result<std::optional<MetaPost>>> find(QString token, TargetMessage target, qint64 since);
};

// An Instagram professional account's posts, in Meta's two steps: a container made from the pictures
// (staged: its id is on disk before anything is published; a carousel's items are made and finished
// first), then media_publish of that container, once. A container is published at most once by
// Instagram itself, so a post in doubt is settled by the container's own status: PUBLISHED went,
// anything else did not. A container still preparing is looked at again (its id kept); one that
// expired or failed for a reason a new one may cure is made again; the publishing quota is read
// before publishing, and a full one pauses the account until a post leaves the 24-hour window.
class InstagramChannel : public MetaChannel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::meta::InstagramChannel)
public:
    using MetaChannel::MetaChannel;

    bool stages() const override { return true; }

    static constexpr int kMaxItems = 10;
    // Looks at a container while Meta fetches and prepares its picture, seconds apart: 1, 2, 4, 8, 15.
    static constexpr int kLooks = 5;

protected:
    QCoro::Task<Outcome> stagePost(Delivery delivery, QByteArray message) override;
    QCoro::Task<Outcome> publish(Delivery delivery, QByteArray message) override;
    QCoro::Task<Reconciliation> reconcilePost(Delivery delivery, TargetMessage target) override;

private:
    // Waits while the container is IN_PROGRESS (kLooks); Accepted once FINISHED, else its outcome.
    QCoro::Task<Outcome> finished(QString token, QString containerId);
    // The account's media published from this target since `since` (ms), when it is among the latest.
    QCoro::Task<std::optional<MetaMedia>> find(QString token, TargetMessage target, qint64 since);
    // The post went: its media found (or the container named), kept on the target, accepted.
    QCoro::Task<Outcome> wentAs(QString token, TargetMessage target, qint64 since, QString containerId, QString mediaId);
    std::optional<TargetMessage> targetOf(const Delivery &delivery, QByteArray message) const;
};

} // namespace lux::channels::social::meta
