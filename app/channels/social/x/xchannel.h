// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/social/socialchannel.h"

namespace lux::channels::social::x {

// Posting to X (provider-contracts.md §5.4). Pictures are uploaded first at each attempt (a media id
// is harmless and expires); the post itself is one call that X cannot deduplicate, so it is sent
// once, and a post in doubt (no answer, a 5xx, a crash) is looked for in the account's timeline
// since the attempt: the same text (X's t.co links and entity escaping undone) decides it; nothing
// there after a settling delay means it did not go; a plan that cannot read the timeline leaves it
// to the user. A spent rate-limit window pauses the account until X's reset.
class XChannel : public SocialChannel
{
    Q_DECLARE_TR_FUNCTIONS(lux::channels::social::x::XChannel)
public:
    XChannel(QSqlDatabase db, lux::social::Account account, XClient *client, lux::social::TokenKeeper *tokens, Clock clock);

    Pace pace() const override { return {0, 0, 0, 1}; }

    // A text as compared after a lost answer: NFC, every link one mark (X shows ours as t.co
    // links), spaces collapsed; X's own &amp; &lt; &gt; undone when it is the text as X shows it.
    static QString comparable(const QString &text, bool asShownByX);

    // A post not in the timeline is taken as not made only when the doubt is this old: X lists a
    // new post after a moment, and the core asks again a minute later (Dispatcher::kUnsettledLookMs),
    // so the answer comes from a second look, minutes after the first.
    static constexpr qint64 kListSettleMs = 120'000;
    static constexpr qint64 kClockSkewMs = 120'000;

protected:
    QCoro::Task<Outcome> publish(Delivery delivery, QByteArray message) override;
    QCoro::Task<Reconciliation> reconcilePost(Delivery delivery, TargetMessage target) override;

private:
    QCoro::Task<Result<QString>> token();
    QString permalink(const QString &id) const;

    XClient *m_client;
};

} // namespace lux::channels::social::x
