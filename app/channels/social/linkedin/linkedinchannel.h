// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/social/socialchannel.h"

namespace lux::channels::social::linkedin {

// Posting to LinkedIn (provider-contracts.md §5.3) as a member or an organisation (the account's
// external id is the author URN). Pictures are uploaded at each attempt and posted once LinkedIn has
// processed them (an unreferenced image is harmless); the text goes as little text with every
// reserved character escaped, or LinkedIn would cut it at the first one. The post is one call that
// LinkedIn cannot deduplicate, so it is sent once; a post in doubt is looked for among the author's
// recent posts (an organisation's; a member cannot read theirs without a restricted scope, so the
// user decides), as X's is. A daily limit pauses the account until midnight UTC.
class LinkedInChannel : public SocialChannel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::linkedin::LinkedInChannel)
public:
    LinkedInChannel(QSqlDatabase db, lux::social::Account account, LinkedInClient *client, lux::social::TokenKeeper *tokens, Clock clock);

    Pace pace() const override { return {0, 0, 0, 1}; }

    static QString permalink(const QString &postUrn);

    static constexpr qint64 kListSettleMs = 120'000; // as X's: a second look, minutes after the doubt
    static constexpr qint64 kClockSkewMs = 120'000;
    static constexpr int kImageLooks = 10;          // a second apart, before the attempt waits
    static constexpr int kListCount = 50;

protected:
    QCoro::Task<Outcome> publish(Delivery delivery, QByteArray message) override;
    QCoro::Task<Reconciliation> reconcilePost(Delivery delivery, TargetMessage target) override;
    QCoro::Task<Outcome> comment(QString postId, QString text) override;
    QCoro::Task<Result<bool>> hasComment(QString postId, QString text) override;

private:
    QCoro::Task<Result<QString>> token();

    LinkedInClient *m_client;
};

} // namespace lux::channels::social::linkedin
