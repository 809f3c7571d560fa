#include "TracePrinter.h"

#include "conditions/ConditionTrace.h"

namespace Kanca {

namespace {

QString mark(const ConditionTrace &trace)
{
    if (trace.undecided)
        return QStringLiteral("?");
    return trace.result ? QStringLiteral("✓") : QStringLiteral("✗");
}

} // namespace

QStringList traceLines(const ConditionTrace &trace, Language language, int indent)
{
    const QString pad(indent * 2, u' ');
    if (trace.children.empty() && trace.kind == Condition::Kind::Leaf)
        return {pad + mark(trace) + u' ' + trace.explanation};
    // In the trace's language, as its sentences are (not the interface's).
    const bool turkish = language == Language::Turkish;
    QString group;
    switch (trace.kind) {
    case Condition::Kind::All:
        group = turkish ? QStringLiteral("hepsi") : QStringLiteral("all of");
        break;
    case Condition::Kind::Any:
        group = turkish ? QStringLiteral("herhangi biri") : QStringLiteral("any of");
        break;
    case Condition::Kind::Not:
        group = turkish ? QStringLiteral("değil") : QStringLiteral("not");
        break;
    case Condition::Kind::Leaf:
        break;
    }
    QStringList lines{pad + mark(trace) + u' ' + group};
    for (const ConditionTrace &child : trace.children)
        lines += traceLines(child, language, indent + 1);
    return lines;
}

} // namespace Kanca
