#include "services/TestEndpoints.h"

#include "services/SecretStore.h"
#include "settings/Settings.h"

namespace Kanca {

TestEndpoints::TestEndpoints(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_webhookSite(new WebhookSiteClient(this))
    , m_catcher(new Catcher(this))
{
    // At most 500 requests of at most 256 KiB each (as the history keeps bodies) in memory; the
    // real size of a longer body is still shown.
    m_catcher->setCapacity(CatcherCapacity);
    m_catcher->setMaxBodySize(CatcherMaxBodySize);
    m_webhookSite->setBaseUrl(Settings::instance().webhookSiteBaseUrl());
    connect(m_secrets, &SecretStore::changed, this, &TestEndpoints::applyApiKey);
    m_secrets->load({QString::fromLatin1(ApiKeySecret)});
    applyApiKey();
}

TestEndpoints::~TestEndpoints() = default;

void TestEndpoints::setWebhookSiteSettings(const QUrl &baseUrl, const QString &apiKey)
{
    Settings::instance().setWebhookSiteBaseUrl(baseUrl);
    m_webhookSite->setBaseUrl(baseUrl);
    const QString name = QString::fromLatin1(ApiKeySecret);
    if (apiKey.isEmpty())
        m_secrets->remove(name);
    else
        m_secrets->store(name, apiKey.toUtf8());
    applyApiKey();
}

void TestEndpoints::applyApiKey()
{
    const std::optional<QByteArray> key = m_secrets->secret(QString::fromLatin1(ApiKeySecret));
    m_webhookSite->setApiKey(key ? QString::fromUtf8(*key) : QString());
}

bool TestEndpoints::startCatcher(quint16 port, QString *error)
{
    if (m_catcher->isListening()) {
        Q_EMIT catcherWanted(catcherUrl());
        return true;
    }
    const quint16 remembered = Settings::instance().catcherPort();
    bool listening = m_catcher->listen(QHostAddress::LocalHost, port ? port : remembered, error);
    // The remembered port may have been taken since; any free one will do then.
    if (!listening && port == 0 && remembered != 0)
        listening = m_catcher->listen(QHostAddress::LocalHost, 0, error);
    if (!listening)
        return false;
    Settings::instance().setCatcherPort(m_catcher->port());
    Q_EMIT catcherStarted(catcherUrl());
    Q_EMIT catcherWanted(catcherUrl());
    return true;
}

void TestEndpoints::stopCatcher()
{
    m_catcher->close();
}

QString TestEndpoints::catcherUrl() const
{
    return m_catcher->isListening() ? m_catcher->url() + QLatin1StringView(CatcherPath) : QString();
}

bool TestEndpoints::isCatcherUrl(const QUrl &url) const
{
    if (!m_catcher->isListening() || url.scheme() != u"http" || url.port(80) != m_catcher->port())
        return false;
    const QHostAddress host(url.host());
    return url.host() == u"localhost" || host == m_catcher->address();
}

} // namespace Kanca
