// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/token.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace lux::tracking {

// The code of an SMS short link, https://t.example.com/s/<code>: 20 base64url characters, so the
// whole path ("/s/" and the code) is 23 characters, under the 24 a text can spare.
//
// The code is 15 bytes: the campaign, the recipient (the outbox row) and the link as varints (as in
// TokenCodec), then as much of HMAC-SHA256 as fills the rest, at least 6 bytes (48 bits), keyed by
// the same ring as the email tokens, over a label of its own so no email token can pass for one. No
// key id is written (it would cost a byte of MAC): verify() tries every key of the ring. Nothing is
// registered per recipient: the app makes the codes while it sends, and lux-tracker needs only the
// campaign's links, registered as for email. A forger must guess at least 48 bits per try, and the
// per-address rate limit (20 a second by default) makes that some 200,000 years per address; what
// a forged code would get is a click counted and a redirect to a link the app registered.
//
// Purpose is always Click; recipient 0 is a test send, as for email. Numbers too large to leave 6
// bytes of MAC (their varints past 9 bytes: a campaign past two million with a recipient past 268
// million, say) have no code: sign() returns an empty string and the app sends the link untracked.
class ShortLinkCodec
{
public:
    static constexpr int kRawBytes = 15;
    static constexpr int kChars = 20;
    static constexpr int kMinMacBytes = 6;

    explicit ShortLinkCodec(KeyRing keys) : m_keys(std::move(keys)) {}

    // Empty when the numbers do not fit, or the campaign or link is 0.
    QString sign(quint64 campaign, quint64 recipient, quint32 link) const;
    // The claims of a code signed by any key of the ring (keyId says which), std::nullopt for
    // anything else. MACs are compared in constant time, with every key tried whatever matched.
    std::optional<Claims> verify(QByteArrayView code) const;

    static bool fits(quint64 campaign, quint64 recipient, quint32 link);

private:
    KeyRing m_keys;
};

} // namespace lux::tracking
