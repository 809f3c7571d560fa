#include "settings/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace Kanca {

LanguageManager &LanguageManager::instance()
{
    static LanguageManager manager;
    return manager;
}

LanguageManager::LanguageManager() = default;

Language LanguageManager::systemLanguage()
{
    return QLocale().language() == QLocale::Turkish ? Language::Turkish : Language::English;
}

void LanguageManager::setLanguage(Language language)
{
    if (m_installed && language == m_language)
        return;
    m_language = language;
    install();
    Q_EMIT languageChanged(language);
}

void LanguageManager::install()
{
    if (m_kanca)
        QCoreApplication::removeTranslator(m_kanca.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    const QLocale locale(m_language == Language::Turkish ? QLocale::Turkish : QLocale::English,
                         m_language == Language::Turkish ? QLocale::Turkey : QLocale::UnitedStates);
    QLocale::setDefault(locale);
    m_kanca = std::make_unique<QTranslator>();
    if (m_kanca->load(locale, QStringLiteral("kanca"), QStringLiteral("_"),
                      QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(m_kanca.get());
    m_qt = std::make_unique<QTranslator>();
    if (m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
    m_installed = true;
}

} // namespace Kanca
