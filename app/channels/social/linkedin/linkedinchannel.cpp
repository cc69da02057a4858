// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkedinchannel.h"

#include "common/errorcodes.h"
#include "social/littletext.h"

#include <QCoroTimer>

#include <chrono>

namespace lux::channels::social::linkedin {

using namespace std::chrono_literals;

namespace {

Outcome permanent(const QString &code, const QString &message)
{
    return Outcome{Outcome::Kind::Permanent, 0, code, message, -1, {}, 0};
}

Outcome transient(const QString &code, const QString &message, int retryAfterSeconds)
{
    return Outcome{Outcome::Kind::Transient, 0, code, message, retryAfterSeconds, {}, 0};
}

} // namespace

LinkedInChannel::LinkedInChannel(QSqlDatabase db, lux::social::Account account, LinkedInClient *client, lux::social::TokenKeeper *tokens,
                                 Clock clock)
    : SocialChannel(std::move(db), std::move(account), tokens, std::move(clock)), m_client(client)
{
}

QString LinkedInChannel::permalink(const QString &postUrn)
{
    return QStringLiteral("https://www.linkedin.com/feed/update/%1/").arg(postUrn);
}

QCoro::Task<Result<QString>> LinkedInChannel::token()
{
    LinkedInClient *client = m_client;
    lux::social::Refresher refresher = [client](QString refreshToken) -> QCoro::Task<lux::social::RefreshAnswer> {
        co_return co_await client->refresh(std::move(refreshToken));
    };
    co_return co_await accessToken(std::move(refresher));
}

QCoro::Task<Outcome> LinkedInChannel::publish(Delivery delivery, QByteArray message)
{
    const std::optional<TargetMessage> target = TargetMessage::fromJson(message);
    if (!target)
        co_return permanent(QString(errc::socialNotFound), tr("The post could not be read."));
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    const QString author = m_account.externalId;
    // The pictures, uploaded and processed before the post names them.
    QStringList images;
    for (qint64 id : target->mediaIds) {
        QString mime;
        const auto bytes = mediaBytes(id, &mime);
        if (!bytes)
            co_return permanent(bytes.error().code, bytes.error().message);
        QString token = *access;
        QString owner = author;
        QByteArray data = *bytes;
        const Outcome uploaded = co_await m_client->uploadImage(std::move(token), std::move(owner), std::move(data), mime);
        if (!uploaded.ok())
            co_return uploaded.kind == Outcome::Kind::Unknown ? transient(uploaded.code, uploaded.message, 30) : uploaded;
        images << uploaded.reference;
    }
    for (const QString &image : std::as_const(images)) {
        QString status;
        for (int look = 0; look < kImageLooks; ++look) {
            QString token = *access;
            QString urn = image;
            const auto s = co_await m_client->imageStatus(std::move(token), std::move(urn));
            status = s ? *s : QString();
            if (status == u"AVAILABLE" || status == u"PROCESSING_FAILED")
                break;
            co_await QCoro::sleepFor(1s);
        }
        if (status == u"PROCESSING_FAILED")
            co_return permanent(QStringLiteral("linkedin.image"), tr("LinkedIn could not process one of the post's pictures."));
        if (status != u"AVAILABLE")
            co_return transient(QStringLiteral("linkedin.processing"), tr("LinkedIn is still processing the post's pictures."), 30);
    }
    // The one call that makes the post: once.
    QString token = *access;
    QString commentary = lux::social::LittleText::escape(target->text);
    QString owner = author;
    QStringList urns = images;
    qint64 pauseUntil = 0;
    const Outcome o = co_await m_client->createPost(std::move(token), std::move(owner), std::move(commentary), std::move(urns), {}, &pauseUntil);
    if (pauseUntil > 0)
        pauseAccount(pauseUntil);
    if (o.ok()) {
        published(target->targetId, o.reference, permalink(o.reference));
        co_return o;
    }
    // LinkedIn refuses the same text again moments later. After an earlier attempt of this very
    // post, the one it names is ours (unless another target has it); otherwise it is someone else's.
    if (o.code == LinkedInClient::kDuplicate) {
        if (delivery.attempts > 1 && !o.reference.isEmpty() && !isAnotherTargets(o.reference, target->targetId)) {
            published(target->targetId, o.reference, permalink(o.reference));
            co_return Outcome{Outcome::Kind::Accepted, 0, {}, {}, -1, o.reference, 0};
        }
        co_return permanent(o.code, tr("LinkedIn refuses it: the same text was posted on this account moments ago (%1).").arg(o.message));
    }
    co_return o;
}

QCoro::Task<Reconciliation> LinkedInChannel::reconcilePost(Delivery delivery, TargetMessage target)
{
    const QString where = m_account.kind == u"organization" ? QStringLiteral("https://www.linkedin.com/company/%1/")
                                                                  .arg(m_account.externalId.section(u':', -1))
                                                            : QStringLiteral("https://www.linkedin.com/in/me/recent-activity/all/");
    const QString cannotLook = tr("LinkedIn did not answer whether the post went, and this account cannot read its posts to look: check %1 "
                                  "and say whether it is there.")
                                   .arg(where);
    if (!m_account.canReadPosts)
        co_return Reconciliation::needsDecision(cannotLook);
    const auto access = co_await token();
    if (!access)
        co_return undecided(access.error());
    QString token = *access;
    QString author = m_account.externalId;
    const auto posts = co_await m_client->recentPosts(std::move(token), std::move(author), kListCount);
    if (!posts)
        co_return posts.error().code == LinkedInClient::kForbidden ? Reconciliation::needsDecision(cannotLook) : Reconciliation::stillUnknown();
    const qint64 since = (delivery.attemptedAt > 0 ? delivery.attemptedAt : m_clock()) - kClockSkewMs;
    const QString ours = comparable(target.text);
    bool older = false;
    for (const LinkedInPost &post : *posts) {
        if (post.createdAt > 0 && post.createdAt < since) {
            older = true;
            continue;
        }
        if (comparable(lux::social::LittleText::unescape(post.commentary)) != ours || isAnotherTargets(post.urn, target.targetId))
            continue;
        published(target.targetId, post.urn, permalink(post.urn));
        co_return Reconciliation::sent(post.urn);
    }
    // Every post since the attempt was in the list only when it reached back past the attempt.
    if (!older && posts->size() >= kListCount)
        co_return Reconciliation::needsDecision(cannotLook);
    const qint64 doubtSince = std::max(delivery.doubtSince, delivery.attemptedAt);
    if (doubtSince > 0 && m_clock() - doubtSince < kListSettleMs)
        co_return Reconciliation::stillUnknown(doubtSince + kListSettleMs);
    co_return Reconciliation::notSent(tr("LinkedIn has no such post on the account since the attempt."));
}

QCoro::Task<Outcome> LinkedInChannel::comment(QString postId, QString text)
{
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    QString token = *access;
    QString actor = m_account.externalId;
    co_return co_await m_client->comment(std::move(token), std::move(postId), std::move(actor), std::move(text));
}

QCoro::Task<Result<bool>> LinkedInChannel::hasComment(QString postId, QString text)
{
    const auto access = co_await token();
    if (!access)
        co_return access.error();
    QString token = *access;
    const auto comments = co_await m_client->comments(std::move(token), std::move(postId));
    if (!comments)
        co_return comments.error();
    const QString ours = comparable(text);
    for (const LinkedInComment &c : *comments)
        if (c.actor == m_account.externalId && comparable(c.text) == ours)
            co_return true;
    co_return false;
}

} // namespace lux::channels::social::linkedin
