// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lux {

QString installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *lux = new QTranslator(qApp);
    // A locale the app has no file for (the C locale of a bare session, German) falls back to
    // English, whose file carries the plural forms: "1 campaign", "0 campaigns", never "campaign(s)".
    if (lux->load(locale, QStringLiteral("lux"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || lux->load(QLocale(QLocale::English), QStringLiteral("lux"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(lux);
    else
        delete lux;
    return locale.name();
}

} // namespace lux
