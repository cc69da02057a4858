// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendsetup.h"

#include <algorithm>

#include "secrets/secretstore.h"
#include "settings/settings.h"
#include "common/errorcodes.h"
#include "common/logging.h"
#include "tracking/token.h"

namespace lux::campaigns {

SendSetup SendSetup::fromSettings(const Settings &settings)
{
    SendSetup s;
    s.graph.authorityUrl = settings.graphAuthorityUrl();
    s.graph.baseUrl = settings.graphBaseUrl();
    s.graph.tenant = settings.graphTenant();
    s.graph.clientId = settings.graphClientId();
    s.delegatedMailbox = settings.graphDelegatedMailbox();
    s.tracking.trackerUrl = settings.trackerUrl();
    s.abMinPerVariant = settings.abMinPerVariant();
    s.eventConfirmHours = settings.eventConfirmHours();
    s.emailCap = settings.automationEmailCap();
    s.smsCap = settings.automationSmsCap();
    s.inbox.move = settings.mailboxMovesRead();
    s.inbox.folder = settings.mailboxFolder();
    s.twilio.baseUrl = settings.twilioBaseUrl();
    s.twilio.accountSid = settings.twilioAccountSid();
    s.twilio.apiKeySid = settings.twilioApiKeySid();
    // Twilio reports each text's fate to lux-tracker, which the app pulls from like opens and clicks.
    if (const QString tracker = settings.trackerUrl().trimmed(); !tracker.isEmpty())
        s.twilio.statusCallback = (tracker.endsWith(u'/') ? tracker.chopped(1) : tracker) + QStringLiteral("/twilio/status");
    s.social.x.baseUrl = settings.socialXBaseUrl();
    s.social.x.clientId = settings.socialXClientId();
    s.social.x.clientSecret = SecretStore::fromEnvironment(Secret::XClientSecret);
    s.social.linkedin.apiUrl = settings.socialLinkedInApiUrl();
    s.social.linkedin.authUrl = settings.socialLinkedInAuthUrl();
    s.social.linkedin.clientId = settings.socialLinkedInClientId();
    s.social.linkedin.version = settings.socialLinkedInVersion();
    s.social.linkedin.clientSecret = SecretStore::fromEnvironment(Secret::LinkedInClientSecret);
    s.social.meta.graphUrl = settings.socialMetaGraphUrl();
    s.social.meta.dialogUrl = settings.socialMetaDialogUrl();
    s.social.meta.appId = settings.socialMetaAppId();
    s.social.meta.version = settings.socialMetaVersion();
    s.social.meta.appSecret = SecretStore::fromEnvironment(Secret::MetaAppSecret);
    s.social.media.urlMinutes = settings.socialMediaUrlMinutes();
    s.sms.quietStartMinutes = settings.smsQuietStartMinutes();
    s.sms.quietEndMinutes = settings.smsQuietEndMinutes();
    s.sms.stateRules = settings.smsStateRules();
    // Headless runs bring their secrets in the environment; withSecrets() adds the keychain's.
    s.graph.clientSecret = SecretStore::fromEnvironment(Secret::GraphClientSecret);
    s.graph.refreshToken = SecretStore::fromEnvironment(Secret::GraphRefreshToken);
    s.tracking.keys = SecretStore::fromEnvironment(Secret::TrackingKeys).toUtf8();
    s.tracking.apiToken = SecretStore::fromEnvironment(Secret::TrackerApiToken).toUtf8();
    s.twilio.secret = SecretStore::fromEnvironment(s.twilio.apiKeySid.isEmpty() ? Secret::TwilioAuthToken : Secret::TwilioApiKeySecret);
    return s;
}

sms::QuietHoursPolicy SendSetup::quietHours() const
{
    // The settings may narrow the window, never widen it past the law's 08:00–21:00 (47 CFR 64.1200(c)(1)).
    sms::QuietHoursPolicy policy;
    policy.start = QTime(0, 0).addSecs(std::max(sms.quietStartMinutes, 8 * 60) * 60);
    policy.end = QTime(0, 0).addSecs(std::min(sms.quietEndMinutes, 21 * 60) * 60);
    policy.stateRules = sms.stateRules;
    return policy;
}

QCoro::Task<SendSetup> SendSetup::withSecrets(SecretStore secrets, SendSetup setup)
{
    // One named secret before each co_await: GCC 12 destroys temporaries inside its operand twice.
    if (const auto secret = co_await secrets.read(Secret::GraphClientSecret))
        setup.graph.clientSecret = *secret;
    if (!setup.delegatedMailbox.isEmpty())
        if (const auto refresh = co_await secrets.read(Secret::GraphRefreshToken))
            setup.graph.refreshToken = *refresh;
    const auto keys = co_await secrets.read(Secret::TrackingKeys);
    if (keys) {
        setup.tracking.keys = keys->toUtf8();
    } else if (keys.error().code == errc::secretsNotFound && setup.tracking.trackerUrl.trimmed().isEmpty()) {
        // No tracker and no keys yet: the unsubscribe tokens of the mailto: addresses still need a
        // key, so LUX makes the ring once and keeps it where the keys live. A tracker set up later
        // is given the same ring (Settings → Tracking shows it), so those tokens keep verifying.
        // Unkept (no keychain), it is not used: tokens nobody could verify later would be worse.
        const QByteArray ring = tracking::KeyRing::generate(1);
        QString text = QString::fromUtf8(ring);
        const Status kept = co_await secrets.write(Secret::TrackingKeys, std::move(text));
        if (kept)
            setup.tracking.keys = ring;
        else
            qCWarning(lcSecrets) << "the signing keys made for sending without a tracker were not kept:" << kept.error().code;
    }
    if (const auto token = co_await secrets.read(Secret::TrackerApiToken))
        setup.tracking.apiToken = token->toUtf8();
    if (!setup.twilio.accountSid.isEmpty() && setup.twilio.secret.isEmpty()) {
        const Secret which = setup.twilio.apiKeySid.isEmpty() ? Secret::TwilioAuthToken : Secret::TwilioApiKeySecret;
        if (const auto twilio = co_await secrets.read(which))
            setup.twilio.secret = *twilio;
    }
    if (!setup.social.x.clientId.isEmpty() && setup.social.x.clientSecret.isEmpty())
        if (const auto x = co_await secrets.read(Secret::XClientSecret))
            setup.social.x.clientSecret = *x;
    if (!setup.social.linkedin.clientId.isEmpty() && setup.social.linkedin.clientSecret.isEmpty())
        if (const auto linkedin = co_await secrets.read(Secret::LinkedInClientSecret))
            setup.social.linkedin.clientSecret = *linkedin;
    if (!setup.social.meta.appId.isEmpty() && setup.social.meta.appSecret.isEmpty())
        if (const auto meta = co_await secrets.read(Secret::MetaAppSecret))
            setup.social.meta.appSecret = *meta;
    setup.social.secrets = secrets;
    co_return setup;
}

} // namespace lux::campaigns
