// "Copy as cURL", proven: a rendered request with every character a shell or cURL could mangle
// is turned into a command by curlCommand(), run by /bin/sh -c exactly as if pasted into a
// terminal, against the local catcher; what arrived is compared byte for byte with what was
// rendered: the method, the path and query, each header, the body.
//
// Needs /bin/sh and curl (scripts/dev.sh installs the Debian package). A NUL byte is the one
// thing left out: a shell argument is a C string, so no command line can carry it, and
// curlCommand() cannot either.
#include "endpoints/Catcher.h"
#include "endpoints/RequestComparison.h"
#include "engine/CurlCommand.h"

#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<RenderedRequest::Header>;

const QByteArray TrickyText = "it's \"quoted\", back\\slash \\\\ \\n, $HOME ${PATH} $(id) `id`, "
                              "!bang, ~tilde, *.glob ?, [a] {b,c}, ; & | < > #, "
                              "%s %n %%, tab\there, Çağrı ŞİĞ ü 日本 🎉";

} // namespace

class TestCurlRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();

private:
    QString m_curl;
    QTemporaryDir m_home;
};

void TestCurlRoundTrip::initTestCase()
{
    m_curl = QStandardPaths::findExecutable(u"curl"_s);
    QVERIFY2(!m_curl.isEmpty(), "curl is not installed (scripts/dev.sh installs it)");
    QVERIFY(QFileInfo::exists(u"/bin/sh"_s));
    QVERIFY(m_home.isValid());
}

void TestCurlRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("target"); // appended to the catcher's URL, fully encoded
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");

    const QString tricky = QString::fromUtf8(TrickyText);
    QTest::newRow("JSON with every shell metacharacter")
        << u"POST"_s
        << u"/hooks/it's/a$b/%C3%A7?name=O'Brien&v=$HOME&c=%60id%60&u=%C3%A7&sp=a%20b"_s
        << Headers{{u"Content-Type"_s, u"application/json; charset=utf-8"_s, false},
                   {u"X-Tricky"_s, tricky, false},
                   {u"X-Colon"_s, u"a: b: c:"_s, false},
                   {u"X-Empty"_s, QString(), false},
                   {u"Authorization"_s, u"Bearer s3cr'et$x\"y"_s, true}}
        << QByteArray("{\n  \"text\": \"" + TrickyText + "\",\n  \"crlf\": \"a\r\nb\"\n}\n");
    QTest::newRow("body that starts with @ (cURL would read a file)")
        << u"PUT"_s << u"/at"_s << Headers{{u"Content-Type"_s, u"text/plain"_s, false}}
        << QByteArray("@/etc/passwd is not a file name here");
    QTest::newRow("body of single quotes and backslashes only")
        << u"POST"_s << u"/q"_s << Headers{{u"Content-Type"_s, u"text/plain"_s, false}}
        << QByteArray("'''\\\\''\\'");
    QTest::newRow("form body and a query with brackets")
        << u"POST"_s << u"/form?list[]=1&list[]=2&map%7Ba%7D=b"_s
        << Headers{{u"Content-Type"_s, u"application/x-www-form-urlencoded"_s, false}}
        << QByteArray("name=Ay%C5%9Fe+Y%C4%B1lmaz&note=a%26b%3Dc&x=%27%22");
    QTest::newRow("line breaks, carriage returns, tabs and trailing newlines")
        << u"PATCH"_s << u"/lines"_s
        << Headers{{u"Content-Type"_s, u"text/plain; charset=utf-8"_s, false}}
        << QByteArray("\n\nfirst\r\nsecond\r\tthird\n\n\n");
    QTest::newRow("dot segments in the path are sent as they are")
        << u"POST"_s << u"/a/../b/./c/d"_s << Headers{{u"Content-Type"_s, u"text/plain"_s, false}}
        << QByteArray("dots");
    QTest::newRow("GET without a body")
        << u"GET"_s << u"/get?q=%22x%22"_s << Headers{{u"Accept"_s, u"application/json"_s, false}}
        << QByteArray();
    QTest::newRow("DELETE with a long body")
        << u"DELETE"_s << u"/big"_s << Headers{{u"Content-Type"_s, u"text/plain"_s, false}}
        << QByteArray(TrickyText + "\n").repeated(500);
}

void TestCurlRoundTrip::roundTrip()
{
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);

    Catcher catcher;
    QVERIFY(catcher.listen());
    catcher.setResponse({201, 0, {}, "ok"});
    RenderedRequest sent;
    sent.method = method;
    sent.url = catcher.url() + target;
    sent.headers = headers;
    sent.body = body;

    const QString command = curlCommand(sent, true);
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path()); // no ~/.curlrc
    for (const QString &name :
         {u"CURL_HOME"_s, u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s})
        env.remove(name);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    shell.setProcessEnvironment(env);
    QSignalSpy finished(&shell, &QProcess::finished);
    shell.start(u"/bin/sh"_s, {u"-c"_s, command});
    // Waits in the event loop, so the catcher in this thread answers meanwhile.
    QVERIFY2(finished.wait(30000), qPrintable(command));
    QVERIFY2(shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0,
             qPrintable(command + u'\n' + QString::fromUtf8(shell.readAllStandardError())));
    QCOMPARE(shell.readAllStandardOutput(), QByteArray("ok"));

    QCOMPARE(catcher.requests().size(), 1);
    const HttpRequest &received = catcher.requests().first().request;
    QCOMPARE(received.method, method.toUtf8());
    QCOMPARE(received.target, target.toUtf8());
    QCOMPARE(received.body, body);
    QCOMPARE(received.bodySize, body.size());
    // Every rendered header arrived with exactly its bytes, in the order rendered.
    qsizetype from = 0;
    for (const RenderedRequest::Header &header : headers) {
        const auto it = std::find_if(
            received.headers.cbegin() + from, received.headers.cend(),
            [&header](const HttpHeader &field) { return field.name == header.name.toUtf8(); });
        QVERIFY2(it != received.headers.cend(), qPrintable(header.name));
        QCOMPARE(it->value, header.value.toUtf8());
        from = it - received.headers.cbegin() + 1;
    }

    const RequestComparison comparison = RequestComparison::compare(sent, received);
    QVERIFY2(comparison.matches(), qPrintable(comparison.differences().join(u'\n')));
    QCOMPARE(comparison.target.verdict, RequestComparison::Verdict::Same);
    // cURL adds Host, User-Agent, Accept, Content-Length (and Expect for a large body): known.
    QVERIFY2(comparison.addedHeaders().isEmpty(),
             qPrintable(comparison.addedHeaders().join(u", ")));
}

QTEST_GUILESS_MAIN(TestCurlRoundTrip)
#include "tst_curlroundtrip.moc"
