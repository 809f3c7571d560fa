#pragma once

#include "model/RuleSet.h"

#include <QUndoCommand>

namespace Kanca {

class RuleSetDocument;

// The undo commands of a rule-set document. A generic, mergeable "change rule" covers every
// edit inside a rule; the others change the list of rules or the document's properties.

class ChangeRuleCommand final : public QUndoCommand
{
public:
    ChangeRuleCommand(RuleSetDocument *document, qsizetype index, Rule before, Rule after,
                      const QString &text, const QString &mergeKey);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    RuleSetDocument *m_document;
    qsizetype m_index;
    Rule m_before;
    Rule m_after;
    QString m_mergeKey;
};

class InsertRuleCommand final : public QUndoCommand
{
public:
    InsertRuleCommand(RuleSetDocument *document, qsizetype index, Rule rule, const QString &text);
    void undo() override;
    void redo() override;

private:
    RuleSetDocument *m_document;
    qsizetype m_index;
    Rule m_rule;
};

class RemoveRuleCommand final : public QUndoCommand
{
public:
    RemoveRuleCommand(RuleSetDocument *document, qsizetype index);
    void undo() override;
    void redo() override;

private:
    RuleSetDocument *m_document;
    qsizetype m_index;
    Rule m_rule;
};

class MoveRuleCommand final : public QUndoCommand
{
public:
    MoveRuleCommand(RuleSetDocument *document, qsizetype from, qsizetype to);
    void undo() override;
    void redo() override;

private:
    RuleSetDocument *m_document;
    qsizetype m_from;
    qsizetype m_to;
};

class ChangePropertiesCommand final : public QUndoCommand
{
public:
    ChangePropertiesCommand(RuleSetDocument *document, QString name, QString description,
                            Language locale, const QString &text);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    RuleSetDocument *m_document;
    QString m_nameBefore;
    QString m_descriptionBefore;
    Language m_localeBefore;
    QString m_nameAfter;
    QString m_descriptionAfter;
    Language m_localeAfter;
};

} // namespace Kanca
