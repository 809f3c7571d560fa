// The rule editor driven as a person would: typing into fields, choosing in combo boxes through
// their pop-up lists, clicking buttons found by objectName; and the document checked after.

#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "editor/ConditionGroupWidget.h"
#include "editor/ConditionRow.h"
#include "editor/RuleEditor.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "support/QuietOffscreen.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// A condition as JSON-like text, for failure messages.
QString describe(const Condition &c)
{
    switch (c.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        QStringList members;
        for (const Condition &child : c.children)
            members.append(describe(child));
        return (c.kind == Condition::Kind::All ? u"all["_s : u"any["_s) + members.join(u", "_s)
               + u']';
    }
    case Condition::Kind::Not:
        return u"not("_s + (c.children.empty() ? QString() : describe(c.children.front())) + u')';
    case Condition::Kind::Leaf: {
        const QString value =
            c.value.isUndefined()
                ? u"undefined"_s
                : QString::fromUtf8(
                    QJsonDocument(QJsonArray{c.value}).toJson(QJsonDocument::Compact));
        return u"{%1 %2 %3%4}"_s.arg(c.field, operatorId(c.op), value,
                                     c.caseSensitive ? u" cs"_s : QString());
    }
    }
    return {};
}

QString describe(const std::optional<Condition> &c)
{
    return c ? describe(*c) : u"none"_s;
}

// The editor's headings in Turkish, as translations/kanca_tr.ts has them: the compiled .qm
// files are resources of the program, not of this test, so the test brings these few strings.
class TurkishHeadings final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (QByteArrayView(context) != "Kanca::RuleEditor")
            return {};
        const QByteArrayView source(sourceText);
        if (source == "When")
            return u"Ne zaman"_s;
        if (source == "If")
            return u"Eğer"_s;
        if (source == "Then")
            return u"O zaman"_s;
        return {};
    }
    bool isEmpty() const override { return false; }
};

// The offscreen platform says, for every pop-up, what it cannot do; nothing else is hidden.
} // namespace

class TestRuleEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void noCurrentRuleShowsEmptyState();
    void headerTypingIsOneUndoStep();
    void invalidIdIsShownNotApplied();
    void vipToSlackThroughTheWidgets();
    void undoAndRedoRestoreTheWidgets();
    void operatorsFollowTheFieldType();
    void numberValueHonoursTheRange();
    void oneOfFieldOffersItsValues();
    void dateTimeFieldTakesUtc();
    void nestedAnyGroupAndNot();
    void invalidRegexShowsTheError();
    void turkishSwitchesLabelsAndHeadings();
    void problemMarksTheRow();
    void tabOrderFollowsTheRule();

private:
    template<typename T>
    T *widget(const QString &name, QWidget *inside = nullptr) const;
    QList<ConditionRow *> rows() const;
    ConditionRow *row(int index) const;
    ConditionGroupWidget *group(const ConditionPath &path) const;
    template<typename T>
    T *own(ConditionItemWidget *item, const QString &name) const;
    void choose(QComboBox *combo, const QString &text);
    void addVipCondition();
    qsizetype insertRule(const Rule &rule);
    const Rule &rule() const { return m_document->rule(m_document->currentRule()); }

    QTemporaryDir m_dir;
    std::unique_ptr<RuleSetDocument> m_document;
    std::unique_ptr<RuleEditor> m_editor;
};

void TestRuleEditor::initTestCase()
{
    Kanca::Testing::quietOffscreenWarnings();
    QStandardPaths::setTestModeEnabled(true);
    Settings::useTemporaryFile(m_dir.filePath(u"settings.ini"_s));
    LanguageManager::instance().setLanguage(Language::English);
}

void TestRuleEditor::init()
{
    m_document = std::make_unique<RuleSetDocument>();
    RuleSet ruleSet;
    ruleSet.name = u"Test"_s;
    m_document->reset(ruleSet, {});
    m_editor = std::make_unique<RuleEditor>(m_document.get());
    m_editor->resize(1000, 800);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

void TestRuleEditor::cleanup()
{
    m_editor.reset();
    m_document.reset();
    LanguageManager::instance().setLanguage(Language::English);
}

template<typename T>
T *TestRuleEditor::widget(const QString &name, QWidget *inside) const
{
    const QList<T *> found = (inside ? inside : m_editor.get())->findChildren<T *>(name);
    if (found.size() != 1)
        qWarning("%lld widgets named %s", qlonglong(found.size()), qPrintable(name));
    return found.size() == 1 ? found.first() : nullptr;
}

QList<ConditionRow *> TestRuleEditor::rows() const
{
    QList<ConditionRow *> result = m_editor->findChildren<ConditionRow *>();
    std::sort(result.begin(), result.end(),
              [](const ConditionRow *a, const ConditionRow *b) { return a->path() < b->path(); });
    return result;
}

ConditionRow *TestRuleEditor::row(int index) const
{
    const QList<ConditionRow *> all = rows();
    return index < all.size() ? all.at(index) : nullptr;
}

ConditionGroupWidget *TestRuleEditor::group(const ConditionPath &path) const
{
    for (auto *candidate : m_editor->findChildren<ConditionGroupWidget *>()) {
        if (candidate->path() == path)
            return candidate;
    }
    return nullptr;
}

// A group's own button or combo, not one of a nested group's.
template<typename T>
T *TestRuleEditor::own(ConditionItemWidget *item, const QString &name) const
{
    return item ? qobject_cast<T *>(item->ownWidget(name)) : nullptr;
}

// Opens the combo's list, moves to the entry as the mouse would and presses Return.
void TestRuleEditor::choose(QComboBox *combo, const QString &text)
{
    QVERIFY(combo);
    const int target = combo->findText(text, Qt::MatchExactly);
    QVERIFY2(target >= 0, qPrintable(u"no “%1” in %2"_s.arg(text, combo->objectName())));
    combo->showPopup();
    QAbstractItemView *view = combo->view();
    QTRY_VERIFY(view->isVisible());
    const QModelIndex index =
        combo->model()->index(target, combo->modelColumn(), combo->rootModelIndex());
    QVERIFY(index.flags() & Qt::ItemIsEnabled);
    view->scrollTo(index);
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(!view->isVisible());
    QCOMPARE(combo->currentText(), text);
    // The offscreen platform leaves the closed pop-up the active window; a desktop does not.
    m_editor->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_editor.get());
}

qsizetype TestRuleEditor::insertRule(const Rule &rule)
{
    const qsizetype index = m_document->ruleCount();
    m_document->insertRule(index, rule, u"Add Rule"_s);
    m_document->undoStack()->clear();
    return index;
}

// Seed 000, use case 2: When Chat Opened, If "Kişinin Etiketleri contains VIP".
void TestRuleEditor::addVipCondition()
{
    choose(widget<QComboBox>(u"eventPicker"_s), u"Chat Opened"_s);
    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Contact Tags"_s);
    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"contains"_s);
    auto *value = widget<QLineEdit>(u"conditionValue"_s, row(0));
    QVERIFY(value);
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, u"VIP"_s);
}

void TestRuleEditor::noCurrentRuleShowsEmptyState()
{
    auto *empty = widget<QLabel>(u"ruleEditorEmpty"_s);
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!widget<QLineEdit>(u"ruleName"_s)->isVisible());

    insertRule(m_document->newRule(u"contact.created"_s));
    QVERIFY(!empty->isVisible());
    QVERIFY(widget<QLineEdit>(u"ruleName"_s)->isVisible());
    QCOMPARE(widget<QLineEdit>(u"ruleName"_s)->text(), rule().name);
    QCOMPARE(widget<QComboBox>(u"eventPicker"_s)->currentText(), u"Contact Created"_s);
    QVERIFY(widget<QLabel>(u"conditionHint"_s)->isVisible());
    QCOMPARE(widget<QLabel>(u"conditionHint"_s)->text(),
             u"Always: this rule runs on every “Contact Created” event."_s);

    m_document->setCurrentRule(-1);
    QVERIFY(empty->isVisible());
}

void TestRuleEditor::headerTypingIsOneUndoStep()
{
    insertRule(m_document->newRule(u"chat.opened"_s));
    auto *name = widget<QLineEdit>(u"ruleName"_s);
    QTest::mouseClick(name, Qt::LeftButton);
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClicks(name, u"VIP to Slack"_s);
    QCOMPARE(rule().name, u"VIP to Slack"_s);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), u"Rename Rule"_s);
    QVERIFY(name->hasFocus());
    QCOMPARE(name->cursorPosition(), 12);

    auto *description = widget<QPlainTextEdit>(u"ruleDescription"_s);
    QTest::mouseClick(description->viewport(), Qt::LeftButton);
    QTest::keyClicks(description, u"Seed 000"_s);
    QCOMPARE(rule().description, u"Seed 000"_s);
    QCOMPARE(m_document->undoStack()->count(), 2);

    auto *enabled = widget<QCheckBox>(u"ruleEnabled"_s);
    QVERIFY(enabled->isChecked());
    enabled->setFocus();
    QTest::keyClick(enabled, Qt::Key_Space);
    QCOMPARE(rule().enabled, false);
    QCOMPARE(m_document->undoStack()->undoText(), u"Disable Rule"_s);

    m_document->undoStack()->undo();
    QVERIFY(enabled->isChecked());
    m_document->undoStack()->undo();
    QCOMPARE(description->toPlainText(), QString());
    m_document->undoStack()->undo();
    QCOMPARE(name->text(), u"New rule"_s);
}

void TestRuleEditor::invalidIdIsShownNotApplied()
{
    Rule other = m_document->newRule(u"chat.opened"_s);
    other.id = u"taken"_s;
    insertRule(other);
    insertRule(m_document->newRule(u"chat.opened"_s));
    QCOMPARE(rule().id, u"rule"_s);
    auto *id = widget<QLineEdit>(u"ruleId"_s);
    QTest::mouseClick(id, Qt::LeftButton);
    id->selectAll();
    // What is valid is applied as it is typed; from the space on, nothing is.
    QTest::keyClicks(id, u"vip to slack"_s);
    QCOMPARE(id->text(), u"vip to slack"_s);
    QCOMPARE(rule().id, u"vip"_s);
    QCOMPARE(id->property("kancaProblem").toString(), u"error"_s);
    QVERIFY2(id->toolTip().contains(u"letters"_s), qPrintable(id->toolTip()));

    id->selectAll();
    QTest::keyClicks(id, u"taken"_s);
    QCOMPARE(rule().id, u"take"_s);
    QVERIFY(id->toolTip().contains(u"Another rule already has the id “taken”."_s));

    id->selectAll();
    QTest::keyClicks(id, u"vip-to-slack"_s);
    QCOMPARE(rule().id, u"vip-to-slack"_s);
    QCOMPARE(id->property("kancaProblem").toString(), QString());
    QCOMPARE(m_document->undoStack()->count(), 1);

    // Leaving the field with input that is not applied shows the rule's id again.
    QTest::keyClicks(id, u" !"_s);
    QCOMPARE(id->property("kancaProblem").toString(), u"error"_s);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(id->text(), u"vip-to-slack"_s);
    QCOMPARE(id->property("kancaProblem").toString(), QString());
}

void TestRuleEditor::vipToSlackThroughTheWidgets()
{
    insertRule(m_document->newRule(u"contact.created"_s));
    auto *picker = widget<QComboBox>(u"eventPicker"_s);
    choose(picker, u"Chat Opened"_s);
    QCOMPARE(rule().when, u"chat.opened"_s);
    QCOMPARE(m_document->undoStack()->undoText(), u"Change Trigger"_s);
    QCOMPARE(widget<QLabel>(u"eventFiresWhen"_s)->text(),
             Catalog::builtIn().event(u"chat.opened")->firesWhen.en);
    QCOMPARE(widget<QLabel>(u"conditionHint"_s)->text(),
             u"Always: this rule runs on every “Chat Opened” event."_s);

    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), u"Add Condition"_s);
    QVERIFY(!widget<QLabel>(u"conditionHint"_s)->isVisible());
    auto *field = widget<QComboBox>(u"conditionField"_s, row(0));
    QTRY_VERIFY(field->hasFocus()); // the new row's first choice

    choose(field, u"Contact Tags"_s);
    auto *op = widget<QComboBox>(u"conditionOperator"_s, row(0));
    choose(op, u"contains"_s);
    auto *value = widget<QLineEdit>(u"conditionValue"_s, row(0));
    QVERIFY(value);
    QTest::mouseClick(value, Qt::LeftButton);
    const int stepsBefore = m_document->undoStack()->count();
    QTest::keyClicks(value, u"VIP"_s);

    const std::optional<Condition> expected = Condition::all(
        {Condition::leaf(u"contact.tags"_s, Operator::Contains, QJsonValue(u"VIP"_s))});
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));
    // Typing is one undo step, and the widgets were updated in place: focus and cursor kept.
    QCOMPARE(m_document->undoStack()->count(), stepsBefore + 1);
    QCOMPARE(m_document->undoStack()->undoText(), u"Change Condition"_s);
    QCOMPARE(widget<QLineEdit>(u"conditionValue"_s, row(0)), value);
    QVERIFY(value->hasFocus());
    QCOMPARE(value->cursorPosition(), 3);
    value->setCursorPosition(1);
    QTest::keyClicks(value, u"X"_s);
    QCOMPARE(value->text(), u"VXIP"_s);
    QCOMPARE(value->cursorPosition(), 2);
    QTest::keyClick(value, Qt::Key_Backspace);
    QCOMPARE(m_document->undoStack()->count(), stepsBefore + 1);
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));
    QCOMPARE(rule().when, u"chat.opened"_s);

    // No problems are left to mark.
    QCOMPARE(field->property("kancaProblem").toString(), QString());
    QCOMPARE(value->property("kancaProblem").toString(), QString());
}

void TestRuleEditor::undoAndRedoRestoreTheWidgets()
{
    insertRule(m_document->newRule(u"contact.created"_s));
    addVipCondition();
    QUndoStack *stack = m_document->undoStack();
    // Change Trigger, Add Condition, Change Condition (field), Change Condition (typing); the
    // operator was already "contains", the first that applies to a list field.
    QCOMPARE(stack->count(), 4);

    stack->undo(); // the typing
    auto *value = widget<QLineEdit>(u"conditionValue"_s, row(0));
    QCOMPARE(value->text(), QString());
    QVERIFY(ConditionTree::base(*rule().condition).children.front().value.isUndefined());
    stack->undo(); // the field
    QCOMPARE(widget<QComboBox>(u"conditionField"_s, row(0))->currentIndex(), -1);
    QVERIFY(!widget<QComboBox>(u"conditionOperator"_s, row(0))->isEnabled());
    stack->undo(); // the condition
    QTRY_VERIFY(rows().isEmpty());
    QVERIFY(widget<QPushButton>(u"addCondition"_s)->isVisible());
    stack->undo(); // the event
    QCOMPARE(widget<QComboBox>(u"eventPicker"_s)->currentText(), u"Contact Created"_s);
    QCOMPARE(widget<QLabel>(u"eventFiresWhen"_s)->text(),
             Catalog::builtIn().event(u"contact.created")->firesWhen.en);

    while (stack->canRedo())
        stack->redo();
    QCOMPARE(widget<QComboBox>(u"eventPicker"_s)->currentText(), u"Chat Opened"_s);
    QCOMPARE(rows().size(), 1);
    QCOMPARE(widget<QComboBox>(u"conditionField"_s, row(0))->currentText(), u"Contact Tags"_s);
    QCOMPARE(widget<QComboBox>(u"conditionOperator"_s, row(0))->currentText(), u"contains"_s);
    QCOMPARE(widget<QLineEdit>(u"conditionValue"_s, row(0))->text(), u"VIP"_s);
}

void TestRuleEditor::operatorsFollowTheFieldType()
{
    insertRule(m_document->newRule(u"chat.rated"_s));
    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    const auto operators = [this] {
        QStringList texts;
        auto *op = widget<QComboBox>(u"conditionOperator"_s, row(0));
        for (int i = 0; op && i < op->count(); ++i)
            texts.append(op->itemText(i));
        return texts;
    };

    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Lead Score"_s);
    QVERIFY2(operators().contains(u"is at least"_s), qPrintable(operators().join(u'|')));
    QVERIFY(!operators().contains(u"matches (regular expression)"_s));
    QVERIFY(!operators().contains(u"contains"_s));

    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Full Name"_s);
    QVERIFY2(operators().contains(u"matches (regular expression)"_s),
             qPrintable(operators().join(u'|')));
    QVERIFY(!operators().contains(u"is at least"_s));

    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Contact Tags"_s);
    QCOMPARE(operators(),
             QStringList({u"contains"_s, u"does not contain"_s, u"is empty"_s, u"is not empty"_s}));

    // No value for "is empty"; the case toggle only where texts are compared.
    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"is empty"_s);
    QVERIFY(!row(0)->findChild<QWidget *>(u"conditionValue"_s));
    QVERIFY(!widget<QToolButton>(u"conditionCaseSensitive"_s, row(0))->isVisible());
    const auto isEmpty = Condition::all({Condition::leaf(u"contact.tags"_s, Operator::IsEmpty)});
    QVERIFY2(rule().condition == isEmpty, qPrintable(describe(rule().condition)));

    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"does not contain"_s);
    auto *caseSensitive = widget<QToolButton>(u"conditionCaseSensitive"_s, row(0));
    QVERIFY(caseSensitive->isVisible());
    QTest::mouseClick(caseSensitive, Qt::LeftButton);
    QVERIFY(ConditionTree::base(*rule().condition).children.front().caseSensitive);
}

void TestRuleEditor::numberValueHonoursTheRange()
{
    insertRule(m_document->newRule(u"chat.rated"_s));
    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Rating"_s);
    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"is at most"_s);
    auto *value = widget<QLineEdit>(u"conditionValue"_s, row(0));
    QVERIFY(value);
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, u"2"_s);
    const auto atMostTwo =
        Condition::all({Condition::leaf(u"conversation.rating"_s, Operator::AtMost, 2)});
    QVERIFY2(rule().condition == atMostTwo, qPrintable(describe(rule().condition)));
    QVERIFY(ConditionTree::base(*rule().condition).children.front().value.isDouble());

    QTest::keyClicks(value, u"0"_s); // 20: above the largest rating
    QCOMPARE(value->text(), u"20"_s);
    QVERIFY2(rule().condition == atMostTwo, qPrintable(describe(rule().condition)));
    QCOMPARE(value->property("kancaProblem").toString(), u"error"_s);
    QVERIFY2(value->toolTip().contains(u"Enter a number from 1 to 5."_s),
             qPrintable(value->toolTip()));

    QTest::keyClick(value, Qt::Key_Backspace);
    QTest::keyClicks(value, u"x"_s);
    QVERIFY(value->toolTip().contains(u"“2x” is not a number."_s));
    QTest::keyClick(value, Qt::Key_Backspace);
    QCOMPARE(value->property("kancaProblem").toString(), QString());
    QVERIFY2(rule().condition == atMostTwo, qPrintable(describe(rule().condition)));

    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"is one of"_s);
    value = widget<QLineEdit>(u"conditionValue"_s, row(0));
    QCOMPARE(value->text(), u"2"_s); // the number carried over into the list
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, u", 3"_s);
    const auto inList =
        Condition::all({Condition::leaf(u"conversation.rating"_s, Operator::In, QJsonArray{2, 3})});
    QVERIFY2(rule().condition == inList, qPrintable(describe(rule().condition)));
}

void TestRuleEditor::oneOfFieldOffersItsValues()
{
    insertRule(m_document->newRule(u"contact.created"_s));
    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Contact Platform"_s);
    QCOMPARE(widget<QComboBox>(u"conditionOperator"_s, row(0))->currentText(), u"equals"_s);
    auto *choice = widget<QComboBox>(u"conditionValue"_s, row(0));
    QVERIFY(choice);
    QStringList offered;
    for (int i = 0; i < choice->count(); ++i)
        offered.append(choice->itemText(i));
    QCOMPARE(offered, Catalog::builtIn().field(u"contact.platform")->allowedValues);
    choose(choice, u"WhatsApp"_s);
    const auto whatsApp = Condition::all(
        {Condition::leaf(u"contact.platform"_s, Operator::Equals, QJsonValue(u"WhatsApp"_s))});
    QVERIFY2(rule().condition == whatsApp, qPrintable(describe(rule().condition)));

    // "is one of": a list to tick, the chosen value ticked already.
    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"is one of"_s);
    auto *list = widget<QListWidget>(u"conditionValue"_s, row(0));
    QVERIFY(list);
    QCOMPARE(list->count(), offered.size());
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
    QListWidgetItem *telegram = list->findItems(u"Telegram"_s, Qt::MatchExactly).value(0);
    QVERIFY(telegram);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(telegram).center());
    QTest::keyClick(list, Qt::Key_Space);
    const auto oneOf = Condition::all({Condition::leaf(u"contact.platform"_s, Operator::In,
                                                       QJsonArray{u"WhatsApp"_s, u"Telegram"_s})});
    QVERIFY2(rule().condition == oneOf, qPrintable(describe(rule().condition)));
}

void TestRuleEditor::dateTimeFieldTakesUtc()
{
    insertRule(m_document->newRule(u"chat.closed"_s));
    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Started At"_s);
    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"is at least"_s);
    auto *edit = widget<QDateTimeEdit>(u"conditionValue"_s, row(0));
    QVERIFY(edit);
    QCOMPARE(edit->timeSpec(), Qt::UTC);
    QCOMPARE(edit->text(), u"Choose a date and time"_s);
    edit->setDateTime(QDateTime(QDate(2026, 11, 21), QTime(10, 30), QTimeZone::utc()));
    const auto since = Condition::all({Condition::leaf(
        u"conversation.startedAt"_s, Operator::AtLeast, QJsonValue(u"2026-11-21T10:30:00Z"_s))});
    QVERIFY2(rule().condition == since, qPrintable(describe(rule().condition)));

    // A value with an offset, from a file, is shown in UTC.
    Rule changed = rule();
    ConditionTree::base(*changed.condition).children.front().value = u"2026-11-21T15:00:00+03:00"_s;
    m_document->changeRule(m_document->currentRule(), changed, u"Change Condition"_s);
    QCOMPARE(edit->dateTime(), QDateTime(QDate(2026, 11, 21), QTime(12, 0), QTimeZone::utc()));
}

void TestRuleEditor::nestedAnyGroupAndNot()
{
    insertRule(m_document->newRule(u"contact.created"_s));
    addVipCondition();
    const auto vip = Condition::leaf(u"contact.tags"_s, Operator::Contains, QJsonValue(u"VIP"_s));

    QVERIFY(group({}));
    QTest::mouseClick(own<QPushButton>(group({}), u"groupAddGroup"_s), Qt::LeftButton);
    QCOMPARE(m_document->undoStack()->undoText(), u"Add Group"_s);
    QTRY_COMPARE(rows().size(), 2);
    QVERIFY(group({1}));
    QCOMPARE(own<QComboBox>(group({1}), u"groupMatch"_s)->currentText(), u"Any of these"_s);
    QTRY_VERIFY(widget<QComboBox>(u"conditionField"_s, row(1))->hasFocus());

    choose(widget<QComboBox>(u"conditionField"_s, row(1)), u"Last Conversation First Message"_s);
    choose(widget<QComboBox>(u"conditionOperator"_s, row(1)), u"contains"_s);
    auto *value = widget<QLineEdit>(u"conditionValue"_s, row(1));
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, u"demo"_s);
    QTest::mouseClick(own<QPushButton>(group({1}), u"groupAddCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 3);
    choose(widget<QComboBox>(u"conditionField"_s, row(2)), u"Last Conversation First Message"_s);
    value = widget<QLineEdit>(u"conditionValue"_s, row(2));
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, u"fiyat"_s);
    choose(widget<QComboBox>(u"conditionOperator"_s, row(2)), u"contains"_s);

    const auto first = u"conversation.firstMessage"_s;
    const auto demo = Condition::leaf(first, Operator::Contains, QJsonValue(u"demo"_s));
    const auto fiyat = Condition::leaf(first, Operator::Contains, QJsonValue(u"fiyat"_s));
    auto expected = Condition::all({vip, Condition::any({demo, fiyat})});
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));

    // NOT on the nested group, and on the first row.
    QTest::mouseClick(own<QToolButton>(group({1}), u"groupNot"_s), Qt::LeftButton);
    QCOMPARE(m_document->undoStack()->undoText(), u"Negate Group"_s);
    expected = Condition::all({vip, Condition::negate(Condition::any({demo, fiyat}))});
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));
    QTest::mouseClick(widget<QToolButton>(u"conditionNot"_s, row(0)), Qt::LeftButton);
    expected =
        Condition::all({Condition::negate(vip), Condition::negate(Condition::any({demo, fiyat}))});
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));
    QVERIFY(widget<QToolButton>(u"conditionNot"_s, row(0))->isChecked());

    // Typing in a row under a NOT merges under its own key and keeps the widget.
    value = widget<QLineEdit>(u"conditionValue"_s, row(2));
    QTest::mouseClick(value, Qt::LeftButton);
    const int steps = m_document->undoStack()->count();
    QTest::keyClicks(value, u"!"_s);
    QTest::keyClick(value, Qt::Key_Backspace);
    QCOMPARE(m_document->undoStack()->count(), steps); // back to where it was: no step
    QCOMPARE(widget<QLineEdit>(u"conditionValue"_s, row(2)), value);

    // The outer group to "any", the row's NOT off again.
    choose(own<QComboBox>(group({}), u"groupMatch"_s), u"Any of these"_s);
    QTest::mouseClick(widget<QToolButton>(u"conditionNot"_s, row(0)), Qt::LeftButton);
    expected = Condition::any({vip, Condition::negate(Condition::any({demo, fiyat}))});
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));

    // Removing the nested group, then the last row: no condition at all.
    QTest::mouseClick(own<QToolButton>(group({1}), u"groupRemove"_s), Qt::LeftButton);
    QCOMPARE(m_document->undoStack()->undoText(), u"Remove Group"_s);
    QTRY_COMPARE(rows().size(), 1);
    QTest::mouseClick(widget<QToolButton>(u"conditionRemove"_s, row(0)), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 0);
    QVERIFY(!rule().condition.has_value());
    QVERIFY(widget<QPushButton>(u"addCondition"_s)->isVisible());
    QTRY_VERIFY(widget<QPushButton>(u"addCondition"_s)->hasFocus());
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QTRY_COMPARE(rows().size(), 3);
    QVERIFY2(rule().condition == expected, qPrintable(describe(rule().condition)));
}

void TestRuleEditor::invalidRegexShowsTheError()
{
    insertRule(m_document->newRule(u"message.created"_s));
    QTest::mouseClick(widget<QPushButton>(u"addCondition"_s), Qt::LeftButton);
    QTRY_COMPARE(rows().size(), 1);
    choose(widget<QComboBox>(u"conditionField"_s, row(0)), u"Message Text"_s);
    choose(widget<QComboBox>(u"conditionOperator"_s, row(0)), u"matches (regular expression)"_s);
    auto *value = widget<QLineEdit>(u"conditionValue"_s, row(0));
    auto *status = widget<QLabel>(u"conditionRegexStatus"_s, row(0));
    QVERIFY(value && status);
    QVERIFY(!status->isVisible());
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, u"(hata|destek"_s);
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().startsWith(u"Invalid regular expression: "_s),
             qPrintable(status->text()));
    QVERIFY(status->text().contains(u"at character"_s));
    // Applied, so the document's problem marks the value too.
    QCOMPARE(ConditionTree::base(*rule().condition).children.front().value.toString(),
             u"(hata|destek"_s);
    QCOMPARE(value->property("kancaProblem").toString(), u"error"_s);
    QVERIFY2(value->toolTip().contains(u"Invalid regular expression"_s),
             qPrintable(value->toolTip()));

    QTest::keyClicks(value, u")"_s);
    QCOMPARE(status->text(), u"Valid regular expression."_s);
    QCOMPARE(value->property("kancaProblem").toString(), QString());
    QCOMPARE(m_document->undoStack()->undoText(), u"Change Condition"_s);
}

void TestRuleEditor::turkishSwitchesLabelsAndHeadings()
{
    insertRule(m_document->newRule(u"contact.created"_s));
    addVipCondition();
    auto *picker = widget<QComboBox>(u"eventPicker"_s);
    auto *when = widget<QLabel>(u"whenHeading"_s);
    QCOMPARE(picker->currentText(), u"Chat Opened"_s);
    QCOMPARE(when->text(), u"When"_s);

    TurkishHeadings translator;
    LanguageManager::instance().setLanguage(Language::Turkish);
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(when->text(), u"Ne zaman"_s);
    QCOMPARE(widget<QLabel>(u"ifHeading"_s)->text(), u"Eğer"_s);
    QCOMPARE(widget<QLabel>(u"thenHeading"_s)->text(), u"O zaman"_s);
    QCOMPARE(picker->currentText(), u"Sohbet Açıldı"_s);
    QVERIFY(picker->findText(u"Kişi Oluşturuldu"_s) >= 0);
    QCOMPARE(widget<QLabel>(u"eventFiresWhen"_s)->text(),
             u"Bir kişi herhangi bir kanaldan yeni bir sohbet başlattığında."_s);
    // Seed 000 in its own words: "Kişinin Etiketleri contains VIP".
    QCOMPARE(widget<QComboBox>(u"conditionField"_s, row(0))->currentText(),
             u"Kişinin Etiketleri"_s);
    QCOMPARE(widget<QComboBox>(u"conditionOperator"_s, row(0))->currentText(), u"içerir"_s);
    QCOMPARE(widget<QLineEdit>(u"conditionValue"_s, row(0))->text(), u"VIP"_s);
    // Nothing in the document changed.
    QCOMPARE(m_document->undoStack()->count(), 4);

    QCoreApplication::removeTranslator(&translator);
    LanguageManager::instance().setLanguage(Language::English);
    QTRY_COMPARE(when->text(), u"When"_s);
    QCOMPARE(picker->currentText(), u"Chat Opened"_s);
    QCOMPARE(widget<QComboBox>(u"conditionField"_s, row(0))->currentText(), u"Contact Tags"_s);
}

void TestRuleEditor::problemMarksTheRow()
{
    Rule broken = m_document->newRule(u"chat.opened"_s);
    broken.condition = Condition::all(
        {Condition::leaf(u"contact.tags"_s, Operator::Contains, QJsonValue(u"VIP"_s)),
         Condition::leaf(u"contact.tagz"_s, Operator::Contains, QJsonValue(u"VIP"_s))});
    insertRule(broken);
    QCOMPARE(rows().size(), 2);
    auto *good = widget<QComboBox>(u"conditionField"_s, row(0));
    auto *bad = widget<QComboBox>(u"conditionField"_s, row(1));
    QCOMPARE(bad->currentText(), u"contact.tagz"_s); // shown as it is
    QCOMPARE(good->property("kancaProblem").toString(), QString());
    QCOMPARE(bad->property("kancaProblem").toString(), u"error"_s);
    QVERIFY2(bad->toolTip().contains(u"Unknown field \"contact.tagz\"."_s),
             qPrintable(bad->toolTip()));
    QVERIFY(bad->toolTip().contains(u"contact.tags"_s)); // the suggestion

    // Fixing it through the widget clears the mark; undo brings it back.
    choose(bad, u"Contact Tags"_s);
    QCOMPARE(bad->property("kancaProblem").toString(), QString());
    m_document->undoStack()->undo();
    QCOMPARE(bad->property("kancaProblem").toString(), u"error"_s);

    // An unknown event is shown and marked too.
    Rule unknownEvent = m_document->newRule(u"chat.exploded"_s);
    m_document->setCurrentRule(insertRule(unknownEvent));
    auto *picker = widget<QComboBox>(u"eventPicker"_s);
    QCOMPARE(picker->currentText(), u"chat.exploded"_s);
    QCOMPARE(picker->property("kancaProblem").toString(), u"error"_s);
}

void TestRuleEditor::tabOrderFollowsTheRule()
{
    insertRule(m_document->newRule(u"contact.created"_s));
    addVipCondition();
    QTest::mouseClick(widget<QToolButton>(u"conditionRemove"_s, row(0)), Qt::LeftButton);
    m_document->undoStack()->undo(); // rows made after the action editor
    QTRY_COMPARE(rows().size(), 1);
    auto *picker = widget<QComboBox>(u"eventPicker"_s);
    picker->setFocus();
    QTRY_VERIFY(picker->hasFocus());
    QCoreApplication::processEvents(); // as the event loop runs between key presses
    QTest::keyClick(picker, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(),
                 static_cast<QWidget *>(widget<QToolButton>(u"groupNot"_s)));
    QWidget *focused = QApplication::focusWidget();
    QTest::keyClick(focused, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"groupMatch"_s);
    for (const QString &next :
         {u"conditionNot"_s, u"conditionField"_s, u"conditionOperator"_s, u"conditionValue"_s}) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), next);
    }
    QWidget *name = widget<QLineEdit>(u"ruleName"_s);
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"ruleId"_s);
}

QTEST_MAIN(TestRuleEditor)
#include "tst_ruleeditor.moc"
