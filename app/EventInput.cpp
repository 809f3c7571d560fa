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

} // namespace Kanca
