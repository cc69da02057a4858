// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignreportview.h"

#include "common/backgroundsave.h"
#include "common/charts.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/errorcodes.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lux::ui {

namespace {
enum Tile { Sent, Opened, MachineOpens, Clicked, ClickToOpen, Unsubscribed, Bounced, TileCount };
// The same seven tiles for a text campaign: what each one shows then.
enum SmsTile { SmsSent = Sent, SmsDelivered = Opened, SmsUndelivered = MachineOpens, SmsFailed = Clicked, SmsClicked = ClickToOpen,
               SmsOptOuts = Unsubscribed, SmsCost = Bounced };

QString percent(double v)
{
    return QLocale().toString(v * 100, 'f', 1) + QStringLiteral(" %");
}
} // namespace

CampaignReportView::CampaignReportView(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *tiles = new QGridLayout;
    const QStringList titles{tr("Sent"), tr("Opened by people"), tr("Opened by machines"), tr("Clicked by people"), tr("Click-to-open"),
                             tr("Unsubscribed"), tr("Bounced")};
    for (int i = 0; i < TileCount; ++i) {
        auto *frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("reportTile"));
        frame->setProperty("role", QStringLiteral("card"));
        frame->setFrameShape(QFrame::StyledPanel);
        auto *v = new QVBoxLayout(frame);
        v->setContentsMargins(12, 8, 12, 8);
        auto *title = new QLabel(titles.at(i), frame);
        title->setProperty("role", QStringLiteral("muted"));
        m_tileTitles << title;
        auto *value = new QLabel(frame);
        value->setObjectName(QStringLiteral("reportTile%1").arg(i));
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        value->setFont(f);
        auto *note = new QLabel(frame);
        note->setProperty("role", QStringLiteral("muted"));
        v->addWidget(title);
        v->addWidget(value);
        v->addWidget(note);
        tiles->addWidget(frame, 0, i);
        m_tileValues << value;
        m_tileNotes << note;
    }
    layout->addLayout(tiles);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("reportNote"));
    m_note->setProperty("role", QStringLiteral("muted"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    m_chart = new QChart;
    m_chart->setBackgroundVisible(false);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setLabelColor(palette().color(QPalette::Text));
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("reportChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    layout->addWidget(m_chartView, 2);

    auto *tables = new QHBoxLayout;
    const auto table = [this](const QStringList &headers, const char *name) {
        auto *t = new QTableWidget(0, int(headers.size()), this);
        t->setObjectName(QString::fromLatin1(name));
        t->setHorizontalHeaderLabels(headers);
        t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setMinimumHeight(120);
        return t;
    };
    m_links = table({tr("Link"), tr("People"), tr("Machines"), tr("Unique")}, "reportLinks");
    m_engaged = table({tr("Most engaged"), tr("Opens"), tr("Clicks")}, "reportEngaged");
    m_failures = table({tr("Error"), tr("Texts"), tr("Meaning")}, "reportFailures");
    m_failures->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_failures->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_failures->hide();
    tables->addWidget(m_links, 3);
    tables->addWidget(m_engaged, 2);
    tables->addWidget(m_failures, 3);
    layout->addLayout(tables, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_exportCsv = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Export CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("reportExportCsv"));
    m_exportPdf = new QPushButton(Theme::icon(QStringLiteral("export")), tr("Export PDF…"), this);
    m_exportPdf->setObjectName(QStringLiteral("reportExportPdf"));
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportPdf);
    layout->addLayout(buttons);
    const auto ask = [this](const QString &caption, const QString &suffix, const QString &filter) {
        QString name = m_report.name;
        name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QStringLiteral("_"));
        return Dialogs::saveFile(this, caption, name + QStringLiteral(" report.") + suffix, filter);
    };
    connect(m_exportCsv, &QPushButton::clicked, this, [this, ask] {
        const QString path = ask(tr("Export Report as CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            (void)exportCsv(path);
    });
    connect(m_exportPdf, &QPushButton::clicked, this, [this, ask] {
        const QString path = ask(tr("Export Report as PDF"), QStringLiteral("pdf"), tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            (void)exportPdf(path);
    });
    connect(&m_session, &AppSession::campaignsChanged, this, &CampaignReportView::refresh);
    setCampaign(0);
}

void CampaignReportView::setCampaign(qint64 campaignId)
{
    m_campaignId = campaignId;
    refresh();
}

void CampaignReportView::refresh()
{
    const int generation = ++m_generation;
    m_exportCsv->setEnabled(false);
    m_exportPdf->setEnabled(false);
    if (m_campaignId == 0 || !m_session.hasDatabase()) {
        show({});
        return;
    }
    const qint64 id = m_campaignId;
    runOnDatabase<Result<analytics::CampaignReport>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) { return analytics::ReportBuilder(db).campaign(id); },
        [this, generation](const Result<analytics::CampaignReport> &r) {
            if (generation != m_generation)
                return; // another campaign was chosen meanwhile
            if (!r) {
                m_note->setText(tr("The report cannot be read: %1").arg(r.error().message));
                return;
            }
            show(*r);
        });
}

void CampaignReportView::show(const analytics::CampaignReport &r)
{
    m_report = r;
    const QLocale locale;
    const bool any = r.campaignId != 0;
    const bool sms = any && r.isSms();
    const QStringList emailTitles{tr("Sent"), tr("Opened by people"), tr("Opened by machines"), tr("Clicked by people"), tr("Click-to-open"),
                                  tr("Unsubscribed"), tr("Bounced")};
    const QStringList smsTitles{tr("Sent"), tr("Delivered"), tr("Undelivered"), tr("Failed"), tr("Clicked by people"), tr("Opt-outs"),
                                tr("Cost")};
    QStringList values{locale.toString(r.sent), locale.toString(r.uniqueOpens.human), locale.toString(r.uniqueOpens.machine),
                       locale.toString(r.uniqueClicks.human), percent(r.clickToOpenRate), locale.toString(r.unsubscribes),
                       locale.toString(r.hardBounces + r.softBounces)};
    QStringList notes{r.failed ? tr("%1 failed").arg(locale.toString(r.failed)) : QString(),
                      percent(r.openRate),
                      tr("%1 prefetches").arg(locale.toString(r.totalOpens.machine)),
                      percent(r.clickRate),
                      tr("of people who opened"),
                      percent(r.unsubscribeRate),
                      tr("%1 · %2 hard, %3 soft").arg(percent(r.bounceRate), locale.toString(r.hardBounces), locale.toString(r.softBounces))};
    if (r.anonymous) {
        // Only counts were kept: how many opens and clicks, not by whom, so no rates of people.
        values[1] = locale.toString(r.totalOpens.human);
        values[2] = locale.toString(r.totalOpens.machine);
        values[3] = locale.toString(r.totalClicks.human);
        values[4] = QStringLiteral("–");
        notes[1] = notes[3] = tr("counted anonymously");
        notes[2] = tr("%n prefetch(es)", nullptr, int(r.totalOpens.machine));
        notes[4] = QString();
    }
    if (sms) {
        const qint64 failed = r.failed + r.deliveryFailed;
        values = QStringList{locale.toString(r.sent),
                             locale.toString(r.delivered),
                             locale.toString(r.undelivered),
                             locale.toString(failed),
                             locale.toString(r.uniqueClicks.human),
                             locale.toString(r.optOuts),
                             locale.toCurrencyString(r.cost, r.currency == QLatin1String("USD") ? QStringLiteral("$") : QString(r.currency + u' '), 2)};
        const qint64 awaiting = r.sent - r.delivered - r.undelivered - r.deliveryFailed;
        notes = QStringList{tr("%n segment(s)", nullptr, int(r.segments)),
                            tr("%1 of sent").arg(percent(r.deliveryRate)),
                            awaiting > 0 ? tr("%n without a receipt yet", nullptr, int(awaiting)) : QString(),
                            tr("%1 refused by Twilio").arg(locale.toString(r.failed)),
                            r.anonymous ? tr("counted anonymously") : tr("%n by machines", nullptr, int(r.uniqueClicks.machine)),
                            percent(r.sent > 0 ? double(r.optOuts) / double(r.sent) : 0.0),
                            r.estimatedTexts == 0 && r.unpricedTexts == 0 ? tr("as Twilio priced it")
                            : r.pricedTexts == 0                           ? tr("estimate from the price table")
                                                                           : tr("partly estimated (%n text(s))", nullptr, int(r.estimatedTexts))};
    }
    for (int i = 0; i < TileCount; ++i) {
        m_tileTitles[i]->setText((sms ? smsTitles : emailTitles).at(i));
        m_tileValues[i]->setText(any ? values.at(i) : QStringLiteral("–"));
        m_tileNotes[i]->setText(any ? notes.at(i) : QString());
    }
    // Above 2 % the mailbox providers start to refuse the sender: said in the tile and below.
    const bool warn = any && !sms && r.bounceWarning();
    m_tileValues[Bounced]->setStyleSheet(warn ? QStringLiteral("color: %1").arg(Theme::color("danger").name()) : QString());
    m_tileValues[Bounced]->parentWidget()->setToolTip(
        any && !sms ? tr("Read from the sender mailboxes: hard bounces are suppressed for good; soft ones count as hard after three in a row over a week.")
        : sms       ? tr("Twilio reports each text's price a little after it is sent; until then, and for texts it never priced, "
                         "the price per segment of the recipient's country from Settings → SMS.")
                    : QString());
    m_tileValues[SmsOptOuts]->parentWidget()->setToolTip(
        sms ? tr("Recipients who texted STOP (or another opt-out word) after the campaign started, and texts Twilio refused because the "
                 "number had opted out (21610).")
            : QString());
    if (!any)
        m_note->setText(tr("Choose a campaign to see how it did."));
    else if (sms)
        m_note->setText(r.sent ? tr("Delivery receipts and replies arrive from lux-tracker every minute while LUX runs. Link previews and "
                                    "scanners are counted as machines, apart from people.")
                               : tr("Nothing has been sent yet."));
    else if (r.timeline.isEmpty())
        m_note->setText(r.sent ? tr("No opens or clicks yet. Events arrive from lux-tracker every minute while LUX runs.")
                               : tr("Nothing has been sent yet."));
    else
        m_note->setText(tr("Image proxies (such as Apple Mail Privacy Protection) and link scanners are counted as machines, apart from people."));
    if (sms && r.waitingQuietHours > 0)
        m_note->setText(tr("%n text(s) wait for the recipients' quiet hours to end, the last until %1.", nullptr, int(r.waitingQuietHours))
                            .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(r.waitingUntil), QLocale::ShortFormat))
                        + u' ' + m_note->text());
    if (any && r.anonymous)
        m_note->setText(tr("This campaign keeps anonymous counts only: opens and clicks per link and per day, never whose.") + u' '
                        + m_note->text());
    m_engaged->setVisible(!r.anonymous && !sms);
    m_failures->setVisible(sms);
    m_failures->setRowCount(sms ? int(r.failureCodes.size()) : 0);
    for (int i = 0; sms && i < r.failureCodes.size(); ++i) {
        const auto &f = r.failureCodes.at(i);
        const QStringList cells{f.code, locale.toString(f.count), analytics::CampaignReport::smsErrorMeaning(f.code)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 1)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 2)
                item->setToolTip(cells.at(c));
            m_failures->setItem(i, c, item);
        }
    }
    m_note->setProperty("role", warn ? QStringLiteral("warning") : QStringLiteral("muted"));
    m_note->style()->unpolish(m_note);
    m_note->style()->polish(m_note);
    if (warn)
        m_note->setText(tr("%1 of the messages bounced, more than the 2 % mailbox providers accept: clean the list before the next campaign, "
                           "or Exchange may restrict the sending mailbox.")
                            .arg(percent(r.bounceRate))
                        + u' ' + m_note->text());

    charts::clear(m_chart);
    if (!r.timeline.isEmpty()) {
        using Bucket = analytics::CampaignReport::Bucket;
        const auto points = [&r](qint64 (*pick)(const Bucket &)) {
            QList<QPointF> out;
            for (const Bucket &b : r.timeline)
                out.append({double(b.start), double(pick(b))});
            return out;
        };
        qint64 top = 1;
        for (const Bucket &b : r.timeline)
            top = std::max({top, b.opens.human, b.opens.machine, b.clicks.human, b.clicks.machine});
        if (!sms) { // texts have no opens
            charts::addLine(m_chart, tr("Opens by people"), Theme::color("accent"), false, points([](const Bucket &b) { return b.opens.human; }));
            charts::addLine(m_chart, tr("Opens by machines"), Theme::color("accent"), true, points([](const Bucket &b) { return b.opens.machine; }));
        }
        charts::addLine(m_chart, tr("Clicks by people"), Theme::color("success"), false, points([](const Bucket &b) { return b.clicks.human; }));
        charts::addLine(m_chart, tr("Clicks by machines"), Theme::color("success"), true, points([](const Bucket &b) { return b.clicks.machine; }));
        charts::setTimeAxes(m_chart, r.bucketMs >= 86'400'000 ? QStringLiteral("d MMM") : QStringLiteral("d MMM HH:mm"), top, palette());
        if (r.timeline.size() == 1) // one bucket: show its width rather than a point on a zero-width axis
            m_chart->axes(Qt::Horizontal).constFirst()->setRange(QDateTime::fromMSecsSinceEpoch(r.timeline.first().start),
                                                                  QDateTime::fromMSecsSinceEpoch(r.timeline.first().start + r.bucketMs));
    }

    m_links->setRowCount(int(r.links.size()));
    for (int i = 0; i < r.links.size(); ++i) {
        const auto &l = r.links.at(i);
        const QStringList cells{l.url, locale.toString(l.clicks.human), locale.toString(l.clicks.machine), locale.toString(l.uniqueHuman)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_links->setItem(i, c, item);
        }
    }
    m_engaged->setRowCount(int(r.mostEngaged.size()));
    for (int i = 0; i < r.mostEngaged.size(); ++i) {
        const auto &e = r.mostEngaged.at(i);
        const QStringList cells{e.email, locale.toString(e.opens), locale.toString(e.clicks)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_engaged->setItem(i, c, item);
        }
    }
    m_exportCsv->setEnabled(any);
    m_exportPdf->setEnabled(any);
    Q_EMIT loaded();
}

void CampaignReportView::saveInBackground(const QString &path, QByteArray bytes)
{
    ui::saveInBackground(this, path, std::move(bytes), [this, path](const QString &error) {
        if (!error.isEmpty())
            Dialogs::warning(this, tr("Export Report"), error);
        Q_EMIT exported(path, error);
    });
}

Status CampaignReportView::exportCsv(const QString &path)
{
    if (m_report.campaignId == 0)
        return Error(errc::reportNone, tr("Choose a campaign first."));
    saveInBackground(path, m_report.toCsv().toUtf8());
    return {};
}

Status CampaignReportView::exportPdf(const QString &path)
{
    if (m_report.campaignId == 0)
        return Error(errc::reportNone, tr("Choose a campaign first."));
    saveInBackground(path, renderPdf());
    return {};
}

QByteArray CampaignReportView::renderPdf() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setResolution(144);
    pdf.setTitle(tr("%1: campaign report").arg(m_report.name));
    pdf.setCreator(QStringLiteral("LUX Marketing"));
    QPainter p(&pdf);
    const QRect page = p.viewport();
    const QLocale locale;
    int y = 0;
    QFont title = p.font();
    title.setPointSizeF(18);
    title.setBold(true);
    p.setFont(title);
    p.drawText(QRect(0, y, page.width(), 60), Qt::AlignLeft | Qt::AlignTop, m_report.name);
    y += 60;
    QFont body = p.font();
    body.setPointSizeF(10);
    body.setBold(false);
    p.setFont(body);
    p.drawText(QRect(0, y, page.width(), 30), Qt::AlignLeft, tr("Campaign report, %1").arg(locale.toString(QDateTime::currentDateTime(), QLocale::LongFormat)));
    y += 50;
    QList<QPair<QString, QString>> figures{
        {tr("Sent"), locale.toString(m_report.sent)},
        {tr("Failed"), locale.toString(m_report.failed)},
        {tr("Opened by people"), tr("%1 (%2)").arg(locale.toString(m_report.uniqueOpens.human), percent(m_report.openRate))},
        {tr("Opened by machines"), locale.toString(m_report.uniqueOpens.machine)},
        {tr("Clicked by people"), tr("%1 (%2)").arg(locale.toString(m_report.uniqueClicks.human), percent(m_report.clickRate))},
        {tr("Clicks by machines"), locale.toString(m_report.totalClicks.machine)},
        {tr("Click-to-open"), percent(m_report.clickToOpenRate)},
        {tr("Unsubscribed"), tr("%1 (%2)").arg(locale.toString(m_report.unsubscribes), percent(m_report.unsubscribeRate))},
        {tr("Bounced"), tr("%1 (%2)").arg(locale.toString(m_report.hardBounces + m_report.softBounces), percent(m_report.bounceRate))},
        {tr("Replies"), locale.toString(m_report.replies)}};
    if (m_report.isSms())
        figures = {{tr("Sent"), locale.toString(m_report.sent)},
                   {tr("Refused by Twilio"), locale.toString(m_report.failed)},
                   {tr("Delivered"), tr("%1 (%2)").arg(locale.toString(m_report.delivered), percent(m_report.deliveryRate))},
                   {tr("Undelivered"), locale.toString(m_report.undelivered)},
                   {tr("Failed"), locale.toString(m_report.deliveryFailed)},
                   {tr("Opt-outs"), locale.toString(m_report.optOuts)},
                   {tr("Clicked by people"), locale.toString(m_report.uniqueClicks.human)},
                   {tr("Clicks by machines"), locale.toString(m_report.totalClicks.machine)},
                   {tr("Segments"), locale.toString(m_report.segments)},
                   {tr("Cost"), tr("%1 %2").arg(locale.toString(m_report.cost, 'f', 2), m_report.currency)}};
    const int col = page.width() / 2;
    for (int i = 0; i < figures.size(); ++i) {
        const int x = (i % 2) * col;
        const int row = y + (i / 2) * 32;
        p.drawText(QRect(x, row, col / 2, 30), Qt::AlignLeft, figures[i].first);
        p.drawText(QRect(x + col / 2, row, col / 2 - 20, 30), Qt::AlignRight, figures[i].second);
    }
    y += int((figures.size() + 1) / 2) * 32 + 30;
    if (!m_report.timeline.isEmpty()) {
        // The chart, drawn as vectors into the PDF at the page's width.
        const QSize size(page.width(), page.width() * 9 / 20);
        QChartView *view = m_chartView;
        view->render(&p, QRectF(QPointF(0, y), QSizeF(size)), view->rect());
        y += size.height() + 30;
    }
    title.setPointSizeF(12);
    p.setFont(title);
    p.drawText(QRect(0, y, page.width(), 30), Qt::AlignLeft, tr("Clicks per link (people, machines)"));
    y += 40;
    p.setFont(body);
    for (const auto &l : m_report.links) {
        if (y > page.height() - 40) {
            pdf.newPage();
            y = 0;
        }
        const QString url = p.fontMetrics().elidedText(l.url, Qt::ElideMiddle, page.width() * 3 / 4);
        p.drawText(QRect(0, y, page.width() * 3 / 4, 28), Qt::AlignLeft, url);
        p.drawText(QRect(page.width() * 3 / 4, y, page.width() / 4, 28), Qt::AlignRight,
                   tr("%1, %2").arg(locale.toString(l.clicks.human), locale.toString(l.clicks.machine)));
        y += 30;
    }
    p.end();
    return bytes;
}

} // namespace lux::ui
