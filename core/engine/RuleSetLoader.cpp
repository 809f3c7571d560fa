#include "engine/RuleSetLoader.h"

#include "format/BoundedReader.h"
#include "format/JsonLocator.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Kanca {

namespace {

// A rule set at all: the right format and a version this Kanca reads, rules a list of objects.
bool isReadableRuleSet(const QJsonObject &root)
{
    if (root.value(u"format").toString() != u"kanca.ruleset")
        return false;
    const QJsonValue version = root.value(u"version");
    const double number = version.toDouble();
    if (!version.isDouble() || number != double(qint64(number)) || number < 1
        || number > RuleSetReader::SupportedVersion)
        return false;
    const QJsonValue rules = root.value(u"rules");
    if (!rules.isArray())
        return false;
    for (const QJsonValue &rule : rules.toArray()) {
        if (!rule.isObject())
            return false;
    }
    return true;
}

} // namespace

RuleSetLoader::Result RuleSetLoader::load(const QByteArray &json, const Catalog &catalog,
                                          RuleSetReader::UnknownKeys unknownKeys)
{
    Result result;
    const auto root = RuleSetReader::parseObject(json, &result.problems);
    if (!root)
        return result;

    result.document = *root;
    result.readable = isReadableRuleSet(*root);
    const JsonLocator locator(json);
    result.problems += locator.duplicateKeys();
    RuleSet ruleSet = RuleSetReader::fromJson(*root, unknownKeys, &result.problems);
    Problems compileProblems;
    result.compiled = CompiledRuleSet::compile(std::move(ruleSet), catalog, &compileProblems);
    // Where the reader already found an error, the compiler sees only what the reader could
    // make of it (an empty name, a default): its word there adds nothing.
    QSet<QString> readErrors;
    for (const Problem &p : std::as_const(result.problems)) {
        if (p.isError())
            readErrors.insert(p.pointer);
    }
    for (Problem &p : compileProblems) {
        if (!readErrors.contains(p.pointer))
            result.problems.append(std::move(p));
    }
    locator.locate(&result.problems);
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const Problem &a, const Problem &b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return result;
}

RuleSetLoader::Result RuleSetLoader::loadFile(const QString &fileName, const Catalog &catalog,
                                              RuleSetReader::UnknownKeys unknownKeys)
{
    QString error;
    const auto bytes = BoundedReader::readFile(fileName, &error);
    if (!bytes) {
        Result result;
        result.problems.append({Problem::Severity::Error, QString(), 0, 0, error});
        return result;
    }
    return load(*bytes, catalog, unknownKeys);
}

} // namespace Kanca
