// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"
#include "channels/social/tokens.h"
#include "channels/social/linkedin/linkedinclient.h"
#include "channels/social/meta/metaclient.h"
#include "channels/social/x/xclient.h"
#include "common/clock.h"
#include "secrets/secretstore.h"
#include "social/accountstore.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

class QNetworkAccessManager;

namespace lux::social {
class MediaHost;
}

namespace lux::channels::social {

// Where the networks are and who the app is at each; the keychain the accounts' tokens live in.
struct SocialConfig
{
    x::XConfig x;
    linkedin::LinkedInConfig linkedin;
    meta::MetaConfig meta;
    // Where Facebook and Instagram fetch a post's pictures from: lux-tracker (its address, API token and
    // the signing keys it was given), addresses valid urlMinutes.
    struct MediaHosting
    {
        QUrl trackerUrl;
        QByteArray apiToken, keys;
        int urlMinutes = 60;
    } media;
    SecretStore secrets;
};

// A target as its network channel sends it: read from the database by its outbox row.
struct TargetMessage
{
    qint64 targetId = 0;
    QString text;
    QList<qint64> mediaIds;

    QByteArray toJson() const;
    static std::optional<TargetMessage> fromJson(const QByteArray &json);
};

// What every network's channel shares (the channel "social": a social account's standing campaign,
// one outbox row per post and account, social/poststore.h): the account read at prepare(), its
// tokens, the target's text and pictures as the message, the account's pause (a rate limit's reset)
// as the row's earliest time, what the network made of the post kept on the target, and an account
// the network refuses (401, Meta's 190) marked to be connected again, whichever call it was. A
// network's channel implements publish() (and stagePost() when it stages) and reconcilePost(), and
// calls published() when it knows the post's id.
//
// A first comment (Instagram, Facebook, LinkedIn) is part of the same delivery: the row is sent when
// the post and its comment are both made. Once the post exists it is never made again (its id is on
// the target); the comment's state is committed before and after its one call (comment_state none →
// sending → done), a comment in doubt is looked for on the post before it is made again (a second
// look minutes after the doubt decides "not made"), a comment that meets transient failures is tried
// on its own budget (kCommentAttempts), and a comment the network refuses for good, or that used its
// budget, leaves the post published with the comment marked failed and the reason kept.
class SocialChannel : public Channel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::SocialChannel)
public:
    SocialChannel(QSqlDatabase db, lux::social::Account account, lux::social::TokenKeeper *tokens, Clock clock);

    QString id() const override { return QStringLiteral("social"); }
    Status prepare(const campaigns::Campaign &campaign) override;
    qint64 notBefore(const Delivery &delivery, qint64 now, Hold *hold) const override;
    bool hasWindows() const override { return true; }
    Result<QByteArray> build(const Delivery &delivery) const override;
    QCoro::Task<Outcome> stage(Delivery delivery, QByteArray message) final;
    QCoro::Task<Outcome> submit(Delivery delivery, QByteArray message) final;
    QCoro::Task<Reconciliation> reconcile(Delivery delivery) final;

    static constexpr qint64 kCommentSettleMs = 120'000; // as a post's: a second look, minutes after the doubt
    // The tries a first comment has once its post exists, its own (the post's retries do not use them
    // up): after these the post stands and the comment is marked failed with the network's reason.
    static constexpr int kCommentAttempts = 6;

protected:
    // The network's side of stage() and submit().
    virtual QCoro::Task<Outcome> stagePost(Delivery delivery, QByteArray message);
    virtual QCoro::Task<Outcome> publish(Delivery delivery, QByteArray message) = 0;
    // A delivery in doubt whose post is not known to exist yet; `target` is its post as built.
    virtual QCoro::Task<Reconciliation> reconcilePost(Delivery delivery, TargetMessage target) = 0;
    // A delivery in doubt that cannot be looked up without the token: the user decides when the
    // account must be connected again, else it is asked again later.
    static Reconciliation undecided(const Error &tokenError);
    // A text as compared after a lost answer: NFC, spaces collapsed.
    static QString comparable(const QString &text);
    // A comment on the network's post `postId` (one-shot); networks without first comments refuse it.
    virtual QCoro::Task<Outcome> comment(QString postId, QString text);
    // Whether the post has a comment of this account with this text.
    virtual QCoro::Task<Result<bool>> hasComment(QString postId, QString text);
    // The access token to call the network with, renewed first when due (`refresh` asks the network).
    QCoro::Task<Result<QString>> accessToken(lux::social::Refresher refresh);
    // The post's id and address at the network, kept on its target.
    void published(qint64 targetId, const QString &externalId, const QString &permalink) const;
    // A delivery whose access token could not be had: failed when the account must be connected
    // again (social.auth), else tried again in a minute (the network or the keychain did not answer).
    static Outcome withoutToken(const Error &error);
    // Nothing more on this account until `until` (ms): a rate limit's reset.
    void pauseAccount(qint64 until) const;
    Result<QByteArray> mediaBytes(qint64 mediaId, QString *mime) const;
    // The network's id for the target's post, when it is known (empty otherwise).
    QString externalId(qint64 targetId) const;
    // Whether the network's post `externalId` is already another target's.
    bool isAnotherTargets(const QString &externalId, qint64 targetId) const;

    QSqlDatabase m_db;
    lux::social::Account m_account;
    lux::social::TokenKeeper *m_tokens;
    Clock m_clock;

private:
    // A refusal of the account's sign-in marks it "reconnect", with the network's words.
    Outcome checked(Outcome outcome);
    // What the target of an outbox row has made so far.
    struct Progress
    {
        qint64 targetId = 0;
        QString externalId, comment, commentState;
        int commentAttempts = 0;
    };
    std::optional<Progress> progress(qint64 outboxId) const;
    void setCommentState(qint64 targetId, const QString &state, const QString &commentId = {}) const;
    // A comment call is leaving: "sending" and its count, in one write before the call.
    void commentLeaving(qint64 targetId) const;
    // The comment is given up: the post stands, the reason kept on the target.
    void commentFailed(qint64 targetId, const QString &reason) const;
    // The post exists: its first comment, once.
    QCoro::Task<Outcome> firstComment(Progress made, Delivery delivery);
};

// Makes the channel for a social account's campaign: the network's, with its client and the token
// keeper. One per run, on the thread that runs it.
class SocialChannelFactory
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::SocialChannelFactory)
public:
    SocialChannelFactory(QSqlDatabase db, QNetworkAccessManager *network, SocialConfig config, Clock clock = systemClock());
    // What is missing to reach `network` with `config`: its app's id, said with the settings to set
    // (the window's and luxctl's sign-in ask before the browser opens); empty when it is set up.
    static QString missingSetup(lux::social::Network network, const SocialConfig &config);
    ~SocialChannelFactory();
    Result<std::unique_ptr<Channel>> make(const campaigns::Campaign &campaign);

private:
    QSqlDatabase m_db;
    QNetworkAccessManager *m_network;
    SocialConfig m_config;
    Clock m_clock;
    std::unique_ptr<lux::social::TokenKeeper> m_tokens;
    std::unique_ptr<x::XClient> m_x;
    std::unique_ptr<linkedin::LinkedInClient> m_linkedin;
    std::unique_ptr<meta::MetaClient> m_meta;
    std::unique_ptr<lux::social::MediaHost> m_media;
};

} // namespace lux::channels::social
