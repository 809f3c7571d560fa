#include "document/RuleSetCommands.h"

#include "document/RuleSetDocument.h"

#include <QCoreApplication>

namespace Kanca {

namespace {
enum CommandId { ChangeRuleId = 1, ChangePropertiesId };
}

ChangeRuleCommand::ChangeRuleCommand(RuleSetDocument *document, qsizetype index, Rule before,
                                     Rule after, const QString &text, const QString &mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

void ChangeRuleCommand::undo()
{
    m_document->applyRule(m_index, m_before);
}

void ChangeRuleCommand::redo()
{
    m_document->applyRule(m_index, m_after);
}

int ChangeRuleCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : ChangeRuleId;
}

bool ChangeRuleCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeRuleCommand *>(other);
    if (next->m_index != m_index || next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

InsertRuleCommand::InsertRuleCommand(RuleSetDocument *document, qsizetype index, Rule rule,
                                     const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_rule(std::move(rule))
{}

void InsertRuleCommand::undo()
{
    m_document->applyRemove(m_index);
}

void InsertRuleCommand::redo()
{
    m_document->applyInsert(m_index, m_rule);
}

RemoveRuleCommand::RemoveRuleCommand(RuleSetDocument *document, qsizetype index)
    : QUndoCommand(QCoreApplication::translate("Kanca::RuleSetDocument", "Delete Rule"))
    , m_document(document)
    , m_index(index)
    , m_rule(document->rule(index))
{}

void RemoveRuleCommand::undo()
{
    m_document->applyInsert(m_index, m_rule);
}

void RemoveRuleCommand::redo()
{
    m_document->applyRemove(m_index);
}

MoveRuleCommand::MoveRuleCommand(RuleSetDocument *document, qsizetype from, qsizetype to)
    : QUndoCommand(QCoreApplication::translate("Kanca::RuleSetDocument", "Move Rule"))
    , m_document(document)
    , m_from(from)
    , m_to(to)
{}

void MoveRuleCommand::undo()
{
    m_document->applyMove(m_to, m_from);
}

void MoveRuleCommand::redo()
{
    m_document->applyMove(m_from, m_to);
}

ChangePropertiesCommand::ChangePropertiesCommand(RuleSetDocument *document, QString name,
                                                 QString description, Language locale,
                                                 const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_nameBefore(document->ruleSet().name)
    , m_descriptionBefore(document->ruleSet().description)
    , m_localeBefore(document->ruleSet().locale)
    , m_nameAfter(std::move(name))
    , m_descriptionAfter(std::move(description))
    , m_localeAfter(locale)
{}

void ChangePropertiesCommand::undo()
{
    m_document->applyProperties(m_nameBefore, m_descriptionBefore, m_localeBefore);
}

void ChangePropertiesCommand::redo()
{
    m_document->applyProperties(m_nameAfter, m_descriptionAfter, m_localeAfter);
}

int ChangePropertiesCommand::id() const
{
    return ChangePropertiesId;
}

bool ChangePropertiesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangePropertiesCommand *>(other);
    // Typing a name merges; changing the locale or the description is a step of its own.
    // A rename merges only with a rename, not with the settings dialog's step.
    if (next->m_localeAfter != m_localeAfter || next->m_descriptionAfter != m_descriptionAfter
        || next->text() != text())
        return false;
    m_nameAfter = next->m_nameAfter;
    setObsolete(m_nameAfter == m_nameBefore && m_descriptionAfter == m_descriptionBefore
                && m_localeAfter == m_localeBefore);
    return true;
}

} // namespace Kanca
