// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registrationdesk.h"

#include <QByteArray>
#include <QHash>
#include <QString>

class QTranslator;

namespace lux::tracker {

// The pages' words in one language: through `translator` (the embedded lux_<code>.qm), or the
// English source text without one. The strings are marked with QT_TRANSLATE_NOOP (QT_TRANSLATE_N_NOOP
// for counts) so lupdate puts them in translations/lux_*.ts under the context "lux::tracker::Pages".
class PageText
{
public:
    explicit PageText(const QTranslator *translator) : m_translator(translator) {}
    QString operator()(const char *source) const;
    QString operator()(const char *source, int n) const; // %n replaced, the plural form chosen by n

private:
    const QTranslator *m_translator;
};

// A small page: plain HTML and CSS, readable on a phone, nothing from anywhere else.
QByteArray htmlPage(const QString &language, const QString &title, const QString &body, bool wide = false);

// The registration pages (GET /e/<slug>, its embeddable form, the answers to a post, the confirm and
// cancel buttons). The only script is kProofOfWorkScript, allowed by its hash in the CSP.
class EventPages
{
public:
    struct FormState
    {
        const FormDefinition *form = nullptr;
        int taken = 0;
        bool embed = false;
        QByteArray challenge{}; // empty: no proof of work
        QHash<QString, QString> values{}; // what was posted, shown again with the errors
        QHash<QString, QString> errors{}; // field → why
        qint64 now = 0;
    };

    static const QByteArray &script();
    static QByteArray scriptCspHash(); // "'sha256-…'"
    static QByteArray contentSecurityPolicy(bool embed);

    static QByteArray form(const PageText &t, const FormState &s);
    static QByteArray answer(const PageText &t, const FormDefinition &form, const Registration &r, bool embed, const QString &cancelPath);
    // An address registered already: the email it was sent has the details (nothing more is said).
    static QByteArray registeredAlready(const PageText &t, const FormDefinition &form, bool embed);
    static QByteArray button(const PageText &t, const FormDefinition &form, bool confirm);
    static QByteArray confirmed(const PageText &t, const FormDefinition &form, const Registration &r, bool unchanged);
    static QByteArray cancelled(const PageText &t, const FormDefinition &form, bool unchanged);
    static QByteArray message(const PageText &t, const QString &language, const QString &heading, const QString &text);
};

} // namespace lux::tracker
