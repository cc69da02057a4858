// SPDX-License-Identifier: GPL-3.0-or-later
#include "abtestview.h"

#include "common/dbtask.h"
#include "common/dialogs.h"
#include "session/appsession.h"
#include "settings/settings.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lux::ui {

using campaigns::AbMetric;
using campaigns::AbState;
using campaigns::AbTests;

AbTestView::AbTestView(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("abTestView"));
    auto *layout = new QVBoxLayout(this);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("abHeadline"));
    m_headline->setWordWrap(true);
    QFont emphasis = m_headline->font();
    emphasis.setBold(true);
    emphasis.setPointSizeF(emphasis.pointSizeF() * 1.25);
    m_headline->setFont(emphasis);
    layout->addWidget(m_headline);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_note);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("abResults"));
    m_table->setHorizontalHeaderLabels({tr("Variant"), tr("What it tests"), tr("Delivered"), tr("People"), tr("Rate (95 % interval)"),
                                        tr("Chance to be best"), tr("Expected loss")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    layout->addWidget(m_table);
    m_restLabel = new QLabel(this);
    layout->addWidget(m_restLabel);
    m_rest = new QProgressBar(this);
    m_rest->setObjectName(QStringLiteral("abRest"));
    layout->addWidget(m_rest);
    m_choose = new QPushButton(tr("Send a Variant to the Rest…"), this);
    m_choose->setObjectName(QStringLiteral("abChoose"));
    layout->addWidget(m_choose, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_choose, &QPushButton::clicked, this, [this] {
        if (!m_report)
            return;
        QMenu menu(this);
        for (int i = 0; i < m_report->test.config.variants.size(); ++i)
            menu.addAction(tr("Variant %1").arg(AbTests::variantName(i)), this, [this, i] { choose(i); });
        menu.exec(m_choose->mapToGlobal(QPoint(0, m_choose->height())));
    });
    show(std::nullopt);
}

void AbTestView::setCampaign(qint64 campaignId)
{
    m_campaignId = campaignId;
    m_report.reset();
    refresh();
}

void AbTestView::refresh()
{
    const int generation = ++m_generation;
    if (!m_campaignId || !m_session.database()) {
        show(std::nullopt);
        Q_EMIT loaded(false);
        return;
    }
    const qint64 id = m_campaignId;
    const qint64 minimum = m_session.settings().abMinPerVariant();
    runOnDatabase<Result<std::optional<campaigns::AbReport>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [id, minimum](QSqlDatabase &db) { return AbTests(db).report(id, minimum); },
        [this, generation](const Result<std::optional<campaigns::AbReport>> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_headline->setText(tr("The A/B test cannot be read: %1").arg(r.error().message));
                Q_EMIT loaded(true);
                return;
            }
            show(*r);
            Q_EMIT loaded(r->has_value());
        });
}

void AbTestView::choose(int variant)
{
    const qint64 id = m_campaignId;
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    m_choose->setEnabled(false);
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [id, variant, user](QSqlDatabase &db) { return AbTests(db).choose(id, variant, user); },
        [this](const Status &s) {
            m_choose->setEnabled(true);
            if (!s)
                Dialogs::warning(this, tr("A/B Test"), s.error().message);
            else
                m_session.sendService().wake();
            Q_EMIT m_session.campaignsChanged();
            refresh();
            Q_EMIT chosen(s ? QString() : s.error().message);
        });
}

QString AbTestView::headlineText(const campaigns::AbReport &r) const
{
    const QLocale locale;
    if (r.campaignStatus == campaigns::CampaignStatus::Cancelled && r.test.state != AbState::Decided)
        return tr("The campaign was cancelled during its test: no winner was chosen and the rest was not sent.");
    switch (r.test.state) {
    case AbState::Draft: return tr("This campaign tests %n variant(s) when it is sent.", nullptr, int(r.test.config.variants.size()));
    case AbState::Testing:
        if (!r.progress.decideAt) {
            qint64 out = 0, planned = 0;
            for (const campaigns::AbProgress::Variant &v : r.progress.variants) {
                out += v.planned - v.unsettled;
                planned += v.planned;
            }
            return tr("Testing: %1 of %Ln test message(s) sent.", nullptr, int(std::min<qint64>(planned, INT_MAX))).arg(locale.toString(out));
        }
        return tr("Testing: the winner is chosen at %1.")
            .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(*r.progress.decideAt).toLocalTime(), QLocale::ShortFormat));
    case AbState::Waiting: return r.test.reason;
    case AbState::Decided:
        if (r.test.decidedBy == QLatin1String("user"))
            return tr("You chose %1 for the rest.").arg(AbTests::variantName(r.test.winner));
        return r.test.reason;
    }
    return {};
}

void AbTestView::show(const std::optional<campaigns::AbReport> &report)
{
    m_report = report;
    m_table->setRowCount(0);
    if (!report) {
        m_headline->setText(tr("This campaign has no A/B test."));
        m_note->clear();
        m_restLabel->hide();
        m_rest->hide();
        m_choose->hide();
        return;
    }
    const campaigns::AbReport &r = *report;
    m_headline->setText(headlineText(r));
    const AbMetric metric = r.test.config.metric;
    const QString people = metric == AbMetric::HumanOpens    ? tr("People who opened")
                           : metric == AbMetric::ClickToOpen ? tr("Clicked, of those who opened")
                                                             : tr("People who clicked");
    m_table->horizontalHeaderItem(3)->setText(people);
    // The numbers the decision was made on once made; the running ones before (nothing is decided on them).
    const bool decided = r.test.state == AbState::Decided || r.test.state == AbState::Waiting;
    QJsonArray stats = decided ? r.test.analysis.value(QStringLiteral("variants")).toArray() : r.running.toJson().value(QStringLiteral("variants")).toArray();
    m_note->setText(r.test.state == AbState::Testing
                        ? tr("Running numbers, people only: the winner is chosen once, at the end of the wait, never on these.")
                    : decided ? tr("The numbers at the end of the wait, people only (machine opens and clicks left out).")
                              : QString());
    const QLocale locale;
    const auto pct = [](double v) -> QString { return campaigns::AbStatistics::percent(v); };
    m_table->setRowCount(int(r.test.config.variants.size()));
    for (int i = 0; i < r.test.config.variants.size(); ++i) {
        const campaigns::AbVariant &v = r.test.config.variants.at(i);
        QStringList what;
        if (!v.subject.isEmpty())
            what << tr("Subject: %1").arg(v.subject);
        if (!v.preheader.isEmpty())
            what << tr("Preheader: %1").arg(v.preheader);
        if (!v.fromName.isEmpty())
            what << tr("Sender name: %1").arg(v.fromName);
        if (v.templateId > 0)
            what << tr("Another template");
        if (v.sendTime)
            what << tr("At %1").arg(locale.toString(*v.sendTime, QLocale::ShortFormat));
        if (what.isEmpty())
            what << tr("The campaign as written");
        const QJsonObject s = stats.at(i).toObject();
        QString name = AbTests::variantName(i);
        if (r.test.winner == i)
            name += u' ' + tr("(winner)");
        QString rate = s.isEmpty() ? QStringLiteral("—")
                                   : tr("%1 (%2 – %3)")
                                         .arg(pct(s.value(QStringLiteral("rate")).toDouble()),
                                              pct(s.value(QStringLiteral("ci")).toArray().at(0).toDouble()),
                                              pct(s.value(QStringLiteral("ci")).toArray().at(1).toDouble()));
        if (metric == AbMetric::HumanOpens && i < r.progress.variants.size())
            rate += u'\n' + tr("%1 of the opens by machines only").arg(pct(r.progress.machineShare(i)));
        const campaigns::AbProgress::Variant p = r.progress.variants.value(i);
        const QStringList cells{name,
                                what.join(u'\n'),
                                locale.toString(s.isEmpty() ? p.delivered : qint64(s.value(QStringLiteral("sent")).toInteger())),
                                locale.toString(s.isEmpty() ? p.humanClickers : qint64(s.value(QStringLiteral("successes")).toInteger())),
                                rate,
                                s.isEmpty() ? QStringLiteral("—") : pct(s.value(QStringLiteral("p_best")).toDouble()),
                                s.isEmpty() ? QStringLiteral("—") : locale.toString(s.value(QStringLiteral("expected_loss")).toDouble() * 100.0, 'f', 2)
                                                                        + tr(" points")};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r.test.winner == i) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(i, column, item);
        }
    }
    m_table->resizeRowsToContents();
    const qint64 rest = r.test.remainder;
    m_restLabel->setVisible(rest > 0);
    m_rest->setVisible(rest > 0 && r.test.state == AbState::Decided);
    if (rest > 0) {
        m_rest->setRange(0, int(std::min<qint64>(rest, INT_MAX)));
        m_rest->setValue(int(std::min<qint64>(r.progress.restSent + r.progress.restFailed, INT_MAX)));
        m_restLabel->setText(r.test.state == AbState::Decided
                                 ? tr("The rest, with variant %1: %2 of %3 sent, %4 failed.")
                                       .arg(AbTests::variantName(r.test.winner), locale.toString(r.progress.restSent), locale.toString(rest),
                                            locale.toString(r.progress.restFailed))
                                 : tr("The rest, %Ln people, waits for the winner.", nullptr, int(std::min<qint64>(rest, INT_MAX))));
    }
    m_choose->setVisible(r.test.state == AbState::Waiting);
}

} // namespace lux::ui
