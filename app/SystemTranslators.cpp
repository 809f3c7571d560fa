#include "SystemTranslators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace Kanca {

SystemTranslators::SystemTranslators()
{
    // The texts are English in the source; their plural forms ("%n worker(s)") are in kanca_en,
    // which also serves a system language Kanca does not speak (or none: LC_ALL=C).
    if (m_kanca.load(QLocale(), QStringLiteral("kanca"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))
        || m_kanca.load(QStringLiteral(":/i18n/kanca_en")))
        QCoreApplication::installTranslator(&m_kanca);
    if (m_qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
}

} // namespace Kanca
