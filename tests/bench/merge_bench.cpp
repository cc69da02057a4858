// SPDX-License-Identifier: GPL-3.0-or-later
// Personalization plus MIME for N recipients on one thread: the template (a 7 KB newsletter with
// merge tags, a component and a section) is compiled once, its text part derived once as a text
// template, then for each recipient the values are filled, both parts merged and the whole message
// built with vmime. Prints messages per second.
//   lux-merge-bench [N] [--merge-only | --vmime-each]
// (default 100000; --merge-only leaves MIME out; --vmime-each builds every message with vmime instead of
// the campaign's MimeTemplate)
#include "content/emailhtml.h"
#include "content/mergetemplate.h"
#include "content/mimemessage.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace lux::content;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const bool mergeOnly = app.arguments().contains(QStringLiteral("--merge-only"));
    const bool vmimeEach = app.arguments().contains(QStringLiteral("--vmime-each"));
    const MergeFields fields = MergeFields::standard({QStringLiteral("plan")});
    QString article;
    for (int i = 0; i < 12; ++i)
        article += QStringLiteral(
            "<tr><td style=\"padding:16px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#333333\">"
            "<h2 style=\"margin:0 0 8px;font-size:20px\">Story %1: what we made this spring</h2>"
            "<p style=\"margin:0 0 12px\">{{#company}}For the team at {{company}}: {{/company}}a paragraph of real length about the "
            "product, with enough words to look like a newsletter that people actually send to their lists every month.</p>"
            "<a href=\"https://acme.example/stories/%1?utm_source=newsletter\" style=\"color:#0d6efd\">Read story %1</a></td></tr>\n")
                       .arg(i);
    const QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{subject}}</title></head>"
                                        "<body style=\"margin:0;background:#f4f4f4\"><span style=\"display:none\">{{preheader}}</span>"
                                        "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" align=\"center\">"
                                        "<tr><td><h1>Hi {{first_name | default: \"there\"}},</h1></td></tr>\n")
                         + article + QStringLiteral("<tr><td>Your plan: {{plan}}</td></tr></table>{{> footer}}</body></html>");
    const QHash<QString, QString> components = {
        {QStringLiteral("footer"), QStringLiteral("<p style=\"font-size:12px;color:#666\">{{brand.address}}<br>"
                                                  "<a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>")}};
    const MergeTemplate htmlT = MergeTemplate::compile(html, fields, MergeTemplate::Mode::Html, components);
    // The text part, derived once from the source with its tags still in, then merged per recipient.
    QString expanded = html;
    expanded.replace(QStringLiteral("{{> footer}}"), components.value(QStringLiteral("footer")));
    const MergeTemplate textT = MergeTemplate::compile(PlainText::fromHtml(expanded), fields, MergeTemplate::Mode::Text);
    const MergeTemplate subjectT = MergeTemplate::compile(QStringLiteral("Spring news for {{first_name | default: \"you\"}}"), fields,
                                                          MergeTemplate::Mode::Text);
    if (!htmlT.isValid() || !textT.isValid() || !subjectT.isValid()) {
        std::fprintf(stderr, "template problems\n");
        return 1;
    }
    QStringList values(fields.size());
    values[fields.indexOf(QStringLiteral("brand.address"))] = QStringLiteral("1 Main St, Springfield");
    values[fields.indexOf(QStringLiteral("preheader"))] = QStringLiteral("Twelve stories from our spring");
    const int first = fields.indexOf(QStringLiteral("first_name"));
    const int company = fields.indexOf(QStringLiteral("company"));
    const int plan = fields.indexOf(QStringLiteral("custom.plan"));
    const int unsubscribe = fields.indexOf(QStringLiteral("unsubscribe_url"));
    const int subjectSlot = fields.indexOf(QStringLiteral("subject"));

    MimeInput in;
    in.fromName = QStringLiteral("Acme News");
    in.fromAddress = QStringLiteral("news@acme.example");
    in.date = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
    in.listId = QStringLiteral("Spring news <spring.acme.example>");
    in.messageId = QStringLiteral("c12@acme.example");
    const MimeTemplate mime = MimeTemplate::prepare(in, true);
    qint64 bytes = 0;
    QString htmlOut, textOut;
    QByteArray message;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        values[first] = (i % 7 == 0) ? QString() : QStringLiteral("Contact%1").arg(i);
        values[company] = (i % 3 == 0) ? QString() : QStringLiteral("Company %1 & Sons").arg(i % 1000);
        values[plan] = QStringLiteral("Gold");
        values[unsubscribe] = QStringLiteral("https://t.acme.example/u/v1.k1.c12.r%1.AbCdEfGhIjKlMnOpQrStUv").arg(i);
        in.subject = subjectT.render(values);
        values[subjectSlot] = in.subject;
        htmlOut.clear();
        textOut.clear();
        htmlT.render(values, htmlOut);
        textT.render(values, textOut);
        in.html = htmlOut;
        in.text = textOut;
        in.toName = values[first];
        in.toAddress = QStringLiteral("contact%1@example.com").arg(i);
        in.messageId = QStringLiteral("c12.r%1@acme.example").arg(i);
        in.listUnsubscribeUrl = values[unsubscribe];
        if (mergeOnly) {
            bytes += in.html.size() + in.text.size();
        } else if (vmimeEach) {
            bytes += MimeMessage::build(in).size();
        } else {
            message.clear();
            mime.render(in, message);
            bytes += message.size();
        }
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    std::printf("template: %lld bytes of HTML (merged), %d merge fields\n", static_cast<long long>(htmlOut.toUtf8().size()),
                int(htmlT.usedFields().size()));
    std::printf("%d messages%s in %.2f s: %.0f messages/s on one thread, %.1f KB average\n", n,
                mergeOnly ? " (merge only)" : vmimeEach ? " (merge, MIME by vmime each time)" : " (merge and MIME)", seconds, n / seconds, double(bytes) / n / 1024.0);
    return 0;
}
