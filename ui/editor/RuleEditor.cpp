#include "editor/RuleEditor.h"

#include "action/ActionListEditor.h"
#include "document/RuleSetDocument.h"
#include "editor/ConditionBuilder.h"
#include "editor/EventPicker.h"
#include "editor/ProblemMarker.h"
#include "editor/RuleHeaderEditor.h"
#include "settings/LanguageManager.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

QLabel *heading(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.25);
    else
        font.setPixelSize(qRound(font.pixelSize() * 1.25));
    label->setFont(font);
    return label;
}

} // namespace

RuleEditor::RuleEditor(RuleSetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_stack(new QStackedWidget(this))
    , m_noRule(new QLabel(m_stack))
    , m_scroll(new QScrollArea(m_stack))
{
    setObjectName(u"ruleEditor"_s);
    m_noRule->setObjectName(u"ruleEditorEmpty"_s);
    m_noRule->setAlignment(Qt::AlignCenter);
    m_noRule->setWordWrap(true);
    m_noRule->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget;
    m_header = new RuleHeaderEditor(document, content);
    m_whenHeading = heading(u"whenHeading"_s, content);
    m_eventPicker = new EventPicker(content);
    m_firesWhen = new QLabel(content);
    m_firesWhen->setObjectName(u"eventFiresWhen"_s);
    m_firesWhen->setWordWrap(true);
    m_firesWhen->setForegroundRole(QPalette::PlaceholderText);
    m_ifHeading = heading(u"ifHeading"_s, content);
    m_conditionBuilder = new ConditionBuilder(content);
    m_thenHeading = heading(u"thenHeading"_s, content);
    m_actions = new ActionListEditor(content);
    m_whenHeading->setBuddy(m_eventPicker);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_header);
    layout->addSpacing(layout->spacing());
    layout->addWidget(m_whenHeading);
    layout->addWidget(m_eventPicker, 0, Qt::AlignLeft);
    layout->addWidget(m_firesWhen);
    layout->addSpacing(layout->spacing());
    layout->addWidget(m_ifHeading);
    layout->addWidget(m_conditionBuilder);
    layout->addSpacing(layout->spacing());
    layout->addWidget(m_thenHeading);
    layout->addWidget(m_actions);
    layout->addStretch();

    m_scroll->setObjectName(u"ruleEditorScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);
    m_stack->addWidget(m_noRule);
    m_stack->addWidget(m_scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins({});
    outer->addWidget(m_stack);

    connect(m_eventPicker, &EventPicker::eventChosen, this, [this](const QString &id) {
        m_document->changeCurrentRule([&](Rule &rule) { rule.when = id; }, tr("Change Trigger"));
    });
    connect(m_conditionBuilder, &ConditionBuilder::conditionEdited, this,
            [this](const std::optional<Condition> &condition, const QString &undoText,
                   const QString &mergeKey) {
                m_document->changeCurrentRule([&](Rule &rule) { rule.condition = condition; },
                                              undoText, mergeKey);
            });
    connect(m_conditionBuilder, &ConditionBuilder::focusChainChanged, this,
            &RuleEditor::scheduleTabOrder);
    connect(m_actions, &ActionListEditor::actionsEdited, this,
            [this](const QList<Action> &actions, const QString &undoText, const QString &mergeKey) {
                m_document->changeCurrentRule([&](Rule &rule) { rule.actions = actions; }, undoText,
                                              mergeKey);
            });

    connect(document, &RuleSetDocument::currentRuleChanged, this, &RuleEditor::showCurrentRule);
    connect(document, &RuleSetDocument::resetDone, this, &RuleEditor::showCurrentRule);
    connect(document, &RuleSetDocument::ruleChanged, this, [this](qsizetype index) {
        if (index == m_document->currentRule())
            showCurrentRule();
        else
            showProblems(); // another rule's id may now clash, or no longer
    });
    connect(document, &RuleSetDocument::ruleInserted, this, &RuleEditor::showProblems);
    connect(document, &RuleSetDocument::ruleRemoved, this, &RuleEditor::showProblems);
    connect(document, &RuleSetDocument::ruleMoved, this, &RuleEditor::showProblems);
    connect(document, &RuleSetDocument::propertiesChanged, this, &RuleEditor::showProblems);
    // Catalog labels follow the language even when no translator changed (no .qm loaded).
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this, [this] {
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(this, &event);
    });

    retranslateUi();
    updateStyleSheets();
    showCurrentRule();
    updateTabOrder();
}

void RuleEditor::setSecretStore(SecretStore *store)
{
    m_actions->setSecretStore(store);
}

void RuleEditor::setTestEndpoints(TestEndpoints *endpoints)
{
    m_actions->setTestEndpoints(endpoints);
}

void RuleEditor::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslateUi();
        break;
    case QEvent::PaletteChange:
        updateStyleSheets();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void RuleEditor::retranslateUi()
{
    m_noRule->setText(tr("No rule is selected. Choose a rule in the list, or add a new one."));
    m_whenHeading->setText(tr("When"));
    m_whenHeading->setAccessibleName(tr("When: the event that starts the rule"));
    m_ifHeading->setText(tr("If"));
    m_ifHeading->setAccessibleName(tr("If: the conditions the event must meet"));
    m_thenHeading->setText(tr("Then"));
    m_thenHeading->setAccessibleName(tr("Then: the webhooks the rule calls"));
    m_conditionBuilder->setAccessibleName(tr("Conditions"));
    m_actions->setAccessibleName(tr("Actions"));
    m_firesWhen->setText(EventPicker::firesWhen(m_eventPicker->eventId()));
    m_firesWhen->setVisible(!m_firesWhen->text().isEmpty());
    if (m_document->currentRule() >= 0)
        showProblems(); // the messages come in the interface language
}

void RuleEditor::showCurrentRule()
{
    const qsizetype index = m_document->currentRule();
    if (index < 0) {
        m_stack->setCurrentWidget(m_noRule);
        return;
    }
    m_stack->setCurrentWidget(m_scroll);
    const Rule &rule = m_document->rule(index);
    m_header->refresh();
    m_eventPicker->setEventId(rule.when);
    m_firesWhen->setText(EventPicker::firesWhen(rule.when));
    m_firesWhen->setVisible(!m_firesWhen->text().isEmpty());
    m_conditionBuilder->setEventId(rule.when);
    m_conditionBuilder->setCondition(rule.condition);
    m_actions->setActions(rule.actions);
    showProblems();
}

void RuleEditor::showProblems()
{
    const qsizetype index = m_document->currentRule();
    if (index < 0)
        return;
    const QString rulePointer = jsonPointerAppend(u"/rules"_s, index);
    const Problems problems = ProblemMarker::at(m_document->problems(), rulePointer, true);
    m_header->setProblems(problems, rulePointer);
    ProblemMarker::mark(m_eventPicker, ProblemMarker::at(problems, rulePointer + u"/when"_s));
    m_conditionBuilder->setProblems(problems, rulePointer + u"/if"_s);
    m_actions->setProblems(problems, rulePointer);
}

bool RuleEditor::focusProblem(const QString &pointer)
{
    const qsizetype index = m_document->currentRule();
    const QString rulePointer = jsonPointerAppend(u"/rules"_s, index);
    if (index < 0 || (pointer != rulePointer && !pointer.startsWith(rulePointer + u'/')))
        return false;
    const QString tail = pointer.mid(rulePointer.size());
    static const QRegularExpression action(u"^/then/([0-9]+)(/.*)?$"_s);
    if (const QRegularExpressionMatch match = action.match(tail); match.hasMatch()) {
        m_actions->focusPlace(match.captured(1).toInt(), match.captured(2));
    } else if (tail == u"/when") {
        m_eventPicker->setFocus(Qt::OtherFocusReason);
    } else {
        // A widget marked with this problem (the name, a condition's value…), else the one
        // marked with the nearest problem above it; the name when there is none.
        QWidget *best = nullptr;
        qsizetype bestLength = -1;
        const QList<QWidget *> widgets = m_scroll->widget()->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            const QStringList pointers =
                widget->property(ProblemMarker::PointersProperty).toStringList();
            for (const QString &marked : pointers) {
                const bool fits = pointer == marked || pointer.startsWith(marked + u'/')
                                  || marked.startsWith(pointer + u'/');
                if (fits && widget->isVisibleTo(m_scroll->widget()) && marked.size() > bestLength) {
                    best = widget;
                    bestLength = marked.size();
                }
            }
        }
        if (!best)
            best = m_header->focusChain().constFirst();
        best->setFocus(Qt::OtherFocusReason);
    }
    if (QWidget *focused = QApplication::focusWidget(); focused && isAncestorOf(focused))
        m_scroll->ensureWidgetVisible(focused);
    return true;
}

void RuleEditor::updateStyleSheets()
{
    const QString styleSheet = ProblemMarker::styleSheet(palette());
    if (styleSheet == m_styleSheet)
        return;
    m_styleSheet = styleSheet;
    for (QWidget *section :
         {static_cast<QWidget *>(m_header), static_cast<QWidget *>(m_eventPicker),
          static_cast<QWidget *>(m_conditionBuilder)})
        section->setStyleSheet(styleSheet);
}

void RuleEditor::scheduleTabOrder()
{
    if (m_tabOrderPending)
        return;
    m_tabOrderPending = true;
    QMetaObject::invokeMethod(this, &RuleEditor::updateTabOrder, Qt::QueuedConnection);
}

void RuleEditor::updateTabOrder()
{
    m_tabOrderPending = false;
    // The condition rows are made after the action editor, so the order is set explicitly:
    // header, event, conditions; the action editor's widgets follow.
    QList<QWidget *> chain = m_header->focusChain();
    chain << m_eventPicker << m_conditionBuilder->focusChain();
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i), chain.at(i + 1));
}

} // namespace Kanca
