// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "tracking/shortlink.h"
#include "tracking/token.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QHash>
#include <QSqlDatabase>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace lux::campaigns {
struct Campaign;
}

namespace lux::tracking {

// Rewrites the links of rendered email HTML and adds the open pixel. Only <a href> with an
// absolute http(s) address is touched; mailto:, tel:, anchors and the unsubscribe link are not.
// The plain-text part gets the same for its bare http(s) addresses (textLinks, rewriteText): an
// address ends at white space, a quote or an angle bracket, without the sentence's punctuation
// after it and without a closing parenthesis it does not open.
class LinkRewriter
{
public:
    // The distinct trackable addresses of `html`, in document order (HTML entities decoded).
    static QStringList links(const QString &html, const QString &skip = {});
    // `html` with each trackable href for which `replace` gives an address replaced by it.
    static QString rewrite(const QString &html, const std::function<QString(const QString &url)> &replace);
    // The distinct http(s) addresses written in the plain text `text`, in order.
    static QStringList textLinks(const QString &text, const QString &skip = {});
    // `text` with each address for which `replace` gives another replaced by it.
    static QString rewriteText(const QString &text, const std::function<QString(const QString &url)> &replace);
    // `html` with a 1×1 image before </body> (or at the end).
    static QString addPixel(const QString &html, const QString &src);
};

// What a campaign's messages need for unsubscribing and tracking. With lux-tracker: the signed
// one-click unsubscribe link always; when the campaign tracks, its links (of the HTML and the text
// part) numbered, registered with the tracker before the first message goes out, rewritten in each
// message, and the open pixel, per person or anonymous. Without a tracker (no address): a mailto:
// unsubscribe address carrying the same signed token, and nothing tracked.
class CampaignTracking
{
    Q_DECLARE_TR_FUNCTIONS(lux::tracking::CampaignTracking)
public:
    struct Config
    {
        QString trackerUrl; // https://track.example.com
        QByteArray keys;    // the KeyRing text
        QByteArray apiToken;
    };
    // Checks the address (when there is one) and the keys; says what is missing and where to set it.
    static Result<CampaignTracking> create(const Config &config);

    // Whether a tracker is configured. Without one, messages unsubscribe by email and nothing is
    // tracked, whatever the campaign's tracking setting.
    bool hasTracker() const { return !base().isEmpty(); }

    // The unsubscribe address of one message (List-Unsubscribe and {{unsubscribe_url}}): the
    // tracker's one-click link, or without a tracker unsubscribeMailto() to `sender`.
    QString unsubscribeAddress(const QString &sender, qint64 campaignId, qint64 outboxId, Language language) const;
    // `language`: the contact's, so lux-tracker shows the unsubscribe page in it (Unknown: English).
    QString unsubscribeUrl(qint64 campaignId, qint64 outboxId, Language language = Language::Unknown) const;
    // The unsubscribe address by email, to the mailbox `sender` ("local@domain") that sends the
    // message, carrying the signed Unsubscribe token (campaign, outbox row, language) that the
    // one-click link would carry. The token goes in the address tag,
    //   mailto:<local>+unsub-<TOKEN>@<domain>,
    // when the tagged local part stays within 64 octets (RFC 5321 §4.5.3.1.1), else in the subject,
    //   mailto:<local>@<domain>?subject=unsubscribe%20<TOKEN>.
    // The mailbox reader (app/mailbox) finds either form, verifies the token with the same keys and
    // applies it as a one-click unsubscribe. This format is a contract with it: change both or neither.
    QString unsubscribeMailto(const QString &sender, qint64 campaignId, qint64 outboxId, Language language = Language::Unknown) const;
    static constexpr int kMaxLocalPartOctets = 64;
    // `anonymous`: the token names no recipient (AnonymousOpen, AnonymousClick) and `outboxId` is
    // not used; the tracker then only counts.
    QString openUrl(qint64 campaignId, qint64 outboxId, bool anonymous = false) const;
    QString clickUrl(qint64 campaignId, qint64 outboxId, quint32 linkId, bool anonymous = false) const;

    // Numbers the links of the campaign's message (rendered without a contact, so links that
    // differ per contact are left alone) in campaign_links, keeping the numbers given before.
    Status prepareLinks(QSqlDatabase db, const campaigns::Campaign &campaign) const;
    // Sends lux-tracker the links it does not have yet and marks them registered.
    QCoro::Task<Status> registerLinks(QNetworkAccessManager *network, QSqlDatabase db, qint64 campaignId) const;
    // The campaign's link numbers by address, for decorate().
    static Result<QHash<QString, quint32>> loadLinks(QSqlDatabase db, qint64 campaignId);
    // One recipient's HTML with its links through the tracker and the pixel.
    QString decorate(const QString &html, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links,
                     bool anonymous = false) const;
    // One recipient's plain text with its links through the tracker (the same link numbers).
    QString decorateText(const QString &text, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links,
                         bool anonymous = false) const;

    // A text's links through the tracker's short links (https://t.example.com/s/<code>, 23
    // characters after the host, fitting an SMS), one code per recipient and link; a link whose
    // numbers do not fit a code, or that the campaign did not number, is left as written.
    QString shortenText(const QString &text, qint64 campaignId, qint64 outboxId, const QHash<QString, quint32> &links) const;

    const Config &config() const { return m_config; }
    QUrl apiUrl(const QString &path) const;

private:
    CampaignTracking(Config config, TokenCodec codec, ShortLinkCodec shortLinks)
        : m_config(std::move(config)), m_codec(std::move(codec)), m_short(std::move(shortLinks))
    {
    }
    QString base() const;
    // The click address of a link of `links` (empty for any other), for the rewriters.
    std::function<QString(const QString &)> clicks(const QHash<QString, quint32> &links, qint64 campaignId, qint64 outboxId,
                                                   bool anonymous) const;

    Config m_config;
    TokenCodec m_codec;
    ShortLinkCodec m_short;
};

} // namespace lux::tracking
