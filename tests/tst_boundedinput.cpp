// Every input is bounded while it is read: rule sets, event files and standard input, whatever
// they are (a pipe, a FIFO, /dev/zero, a process writing forever). The command line is run as a
// process and its peak memory is watched while it runs.
#include "format/BoundedReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

constexpr qint64 MiB = 1024 * 1024;
// The cap, plus what the program needs anyway (about 25 MiB), plus room: far below what an
// endless input would cost, and below what the program cost before it read in bounded parts.
constexpr qint64 PeakLimit = BoundedReader::MaxSize + 64 * MiB;

const QString tooLarge = u"is larger than 64 MiB (67108864 bytes); larger inputs are not read"_s;

struct Watched
{
    int exitCode = -1;
    bool finished = false;
    QString err;
    qint64 peakBytes = 0; // VmHWM seen while it ran, and the children's peak once it ended
    qint64 elapsedMs = 0;
};

qint64 highWaterMark(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

qint64 childrenPeak()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return qint64(usage.ru_maxrss) * 1024; // the largest child waited for so far
}

// Runs the started process to its end or `timeoutMs`, reading its peak memory every few
// milliseconds. Every child of this test is expected to stay bounded, so the largest child so
// far (getrusage) counts too: it catches a process that ended between two looks.
Watched watch(QProcess &process, int timeoutMs = 20000)
{
    Watched result;
    QElapsedTimer clock;
    clock.start();
    if (!process.waitForStarted())
        return result;
    const qint64 pid = process.processId();
    while (clock.elapsed() < timeoutMs) {
        result.peakBytes = qMax(result.peakBytes, highWaterMark(pid));
        if (process.waitForFinished(5)) {
            result.finished = true;
            break;
        }
    }
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.elapsedMs = clock.elapsed();
    result.peakBytes = qMax(result.peakBytes, childrenPeak());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString describe(const Watched &w)
{
    return u"finished %1, exit %2 after %3 ms, peak %4 MiB, stderr: %5"_s.arg(
        w.finished ? u"yes"_s : u"no"_s, QString::number(w.exitCode), QString::number(w.elapsedMs),
        QString::number(w.peakBytes / MiB), w.err);
}

} // namespace

class TestBoundedInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerStopsOnePastTheLimit_data();
    void readerStopsOnePastTheLimit();
    void regularFileOverTheLimitIsNotRead();

    void validateDevZero_data();
    void validateDevZero();
    void validateFifoFedPastTheCap();
    void validateFifoWithARuleSet();
    void renderEventFromEndlessStandardInput();
    void renderEventFromStandardInputFile();
};

void TestBoundedInput::readerStopsOnePastTheLimit_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << 0 << true;
    QTest::newRow("under") << 999 << true;
    QTest::newRow("exactly the limit") << 1000 << true;
    QTest::newRow("one byte over") << 1001 << false;
    QTest::newRow("far over") << 60000 << false;
}

void TestBoundedInput::readerStopsOnePastTheLimit()
{
    QFETCH(int, size);
    QFETCH(bool, accepted);
    // A pipe: a sequential device that says nothing of its size.
    int fds[2];
    QCOMPARE(pipe(fds), 0);
    const QByteArray input(size, 'x');
    QCOMPARE(write(fds[1], input.constData(), std::size_t(input.size())), ssize_t(size));
    close(fds[1]);
    QFile in;
    QVERIFY(
        in.open(fds[0], QIODevice::ReadOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle));
    QVERIFY(in.isSequential());
    QString error;
    const std::optional<QByteArray> read = BoundedReader::read(in, &error, 1000);
    QCOMPARE(read.has_value(), accepted);
    if (accepted) {
        QCOMPARE(*read, input);
        QVERIFY(error.isEmpty());
    } else {
        QCOMPARE(error, u"is larger than 1000 bytes; larger inputs are not read"_s);
        // Read no further than one byte past the limit: the rest is still in the pipe.
        QCOMPARE(in.readAll().size(), size - 1001);
    }
}

void TestBoundedInput::regularFileOverTheLimitIsNotRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.kanca.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(BoundedReader::MaxSize + 1)); // sparse: nothing is written
    file.close();
    QProcess process;
    process.start(QStringLiteral(KANCA_EXECUTABLE), {u"validate"_s, path});
    const Watched w = watch(process);
    QVERIFY2(w.finished && w.exitCode == 1, qPrintable(describe(w)));
    QCOMPARE(w.err.trimmed(), path + u": "_s + tooLarge);
    QVERIFY2(w.peakBytes < PeakLimit, qPrintable(describe(w)));
}

void TestBoundedInput::validateDevZero_data()
{
    QTest::addColumn<QString>("device");
    QTest::newRow("/dev/zero") << u"/dev/zero"_s;
    QTest::newRow("/dev/urandom") << u"/dev/urandom"_s;
}

void TestBoundedInput::validateDevZero()
{
    QFETCH(QString, device);
    QProcess process;
    process.start(QStringLiteral(KANCA_EXECUTABLE), {u"validate"_s, device});
    const Watched w = watch(process);
    QVERIFY2(w.finished, qPrintable(describe(w)));
    QCOMPARE(w.exitCode, 1);
    QCOMPARE(w.err.trimmed(), device + u": "_s + tooLarge);
    QVERIFY2(w.peakBytes < PeakLimit, qPrintable(describe(w)));
    qInfo("%s", qPrintable(describe(w)));
}

void TestBoundedInput::validateFifoFedPastTheCap()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"rules.kanca.json"_s);
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // The writer: 64 MiB + 1 bytes as fast as the pipe takes them, then the end. The shell
    // opens the FIFO, which waits for its reader.
    QProcess writer;
    writer.start(u"sh"_s, {u"-c"_s, u"head -c \"$1\" /dev/zero > \"$2\""_s, u"sh"_s,
                           QString::number(BoundedReader::MaxSize + 1), fifo});
    QProcess process;
    process.start(QStringLiteral(KANCA_EXECUTABLE), {u"validate"_s, fifo});
    const Watched w = watch(process);
    writer.waitForFinished();
    QVERIFY2(w.finished, qPrintable(describe(w)));
    QCOMPARE(w.exitCode, 1);
    QCOMPARE(w.err.trimmed(), fifo + u": "_s + tooLarge);
    QVERIFY2(w.peakBytes < PeakLimit, qPrintable(describe(w)));
    qInfo("%s", qPrintable(describe(w)));
}

void TestBoundedInput::validateFifoWithARuleSet()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"rules.kanca.json"_s);
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess writer;
    writer.start(u"sh"_s, {u"-c"_s, u"cat \"$1\" > \"$2\""_s, u"sh"_s, example, fifo});
    QProcess process;
    process.start(QStringLiteral(KANCA_EXECUTABLE), {u"validate"_s, fifo});
    const Watched w = watch(process);
    writer.waitForFinished();
    QVERIFY2(w.finished && w.exitCode == 0, qPrintable(describe(w)));
}

void TestBoundedInput::renderEventFromEndlessStandardInput()
{
    // `yes | kanca render … --event -`: a process that writes forever.
    QProcess yes;
    QProcess process;
    yes.setStandardOutputProcess(&process);
    yes.start(u"yes"_s, QStringList());
    QVERIFY(yes.waitForStarted());
    process.start(QStringLiteral(KANCA_EXECUTABLE), {u"render"_s, example, u"--event"_s, u"-"_s});
    const Watched w = watch(process);
    yes.kill();
    yes.waitForFinished();
    QVERIFY2(w.finished, qPrintable(describe(w)));
    QCOMPARE(w.exitCode, 1);
    QCOMPARE(w.err.trimmed(), u"<stdin>: "_s + tooLarge);
    QVERIFY2(w.peakBytes < PeakLimit, qPrintable(describe(w)));
    qInfo("%s", qPrintable(describe(w)));
}

void TestBoundedInput::renderEventFromStandardInputFile()
{
    // Standard input is read the same way when it is a file: a good event still renders.
    QTemporaryDir dir;
    const QString event = dir.filePath(u"event.json"_s);
    QFile file(event);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "chat.opened", "id": "evt_1", "occurredAt": "2026-11-21T10:30:00Z",
                   "contact": {"fullname": "Ayşe", "tags": ["VIP"]}})");
    file.close();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {u"SUPPORT_API_TOKEN"_s, u"SALESMANAGO_PASSWORD"_s, u"SUPPABOT_WEBHOOK_SECRET"_s,
          u"KANCA_SIGNING_SECRET"_s, u"QUALITY_HOOK_SECRET"_s})
        env.insert(u"KANCA_SECRET_"_s + name, u"value"_s);
    process.setProcessEnvironment(env);
    process.setStandardInputFile(event);
    process.start(QStringLiteral(KANCA_EXECUTABLE), {u"render"_s, example, u"--event"_s, u"-"_s});
    const Watched w = watch(process);
    QVERIFY2(w.finished && w.exitCode == 0, qPrintable(describe(w)));
    QVERIFY(process.readAllStandardOutput().trimmed().startsWith('['));
}

QTEST_GUILESS_MAIN(TestBoundedInput)
#include "tst_boundedinput.moc"
