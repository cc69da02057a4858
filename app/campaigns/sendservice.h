// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/dispatcher.h"
#include "campaigns/sendsetup.h"
#include "events/eventpublisher.h"

#include <QObject>
#include <QThread>

namespace lux::campaigns {

class SendWorker;

// The app's scheduler: a thread of its own with its own database connection and network access, so
// the window never waits on a send. A timer there gives the run path (CampaignRunner, the same as
// luxctl's) its turn: a due job is claimed with a lease, so `luxctl scheduler run` or a second
// window never runs the same one, and run; test sends go the same way. Everything it says arrives as
// signals on the thread that owns the service.
class SendService : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString databasePath;
        // Providers, identities and secrets, read by whoever starts the service (the keychain's
        // jobs belong to its thread); secrets it lacks come from LUX_SECRET_* or fail a campaign
        // saying which is missing.
        SendSetup setup;
        // Jobs that came due while no scheduler ran: sent at once (with a notice), or held until
        // sendMissed() names them.
        bool holdMissed = false;
        int tickMs = 1000;
        int trackerSyncMs = 60'000;
        int mailboxReadMs = 300'000; // bounces, replies and unsubscribe mails in the sender mailboxes
    };

    explicit SendService(QObject *parent = nullptr);
    ~SendService() override; // stops sending (nothing is lost: jobs are released) and joins

    void start(const Config &config);
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    // Look for due jobs now rather than at the next tick (a campaign was just scheduled).
    void wake();
    // Pull lux-tracker's events now rather than at the next minute.
    void syncTracking();
    // Read the sender mailboxes now rather than at the next turn.
    void readMailboxes();
    void sendMissed(const QList<qint64> &campaignIds);
    // Renders the campaign for each address (as the contact with that address, if there is one)
    // and sends it from the campaign's mailbox with "[Test]" before the subject. No outbox row.
    void sendTest(qint64 campaignId, const QStringList &addresses);
    // An event to lux-tracker (events/eventpublisher.h): published, its changes, or cancelled; its
    // messages (updates, cancellations) queued. Answered by eventPublished().
    void publishEvent(qint64 eventId, lux::events::PublishAction action);


Q_SIGNALS:
    void progressed(const lux::campaigns::Dispatcher::Progress &progress);
    void campaignStarted(qint64 campaignId, const QString &name);
    // `status`: the campaign's status name afterwards ("sent", "paused", "sending" when stopped…)
    void campaignEnded(qint64 campaignId, const QString &name, const QString &status, qint64 sent, qint64 failed, qint64 unknown);
    void missedSchedules(const QList<qint64> &campaignIds, bool held);
    void problem(const QString &message);
    void testSent(qint64 campaignId, const QStringList &delivered, const QString &error);
    void idle(); // nothing is sending
    // A pull from lux-tracker ended: how many events, how many of them unsubscribes, or why not.
    void trackingSynced(int events, int unsubscribes, const QString &error);
    // Microsoft rotated the signed-in user's refresh token: keep the new one (the keychain).
    void refreshTokenChanged(const QString &refreshToken);
    // A look at the sender mailboxes ended: what it applied (a problem is said once, through problem()).
    void mailboxesRead(int bounces, int unsubscribes, int replies);
    // A workflow's notify step (or a problem with one contact's step): for the desktop notification.
    void automationNotice(const QString &text);
    // A turn of the workflows ran steps (the automations page refreshes its numbers).
    void automationsRan(int entered, int steps);
    // A social account's sign-in ends within the week and cannot be renewed (said once a day per account).
    void accountNotice(const QString &text);
    // publishEvent() ended: empty error when lux-tracker has the event as it is now.
    void eventPublished(qint64 eventId, const QString &error);

private:
    QThread m_thread;
    SendWorker *m_worker = nullptr;
};

} // namespace lux::campaigns
