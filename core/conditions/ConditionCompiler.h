#pragma once

#include "conditions/CompiledConditionNode.h"
#include "format/Problem.h"
#include "model/Condition.h"
#include "model/RuleSet.h"

#include <QJsonValue>
#include <QString>

namespace Kanca {

// Compiles a condition tree into CompiledConditionNodes (private to core/conditions): resolves
// fields in the catalog, checks operators and values, folds needles for the rule set's
// language, compiles regular expressions and parses numbers and date-times. Every problem is
// reported with its JSON pointer; a node with a problem is marked invalid.
class ConditionCompiler final
{
public:
    ConditionCompiler(const Catalog &catalog, Language locale, Problems *problems)
        : m_catalog(catalog)
        , m_locale(locale)
        , m_problems(problems)
    {}

    void compile(const Condition &condition, const QString &pointer, int depth,
                 CompiledConditionNode &node);

private:
    void report(const QString &pointer, const QString &message,
                Problem::Severity severity = Problem::Severity::Error)
    {
        if (m_problems)
            m_problems->append(Problem{severity, pointer, 0, 0, message});
    }

    void compileLeaf(const Condition &condition, const QString &pointer,
                     CompiledConditionNode &node);
    void reportOperatorDoesNotApply(const CompiledConditionNode &node, const FieldInfo &field,
                                    const QString &pointer);
    bool compileValue(const QJsonValue &value, const FieldInfo &field, const QString &pointer,
                      CompiledConditionNode &node);
    bool compileScalar(const QJsonValue &value, const FieldInfo &field, const QString &pointer,
                       CompiledConditionNode &node, bool inList);
    bool compilePattern(const QJsonValue &value, const QString &pointer,
                        CompiledConditionNode &node);
    void checkRange(double value, const FieldInfo &field, const QString &pointer);

    const Catalog &m_catalog;
    Language m_locale;
    Problems *m_problems;
};

} // namespace Kanca
