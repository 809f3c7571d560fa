// The command line, run as a separate process exactly as a script would run it.
#include "support/ExplainedExit.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

Run kanca(const QStringList &arguments, const QByteArray &input = {},
          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KANCA_EXECUTABLE), arguments);
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        return {};
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    Kanca::Testing::requireExplainedExit(arguments, run.exitCode, run.err);
    return run;
}

QProcessEnvironment withSecrets(const QStringList &names)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : names)
        env.insert(u"KANCA_SECRET_"_s + name, u"value-of-"_s + name);
    return env;
}

const QStringList exampleSecrets = {u"SUPPORT_API_TOKEN"_s, u"SALESMANAGO_PASSWORD"_s,
                                    u"SUPPABOT_WEBHOOK_SECRET"_s, u"KANCA_SIGNING_SECRET"_s};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

QJsonArray parseArray(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? doc.array() : QJsonArray();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_data();
    void help();
    void unknownCommandIsAUsageError();
    void allocatesThroughMimalloc();
    void validateExample();
    void validateReportsEveryProblemWithPosition();
    void validateSyntaxError();
    void validateMissingFile();
    void validateUsageErrors();
    void validateStrictRejectsUnknownKeys();
    void validateAgreesWithTheSchema_data();
    void validateAgreesWithTheSchema();
    void renderSample();
    void renderMasksSecretsUnlessAsked();
    void renderMissingSecretNamesIt();
    void renderEventFromFileAndStdin();
    void renderExplain();
    void renderInvalidEvent();
    void renderStrictJsonEvent_data();
    void renderStrictJsonEvent();
    void validateCatchesFiltersThatCannotApply();
    void renderUsageErrors_data();
    void renderUsageErrors();
    void renderUnknownSample();
    void messagesFollowTheSystemLanguage();
    void withoutTheDesignerNoCommandIsAUsageError();
    void withoutTheDesignerNothingGraphicalIsLinked();
};

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("--help") << QStringList{u"--help"_s} << u"Exit status:"_s;
    QTest::newRow("help") << QStringList{u"help"_s} << u"validate FILE..."_s;
    QTest::newRow("help render") << QStringList{u"help"_s, u"render"_s} << u"--show-secrets"_s;
    QTest::newRow("validate --help") << QStringList{u"validate"_s, u"--help"_s} << u"--strict"_s;
    QTest::newRow("render --help")
        << QStringList{u"render"_s, u"--help"_s} << u"KANCA_SECRET_<NAME>"_s;
}

void TestCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mustContain);
    const Run run = kanca(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(mustContain), qPrintable(run.out));
}

void TestCli::unknownCommandIsAUsageError()
{
    const Run run = kanca({u"frobnicate"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"unknown command \"frobnicate\""));
    QVERIFY(run.err.contains(u"Usage: kanca"));
    QVERIFY(run.out.isEmpty());
}

// The program is linked with mimalloc (kanca_allocator, which this test is linked with too and
// which defines KANCA_MIMALLOC where it links mimalloc), which says so when asked.
void TestCli::allocatesThroughMimalloc()
{
#ifndef KANCA_MIMALLOC
    QSKIP("Built with a sanitizer, whose runtime allocates instead of mimalloc.");
#endif
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"MIMALLOC_VERBOSE"_s, u"1"_s);
    const Run run = kanca({u"--version"_s}, {}, environment);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(u"mimalloc: process init"_s), qPrintable(run.err));
    QVERIFY(run.out.startsWith(u"kanca "_s));
}

void TestCli::validateExample()
{
    const Run run = kanca({u"validate"_s, example});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(example + u": valid: "), qPrintable(lines.first()));
    QVERIFY(lines.first().contains(u"locale tr"));
}

void TestCli::validateReportsEveryProblemWithPosition()
{
    QTemporaryDir dir;
    const QString broken = writeFile(dir, u"broken.kanca.json"_s, R"({
  "format": "kanca.ruleset",
  "version": 1,
  "name": "Bozuk",
  "rules": [
    {
      "id": "a",
      "name": "A",
      "when": "chat.opend",
      "if": {"any": [{"field": "conversation.firstMessage", "op": "containz", "value": "x"}]},
      "then": [{"type": "webhook", "method": "POST", "url": "https://x.example",
                "auth": {"type": "bearer", "token": "plain-text-token"}}]
    }
  ]
}
)");
    const Run run = kanca({u"validate"_s, example, broken});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(example + u": valid"), "the valid file still gets its summary");
    const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.contains(broken
                            + u":9:15: /rules/0/when: unknown event \"chat.opend\" (did "
                              u"you mean \"chat.opened\"?)"),
             qPrintable(run.err));
    QVERIFY2(lines.contains(broken
                            + u":10:67: /rules/0/if/any/0/op: unknown operator \"containz\" "
                              u"(did you mean \"contains\"?)"),
             qPrintable(run.err));
    QVERIFY2(lines.contains(broken
                            + u":12:53: /rules/0/then/0/auth/token: must be a secret reference "
                              u"such as {\"secret\": \"CRM_TOKEN\"}: a rule set never holds a "
                              u"secret's value"),
             qPrintable(run.err));
}

void TestCli::validateSyntaxError()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, u"syntax.json"_s,
                                   "{\n  \"format\": \"kanca.ruleset\",\n"
                                   "  \"version\": 1,,\n}");
    const Run run = kanca({u"validate"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(file + u":3:"), qPrintable(run.err));
    QVERIFY(run.err.contains(u"not valid JSON"));
}

void TestCli::validateMissingFile()
{
    const Run run = kanca({u"validate"_s, u"/nonexistent/rules.json"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), u"/nonexistent/rules.json: no such file"_s);
}

void TestCli::validateUsageErrors()
{
    Run run = kanca({u"validate"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"Usage: kanca validate"));
    run = kanca({u"validate"_s, u"--bogus"_s, example});
    QCOMPARE(run.exitCode, 2);
}

void TestCli::validateStrictRejectsUnknownKeys()
{
    QTemporaryDir dir;
    QFile source(example);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray text = source.readAll();
    text.replace("\"locale\": \"tr\",", "\"locale\": \"tr\",\n  \"colour\": \"blue\",");
    const QString file = writeFile(dir, u"extra.json"_s, text);

    Run run = kanca({u"validate"_s, file});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.startsWith(file + u":6:3: warning: /colour: unknown key \"colour\""),
             qPrintable(run.err));

    run = kanca({u"validate"_s, u"--strict"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(file + u":6:3: /colour: unknown key \"colour\""),
             qPrintable(run.err));
}

void TestCli::validateAgreesWithTheSchema_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("valid");
    const QDir data(QStringLiteral(KANCA_SOURCE_DIR "/tests/data"));
    for (const QString &name : QDir(data.filePath(u"valid"_s)).entryList(QDir::Files))
        QTest::newRow(qPrintable(u"valid/"_s + name)) << data.filePath(u"valid/"_s + name) << true;
    for (const QString &name : QDir(data.filePath(u"invalid-schema"_s)).entryList(QDir::Files)) {
        QTest::newRow(qPrintable(u"invalid/"_s + name))
            << data.filePath(u"invalid-schema/"_s + name) << false;
    }
}

// The files the JSON Schema accepts, kanca accepts; the files it rejects, kanca rejects, each
// with a message that places the problem.
void TestCli::validateAgreesWithTheSchema()
{
    QFETCH(QString, file);
    QFETCH(bool, valid);
    const Run run = kanca({u"validate"_s, u"--strict"_s, file});
    if (valid) {
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        return;
    }
    QVERIFY2(run.exitCode == 1, qPrintable(run.out));
    const QString firstLine = run.err.section(u'\n', 0, 0);
    QVERIFY2(firstLine.startsWith(file + u':'), qPrintable(run.err));
}

void TestCli::renderSample()
{
    const Run run =
        kanca({u"render"_s, example, u"--sample"_s, u"chat.opened"_s, u"--lang"_s, u"tr"_s}, {},
              withSecrets(exampleSecrets));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray requests = parseArray(run.out);
    QVERIFY2(!requests.isEmpty(), qPrintable(run.out));
    QJsonObject slack;
    for (const QJsonValue &value : requests) {
        const QJsonObject object = value.toObject();
        QCOMPARE(object.value(u"matched"_s), QJsonValue(true));
        QVERIFY(object.contains(u"method"_s) && object.contains(u"url"_s)
                && object.contains(u"headers"_s) && object.contains(u"body"_s));
        if (object.value(u"rule"_s).toString() == u"vip-to-slack")
            slack = object;
    }
    QVERIFY2(!slack.isEmpty(), "the Turkish chat.opened sample is from a VIP contact");
    QCOMPARE(slack.value(u"action"_s).toInt(), 0);
    QCOMPARE(slack.value(u"method"_s).toString(), u"POST"_s);
    const QJsonObject body =
        QJsonDocument::fromJson(slack.value(u"body"_s).toString().toUtf8()).object();
    QVERIFY2(body.value(u"text"_s).toString().startsWith(u"VIP müşteri "), qPrintable(run.out));
    // Keys come in the documented order.
    QVERIFY(run.out.indexOf(u"\"rule\"") < run.out.indexOf(u"\"action\""));
    QVERIFY(run.out.indexOf(u"\"url\"") < run.out.indexOf(u"\"headers\""));
}

void TestCli::renderMasksSecretsUnlessAsked()
{
    const QStringList arguments = {u"render"_s,      example,     u"--sample"_s,
                                   u"chat.opened"_s, u"--lang"_s, u"tr"_s};
    const Run masked = kanca(arguments, {}, withSecrets(exampleSecrets));
    QVERIFY2(masked.exitCode == 0, qPrintable(masked.err));
    QVERIFY2(!masked.out.contains(u"value-of-"), qPrintable(masked.out));
    QVERIFY2(masked.out.contains(u"Bearer ********"), qPrintable(masked.out));

    const Run clear =
        kanca(arguments + QStringList{u"--show-secrets"_s}, {}, withSecrets(exampleSecrets));
    QCOMPARE(clear.exitCode, 0);
    QVERIFY(clear.out.contains(u"Bearer value-of-SUPPORT_API_TOKEN"));
}

void TestCli::renderMissingSecretNamesIt()
{
    QProcessEnvironment env = withSecrets(exampleSecrets);
    env.remove(u"KANCA_SECRET_SUPPORT_API_TOKEN"_s);
    const Run run = kanca(
        {u"render"_s, example, u"--sample"_s, u"chat.opened"_s, u"--lang"_s, u"tr"_s}, {}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(u"SUPPORT_API_TOKEN")
                 && run.err.contains(u"KANCA_SECRET_SUPPORT_API_TOKEN"),
             qPrintable(run.err));
    QVERIFY2(run.err.startsWith(example + u':'), qPrintable(run.err));
}

void TestCli::renderEventFromFileAndStdin()
{
    const QByteArray event =
        QStringLiteral(
            R"({"type": "chat.opened", "id": "evt_1", "occurredAt": "2026-11-21T10:30:00Z",
            "contact": {"fullname": "Ali \"Can\" Öz\nİkinci satır", "tags": ["VIP"]},
            "conversation": {"firstMessage": "SİSTEM ÇALIŞMIYOR"}})")
            .toUtf8();
    QTemporaryDir dir;
    const QString file = writeFile(dir, u"event.json"_s, event);
    const auto env = withSecrets(exampleSecrets);
    const Run fromFile = kanca({u"render"_s, example, u"--event"_s, file}, {}, env);
    QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
    const Run fromStdin = kanca({u"render"_s, example, u"--event"_s, u"-"_s}, event, env);
    QVERIFY2(fromStdin.exitCode == 0, qPrintable(fromStdin.err));

    QStringList rules;
    for (const QJsonValue &value : parseArray(fromStdin.out)) {
        const QJsonObject request = value.toObject();
        rules.append(request.value(u"rule"_s).toString());
        // Hostile names never break the payload: every JSON body parses.
        const QString body = request.value(u"body"_s).toString();
        QJsonParseError error;
        QJsonDocument::fromJson(body.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(body));
        if (request.value(u"rule"_s).toString() == u"vip-to-slack") {
            const QString text =
                QJsonDocument::fromJson(body.toUtf8()).object().value(u"text"_s).toString();
            QVERIFY(text.contains(u"Ali \"Can\" Öz\nİkinci satır"));
        }
    }
    // Turkish case folding finds "çalışmıyor" in "SİSTEM ÇALIŞMIYOR".
    QVERIFY2(rules.contains(u"vip-to-slack"_s), qPrintable(fromStdin.out));
    QVERIFY2(rules.contains(u"support-to-tickets"_s), qPrintable(fromStdin.out));
    QCOMPARE(parseArray(fromFile.out).size(), parseArray(fromStdin.out).size());
}

void TestCli::renderExplain()
{
    const Run run = kanca({u"render"_s, example, u"--sample"_s, u"chat.opened"_s, u"--lang"_s,
                           u"en"_s, u"--explain"_s},
                          {}, withSecrets(exampleSecrets));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray objects = parseArray(run.out);
    bool sawUnmatched = false;
    for (const QJsonValue &value : objects) {
        const QJsonObject object = value.toObject();
        QVERIFY2(object.contains(u"trace"_s), "every object has a trace");
        if (!object.value(u"matched"_s).toBool()) {
            sawUnmatched = true;
            QVERIFY(object.contains(u"reason"_s));
            QVERIFY(!object.contains(u"body"_s));
        }
    }
    QVERIFY2(sawUnmatched, "rules for other events are listed too");
}

void TestCli::renderInvalidEvent()
{
    const Run run = kanca({u"render"_s, example, u"--event"_s, u"-"_s}, "{\"type\": ");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(u"<stdin>:1:"), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    const Run notObject = kanca({u"render"_s, example, u"--event"_s, u"-"_s}, "[1]");
    QCOMPARE(notObject.exitCode, 1);
    const Run noType = kanca({u"render"_s, example, u"--event"_s, u"-"_s}, "{\"id\": 1}");
    QCOMPARE(noType.exitCode, 1);
    QVERIFY(noType.err.contains(u"no \"type\""));
}

void TestCli::renderStrictJsonEvent_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("error");
    QTest::newRow("raw tab") << QByteArray("{\"type\": \"chat.opened\", \"id\": \"a\tb\"}")
                             << u"<stdin>:1:33: not valid JSON: a control character (U+0009) "
                                u"stands raw in a string; JSON needs it escaped, as \\n, \\t or "
                                u"\\u0009"_s;
    QTest::newRow("raw NUL") << QByteArray("{\"type\": \"chat.opened\",\n\"id\": \"a\0\"}", 35)
                             << u"<stdin>:2:9: not valid JSON: a control character (U+0000) "
                                u"stands raw in a string; JSON needs it escaped, as \\n, \\t or "
                                u"\\u0000"_s;
    QTest::newRow("lone surrogate")
        << QByteArray(R"({"type": "chat.opened", "contact": {"fullname": "A\ud800"}})")
        << u"<stdin>:1:51: not valid JSON: \"\\uD800\" is half of a surrogate pair without its "
           u"other half: no character; write the character itself or both halves"_s;
}

void TestCli::renderStrictJsonEvent()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, error);
    const Run run =
        kanca({u"render"_s, example, u"--event"_s, u"-"_s}, event, withSecrets(exampleSecrets));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), error);
    QVERIFY(run.out.isEmpty());
}

void TestCli::validateCatchesFiltersThatCannotApply()
{
    // "date" on a text field: before, the rule set was valid and every render of it failed.
    QTemporaryDir dir;
    const QString file = writeFile(
        dir, u"rules.kanca.json"_s,
        R"({"format": "kanca.ruleset", "version": 1, "name": "t", "locale": "en", "rules": [
  {"id": "r", "name": "R", "when": "chat.opened", "then": [
    {"type": "webhook", "method": "POST", "url": "https://x.example/{{contact.score | date:\"yyyy\"}}",
     "body": {"format": "json", "template": "{\"at\": \"{{contact.fullname | upper | date:\"d MMMM\"}}\"}"}}]}]}
)");
    const Run run = kanca({u"validate"_s, file});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.err.trimmed().split(u'\n');
    QCOMPARE(lines, (QStringList{
                        file
                            + u":3:50: /rules/0/then/0/url: the filter \"date\" needs a date-time "
                              u"(ISO 8601), but \"contact.score\" is a number at 1:37 of the "
                              u"template"_s,
                        file
                            + u":4:45: /rules/0/then/0/body/template: the filter \"date\" needs "
                              u"a date-time (ISO 8601), but \"contact.fullname\" is a text at "
                              u"1:38 of the template"_s,
                    }));
}

void TestCli::renderUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{u"render"_s, u"--sample"_s, u"chat.opened"_s}
                             << u"kanca render: name exactly one rule set file"_s;
    QTest::newRow("neither event nor sample")
        << QStringList{u"render"_s, example} << u"kanca render: give either --event or --sample"_s;
    QTest::newRow("both event and sample")
        << QStringList{u"render"_s, example, u"--event"_s, u"-"_s, u"--sample"_s, u"chat.opened"_s}
        << u"kanca render: give either --event or --sample"_s;
    QTest::newRow("bad language") << QStringList{u"render"_s,      example,     u"--sample"_s,
                                                 u"chat.opened"_s, u"--lang"_s, u"de"_s}
                                  << u"kanca render: --lang takes \"en\" or \"tr\", not \"de\""_s;
    QTest::newRow("unknown option") << QStringList{u"render"_s, example, u"--frob"_s}
                                    << u"kanca render: Unknown option 'frob'."_s;
    QTest::newRow("missing option value") << QStringList{u"render"_s, example, u"--event"_s}
                                          << u"kanca render: Missing value after '--event'."_s;
}

void TestCli::renderUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = kanca(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.section(u'\n', 0, 0), message);
    QVERIFY2(run.err.contains(u"Usage: kanca render"), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::renderUnknownSample()
{
    const Run run = kanca({u"render"_s, example, u"--sample"_s, u"chat.opend"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"did you mean \"chat.opened\""), qPrintable(run.err));
}

// Messages speak the system's language: Turkish under a Turkish locale (QLocale reads LC_ALL and
// LANG itself, whether or not the C library knows the locale), English otherwise.
void TestCli::messagesFollowTheSystemLanguage()
{
    const auto inLocale = [](const QString &locale) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"LANGUAGE"_s);
        environment.remove(u"LC_MESSAGES"_s);
        environment.insert(u"LC_ALL"_s, locale);
        environment.insert(u"LANG"_s, locale);
        return environment;
    };
    const QProcessEnvironment turkish = inLocale(u"tr_TR.UTF-8"_s);
    const QProcessEnvironment english = inLocale(u"C.UTF-8"_s);
    const QStringList missingFile = {u"validate"_s, u"/nonexistent/x.json"_s};

    Run run = kanca(missingFile, {}, turkish);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), u"/nonexistent/x.json: böyle bir dosya yok"_s);

    run = kanca(missingFile, {}, english);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), u"/nonexistent/x.json: no such file"_s);

    // A usage error: the message, then the command's usage, both in Turkish.
    run = kanca({u"render"_s, u"--sample"_s, u"chat.opened"_s}, {}, turkish);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.section(u'\n', 0, 0).endsWith(u"tam olarak bir kural seti dosyası belirtin"),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"\nKullanım: kanca render DOSYA --event OLAY.json|-"_s),
             qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"Usage:"_s), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    // The options that name the event, shared by render and send, speak Turkish too.
    for (const QString &command : {u"render"_s, u"send"_s}) {
        run = kanca({command, example, u"--sample"_s, u"chat.opened"_s, u"--lang"_s, u"de"_s}, {},
                    turkish);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(
            run.err.section(u'\n', 0, 0),
            u"kanca %1: --lang için \"en\" ya da \"tr\" yazın; \"de\" geçersiz"_s.arg(command));
        run = kanca({command, example}, {}, turkish);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.section(u'\n', 0, 0),
                 u"kanca %1: --event ya da --sample seçeneklerinden birini verin"_s.arg(command));
    }
}

// Built with KANCA_BUILD_DESIGNER=OFF, `kanca` without a command, or with a file to open, says
// that the designer is not part of the build, in the system's language.
void TestCli::withoutTheDesignerNoCommandIsAUsageError()
{
    if (KANCA_WITH_DESIGNER)
        QSKIP("The designer is built: kanca without a command opens its window.");
    for (const QStringList &arguments : {QStringList{}, QStringList{example}}) {
        const Run run = kanca(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(u"kanca: the designer is not part of this build"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"kanca help"_s), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
    QProcessEnvironment turkish = QProcessEnvironment::systemEnvironment();
    turkish.remove(u"LANGUAGE"_s);
    turkish.remove(u"LC_MESSAGES"_s);
    turkish.insert(u"LC_ALL"_s, u"tr_TR.UTF-8"_s);
    const Run run = kanca({}, {}, turkish);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(u"kanca: tasarımcı"_s), qPrintable(run.err));
}

// Built without the designer, kanca needs no graphical library: a server has no X or GL.
void TestCli::withoutTheDesignerNothingGraphicalIsLinked()
{
    if (KANCA_WITH_DESIGNER)
        QSKIP("The designer is built: kanca links Qt Gui and Widgets.");
    QProcess ldd;
    ldd.start(u"ldd"_s, {QStringLiteral(KANCA_EXECUTABLE)});
    if (!ldd.waitForStarted())
        QSKIP("ldd is not installed.");
    QVERIFY(ldd.waitForFinished(60000));
    QCOMPARE(ldd.exitCode(), 0);
    const QString libraries = QString::fromUtf8(ldd.readAllStandardOutput());
    QVERIFY2(libraries.contains(u"libQt6Core"_s), qPrintable(libraries));
    QVERIFY2(libraries.contains(u"libQt6Network"_s), qPrintable(libraries));
    QVERIFY2(libraries.contains(u"libQt6Sql"_s), qPrintable(libraries));
    for (const QString &graphical :
         {u"libQt6Gui"_s, u"libQt6Widgets"_s, u"libQt6DBus"_s, u"keychain"_s, u"libGL"_s,
          u"libEGL"_s, u"libOpenGL"_s, u"libX11"_s, u"libxcb"_s, u"libxkbcommon"_s,
          u"libfontconfig"_s, u"libfreetype"_s})
        QVERIFY2(!libraries.contains(graphical), qPrintable(graphical + u" in:\n"_s + libraries));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
