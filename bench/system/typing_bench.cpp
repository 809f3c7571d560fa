// Typing into a large payload in the designer's window (offscreen): a JSON body of about 2 MiB
// is pasted into the payload editor of a rule, then characters are typed into it one by one as
// a person would. For each keystroke it measures the time the key event takes to be handled,
// and the longest time the main thread is then busy without returning to the event loop (the
// deferred work: the template check, the document's undo step and recompilation, the preview's
// render and highlighting), measured as the longest gap between the ticks of a 2 ms timer over
// the second after the keystroke. Finally the time until the preview shows the last character
// typed.
//
//   QT_QPA_PLATFORM=offscreen kanca_bench_typing [KiB] [--one-line]
//
// With --one-line the body is minified JSON on a single line, as pasted from an API's log.
//
// Prints: body_kib=N paste_ms=T key_median_ms=T key_max_ms=T stall_median_ms=T stall_max_ms=T
//         preview_ms=T keys=N
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/Dialogs.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <functional>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// Runs the event loop for `ms`, returning the longest gap between ticks of a 2 ms timer: the
// longest the main thread was busy with one piece of work.
qint64 longestStall(int ms)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    tick.start(2);
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    longest = std::max(longest, clock.elapsed() - last);
    return longest;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QTimer tick;
    tick.start(1);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QPlainTextEdit *visibleEditor(QWidget *window, const QString &name)
{
    for (QPlainTextEdit *editor : window->findChildren<QPlainTextEdit *>(name)) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

// A JSON payload of about `kib` KiB with placeholders, as a large real body would be.
QString largeBody(int kib, bool oneLine)
{
    QString body = u"{\n  \"text\": \"{{contact.fullname}} yazdı\",\n  \"items\": [\n"_s;
    int n = 0;
    while (body.size() < kib * 1024) {
        body += u"    {\"n\": %1, \"name\": \"{{contact.fullname}}\", \"note\": \"Müşteri "
                u"şikâyeti: sipariş gecikti, iade istiyor.\", \"ok\": true},\n"_s.arg(n++);
    }
    body += u"    {\"n\": -1}\n  ]\n}\n"_s;
    if (oneLine) {
        body.replace(u"\n    "_s, QString());
        body.replace(u"\n  "_s, QString());
        body.replace(u'\n', QString());
    }
    return body;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    const int kib = arguments.size() > 1 ? arguments.at(1).toInt() : 2048;
    const bool oneLine = arguments.contains(u"--one-line"_s);

    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    Settings::useTemporaryFile(dir.filePath(u"settings.ini"_s));
    Dialogs::setRecordOnly(true);
    LanguageManager::instance().setLanguage(Language::English);

    MainWindow window;
    window.openHistory(dir.filePath(u"history.sqlite"_s));
    window.resize(1366, 768);
    window.show();
    const QString example =
        QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");
    const RuleSetLoader::Result loaded = RuleSetLoader::loadFile(example, Catalog::builtIn());
    if (!loaded.ok()) {
        err << u"the example does not load"_s << Qt::endl;
        return 1;
    }
    RuleSetDocument *document = window.document();
    document->reset(loaded.ruleSet(), example);
    document->setCurrentRule(document->indexOfRule(u"vip-to-slack"_s));
    longestStall(300);

    QPlainTextEdit *editor = visibleEditor(&window, u"payloadEditor"_s);
    QPlainTextEdit *preview = visibleEditor(&window, u"previewBody"_s);
    if (!editor || !preview) {
        err << u"no payload editor or preview body in view"_s << Qt::endl;
        return 1;
    }

    // Paste the body over the template.
    const QString body = largeBody(kib, oneLine);
    QGuiApplication::clipboard()->setText(body);
    editor->setFocus();
    editor->selectAll();
    QElapsedTimer timer;
    timer.start();
    QKeyEvent paste(QEvent::KeyPress, Qt::Key_V, Qt::ControlModifier);
    QApplication::sendEvent(editor, &paste);
    const qsizetype rule = document->currentRule();
    const auto ruleBody = [&] {
        return std::get<WebhookAction>(document->rule(rule).actions.first()).body.templateText;
    };
    // Pasted once the document has it and the preview shows its beginning (the preview shows
    // the first 256 KiB of a body).
    if (!waitFor(
            [&] {
                return ruleBody().size() == body.size()
                       && preview->toPlainText().contains(u"\"n\": 1,"_s);
            },
            600000)) {
        err << u"the pasted body was not previewed within ten minutes"_s << Qt::endl;
        return 1;
    }
    const qint64 pasteMs = timer.elapsed();
    longestStall(1000);

    // Type into one of the first items (where the preview shows it), as when editing one. (The
    // editor shows a long line in pieces: the place is found in its document.)
    QTextCursor cursor = editor->document()->find(u"iade istiyor"_s, 1000);
    if (cursor.isNull()) {
        err << u"the payload editor does not show the body"_s << Qt::endl;
        return 1;
    }
    cursor.setPosition(cursor.selectionStart());
    editor->setTextCursor(cursor);
    const QString typed = u"acil"_s;
    QList<qint64> keys;
    QList<qint64> stalls;
    for (const QChar c : typed) {
        timer.restart();
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A + (c.unicode() - u'a'), Qt::NoModifier,
                        QString(c));
        QApplication::sendEvent(editor, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_A + (c.unicode() - u'a'), Qt::NoModifier,
                          QString(c));
        QApplication::sendEvent(editor, &release);
        keys.append(timer.elapsed());
        stalls.append(longestStall(1000));
    }
    timer.restart();
    if (!waitFor([&] { return preview->toPlainText().contains(u"aciliade istiyor"_s); }, 600000)) {
        err << u"the typed text was not previewed within ten minutes"_s << Qt::endl;
        return 1;
    }
    const qint64 previewMs = timer.elapsed();

    out << u"body_kib="_s << body.toUtf8().size() / 1024 << u" paste_ms="_s << pasteMs
        << u" key_median_ms="_s << median(keys) << u" key_max_ms="_s
        << *std::max_element(keys.cbegin(), keys.cend()) << u" stall_median_ms="_s << median(stalls)
        << u" stall_max_ms="_s << *std::max_element(stalls.cbegin(), stalls.cend())
        << u" preview_ms="_s << previewMs << u" keys="_s << keys.size() << u" lines="_s
        << (body.count(u'\n') + 1) << Qt::endl;
    document->undoStack()->setClean();
    return 0;
}
