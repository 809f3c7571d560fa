#pragma once

#include "engine/CompiledRuleSet.h"
#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QUndoStack;

namespace Kanca {

// The open rule set: the document every panel of the designer edits. Every edit goes through
// one of the editing functions below, which push an undo command, so anything done in any
// panel can be undone; "modified" is the undo stack's clean state, not a flag of its own.
// Signals come in about-to / done pairs, so item models can follow (beginInsertRows...).
// The document also holds which rule is current, so that the list, the editor and the
// preview follow the same rule.
class RuleSetDocument final : public QObject
{
    Q_OBJECT

public:
    explicit RuleSetDocument(QObject *parent = nullptr);
    ~RuleSetDocument() override;

    const RuleSet &ruleSet() const { return m_ruleSet; }
    qsizetype ruleCount() const { return m_ruleSet.rules.size(); }
    const Rule &rule(qsizetype index) const { return m_ruleSet.rules.at(index); }
    qsizetype indexOfRule(const QString &id) const; // -1 if none

    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;

    // The file the document was opened from or last saved to; empty for a new document.
    QString fileName() const { return m_fileName; }
    // "supsis-examples.kanca.json", or "Untitled" for a new one.
    QString displayName() const;

    // Replaces the whole content (New, Open): clears the undo history, marks it unmodified.
    void reset(RuleSet ruleSet, const QString &fileName);
    // Marks the document modified without an undo step (a recovered autosave).
    void markModified();
    // Writes the file atomically (QSaveFile) and marks the document unmodified.
    bool save(const QString &fileName, QString *error);

    // The rule set compiled against the built-in catalog, and its problems (with pointers,
    // without line numbers): recompiled lazily after every change.
    const CompiledRuleSet &compiled() const;
    const Problems &problems() const;

    // --- Edits (each one undo step) ---
    // Replaces rule `index`. Consecutive edits with the same non-empty mergeKey on the same
    // rule (typing in one field) merge into one undo step; a merge that returns to the
    // original value removes the step.
    void changeRule(qsizetype index, const Rule &rule, const QString &undoText,
                    const QString &mergeKey = {});
    // The same for the current rule, changed by `apply`; nothing when no rule is current.
    void changeCurrentRule(const std::function<void(Rule &)> &apply, const QString &undoText,
                           const QString &mergeKey = {});
    void insertRule(qsizetype index, const Rule &rule, const QString &undoText);
    void removeRule(qsizetype index);
    void moveRule(qsizetype from, qsizetype to);
    void setName(const QString &name);
    // The rule set's name, description and comparison language in one undo step ("Change Rule
    // Set Settings"); nothing is pushed when nothing changes.
    void setProperties(const QString &name, const QString &description, Language locale);

    // A rule id not used yet: base, base-2, base-3...
    QString uniqueRuleId(const QString &base) const;
    // A new rule for `eventId` with one empty webhook action, ready to insert.
    Rule newRule(const QString &eventId) const;

    // --- Current rule ---
    qsizetype currentRule() const { return m_currentRule; } // -1: none
    void setCurrentRule(qsizetype index);

    // --- For undo commands only: apply without pushing anything ---
    void applyRule(qsizetype index, const Rule &rule);
    void applyInsert(qsizetype index, const Rule &rule);
    void applyRemove(qsizetype index);
    void applyMove(qsizetype from, qsizetype to);
    void applyProperties(const QString &name, const QString &description, Language locale);

Q_SIGNALS:
    void aboutToReset();
    void resetDone();
    void ruleAboutToBeInserted(qsizetype index);
    void ruleInserted(qsizetype index);
    void ruleAboutToBeRemoved(qsizetype index);
    void ruleRemoved(qsizetype index);
    void ruleAboutToBeMoved(qsizetype from, qsizetype to);
    void ruleMoved(qsizetype from, qsizetype to);
    void ruleChanged(qsizetype index);
    void propertiesChanged(); // name, description, locale
    void currentRuleChanged(qsizetype index);
    void modifiedChanged(bool modified);
    void fileNameChanged(const QString &fileName);
    void saved(const QString &fileName);

private:
    void invalidate();

    RuleSet m_ruleSet;
    QString m_fileName;
    QUndoStack *m_undoStack;
    qsizetype m_currentRule = -1;
    mutable std::optional<CompiledRuleSet> m_compiled;
    mutable Problems m_problems;
};

} // namespace Kanca
