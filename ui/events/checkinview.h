// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/eventstore.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace lux::tracking {
class TokenCodec;
}

namespace lux::ui {

class AppSession;

// The door: one big field a USB barcode scanner types a ticket into (then Enter), or where someone
// types a name or an address. Enter checks in; typing shows who matches, each with a Check In button.
// A banner says what happened in large type and colour, the field clears for the next scan, the last
// check-in can be undone, and a counter says how many are in. Only the local database is used (no
// network); every lookup and write runs on a worker, one at a time in the order scanned.
class CheckInView : public QWidget
{
    Q_OBJECT
public:
    enum class Tone { Neutral, Success, Warning, Danger };

    explicit CheckInView(AppSession &session, QWidget *parent = nullptr);
    ~CheckInView() override;

    void setEvent(const events::Event &event); // id 0: none
    qint64 eventId() const { return m_event.id; }
    // What Enter does with the field's text: a ticket, an address, or a name that matches one person.
    void submit(const QString &text);
    void checkInAddress(const QString &email); // the matches' Check In button
    void undo();                               // the last check-in made here

    QLineEdit *input() const { return m_input; }
    QFrame *banner() const { return m_banner; }
    QLabel *bannerTitle() const { return m_title; }
    QLabel *bannerDetail() const { return m_detail; }
    QTableWidget *matches() const { return m_matches; }
    QLabel *counter() const { return m_counter; }
    QPushButton *undoButton() const { return m_undo; }
    Tone tone() const { return m_tone; }
    bool isIdle() const { return m_queue.isEmpty() && !m_running; }

Q_SIGNALS:
    void answered(); // the banner shows the answer to one scan, search or undo
    void matchesShown();
    void checkedIn(); // someone's check-in was recorded or undone
    void countsChanged(qint64 eventId, const lux::events::RegistrationCounts &counts); // as of the last answer

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Job
    {
        enum class Kind { Enter, Address, Undo } kind = Kind::Enter;
        QString text;
        qint64 registrationId = 0;
    };
    void loadKeys();
    void runNext();
    void search();
    void showBanner(Tone tone, const QString &title, const QString &detail);
    void showCounts(const events::RegistrationCounts &counts);
    void refreshCounts();

    AppSession &m_session;
    events::Event m_event;
    std::shared_ptr<const tracking::TokenCodec> m_codec;
    bool m_keysLoaded = false;
    bool m_keysRequested = false; // read once an event is chosen, not at start (no keychain prompt for nothing)
    QList<Job> m_queue;
    bool m_running = false;
    qint64 m_lastCheckedIn = 0;
    QString m_lastName;
    int m_searchGeneration = 0;
    Tone m_tone = Tone::Neutral;

    QLineEdit *m_input;
    QFrame *m_banner;
    QLabel *m_title;
    QLabel *m_detail;
    QTableWidget *m_matches;
    QLabel *m_counter;
    QLabel *m_keysNote;
    QPushButton *m_undo;
    QTimer *m_debounce;
};

} // namespace lux::ui
