#include "document/RuleSetDocument.h"

#include "catalog/Catalog.h"
#include "document/RuleSetCommands.h"
#include "format/RuleSetWriter.h"

#include <QFileInfo>
#include <QUndoStack>

namespace Kanca {

RuleSetDocument::RuleSetDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

RuleSetDocument::~RuleSetDocument() = default;

qsizetype RuleSetDocument::indexOfRule(const QString &id) const
{
    for (qsizetype i = 0; i < m_ruleSet.rules.size(); ++i) {
        if (m_ruleSet.rules.at(i).id == id)
            return i;
    }
    return -1;
}

bool RuleSetDocument::isModified() const
{
    return !m_undoStack->isClean();
}

QString RuleSetDocument::displayName() const
{
    return m_fileName.isEmpty() ? tr("Untitled") : QFileInfo(m_fileName).fileName();
}

void RuleSetDocument::reset(RuleSet ruleSet, const QString &fileName)
{
    Q_EMIT aboutToReset();
    m_ruleSet = std::move(ruleSet);
    m_undoStack->clear();
    m_undoStack->setClean();
    invalidate();
    const bool nameChanged = fileName != m_fileName;
    m_fileName = fileName;
    m_currentRule = m_ruleSet.rules.isEmpty() ? -1 : 0;
    Q_EMIT resetDone();
    if (nameChanged)
        Q_EMIT fileNameChanged(m_fileName);
    Q_EMIT currentRuleChanged(m_currentRule);
    Q_EMIT modifiedChanged(false);
}

void RuleSetDocument::markModified()
{
    m_undoStack->resetClean();
}

bool RuleSetDocument::save(const QString &fileName, QString *error)
{
    if (!RuleSetWriter::save(m_ruleSet, fileName, error))
        return false;
    m_undoStack->setClean();
    if (fileName != m_fileName) {
        m_fileName = fileName;
        Q_EMIT fileNameChanged(m_fileName);
    }
    Q_EMIT saved(fileName);
    return true;
}

const CompiledRuleSet &RuleSetDocument::compiled() const
{
    if (!m_compiled) {
        m_problems.clear();
        m_compiled = CompiledRuleSet::compile(m_ruleSet, Catalog::builtIn(), &m_problems);
    }
    return *m_compiled;
}

const Problems &RuleSetDocument::problems() const
{
    compiled();
    return m_problems;
}

void RuleSetDocument::invalidate()
{
    m_compiled.reset();
}

void RuleSetDocument::changeRule(qsizetype index, const Rule &rule, const QString &undoText,
                                 const QString &mergeKey)
{
    if (index < 0 || index >= ruleCount() || rule == m_ruleSet.rules.at(index))
        return;
    m_undoStack->push(
        new ChangeRuleCommand(this, index, m_ruleSet.rules.at(index), rule, undoText, mergeKey));
}

void RuleSetDocument::changeCurrentRule(const std::function<void(Rule &)> &apply,
                                        const QString &undoText, const QString &mergeKey)
{
    if (m_currentRule < 0 || m_currentRule >= ruleCount())
        return;
    Rule rule = m_ruleSet.rules.at(m_currentRule);
    apply(rule);
    changeRule(m_currentRule, rule, undoText, mergeKey);
}

void RuleSetDocument::insertRule(qsizetype index, const Rule &rule, const QString &undoText)
{
    index = std::clamp<qsizetype>(index, 0, ruleCount());
    m_undoStack->push(new InsertRuleCommand(this, index, rule, undoText));
    setCurrentRule(index);
}

void RuleSetDocument::removeRule(qsizetype index)
{
    if (index < 0 || index >= ruleCount())
        return;
    m_undoStack->push(new RemoveRuleCommand(this, index));
}

void RuleSetDocument::moveRule(qsizetype from, qsizetype to)
{
    if (from == to || from < 0 || to < 0 || from >= ruleCount() || to >= ruleCount())
        return;
    m_undoStack->push(new MoveRuleCommand(this, from, to));
}

void RuleSetDocument::setName(const QString &name)
{
    if (name == m_ruleSet.name)
        return;
    m_undoStack->push(new ChangePropertiesCommand(this, name, m_ruleSet.description,
                                                  m_ruleSet.locale, tr("Rename Rule Set")));
}

void RuleSetDocument::setProperties(const QString &name, const QString &description,
                                    Language locale)
{
    if (name == m_ruleSet.name && description == m_ruleSet.description
        && locale == m_ruleSet.locale)
        return;
    m_undoStack->push(new ChangePropertiesCommand(this, name, description, locale,
                                                  tr("Change Rule Set Settings")));
}

QString RuleSetDocument::uniqueRuleId(const QString &base) const
{
    QString stem = base.isEmpty() ? QStringLiteral("rule") : base;
    if (indexOfRule(stem) < 0)
        return stem;
    for (int n = 2;; ++n) {
        const QString candidate = stem + u'-' + QString::number(n);
        if (indexOfRule(candidate) < 0)
            return candidate;
    }
}

Rule RuleSetDocument::newRule(const QString &eventId) const
{
    Rule rule;
    rule.id = uniqueRuleId(QStringLiteral("rule"));
    rule.name = tr("New rule");
    rule.when = eventId;
    WebhookAction action;
    action.url = QStringLiteral("https://");
    action.body.format = Body::Format::Json;
    action.body.templateText = QStringLiteral("{\n  \"event\": \"{{event.type}}\"\n}");
    rule.actions.append(action);
    return rule;
}

void RuleSetDocument::setCurrentRule(qsizetype index)
{
    if (index < -1 || index >= ruleCount())
        index = -1;
    if (index == m_currentRule)
        return;
    m_currentRule = index;
    Q_EMIT currentRuleChanged(index);
}

void RuleSetDocument::applyRule(qsizetype index, const Rule &rule)
{
    m_ruleSet.rules[index] = rule;
    invalidate();
    Q_EMIT ruleChanged(index);
}

void RuleSetDocument::applyInsert(qsizetype index, const Rule &rule)
{
    Q_EMIT ruleAboutToBeInserted(index);
    m_ruleSet.rules.insert(index, rule);
    invalidate();
    Q_EMIT ruleInserted(index);
    if (m_currentRule >= index) {
        ++m_currentRule;
        Q_EMIT currentRuleChanged(m_currentRule);
    }
}

void RuleSetDocument::applyRemove(qsizetype index)
{
    Q_EMIT ruleAboutToBeRemoved(index);
    m_ruleSet.rules.removeAt(index);
    invalidate();
    Q_EMIT ruleRemoved(index);
    if (m_currentRule > index || m_currentRule >= ruleCount()) {
        m_currentRule = std::min(m_currentRule - (m_currentRule > index ? 1 : 0), ruleCount() - 1);
        Q_EMIT currentRuleChanged(m_currentRule);
    } else if (m_currentRule == index) {
        Q_EMIT currentRuleChanged(m_currentRule); // another rule is current now
    }
}

void RuleSetDocument::applyMove(qsizetype from, qsizetype to)
{
    Q_EMIT ruleAboutToBeMoved(from, to);
    m_ruleSet.rules.move(from, to);
    invalidate();
    Q_EMIT ruleMoved(from, to);
    qsizetype current = m_currentRule;
    if (current == from)
        current = to;
    else if (from < current && current <= to)
        --current;
    else if (to <= current && current < from)
        ++current;
    if (current != m_currentRule) {
        m_currentRule = current;
        Q_EMIT currentRuleChanged(current);
    }
}

void RuleSetDocument::applyProperties(const QString &name, const QString &description,
                                      Language locale)
{
    m_ruleSet.name = name;
    m_ruleSet.description = description;
    m_ruleSet.locale = locale;
    invalidate();
    Q_EMIT propertiesChanged();
}

} // namespace Kanca
