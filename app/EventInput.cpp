#include "EventInput.h"

#include "ProblemPrinter.h"
#include "catalog/Catalog.h"
#include "event/EventReader.h"
#include "format/BoundedReader.h"
#include "text/Suggest.h"

namespace Kanca {

std::optional<QJsonObject> EventInput::fromFile(const QString &path, CommandContext &context)
{
    const bool standardInput = path == u"-";
    const QString name = standardInput ? QStringLiteral("<stdin>") : path;
    QString error;
    const std::optional<QByteArray> bytes = standardInput ? BoundedReader::readStandardInput(&error)
                                                          : BoundedReader::readFile(path, &error);
    if (!bytes) {
        context.err << name << QStringLiteral(": ") << error << Qt::endl;
        return std::nullopt;
    }
    const EventReader::Result result = EventReader::read(*bytes, context.catalog);
    ProblemPrinter(context.err).print(name, result.problems);
    return result.event;
}

std::optional<QJsonObject> EventInput::fromSample(const QString &type, Language language,
                                                  CommandContext &context)
{
    if (!context.catalog.event(type)) {
        context.err << tr("--sample: unknown event type \"%1\"%2")
                           .arg(type, didYouMean(type, context.catalog.eventIds()))
                    << Qt::endl;
        return std::nullopt;
    }
    return context.catalog.sampleEvent(type, language);
}

EventOptions::EventOptions()
    : m_event(QStringLiteral("event"), QString(), QStringLiteral("FILE"))
    , m_sample(QStringLiteral("sample"), QString(), QStringLiteral("TYPE"))
    , m_lang(QStringLiteral("lang"), QString(), QStringLiteral("LANG"))
{}

void EventOptions::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_event, m_sample, m_lang});
}

bool EventOptions::readOptions(const QCommandLineParser &parser, QString *usageError)
{
    if (parser.isSet(m_event) == parser.isSet(m_sample)) {
        *usageError = tr("give either --event or --sample");
        return false;
    }
    m_fromFile = parser.isSet(m_event);
    m_eventPath = parser.value(m_event);
    m_sampleType = parser.value(m_sample);
    m_language.reset();
    if (parser.isSet(m_lang)) {
        m_language = languageFromCode(parser.value(m_lang));
        if (!m_language) {
            *usageError = tr("--lang takes \"en\" or \"tr\", not \"%1\"").arg(parser.value(m_lang));
            return false;
        }
    }
    return true;
}

std::optional<QJsonObject> EventOptions::read(Language sampleLanguage,
                                              CommandContext &context) const
{
    return m_fromFile ? EventInput::fromFile(m_eventPath, context)
                      : EventInput::fromSample(m_sampleType, sampleLanguage, context);
}

} // namespace Kanca
