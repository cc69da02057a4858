// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>

namespace lux::ui {

// A page's analysis (seo::Analysis::toJson, as analysed now or read from its history) as a file to
// share: CSV with one row per audit and finding, or a PDF with the score, the search result's picture
// and every finding with why and the fix.
class SeoReport
{
    Q_DECLARE_TR_FUNCTIONS(lux::ui::SeoReport)
public:
    static QString analysisCsv(const QJsonObject &analysis);
    static QByteArray analysisPdf(const QJsonObject &analysis, const QImage &preview);
};

} // namespace lux::ui
