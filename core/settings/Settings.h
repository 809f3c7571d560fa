#pragma once

#include "model/RuleSet.h"

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace Kanca {

// Typed access to the designer's settings (QSettings underneath). Tests call
// useTemporaryFile() first, so they never touch the user's settings.
class Settings final
{
public:
    static Settings &instance();
    static void useTemporaryFile(const QString &fileName);

    std::optional<Language> language() const;
    void setLanguage(Language language);

    QStringList recentFiles() const;
    void addRecentFile(const QString &fileName); // most recent first, at most 10
    void removeRecentFile(const QString &fileName);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    // The example opens at the very first start only.
    bool firstStart() const;
    void setFirstStartDone();

    // The history database; empty: HistoryDatabase::defaultPath().
    QString historyDatabase() const;
    // The server history last opened (File ▸ Open Server History…) or read by the Backtest
    // panel: a postgresql:// URL, never with a password (that is in the keychain).
    QString serverHistoryUrl() const;
    void setServerHistoryUrl(const QString &url);

    // webhook.site's address (a self-hosted one); empty: https://webhook.site.
    QUrl webhookSiteBaseUrl() const;
    void setWebhookSiteBaseUrl(const QUrl &url);
    // The local catcher's port; 0: any free port.
    quint16 catcherPort() const;
    void setCatcherPort(quint16 port);

private:
    explicit Settings(std::unique_ptr<QSettings> settings);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Kanca
