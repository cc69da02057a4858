// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/graph/graphclient.h"
#include "channels/social/socialchannel.h"
#include "channels/twilio/twilioclient.h"
#include "mailbox/mailboxreader.h"
#include "sms/quiethours.h"
#include "tracking/campaigntracking.h"

#include <QCoroTask>

namespace lux {
class Settings;
class SecretStore;
} // namespace lux

namespace lux::campaigns {

// What a send needs from outside the database: where the providers are, who the app is, and the
// secrets. Made in one place for the app's scheduler, luxctl and the tests, so they cannot drift.
// Secrets are read by whoever starts a run, on its own thread (QtKeychain's jobs belong to one), and
// travel in here; headless runs get them from LUX_SECRET_<NAME> (SecretStore reads those first).
struct SendSetup
{
    channels::graph::GraphConfig graph; // with the client secret, and the refresh token when signed in
    QString delegatedMailbox;           // the user signed in to send as themselves (through /me)
    tracking::CampaignTracking::Config tracking;
    mailbox::MailboxReader::Config inbox; // what is done with the messages read from the sender mailboxes
    channels::twilio::TwilioConfig twilio; // with its secret; the status callback goes to lux-tracker
    // The networks posts go to, and the keychain the accounts' tokens are read from and rotated in
    // (on the thread that sends; social/tokens.h).
    channels::social::SocialConfig social;
    // Quiet hours for texts: [start, end) in minutes after midnight, recipient's local time, and
    // whether the stricter US state windows apply.
    struct Sms
    {
        int quietStartMinutes = 8 * 60;
        int quietEndMinutes = 21 * 60;
        bool stateRules = true;
    } sms;
    // An A/B test declares no winner before each variant has this many delivered messages.
    qint64 abMinPerVariant = 500;
    int eventConfirmHours = 48; // Settings::eventConfirmHours: an event's double opt-in hold
    // Settings::automationEmailCap, automationSmsCap: marketing messages per contact per day (0: no cap).
    int emailCap = 2, smsCap = 1;
    // The quiet-hours rules texts are held to (sms::QuietHours), from `sms`.
    sms::QuietHoursPolicy quietHours() const;

    // Addresses and identities from the settings, and the secrets the environment gives.
    static SendSetup fromSettings(const Settings &settings);
    // The same with the secrets from `secrets` (the keychain, or the environment). With no tracker
    // and no signing keys, a key ring is made and kept in `secrets` first: the one place keys are
    // made without the user asking (the app's scheduler and luxctl both come through here).
    static QCoro::Task<SendSetup> withSecrets(SecretStore secrets, SendSetup setup);
};

} // namespace lux::campaigns
