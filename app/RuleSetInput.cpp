#include "RuleSetInput.h"

#include "ProblemPrinter.h"
#include "format/BoundedReader.h"
#include "format/JsonLocator.h"

namespace Kanca {

std::optional<RuleSetInput> RuleSetInput::load(const QString &fileName, CommandContext &context)
{
    QString readError;
    auto bytes = BoundedReader::readFile(fileName, &readError);
    if (!bytes) {
        context.err << fileName << QStringLiteral(": ") << readError << Qt::endl;
        return std::nullopt;
    }
    RuleSetInput input{fileName, std::move(*bytes), {}};
    input.loaded = RuleSetLoader::load(input.bytes, context.catalog);
    ProblemPrinter(context.err).print(fileName, input.loaded.problems);
    if (!input.loaded.ok())
        return std::nullopt;
    return input;
}

void RuleSetInput::printProblems(Problems problems, CommandContext &context) const
{
    JsonLocator(bytes).locate(&problems);
    ProblemPrinter(context.err).print(fileName, problems);
}

} // namespace Kanca
