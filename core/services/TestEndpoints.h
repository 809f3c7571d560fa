#pragma once

#include "endpoints/Catcher.h"
#include "endpoints/WebhookSiteClient.h"

#include <QObject>
#include <QString>
#include <QUrl>

namespace Kanca {

class SecretStore;

// The places a rule can be tested against, one of each per window: webhook.site (its client,
// set up from the settings: the base URL of a self-hosted one, and the API key, which is a
// secret kept in the keychain as WEBHOOK_SITE_API_KEY, or KANCA_SECRET_WEBHOOK_SITE_API_KEY)
// and the local catcher, started when first asked for and kept running for the session.
class TestEndpoints final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestEndpoints)

public:
    static constexpr const char *ApiKeySecret = "WEBHOOK_SITE_API_KEY";
    static constexpr const char *CatcherPath = "/webhook";
    static constexpr int CatcherCapacity = 500;
    static constexpr qint64 CatcherMaxBodySize = 256 * 1024;

    explicit TestEndpoints(SecretStore *secrets, QObject *parent = nullptr);
    ~TestEndpoints() override;

    WebhookSiteClient *webhookSite() const { return m_webhookSite; }
    Catcher *catcher() const { return m_catcher; }

    // Saves the base URL (empty: webhook.site) and the API key (empty: none).
    void setWebhookSiteSettings(const QUrl &baseUrl, const QString &apiKey);

    // Starts the catcher on 127.0.0.1 at `port` (0: the remembered port, else any free one) if it
    // is not listening yet. False with the reason if the port cannot be had.
    bool startCatcher(quint16 port, QString *error);
    void stopCatcher();
    // Where an action sends to reach the catcher: "http://127.0.0.1:PORT/webhook"; empty when
    // it is not listening.
    QString catcherUrl() const;
    // Whether a request to `url` reaches the catcher as it listens now.
    bool isCatcherUrl(const QUrl &url) const;

Q_SIGNALS:
    // The catcher was started (by the action editor, the panel, or anyone).
    void catcherStarted(const QString &url);
    // Someone asked for the catcher and has it, started now or listening already: the window
    // shows the Local Catcher panel.
    void catcherWanted(const QString &url);

private:
    void applyApiKey();

    SecretStore *m_secrets;
    WebhookSiteClient *m_webhookSite;
    Catcher *m_catcher;
};

} // namespace Kanca
