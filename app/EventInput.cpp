#include "EventInput.h"

#include "ProblemPrinter.h"
#include "catalog/Catalog.h"
#include "engine/RuleSetLoader.h"
#include "event/EventReader.h"
#include "text/Suggest.h"

#include <QFile>

#include <cstdio>

namespace Kanca {

std::optional<QJsonObject> EventInput::fromFile(const QString &path, CommandContext &context)
{
    QByteArray bytes;
    QString name = path;
    if (path == u"-") {
        name = QStringLiteral("<stdin>");
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            context.err << tr("%1: cannot be read: %2").arg(name, in.errorString()) << Qt::endl;
            return std::nullopt;
        }
        bytes = in.readAll();
    } else {
        QString error;
        const auto read = RuleSetLoader::readFile(path, &error);
        if (!read) {
            context.err << path << QStringLiteral(": ") << error << Qt::endl;
            return std::nullopt;
        }
        bytes = *read;
    }
    const EventReader::Result result = EventReader::read(bytes, context.catalog);
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
