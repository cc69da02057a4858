// SPDX-License-Identifier: GPL-3.0-or-later
#include "signature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

#include <sodium.h>

namespace lux::twilio {

namespace {

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    // Lengths are not secret (a signature is always 28 characters); the bytes are.
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

int defaultPort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}

// The URL as Twilio may have signed it: as given; without a port it has, whichever (twilio-python's
// remove_port and twilio-node's removePort drop any port, and twilio-python's published test accepts
// https://mycompany.com:1234/... with the signature of the URL without ":1234"); with the default
// port written out when it has none.
QStringList urlForms(const QString &url)
{
    QStringList forms{url};
    QUrl parsed(url, QUrl::StrictMode);
    const int port = defaultPort(parsed);
    if (!parsed.isValid() || port < 0)
        return forms;
    if (parsed.port() == -1) {
        parsed.setPort(port);
        forms << parsed.toString(QUrl::FullyEncoded);
    } else {
        parsed.setPort(-1);
        forms << parsed.toString(QUrl::FullyEncoded);
    }
    return forms;
}

} // namespace

QByteArray sign(QByteArrayView authToken, const QString &url, const FormParams &params)
{
    FormParams sorted = params;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : std::as_const(sorted)) {
        data += name.toUtf8();
        data += value.toUtf8();
    }
    return QMessageAuthenticationCode::hash(data, authToken.toByteArray(), QCryptographicHash::Sha1).toBase64();
}

bool verify(QByteArrayView authToken, const QString &url, const FormParams &params, QByteArrayView signature)
{
    if (authToken.isEmpty() || signature.isEmpty())
        return false;
    bool ok = false;
    for (const QString &form : urlForms(url))
        ok = sameBytes(sign(authToken, form, params), signature) || ok; // every form is tried, whatever came first
    return ok;
}

bool verifyJson(QByteArrayView authToken, const QString &url, QByteArrayView body, QByteArrayView signature)
{
    const QUrlQuery query(QUrl(url, QUrl::StrictMode));
    const QByteArray claimed = query.queryItemValue(QStringLiteral("bodySHA256"), QUrl::FullyDecoded).toLatin1().toLower();
    const QByteArray actual = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    const bool bodyOk = sameBytes(actual, claimed);
    const bool signed_ = verify(authToken, url, {}, signature);
    return bodyOk && signed_;
}

FormParams parseForm(QByteArrayView body)
{
    FormParams out;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = body.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = (eq < 0 ? pair : pair.first(eq)).toByteArray().replace('+', ' ');
        QByteArray value = (eq < 0 ? QByteArray() : pair.sliced(eq + 1).toByteArray()).replace('+', ' ');
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)), QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return out;
}

} // namespace lux::twilio
