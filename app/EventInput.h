#pragma once

#include "CommandContext.h"
#include "model/RuleSet.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Kanca {

// The event a command works on: a JSON file, standard input ("-"), or a built-in sample.
class EventInput final
{
    Q_DECLARE_TR_FUNCTIONS(EventInput)

public:
    // Reads --event PATH|- ; prints problems as "PATH:LINE:COL: message" on failure.
    static std::optional<QJsonObject> fromFile(const QString &path, CommandContext &context);
    // The catalog's sample of TYPE in LANGUAGE; an unknown type is reported with a suggestion.
    static std::optional<QJsonObject> fromSample(const QString &type, Language language,
                                                 CommandContext &context);
};

// What render and send share: the options that name the event, --event FILE|-, --sample TYPE
// and --lang en|tr (the sample's language, by default the rule set's).
class EventOptions final
{
    Q_DECLARE_TR_FUNCTIONS(EventOptions)

public:
    EventOptions();

    void addOptions(QCommandLineParser &parser) const;
    // Reads the options; on a usage problem (neither or both of --event and --sample, a --lang
    // that is not en or tr) returns false and says why.
    bool readOptions(const QCommandLineParser &parser, QString *usageError);

    // --lang, else the rule set's language.
    Language languageOr(Language ruleSetLanguage) const
    {
        return m_language.value_or(ruleSetLanguage);
    }
    // The event the options name, a sample in `sampleLanguage`; nullopt (problems printed) when
    // it cannot be read.
    std::optional<QJsonObject> read(Language sampleLanguage, CommandContext &context) const;

private:
    QCommandLineOption m_event;
    QCommandLineOption m_sample;
    QCommandLineOption m_lang;
    bool m_fromFile = false;
    QString m_eventPath;
    QString m_sampleType;
    std::optional<Language> m_language;
};

} // namespace Kanca
