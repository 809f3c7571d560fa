#pragma once

#include <QTranslator>

namespace Kanca {

// The command line's translations: Kanca's own (:/i18n) and Qt's (qtbase), in the system's
// language (Kanca's English plural forms when it has none for that language), installed for as long
// as this object lives (make it after the QCoreApplication).
class SystemTranslators final
{
    Q_DISABLE_COPY_MOVE(SystemTranslators)

public:
    SystemTranslators();

private:
    QTranslator m_kanca;
    QTranslator m_qt;
};

} // namespace Kanca
