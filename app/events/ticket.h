// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "tracking/token.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace lux::events {

// A registration's ticket: a token of the tracking scheme (HMAC-SHA256 over the event and the
// registration, the key ring's signing key, compared in constant time) with its own purpose, so no
// open, click or unsubscribe token can pass for one and a ticket cannot unsubscribe anyone. It is
// what the confirmation's QR code holds and what a USB scanner types at the door.
struct TicketClaims
{
    quint64 event = 0;
    quint64 registration = 0;
};

class Ticket
{
    Q_DECLARE_TR_FUNCTIONS(lux::events::Ticket)
public:
    static QString sign(const tracking::TokenCodec &codec, const TicketClaims &claims);
    // The claims of a ticket the ring signed; nullopt for anything else. Spaces and line ends a
    // scanner adds around what it read are ignored.
    static std::optional<TicketClaims> read(const tracking::TokenCodec &codec, QStringView scanned);

    // The code as a QR code (libqrencode, error correction M, a quiet zone of four modules), as an
    // 8-bit greyscale PNG of `scale` pixels a module, for the confirmation email.
    static Result<QByteArray> qrPng(const QString &code, int scale = 8);
};

} // namespace lux::events
