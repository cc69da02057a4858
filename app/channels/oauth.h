// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace lux::channels::oauth {

// RFC 7636 (PKCE): a code verifier, 64 characters of [A-Za-z0-9-._~] from the system's random source,
// and the S256 challenge sent with the authorization request for it.
QByteArray newVerifier();
QByteArray challengeFor(const QByteArray &verifier);
// An authorization request's `state`: 32 random bytes, base64url; the callback must bring it back.
QByteArray newState();

} // namespace lux::channels::oauth
