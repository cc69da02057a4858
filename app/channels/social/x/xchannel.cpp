// SPDX-License-Identifier: GPL-3.0-or-later
#include "xchannel.h"

#include "common/errorcodes.h"
#include "social/xtext.h"

#include <QRegularExpression>

namespace lux::channels::social::x {

XChannel::XChannel(QSqlDatabase db, lux::social::Account account, XClient *client, lux::social::TokenKeeper *tokens, Clock clock)
    : SocialChannel(std::move(db), std::move(account), tokens, std::move(clock)), m_client(client)
{
}

QString XChannel::permalink(const QString &id) const
{
    const QString handle = m_account.handle.startsWith(u'@') ? m_account.handle.mid(1) : m_account.handle;
    return QStringLiteral("https://x.com/%1/status/%2").arg(handle.isEmpty() ? QStringLiteral("i") : handle, id);
}

QCoro::Task<Result<QString>> XChannel::token()
{
    XClient *client = m_client;
    lux::social::Refresher refresher = [client](QString refreshToken) -> QCoro::Task<lux::social::RefreshAnswer> {
        co_return co_await client->refresh(std::move(refreshToken));
    };
    co_return co_await accessToken(std::move(refresher));
}

QString XChannel::comparable(const QString &text, bool asShownByX)
{
    QString s = text.normalized(QString::NormalizationForm_C);
    // X escapes & < > in what it shows; ours is as typed (a typed "&amp;" stays that).
    if (asShownByX)
        s.replace(QStringLiteral("&lt;"), QStringLiteral("<")).replace(QStringLiteral("&gt;"), QStringLiteral(">")).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    // Every link as one mark, wherever it points: X shows ours as t.co links.
    const QList<lux::social::XUrl> urls = lux::social::XText::extractUrls(s);
    for (auto it = urls.crbegin(); it != urls.crend(); ++it)
        s.replace(it->span.start, it->span.end - it->span.start, QStringLiteral("\x01"));
    return s.simplified();
}

QCoro::Task<Outcome> XChannel::publish(Delivery, QByteArray message)
{
    const std::optional<TargetMessage> target = TargetMessage::fromJson(message);
    if (!target)
        co_return Outcome{Outcome::Kind::Permanent, 0, QString(errc::socialNotFound), tr("The post could not be read."), -1, {}, 0};
    const auto access = co_await token();
    if (!access)
        co_return withoutToken(access.error());
    // The pictures: each upload only makes a media id, so a failure here is simply tried again.
    QStringList mediaIds;
    for (qint64 id : target->mediaIds) {
        QString mime;
        const auto bytes = mediaBytes(id, &mime);
        if (!bytes)
            co_return Outcome{Outcome::Kind::Permanent, 0, bytes.error().code, bytes.error().message, -1, {}, 0};
        const Outcome uploaded = co_await m_client->uploadMedia(*access, *bytes, mime);
        if (!uploaded.ok())
            co_return uploaded;
        mediaIds << uploaded.reference;
    }
    // The one call that makes the post: once.
    const QString text = lux::social::XText::parse(target->text, m_account.longPosts ? lux::social::XText::kMaxLongLength
                                                                                       : lux::social::XText::kMaxLength)
                             .normalized;
    qint64 pauseUntil = 0;
    const Outcome o = co_await m_client->createPost(*access, text, mediaIds, &pauseUntil);
    if (pauseUntil > 0)
        pauseAccount(pauseUntil);
    if (o.ok())
        published(target->targetId, o.reference, permalink(o.reference));
    co_return o;
}

QCoro::Task<Reconciliation> XChannel::reconcilePost(Delivery delivery, TargetMessage target)
{
    const auto access = co_await token();
    if (!access)
        co_return undecided(access.error());
    const qint64 since = (delivery.attemptedAt > 0 ? delivery.attemptedAt : m_clock()) - kClockSkewMs;
    const auto posts = co_await m_client->recent(*access, m_account.externalId, since);
    if (!posts) {
        if (posts.error().code == u"x.too-many")
            co_return Reconciliation::needsDecision(
                tr("X did not answer whether the post went, and the account has posted too much since to look: check %1 and say whether "
                   "it is there.")
                    .arg(permalink(QString()).chopped(QStringLiteral("/status/").size())));
        if (posts.error().code == u"x.forbidden")
            co_return Reconciliation::needsDecision(
                tr("X did not answer whether the post went, and this account's plan cannot read its posts to look: check %1 and say "
                   "whether it is there.")
                    .arg(permalink(QString()).chopped(QStringLiteral("/status/").size())));
        co_return Reconciliation::stillUnknown();
    }
    QString ours = comparable(target.text, false);
    // A post with pictures ends with the link X adds to them.
    if (!target.mediaIds.isEmpty())
        ours = QString(ours + QStringLiteral(" \x01")).trimmed();
    // Nothing but links or pictures: another post of the account would look the same.
    if (QString(ours).remove(u'\x01').trimmed().isEmpty())
        co_return Reconciliation::needsDecision(
            tr("X did not answer whether the post went, and a post of links or pictures only cannot be told apart from the "
               "account's others: check the account and say whether it is there."));
    for (const XPost &post : *posts) {
        if (comparable(post.text, true) != ours || isAnotherTargets(post.id, target.targetId))
            continue;
        published(target.targetId, post.id, permalink(post.id));
        co_return Reconciliation::sent(post.id);
    }
    // Not there: certain only once X has had time to list it.
    const qint64 doubtSince = std::max(delivery.doubtSince, delivery.attemptedAt);
    if (doubtSince > 0 && m_clock() - doubtSince < kListSettleMs)
        co_return Reconciliation::stillUnknown(doubtSince + kListSettleMs);
    co_return Reconciliation::notSent(tr("X has no such post on the account since the attempt."));
}

} // namespace lux::channels::social::x
