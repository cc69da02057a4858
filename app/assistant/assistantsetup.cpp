// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantsetup.h"

#include "common/errorcodes.h"
#include "secrets/secretstore.h"
#include "settings/settings.h"

#include <QHostAddress>

namespace lux::assistant {

bool AssistantSetup::isLocalServer(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host.endsWith(QLatin1String(".local")))
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.isLoopback() || address.isLinkLocal())
        return true;
    // RFC 1918 and IPv6 unique local addresses (QHostAddress::isPrivateUse is Qt 6.6).
    for (const char *net : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        if (address.isInSubnet(QHostAddress::parseSubnet(QLatin1String(net))))
            return true;
    return false;
}

QCoro::Task<Result<AssistantSetup::Setup>> AssistantSetup::load(const Settings &settings, const SecretStore &secrets)
{
    Setup setup;
    setup.client.baseUrl = settings.openAiBaseUrl();
    setup.model = settings.openAiModel();
    setup.imageModel = settings.openAiImageModel();
    const QString scheme = setup.client.baseUrl.scheme();
    if (!setup.client.baseUrl.isValid() || (scheme != u"https" && scheme != u"http") || setup.client.baseUrl.host().isEmpty())
        co_return Error(QStringLiteral("openai.base-url"),
                        tr("The assistant's server address “%1” is not an http or https address (Settings → Assistant, or "
                           "luxctl settings set openai.base_url).").arg(setup.client.baseUrl.toString()));
    if (scheme == u"http" && !isLocalServer(setup.client.baseUrl))
        co_return Error(QStringLiteral("openai.base-url"),
                        tr("The assistant's server “%1” is on the internet without https: the API key and your data would "
                           "travel in the clear. Use an https address.").arg(setup.client.baseUrl.host()));
    if (setup.model.isEmpty())
        co_return Error(QStringLiteral("openai.model"), tr("No model is chosen for the assistant (Settings → Assistant)."));
    const Result<QString> key = co_await secrets.read(Secret::OpenAiApiKey);
    if (key && !key->trimmed().isEmpty())
        setup.client.apiKey = key->trimmed().toUtf8();
    else if (!isLocalServer(setup.client.baseUrl))
        co_return Error(QStringLiteral("openai.no-key"),
                        key || key.error().code == errc::secretsNotFound
                            ? tr("There is no API key for the assistant. Enter it in Settings → Assistant (or luxctl settings "
                                 "secret openai.api_key).")
                            : key.error().message);
    co_return setup;
}

} // namespace lux::assistant
