#include "CommandArguments.h"

#include "ExitCode.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Kanca {

CommandArguments::CommandArguments(CommandContext &context, const QString &command,
                                   const QString &usage)
    : m_context(context)
    , m_command(command)
    , m_usage(usage)
{}

std::optional<int> CommandArguments::parse(QCommandLineParser &parser) const
{
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s});
    parser.addOption(help);
    if (!parser.parse(QStringList{u"kanca"_s} + m_context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        m_context.out << m_usage;
        return int(ExitOk);
    }
    return std::nullopt;
}

int CommandArguments::usageError(const QString &message) const
{
    m_context.err << u"kanca "_s << m_command << u": "_s << message << Qt::endl
                  << Qt::endl
                  << m_usage;
    return ExitUsage;
}

} // namespace Kanca
