// SPDX-License-Identifier: GPL-3.0-or-later
#include "socialchannel.h"

#include "campaigns/campaignstore.h"
#include "channels/social/linkedin/linkedinchannel.h"
#include "channels/social/mediahost.h"
#include "channels/social/meta/metachannel.h"
#include "channels/social/x/xchannel.h"
#include "common/errorcodes.h"
#include "common/logging.h"
#include "storage/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace lux::channels::social {

QByteArray TargetMessage::toJson() const
{
    QJsonArray media;
    for (qint64 id : mediaIds)
        media.append(id);
    return QJsonDocument(QJsonObject{{QStringLiteral("target"), targetId}, {QStringLiteral("text"), text}, {QStringLiteral("media"), media}})
        .toJson(QJsonDocument::Compact);
}

std::optional<TargetMessage> TargetMessage::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (!o.contains(QStringLiteral("target")))
        return std::nullopt;
    TargetMessage m;
    m.targetId = o.value(QStringLiteral("target")).toInteger();
    m.text = o.value(QStringLiteral("text")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("media")).toArray())
        m.mediaIds.append(v.toInteger());
    return m;
}

SocialChannel::SocialChannel(QSqlDatabase db, lux::social::Account account, lux::social::TokenKeeper *tokens, Clock clock)
    : m_db(std::move(db)), m_account(std::move(account)), m_tokens(tokens), m_clock(std::move(clock))
{
}

QCoro::Task<Outcome> SocialChannel::stage(Delivery delivery, QByteArray message)
{
    const Outcome o = co_await stagePost(std::move(delivery), std::move(message));
    co_return checked(o);
}

QCoro::Task<Outcome> SocialChannel::submit(Delivery delivery, QByteArray message)
{
    std::optional<Progress> made = progress(delivery.outboxId);
    // The post, unless an earlier attempt made it (its comment is what is left).
    if (!made || made->externalId.isEmpty()) {
        Delivery publishing = delivery;
        const Outcome o = checked(co_await publish(std::move(publishing), std::move(message)));
        if (!o.ok() || !made || made->comment.isEmpty())
            co_return o;
        made = progress(delivery.outboxId); // its id, as published() kept it
        if (!made || made->externalId.isEmpty())
            co_return o;
    }
    co_return co_await firstComment(*made, std::move(delivery));
}

QCoro::Task<Outcome> SocialChannel::firstComment(Progress made, Delivery delivery)
{
    const Outcome done{Outcome::Kind::Accepted, 0, {}, {}, -1, made.externalId, 0};
    if (made.comment.isEmpty() || made.commentState == u"done" || made.commentState == u"failed")
        co_return done;
    // A comment in doubt (its answer lost, the app killed while it was out) is looked for first.
    if (made.commentState == u"sending" || made.commentState == u"unknown") {
        const Reconciliation r = co_await reconcile(std::move(delivery));
        if (r.verdict == Reconciliation::Verdict::Sent)
            co_return done;
        // Still not known: in doubt, for the core's reconciliation, which times its look from the
        // row's doubt (not from this attempt, which would never let it decide).
        if (r.verdict != Reconciliation::Verdict::NotSent)
            co_return Outcome{Outcome::Kind::Unknown, 0, QStringLiteral("social.comment"),
                              tr("The first comment's fate is not known yet: it is looked for again in a minute."), -1, {}, 0};
    }
    if (made.commentAttempts >= kCommentAttempts) { // its budget spent by answers lost and not found
        commentFailed(made.targetId, tr("The first comment was not made after %n attempt(s).", nullptr, made.commentAttempts));
        co_return done;
    }
    commentLeaving(made.targetId); // on disk before the call leaves
    const int attempt = made.commentAttempts + 1;
    QString post = made.externalId;
    QString text = made.comment;
    Outcome c = checked(co_await comment(std::move(post), std::move(text)));
    switch (c.kind) {
    case Outcome::Kind::Accepted: setCommentState(made.targetId, QStringLiteral("done"), c.reference); co_return done;
    case Outcome::Kind::Permanent:
        // The post stands; the comment is marked failed, with the network's reason.
        qCWarning(lcStorage) << "a first comment was refused:" << c.code << c.message;
        commentFailed(made.targetId, c.message);
        co_return done;
    case Outcome::Kind::Transient:
        if (attempt >= kCommentAttempts) {
            commentFailed(made.targetId, tr("The first comment was not made after %n attempt(s): %1", nullptr, attempt).arg(c.message));
            co_return done;
        }
        setCommentState(made.targetId, QStringLiteral("none"));
        c.ownAttempts = attempt; // the post's attempts are not the comment's
        co_return c;
    case Outcome::Kind::Unknown: setCommentState(made.targetId, QStringLiteral("unknown")); co_return c;
    }
    co_return c;
}

QCoro::Task<Reconciliation> SocialChannel::reconcile(Delivery delivery)
{
    const std::optional<Progress> made = progress(delivery.outboxId);
    if (!made || made->externalId.isEmpty()) {
        const auto message = build(delivery);
        if (!message)
            co_return Reconciliation::needsDecision(message.error().message);
        std::optional<TargetMessage> target = TargetMessage::fromJson(*message);
        if (!target)
            co_return Reconciliation::needsDecision(tr("The post could not be read."));
        Delivery asking = delivery;
        const Reconciliation r = co_await reconcilePost(std::move(asking), std::move(*target));
        if (r.verdict != Reconciliation::Verdict::Sent || !made || made->comment.isEmpty())
            co_return r;
        // The post went; its first comment is still to be made (a retry makes only the comment).
        co_return Reconciliation::notSent(tr("The post went; its first comment is made next."));
    }
    const QString state = made->commentState;
    if (made->comment.isEmpty() || state == u"done" || state == u"failed")
        co_return Reconciliation::sent(made->externalId);
    if (state == u"none")
        co_return Reconciliation::notSent(tr("The post went; its first comment is made next."));
    // The comment's answer was lost: on the post, or not.
    QString post = made->externalId;
    QString text = made->comment;
    const auto found = co_await hasComment(std::move(post), std::move(text));
    if (!found)
        co_return Reconciliation::stillUnknown();
    if (*found) {
        setCommentState(made->targetId, QStringLiteral("done"));
        co_return Reconciliation::sent(made->externalId);
    }
    const qint64 doubtSince = std::max(delivery.doubtSince, delivery.attemptedAt);
    if (doubtSince > 0 && m_clock() - doubtSince < kCommentSettleMs)
        co_return Reconciliation::stillUnknown(doubtSince + kCommentSettleMs);
    setCommentState(made->targetId, QStringLiteral("none"));
    co_return Reconciliation::notSent(tr("The post has no such comment: it is made again."));
}

Reconciliation SocialChannel::undecided(const Error &tokenError)
{
    return tokenError.code == errc::socialAuth ? Reconciliation::needsDecision(tokenError.message) : Reconciliation::stillUnknown();
}

QString SocialChannel::comparable(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).simplified();
}

QCoro::Task<Outcome> SocialChannel::comment(QString, QString)
{
    co_return Outcome{Outcome::Kind::Permanent, 0, QString(errc::socialCheck),
                      tr("%1 takes no first comment.").arg(lux::social::Networks::displayName(m_account.network)), -1, {}, 0};
}

QCoro::Task<Result<bool>> SocialChannel::hasComment(QString, QString)
{
    co_return false;
}

std::optional<SocialChannel::Progress> SocialChannel::progress(qint64 outboxId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, external_id, first_comment, comment_state, comment_attempts FROM social_targets WHERE outbox_id = ?"));
    q.addBindValue(outboxId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Progress{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString().trimmed(), q.value(3).toString(), q.value(4).toInt()};
}

void SocialChannel::commentLeaving(qint64 targetId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_targets SET comment_state = 'sending', comment_attempts = comment_attempts + 1 WHERE id = ?"));
    q.addBindValue(targetId);
    if (!q.exec())
        qCWarning(lcStorage) << "could not keep a first comment's attempt:" << q.lastError().text();
}

void SocialChannel::commentFailed(qint64 targetId, const QString &reason) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_targets SET comment_state = 'failed', comment_error = ? WHERE id = ?"));
    q.addBindValue(reason.isEmpty() ? tr("The network gave no reason.") : reason);
    q.addBindValue(targetId);
    if (!q.exec())
        qCWarning(lcStorage) << "could not keep a first comment's failure:" << q.lastError().text();
}

void SocialChannel::setCommentState(qint64 targetId, const QString &state, const QString &commentId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_targets SET comment_state = ?, comment_id = CASE WHEN ? = '' THEN comment_id ELSE ? END WHERE id = ?"));
    for (const QVariant &v : QVariantList{state, commentId.isNull() ? QStringLiteral("") : commentId,
                                          commentId.isNull() ? QStringLiteral("") : commentId, targetId})
        q.addBindValue(v);
    if (!q.exec())
        qCWarning(lcStorage) << "could not keep a first comment's state:" << q.lastError().text();
}

QCoro::Task<Outcome> SocialChannel::stagePost(Delivery delivery, QByteArray message)
{
    co_return co_await Channel::stage(std::move(delivery), std::move(message));
}

QCoro::Task<Result<QString>> SocialChannel::accessToken(lux::social::Refresher refresh)
{
    co_return co_await m_tokens->accessToken(m_account, std::move(refresh));
}

Outcome SocialChannel::checked(Outcome outcome)
{
    // Not only the token endpoint: a network that refuses the account's token on any call (revoked,
    // the password changed, the app removed) is asked to be connected again, and said so once.
    if (outcome.kind == Outcome::Kind::Permanent && outcome.code == errc::socialAuth)
        if (Status s = m_tokens->markReconnect(m_account.id, outcome.message); !s)
            qCWarning(lcStorage) << "could not mark the account to reconnect:" << s.error().message;
    return outcome;
}

Status SocialChannel::prepare(const campaigns::Campaign &campaign)
{
    if (campaign.socialAccountId != m_account.id)
        return Error(QString(errc::campaignChannel), tr("This campaign does not publish to %1.").arg(m_account.displayName()));
    return {};
}

qint64 SocialChannel::notBefore(const Delivery &, qint64 now, Hold *hold) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT paused_until FROM social_accounts WHERE id = ?"));
    q.addBindValue(m_account.id);
    const qint64 until = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    if (until <= now)
        return now;
    if (hold)
        *hold = {QString(errc::socialPaused), tr("%1's rate limit: nothing more is published to it before %2.")
                   .arg(m_account.displayName(), QLocale().toString(QDateTime::fromMSecsSinceEpoch(until), QLocale::ShortFormat))};
    return until;
}

Result<QByteArray> SocialChannel::build(const Delivery &delivery) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT t.id, t.text, (SELECT group_concat(media_id) FROM (SELECT media_id FROM social_target_media m "
                             "WHERE m.target_id = t.id ORDER BY position)), p.cancelled_at, a.status FROM social_targets t "
                             "JOIN social_posts p ON p.id = t.post_id JOIN social_accounts a ON a.id = t.account_id WHERE t.outbox_id = ?"));
    q.addBindValue(delivery.outboxId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QString(errc::socialNotFound), tr("The post of this row is gone (it was cancelled)."));
    // A cancelled post is never published, whatever brings its row back (a retry, a reconciliation).
    if (!q.value(3).isNull())
        return Error(QString(errc::socialState), tr("The post was cancelled."));
    if (q.value(4).toString() == u"removed")
        return Error(QString(errc::socialState), tr("The account was removed from LUX."));
    TargetMessage m;
    m.targetId = q.value(0).toLongLong();
    m.text = q.value(1).toString();
    for (const QString &id : q.value(2).toString().split(u',', Qt::SkipEmptyParts))
        m.mediaIds.append(id.toLongLong());
    return m.toJson();
}

Outcome SocialChannel::withoutToken(const Error &error)
{
    const bool auth = error.code == errc::socialAuth;
    return Outcome{auth ? Outcome::Kind::Permanent : Outcome::Kind::Transient, 0, error.code, error.message, auth ? -1 : 60, {}, 0};
}

void SocialChannel::published(qint64 targetId, const QString &externalId, const QString &permalink) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_targets SET external_id = ?, permalink = ?, published_at = coalesce(published_at, ?) WHERE id = ?"));
    for (const QVariant &v : QVariantList{externalId, permalink, m_clock(), targetId})
        q.addBindValue(v);
    (void)q.exec(); // the outbox row keeps the reference either way
}

QString SocialChannel::externalId(qint64 targetId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT external_id FROM social_targets WHERE id = ?"));
    q.addBindValue(targetId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool SocialChannel::isAnotherTargets(const QString &externalId, qint64 targetId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM social_targets WHERE external_id = ? AND id <> ? AND account_id = ?"));
    q.addBindValue(externalId);
    q.addBindValue(targetId);
    q.addBindValue(m_account.id);
    return q.exec() && q.next();
}

void SocialChannel::pauseAccount(qint64 until) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE social_accounts SET paused_until = max(paused_until, ?) WHERE id = ?"));
    q.addBindValue(until);
    q.addBindValue(m_account.id);
    (void)q.exec();
}

Result<QByteArray> SocialChannel::mediaBytes(qint64 mediaId, QString *mime) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT data, mime FROM media WHERE id = ?"));
    q.addBindValue(mediaId);
    if (!q.exec())
        return storage::queryError(q, QString(errc::dbRead));
    if (!q.next())
        return Error(QString(errc::socialNotFound), tr("Picture %1 is no longer in the media library.").arg(mediaId));
    if (mime)
        *mime = q.value(1).toString();
    return q.value(0).toByteArray();
}

SocialChannelFactory::SocialChannelFactory(QSqlDatabase db, QNetworkAccessManager *network, SocialConfig config, Clock clock)
    : m_db(std::move(db)), m_network(network), m_config(std::move(config)), m_clock(std::move(clock))
{
}

SocialChannelFactory::~SocialChannelFactory() = default;

QString SocialChannelFactory::missingSetup(lux::social::Network network, const SocialConfig &config)
{
    switch (network) {
    case lux::social::Network::X:
        return config.x.clientId.isEmpty()
                   ? tr("X needs the client id of your X app first: luxctl settings set social.x_client_id ID (docs/SOCIAL.md says how to make the app).")
                   : QString();
    case lux::social::Network::LinkedIn:
        return config.linkedin.clientId.isEmpty()
                   ? tr("LinkedIn needs the client id of your LinkedIn app first: luxctl settings set social.linkedin_client_id ID, and its "
                        "secret with luxctl settings secret linkedin.client_secret.")
                   : QString();
    case lux::social::Network::Instagram:
    case lux::social::Network::Facebook:
        return config.meta.appId.isEmpty()
                   ? tr("Facebook and Instagram need your Meta app's id first: luxctl settings set social.meta_app_id ID, and its secret "
                        "with luxctl settings secret meta.app_secret.")
                   : QString();
    }
    return {};
}

Result<std::unique_ptr<Channel>> SocialChannelFactory::make(const campaigns::Campaign &campaign)
{
    if (!campaign.socialAccountId)
        return Error(QString(errc::campaignChannel), tr("A social campaign belongs to an account."));
    const auto account = lux::social::AccountStore(m_db, m_clock).find(*campaign.socialAccountId);
    if (!account)
        return account.error();
    if (!m_tokens)
        m_tokens = std::make_unique<lux::social::TokenKeeper>(m_db, m_config.secrets,
                                                               QUuid::createUuid().toString(QUuid::WithoutBraces), m_clock);
    if (const QString missing = missingSetup(account->network, m_config); !missing.isEmpty())
        return Error(QString(errc::socialAuth), missing);
    switch (account->network) {
    case lux::social::Network::X:
        if (!m_x)
            m_x = std::make_unique<x::XClient>(m_network, m_config.x);
        return std::unique_ptr<Channel>(std::make_unique<x::XChannel>(m_db, *account, m_x.get(), m_tokens.get(), m_clock));
    case lux::social::Network::LinkedIn:
        if (!m_linkedin)
            m_linkedin = std::make_unique<linkedin::LinkedInClient>(m_network, m_config.linkedin);
        return std::unique_ptr<Channel>(std::make_unique<linkedin::LinkedInChannel>(m_db, *account, m_linkedin.get(), m_tokens.get(), m_clock));
    case lux::social::Network::Instagram:
    case lux::social::Network::Facebook: {
        if (!m_meta)
            m_meta = std::make_unique<meta::MetaClient>(m_network, m_config.meta);
        // Without a tracker a post without pictures still goes to Facebook; one with pictures says why not.
        const SocialConfig::MediaHosting &hosting = m_config.media;
        if (!m_media && hosting.trackerUrl.isValid() && !hosting.trackerUrl.isEmpty())
            if (const auto ring = tracking::KeyRing::parse(hosting.keys); ring && !ring->isEmpty())
                m_media = std::make_unique<lux::social::MediaHost>(m_network, hosting.trackerUrl, hosting.apiToken, *ring, hosting.urlMinutes,
                                                                   m_clock);
        if (account->network == lux::social::Network::Facebook)
            return std::unique_ptr<Channel>(
                std::make_unique<meta::FacebookChannel>(m_db, *account, m_meta.get(), m_tokens.get(), m_media.get(), m_clock));
        return std::unique_ptr<Channel>(
            std::make_unique<meta::InstagramChannel>(m_db, *account, m_meta.get(), m_tokens.get(), m_media.get(), m_clock));
    }
    }
    return Error(QString(errc::campaignChannel),
                 tr("This version of LUX cannot publish to %1.").arg(lux::social::Networks::displayName(account->network)));
}

} // namespace lux::channels::social
