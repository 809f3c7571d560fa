// Where a problem is, in words: every part of the format, from a pointer and the document.
#include "format/ProblemPlace.h"
#include "format/RuleSetReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTranslator>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// Every part of the format, and what a file that is not quite a rule set may hold: an action
// of another kind, a rule without a name or id, a rule that is not an object.
QByteArray everyPart()
{
    QFile file(QStringLiteral(KANCA_SOURCE_DIR "/tests/data/places/every-part.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The pointers of every item of a condition tree and of its keys, as a file has them.
void conditionPointers(const QJsonValue &item, const QString &pointer, QStringList *out)
{
    out->append(pointer);
    const QJsonObject object = item.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString below = jsonPointerAppend(pointer, it.key());
        if (it.key() == u"all" || it.key() == u"any") {
            const QJsonArray members = it.value().toArray();
            for (qsizetype i = 0; i < members.size(); ++i)
                conditionPointers(members.at(i), jsonPointerAppend(below, i), out);
        } else if (it.key() == u"not") {
            conditionPointers(it.value(), below, out);
        } else {
            out->append(below);
        }
    }
}

} // namespace

class TestProblemPlace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void words_data();
    void words();
    void turkish_data();
    void turkish();
    void theModelSaysWhatTheFileSays();
    void detail();
    void sentence();

private:
    std::unique_ptr<QTranslator> m_turkish;
};

void TestProblemPlace::cleanup()
{
    if (m_turkish) {
        QCoreApplication::removeTranslator(m_turkish.get());
        m_turkish.reset();
    }
}

void TestProblemPlace::words_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("words");
    const QString vip = u"Rule \"VIP müşteri yazınca Slack…\""_s;
    const auto row = [](const QString &pointer, const QString &words) {
        QTest::addRow("%s", qPrintable(pointer.isEmpty() ? u"(whole file)"_s : pointer))
            << pointer << words;
    };
    // The rule set.
    row(u""_s, u""_s);
    row(u"/format"_s, u"Rule set › format"_s);
    row(u"/version"_s, u"Rule set › version"_s);
    row(u"/name"_s, u"Rule set › name"_s);
    row(u"/description"_s, u"Rule set › description"_s);
    row(u"/locale"_s, u"Rule set › language"_s);
    row(u"/rules"_s, u"Rule set › rules"_s);
    row(u"/extra"_s, u"Rule set › \"extra\""_s);
    // A rule: named by its name (shortened at a word), else its id, else its number.
    row(u"/rules/0"_s, vip);
    row(u"/rules/0/id"_s, vip + u" › ID"_s);
    row(u"/rules/0/name"_s, vip + u" › name"_s);
    row(u"/rules/0/description"_s, vip + u" › description"_s);
    row(u"/rules/0/enabled"_s, vip + u" › enabled"_s);
    row(u"/rules/0/when"_s, vip + u" › When (event)"_s);
    row(u"/rules/0/a~1b~0c"_s, vip + u" › \"a/b~c\""_s);
    row(u"/rules/1/if/value"_s, u"Rule no-name › If › value"_s);
    row(u"/rules/2/when"_s, u"Rule 3 › When (event)"_s);
    row(u"/rules/3"_s, u"Rule 4"_s);
    row(u"/rules/9/name"_s, u"Rule 10 › name"_s);
    // If: conditions and groups counted apart; a "not" is part of its item.
    row(u"/rules/0/if"_s, vip + u" › If"_s);
    row(u"/rules/0/if/all"_s, vip + u" › If"_s);
    row(u"/rules/0/if/all/0"_s, vip + u" › If › condition 1"_s);
    row(u"/rules/0/if/all/0/field"_s, vip + u" › If › condition 1 › field"_s);
    row(u"/rules/0/if/all/0/op"_s, vip + u" › If › condition 1 › operator"_s);
    row(u"/rules/0/if/all/0/value"_s, vip + u" › If › condition 1 › value"_s);
    row(u"/rules/0/if/all/1"_s, vip + u" › If › group 1"_s);
    row(u"/rules/0/if/all/1/any"_s, vip + u" › If › group 1"_s);
    row(u"/rules/0/if/all/1/any/0/field"_s, vip + u" › If › group 1 › condition 1 › field"_s);
    row(u"/rules/0/if/all/1/any/1/not/value/1"_s,
        vip + u" › If › group 1 › condition 2 › value › 2"_s);
    row(u"/rules/0/if/all/2/not/all/0/op"_s, vip + u" › If › group 2 › condition 1 › operator"_s);
    row(u"/rules/0/if/all/3/caseSensitive"_s, vip + u" › If › condition 2 › case-sensitive"_s);
    row(u"/rules/0/if/all/3/bogus"_s, vip + u" › If › condition 2 › \"bogus\""_s);
    row(u"/rules/0/if/all/7/op"_s, vip + u" › If › condition 8 › operator"_s);
    // Then: each webhook, and every key of it.
    row(u"/rules/0/then"_s, vip + u" › Then"_s);
    row(u"/rules/0/then/0"_s, vip + u" › Then › webhook 1"_s);
    row(u"/rules/0/then/0/type"_s, vip + u" › Then › webhook 1 › type"_s);
    row(u"/rules/0/then/0/method"_s, vip + u" › Then › webhook 1 › Method"_s);
    row(u"/rules/0/then/0/url"_s, vip + u" › Then › webhook 1 › URL"_s);
    row(u"/rules/0/then/0/headers"_s, vip + u" › Then › webhook 1 › Headers"_s);
    row(u"/rules/0/then/0/headers/2"_s, vip + u" › Then › webhook 1 › Headers › 3"_s);
    row(u"/rules/0/then/0/headers/2/name"_s, vip + u" › Then › webhook 1 › Headers › 3 › name"_s);
    row(u"/rules/0/then/0/headers/0/value"_s, vip + u" › Then › webhook 1 › Headers › 1 › value"_s);
    row(u"/rules/0/then/0/auth"_s, vip + u" › Then › webhook 1 › Authentication"_s);
    row(u"/rules/0/then/0/auth/type"_s, vip + u" › Then › webhook 1 › Authentication › type"_s);
    row(u"/rules/0/then/0/auth/token"_s, vip + u" › Then › webhook 1 › Authentication › token"_s);
    row(u"/rules/0/then/0/auth/token/secret"_s,
        vip + u" › Then › webhook 1 › Authentication › token › secret name"_s);
    row(u"/rules/1/then/0/auth/username"_s,
        u"Rule no-name › Then › webhook 1 › Authentication › user name"_s);
    row(u"/rules/1/then/0/auth/password/secret"_s,
        u"Rule no-name › Then › webhook 1 › Authentication › password › secret name"_s);
    row(u"/rules/1/then/0/auth/name"_s,
        u"Rule no-name › Then › webhook 1 › Authentication › header name"_s);
    row(u"/rules/1/then/0/auth/value"_s,
        u"Rule no-name › Then › webhook 1 › Authentication › value"_s);
    row(u"/rules/0/then/0/signing/type"_s, vip + u" › Then › webhook 1 › Signing › type"_s);
    row(u"/rules/0/then/0/signing/secret/secret"_s,
        vip + u" › Then › webhook 1 › Signing › secret › secret name"_s);
    row(u"/rules/0/then/0/signing/header"_s, vip + u" › Then › webhook 1 › Signing › header"_s);
    row(u"/rules/0/then/0/signing/prefix"_s, vip + u" › Then › webhook 1 › Signing › prefix"_s);
    row(u"/rules/0/then/0/signing/encoding"_s, vip + u" › Then › webhook 1 › Signing › encoding"_s);
    row(u"/rules/0/then/0/body"_s, vip + u" › Then › webhook 1 › Body"_s);
    row(u"/rules/0/then/0/body/format"_s, vip + u" › Then › webhook 1 › Body › format"_s);
    row(u"/rules/0/then/0/body/fields/0/value"_s,
        vip + u" › Then › webhook 1 › Body › fields › 1 › value"_s);
    row(u"/rules/1/then/0/body/template"_s, u"Rule no-name › Then › webhook 1 › Body › template"_s);
    row(u"/rules/1/then/0/body/contentType"_s,
        u"Rule no-name › Then › webhook 1 › Body › content type"_s);
    row(u"/rules/0/then/0/timeoutMs"_s, vip + u" › Then › webhook 1 › Timeout"_s);
    row(u"/rules/0/then/0/retry"_s, vip + u" › Then › webhook 1 › Retry"_s);
    row(u"/rules/0/then/0/retry/maxAttempts"_s,
        vip + u" › Then › webhook 1 › Retry › attempts at most"_s);
    row(u"/rules/0/then/0/retry/initialDelayMs"_s,
        vip + u" › Then › webhook 1 › Retry › first retry after"_s);
    row(u"/rules/0/then/0/retry/maxDelayMs"_s,
        vip + u" › Then › webhook 1 › Retry › longest wait"_s);
    row(u"/rules/0/then/0/unknown"_s, vip + u" › Then › webhook 1 › \"unknown\""_s);
    // A key the format does not have, below each part: quoted, with the rest as written.
    row(u"/rules/0/then/0/headers/1/bogus/2"_s,
        vip + u" › Then › webhook 1 › Headers › 2 › \"bogus\" › 3"_s);
    row(u"/rules/0/then/0/headers/bogus"_s, vip + u" › Then › webhook 1 › Headers › \"bogus\""_s);
    row(u"/rules/0/then/0/auth/bogus"_s,
        vip + u" › Then › webhook 1 › Authentication › \"bogus\""_s);
    row(u"/rules/0/then/0/auth/token/bogus"_s,
        vip + u" › Then › webhook 1 › Authentication › token › \"bogus\""_s);
    row(u"/rules/0/then/0/signing"_s, vip + u" › Then › webhook 1 › Signing"_s);
    row(u"/rules/0/then/0/signing/bogus/0"_s,
        vip + u" › Then › webhook 1 › Signing › \"bogus\" › 1"_s);
    row(u"/rules/0/then/0/body/fields"_s, vip + u" › Then › webhook 1 › Body › fields"_s);
    row(u"/rules/0/then/0/body/bogus"_s, vip + u" › Then › webhook 1 › Body › \"bogus\""_s);
    row(u"/rules/0/then/0/retry/bogus"_s, vip + u" › Then › webhook 1 › Retry › \"bogus\""_s);
    row(u"/rules/0/then/0/url/0"_s, vip + u" › Then › webhook 1 › URL › 1"_s);
    row(u"/rules/0/then/x/url"_s, vip + u" › Then › \"x\" › \"url\""_s);
    row(u"/rules/0/id/extra"_s, vip + u" › ID › \"extra\""_s);
    row(u"/locale/0"_s, u"Rule set › language › 1"_s);
    // An action of another kind is an action, not a webhook.
    row(u"/rules/0/then/1"_s, vip + u" › Then › action 2"_s);
    row(u"/rules/0/then/1/type"_s, vip + u" › Then › action 2 › type"_s);
    row(u"/rules/2/then/0/url"_s, u"Rule 3 › Then › webhook 1 › URL"_s);
}

void TestProblemPlace::words()
{
    QFETCH(QString, pointer);
    QFETCH(QString, words);
    const ProblemPlace place = ProblemPlace::of(pointer, parsed(everyPart()));
    QCOMPARE(place.text(), words);
    // The steps alone leave the rule out.
    if (!place.subject.isEmpty() && words.size() > place.subject.size())
        QCOMPARE(place.where(), words.mid(place.subject.size() + 3));
}

void TestProblemPlace::turkish_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("words");
    const QString vip = u"Kural \"VIP müşteri yazınca Slack…\""_s;
    QTest::newRow("rule set name") << u"/name"_s << u"Kural seti › ad"_s;
    QTest::newRow("language") << u"/locale"_s << u"Kural seti › dil"_s;
    QTest::newRow("nested condition")
        << u"/rules/0/if/all/1/any/1/not/value"_s << vip + u" › Eğer › grup 1 › koşul 2 › değer"_s;
    QTest::newRow("when") << u"/rules/0/when"_s << vip + u" › Ne zaman (olay)"_s;
    QTest::newRow("header") << u"/rules/0/then/0/headers/2"_s
                            << vip + u" › O zaman › webhook 1 › Başlıklar › 3"_s;
    QTest::newRow("other action") << u"/rules/0/then/1"_s << vip + u" › O zaman › aksiyon 2"_s;
    QTest::newRow("secret") << u"/rules/0/then/0/auth/token/secret"_s
                            << vip
                                   + u" › O zaman › webhook 1 › Yetkilendirme › belirteç › "
                                     u"gizli anahtarın adı"_s;
    QTest::newRow("by number") << u"/rules/2/when"_s << u"Kural 3 › Ne zaman (olay)"_s;
    // A word of each part of a webhook.
    QTest::newRow("user name") << u"/rules/1/then/0/auth/username"_s
                               << u"Kural no-name › O zaman › webhook 1 › Yetkilendirme › "
                                  u"kullanıcı adı"_s;
    QTest::newRow("signing header") << u"/rules/0/then/0/signing/header"_s
                                    << vip + u" › O zaman › webhook 1 › İmzalama › başlık"_s;
    QTest::newRow("content type") << u"/rules/1/then/0/body/contentType"_s
                                  << u"Kural no-name › O zaman › webhook 1 › Gövde › "
                                     u"içerik türü"_s;
    QTest::newRow("form field") << u"/rules/0/then/0/body/fields/0/name"_s
                                << vip + u" › O zaman › webhook 1 › Gövde › alanlar › 1 › ad"_s;
    QTest::newRow("longest wait")
        << u"/rules/0/then/0/retry/maxDelayMs"_s
        << vip + u" › O zaman › webhook 1 › Yeniden deneme › en uzun bekleme"_s;
    QTest::newRow("case-sensitive") << u"/rules/0/if/all/3/caseSensitive"_s
                                    << vip + u" › Eğer › koşul 2 › büyük/küçük harfe duyarlı"_s;
}

void TestProblemPlace::turkish()
{
    QFETCH(QString, pointer);
    QFETCH(QString, words);
    m_turkish = std::make_unique<QTranslator>();
    QVERIFY(m_turkish->load(u":/i18n/kanca_tr.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(m_turkish.get()));
    QCOMPARE(ProblemPlace::of(pointer, parsed(everyPart())).text(), words);
}

void TestProblemPlace::theModelSaysWhatTheFileSays()
{
    // The designer's live problems point into the model: its outline gives the same words as
    // the file it was read from, for every rule, condition item and key of the example.
    QFile file(QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const RuleSetReader::Result read = RuleSetReader::read(bytes);
    QVERIFY(read.ruleSet);
    const QJsonObject json = parsed(bytes);
    const QJsonObject outline = ProblemPlace::outline(*read.ruleSet);
    const QJsonArray rules = json.value(u"rules").toArray();
    QVERIFY(rules.size() >= 3);
    QStringList pointers = {u"/name"_s};
    for (qsizetype r = 0; r < rules.size(); ++r) {
        const QString rule = jsonPointerAppend(u"/rules"_s, r);
        pointers += {rule, rule + u"/name"_s, rule + u"/when"_s, rule + u"/then/0/url"_s,
                     rule + u"/then/0/headers/0/value"_s};
        if (rules.at(r).toObject().contains(u"if"))
            conditionPointers(rules.at(r).toObject().value(u"if"), rule + u"/if"_s, &pointers);
    }
    int conditions = 0;
    for (const QString &pointer : std::as_const(pointers)) {
        const QString fromFile = ProblemPlace::of(pointer, json).text();
        QCOMPARE(ProblemPlace::of(pointer, outline).text(), fromFile);
        if (fromFile.contains(u"condition"))
            ++conditions;
    }
    QVERIFY2(conditions >= 3, "the example's conditions were compared");
}

void TestProblemPlace::detail()
{
    Problem warning{Problem::Severity::Warning, u"/rules/0/if/op"_s, 5, 12, u"x"_s};
    QCOMPARE(ProblemPlace::detail(warning), u"Warning · Line 5, column 12 · /rules/0/if/op"_s);
    Problem error{Problem::Severity::Error, u"/rules/0/if/op"_s, 0, 0, u"x"_s};
    QCOMPARE(ProblemPlace::detail(error), u"/rules/0/if/op"_s);
    Problem syntax{Problem::Severity::Error, QString(), 3, 1, u"missing comma"_s};
    QCOMPARE(ProblemPlace::detail(syntax), u"Line 3, column 1"_s);
}

void TestProblemPlace::sentence()
{
    const QJsonObject json = parsed(everyPart());
    QCOMPARE(ProblemPlace::sentence(ProblemPlace::of(u"/rules/1/if/value"_s, json),
                                    u"the regular expression is not valid"_s),
             u"Rule no-name › If › value: the regular expression is not valid"_s);
    QCOMPARE(ProblemPlace::sentence(ProblemPlace::of(QString(), json), u"missing comma"_s),
             u"missing comma"_s);
}

QTEST_GUILESS_MAIN(TestProblemPlace)
#include "tst_problemplace.moc"
