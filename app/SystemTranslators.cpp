#include "SystemTranslators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace Kanca {

SystemTranslators::SystemTranslators()
{
    if (m_kanca.load(QLocale(), QStringLiteral("kanca"), QStringLiteral("_"),
                     QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_kanca);
    if (m_qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
}

} // namespace Kanca
