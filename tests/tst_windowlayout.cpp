// The designer's window on the screens people have (1280×720, 1366×768), its rule-set settings,
// files with problems, and the small things around them; driven as a person would.
#include "action/WebhookActionEditor.h"
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "endpoints/Catcher.h"
#include "format/RuleSetReader.h"
#include "preview/PreviewPanel.h"
#include "problems/ProblemsPanel.h"
#include "services/DeliveryService.h"
#include "services/SecretStore.h"
#include "services/TestEndpoints.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "support/QuietOffscreen.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"
#include "window/WebhookSiteDialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionComboBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <qt6keychain/keychain.h>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

template<typename T>
T *visibleChild(QWidget *parent, const QString &name)
{
    const QList<T *> all = parent->findChildren<T *>(name);
    for (T *widget : all) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}

QString describe(const QWidget *widget)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    return u"%1 \"%2\" (%3) at %4,%5 %6×%7"_s
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             text.left(40))
        .arg(widget->x())
        .arg(widget->y())
        .arg(widget->width())
        .arg(widget->height());
}

// Whether a label's or a button's text is cut: a label without word wrap narrower than its
// text, a button smaller than it asks to be.
QString elision(const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget)) {
        if (label->wordWrap() || label->text().isEmpty() || label->textFormat() == Qt::RichText
            || !label->pixmap().isNull())
            return {};
        const QString text = QString(label->text()).remove(u'&');
        int widest = 0;
        for (const QString &line : text.split(u'\n'))
            widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
        if (widest > label->contentsRect().width() + 1)
            return u"label needs %1 px, has %2: "_s.arg(widest).arg(label->contentsRect().width())
                   + describe(label);
        return {};
    }
    if (const auto *combo = qobject_cast<const QComboBox *>(widget)) {
        if (combo->isEditable() || combo->currentText().isEmpty())
            return {};
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.currentText = combo->currentText();
        option.currentIcon = combo->itemIcon(combo->currentIndex());
        option.iconSize = combo->iconSize();
        option.frame = combo->hasFrame();
        const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                           QStyle::SC_ComboBoxEditField, combo);
        int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
        if (!option.currentIcon.isNull())
            needed += option.iconSize.width() + 4;
        if (needed > field.width() + 1)
            return u"combo box needs %1 px, has %2: "_s.arg(needed).arg(field.width())
                   + describe(combo) + u" \""_s + combo->currentText() + u'"';
        return {};
    }
    if (const auto *spin = qobject_cast<const QAbstractSpinBox *>(widget)) {
        const QLineEdit *edit = spin->findChild<QLineEdit *>();
        const int needed = edit ? edit->fontMetrics().horizontalAdvance(edit->text()) : 0;
        if (edit && needed > edit->width() - 4)
            return u"spin box needs %1 px, has %2: "_s.arg(needed).arg(edit->width())
                   + describe(spin) + u" \""_s + edit->text() + u'"';
        return {};
    }
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
        if (button->text().isEmpty())
            return {};
        if (button->sizeHint().width() > button->width() + 1)
            return u"button needs %1 px, has %2: "_s.arg(button->sizeHint().width())
                       .arg(button->width())
                   + describe(button);
    }
    return {};
}

// Every visible control below `root` whose text is cut, or which its parent cuts off (lies
// partly outside its parent's rectangle), except what a scroll area's viewport scrolls.
QStringList clippedControls(QWidget *root)
{
    QStringList found;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->isWindow())
            continue;
        // The parts Qt makes inside a line edit, a combo box or a spin box (the clear button)
        // are laid out by their owner.
        QWidget *owner = widget->parentWidget();
        if (qobject_cast<QLineEdit *>(owner) || qobject_cast<QComboBox *>(owner)
            || qobject_cast<QAbstractSpinBox *>(owner))
            continue;
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QLabel *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QComboBox *>(widget) || qobject_cast<QPlainTextEdit *>(widget);
        if (!control)
            continue;
        if (const QString cut = elision(widget); !cut.isEmpty())
            found.append(cut);
        QWidget *parent = widget->parentWidget();
        const bool scrolled = parent && qobject_cast<QAbstractScrollArea *>(parent->parentWidget())
                              && parent->objectName() == u"qt_scrollarea_viewport";
        if (parent && !scrolled && !parent->rect().contains(widget->geometry())
            && !qobject_cast<QAbstractScrollArea *>(parent))
            found.append(u"outside its parent %1: "_s.arg(describe(parent)) + describe(widget));
        if (widget->width() < widget->minimumSizeHint().width() - 1
            && (qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractButton *>(widget)))
            found.append(u"narrower than it can be: "_s + describe(widget));
    }
    return found;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

// Runs `act` on the next modal dialog once it is shown (from a timer, as exec() blocks).
template<typename Act>
void onNextDialog(Act act)
{
    QTimer::singleShot(0, qApp, [act] {
        QWidget *dialog = QApplication::activeModalWidget();
        for (int i = 0; !dialog && i < 100; ++i) {
            QTest::qWait(20);
            dialog = QApplication::activeModalWidget();
        }
        QVERIFY(dialog);
        act(dialog);
    });
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fitsA1280x720Screen();
    void neverGrowsWhenCatcherAndSendTestAreUsed();
    void rememberedGeometryIsClampedToTheScreen();
    void bottomPanelsAreTabbedDocksWithTitles();
    void newRuleSetFollowsTheInterfaceLanguage();
    void ruleSetSettingsAreOneUndoStep();
    void opensARuleSetWithProblemsAndListsThem();
    void refusesWhatIsNotARuleSet();
    void savesARuleSetWithProblemsAndSaysSo();
    void exportWarnsAboutTestUrls();
    void exportShortcutLeavesLineEditingAlone();
    void newRuleUrlIsNotWrongYet();
    void catcherButtonShowsItsPanelAndHintFollowsUrl();
    void deletingTheLastRuleShowsTheEmptyState();
    void keychainFailuresSayWhatHappened();
    void webhookSiteDialogFitsItsTitle();
    void turkishAtRunTimeClipsNothing();
    void theClippingCheckFindsCutText();

private:
    void resizeWindow(int width, int height);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowLayout::initTestCase()
{
    Kanca::Testing::quietOffscreenWarnings();
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
}

void TestWindowLayout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    LanguageManager::instance().setLanguage(Language::English);
    m_window = std::make_unique<MainWindow>();
    m_window->openHistory(m_dir->filePath(u"history.sqlite"_s));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestWindowLayout::cleanup()
{
    m_window->document()->undoStack()->setClean(); // no question on close
    m_window.reset();
    LanguageManager::instance().setLanguage(Language::English);
}

void TestWindowLayout::resizeWindow(int width, int height)
{
    m_window->resize(width, height);
    QTRY_COMPARE(m_window->size(), QSize(width, height));
    QTest::qWait(200); // layouts settle, the preview refreshes
    QCOMPARE(m_window->size(), QSize(width, height));
}

void TestWindowLayout::fitsA1280x720Screen()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    document->setCurrentRule(document->indexOfRule(u"vip-to-slack"_s));
    // A 1280×720 screen less a panel and the title bar.
    QVERIFY(m_window->minimumSize().width() <= 1280 - 16);
    QVERIFY(m_window->minimumSize().height() <= 720 - 80);
    QVERIFY(m_window->minimumSizeHint().height() <= 720 - 80);
    resizeWindow(1280, 720 - 80);

    // The editor: every control visible, whole, its text not cut; nothing off to the right.
    QWidget *editor = m_window->findChild<QWidget *>(u"ruleEditor"_s);
    QVERIFY(editor);
    const QStringList clipped = clippedControls(editor);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
    auto *editorScroll = editor->findChild<QScrollArea *>();
    QVERIFY(editorScroll);
    QVERIFY2(!editorScroll->horizontalScrollBar()->isVisible(),
             "the editor's column is cut off on the right");
    // The delete buttons of the conditions are there, inside the window.
    const QList<QAbstractButton *> removes =
        editor->findChildren<QAbstractButton *>(u"conditionRemove"_s);
    for (QAbstractButton *remove : removes) {
        if (!remove->isVisible())
            continue;
        const QRect inWindow(remove->mapTo(m_window.get(), QPoint(0, 0)), remove->size());
        QVERIFY2(m_window->rect().contains(inWindow), qPrintable(describe(remove)));
    }
    // The rule list and the preview: nothing cut either.
    for (const QString &name : {u"ruleListPanel"_s, u"previewPanel"_s}) {
        QWidget *panel = m_window->findChild<QWidget *>(name);
        QVERIFY2(panel, qPrintable(name));
        // Once the preview has refreshed (after a pause) and its sections are laid out again.
        QStringList cut;
        QTRY_VERIFY2((cut = clippedControls(panel)).isEmpty(),
                     qPrintable(name + u": "_s + cut.join(u'\n')));
    }
    // The payload editor keeps a usable height: at least six lines.
    auto *payload = visibleChild<QPlainTextEdit>(m_window.get(), u"payloadEditor"_s);
    QVERIFY(payload);
    QVERIFY2(payload->height() >= 6 * payload->fontMetrics().lineSpacing(),
             qPrintable(QString::number(payload->height())));
    // The preview scrolls rather than squeeze its sections: once laid out after its last
    // refresh (a refresh that adds a section asks for a layout that comes after it).
    auto *previewScroll = m_window->findChild<QScrollArea *>(u"previewScroll"_s);
    QVERIFY(previewScroll);
    QWidget *preview = previewScroll->widget();
    QVERIFY(preview == m_window->findChild<QWidget *>(u"previewPanel"_s));
    QTRY_VERIFY2(preview->height() >= preview->minimumSizeHint().height(),
                 qPrintable(u"the preview is %1 px high and needs %2"_s.arg(preview->height())
                                .arg(preview->minimumSizeHint().height())));
}

void TestWindowLayout::neverGrowsWhenCatcherAndSendTestAreUsed()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    document->setCurrentRule(document->indexOfRule(u"vip-to-slack"_s));
    resizeWindow(1280, 640);
    const QSize minimum = m_window->minimumSize();
    QWidget *preview = m_window->findChild<QWidget *>(u"previewPanel"_s);
    const auto report = [&](const char *when) {
        // What the panels would ask of the window if their minimum set its minimum.
        qInfo("%s: preview needs %d×%d, catcher %d×%d; the window's minimum is %d×%d", when,
              preview->minimumSizeHint().width(), preview->minimumSizeHint().height(),
              m_window->catcherDock()->minimumSizeHint().width(),
              m_window->catcherDock()->minimumSizeHint().height(),
              m_window->minimumSizeHint().width(), m_window->minimumSizeHint().height());
    };
    report("before");

    auto *catcher = visibleChild<QToolButton>(m_window.get(), u"catcherButton"_s);
    QVERIFY(catcher);
    QTest::mouseClick(catcher, Qt::LeftButton);
    QTRY_VERIFY(m_window->testEndpoints()->catcher()->isListening());
    QTRY_VERIFY(m_window->catcherDock()->isVisible());
    QTest::qWait(200);
    QCOMPARE(m_window->size(), QSize(1280, 640));
    QCOMPARE(m_window->minimumSize(), minimum);
    QVERIFY(m_window->minimumSizeHint().height() <= 640);
    report("after Catcher");

    auto *send = visibleChild<QToolButton>(m_window.get(), u"sendTestButton"_s);
    QVERIFY(send);
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->testEndpoints()->catcher()->requests().isEmpty(), 10000);
    QTest::qWait(500); // the response and the comparison are shown
    QCOMPARE(m_window->size(), QSize(1280, 640));
    QCOMPARE(m_window->minimumSize(), minimum);
    QVERIFY(m_window->minimumSizeHint().height() <= 640);
    QVERIFY(m_window->minimumSizeHint().width() <= 1280);
    report("after Send test");
}

void TestWindowLayout::rememberedGeometryIsClampedToTheScreen()
{
    // A window closed on a big screen...
    m_window->resize(3000, 2000);
    m_window->move(2500, 1500);
    QTRY_COMPARE(m_window->width(), 3000);
    m_window->close();
    QVERIFY(!Settings::instance().windowGeometry().isEmpty());
    m_window.reset();

    // ...opens within this one (less room for the frame), or at its minimum size.
    MainWindow window;
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(window.width() <= std::max(available.width(), MainWindow::MinimumSize.width()),
             qPrintable(QString::number(window.width())));
    QVERIFY2(window.height() <= std::max(available.height(), MainWindow::MinimumSize.height()),
             qPrintable(QString::number(window.height())));
    QVERIFY(window.x() >= available.left());
    QVERIFY(window.x() <= std::max(available.left(), available.right() - window.width()) + 1);
    window.document()->undoStack()->setClean();
    m_window = std::make_unique<MainWindow>(); // for cleanup()
}

void TestWindowLayout::bottomPanelsAreTabbedDocksWithTitles()
{
    QDockWidget *history = m_window->historyDock();
    QVERIFY(history->isVisible());
    QCOMPARE(history->windowTitle(), u"History"_s);
    const QList<QDockWidget *> tabs = m_window->tabifiedDockWidgets(history);
    QVERIFY(tabs.contains(m_window->catcherDock()));
    QVERIFY(tabs.contains(m_window->problemsDock()));
    QCOMPARE(m_window->dockWidgetArea(history), Qt::BottomDockWidgetArea);
    QCOMPARE(m_window->catcherDock()->windowTitle(), u"Local Catcher"_s);
    QVERIFY(m_window->problemsDock()->windowTitle().startsWith(u"Problems"_s));
    // Ctrl+H hides and shows the History panel.
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(!history->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(history->isVisible());
}

void TestWindowLayout::newRuleSetFollowsTheInterfaceLanguage()
{
    m_window->findChild<QAction *>(u"actionTurkish"_s)->trigger();
    QCOMPARE(LanguageManager::instance().language(), Language::Turkish);
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(m_window->document()->ruleSet().locale, Language::Turkish);
    QCOMPARE(m_window->document()->ruleSet().name, u"Yeni kural seti"_s);
    m_window->findChild<QAction *>(u"actionEnglish"_s)->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(m_window->document()->ruleSet().locale, Language::English);
    QCOMPARE(m_window->document()->ruleSet().name, u"New rule set"_s);
}

void TestWindowLayout::ruleSetSettingsAreOneUndoStep()
{
    m_window->documents()->newDocument();
    RuleSetDocument *document = m_window->document();
    // One click away: on the toolbar.
    auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(toolBar && toolBar->isVisible());
    QAction *settings = m_window->findChild<QAction *>(u"actionRuleSetSettings"_s);
    QVERIFY(settings);
    auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(settings));
    QVERIFY(button && button->isVisible());
    QString explanationEnglish;
    QString explanationTurkish;
    onNextDialog([&](QWidget *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(u"ruleSetName"_s);
        auto *description = dialog->findChild<QPlainTextEdit *>(u"ruleSetDescription"_s);
        auto *locale = dialog->findChild<QComboBox *>(u"ruleSetLocale"_s);
        auto *explanation = dialog->findChild<QLabel *>(u"ruleSetLocaleExplanation"_s);
        QVERIFY(name && description && locale && explanation);
        explanationEnglish = explanation->text();
        name->selectAll();
        QTest::keyClicks(name, u"Supsis destek"_s);
        QTest::keyClicks(description, u"Support tickets to Slack"_s);
        locale->setFocus();
        QTest::keyClick(locale, Qt::Key_Down); // English -> Turkish
        QCOMPARE(locale->currentIndex(), 1);
        explanationTurkish = explanation->text();
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(document->ruleSet().name, u"Supsis destek"_s);
    QCOMPARE(document->ruleSet().description, u"Support tickets to Slack"_s);
    QCOMPARE(document->ruleSet().locale, Language::Turkish);
    QVERIFY2(explanationTurkish.contains(u"\"SİSTEM ÇALIŞMIYOR\" contains \"çalışmıyor\""_s),
             qPrintable(explanationTurkish));
    QVERIFY2(explanationEnglish.contains(u"does not contain"_s), qPrintable(explanationEnglish));
    // One undo step, named.
    QCOMPARE(m_window->findChild<QAction *>(u"actionUndo"_s)->text().remove(u'&'),
             u"Undo Change Rule Set Settings"_s);
    auto *list = visibleChild<QAbstractItemView>(m_window.get(), u"ruleList"_s);
    QVERIFY(list);
    m_window->activateWindow(); // back from the dialog
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    list->setFocus(); // not a text field, which has an Undo of its own
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(document->ruleSet().name, u"New rule set"_s);
    QCOMPARE(document->ruleSet().description, QString());
    QCOMPARE(document->ruleSet().locale, Language::English);

    // Saved and read back with its description.
    QTest::keyClick(list, Qt::Key_Y, Qt::ControlModifier);
    QTRY_COMPARE(document->ruleSet().locale, Language::Turkish);
    const QString path = m_dir->filePath(u"settings.kanca.json"_s);
    Dialogs::setNextFileName(path);
    QVERIFY(m_window->documents()->saveAs());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const RuleSetReader::Result read = RuleSetReader::read(file.readAll());
    QVERIFY(read.ruleSet);
    QCOMPARE(read.ruleSet->description, u"Support tickets to Slack"_s);
    QCOMPARE(read.ruleSet->locale, Language::Turkish);
}

void TestWindowLayout::opensARuleSetWithProblemsAndListsThem()
{
    // A rule without a name and one with a broken regular expression: what the designer saved
    // before refusing to open it again.
    const QString path = m_dir->filePath(u"problems.kanca.json"_s);
    writeFile(path, R"({"format": "kanca.ruleset", "version": 1, "name": "P", "locale": "tr",
  "rules": [
    {"id": "a", "name": "Good", "when": "chat.opened",
     "then": [{"type": "webhook", "method": "POST", "url": "https://x.test/a"}]},
    {"id": "b", "name": "", "when": "chat.opened",
     "then": [{"type": "webhook", "method": "POST", "url": "https://x.test/b"}]},
    {"id": "c", "name": "Regex", "when": "chat.opened",
     "if": {"field": "message.text", "op": "matches", "value": "(unclosed"},
     "then": [{"type": "webhook", "method": "POST", "url": "https://x.test/c"}]}
  ]})");
    QVERIFY(m_window->documents()->open(path));
    RuleSetDocument *document = m_window->document();
    QCOMPARE(document->ruleCount(), 3);
    QCOMPARE(document->fileName(), QFileInfo(path).absoluteFilePath());
    QVERIFY(hasErrors(document->problems()));

    QDockWidget *dock = m_window->problemsDock();
    QTRY_VERIFY(dock->isVisible());
    auto *list = dock->findChild<QTreeWidget *>(u"problemsList"_s);
    QVERIFY(list);
    QTRY_VERIFY(list->topLevelItemCount() >= 2);
    QVERIFY2(dock->windowTitle().startsWith(u"Problems ("_s), qPrintable(dock->windowTitle()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Problems panel"_s));

    // Click the name problem: the rule is current and its name field has the focus.
    QTreeWidgetItem *nameProblem = nullptr;
    QTreeWidgetItem *regexProblem = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        if (item->text(1) == u"name")
            nameProblem = item;
        if (item->text(0) == u"Regex")
            regexProblem = item;
    }
    QVERIFY(nameProblem && regexProblem);
    QCOMPARE(nameProblem->text(0), u"b"_s); // no name: the id says which rule
    // Where in the rule, in words; the pointer in its tooltip.
    QCOMPARE(regexProblem->text(1), u"If › value"_s);
    QVERIFY2(regexProblem->toolTip(1).contains(u"/rules/2/if/value"_s),
             qPrintable(regexProblem->toolTip(1)));
    list->scrollToItem(nameProblem);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(nameProblem).center());
    QTRY_COMPARE(document->currentRule(), 1);
    auto *name = visibleChild<QLineEdit>(m_window.get(), u"ruleName"_s);
    QVERIFY(name);
    QTRY_VERIFY(name->hasFocus());

    // The regular expression's problem: the condition's value field.
    list->scrollToItem(regexProblem);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(regexProblem).center());
    QTRY_COMPARE(document->currentRule(), 2);
    QTRY_VERIFY(QApplication::focusWidget());
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"conditionValue"_s);

    // Fixing the name takes its problem off the list.
    document->setCurrentRule(1);
    name = visibleChild<QLineEdit>(m_window.get(), u"ruleName"_s);
    name->setFocus();
    QTest::keyClicks(name, u"Named"_s);
    QTRY_VERIFY([&] {
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(1) == u"name")
                return false;
        }
        return true;
    }());
}

void TestWindowLayout::refusesWhatIsNotARuleSet()
{
    QVERIFY(m_window->documents()->open(example));
    const RuleSet before = m_window->document()->ruleSet();
    const QString other = m_dir->filePath(u"package.json"_s);
    writeFile(other, R"({"name": "not-kanca", "version": "1.0.0", "rules": []})");
    QVERIFY(!m_window->documents()->open(other));
    QVERIFY(m_window->document()->ruleSet() == before);
    QVERIFY2(Dialogs::lastMessage().contains(u"not a Kanca rule set"_s),
             qPrintable(Dialogs::lastMessage()));
    const QString newer = m_dir->filePath(u"newer.kanca.json"_s);
    writeFile(newer, R"({"format": "kanca.ruleset", "version": 2, "rules": []})");
    QVERIFY(!m_window->documents()->open(newer));
    QVERIFY(Dialogs::lastMessage().contains(u"Open it with a newer Kanca"_s));
    const QString list = m_dir->filePath(u"list.json"_s);
    writeFile(list, "[1, 2]");
    QVERIFY(!m_window->documents()->open(list));
    QVERIFY(m_window->document()->ruleSet() == before);
}

void TestWindowLayout::savesARuleSetWithProblemsAndSaysSo()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    document->setCurrentRule(0);
    auto *name = visibleChild<QLineEdit>(m_window.get(), u"ruleName"_s);
    QVERIFY(name);
    name->setFocus();
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete); // a rule with an empty name
    QTRY_VERIFY(document->rule(0).name.isEmpty());
    QVERIFY(hasErrors(document->problems()));
    const QString path = m_dir->filePath(u"saved.kanca.json"_s);
    Dialogs::setNextFileName(path);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(QFile::exists(path));
    QVERIFY(!document->isModified());
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.contains(u"problem"_s) && said.contains(u"server would refuse"_s),
             qPrintable(said));
    QVERIFY(m_window->problemsDock()->isVisible());

    // And it opens again, as it was saved.
    MainWindow reopened;
    QVERIFY(reopened.documents()->open(path));
    QVERIFY(reopened.document()->ruleSet() == document->ruleSet());
    reopened.document()->undoStack()->setClean();
}

void TestWindowLayout::exportWarnsAboutTestUrls()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    const qsizetype index = document->indexOfRule(u"vip-to-slack"_s);
    Rule rule = document->rule(index);
    std::get<WebhookAction>(rule.actions[0]).url = u"http://127.0.0.1:8089/webhook"_s;
    document->changeRule(index, rule, u"Change URL"_s);
    const QString path = m_dir->filePath(u"server.kanca.json"_s);

    Dialogs::setNextFileName(path);
    Dialogs::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(Dialogs::lastMessage().contains(u"127.0.0.1"_s)
                 && Dialogs::lastMessage().contains(u"cannot reach"_s),
             qPrintable(Dialogs::lastMessage()));
    QVERIFY(!QFile::exists(path));

    Dialogs::setNextFileName(path);
    Dialogs::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(QFile::exists(path));

    // Strict still: a rule with an empty name is not exported at all.
    rule.name.clear();
    document->changeRule(index, rule, u"Rename Rule"_s);
    QFile::remove(path);
    Dialogs::setNextFileName(path);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!QFile::exists(path));
    QVERIFY2(Dialogs::lastMessage().contains(u"a server would refuse"_s),
             qPrintable(Dialogs::lastMessage()));
}

void TestWindowLayout::exportShortcutLeavesLineEditingAlone()
{
    QVERIFY(m_window->documents()->open(example));
    QCOMPARE(m_window->findChild<QAction *>(u"actionExport"_s)->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    auto *url = visibleChild<QLineEdit>(m_window.get(), u"actionUrl"_s);
    QVERIFY(url);
    url->setFocus();
    QTRY_VERIFY(url->hasFocus());
    const QString text = url->text();
    // Ctrl+E is the text field's (the end of the line, with Emacs-style keys): typing it in
    // the URL exports nothing.
    const QString never = m_dir->filePath(u"never.kanca.json"_s);
    Dialogs::setNextFileName(never);
    QTest::keyClick(url, Qt::Key_E, Qt::ControlModifier);
    QTest::qWait(100);
    QVERIFY(!QFile::exists(never));
    QCOMPARE(url->text(), text);
    QVERIFY(url->hasFocus());
    // Ctrl+Shift+E from the same field does export.
    Dialogs::setNextAnswer(QMessageBox::Yes); // in case a test URL is asked about
    QTest::keyClick(url, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(QFile::exists(never));
}

void TestWindowLayout::newRuleUrlIsNotWrongYet()
{
    m_window->documents()->newDocument();
    auto *chatMenu = m_window->findChild<QMenu *>(u"addRuleMenu_chat"_s);
    QVERIFY(chatMenu);
    chatMenu->actions().constFirst()->trigger();
    QCOMPARE(m_window->document()->ruleCount(), 1);
    auto *urlProblems = visibleChild<QLabel>(m_window.get(), u"urlProblems"_s);
    QTRY_VERIFY(visibleChild<QLabel>(m_window.get(), u"urlProblems"_s));
    urlProblems = visibleChild<QLabel>(m_window.get(), u"urlProblems"_s);
    QVERIFY2(!urlProblems->text().contains(u"must start with"_s), qPrintable(urlProblems->text()));
    QVERIFY2(urlProblems->text().contains(u"no URL yet"_s), qPrintable(urlProblems->text()));
    auto *url = visibleChild<QLineEdit>(m_window.get(), u"actionUrl"_s);
    url->setFocus();
    url->setCursorPosition(int(url->text().size()));
    QTest::keyClicks(url, u"hooks.example.com/x"_s);
    QTRY_VERIFY(!urlProblems->isVisible());
}

void TestWindowLayout::catcherButtonShowsItsPanelAndHintFollowsUrl()
{
    QVERIFY(m_window->documents()->open(example));
    QString error;
    QVERIFY(m_window->testEndpoints()->startCatcher(0, &error)); // already running
    m_window->catcherDock()->hide();
    m_window->historyDock()->raise();
    auto *catcher = visibleChild<QToolButton>(m_window.get(), u"catcherButton"_s);
    QVERIFY(catcher);
    QTest::mouseClick(catcher, Qt::LeftButton);
    QTRY_VERIFY(m_window->catcherDock()->isVisible());
    QVERIFY(!m_window->catcherDock()->visibleRegion().isEmpty()); // the raised tab
    auto *hint = visibleChild<QLabel>(m_window.get(), u"endpointStatus"_s);
    QVERIFY(hint);
    QVERIFY(hint->text().contains(m_window->testEndpoints()->catcherUrl()));

    // The URL typed over: the hint about the catcher goes.
    auto *url = visibleChild<QLineEdit>(m_window.get(), u"actionUrl"_s);
    url->setFocus();
    url->selectAll();
    QTest::keyClicks(url, u"https://hooks.example.com/x"_s);
    QTRY_VERIFY(!hint->isVisible());
}

void TestWindowLayout::deletingTheLastRuleShowsTheEmptyState()
{
    m_window->documents()->newDocument();
    auto *chatMenu = m_window->findChild<QMenu *>(u"addRuleMenu_chat"_s);
    chatMenu->actions().constFirst()->trigger();
    QCOMPARE(m_window->document()->ruleCount(), 1);
    auto *list = visibleChild<QAbstractItemView>(m_window.get(), u"ruleList"_s);
    QVERIFY(list);
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_COMPARE(m_window->document()->ruleCount(), 0);
    auto *hint = m_window->findChild<QLabel *>(u"ruleListEmptyHint"_s);
    QVERIFY(hint);
    QTRY_VERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"No rules yet. Add one to get started."_s);
}

void TestWindowLayout::keychainFailuresSayWhatHappened()
{
    const QString none =
        SecretStore::keychainFailure(QKeychain::NoBackendAvailable, u"Unknown error"_s, u"CRM"_s);
    QVERIFY2(none.contains(u"no system keychain"_s), qPrintable(none));
    QVERIFY(!none.contains(u"Unknown error"_s));
    QVERIFY(none.contains(u"KANCA_SECRET_CRM"_s));
    QVERIFY(none.contains(u"until it closes"_s));
    const QString other =
        SecretStore::keychainFailure(QKeychain::OtherError, u"D-Bus timed out"_s, u"CRM"_s);
    QVERIFY2(other.contains(u"D-Bus timed out"_s), qPrintable(other));

    // The webhook.site key, through its dialog: where the keychain refuses it (as on this
    // headless machine without a Secret Service), the status bar says so and what happens.
    onNextDialog([](QWidget *dialog) {
        auto *key = dialog->findChild<QLineEdit *>(u"webhookSiteApiKey"_s);
        QVERIFY(key);
        key->setFocus();
        QTest::keyClicks(key, u"site-key"_s);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    QSignalSpy refused(&m_window->deliveries()->secrets(), &SecretStore::keychainError);
    QSignalSpy changed(&m_window->deliveries()->secrets(), &SecretStore::changed);
    m_window->findChild<QAction *>(u"actionWebhookSiteSettings"_s)->trigger();
    QTRY_VERIFY(!changed.isEmpty());
    // Either the keychain took it, or the window says why not. Which one this machine has is
    // decided by a real keychain job, so wait for it to finish either way.
    auto *probe = new QKeychain::ReadPasswordJob(QString::fromLatin1(SecretStore::KeychainService));
    probe->setAutoDelete(false);
    probe->setKey(QString::fromLatin1(TestEndpoints::ApiKeySecret));
    QSignalSpy probed(probe, &QKeychain::Job::finished);
    probe->start();
    QTRY_VERIFY_WITH_TIMEOUT(!probed.isEmpty(), 30000);
    if (probe->error() == QKeychain::NoError) {
        QCOMPARE(probe->textData(), u"site-key"_s);
        QVERIFY(refused.isEmpty());
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 30000);
        const QString said = m_window->statusBar()->currentMessage();
        QVERIFY2(said.startsWith(u"webhook.site API key: "_s), qPrintable(said));
        QVERIFY(!said.contains(u"Unknown error"_s));
        QVERIFY(said.contains(u"KANCA_SECRET_WEBHOOK_SITE_API_KEY"_s));
    }
    delete probe;
}

void TestWindowLayout::webhookSiteDialogFitsItsTitle()
{
    for (const Language language : {Language::English, Language::Turkish}) {
        LanguageManager::instance().setLanguage(language);
        WebhookSiteDialog dialog(QUrl(), QString(), m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle());
        // The title beside the window's buttons and icon: several line heights more.
        QVERIFY2(dialog.width() >= title + 8 * dialog.fontMetrics().height(),
                 qPrintable(u"%1 < %2"_s.arg(dialog.width()).arg(title)));
        QStringList cut = clippedControls(&dialog);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        dialog.close();
    }
}

void TestWindowLayout::turkishAtRunTimeClipsNothing()
{
    QVERIFY(m_window->documents()->open(example));
    RuleSetDocument *document = m_window->document();
    document->setCurrentRule(document->indexOfRule(u"vip-to-slack"_s));
    resizeWindow(1366, 768 - 80);
    // An edit, so that Undo names a step.
    auto *name = visibleChild<QLineEdit>(m_window.get(), u"ruleName"_s);
    name->setFocus();
    QTest::keyClicks(name, u"!"_s);
    QTRY_VERIFY(document->undoStack()->canUndo());

    m_window->findChild<QAction *>(u"actionTurkish"_s)->trigger();
    QTest::qWait(400);
    QAction *undo = m_window->findChild<QAction *>(u"actionUndo"_s);
    QVERIFY2(undo->text().remove(u'&').startsWith(u"Geri Al: "_s), qPrintable(undo->text()));
    QVERIFY2(!undo->text().contains(u"Undo"_s), qPrintable(undo->text()));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QAction *redo = m_window->findChild<QAction *>(u"actionRedo"_s);
    QTRY_VERIFY2(redo->text().remove(u'&').startsWith(u"Yinele: "_s), qPrintable(redo->text()));

    // No label or button of the window is cut, in either language.
    // Each check waits (up to QTRY's five seconds) for the layouts that the new texts ask for:
    // on a loaded machine the pause alone ended before them, and a panel that stays cut still
    // fails, with what is cut. The pause lets a dock just raised be laid out before it is read.
    QStringList cut;
    m_window->catcherDock()->show();
    m_window->catcherDock()->raise();
    QTest::qWait(200);
    QWidget *catcherPanel = m_window->catcherDock()->widget();
    QTRY_VERIFY2((cut = clippedControls(catcherPanel)).isEmpty(),
                 qPrintable(u"catcher (Türkçe): "_s + cut.join(u'\n')));
    m_window->historyDock()->raise();
    QTest::qWait(200);
    const QStringList panels = {u"ruleEditor"_s, u"ruleListPanel"_s, u"previewPanel"_s,
                                u"historyPanel"_s};
    for (const QString &panel : panels) {
        QWidget *widget = m_window->findChild<QWidget *>(panel);
        QVERIFY2(widget, qPrintable(panel));
        QTRY_VERIFY2((cut = clippedControls(widget)).isEmpty(),
                     qPrintable(panel + u" (Türkçe): "_s + cut.join(u'\n')));
    }
    auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
    QTRY_VERIFY2((cut = clippedControls(toolBar)).isEmpty(), qPrintable(cut.join(u'\n')));

    m_window->findChild<QAction *>(u"actionEnglish"_s)->trigger();
    // The window's texts are English again (its panels are retranslated in the same event).
    QTRY_VERIFY2(undo->text().remove(u'&').startsWith(u"Undo"_s), qPrintable(undo->text()));
    for (const QString &panel : panels) {
        QWidget *widget = m_window->findChild<QWidget *>(panel);
        QTRY_VERIFY2((cut = clippedControls(widget)).isEmpty(),
                     qPrintable(panel + u" (English): "_s + cut.join(u'\n')));
    }
}

// The check the tests above rely on does find what is cut.
void TestWindowLayout::theClippingCheckFindsCutText()
{
    QWidget parent;
    parent.resize(400, 100);
    auto *label = new QLabel(u"Tüm durumlar"_s, &parent);
    label->setGeometry(0, 0, 40, 20);
    auto *button = new QPushButton(u"Kuralı Çoğalt"_s, &parent);
    button->setGeometry(50, 0, 30, 20);
    auto *combo = new QComboBox(&parent);
    combo->addItem(u"Bunlardan herhangi biri"_s);
    combo->setGeometry(100, 0, 50, 20);
    auto *spin = new QSpinBox(&parent);
    spin->setSpecialValueText(u"boş herhangi biri"_s);
    spin->setGeometry(160, 0, 40, 20);
    auto *outside = new QLineEdit(&parent);
    outside->setGeometry(380, 0, 100, 20);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    const QString found = clippedControls(&parent).join(u'\n');
    QVERIFY2(found.contains(u"label needs"_s), qPrintable(found));
    QVERIFY2(found.contains(u"button needs"_s), qPrintable(found));
    QVERIFY2(found.contains(u"combo box needs"_s), qPrintable(found));
    QVERIFY2(found.contains(u"spin box needs"_s), qPrintable(found));
    QVERIFY2(found.contains(u"outside its parent"_s), qPrintable(found));
    // Wide enough, nothing is found.
    label->setGeometry(0, 30, 200, 20);
    button->setGeometry(0, 50, 200, 30);
    combo->setGeometry(200, 30, 200, 30);
    spin->setGeometry(200, 60, 200, 30);
    outside->setGeometry(0, 80, 100, 20);
    QTRY_VERIFY2(clippedControls(&parent).isEmpty(),
                 qPrintable(clippedControls(&parent).join(u'\n')));
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
