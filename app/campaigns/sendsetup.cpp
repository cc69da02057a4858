// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendsetup.h"

#include "secrets/secretstore.h"
#include "settings/settings.h"

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
    s.inbox.move = settings.mailboxMovesRead();
    s.inbox.folder = settings.mailboxFolder();
    // Headless runs bring their secrets in the environment; withSecrets() adds the keychain's.
    s.graph.clientSecret = SecretStore::fromEnvironment(Secret::GraphClientSecret);
    s.graph.refreshToken = SecretStore::fromEnvironment(Secret::GraphRefreshToken);
    s.tracking.keys = SecretStore::fromEnvironment(Secret::TrackingKeys).toUtf8();
    s.tracking.apiToken = SecretStore::fromEnvironment(Secret::TrackerApiToken).toUtf8();
    return s;
}

QCoro::Task<SendSetup> SendSetup::withSecrets(SecretStore secrets, SendSetup setup)
{
    // One named secret before each co_await: GCC 12 destroys temporaries inside its operand twice.
    if (const auto secret = co_await secrets.read(Secret::GraphClientSecret))
        setup.graph.clientSecret = *secret;
    if (!setup.delegatedMailbox.isEmpty())
        if (const auto refresh = co_await secrets.read(Secret::GraphRefreshToken))
            setup.graph.refreshToken = *refresh;
    if (const auto keys = co_await secrets.read(Secret::TrackingKeys))
        setup.tracking.keys = keys->toUtf8();
    if (const auto token = co_await secrets.read(Secret::TrackerApiToken))
        setup.tracking.apiToken = token->toUtf8();
    co_return setup;
}

} // namespace lux::campaigns
