// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkinview.h"
#include "attendeesmodel.h"
#include "eventsmodel.h"

#include "common/dbtask.h"
#include "events/ticket.h"
#include "secrets/secretstore.h"
#include "session/appsession.h"
#include "theme/theme.h"
#include "tracking/token.h"

#include <QCoroTask>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace lux::ui {

using events::CheckInResult;
using events::EventStore;
using events::RegistrationStatus;

namespace {

// What the worker found for one job.
struct Answer
{
    enum class Kind { Result, Ambiguous, Undone } kind = Kind::Result;
    CheckInResult result;
    int matches = 0; // Ambiguous: how many people the typed name fits
    std::optional<events::Registration> undone;
    events::RegistrationCounts counts;
};

QString rgba(QColor c, double alpha)
{
    c.setAlphaF(alpha);
    return QStringLiteral("rgba(%1, %2, %3, %4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alphaF(), 0, 'f', 2);
}

enum MatchColumn { MatchName, MatchEmail, MatchStatus, MatchAction, MatchColumns };

} // namespace

CheckInView::CheckInView(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_codec(std::make_shared<const tracking::TokenCodec>(tracking::KeyRing())), m_debounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);

    auto *top = new QHBoxLayout;
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("checkInInput"));
    m_input->setPlaceholderText(tr("Scan a ticket, or type a name or email and press Enter"));
    m_input->setClearButtonEnabled(true);
    QFont big = m_input->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_input->setFont(big);
    m_input->setMinimumHeight(52);
    m_input->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    top->addWidget(m_input, 1);
    m_undo = new QPushButton(Theme::icon(QStringLiteral("undo")), tr("Undo"), this);
    m_undo->setObjectName(QStringLiteral("checkInUndo"));
    m_undo->setMinimumHeight(52);
    m_undo->setEnabled(false);
    m_undo->setFocusPolicy(Qt::NoFocus); // the field keeps the focus for the next scan
    top->addWidget(m_undo);
    layout->addLayout(top);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("checkInBanner"));
    m_banner->setMinimumHeight(104);
    auto *bannerLayout = new QVBoxLayout(m_banner);
    bannerLayout->setContentsMargins(22, 14, 22, 14);
    bannerLayout->setSpacing(4);
    m_title = new QLabel(m_banner);
    m_title->setObjectName(QStringLiteral("checkInBannerTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont headline = m_title->font();
    headline.setPointSizeF(headline.pointSizeF() * 2.0);
    headline.setBold(true);
    m_title->setFont(headline);
    m_detail = new QLabel(m_banner);
    m_detail->setObjectName(QStringLiteral("checkInBannerDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    QFont detailFont = m_detail->font();
    detailFont.setPointSizeF(detailFont.pointSizeF() * 1.15);
    m_detail->setFont(detailFont);
    bannerLayout->addWidget(m_title);
    bannerLayout->addWidget(m_detail);
    layout->addWidget(m_banner);

    auto *countRow = new QHBoxLayout;
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("checkInCounter"));
    QFont counterFont = m_counter->font();
    counterFont.setPointSizeF(counterFont.pointSizeF() * 1.3);
    counterFont.setBold(true);
    m_counter->setFont(counterFont);
    countRow->addWidget(m_counter);
    countRow->addStretch(1);
    m_keysNote = new QLabel(this);
    m_keysNote->setObjectName(QStringLiteral("checkInKeysNote"));
    m_keysNote->setProperty("role", QStringLiteral("muted"));
    m_keysNote->setText(tr("Works without a network: check-ins are kept in this database."));
    countRow->addWidget(m_keysNote);
    layout->addLayout(countRow);

    m_matches = new QTableWidget(0, MatchColumns, this);
    m_matches->setObjectName(QStringLiteral("checkInMatches"));
    m_matches->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Status"), QString()});
    m_matches->verticalHeader()->hide();
    m_matches->verticalHeader()->setDefaultSectionSize(38);
    m_matches->setShowGrid(false);
    m_matches->setAlternatingRowColors(true);
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matches->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matches->setFocusPolicy(Qt::NoFocus);
    m_matches->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_matches->horizontalHeader()->setSectionResizeMode(MatchEmail, QHeaderView::Stretch);
    m_matches->setColumnWidth(MatchName, 220);
    m_matches->setColumnWidth(MatchStatus, 170);
    m_matches->setColumnWidth(MatchAction, 150);
    layout->addWidget(m_matches, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &CheckInView::search);
    connect(m_input, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_input->text();
        m_input->clear(); // ready for the next scan at once
        submit(text);
    });
    connect(m_undo, &QPushButton::clicked, this, &CheckInView::undo);
    connect(m_matches, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_matches->item(row, MatchEmail))
            checkInAddress(item->text());
    });
    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        // Another database has its own key ring.
        m_keysLoaded = false;
        m_keysRequested = false;
        if (m_event.id != 0)
            loadKeys();
    });
    showBanner(Tone::Neutral, tr("Ready"), tr("Scan the QR code on a ticket, or type the name or email of someone who registered."));
}

CheckInView::~CheckInView() = default;

void CheckInView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_input->setFocus();
}

void CheckInView::loadKeys()
{
    m_keysRequested = true;
    // The key ring that signed the tickets, from the keychain (or LUX_SECRET_TRACKING_KEYS); scans
    // wait for it so a ticket is never read with no keys.
    QCoro::connect(m_session.secrets().read(Secret::TrackingKeys), this, [this](const Result<QString> &keys) {
        std::optional<tracking::KeyRing> ring;
        if (keys)
            if (auto parsed = tracking::KeyRing::parse(keys->toUtf8()))
                ring = *parsed;
        m_codec = std::make_shared<const tracking::TokenCodec>(ring.value_or(tracking::KeyRing()));
        m_keysLoaded = true;
        m_keysNote->setText(ring ? tr("Works without a network: check-ins are kept in this database.")
                                 : tr("No signing keys in this computer's keychain: tickets cannot be read here; type names or "
                                      "addresses instead (Settings → Tracking)."));
        m_keysNote->setProperty("role", ring ? QStringLiteral("muted") : QStringLiteral("warning"));
        m_keysNote->style()->unpolish(m_keysNote);
        m_keysNote->style()->polish(m_keysNote);
        runNext();
    });
}

void CheckInView::setEvent(const events::Event &event)
{
    const bool same = event.id == m_event.id;
    m_event = event;
    if (event.id != 0 && !m_keysRequested)
        loadKeys();
    if (same) {
        refreshCounts();
        return;
    }
    m_queue.clear();
    m_lastCheckedIn = 0;
    m_undo->setEnabled(false);
    m_input->clear();
    m_matches->setRowCount(0);
    m_input->setEnabled(event.id != 0);
    showBanner(Tone::Neutral, tr("Ready"), tr("Scan the QR code on a ticket, or type the name or email of someone who registered."));
    m_counter->clear();
    refreshCounts();
}

void CheckInView::submit(const QString &text)
{
    m_debounce->stop();
    ++m_searchGeneration; // a search still running is no longer wanted
    if (text.trimmed().isEmpty() || m_event.id == 0)
        return;
    m_queue.append({Job::Kind::Enter, text, 0});
    runNext();
}

void CheckInView::checkInAddress(const QString &email)
{
    if (email.isEmpty() || m_event.id == 0)
        return;
    m_queue.append({Job::Kind::Address, email, 0});
    runNext();
    m_input->clear();
    m_input->setFocus();
}

void CheckInView::undo()
{
    if (!m_lastCheckedIn)
        return;
    m_queue.append({Job::Kind::Undo, QString(), m_lastCheckedIn});
    m_lastCheckedIn = 0;
    m_undo->setEnabled(false);
    runNext();
    m_input->setFocus();
}

void CheckInView::runNext()
{
    if (m_running || m_queue.isEmpty() || !m_keysLoaded || !m_session.hasDatabase())
        return;
    const Job job = m_queue.takeFirst();
    m_running = true;
    const qint64 eventId = m_event.id;
    runOnDatabase<Result<Answer>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [job, eventId, codec = m_codec](QSqlDatabase &db) -> Result<Answer> {
            EventStore store(db);
            Answer answer;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const auto check = [&](const QString &text, events::CheckInVia via) -> Status {
                auto r = store.checkIn(eventId, text, *codec, via, now);
                if (!r)
                    return r.error();
                answer.result = *r;
                return {};
            };
            Status done;
            const QString text = job.text.trimmed();
            if (job.kind == Job::Kind::Undo) {
                auto r = store.registration(job.registrationId);
                if (!r)
                    return r.error();
                done = store.undoCheckIn(job.registrationId);
                answer.kind = Answer::Kind::Undone;
                answer.undone = *r;
            } else if (job.kind == Job::Kind::Address || text.contains(u'@')) {
                done = check(text, events::CheckInVia::Search);
            } else if (events::Ticket::read(*codec, text)) {
                done = check(text, events::CheckInVia::Scan);
            } else {
                // A name typed at the door: checked in when it fits exactly one person.
                auto found = store.findForCheckIn(eventId, text, 2);
                if (!found)
                    return found.error();
                if (found->size() == 1) {
                    done = check(found->first().email, events::CheckInVia::Search);
                } else if (found->isEmpty()) {
                    done = check(text, events::CheckInVia::Search); // says nobody matches
                } else {
                    answer.kind = Answer::Kind::Ambiguous;
                    answer.matches = int(found->size());
                }
            }
            if (!done)
                return done.error();
            auto counts = store.counts(eventId);
            if (!counts)
                return counts.error();
            answer.counts = *counts;
            return answer;
        },
        [this, eventId](const Result<Answer> &answer) {
            m_running = false;
            if (eventId != m_event.id) { // another event was chosen meanwhile
                runNext();
                return;
            }
            if (!answer) {
                showBanner(Tone::Danger, tr("Not recorded"), answer.error().message);
            } else if (answer->kind == Answer::Kind::Undone) {
                showBanner(Tone::Neutral, tr("Undone: %1").arg(answer->undone->name()),
                           tr("%1 is no longer checked in.").arg(answer->undone->name()));
                Q_EMIT checkedIn();
            } else if (answer->kind == Answer::Kind::Ambiguous) {
                showBanner(Tone::Warning, tr("Several people match"), tr("Choose the right one in the list below, or type more of the name."));
            } else {
                const CheckInResult &r = answer->result;
                const QString name = r.registration ? r.registration->name() : QString();
                switch (r.outcome) {
                case CheckInResult::Outcome::CheckedIn:
                    showBanner(Tone::Success, tr("Checked in: %1").arg(name), r.registration->email);
                    m_lastCheckedIn = r.registration->id;
                    m_lastName = name;
                    m_undo->setEnabled(true);
                    m_undo->setToolTip(tr("Undo the check-in of %1").arg(name));
                    Q_EMIT checkedIn();
                    break;
                case CheckInResult::Outcome::AlreadyChecked: {
                    const qint64 at = r.registration->checkedInAt.value_or(0);
                    const bool today = QDateTime::fromMSecsSinceEpoch(at, eventtime::zoneOf(m_event)).date()
                                       == QDateTime::currentDateTime().toTimeZone(eventtime::zoneOf(m_event)).date();
                    showBanner(Tone::Warning,
                               tr("%1 is already checked in at %2").arg(name, today ? eventtime::time(m_event, at) : eventtime::dateTime(m_event, at)),
                               r.registration->email);
                    break;
                }
                case CheckInResult::Outcome::NotFound: showBanner(Tone::Danger, tr("Not found"), r.message); break;
                case CheckInResult::Outcome::OtherEvent: showBanner(Tone::Danger, tr("Ticket for another event"), r.message); break;
                case CheckInResult::Outcome::NotConfirmed: {
                    const RegistrationStatus s = r.registration ? r.registration->status : RegistrationStatus::Pending;
                    showBanner(Tone::Danger,
                               s == RegistrationStatus::Waiting     ? tr("On the waiting list")
                               : s == RegistrationStatus::Cancelled ? tr("Registration cancelled")
                                                                    : tr("Not confirmed yet"),
                               r.message);
                    break;
                }
                }
            }
            if (answer) {
                showCounts(answer->counts);
                Q_EMIT countsChanged(eventId, answer->counts);
            }
            if (!answer || answer->kind != Answer::Kind::Ambiguous)
                m_matches->setRowCount(0);
            Q_EMIT answered();
            runNext();
        });
}

void CheckInView::search()
{
    const QString text = m_input->text().trimmed();
    const int generation = ++m_searchGeneration;
    if (text.isEmpty() || m_event.id == 0 || !m_session.hasDatabase()) {
        m_matches->setRowCount(0);
        return;
    }
    const qint64 eventId = m_event.id;
    runOnDatabase<Result<QList<events::Registration>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [eventId, text](QSqlDatabase &db) { return EventStore(db).findForCheckIn(eventId, text, 20); },
        [this, generation](const Result<QList<events::Registration>> &found) {
            if (generation != m_searchGeneration)
                return;
            const QList<events::Registration> rows = found ? *found : QList<events::Registration>();
            m_matches->setRowCount(int(rows.size()));
            for (int i = 0; i < rows.size(); ++i) {
                const events::Registration &r = rows.at(i);
                m_matches->setItem(i, MatchName, new QTableWidgetItem(r.name()));
                m_matches->setItem(i, MatchEmail, new QTableWidgetItem(r.email));
                auto *status = new QTableWidgetItem(AttendeesModel::statusText(r));
                if (r.status != RegistrationStatus::Confirmed)
                    status->setForeground(Theme::color("warning"));
                m_matches->setItem(i, MatchStatus, status);
                auto *button = new QPushButton(m_matches);
                button->setFocusPolicy(Qt::NoFocus);
                if (r.checkedInAt) {
                    button->setText(tr("In at %1").arg(eventtime::time(m_event, *r.checkedInAt)));
                    button->setEnabled(false);
                } else {
                    button->setText(tr("Check In"));
                    button->setIcon(Theme::icon(QStringLiteral("check")));
                    button->setEnabled(r.status == RegistrationStatus::Confirmed);
                }
                connect(button, &QPushButton::clicked, this, [this, email = r.email] { checkInAddress(email); });
                m_matches->setCellWidget(i, MatchAction, button);
            }
            Q_EMIT matchesShown();
        });
}

void CheckInView::showBanner(Tone tone, const QString &title, const QString &detail)
{
    m_tone = tone;
    const QColor colour = tone == Tone::Success ? Theme::color("success")
                          : tone == Tone::Warning ? Theme::color("warning")
                          : tone == Tone::Danger  ? Theme::color("danger")
                                                  : Theme::color("muted");
    m_banner->setStyleSheet(QStringLiteral("QFrame#checkInBanner { background: %1; border: 1px solid %2; border-left: 6px solid %3; "
                                           "border-radius: 6px; }")
                                .arg(rgba(colour, tone == Tone::Neutral ? 0.08 : 0.16), rgba(colour, 0.45), colour.name()));
    m_title->setStyleSheet(tone == Tone::Neutral ? QString() : QStringLiteral("color: %1").arg(colour.name()));
    m_title->setText(title);
    m_detail->setText(detail);
}

void CheckInView::showCounts(const events::RegistrationCounts &counts)
{
    m_counter->setText(tr("%1 of %Ln checked in", nullptr, counts.confirmed).arg(QLocale().toString(counts.checkedIn)));
}

void CheckInView::refreshCounts()
{
    if (m_event.id == 0 || !m_session.hasDatabase())
        return;
    const qint64 eventId = m_event.id;
    runOnDatabase<Result<events::RegistrationCounts>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [eventId](QSqlDatabase &db) { return EventStore(db).counts(eventId); },
        [this, eventId](const Result<events::RegistrationCounts> &counts) {
            if (counts && eventId == m_event.id)
                showCounts(*counts);
        });
}

} // namespace lux::ui
