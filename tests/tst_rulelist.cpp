// The rule list: its model over the document (checked by QAbstractItemModelTester through every
// kind of change), and the panel driven as a person would: clicks, keys and typing.
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "rules/RuleFilterProxyModel.h"
#include "rules/RuleItemDelegate.h"
#include "rules/RuleListModel.h"
#include "rules/RuleListPanel.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPersistentModelIndex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <functional>
#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

RuleSet exampleRuleSet()
{
    const auto loaded = RuleSetLoader::loadFile(
        QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"),
        Catalog::builtIn());
    return loaded.ruleSet();
}

// The example's rules in order, for reference:
// 0 lead-to-crm (contact.created)         4 salesmanago-contact (contact.tagAdded)
// 1 vip-to-slack (chat.opened)            5 suppabot-conversation-ended (chat.closed)
// 2 support-to-tickets (chat.opened)      6 score-reached-signed (contact.scoreReached)
// 3 whatsapp-lead-to-analytics (c.created) 7 low-rating-to-quality (chat.rated, disabled)

QStringList documentIds(const RuleSetDocument &document)
{
    QStringList ids;
    for (const Rule &rule : document.ruleSet().rules)
        ids.append(rule.id);
    return ids;
}

QStringList exampleIds()
{
    QStringList ids;
    for (const Rule &rule : exampleRuleSet().rules)
        ids.append(rule.id);
    return ids;
}

QStringList modelIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(RuleListModel::RuleIdRole).toString());
    return ids;
}

// Runs `answer` on the next popup menu once it is shown (menus opened by a click run their
// own event loop, so the test answers from a timer, as a person would from the screen).
void whenMenuShown(QObject *context, std::function<void(QMenu *)> answer)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, answer = std::move(answer)] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            timer->stop();
            timer->deleteLater();
            answer(menu);
        }
    });
    timer->start();
}

// Types text as a keyboard would, letters beyond ASCII included.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(widget, char(c.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c),
                                Qt::NoModifier);
        }
    }
}

QAction *actionWithData(const QMenu *menu, const QString &data)
{
    for (QAction *action : menu->actions()) {
        if (action->data().toString() == data)
            return action;
    }
    return nullptr;
}

QAction *submenuAction(const QMenu *menu, const QString &objectName)
{
    for (QAction *action : menu->actions()) {
        if (action->menu() && action->menu()->objectName() == objectName)
            return action;
    }
    return nullptr;
}

} // namespace

class TestRuleList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void modelFollowsEveryChangeOfTheDocument();
    void modelShowsNameTriggerAndSwitch();
    void clickingTheCheckBoxSwitchesTheRuleAndUndoRestores();
    void spaceSwitchesTheSelectedRule();
    void renamingInPlaceIsOneUndoStep();
    void addFromTheMenuCreatesTheRuleAndSelectsIt();
    void insertKeyOpensTheEventMenu();
    void duplicateCopiesTheCurrentRule();
    void deleteKeyRemovesAndUndoRestores();
    void deleteInTheFilterBoxEditsTheFilter();
    void dropMovesTheRuleAndUndoMovesItBack();
    void dropRefusesWhatIsNotARuleOfThisList();
    void filterMatchesNameIdAndTrigger();
    void filterFollowsTheTurkishInterface();
    void filterTurnsDraggingOff();
    void selectionFollowsTheCurrentRule();
    void currentRuleFollowsTheSelection();
    void problemIconMarksARuleWithAnUnknownEvent();
    void emptyListSaysHowToStart();
    void findFocusesTheFilter();
    void languageSwitchRelabelsTriggersAndEvents();

private:
    QListView *view() const { return m_panel->findChild<QListView *>(u"ruleList"_s); }
    QLineEdit *filter() const { return m_panel->findChild<QLineEdit *>(u"ruleFilter"_s); }
    QToolButton *button(const QString &name) const
    {
        return m_panel->findChild<QToolButton *>(name);
    }
    QModelIndex shownIndexOf(const QString &id) const;
    QStringList shownIds() const { return modelIds(*view()->model()); }
    void clickRule(const QString &id);
    QPoint checkBoxCentre(const QModelIndex &index) const;

    std::unique_ptr<QWidget> m_window;
    RuleSetDocument *m_document = nullptr;
    RuleListPanel *m_panel = nullptr;
};

void TestRuleList::initTestCase()
{
    LanguageManager::instance().setLanguage(Language::English);
    QVERIFY(!exampleRuleSet().rules.isEmpty());
}

void TestRuleList::init()
{
    m_window = std::make_unique<QWidget>();
    m_document = new RuleSetDocument(m_window.get());
    m_document->reset(exampleRuleSet(), {});
    m_panel = new RuleListPanel(m_document, m_window.get());
    auto *layout = new QVBoxLayout(m_window.get());
    layout->addWidget(m_panel);
    m_window->resize(360, 640);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(documentIds(*m_document).size(), 8);
}

void TestRuleList::cleanup()
{
    m_window.reset();
    m_document = nullptr;
    m_panel = nullptr;
    LanguageManager::instance().setLanguage(Language::English);
}

QModelIndex TestRuleList::shownIndexOf(const QString &id) const
{
    const QAbstractItemModel *model = view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(RuleListModel::RuleIdRole).toString() == id)
            return index;
    }
    return {};
}

void TestRuleList::clickRule(const QString &id)
{
    const QModelIndex index = shownIndexOf(id);
    QVERIFY2(index.isValid(), qPrintable(id));
    view()->scrollTo(index);
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->visualRect(index).center());
}

QPoint TestRuleList::checkBoxCentre(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    option.initFrom(view());
    option.widget = view();
    option.rect = view()->visualRect(index);
    const auto *delegate = qobject_cast<RuleItemDelegate *>(view()->itemDelegate());
    return delegate ? delegate->checkBoxRect(option, index).center() : QPoint();
}

void TestRuleList::modelFollowsEveryChangeOfTheDocument()
{
    RuleSetDocument document;
    document.reset(exampleRuleSet(), {});
    RuleListModel model(&document);
    RuleFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(u"chat"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto same = [&] { return modelIds(model) == documentIds(document); };

    document.insertRule(0, document.newRule(u"chat.closed"_s), u"Add Rule"_s);
    QVERIFY(same());
    document.insertRule(document.ruleCount(), document.newRule(u"contact.created"_s),
                        u"Add Rule"_s);
    QVERIFY(same());
    document.removeRule(4);
    QVERIFY(same());

    // Moves both ways: persistent indexes must follow the moved rule and its neighbours.
    const QString moved = document.rule(1).id;
    const QString neighbour = document.rule(3).id;
    QPersistentModelIndex movedIndex(model.index(1));
    QPersistentModelIndex neighbourIndex(model.index(3));
    document.moveRule(1, 5);
    QVERIFY(same());
    QCOMPARE(movedIndex.row(), 5);
    QCOMPARE(movedIndex.data(RuleListModel::RuleIdRole).toString(), moved);
    QCOMPARE(neighbourIndex.row(), 2);
    QCOMPARE(neighbourIndex.data(RuleListModel::RuleIdRole).toString(), neighbour);
    document.moveRule(5, 0);
    QVERIFY(same());
    QCOMPARE(movedIndex.row(), 0);
    QCOMPARE(movedIndex.data(RuleListModel::RuleIdRole).toString(), moved);
    document.moveRule(2, 3);
    QVERIFY(same());

    Rule renamed = document.rule(2);
    renamed.name = u"Renamed"_s;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    document.changeRule(2, renamed, u"Rename Rule"_s);
    QVERIFY(same());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(model.index(2).data().toString(), u"Renamed"_s);

    // Everything undone and redone goes through the same signals.
    while (document.undoStack()->canUndo()) {
        document.undoStack()->undo();
        QVERIFY(same());
    }
    QCOMPARE(documentIds(document), exampleIds());
    while (document.undoStack()->canRedo()) {
        document.undoStack()->redo();
        QVERIFY(same());
    }

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    document.reset(RuleSet{}, {});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    document.reset(exampleRuleSet(), {});
    QVERIFY(same());
    QVERIFY(!model.isUpdating());

    LanguageManager::instance().setLanguage(Language::Turkish);
    LanguageManager::instance().setLanguage(Language::English);
}

void TestRuleList::modelShowsNameTriggerAndSwitch()
{
    const RuleListModel *model = m_panel->model();
    const QModelIndex vip = model->index(1);
    QCOMPARE(vip.data(Qt::DisplayRole).toString(), u"VIP müşteri yazınca Slack'e bildir"_s);
    QCOMPARE(vip.data(Qt::EditRole).toString(), u"VIP müşteri yazınca Slack'e bildir"_s);
    QCOMPARE(vip.data(RuleListModel::TriggerLabelRole).toString(), u"Chat Opened"_s);
    QCOMPARE(vip.data(RuleListModel::TriggerRole).toString(), u"chat.opened"_s);
    QCOMPARE(vip.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(vip.data(Qt::ToolTipRole).toString().contains(u"Slack"_s));
    QVERIFY(vip.data(Qt::DecorationRole).isNull()); // no problem
    QCOMPARE(model->index(7).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), u"Rules"_s);

    // A rule without a name shows its id.
    Rule nameless = m_document->rule(0);
    nameless.name.clear();
    m_document->changeRule(0, nameless, u"Rename Rule"_s);
    QCOMPARE(model->index(0).data().toString(), u"lead-to-crm"_s);
    // ...and may not be renamed to nothing.
    QVERIFY(!m_panel->model()->setData(model->index(1), u"  "_s, Qt::EditRole));
    QCOMPARE(m_document->rule(1).name, u"VIP müşteri yazınca Slack'e bildir"_s);
}

void TestRuleList::clickingTheCheckBoxSwitchesTheRuleAndUndoRestores()
{
    const QModelIndex vip = shownIndexOf(u"vip-to-slack"_s);
    QVERIFY(m_document->rule(1).enabled);

    // A click on the name selects, and does not switch.
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->visualRect(vip).center());
    QVERIFY(m_document->rule(1).enabled);
    QCOMPARE(m_document->currentRule(), 1);

    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, checkBoxCentre(vip));
    QVERIFY(!m_document->rule(1).enabled);
    QCOMPARE(vip.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(m_document->undoStack()->undoText(), u"Disable Rule"_s);

    m_document->undoStack()->undo();
    QVERIFY(m_document->rule(1).enabled);
    QCOMPARE(vip.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void TestRuleList::spaceSwitchesTheSelectedRule()
{
    clickRule(u"low-rating-to-quality"_s);
    QCOMPARE(m_document->currentRule(), 7);
    QVERIFY(!m_document->rule(7).enabled);
    QTest::keyClick(view(), Qt::Key_Space);
    QVERIFY(m_document->rule(7).enabled);
    QCOMPARE(m_document->undoStack()->undoText(), u"Enable Rule"_s);
    QTest::keyClick(view(), Qt::Key_Space);
    QVERIFY(!m_document->rule(7).enabled);
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestRuleList::renamingInPlaceIsOneUndoStep()
{
    clickRule(u"lead-to-crm"_s);
    QTest::keyClick(view(), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())));
    QVERIFY(view()->isAncestorOf(editor));
    QCOMPARE(editor->text(), u"Yeni lead'i CRM'e gönder"_s);
    editor->selectAll();
    QTest::keyClicks(editor, u"Lead to CRM"_s);
    QTest::keyClick(editor, Qt::Key_Return);

    QTRY_COMPARE(m_document->rule(0).name, u"Lead to CRM"_s); // committed from the event loop
    QCOMPARE(m_document->rule(0).id, u"lead-to-crm"_s);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), u"Rename Rule"_s);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->rule(0).name, u"Yeni lead'i CRM'e gönder"_s);
}

void TestRuleList::addFromTheMenuCreatesTheRuleAndSelectsIt()
{
    clickRule(u"vip-to-slack"_s);
    QCOMPARE(m_document->currentRule(), 1);

    bool chosen = false;
    QStringList chatEvents;
    whenMenuShown(this, [&](QMenu *menu) {
        QCOMPARE(menu->objectName(), u"addRuleMenu"_s);
        QAction *chat = submenuAction(menu, u"addRuleMenu_chat"_s);
        QVERIFY(chat);
        QVERIFY(submenuAction(menu, u"addRuleMenu_contact"_s));
        QVERIFY(submenuAction(menu, u"addRuleMenu_message"_s));
        QVERIFY(submenuAction(menu, u"addRuleMenu_other"_s));
        // Down to "Chat", right into it, then "Chat Closed" and Enter.
        menu->setActiveAction(chat);
        QTest::keyClick(menu, Qt::Key_Right);
        auto *events = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(events);
        QCOMPARE(events, chat->menu());
        for (const QAction *action : events->actions())
            chatEvents.append(action->text());
        QAction *closed = actionWithData(events, u"chat.closed"_s);
        QVERIFY(closed);
        events->setActiveAction(closed);
        QTest::keyClick(events, Qt::Key_Return);
        chosen = true;
    });
    QTest::mouseClick(button(u"addRuleButton"_s), Qt::LeftButton);
    QTRY_VERIFY(chosen);
    QTRY_VERIFY(!QApplication::activePopupWidget());

    QVERIFY(chatEvents.contains(u"Chat Opened"_s));
    QVERIFY(chatEvents.contains(u"Chat Closed"_s));
    QCOMPARE(m_document->ruleCount(), 9);
    const Rule &added = m_document->rule(2); // after the current rule
    QCOMPARE(added.when, u"chat.closed"_s);
    QCOMPARE(m_document->currentRule(), 2);
    QCOMPARE(m_document->undoStack()->undoText(), u"Add Rule"_s);
    const QModelIndex shown = shownIndexOf(added.id);
    QCOMPARE(view()->currentIndex(), shown);
    QVERIFY(view()->selectionModel()->isSelected(shown));
    QCOMPARE(shown.data(RuleListModel::TriggerLabelRole).toString(), u"Chat Closed"_s);

    m_document->undoStack()->undo();
    QCOMPARE(m_document->ruleCount(), 8);
}

void TestRuleList::insertKeyOpensTheEventMenu()
{
    clickRule(u"lead-to-crm"_s);
    QTest::keyClick(view(), Qt::Key_Insert);
    QTRY_VERIFY(QApplication::activePopupWidget());
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QVERIFY(menu);
    QCOMPARE(menu->objectName(), u"addRuleMenu"_s);
    QTest::keyClick(menu, Qt::Key_Escape);
    QTRY_VERIFY(!QApplication::activePopupWidget());
    QCOMPARE(m_document->ruleCount(), 8);
}

void TestRuleList::duplicateCopiesTheCurrentRule()
{
    clickRule(u"vip-to-slack"_s);
    QToolButton *duplicate = button(u"duplicateRuleButton"_s);
    QVERIFY(duplicate && duplicate->isEnabled());
    QTest::mouseClick(duplicate, Qt::LeftButton);

    QCOMPARE(m_document->ruleCount(), 9);
    const Rule &original = m_document->rule(1);
    const Rule &copy = m_document->rule(2);
    QCOMPARE(copy.id, u"vip-to-slack-copy"_s);
    QCOMPARE(copy.name, u"VIP müşteri yazınca Slack'e bildir (copy)"_s);
    QCOMPARE(copy.when, original.when);
    QCOMPARE(copy.condition, original.condition);
    QCOMPARE(copy.actions, original.actions);
    QCOMPARE(m_document->currentRule(), 2);
    QCOMPARE(view()->currentIndex(), shownIndexOf(u"vip-to-slack-copy"_s));
    QCOMPARE(m_document->undoStack()->undoText(), u"Duplicate Rule"_s);

    // A second copy gets an id of its own.
    QTest::keyClick(view(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_document->ruleCount(), 10);
    QCOMPARE(m_document->rule(3).id, u"vip-to-slack-copy-copy"_s);
    clickRule(u"vip-to-slack"_s);
    QTest::mouseClick(duplicate, Qt::LeftButton);
    QCOMPARE(m_document->rule(2).id, u"vip-to-slack-copy-2"_s);

    for (int i = 0; i < 3; ++i)
        m_document->undoStack()->undo();
    QCOMPARE(documentIds(*m_document), exampleIds());
}

void TestRuleList::deleteKeyRemovesAndUndoRestores()
{
    clickRule(u"support-to-tickets"_s);
    QCOMPARE(m_document->currentRule(), 2);
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);

    QCOMPARE(m_document->ruleCount(), 7);
    QCOMPARE(m_document->indexOfRule(u"support-to-tickets"_s), -1);
    QVERIFY(!shownIndexOf(u"support-to-tickets"_s).isValid());
    // The next rule is current and selected, ready for another Delete.
    QCOMPARE(m_document->currentRule(), 2);
    QCOMPARE(view()->currentIndex(), shownIndexOf(m_document->rule(2).id));

    m_document->undoStack()->undo();
    QCOMPARE(m_document->ruleCount(), 8);
    QCOMPARE(m_document->indexOfRule(u"support-to-tickets"_s), 2);
    QCOMPARE(m_document->rule(2), exampleRuleSet().rules.at(2));

    // The button does the same, and Delete works on from there.
    clickRule(u"lead-to-crm"_s);
    QToolButton *deleteButton = button(u"deleteRuleButton"_s);
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    QCOMPARE(m_document->indexOfRule(u"lead-to-crm"_s), -1);
    deleteButton->setFocus();
    QTest::keyClick(deleteButton, Qt::Key_Delete);
    QCOMPARE(m_document->indexOfRule(u"vip-to-slack"_s), -1);
    QCOMPARE(m_document->ruleCount(), 6);
}

void TestRuleList::deleteInTheFilterBoxEditsTheFilter()
{
    clickRule(u"vip-to-slack"_s);
    QLineEdit *box = filter();
    box->setFocus();
    QTest::keyClicks(box, u"vipx"_s);
    QTest::keyClick(box, Qt::Key_Left);
    QTest::keyClick(box, Qt::Key_Delete);
    QCOMPARE(box->text(), u"vip"_s);
    QCOMPARE(m_document->ruleCount(), 8);
}

void TestRuleList::dropMovesTheRuleAndUndoMovesItBack()
{
    RuleListModel *model = m_panel->model();
    const auto drop = [model](int from, int row, const QModelIndex &parent = {}) {
        std::unique_ptr<QMimeData> data(model->mimeData({model->index(from)}));
        return data && model->dropMimeData(data.get(), Qt::MoveAction, row, 0, parent);
    };

    // Down: dropped before row 4, the rule ends up at 3.
    QVERIFY(drop(1, 4));
    QCOMPARE(m_document->indexOfRule(u"vip-to-slack"_s), 3);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->indexOfRule(u"vip-to-slack"_s), 1);

    // Up, onto a rule (before it), and below the last one.
    QVERIFY(drop(6, 0));
    QCOMPARE(m_document->rule(0).id, u"score-reached-signed"_s);
    QVERIFY(drop(0, -1, model->index(2)));
    QCOMPARE(m_document->rule(1).id, u"score-reached-signed"_s);
    QVERIFY(drop(1, -1));
    QCOMPARE(m_document->rule(7).id, u"score-reached-signed"_s);
    // A drop where the rule already is changes nothing and adds no undo step.
    const int steps = m_document->undoStack()->count();
    QVERIFY(!drop(7, 8));
    QVERIFY(!drop(3, 3));
    QCOMPARE(m_document->undoStack()->count(), steps);

    // After a move, a view asks the model to remove the dragged rows; nothing may go.
    QVERIFY(!view()->model()->removeRows(0, 1));
    QCOMPARE(m_document->ruleCount(), 8);

    while (m_document->undoStack()->canUndo())
        m_document->undoStack()->undo();
    QCOMPARE(m_document->rule(6).id, u"score-reached-signed"_s);

    // Through the list's own (filtering) model, as the view drops.
    QAbstractItemModel *shown = view()->model();
    std::unique_ptr<QMimeData> data(shown->mimeData({shown->index(0, 0)}));
    QVERIFY(shown->dropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
    QCOMPARE(m_document->rule(2).id, u"lead-to-crm"_s);
}

void TestRuleList::dropRefusesWhatIsNotARuleOfThisList()
{
    RuleListModel *model = m_panel->model();
    QMimeData text;
    text.setText(u"lead-to-crm"_s);
    QVERIFY(!model->canDropMimeData(&text, Qt::MoveAction, 0, 0, {}));
    QVERIFY(!model->dropMimeData(&text, Qt::MoveAction, 0, 0, {}));

    RuleSetDocument other;
    other.reset(exampleRuleSet(), {});
    RuleListModel otherModel(&other);
    std::unique_ptr<QMimeData> foreign(otherModel.mimeData({otherModel.index(1)}));
    QVERIFY(!model->canDropMimeData(foreign.get(), Qt::MoveAction, 4, 0, {}));
    QVERIFY(!model->dropMimeData(foreign.get(), Qt::MoveAction, 4, 0, {}));
    std::unique_ptr<QMimeData> own(model->mimeData({model->index(1)}));
    QVERIFY(!model->canDropMimeData(own.get(), Qt::CopyAction, 4, 0, {}));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(other.undoStack()->count(), 0);
}

void TestRuleList::filterMatchesNameIdAndTrigger()
{
    auto *status = m_panel->findChild<QLabel *>(u"ruleFilterStatus"_s);
    QVERIFY(status);
    QVERIFY(!status->isVisible());
    QLineEdit *box = filter();
    QCOMPARE(box->placeholderText(), u"Filter rules"_s);
    QVERIFY(box->isClearButtonEnabled());

    // The trigger's label: every word must occur.
    QTest::keyClicks(box, u"chat op"_s);
    QCOMPARE(shownIds(), (QStringList{u"vip-to-slack"_s, u"support-to-tickets"_s}));
    QVERIFY(status->isVisible());
    // (English plural forms come with the compiled translations, which the program loads.)
    QVERIFY2(status->text().startsWith(u"2 of 8 rule"_s), qPrintable(status->text()));

    // The id.
    box->clear();
    QTest::keyClicks(box, u"SALESMANAGO-c"_s);
    QCOMPARE(shownIds(), QStringList{u"salesmanago-contact"_s});

    // The name, case ignored.
    box->clear();
    QTest::keyClicks(box, u"slack"_s);
    QCOMPARE(shownIds(), QStringList{u"vip-to-slack"_s});

    // Escape clears the filter.
    QTest::keyClick(box, Qt::Key_Escape);
    QVERIFY(box->text().isEmpty());
    QCOMPARE(shownIds().size(), 8);
    QVERIFY(!status->isVisible());
}

void TestRuleList::filterFollowsTheTurkishInterface()
{
    QLineEdit *box = filter();
    LanguageManager::instance().setLanguage(Language::Turkish);
    QTest::keyClicks(box, u"sohbet"_s);
    // "Sohbet Açıldı", "Sohbet Sonlandı", "Sohbet Değerlendirildi", and names with "sohbet".
    QCOMPARE(shownIds(),
             (QStringList{u"vip-to-slack"_s, u"support-to-tickets"_s,
                          u"suppabot-conversation-ended"_s, u"low-rating-to-quality"_s}));

    // In English the triggers say "Chat": only the Turkish names still match.
    LanguageManager::instance().setLanguage(Language::English);
    QCOMPARE(shownIds(),
             (QStringList{u"suppabot-conversation-ended"_s, u"low-rating-to-quality"_s}));

    // Case folds as the interface's language folds it: in Turkish, "İMZALI" is "imzalı".
    box->clear();
    typeText(box, u"İMZALI"_s);
    QCOMPARE(shownIds(), QStringList{});
    LanguageManager::instance().setLanguage(Language::Turkish);
    QCOMPARE(shownIds(), QStringList{u"score-reached-signed"_s});
    box->clear();
    typeText(box, u"AÇILDI"_s);
    QCOMPARE(shownIds(), (QStringList{u"vip-to-slack"_s, u"support-to-tickets"_s}));
}

void TestRuleList::filterTurnsDraggingOff()
{
    auto *status = m_panel->findChild<QLabel *>(u"ruleFilterStatus"_s);
    QCOMPARE(view()->dragDropMode(), QAbstractItemView::InternalMove);
    QVERIFY(view()->dragEnabled());
    QVERIFY(view()->toolTip().isEmpty());

    QTest::keyClicks(filter(), u"vip"_s);
    QCOMPARE(view()->dragDropMode(), QAbstractItemView::NoDragDrop);
    QVERIFY(!view()->dragEnabled());
    QVERIFY(view()->toolTip().contains(u"filter"_s));
    QVERIFY(status->toolTip().contains(u"filter"_s));

    filter()->clear();
    QCOMPARE(view()->dragDropMode(), QAbstractItemView::InternalMove);
    QVERIFY(view()->dragEnabled());
    QVERIFY(view()->toolTip().isEmpty());
}

void TestRuleList::selectionFollowsTheCurrentRule()
{
    m_document->setCurrentRule(5);
    QCOMPARE(view()->currentIndex(), shownIndexOf(u"suppabot-conversation-ended"_s));
    QCOMPARE(view()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(view()->selectionModel()->isSelected(view()->currentIndex()));

    // Through the filter: a hidden current rule leaves nothing selected, and nothing to
    // duplicate or delete by mistake.
    QTest::keyClicks(filter(), u"chat"_s);
    m_document->setCurrentRule(2);
    QCOMPARE(view()->currentIndex(), shownIndexOf(u"support-to-tickets"_s));
    QCOMPARE(view()->currentIndex().row(), 1);
    m_document->setCurrentRule(0);
    QVERIFY(view()->selectionModel()->selectedRows().isEmpty());
    QVERIFY(!m_panel->deleteRuleAction()->isEnabled());
    QVERIFY(!m_panel->duplicateRuleAction()->isEnabled());
    QCOMPARE(m_document->currentRule(), 0); // filtering does not change the current rule

    filter()->clear();
    QCOMPARE(view()->currentIndex(), shownIndexOf(u"lead-to-crm"_s));
    QVERIFY(m_panel->deleteRuleAction()->isEnabled());

    m_document->setCurrentRule(-1);
    QVERIFY(view()->selectionModel()->selectedRows().isEmpty());
    QVERIFY(!m_panel->deleteRuleAction()->isEnabled());
    QVERIFY(m_panel->addRuleAction()->isEnabled());
}

void TestRuleList::currentRuleFollowsTheSelection()
{
    clickRule(u"score-reached-signed"_s);
    QCOMPARE(m_document->currentRule(), 6);
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Up);
    QCOMPARE(m_document->currentRule(), 5);
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(m_document->currentRule(), 0);

    // With a filter, rows map back to the document's rules.
    QTest::keyClicks(filter(), u"chat.closed"_s);
    QCOMPARE(shownIds(), QStringList{u"suppabot-conversation-ended"_s});
    QTest::keyClick(filter(), Qt::Key_Down); // on to the list, its first rule
    QVERIFY(view()->hasFocus());
    QCOMPARE(m_document->currentRule(), 5);

    // A rename that hides the current rule from the filter keeps it current (the editor
    // must not jump to another rule while someone types).
    filter()->clear();
    QTest::keyClicks(filter(), u"suppabot"_s);
    Rule renamed = m_document->rule(5);
    renamed.name = u"Konuşma bitince bildir"_s;
    m_document->changeRule(5, renamed, u"Rename Rule"_s, u"name"_s);
    QCOMPARE(m_document->currentRule(), 5);
    QCOMPARE(shownIds(), QStringList{u"suppabot-conversation-ended"_s}); // the id still matches
    renamed.id = u"conversation-ended"_s;
    m_document->changeRule(5, renamed, u"Change Rule Id"_s);
    QVERIFY(shownIds().isEmpty());
    QCOMPARE(m_document->currentRule(), 5);
}

void TestRuleList::problemIconMarksARuleWithAnUnknownEvent()
{
    const RuleListModel *model = m_panel->model();
    QVERIFY(!model->index(2).data(RuleListModel::HasErrorsRole).toBool());
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

    Rule broken = m_document->rule(2);
    broken.when = u"chat.opend"_s;
    m_document->changeRule(2, broken, u"Change Trigger"_s);
    QVERIFY(!changed.isEmpty());

    const QModelIndex index = model->index(2);
    QVERIFY(index.data(RuleListModel::HasErrorsRole).toBool());
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    const QString toolTip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(toolTip.contains(u"chat.opend"_s), qPrintable(toolTip));
    QVERIFY2(toolTip.contains(m_document->rule(2).description), qPrintable(toolTip));
    QCOMPARE(index.data(RuleListModel::TriggerLabelRole).toString(), u"chat.opend"_s);
    // Only that rule.
    for (int row = 0; row < model->rowCount(); ++row) {
        if (row != 2)
            QVERIFY(model->index(row).data(Qt::DecorationRole).isNull());
    }

    // A duplicate id marks the second rule with it.
    Rule twin = m_document->rule(4);
    twin.id = m_document->rule(3).id;
    m_document->changeRule(4, twin, u"Change Rule Id"_s);
    QVERIFY(model->index(4).data(RuleListModel::HasErrorsRole).toBool());
    QVERIFY(!model->index(3).data(RuleListModel::HasErrorsRole).toBool());

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row).data(Qt::DecorationRole).isNull());
}

void TestRuleList::emptyListSaysHowToStart()
{
    auto *hint = m_panel->findChild<QLabel *>(u"ruleListEmptyHint"_s);
    QVERIFY(hint);
    QVERIFY(!hint->isVisible());

    m_document->reset(RuleSet{}, {});
    QTRY_VERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"No rules yet. Add one to get started."_s);
    QVERIFY(!m_panel->deleteRuleAction()->isEnabled());
    QVERIFY(!m_panel->duplicateRuleAction()->isEnabled());

    m_panel->addRule(u"message.created"_s);
    QCOMPARE(m_document->ruleCount(), 1);
    QVERIFY(!hint->isVisible());
    QCOMPARE(view()->currentIndex().row(), 0);

    QTest::keyClicks(filter(), u"nothing like this"_s);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"No rules match the filter."_s);

    // A rule added while the filter hides it clears the filter, so it can be seen.
    m_panel->addRule(u"chat.opened"_s);
    QVERIFY(filter()->text().isEmpty());
    QCOMPARE(shownIds().size(), 2);
    QCOMPARE(view()->currentIndex().row(), 1);
}

void TestRuleList::findFocusesTheFilter()
{
    // The window has its own Find, as the main window does; in the panel Ctrl+F must not be
    // ambiguous.
    QTest::failOnWarning(QRegularExpression(u"[Aa]mbiguous"_s));
    int windowFinds = 0;
    auto *find = new QAction(m_window.get());
    find->setShortcut(QKeySequence::Find);
    m_window->addAction(find);
    connect(find, &QAction::triggered, m_panel, [this, &windowFinds] {
        ++windowFinds;
        m_panel->focusFilter();
    });

    QTest::keyClicks(filter(), u"vip"_s);
    clickRule(u"vip-to-slack"_s);
    view()->setFocus();
    QVERIFY(view()->hasFocus());
    QTest::keyClick(view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter()->hasFocus());
    QCOMPARE(filter()->selectedText(), u"vip"_s); // typing replaces the filter
    QCOMPARE(windowFinds, 0);

    // Outside the panel the window's Find still works, and the window's way in is focusFilter().
    auto *elsewhere = new QLineEdit(m_window.get());
    m_window->layout()->addWidget(elsewhere);
    elsewhere->show();
    elsewhere->setFocus();
    QTRY_VERIFY(elsewhere->hasFocus());
    QTest::keyClick(elsewhere, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(windowFinds, 1);
    QTRY_VERIFY(filter()->hasFocus());
}

void TestRuleList::languageSwitchRelabelsTriggersAndEvents()
{
    const RuleListModel *model = m_panel->model();
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    LanguageManager::instance().setLanguage(Language::Turkish);
    QVERIFY(!changed.isEmpty());
    const auto arguments = changed.constLast();
    QCOMPARE(arguments.at(0).toModelIndex().row(), 0);
    QCOMPARE(arguments.at(1).toModelIndex().row(), model->rowCount() - 1);
    QCOMPARE(model->index(1).data(RuleListModel::TriggerLabelRole).toString(), u"Sohbet Açıldı"_s);
    QCOMPARE(model->index(0).data(RuleListModel::TriggerLabelRole).toString(),
             u"Kişi Oluşturuldu"_s);

    const QMenu *chat = m_panel->findChild<QMenu *>(u"addRuleMenu_chat"_s);
    QVERIFY(chat);
    QCOMPARE(actionWithData(chat, u"chat.closed"_s)->text(), u"Sohbet Sonlandı"_s);

    LanguageManager::instance().setLanguage(Language::English);
    QCOMPARE(model->index(1).data(RuleListModel::TriggerLabelRole).toString(), u"Chat Opened"_s);
    QCOMPARE(actionWithData(chat, u"chat.closed"_s)->text(), u"Chat Closed"_s);
}

QTEST_MAIN(TestRuleList)
#include "tst_rulelist.moc"
