// SPDX-License-Identifier: GPL-3.0-or-later
#include "seoreport.h"

#include "contacts/csvreader.h"
#include "seo/analyzer.h"
#include "seotext.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace lux::ui {

namespace {

QString csvRecord(const QStringList &cells)
{
    QStringList out;
    for (const QString &c : cells)
        out << contacts::CsvReader::neutralise(c); // OWASP CSV injection: a page's text is anyone's
    return contacts::CsvReader::formatRecord(out);
}

// When the page was analysed (SeoPage adds it: now, or the history's time), else now.
QDateTime analysedAt(const QJsonObject &analysis)
{
    const qint64 at = qint64(analysis.value(QStringLiteral("analysed_at")).toDouble());
    return at > 0 ? QDateTime::fromMSecsSinceEpoch(at) : QDateTime::currentDateTime();
}

QString lineText(const QJsonObject &o)
{
    const int line = o.value(QStringLiteral("line")).toInt();
    return line > 0 ? QString::number(line) : QString();
}

} // namespace

QString SeoReport::analysisCsv(const QJsonObject &analysis)
{
    QStringList lines;
    lines << csvRecord({tr("Address"), analysis.value(QStringLiteral("final_url")).toString()});
    lines << csvRecord({tr("HTTP status"), QString::number(analysis.value(QStringLiteral("status")).toInt())});
    lines << csvRecord({tr("SEO score"), QString::number(analysis.value(QStringLiteral("score")).toInt())});
    lines << csvRecord({tr("Words"), QString::number(analysis.value(QStringLiteral("words")).toInt())});
    lines << QString();
    lines << csvRecord({tr("Kind"), tr("Check"), tr("Result"), tr("Message"), tr("Line"), tr("Element"), tr("Why it matters"), tr("Fix")});
    const QJsonObject audits = analysis.value(QStringLiteral("audits")).toObject();
    for (const QString &id : seo::Analyzer::auditIds()) {
        const QJsonObject audit = audits.value(id).toObject();
        const QString verdict = audit.value(QStringLiteral("verdict")).toString();
        const QJsonObject details = audit.value(QStringLiteral("details")).toObject();
        lines << csvRecord({tr("Lighthouse audit"), id, SeoText::verdict(verdict), SeoText::auditTitle(id, verdict), QString(), QString(),
                            details.value(QStringLiteral("explanation")).toString(), QString()});
        for (const QJsonValue &item : details.value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = item.toObject();
            lines << csvRecord({tr("Lighthouse audit"), id, SeoText::verdict(verdict), o.value(QStringLiteral("message")).toString(), lineText(o),
                                o.value(QStringLiteral("snippet")).toString(), QString(), QString()});
        }
    }
    for (const QJsonValue &v : analysis.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        lines << csvRecord({tr("Finding"), f.value(QStringLiteral("check")).toString(), SeoText::severity(f.value(QStringLiteral("severity")).toString()),
                            f.value(QStringLiteral("message")).toString(), lineText(f), f.value(QStringLiteral("snippet")).toString(),
                            f.value(QStringLiteral("why")).toString(), f.value(QStringLiteral("fix")).toString()});
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

QByteArray SeoReport::analysisPdf(const QJsonObject &analysis, const QImage &preview)
{
    const QLocale locale;
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html;
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("SEO analysis")));
    html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(esc(analysis.value(QStringLiteral("final_url")).toString()),
                     esc(tr("HTTP %1 · SEO score %2 of 100 · %n word(s) · analysed %3", nullptr, analysis.value(QStringLiteral("words")).toInt())
                             .arg(analysis.value(QStringLiteral("status")).toInt())
                             .arg(analysis.value(QStringLiteral("score")).toInt())
                             .arg(locale.toString(analysedAt(analysis), QLocale::ShortFormat))));
    if (!preview.isNull())
        html += QStringLiteral("<p><img src=\"lux:preview\" width=\"%1\"></p>").arg(qMin(preview.width(), 640));
    const QJsonObject audits = analysis.value(QStringLiteral("audits")).toObject();
    for (const QString &group : {QStringLiteral("seo-crawl"), QStringLiteral("seo-content")}) {
        html += QStringLiteral("<h2>%1</h2><ul>").arg(esc(SeoText::groupTitle(group)));
        for (const QString &id : seo::Analyzer::auditIds()) {
            if (seo::Analyzer::auditGroup(id) != group)
                continue;
            const QJsonObject audit = audits.value(id).toObject();
            const QString verdict = audit.value(QStringLiteral("verdict")).toString();
            const QString explanation = audit.value(QStringLiteral("details")).toObject().value(QStringLiteral("explanation")).toString();
            html += QStringLiteral("<li><b>%1</b>: %2%3</li>")
                        .arg(esc(SeoText::verdict(verdict)), esc(SeoText::auditTitle(id, verdict)),
                             explanation.isEmpty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(esc(explanation)));
        }
        html += QStringLiteral("</ul>");
    }
    const QJsonArray findings = analysis.value(QStringLiteral("findings")).toArray();
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("%n finding(s)", nullptr, int(findings.size()))));
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        const QString line = lineText(f);
        html += QStringLiteral("<p><b>%1: %2</b>%3<br>%4<br>%5%6</p>")
                    .arg(esc(SeoText::severity(f.value(QStringLiteral("severity")).toString())), esc(f.value(QStringLiteral("message")).toString()),
                         line.isEmpty() ? QString() : esc(tr(" (line %1)").arg(line)),
                         esc(tr("Why: %1").arg(f.value(QStringLiteral("why")).toString())),
                         esc(tr("Fix: %1").arg(f.value(QStringLiteral("fix")).toString())),
                         f.value(QStringLiteral("snippet")).toString().isEmpty()
                             ? QString()
                             : QStringLiteral("<br><code>%1</code>").arg(esc(f.value(QStringLiteral("snippet")).toString())));
    }

    QTextDocument doc;
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("lux:preview")), preview);
    doc.setHtml(html);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setTitle(tr("SEO analysis of %1").arg(analysis.value(QStringLiteral("final_url")).toString()));
    pdf.setCreator(QStringLiteral("LUX Marketing"));
    doc.print(&pdf);
    return bytes;
}

} // namespace lux::ui
