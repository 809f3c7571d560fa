#pragma once

#include "model/Rule.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Kanca {

enum class Language { English, Turkish };

QString languageCode(Language language); // "en", "tr"
std::optional<Language> languageFromCode(QStringView code);

// The document: rules in order, plus a name, a description and the locale of its text
// comparisons.
struct RuleSet
{
    static constexpr int FormatVersion = 1;

    QString name;
    QString description;
    Language locale = Language::English;
    QList<Rule> rules;

    // Every secret name the rule set refers to, sorted, each once.
    QStringList secretNames() const;
    const Rule *rule(QStringView id) const;

    friend bool operator==(const RuleSet &, const RuleSet &) = default;
};

} // namespace Kanca
