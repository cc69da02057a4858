// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace lux::twilio {

// A request's form parameters as they arrived, decoded (a key may repeat).
using FormParams = QList<QPair<QString, QString>>;

// Twilio's request signature (X-Twilio-Signature; provider-contracts.md §2): base64 of
// HMAC-SHA1, keyed with the account's Auth Token, over the full URL Twilio called followed by
// every form parameter's name and value, sorted by name (a repeated name: its values sorted, each
// once), with nothing in between. For a JSON body the form part is empty and the URL carries
// `bodySHA256`, the hex SHA-256 of the body.
QByteArray sign(QByteArrayView authToken, const QString &url, const FormParams &params);

// Whether `signature` (the header's value) signs this request. The URL is tried as given, with its
// scheme's default port added when it has no port, and without the port it has (any port), as
// Twilio's own libraries do (a proxy may add or drop ":443"). Every comparison takes the same time
// whatever the bytes.
bool verify(QByteArrayView authToken, const QString &url, const FormParams &params, QByteArrayView signature);

// A JSON body: the URL's `bodySHA256` must be the body's hash (compared in constant time) and the
// signature must sign the URL alone.
bool verifyJson(QByteArrayView authToken, const QString &url, QByteArrayView body, QByteArrayView signature);

// application/x-www-form-urlencoded, as Twilio posts it: '+' is a space, %XX a byte, UTF-8.
FormParams parseForm(QByteArrayView body);

} // namespace lux::twilio
