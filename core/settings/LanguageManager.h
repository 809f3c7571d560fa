#pragma once

#include "model/RuleSet.h"

#include <QObject>
#include <QTranslator>

#include <memory>

namespace Kanca {

// The interface language, switchable at run time: replaces the installed
// translators (Kanca's and Qt's own qtbase), and Qt then sends QEvent::LanguageChange to every
// widget, which calls its retranslateUi() from changeEvent(). Catalog labels follow language().
class LanguageManager final : public QObject
{
    Q_OBJECT

public:
    static LanguageManager &instance();

    Language language() const { return m_language; }
    // The system's language if Kanca speaks it (Turkish), else English.
    static Language systemLanguage();
    void setLanguage(Language language);

Q_SIGNALS:
    void languageChanged(Kanca::Language language);

private:
    LanguageManager();
    void install();

    Language m_language = Language::English;
    bool m_installed = false;
    std::unique_ptr<QTranslator> m_kanca;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace Kanca
