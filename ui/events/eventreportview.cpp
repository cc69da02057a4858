// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventreportview.h"
#include "attendeesmodel.h"

#include "common/charts.h"
#include "common/dbtask.h"
#include "session/appsession.h"
#include "theme/theme.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace lux::ui {

using events::RegistrationSource;

namespace {
const QList<RegistrationSource> kSources{RegistrationSource::Link, RegistrationSource::Embed, RegistrationSource::Manual,
                                         RegistrationSource::Api};

QString percentOf(int part, int whole)
{
    return whole > 0 ? QLocale().toString(100.0 * part / whole, 'f', 0) + QStringLiteral(" %") : QString();
}
} // namespace

EventReportView::EventReportView(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(10);
    auto *tiles = new QGridLayout;
    tiles->setHorizontalSpacing(10);
    const QStringList titles{tr("Confirmed"), tr("Pending"), tr("Waiting"), tr("Cancelled"), tr("Attended"), tr("No-shows")};
    for (int i = 0; i < TileCount; ++i) {
        auto *frame = new QFrame(this);
        frame->setProperty("card", true);
        auto *v = new QVBoxLayout(frame);
        v->setContentsMargins(14, 10, 14, 10);
        v->setSpacing(2);
        auto *title = new QLabel(titles.at(i), frame);
        title->setProperty("role", QStringLiteral("cardLabel"));
        auto *value = new QLabel(QStringLiteral("–"), frame);
        value->setObjectName(QStringLiteral("eventReportTile%1").arg(i));
        value->setProperty("role", QStringLiteral("cardValue"));
        auto *note = new QLabel(frame);
        note->setProperty("role", QStringLiteral("muted"));
        v->addWidget(title);
        v->addWidget(value);
        v->addWidget(note);
        tiles->addWidget(frame, 0, i);
        m_values << value;
        m_notes << note;
    }
    layout->addLayout(tiles);

    auto *middle = new QHBoxLayout;
    middle->setSpacing(14);
    m_chart = new QChart;
    m_chart->setBackgroundVisible(false);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setTitle(tr("Registrations per day"));
    m_chart->setTitleBrush(palette().color(QPalette::Text));
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("eventReportChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(240);
    middle->addWidget(m_chartView, 3);

    auto *sources = new QFrame(this);
    sources->setProperty("card", true);
    sources->setMinimumWidth(400);
    auto *sourcesLayout = new QGridLayout(sources);
    sourcesLayout->setContentsMargins(14, 12, 14, 12);
    sourcesLayout->setVerticalSpacing(10);
    auto *sourcesTitle = new QLabel(tr("Where they came from"), sources);
    sourcesTitle->setProperty("role", QStringLiteral("cardLabel"));
    sourcesLayout->addWidget(sourcesTitle, 0, 0, 1, 3);
    for (int i = 0; i < kSources.size(); ++i) {
        auto *name = new QLabel(AttendeesModel::sourceLabel(kSources.at(i)), sources);
        auto *bar = new QProgressBar(sources);
        bar->setRange(0, 1000);
        bar->setTextVisible(false);
        bar->setMaximumHeight(10);
        bar->setMinimumWidth(80);
        auto *count = new QLabel(sources);
        count->setObjectName(QStringLiteral("eventReportSource%1").arg(i));
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setMinimumWidth(100);
        sourcesLayout->addWidget(name, i + 1, 0);
        sourcesLayout->addWidget(bar, i + 1, 1);
        sourcesLayout->addWidget(count, i + 1, 2);
        m_sourceBars << bar;
        m_sourceCounts << count;
    }
    sourcesLayout->setColumnStretch(1, 1);
    sourcesLayout->setRowStretch(int(kSources.size()) + 1, 1);
    middle->addWidget(sources, 1);
    layout->addLayout(middle, 1);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("eventReportNote"));
    m_note->setProperty("role", QStringLiteral("muted"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    showReport({});
}

void EventReportView::setEvent(const events::Event &event)
{
    m_event = event;
    if (!isVisible() && event.id != 0) {
        m_stale = true;
        return;
    }
    refresh();
}

void EventReportView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void EventReportView::refresh()
{
    m_stale = false;
    const int generation = ++m_generation;
    if (m_event.id == 0 || !m_session.hasDatabase()) {
        showReport({});
        return;
    }
    const events::Event event = m_event;
    runOnDatabase<Result<EventReport>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [event](QSqlDatabase &db) { return EventReportQuery(db).build(event, QDateTime::currentMSecsSinceEpoch()); },
        [this, generation](const Result<EventReport> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_note->setText(tr("The report cannot be read: %1").arg(r.error().message));
                return;
            }
            showReport(*r);
        });
}

void EventReportView::showReport(const EventReport &r)
{
    m_report = r;
    const QLocale locale;
    const bool any = r.eventId != 0;
    const events::RegistrationCounts &c = r.counts;
    const QList<int> values{c.confirmed, c.pending, c.waiting, c.cancelled, c.checkedIn, r.noShows};
    for (int i = 0; i < TileCount; ++i)
        m_values[i]->setText(any ? locale.toString(values.at(i)) : QStringLiteral("–"));
    m_values[NoShows]->setText(any && r.ended ? locale.toString(r.noShows) : QStringLiteral("–"));
    m_notes[Confirmed]->setText(any && m_event.capacity > 0 ? tr("of %1 seats").arg(locale.toString(m_event.capacity))
                                : any                       ? tr("no limit")
                                                            : QString());
    m_notes[Pending]->setText(any ? tr("not confirmed by email yet") : QString());
    m_notes[Waiting]->setText(any ? tr("promoted as seats free up") : QString());
    m_notes[Cancelled]->setText(any ? percentOf(c.cancelled, r.total()) : QString());
    m_notes[Attended]->setText(any ? tr("%1 of confirmed").arg(percentOf(c.checkedIn, c.confirmed).isEmpty()
                                                                   ? QStringLiteral("0 %")
                                                                   : percentOf(c.checkedIn, c.confirmed))
                                   : QString());
    m_notes[NoShows]->setText(!any ? QString() : r.ended ? percentOf(r.noShows, c.confirmed) : tr("once the event has ended"));

    for (int i = 0; i < kSources.size(); ++i) {
        const int n = r.sources.value(kSources.at(i));
        m_sourceBars[i]->setValue(r.total() > 0 ? n * 1000 / r.total() : 0);
        m_sourceCounts[i]->setText(any ? tr("%1 · %2").arg(locale.toString(n), percentOf(n, r.total()).isEmpty()
                                                                                   ? QStringLiteral("0 %")
                                                                                   : percentOf(n, r.total()))
                                       : QString());
    }

    charts::clear(m_chart);
    if (!r.days.isEmpty()) {
        QList<QPointF> registered, cancelled;
        int top = 1;
        for (const EventReport::Day &d : r.days) {
            registered.append({double(d.start), double(d.registrations)});
            cancelled.append({double(d.start), double(d.cancellations)});
            top = std::max({top, d.registrations, d.cancellations});
        }
        charts::addLine(m_chart, tr("Registrations"), Theme::color("accent"), false, registered);
        charts::addLine(m_chart, tr("Cancellations"), Theme::color("danger"), true, cancelled);
        charts::setTimeAxes(m_chart, QStringLiteral("d MMM"), top, palette(), int(std::min<qsizetype>(r.days.size(), 8)));
        if (r.days.size() == 1)
            m_chart->axes(Qt::Horizontal).constFirst()->setRange(QDateTime::fromMSecsSinceEpoch(r.days.first().start),
                                                                  QDateTime::fromMSecsSinceEpoch(r.days.first().start + 86'400'000));
    }
    m_chart->setTitleBrush(palette().color(QPalette::Text));

    if (!any)
        m_note->setText(tr("Choose an event to see its report."));
    else if (r.total() == 0)
        m_note->setText(tr("Nobody has registered yet. Registrations arrive from lux-tracker every minute while LUX runs."));
    else if (!r.ended)
        m_note->setText(tr("No-shows are counted once the event has ended: confirmed people who were not checked in."));
    else
        m_note->setText(tr("Attended counts the people checked in at the door; no-shows are confirmed people who were not."));
    Q_EMIT loaded();
}

} // namespace lux::ui
