#include "settings/Settings.h"

#include "postgres/PostgresUrl.h"

#include <QFileInfo>

namespace Kanca {

namespace {
std::unique_ptr<Settings> &storage()
{
    static std::unique_ptr<Settings> settings;
    return settings;
}
constexpr int MaxRecentFiles = 10;
} // namespace

Settings::Settings(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings))
{}

Settings &Settings::instance()
{
    auto &settings = storage();
    if (!settings)
        settings.reset(new Settings(std::make_unique<QSettings>()));
    return *settings;
}

void Settings::useTemporaryFile(const QString &fileName)
{
    storage().reset(new Settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat)));
}

std::optional<Language> Settings::language() const
{
    return languageFromCode(m_settings->value(QStringLiteral("language")).toString());
}

void Settings::setLanguage(Language language)
{
    m_settings->setValue(QStringLiteral("language"), languageCode(language));
}

QStringList Settings::recentFiles() const
{
    return m_settings->value(QStringLiteral("recentFiles")).toStringList();
}

void Settings::addRecentFile(const QString &fileName)
{
    const QString path = QFileInfo(fileName).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    m_settings->setValue(QStringLiteral("recentFiles"), files);
}

void Settings::removeRecentFile(const QString &fileName)
{
    QStringList files = recentFiles();
    files.removeAll(fileName);
    m_settings->setValue(QStringLiteral("recentFiles"), files);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

QByteArray Settings::splitterState(const QString &name) const
{
    return m_settings->value(QStringLiteral("splitters/") + name).toByteArray();
}

void Settings::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("splitters/") + name, state);
}

bool Settings::firstStart() const
{
    return !m_settings->value(QStringLiteral("firstStartDone")).toBool();
}

void Settings::setFirstStartDone()
{
    m_settings->setValue(QStringLiteral("firstStartDone"), true);
}

QString Settings::historyDatabase() const
{
    return m_settings->value(QStringLiteral("historyDatabase")).toString();
}

QString Settings::serverHistoryUrl() const
{
    return m_settings->value(QStringLiteral("serverHistory/url")).toString();
}

void Settings::setServerHistoryUrl(const QString &url)
{
    m_settings->setValue(QStringLiteral("serverHistory/url"), PostgresUrl::withoutPassword(url));
}

QUrl Settings::webhookSiteBaseUrl() const
{
    return m_settings->value(QStringLiteral("webhookSite/baseUrl")).toUrl();
}

void Settings::setWebhookSiteBaseUrl(const QUrl &url)
{
    if (url.isEmpty())
        m_settings->remove(QStringLiteral("webhookSite/baseUrl"));
    else
        m_settings->setValue(QStringLiteral("webhookSite/baseUrl"), url);
}

quint16 Settings::catcherPort() const
{
    const uint port = m_settings->value(QStringLiteral("catcher/port")).toUInt();
    return port <= 65535 ? quint16(port) : 0;
}

void Settings::setCatcherPort(quint16 port)
{
    m_settings->setValue(QStringLiteral("catcher/port"), port);
}

} // namespace Kanca
