// SPDX-License-Identifier: GPL-3.0-or-later
// Events in the window: an event made in the editor (and refused while its end is before its start),
// 10,000 registrations over several days, the door's check-in fed tickets and addresses the way a USB
// scanner and a person type them (each answer timed: under 200 ms), the attendee list searched,
// filtered and exported, and the report. Screenshots (event-editor.png, event-attendees-checkin.png,
// event-report.png) go to $LUX_SCREENSHOT_DIR when set.
#include "campaigns/senderstore.h"
#include "common/dialogs.h"
#include "common/translations.h"
#include "dialogguard.h"
#include "events/attendeesmodel.h"
#include "events/attendeesview.h"
#include "events/checkinview.h"
#include "events/eventeditor.h"
#include "events/eventmail.h"
#include "events/eventmessagesdialog.h"
#include "events/eventreportview.h"
#include "events/eventsmodel.h"
#include "events/eventspage.h"
#include "events/eventstore.h"
#include "events/ticket.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "theme/theme.h"
#include "tracking/token.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace lux;
using events::EventStore;

namespace {
const QStringList kFirst{QStringLiteral("Ana"), QStringLiteral("Bruno"), QStringLiteral("Carmen"), QStringLiteral("Diego"),
                         QStringLiteral("Elena"), QStringLiteral("Fátima"), QStringLiteral("Gonzalo"), QStringLiteral("Helena"),
                         QStringLiteral("Íñigo"), QStringLiteral("Julia"), QStringLiteral("Lucas"), QStringLiteral("María")};
const QStringList kLast{QStringLiteral("García"), QStringLiteral("López"), QStringLiteral("Martín"), QStringLiteral("Núñez"),
                        QStringLiteral("Ortega"), QStringLiteral("Pérez"), QStringLiteral("Ruiz"), QStringLiteral("Sánchez"),
                        QStringLiteral("Torres"), QStringLiteral("Vidal")};
constexpr int kPeople = 10'000;
constexpr int kCapacity = 9'200;

QString shotDir()
{
    return qEnvironmentVariable("LUX_SCREENSHOT_DIR");
}

void shot(QWidget *w, const QString &name)
{
    QTest::qWait(120);
    if (!shotDir().isEmpty())
        QVERIFY(w->grab().save(shotDir() + u'/' + name));
}
} // namespace

class TestEventsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void editorCreatesEvent();
    void checkInAnswersFast();
    void attendeesSearchRemoveExport();
    void report();
    void publishingAndSharing();
    void messagesAreEditedAndChecked();

private:
    QByteArray m_ring = tracking::KeyRing::generate(1);
    std::unique_ptr<tracking::TokenCodec> m_codec;
    std::unique_ptr<test::SessionFixture> m_f;
    std::unique_ptr<ui::EventsPage> m_page;
    qint64 m_eventId = 0;
    qint64 m_otherEventId = 0;
    qint64 m_trackerRegistration = 0;
};

void TestEventsUi::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    qputenv("LUX_SECRET_TRACKING_KEYS", m_ring);
    m_codec = std::make_unique<tracking::TokenCodec>(*tracking::KeyRing::parse(m_ring));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
    m_f = std::make_unique<test::SessionFixture>();
    QVERIFY(campaigns::SenderStore(m_f->data.db()).save(QStringLiteral("events@acme.example"), {}).ok());
    QVERIFY(m_f->setDatabaseSetting(Settings::Key::TrackerUrl, QStringLiteral("https://track.example/")));
    QVERIFY(m_f->openSession());
    m_page = std::make_unique<ui::EventsPage>(m_f->session);
    m_page->resize(1280, 860);
    m_page->show();
    new QAbstractItemModelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(m_page->attendeesView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
}

// The wording of the events' messages: the starter shown, a wrong tag refused where it is (nothing
// saved), a good text saved, and back to the starter.
void TestEventsUi::messagesAreEditedAndChecked()
{
    ui::EventMessagesDialog dialog(m_f->session);
    dialog.resize(900, 560);
    dialog.show();
    auto *kinds = dialog.findChild<QListWidget *>(QStringLiteral("eventMessageKinds"));
    auto *subject = dialog.findChild<QLineEdit *>(QStringLiteral("eventMessageSubject"));
    auto *body = dialog.findChild<QPlainTextEdit *>(QStringLiteral("eventMessageBody"));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("eventMessageSave"));
    auto *reset = dialog.findChild<QPushButton *>(QStringLiteral("eventMessageReset"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("eventMessageError"));
    QVERIFY(kinds && subject && body && save && reset && error);
    kinds->setCurrentRow(int(events::allMailKinds().indexOf(events::MailKind::Reminder)));
    const events::MailTemplate starter = events::EventMail::starter(events::MailKind::Reminder, QStringLiteral("en"));
    QTRY_COMPARE(subject->text(), starter.subject);
    QVERIFY(!reset->isEnabled()); // it is the starter already
    subject->setText(QStringLiteral("Soon: {{event_titel}}"));
    save->click();
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("line 1")), qPrintable(error->text()));
    QCOMPARE(events::EventMail(m_f->db()).mailTemplate(events::MailKind::Reminder, QStringLiteral("en"))->subject, starter.subject);
    subject->setText(QStringLiteral("Soon: {{event_title}}"));
    body->setPlainText(QStringLiteral("Hi {{first_name}},\n\nSee you at {{event_where}}."));
    save->click();
    QTRY_VERIFY(!error->isVisible());
    QTRY_COMPARE(events::EventMail(m_f->db()).mailTemplate(events::MailKind::Reminder, QStringLiteral("en"))->subject,
                 QStringLiteral("Soon: {{event_title}}"));
    QTRY_VERIFY(reset->isEnabled());
    shot(&dialog, QStringLiteral("event-messages.png"));
    reset->click();
    QTRY_COMPARE(subject->text(), starter.subject);
}

void TestEventsUi::cleanupTestCase()
{
    m_page.reset();
    m_f.reset();
    qunsetenv("LUX_SECRET_TRACKING_KEYS");
}

void TestEventsUi::editorCreatesEvent()
{
    // No events: the page explains them and offers to make one.
    QTRY_VERIFY(m_page->emptyState()->isVisible());
    ui::EventEditor *editor = m_page->openEditor(0);
    QSignalSpy loaded(editor, &ui::EventEditor::loaded);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(editor->organiserCombo()->currentText(), QStringLiteral("events@acme.example"));
    QCOMPARE(editor->zoneCombo()->currentText(), QString::fromUtf8(QTimeZone::systemTimeZone().id()));
    QCOMPARE(editor->reminders(), (QList<int>{1440, 60}));
    QVERIFY(editor->doubleOptInBox()->isChecked());
    QCOMPARE(editor->powSpin()->value(), 16);
    QCOMPARE(editor->capacitySpin()->text(), QStringLiteral("No limit"));

    editor->titleEdit()->setText(QStringLiteral("Spring Launch Madrid"));
    editor->descriptionEdit()->setPlainText(QStringLiteral("The **spring collection**, live: a short talk, demos and drinks on the terrace."));
    editor->zoneCombo()->setCurrentText(QStringLiteral("Europe/Madrid"));
    editor->startEdit()->setDateTime(QDateTime(QDate::currentDate().addDays(-1), QTime(18, 30)));
    // The end before the start: said above the form, naming the end; Save refuses.
    editor->endEdit()->setDateTime(QDateTime(QDate::currentDate().addDays(-1), QTime(17, 0)));
    QTRY_VERIFY(editor->errorLabel()->isVisible());
    QVERIFY2(editor->errorLabel()->text().startsWith(QStringLiteral("The end (")), qPrintable(editor->errorLabel()->text()));
    QVERIFY(editor->errorLabel()->text().contains(QStringLiteral("must be after the start")));
    QSignalSpy failed(editor, &ui::EventEditor::saveFailed);
    editor->save();
    QCOMPARE(failed.size(), 1);
    QVERIFY(!editor->saveButton()->isEnabled());
    editor->endEdit()->setDateTime(QDateTime(QDate::currentDate().addDays(-1), QTime(21, 0)));
    QTRY_VERIFY(!editor->errorLabel()->isVisible());
    QVERIFY(editor->saveButton()->isEnabled());
    editor->venueEdit()->setText(QStringLiteral("Hall B, Calle Mayor 1, Madrid"));
    editor->capacitySpin()->setValue(kCapacity);
    editor->tagsEdit()->setText(QStringLiteral("spring-launch, madrid"));
    events::EventQuestion company;
    company.label = QStringLiteral("Company");
    editor->addQuestion(company);
    events::EventQuestion diet;
    diet.kind = events::EventQuestion::Kind::Choice;
    diet.label = QStringLiteral("Dietary needs");
    diet.choices = {QStringLiteral("None"), QStringLiteral("Vegetarian"), QStringLiteral("Vegan")};
    diet.required = true;
    editor->addQuestion(diet);
    editor->setReminders({2 * 1440, 60, 15});
    // A choice question without choices is refused, naming the question.
    events::EventQuestion empty;
    empty.kind = events::EventQuestion::Kind::Choice;
    empty.label = QStringLiteral("T-shirt size");
    editor->addQuestion(empty);
    QTRY_VERIFY(editor->errorLabel()->isVisible());
    QVERIFY2(editor->errorLabel()->text().startsWith(QStringLiteral("Question 3 is a choice")), qPrintable(editor->errorLabel()->text()));
    editor->questionsTable()->removeRow(2);
    QTRY_VERIFY(!editor->errorLabel()->isVisible());
    editor->resize(1240, 960);
    shot(editor, QStringLiteral("event-editor.png"));

    QSignalSpy saved(editor, &ui::EventEditor::saved);
    QSignalSpy reloaded(m_page.get(), &ui::EventsPage::reloaded);
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QVERIFY(!editor->saveButton()->isEnabled()); // while it saves
    QVERIFY(saved.wait(5000));
    m_eventId = saved.first().first().toLongLong();
    QVERIFY(reloaded.wait(5000));
    QTRY_COMPARE(m_page->selectedId(), m_eventId);
    QVERIFY(!m_page->emptyState()->isVisible());

    const auto stored = EventStore(m_f->db()).find(m_eventId);
    QVERIFY(stored);
    QCOMPARE(stored->title, QStringLiteral("Spring Launch Madrid"));
    QCOMPARE(stored->timeZone, QStringLiteral("Europe/Madrid"));
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(stored->startsAt, QTimeZone("Europe/Madrid"));
    QCOMPARE(start.time(), QTime(18, 30));
    QCOMPARE(stored->endsAt - stored->startsAt, 150 * 60'000LL);
    QCOMPARE(stored->capacity, kCapacity);
    QCOMPARE(stored->tags, (QStringList{QStringLiteral("spring-launch"), QStringLiteral("madrid")}));
    QCOMPARE(stored->questions.size(), 2);
    QCOMPARE(stored->questions.at(1), diet);
    QCOMPARE(stored->reminders, (QList<int>{2880, 60, 15}));
    QVERIFY(stored->senderId.has_value());
    QCOMPARE(stored->status, events::EventStatus::Draft);
    QVERIFY(!stored->consentText.isEmpty());
}

void TestEventsUi::checkInAnswersFast()
{
    QVERIFY(m_eventId);
    // 10,000 registrations over the twelve days before the event, written as the sync would leave
    // them: most confirmed, some waiting, pending or cancelled; a few arrived from lux-tracker.
    QSqlDatabase db = m_f->db();
    QVERIFY(EventStore(db).setStatus(m_eventId, events::EventStatus::Published).ok());
    const auto event = EventStore(db).find(m_eventId);
    QVERIFY(event);
    events::Event other;
    other.title = QStringLiteral("Autumn Meetup");
    other.timeZone = QStringLiteral("Europe/Madrid");
    other.startsAt = event->startsAt + 90 * 86'400'000LL;
    other.endsAt = other.startsAt + 3'600'000;
    const auto otherId = EventStore(db).create(other);
    QVERIFY(otherId);
    m_otherEventId = *otherId;
    QList<qint64> confirmedIds;
    QStringList confirmedEmails;
    QString waitingEmail;
    {
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO event_registrations (event_id, tracker_id, email, email_key, first_name, last_name, first_key, last_key, status, "
            "position, source, answers, consent, consent_version, registered_at, confirmed_at, cancelled_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 1, 1, ?, ?, ?, ?)")));
        const QStringList sources{QStringLiteral("link"), QStringLiteral("link"), QStringLiteral("link"), QStringLiteral("embed"),
                                  QStringLiteral("embed"), QStringLiteral("api"), QStringLiteral("manual")};
        const qint64 firstDay = event->startsAt - 12 * 86'400'000LL;
        int waiting = 0;
        for (int i = 0; i < kPeople; ++i) {
            const QString first = kFirst.at(i % kFirst.size());
            const QString last = kLast.at((i / kFirst.size()) % kLast.size());
            const QString email = QStringLiteral("%1.%2.%3@example.com").arg(EventStore::searchKey(first), EventStore::searchKey(last)).arg(i);
            // More people as the day comes closer.
            const qint64 at = firstDay + qint64(std::sqrt(double(i) / kPeople) * 11.5 * 86'400'000.0) + (i % 97) * 60'000;
            const QString status = i % 50 == 7 ? QStringLiteral("cancelled")
                                   : i % 40 == 3 ? QStringLiteral("pending")
                                   : i >= kPeople - 400 ? QStringLiteral("waiting")
                                                        : QStringLiteral("confirmed");
            const QString source = sources.at(i % sources.size());
            q.addBindValue(m_eventId);
            q.addBindValue(source == QLatin1String("manual") ? QVariant(QMetaType::fromType<qint64>()) : QVariant(qint64(i + 1)));
            q.addBindValue(email);
            q.addBindValue(email);
            q.addBindValue(first);
            q.addBindValue(last);
            q.addBindValue(EventStore::searchKey(first));
            q.addBindValue(EventStore::searchKey(last));
            q.addBindValue(status);
            q.addBindValue(status == QLatin1String("waiting") ? QVariant(++waiting) : QVariant(QMetaType::fromType<int>()));
            q.addBindValue(source);
            q.addBindValue(at);
            q.addBindValue(status == QLatin1String("confirmed") ? QVariant(at + 60'000) : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(status == QLatin1String("cancelled") ? QVariant(at + 2 * 86'400'000LL) : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(at);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            const qint64 id = q.lastInsertId().toLongLong();
            if (status == QLatin1String("confirmed")) {
                confirmedIds << id;
                confirmedEmails << email;
                if (source != QLatin1String("manual") && !m_trackerRegistration)
                    m_trackerRegistration = id;
            }
            if (status == QLatin1String("waiting") && waitingEmail.isEmpty())
                waitingEmail = email;
        }
        QVERIFY(db.commit());
    }
    const auto counts = EventStore(db).counts(m_eventId);
    QVERIFY(counts);
    QCOMPARE(counts->total(), kPeople);

    m_page->reload();
    QTRY_COMPARE(m_page->selectedId(), m_eventId);
    m_page->detailTabs()->setCurrentIndex(ui::EventsPage::CheckInTab);
    ui::CheckInView *door = m_page->checkInView();
    QLineEdit *field = door->input();
    QTRY_VERIFY(door->counter()->text().contains(QStringLiteral("of ")));
    QSignalSpy answered(door, &ui::CheckInView::answered);
    QList<qint64> times;
    const auto scan = [&](const QString &text) -> QString {
        QTest::keyClicks(field, text);
        const int before = int(answered.size());
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(field, Qt::Key_Return);
        if (answered.size() == before && !answered.wait(2000))
            return QStringLiteral("(no answer)");
        times << timer.elapsed();
        return door->bannerTitle()->text();
    };
    const auto ticketOf = [&](qint64 eventId, qint64 registrationId) {
        return events::Ticket::sign(*m_codec, {quint64(eventId), quint64(registrationId)});
    };

    // Tickets as the scanner types them, and addresses typed at the desk.
    auto *rng = QRandomGenerator::global();
    QSet<qint64> used;
    qint64 firstTicket = 0;
    for (int i = 0; i < 120; ++i) {
        qint64 id;
        do
            id = confirmedIds.at(rng->bounded(int(confirmedIds.size())));
        while (used.contains(id));
        used.insert(id);
        if (!firstTicket)
            firstTicket = id;
        const QString title = scan(ticketOf(m_eventId, id));
        QVERIFY2(title.startsWith(QStringLiteral("Checked in: ")), qPrintable(title));
        QCOMPARE(door->tone(), ui::CheckInView::Tone::Success);
        QVERIFY(field->text().isEmpty()); // ready for the next one
    }
    int typed = 0;
    for (int i = 0; typed < 40; ++i) {
        const int index = int(confirmedEmails.size()) - 1 - i;
        if (used.contains(confirmedIds.at(index)))
            continue;
        used.insert(confirmedIds.at(index));
        ++typed;
        const QString title = scan(confirmedEmails.at(index).toUpper());
        QVERIFY2(title.startsWith(QStringLiteral("Checked in: ")), qPrintable(title));
    }
    // The same ticket again: already in, at the time recorded, in the event's zone.
    const qint64 again = firstTicket;
    const QString second = scan(ticketOf(m_eventId, again));
    const auto reg = EventStore(db).registration(again);
    QVERIFY(reg && reg->checkedInAt);
    const QString at = QDateTime::fromMSecsSinceEpoch(*reg->checkedInAt, QTimeZone("Europe/Madrid")).toString(QStringLiteral("HH:mm"));
    QVERIFY2(second == QStringLiteral("%1 is already checked in at %2").arg(reg->name(), at), qPrintable(second));
    QCOMPARE(door->tone(), ui::CheckInView::Tone::Warning);
    QCOMPARE(reg->checkedInVia, events::CheckInVia::Scan);
    // Someone on the waiting list, a stranger, a ticket of another event, a forged ticket.
    QCOMPARE(scan(waitingEmail), QStringLiteral("On the waiting list"));
    QCOMPARE(door->tone(), ui::CheckInView::Tone::Danger);
    QCOMPARE(scan(QStringLiteral("nobody@nowhere.example")), QStringLiteral("Not found"));
    QCOMPARE(scan(ticketOf(m_otherEventId, 1)), QStringLiteral("Ticket for another event"));
    QVERIFY2(door->bannerDetail()->text().contains(QStringLiteral("Autumn Meetup")), qPrintable(door->bannerDetail()->text()));
    QString forged = ticketOf(m_eventId, confirmedIds.last());
    forged[forged.size() - 2] = forged.at(forged.size() - 2) == u'A' ? u'B' : u'A';
    QCOMPARE(scan(forged), QStringLiteral("Not found"));
    const int checkedIn = 160;
    QTRY_COMPARE(door->counter()->text(),
                 QStringLiteral("%1 of %2 checked in").arg(QLocale().toString(checkedIn), QLocale().toString(counts->confirmed)));

    // Undo the last one, then check it in again.
    const QString lastEmail = confirmedEmails.at(confirmedEmails.size() - 1);
    const QString relast = scan(lastEmail);
    QVERIFY2(relast.contains(QStringLiteral("already checked in")), qPrintable(relast));
    // Someone not scanned yet: the scans above were drawn at random, so look from the middle on.
    qint64 fresh = 0;
    for (qsizetype i = confirmedIds.size() / 2; i < confirmedIds.size() && !fresh; ++i)
        if (!used.contains(confirmedIds.at(i)))
            fresh = confirmedIds.at(i);
    QVERIFY(fresh > 0);
    QVERIFY(scan(ticketOf(m_eventId, fresh)).startsWith(QStringLiteral("Checked in: ")));
    QVERIFY(door->undoButton()->isEnabled());
    const int beforeUndo = int(answered.size());
    QTest::mouseClick(door->undoButton(), Qt::LeftButton);
    QTRY_VERIFY(answered.size() > beforeUndo);
    QVERIFY(door->bannerTitle()->text().startsWith(QStringLiteral("Undone: ")));
    QVERIFY(!EventStore(db).registration(fresh)->checkedInAt.has_value());
    QVERIFY(scan(ticketOf(m_eventId, fresh)).startsWith(QStringLiteral("Checked in: ")));

    // A name typed: the matches appear while typing, each with a Check In button.
    QSignalSpy matches(door, &ui::CheckInView::matchesShown);
    QTest::keyClicks(field, QStringLiteral("fatima nun"));
    QVERIFY(matches.wait(2000));
    QVERIFY(door->matches()->rowCount() > 1);
    QVERIFY(door->matches()->item(0, 0)->text().startsWith(QStringLiteral("Fátima Núñez")));
    QVERIFY(door->matches()->cellWidget(0, 3));
    field->clear();

    if (qEnvironmentVariableIsSet("LUX_EVENTS_TIMES"))
        for (int i = 0; i < times.size(); ++i)
            qInfo("answer %d: %lld ms", i, times.at(i));
    std::sort(times.begin(), times.end());
    const qint64 p50 = times.at(times.size() / 2);
    const qint64 p99 = times.at(std::min<qsizetype>(times.size() - 1, times.size() * 99 / 100));
    qInfo("check-in of %d attendees: %d answers, p50 %lld ms, p99 %lld ms, max %lld ms", kPeople, int(times.size()), p50, p99, times.last());
    QVERIFY2(times.last() < 200, qPrintable(QStringLiteral("slowest answer %1 ms").arg(times.last())));
    // One more at the door for the screenshot's banner, and a name being typed.
    used.insert(fresh);
    qsizetype shotIndex = confirmedIds.size() / 3;
    while (used.contains(confirmedIds.at(shotIndex)))
        ++shotIndex;
    const qint64 shotId = confirmedIds.at(shotIndex);
    QVERIFY(scan(ticketOf(m_eventId, shotId)).startsWith(QStringLiteral("Checked in: ")));
    QTest::keyClicks(field, QStringLiteral("ana ga"));
    QVERIFY(matches.wait(2000));
    // The list above follows the door's counts.
    QCOMPARE(m_page->model()->row(m_eventId)->counts.checkedIn, 162);
    shot(m_page.get(), QStringLiteral("event-attendees-checkin.png"));
    field->clear();
}

void TestEventsUi::attendeesSearchRemoveExport()
{
    m_page->detailTabs()->setCurrentIndex(ui::EventsPage::AttendeesTab);
    ui::AttendeesView *list = m_page->attendeesView();
    QSignalSpy loaded(list, &ui::AttendeesView::loaded);
    list->refresh();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->model()->rowCount(), kPeople);
    const auto counts = *EventStore(m_f->db()).counts(m_eventId);
    QCOMPARE(list->countsLabel()->text(), ui::AttendeesView::countsText(counts, kCapacity));
    QVERIFY2(list->countsLabel()->text().startsWith(QStringLiteral("%1 confirmed of %2 · ").arg(QLocale().toString(counts.confirmed),
                                                                                                 QLocale().toString(kCapacity))),
             qPrintable(list->countsLabel()->text()));
    QVERIFY(list->countsLabel()->text().endsWith(QStringLiteral(" · 162 checked in")));

    // Searching and filtering.
    list->searchEdit()->setText(QStringLiteral("Íñigo"));
    QVERIFY(loaded.wait(5000));
    QVERIFY(list->model()->rowCount() > 0);
    for (int r = 0; r < list->model()->rowCount(); ++r)
        QCOMPARE(list->model()->at(r).firstName, QStringLiteral("Íñigo"));
    list->searchEdit()->clear();
    QVERIFY(loaded.wait(5000));
    list->statusFilter()->setCurrentIndex(list->statusFilter()->findText(QStringLiteral("Checked in")));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->model()->rowCount(), 162);
    list->statusFilter()->setCurrentIndex(list->statusFilter()->findText(QStringLiteral("Waiting")));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->model()->rowCount(), counts.waiting);
    QCOMPARE(list->model()->index(0, ui::AttendeesModel::Status).data().toString(), QStringLiteral("Waiting (place 1)"));
    list->statusFilter()->setCurrentIndex(0);
    QVERIFY(loaded.wait(5000));

    // Someone added by hand, then removed; a registration from the tracker cannot be removed here.
    QSignalSpy changed(list, &ui::AttendeesView::changed);
    QString error = QStringLiteral("(none)");
    list->addPerson(QStringLiteral("walk.in@example.org"), QStringLiteral("Walk"), QStringLiteral("In"),
                    [&error](const QString &why) { error = why; });
    QVERIFY(changed.wait(5000));
    QVERIFY(error.isEmpty());
    list->searchEdit()->setText(QStringLiteral("walk.in@"));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, ui::AttendeesModel::Source).data().toString(), QStringLiteral("Added by hand"));
    list->view()->selectRow(0);
    QStringList messages;
    ui::Dialogs::setMessageHook([&messages](const ui::Dialogs::Message &m) {
        messages << m.text;
        return QMessageBox::Yes;
    });
    QTest::mouseClick(list->findChild<QPushButton *>(QStringLiteral("attendeesRemove")), Qt::LeftButton);
    QVERIFY(changed.wait(5000));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->model()->at(0).status, events::RegistrationStatus::Cancelled);
    const auto fromTracker = EventStore(m_f->db()).registration(m_trackerRegistration);
    QVERIFY(fromTracker && fromTracker->trackerId);
    list->searchEdit()->setText(fromTracker->email);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->model()->rowCount(), 1);
    list->view()->selectRow(0);
    messages.clear();
    list->removeSelected();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(messages.size(), 2); // the question, then the store's refusal
    QVERIFY2(!messages.last().isEmpty() && !messages.last().startsWith(QStringLiteral("Remove ")), qPrintable(messages.join(u'|')));
    QCOMPARE(list->model()->at(0).status, events::RegistrationStatus::Confirmed);

    // Export CSV, chosen through the file dialog, written off the GUI thread.
    list->searchEdit()->clear();
    QVERIFY(loaded.wait(5000));
    const QString path = m_f->data.filePath(QStringLiteral("attendees.csv"));
    ui::Dialogs::setFileHook([path](const QString &) { return path; });
    QSignalSpy exported(list, &ui::AttendeesView::exported);
    QTest::mouseClick(list->findChild<QPushButton *>(QStringLiteral("attendeesExport")), Qt::LeftButton);
    QVERIFY(exported.wait(10000));
    QVERIFY2(exported.first().at(1).toString().isEmpty(), qPrintable(exported.first().at(1).toString()));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readLine(), QByteArray("email,first_name,last_name,status,position,registered_at,checked_in_at\r\n"));
    int lines = 0;
    while (!csv.readLine().isEmpty())
        ++lines;
    QCOMPARE(lines, kPeople + 1); // and the walk-in, cancelled
    ui::Dialogs::setFileHook({});
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
}

void TestEventsUi::report()
{
    m_page->detailTabs()->setCurrentIndex(ui::EventsPage::ReportTab);
    ui::EventReportView *report = m_page->reportView();
    QSignalSpy loaded(report, &ui::EventReportView::loaded);
    report->refresh();
    QVERIFY(loaded.wait(5000));
    const auto counts = *EventStore(m_f->db()).counts(m_eventId);
    QCOMPARE(report->report().counts.confirmed, counts.confirmed);
    QCOMPARE(report->tileValue(ui::EventReportView::Attended)->text(), QStringLiteral("162"));
    QCOMPARE(report->tileValue(ui::EventReportView::Waiting)->text(), QLocale().toString(counts.waiting));
    // The event ended yesterday: the confirmed people not checked in are no-shows.
    QVERIFY(report->report().ended);
    QCOMPARE(report->report().noShows, counts.confirmed - 162);
    QCOMPARE(report->tileValue(ui::EventReportView::NoShows)->text(), QLocale().toString(counts.confirmed - 162));
    QVERIFY(report->report().days.size() >= 12);
    int perDay = 0;
    for (const auto &d : report->report().days)
        perDay += d.registrations;
    QCOMPARE(perDay, kPeople + 1);
    int embedded = 0;
    for (int i = 0; i < kPeople; ++i)
        embedded += i % 7 == 3 || i % 7 == 4 ? 1 : 0; // as seeded
    QCOMPARE(report->report().sources.value(events::RegistrationSource::Embed), embedded);
    QCOMPARE(report->report().sources.value(events::RegistrationSource::Manual), kPeople / 7 + 1); // and the walk-in
    QCOMPARE(report->chartView()->chart()->series().size(), 2);
    shot(m_page.get(), QStringLiteral("event-report.png"));
}

void TestEventsUi::publishingAndSharing()
{
    // Published: the public page and the embed code, from the tracker's address.
    const auto event = EventStore(m_f->db()).find(m_eventId);
    QVERIFY(event && !event->slug.isEmpty());
    m_page->select(m_eventId);
    const QString url = QStringLiteral("https://track.example/e/") + event->slug;
    QTRY_COMPARE(m_page->publicLink()->property("url").toString(), url);
    QVERIFY(m_page->publicLink()->isVisible());
    QVERIFY2(m_page->embedCode()->text().startsWith(QStringLiteral("<iframe src=\"%1/embed\"").arg(url)), qPrintable(m_page->embedCode()->text()));
    auto *publish = m_page->findChild<QPushButton *>(QStringLiteral("eventPublish"));
    auto *cancel = m_page->findChild<QPushButton *>(QStringLiteral("eventCancel"));
    QVERIFY(!publish->isVisible());
    QVERIFY(cancel->isVisible() && cancel->isEnabled());

    // Cancelling asks first, saying registrants will be told; No changes nothing.
    QStringList messages;
    QMessageBox::StandardButton answer = QMessageBox::No;
    ui::Dialogs::setMessageHook([&](const ui::Dialogs::Message &m) {
        messages << m.text;
        return answer;
    });
    QSignalSpy published(m_page.get(), &ui::EventsPage::published);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().contains(QStringLiteral("are told by email")), qPrintable(messages.first()));
    QVERIFY(!published.wait(300));
    QCOMPARE(EventStore(m_f->db()).find(m_eventId)->status, events::EventStatus::Published);

    // A draft's Publish goes to the scheduler; without the tracker's API token it is refused with
    // the reason, and the event stays a draft.
    m_page->select(m_otherEventId);
    QTRY_VERIFY(publish->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY(!m_page->publicLink()->isVisible());
    messages.clear();
    answer = QMessageBox::Ok;
    QTest::mouseClick(publish, Qt::LeftButton);
    QVERIFY(!publish->isEnabled()); // while it goes
    QVERIFY(published.wait(10000));
    QCOMPARE(published.first().at(0).toLongLong(), m_otherEventId);
    QVERIFY(!published.first().at(1).toString().isEmpty());
    QCOMPARE(messages, QStringList{published.first().at(1).toString()});
    QCOMPARE(EventStore(m_f->db()).find(m_otherEventId)->status, events::EventStatus::Draft);
    QTRY_VERIFY(publish->isEnabled());
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        qWarning("unexpected message: %s", qPrintable(m.text));
        return QMessageBox::Ok;
    });
}

LUX_GUI_TEST_MAIN(TestEventsUi)
#include "tst_eventsui.moc"
