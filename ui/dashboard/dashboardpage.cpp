// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardpage.h"

#include "analytics/overview.h"
#include "common/charts.h"
#include "common/dbtask.h"
#include "session/appsession.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"
#include "users/auditlog.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QLocale>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

DashboardPage::DashboardPage(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(6);
    auto *title = new QLabel(tr("Dashboard"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_greeting = new QLabel(this);
    m_greeting->setProperty("role", QStringLiteral("subtitle"));
    layout->addWidget(title);
    layout->addWidget(m_greeting);
    layout->addSpacing(14);

    m_grid = new QGridLayout;
    m_grid->setSpacing(14);
    addCard(QStringLiteral("contacts"), tr("Contacts"), QStringLiteral("users"), 0, 0);
    addCard(QStringLiteral("subscribed"), tr("Subscribed"), QStringLiteral("check"), 0, 1);
    addCard(QStringLiteral("suppressed"), tr("Suppressed addresses"), QStringLiteral("slash"), 0, 2);
    addCard(QStringLiteral("users"), tr("Users"), QStringLiteral("user"), 0, 3);
    addCard(QStringLiteral("size"), tr("Database size"), QStringLiteral("database"), 1, 0);
    addCard(QStringLiteral("lastBackup"), tr("Last backup"), QStringLiteral("backup"), 1, 1);
    addCard(QStringLiteral("nextBackup"), tr("Next automatic backup"), QStringLiteral("clock"), 1, 2);
    addCard(QStringLiteral("integrity"), tr("Last integrity check"), QStringLiteral("shield-check"), 1, 3);
    for (int c = 0; c < 4; ++c)
        m_grid->setColumnStretch(c, 1);
    layout->addLayout(m_grid);

    // Email across campaigns, the last 30 days: people and machines apart.
    layout->addSpacing(16);
    auto *engagementTitle = new QLabel(tr("Email and texts, the last 30 days"), this);
    engagementTitle->setProperty("role", QStringLiteral("cardLabel"));
    layout->addWidget(engagementTitle);
    m_engagementNote = new QLabel(this);
    m_engagementNote->setObjectName(QStringLiteral("engagementNote"));
    m_engagementNote->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_engagementNote);
    m_textsNote = new QLabel(this);
    m_textsNote->setObjectName(QStringLiteral("textsNote"));
    m_textsNote->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_textsNote);
    m_engagement = new QChart;
    m_engagement->setBackgroundVisible(false);
    m_engagement->setMargins(QMargins(0, 0, 0, 0));
    m_engagement->legend()->setAlignment(Qt::AlignBottom);
    m_engagementView = new QChartView(m_engagement, this);
    m_engagementView->setObjectName(QStringLiteral("engagementChart"));
    m_engagementView->setRenderHint(QPainter::Antialiasing);
    m_engagementView->setMinimumHeight(200);
    layout->addWidget(m_engagementView, 1);

    layout->addSpacing(12);
    m_path = new QLabel(this);
    m_path->setProperty("role", QStringLiteral("muted"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    layout->addWidget(m_path);
    m_warning = new QLabel(this);
    m_warning->setProperty("role", QStringLiteral("warning"));
    m_warning->setWordWrap(true);
    layout->addWidget(m_warning);

    connect(&m_session, &AppSession::databaseChanged, this, &DashboardPage::refresh);
    connect(&m_session, &AppSession::userChanged, this, &DashboardPage::refresh);
    connect(&m_session, &AppSession::campaignsChanged, this, &DashboardPage::loadEngagement);
    connect(&m_session.autoBackup(), &storage::AutoBackup::backupFinished, this, &DashboardPage::refresh);
    connect(&m_counting, &QFutureWatcher<QList<qint64>>::finished, this, [this] {
        const QList<qint64> counts = m_counting.result();
        const QLocale locale;
        const QStringList ids = {QStringLiteral("contacts"), QStringLiteral("subscribed"), QStringLiteral("suppressed")};
        for (qsizetype i = 0; i < ids.size() && i < counts.size(); ++i)
            m_values[ids.at(i)]->setText(counts.at(i) < 0 ? QStringLiteral("—") : locale.toString(counts.at(i)));
    });
}

QLabel *DashboardPage::addCard(const QString &id, const QString &label, const QString &icon, int row, int column)
{
    auto *card = new QFrame(this);
    card->setProperty("card", true);
    card->setObjectName(QStringLiteral("card-") + id);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 16);
    auto *head = new QHBoxLayout;
    auto *iconLabel = new QLabel(card);
    iconLabel->setPixmap(Theme::icon(icon).pixmap(18, 18));
    m_icons.append({iconLabel, icon});
    auto *caption = new QLabel(label, card);
    caption->setProperty("role", QStringLiteral("cardLabel"));
    head->addWidget(iconLabel);
    head->addWidget(caption, 1);
    layout->addLayout(head);
    auto *value = new QLabel(card);
    value->setProperty("role", QStringLiteral("cardValue"));
    value->setObjectName(QStringLiteral("value-") + id);
    layout->addWidget(value);
    m_grid->addWidget(card, row, column);
    m_values.insert(id, value);
    return value;
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (const auto &[label, name] : std::as_const(m_icons))
            label->setPixmap(Theme::icon(name).pixmap(18, 18));
    }
    QWidget::changeEvent(event);
}

void DashboardPage::countContactsInBackground()
{
    // Counts over a million contacts take a moment: a worker with its own connection.
    if (!m_session.database() || m_counting.isRunning())
        return;
    for (const char *id : {"contacts", "subscribed", "suppressed"})
        if (m_values[QString::fromLatin1(id)]->text().isEmpty())
            m_values[QString::fromLatin1(id)]->setText(QStringLiteral("…"));
    m_counting.setFuture(QtConcurrent::run([path = m_session.database()->path()] {
        storage::ScopedConnection conn(path, storage::ScopedConnection::Mode::ReadOnly);
        const auto totals = analytics::Overview(conn.db()).contactTotals();
        return totals ? QList<qint64>{totals->contacts, totals->subscribed, totals->suppressed} : QList<qint64>{-1, -1, -1};
    }));
}

void DashboardPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void DashboardPage::refresh()
{
    const Database *db = m_session.database();
    if (!db || !m_session.users())
        return;
    const QLocale locale;
    const User &user = m_session.user();
    m_greeting->setText(!m_session.isSignedIn()     ? QString()
                        : user.previousSignIn > 0 ? tr("Welcome back, %1.").arg(user.name)
                                                  : tr("Welcome, %1.").arg(user.name));
    m_values[QStringLiteral("users")]->setText(locale.toString(m_session.users()->users().size()));
    m_values[QStringLiteral("size")]->setText(locale.formattedDataSize(db->logicalSize()));
    countContactsInBackground();
    loadEngagement();

    QDateTime last;
    const QFileInfoList backups = QDir(m_session.backupDir()).entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files, QDir::Time);
    if (!backups.isEmpty())
        last = backups.first().lastModified();
    m_values[QStringLiteral("lastBackup")]->setText(last.isValid() ? locale.toString(last, QLocale::ShortFormat) : tr("Never"));
    const QDateTime next = m_session.autoBackup().nextBackup();
    m_values[QStringLiteral("nextBackup")]->setText(
        !m_session.autoBackup().isEnabled() ? tr("Off")
        : m_session.autoBackup().isDue() ? tr("Soon")
                                                : locale.toString(next, QLocale::ShortFormat));
    const QStringList integrity = db->meta(QStringLiteral("last_integrity_check")).split(QLatin1Char(' '));
    if (integrity.size() == 2) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(integrity.at(0).toLongLong());
        m_values[QStringLiteral("integrity")]->setText(
            (integrity.at(1) == QLatin1String("ok") ? tr("Passed") : tr("Problems found")) + QStringLiteral(" · ")
            + locale.toString(at, QStringLiteral("d MMM")));
    } else {
        m_values[QStringLiteral("integrity")]->setText(tr("Not yet"));
    }
    m_path->setText(tr("Database file: %1").arg(QDir::toNativeSeparators(db->path())));
    QString warning = db->networkFileSystemWarning();
    if (db->isReadOnly())
        warning = tr("Read-only: another LUX Marketing window has this database open for writing.")
                  + (warning.isEmpty() ? QString() : QLatin1Char(' ') + warning);
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

void DashboardPage::loadEngagement()
{
    const Database *db = m_session.database();
    if (!db)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - 29LL * 86'400'000;
    using Days = QList<analytics::ReportBuilder::Day>;
    runOnDatabase<Result<QPair<Days, Days>>>(
        this, db->path(), storage::ScopedConnection::Mode::ReadOnly,
        [from, now](QSqlDatabase &c) -> Result<QPair<Days, Days>> {
            const analytics::ReportBuilder report(c);
            auto email = report.days(from, now + 1, QStringLiteral("email"));
            if (!email)
                return email.error();
            auto texts = report.days(from, now + 1, QStringLiteral("sms"));
            if (!texts)
                return texts.error();
            return QPair<Days, Days>{*email, *texts};
        },
        [this](const Result<QPair<Days, Days>> &days) {
            if (days)
                showEngagement(days->first, days->second);
        });
}

void DashboardPage::showEngagement(const QList<analytics::ReportBuilder::Day> &days, const QList<analytics::ReportBuilder::Day> &texts)
{
    charts::clear(m_engagement);
    qint64 sent = 0, opened = 0, clicked = 0, machine = 0, bounced = 0, top = 1;
    for (const auto &d : days) {
        sent += d.sent;
        bounced += d.bounces;
        opened += d.opens.human;
        clicked += d.clicks.human;
        machine += d.opens.machine;
        top = std::max({top, d.sent, d.opens.all(), d.clicks.all()});
    }
    const QLocale locale;
    m_engagementNote->setText(sent == 0 && opened == 0
                                  ? tr("No email sent in the last 30 days.")
                                  : tr("%1 sent · opened by %2 people · clicked by %3 people · %4 opens by image proxies and scanners")
                                        .arg(locale.toString(sent), locale.toString(opened), locale.toString(clicked), locale.toString(machine))
                                  + (bounced > 0 ? tr(" · %1 bounced (%2 %)").arg(locale.toString(bounced), locale.toString(sent > 0 ? 100.0 * double(bounced) / double(sent) : 0.0, 'f', 1))
                                                 : QString()));
    // Above 2 % mailbox providers start refusing the sender; Exchange restricts such a mailbox.
    const bool warn = sent > 0 && double(bounced) / double(sent) > analytics::CampaignReport::kBounceWarningRate;
    m_engagementNote->setProperty("role", warn ? QStringLiteral("warning") : QStringLiteral("muted"));
    m_engagementNote->style()->unpolish(m_engagementNote);
    m_engagementNote->style()->polish(m_engagementNote);
    m_engagementNote->setToolTip(warn ? tr("More than 2 % of the messages bounced: clean the list (see each campaign's report) before sending more.") : QString());
    using Day = analytics::ReportBuilder::Day;
    const auto points = [&days](qint64 (*pick)(const Day &)) {
        QList<QPointF> out;
        for (const Day &d : days)
            out.append({double(d.start), double(pick(d))});
        return out;
    };
    charts::addLine(m_engagement, tr("Sent"), Theme::color("warning"), false, points([](const Day &d) { return d.sent; }));
    charts::addLine(m_engagement, tr("Opened by people"), Theme::color("accent"), false, points([](const Day &d) { return d.opens.human; }));
    charts::addLine(m_engagement, tr("Opened by machines"), Theme::color("accent"), true, points([](const Day &d) { return d.opens.machine; }));
    charts::addLine(m_engagement, tr("Clicked by people"), Theme::color("success"), false, points([](const Day &d) { return d.clicks.human; }));
    if (bounced > 0)
        charts::addLine(m_engagement, tr("Bounced"), Theme::color("danger"), false, points([](const Day &d) { return d.bounces; }));
    // Texts beside email: sent, delivered (by the day the receipt came) and opt-outs.
    qint64 textsSent = 0, textsDelivered = 0, optOuts = 0, textClicks = 0;
    for (const auto &d : texts) {
        textsSent += d.sent;
        textsDelivered += d.delivered;
        optOuts += d.optOuts;
        textClicks += d.clicks.human;
        top = std::max({top, d.sent, d.delivered});
    }
    m_textsNote->setText(textsSent == 0 && optOuts == 0
                             ? tr("No texts sent in the last 30 days.")
                             : tr("Texts: %1 sent · %2 % delivered · clicked by %3 people · %n opt-out(s)", nullptr, int(optOuts))
                                   .arg(locale.toString(textsSent),
                                        locale.toString(textsSent > 0 ? 100.0 * double(textsDelivered) / double(textsSent) : 0.0, 'f', 1),
                                        locale.toString(textClicks)));
    if (textsSent > 0) {
        const auto textPoints = [&texts](qint64 (*pick)(const Day &)) {
            QList<QPointF> out;
            for (const Day &d : texts)
                out.append({double(d.start), double(pick(d))});
            return out;
        };
        charts::addLine(m_engagement, tr("Texts sent"), Theme::color("muted"), false, textPoints([](const Day &d) { return d.sent; }));
        charts::addLine(m_engagement, tr("Texts delivered"), Theme::color("muted"), true, textPoints([](const Day &d) { return d.delivered; }));
    }
    charts::setTimeAxes(m_engagement, QStringLiteral("d MMM"), top, palette(), 6);
}

} // namespace lux::ui
