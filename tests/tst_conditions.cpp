#include "catalog/Catalog.h"
#include "conditions/CompiledCondition.h"
#include "conditions/ConditionTrace.h"
#include "conditions/LeafFolding.h"
#include "conditions/PatternForms.h"
#include "conditions/PatternRisk.h"
#include "conditions/PatternSearch.h"
#include "event/EventContext.h"
#include "model/Rule.h"
#include "text/TextCase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <string_view>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// A small catalog of its own, so these tests do not change when the shipped catalog does.
const char TestCatalogJson[] = R"({
  "events": [
    { "id": "chat.opened", "group": "chat", "label": { "en": "Chat Opened", "tr": "Sohbet Açıldı" },
      "firesWhen": { "en": "A chat starts.", "tr": "Bir sohbet başladığında." } }
  ],
  "fields": [
    { "path": "event.type", "label": { "en": "Event Type", "tr": "Olay Türü" }, "type": "text" },
    { "path": "event.id", "label": { "en": "Event ID", "tr": "Olay Kimliği" }, "type": "text" },
    { "path": "event.occurredAt", "label": { "en": "Event Time", "tr": "Olay Zamanı" },
      "type": "dateTime" },
    { "path": "rule.name", "label": { "en": "Rule Name", "tr": "Kural Adı" }, "type": "text" },
    { "path": "contact.fullname", "label": { "en": "Full Name", "tr": "Ad Soyad" },
      "type": "text", "personal": true },
    { "path": "contact.city", "label": { "en": "City", "tr": "Şehir" }, "type": "text" },
    { "path": "contact.tags", "label": { "en": "Contact Tags", "tr": "Kişinin Etiketleri" },
      "type": "textList" },
    { "path": "contact.platform", "label": { "en": "Contact Platform", "tr": "Kişinin Platformu" },
      "type": "oneOf",
      "values": ["WhatsApp", "Instagram", "Messenger", "Telegram", "Web", "Email", "SMS"] },
    { "path": "contact.score", "label": { "en": "Lead Score", "tr": "Skor" }, "type": "number",
      "minimum": 0 },
    { "path": "conversation.rating", "label": { "en": "Rating", "tr": "Puan" }, "type": "number",
      "minimum": 1, "maximum": 5 },
    { "path": "conversation.startedAt", "label": { "en": "Started At", "tr": "Başlangıç Zamanı" },
      "type": "dateTime" },
    { "path": "conversation.firstMessage",
      "label": { "en": "Last Conversation First Message", "tr": "Son Konuşma İlk Mesajı" },
      "type": "text" },
    { "path": "conversation.outcome", "label": { "en": "Outcome", "tr": "Sonuç" }, "type": "oneOf",
      "values": ["lead_captured", "handoff_requested", "resolved", "abandoned"] }
  ],
  "operators": [
    { "id": "equals", "label": { "en": "equals", "tr": "eşittir" },
      "appliesTo": ["text", "oneOf", "number", "dateTime"] },
    { "id": "notEquals", "label": { "en": "does not equal", "tr": "eşit değildir" },
      "appliesTo": ["text", "oneOf", "number", "dateTime"] },
    { "id": "contains", "label": { "en": "contains", "tr": "içerir" },
      "appliesTo": ["text", "textList"] },
    { "id": "notContains", "label": { "en": "does not contain", "tr": "içermez" },
      "appliesTo": ["text", "textList"] },
    { "id": "startsWith", "label": { "en": "starts with", "tr": "ile başlar" },
      "appliesTo": ["text"] },
    { "id": "endsWith", "label": { "en": "ends with", "tr": "ile biter" }, "appliesTo": ["text"] },
    { "id": "matches", "label": { "en": "matches", "tr": "eşleşir" }, "appliesTo": ["text"] },
    { "id": "isEmpty", "label": { "en": "is empty", "tr": "boştur" },
      "appliesTo": ["text", "textList", "oneOf", "number", "dateTime"] },
    { "id": "isNotEmpty", "label": { "en": "is not empty", "tr": "boş değildir" },
      "appliesTo": ["text", "textList", "oneOf", "number", "dateTime"] },
    { "id": "greaterThan", "label": { "en": "is greater than", "tr": "büyüktür" },
      "appliesTo": ["number", "dateTime"] },
    { "id": "lessThan", "label": { "en": "is less than", "tr": "küçüktür" },
      "appliesTo": ["number", "dateTime"] },
    { "id": "atLeast", "label": { "en": "is at least", "tr": "en az" },
      "appliesTo": ["number", "dateTime"] },
    { "id": "atMost", "label": { "en": "is at most", "tr": "en çok" },
      "appliesTo": ["number", "dateTime"] },
    { "id": "in", "label": { "en": "is one of", "tr": "şunlardan biridir" },
      "appliesTo": ["text", "oneOf", "number"] }
  ]
})";

const char TestSamplesJson[] = R"({
  "base": {},
  "events": { "chat.opened": { "type": "chat.opened", "id": "evt_1",
                               "occurredAt": "2026-11-21T10:30:00Z" } }
})";

const QString IfPointer = QStringLiteral("/rules/2/if");

const Catalog &testCatalog()
{
    static const Catalog catalog = [] {
        QString error;
        std::optional<Catalog> loaded =
            Catalog::load(TestCatalogJson, TestSamplesJson, TestSamplesJson, &error);
        if (!loaded)
            qFatal("The test catalog does not load: %s", qUtf8Printable(error));
        return std::move(*loaded);
    }();
    return catalog;
}

// One JSON value from its text; an empty text is "absent".
QJsonValue jsonValue(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("Bad JSON in a test table: %s", text.constData());
    return document.array().at(0);
}

QJsonObject jsonObject(const QByteArray &text)
{
    return jsonValue(text).toObject();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A condition in the file format's shape; {"not": [a, b]} builds a "not" with two members.
Condition conditionFromJson(const QJsonValue &json)
{
    const QJsonObject object = json.toObject();
    const auto members = [](const QJsonValue &list) {
        std::vector<Condition> out;
        for (const QJsonValue &member : list.toArray())
            out.push_back(conditionFromJson(member));
        return out;
    };
    if (object.contains(QLatin1String("all")))
        return Condition::all(members(object.value(QLatin1String("all"))));
    if (object.contains(QLatin1String("any")))
        return Condition::any(members(object.value(QLatin1String("any"))));
    if (object.contains(QLatin1String("not"))) {
        const QJsonValue inner = object.value(QLatin1String("not"));
        if (!inner.isArray())
            return Condition::negate(conditionFromJson(inner));
        Condition negation;
        negation.kind = Condition::Kind::Not;
        negation.children = members(inner);
        return negation;
    }
    const std::optional<Operator> op = operatorFromId(object.value(QLatin1String("op")).toString());
    if (!op)
        qFatal("Bad operator in a test table");
    return Condition::leaf(object.value(QLatin1String("field")).toString(), *op,
                           object.value(QLatin1String("value")),
                           object.value(QLatin1String("caseSensitive")).toBool());
}

// An event holding `actual` at `field` (nothing when it is absent).
QJsonObject eventWith(const QString &field, const QJsonValue &actual)
{
    QJsonObject event{{QStringLiteral("type"), QStringLiteral("chat.opened")}};
    if (actual.isUndefined())
        return event;
    QStringList keys = field.split(u'.');
    if (keys.first() == u"event") {
        event.insert(keys.at(1), actual);
        return event;
    }
    QJsonValue value = actual;
    while (keys.size() > 1) {
        value = QJsonObject{{keys.takeLast(), value}};
    }
    event.insert(keys.first(), value);
    return event;
}

Language languageOf(const QString &code)
{
    return code == u"tr" ? Language::Turkish : Language::English;
}

QStringList describe(const Problems &problems)
{
    QStringList out;
    for (const Problem &p : problems) {
        out.append((p.isError() ? QString() : QStringLiteral("warning: ")) + p.pointer + u' '
                   + p.message);
    }
    return out;
}

CompiledCondition compileOk(const QByteArray &conditionJson, Language language)
{
    Problems problems;
    CompiledCondition compiled = CompiledCondition::compile(
        conditionFromJson(jsonValue(conditionJson)), language, testCatalog(), IfPointer, &problems);
    if (!problems.isEmpty())
        qWarning() << "unexpected problems:" << describe(problems);
    return compiled;
}

Condition nested(int depth)
{
    // depth 1 is the leaf itself; every further level wraps it in an "all" or a "not not".
    Condition c =
        Condition::leaf(QStringLiteral("contact.tags"), Operator::Contains, QStringLiteral("VIP"));
    for (int level = 2; level <= depth; ++level) {
        std::vector<Condition> members;
        members.push_back(std::move(c));
        c = Condition::all(std::move(members));
    }
    return c;
}

} // namespace

class TestConditions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expressionThatGivesUpIsUndecided_data();
    void expressionThatGivesUpIsUndecided();
    void riskyExpressionsAreWarnedAbout_data();
    void riskyExpressionsAreWarnedAbout();
    void leaf_data();
    void leaf();
    void groups_data();
    void groups();
    void oneContextServesEveryLanguageAndCase();
    void emptyConditionMatchesEverything();
    void compiledConditionMoves();
    void traceEvaluatesEveryLeaf();
    void traceJson_data();
    void traceJson();
    void explanation_data();
    void explanation();
    void problems_data();
    void problems();
    void conditionWithProblemsNeverMatchesByAccident_data();
    void conditionWithProblemsNeverMatchesByAccident();
    void nestingUpToMaxDepth();
    void nestingBeyondMaxDepth();
    void hostileNestingDoesNotOverflow();
    void hostileText_data();
    void hostileText();
    void megabyteHaystack();
    void everyLatinCharacterFoldsLikeTextCase();
    void plainExpressions_data();
    void plainExpressions();
    void expressionsWithAnyI();
    void formsOfLatinTextKeepTheirCaselessClass();
    void foldingUtf8IsFoldingItsText();
    void plainExpressionsFindWhatEveryFormWouldFind();
    void ruleFields();
    void builtInCatalog_data();
    void builtInCatalog();
    void builtInTraceUsesCatalogLabels();
};

// ----- Every operator on every type it applies to

void TestConditions::leaf_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("value");  // JSON; empty: absent
    QTest::addColumn<QByteArray>("actual"); // JSON; empty: absent from the event
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("expected");

    const auto row = [](const char *name, const char *language, const char *field, const char *op,
                        const char *value, const char *actual, bool expected,
                        bool caseSensitive = false) {
        QTest::newRow(name) << QString::fromUtf8(language) << QString::fromUtf8(field)
                            << QString::fromUtf8(op) << QByteArray(value) << QByteArray(actual)
                            << caseSensitive << expected;
    };

    // Text
    row("text equals, same text", "en", "contact.fullname", "equals", R"("Ayşe Yılmaz")",
        R"("Ayşe Yılmaz")", true);
    row("text equals ignores case, tr", "tr", "contact.fullname", "equals", R"("ayşe yılmaz")",
        R"("AYŞE YILMAZ")", true);
    row("text equals, en reads YILMAZ as yilmaz", "en", "contact.fullname", "equals",
        R"("ayşe yılmaz")", R"("AYŞE YILMAZ")", false);
    row("text equals is the whole text", "en", "contact.fullname", "equals", R"("Ayşe")",
        R"("Ayşe Yılmaz")", false);
    row("text equals, composed needle and decomposed value", "tr", "contact.fullname", "equals",
        R"("Şule")", "\"S\\u0327ule\"", true);
    row("text equals, a number in the event reads as its text", "en", "contact.fullname", "equals",
        R"("42")", "42", true);
    row("text equals, a list in the event is a mismatch", "en", "contact.fullname", "equals",
        R"("Ali")", R"(["Ali"])", false);
    row("text notEquals, different", "en", "contact.fullname", "notEquals", R"("Ali")", R"("Veli")",
        true);
    row("text notEquals, same when folded", "tr", "contact.fullname", "notEquals", R"("IŞIL")",
        R"("ışıl")", false);
    row("text notEquals, a list in the event is a mismatch", "en", "contact.fullname", "notEquals",
        R"("Ali")", R"(["Veli"])", false);
    row("text contains, product example, tr", "tr", "conversation.firstMessage", "contains",
        R"("çalışmıyor")", R"("SİSTEM ÇALIŞMIYOR")", true);
    row("text contains, product example, en folds I to i", "en", "conversation.firstMessage",
        "contains", R"("çalışmıyor")", R"("SİSTEM ÇALIŞMIYOR")", false);
    row("text contains, ILIK has ilik in en", "en", "conversation.firstMessage", "contains",
        R"("ilik")", R"("ILIK SU")", true);
    row("text contains, ILIK reads ılık in tr", "tr", "conversation.firstMessage", "contains",
        R"("ilik")", R"("ILIK SU")", false);
    row("text contains, ILIK has ılık in tr", "tr", "conversation.firstMessage", "contains",
        R"("ılık")", R"("ILIK SU")", true);
    row("text contains, İ is i in en", "en", "conversation.firstMessage", "contains",
        R"("istanbul")", R"("İSTANBUL ofisi")", true);
    row("text contains, absent part", "en", "conversation.firstMessage", "contains", R"("demo")",
        R"("Merhaba")", false);
    // The search goes eight characters at a time: the needle at every place around those
    // blocks, its first character many times before it, a near miss, and the text's own end.
    for (const char *needle : {"ö", "şık", "ödemeler9"}) {
        const QByteArray quoted = QByteArray("\"") + needle + "\"";
        for (int before = 0; before <= 17; ++before) {
            const QByteArray lead(before, 'x');
            for (const bool after : {false, true}) {
                const QByteArray text = lead + needle + (after ? "yy" : "");
                QTest::newRow(qPrintable(u"text contains, at %1 of %2 characters, %3"_s.arg(before)
                                             .arg(QString::fromUtf8(text).size())
                                             .arg(QString::fromUtf8(needle))))
                    << u"tr"_s << u"conversation.firstMessage"_s << u"contains"_s << quoted
                    << QByteArray("\"" + text + "\"") << false << true;
            }
            // All but the needle's last character: not there.
            const QString cut = QString::fromUtf8(needle).chopped(1);
            if (!cut.isEmpty()) {
                QTest::newRow(qPrintable(u"text contains, near miss at %1, %2"_s.arg(before).arg(
                    QString::fromUtf8(needle))))
                    << u"tr"_s << u"conversation.firstMessage"_s << u"contains"_s << quoted
                    << QByteArray("\"" + lead + cut.toUtf8() + "z\"") << false << false;
            }
        }
    }
    row("text contains, first character again and again", "en", "conversation.firstMessage",
        "contains", R"("aab")", R"("aaaaaaaaaaaaaaaaaaaab")", true);
    row("text contains, first character again and again, not there", "en",
        "conversation.firstMessage", "contains", R"("aab")", R"("aaaaaaaaaaaaaaaaaaaaa")", false);
    row("text contains, the needle longer than the text", "en", "conversation.firstMessage",
        "contains", R"("merhaba dünya")", R"("merhaba")", false);
    row("text contains, the whole text", "en", "conversation.firstMessage", "contains",
        R"("merhaba dünya")", R"("Merhaba Dünya")", true);
    row("text notContains, not there", "en", "conversation.firstMessage", "notContains",
        R"("demo")", R"("Merhaba")", true);
    row("text notContains, there", "tr", "conversation.firstMessage", "notContains", R"("DEMO")",
        R"("demo istiyorum")", false);
    row("text startsWith, folded", "tr", "conversation.firstMessage", "startsWith", R"("merhaba")",
        R"("Merhaba, demo")", true);
    row("text startsWith, elsewhere only", "tr", "conversation.firstMessage", "startsWith",
        R"("demo")", R"("Merhaba, demo")", false);
    row("text endsWith, folded", "en", "conversation.firstMessage", "endsWith", R"("DEMO")",
        R"("Merhaba, demo")", true);
    row("text endsWith, elsewhere only", "en", "conversation.firstMessage", "endsWith",
        R"("merhaba")", R"("Merhaba, demo")", false);
    row("text in, one of them, tr", "tr", "contact.city", "in", R"(["İstanbul", "ANKARA"])",
        R"("ankara")", true);
    row("text in, none of them", "tr", "contact.city", "in", R"(["İstanbul", "Ankara"])",
        R"("İzmir")", false);
    row("text in, ISPARTA is ısparta in tr", "tr", "contact.city", "in", R"(["ısparta"])",
        R"("ISPARTA")", true);
    row("text in, ISPARTA is not ısparta in en", "en", "contact.city", "in", R"(["ısparta"])",
        R"("ISPARTA")", false);
    row("text in, empty list", "en", "contact.city", "in", "[]", R"("Ankara")", false);
    row("text matches, anchored", "en", "conversation.firstMessage", "matches", R"("^merhaba")",
        R"("Merhaba, demo")", true);
    row("text matches, no digits", "en", "conversation.firstMessage", "matches", R"("\\d{3}")",
        R"("abc")", false);
    row("text matches, Turkish lower-case pattern", "tr", "conversation.firstMessage", "matches",
        R"("çalışmıyor|arıza")", R"("SİSTEM ÇALIŞMIYOR")", true);
    row("text matches, Turkish upper-case pattern", "tr", "conversation.firstMessage", "matches",
        R"("SİSTEM")", R"("sistem bozuk")", true);
    row("text matches, Unicode properties", "en", "conversation.firstMessage", "matches",
        R"("^\\p{Lu}")", R"("Şimdi")", true);
    row("text matches, case-sensitive", "en", "conversation.firstMessage", "matches",
        R"("^merhaba")", R"("Merhaba")", false, true);
    row("text matches, a text with a surrogate pair", "tr", "conversation.firstMessage", "matches",
        R"("merhaba 👋 ılık")", R"("MERHABA 👋 ILIK")", true);
    row("text matches, never in a text with a lone surrogate", "tr", "conversation.firstMessage",
        "matches", R"("merhaba")", "\"merhaba \\ud800\"", false);
    row("text isEmpty, empty text", "en", "contact.fullname", "isEmpty", "", R"("")", true);
    row("text isEmpty, white space only", "en", "contact.fullname", "isEmpty", "", "\" \\t\\n\"",
        true);
    row("text isEmpty, a text", "en", "contact.fullname", "isEmpty", "", R"("x")", false);
    row("text isEmpty, null", "en", "contact.fullname", "isEmpty", "", "null", true);
    row("text isNotEmpty, a text", "en", "contact.fullname", "isNotEmpty", "", R"("x")", true);
    row("text isNotEmpty, white space only", "en", "contact.fullname", "isNotEmpty", "", R"("  ")",
        false);
    row("text caseSensitive equals, other case", "tr", "contact.fullname", "equals", R"("ayşe")",
        R"("Ayşe")", false, true);
    row("text caseSensitive equals, same", "tr", "contact.fullname", "equals", R"("Ayşe")",
        R"("Ayşe")", true, true);
    row("text caseSensitive equals, after NFC", "tr", "contact.fullname", "equals",
        "\"S\\u0327ule\"", R"("Şule")", true, true);
    row("text caseSensitive contains, same case", "en", "conversation.firstMessage", "contains",
        R"("VIP")", R"("a VIP guest")", true, true);
    row("text caseSensitive contains, other case", "en", "conversation.firstMessage", "contains",
        R"("vip")", R"("a VIP guest")", false, true);
    row("text caseSensitive in", "en", "contact.city", "in", R"(["ankara"])", R"("Ankara")", false,
        true);

    // Absent and null, for text
    row("absent: equals is false", "en", "contact.fullname", "equals", R"("Ali")", "", false);
    row("absent: notEquals is true", "en", "contact.fullname", "notEquals", R"("Ali")", "", true);
    row("absent: contains is false", "en", "contact.fullname", "contains", R"("A")", "", false);
    row("absent: notContains is true", "en", "contact.fullname", "notContains", R"("A")", "", true);
    row("absent: startsWith is false", "en", "contact.fullname", "startsWith", R"("A")", "", false);
    row("absent: endsWith is false", "en", "contact.fullname", "endsWith", R"("A")", "", false);
    row("absent: matches is false", "en", "contact.fullname", "matches", R"(".*")", "", false);
    row("absent: in is false", "en", "contact.city", "in", R"(["A"])", "", false);
    row("absent: isEmpty is true", "en", "contact.fullname", "isEmpty", "", "", true);
    row("absent: isNotEmpty is false", "en", "contact.fullname", "isNotEmpty", "", "", false);
    row("null: equals is false", "en", "contact.fullname", "equals", R"("Ali")", "null", false);
    row("null: notEquals is true", "en", "contact.fullname", "notEquals", R"("Ali")", "null", true);

    // Lists of text
    row("list contains, member", "en", "contact.tags", "contains", R"("VIP")", R"(["VIP", "Gold"])",
        true);
    row("list contains, member folded", "en", "contact.tags", "contains", R"("vip")",
        R"(["VIP", "Gold"])", true);
    row("list contains, Turkish member folded", "tr", "contact.tags", "contains",
        R"("istanbul bölgesi")", R"(["İSTANBUL BÖLGESİ"])", true);
    row("list contains is membership, not substring", "en", "contact.tags", "contains", R"("VI")",
        R"(["VIP"])", false);
    row("list contains, a number element reads as text", "en", "contact.tags", "contains",
        R"("42")", R"([42, {"x": 1}, null])", true);
    row("list contains, a list of numbers read in place", "en", "contact.tags", "contains",
        R"("-7")", R"([42, -7])", true);
    row("list contains, a fraction element reads as text", "en", "contact.tags", "contains",
        R"("4.5")", R"(["a", 4.5])", true);
    row("list contains, a boolean element reads as text", "en", "contact.tags", "contains",
        R"("true")", R"(["a", true])", true);
    row("text contains, a number reads as text", "en", "contact.fullname", "contains", R"("23")",
        R"(1234)", true);
    row("text contains, a null is absent", "en", "contact.fullname", "notContains", R"("x")",
        "null", true);
    row("text matches, a number reads as text", "en", "contact.fullname", "matches", R"("^-?12")",
        R"(-123)", true);
    row("text contains, a lone surrogate", "en", "contact.fullname", "contains", R"("b")",
        R"("a\ud800b")", true);
    row("list contains, caseSensitive", "en", "contact.tags", "contains", R"("vip")", R"(["VIP"])",
        false, true);
    row("list notContains, not a member", "en", "contact.tags", "notContains", R"("VIP")",
        R"(["Gold"])", true);
    row("list notContains, a member", "tr", "contact.tags", "notContains", R"("vıp")", R"(["VIP"])",
        false);
    row("list notContains, empty list", "en", "contact.tags", "notContains", R"("VIP")", "[]",
        true);
    row("list contains, absent", "en", "contact.tags", "contains", R"("VIP")", "", false);
    row("list notContains, absent", "en", "contact.tags", "notContains", R"("VIP")", "", true);
    row("list contains, a text is a mismatch", "en", "contact.tags", "contains", R"("VIP")",
        R"("VIP")", false);
    row("list notContains, a text is a mismatch", "en", "contact.tags", "notContains", R"("VIP")",
        R"("Gold")", false);
    row("list isEmpty, empty list", "en", "contact.tags", "isEmpty", "", "[]", true);
    row("list isEmpty, a member", "en", "contact.tags", "isEmpty", "", R"(["VIP"])", false);
    row("list isEmpty, absent", "en", "contact.tags", "isEmpty", "", "", true);
    row("list isNotEmpty, a member", "en", "contact.tags", "isNotEmpty", "", R"(["VIP"])", true);
    row("list isNotEmpty, empty list", "en", "contact.tags", "isNotEmpty", "", "[]", false);

    // One of a fixed set
    row("oneOf equals, folded", "en", "contact.platform", "equals", R"("whatsapp")",
        R"("WhatsApp")", true);
    row("oneOf equals, other value", "en", "contact.platform", "equals", R"("Instagram")",
        R"("WhatsApp")", false);
    row("oneOf notEquals, other value", "en", "contact.platform", "notEquals", R"("Instagram")",
        R"("WhatsApp")", true);
    row("oneOf notEquals, same value", "tr", "contact.platform", "notEquals", R"("SMS")",
        R"("sms")", false);
    row("oneOf in, listed", "en", "contact.platform", "in", R"(["Instagram", "WhatsApp"])",
        R"("WhatsApp")", true);
    row("oneOf in, not listed", "en", "contact.platform", "in", R"(["Instagram", "Web"])",
        R"("WhatsApp")", false);
    row("oneOf isEmpty, absent", "en", "contact.platform", "isEmpty", "", "", true);
    row("oneOf isNotEmpty, present", "en", "contact.platform", "isNotEmpty", "", R"("Web")", true);
    row("oneOf equals, outcome", "en", "conversation.outcome", "equals", R"("resolved")",
        R"("resolved")", true);

    // Numbers
    row("number greaterThan, above", "en", "contact.score", "greaterThan", "50", "82", true);
    row("number greaterThan, equal", "en", "contact.score", "greaterThan", "50", "50", false);
    row("number lessThan, below", "en", "contact.score", "lessThan", "50", "10", true);
    row("number lessThan, equal", "en", "contact.score", "lessThan", "50", "50", false);
    row("number atLeast, equal", "en", "contact.score", "atLeast", "50", "50", true);
    row("number atLeast, below", "en", "contact.score", "atLeast", "50", "49.5", false);
    row("number atMost, equal", "en", "contact.score", "atMost", "50", "50", true);
    row("number atMost, above", "en", "contact.score", "atMost", "50", "51", false);
    row("number equals, same", "en", "contact.score", "equals", "42", "42", true);
    row("number equals, numeric text", "en", "contact.score", "equals", "42", R"("42")", true);
    row("number equals, numeric text with spaces", "en", "contact.score", "equals", "42",
        R"(" 42 ")", true);
    row("number equals, other", "en", "contact.score", "equals", "42", "43", false);
    row("number notEquals, other", "en", "contact.score", "notEquals", "42", "43", true);
    row("number notEquals, same", "en", "contact.score", "notEquals", "42", "42.0", false);
    row("number in, listed", "en", "conversation.rating", "in", "[1, 2, 3]", "2", true);
    row("number in, not listed", "en", "conversation.rating", "in", "[1, 2, 3]", "4", false);
    row("number greaterThan, exponent text", "en", "contact.score", "greaterThan", "40",
        R"("4.5e1")", true);
    row("number greaterThan, not a number", "en", "contact.score", "greaterThan", "40", R"("abc")",
        false);
    row("number notEquals, not a number is a mismatch", "en", "contact.score", "notEquals", "40",
        R"("abc")", false);
    row("number greaterThan, a list is a mismatch", "en", "contact.score", "greaterThan", "40",
        "[50]", false);
    row("number greaterThan, true is a mismatch", "en", "contact.score", "greaterThan", "0", "true",
        false);
    row("number greaterThan, infinity text is a mismatch", "en", "contact.score", "greaterThan",
        "0", R"("inf")", false);
    row("number greaterThan, absent", "en", "contact.score", "greaterThan", "0", "", false);
    row("number notEquals, absent", "en", "contact.score", "notEquals", "0", "", true);
    row("number isEmpty, zero is not empty", "en", "contact.score", "isEmpty", "", "0", false);
    row("number isNotEmpty, zero", "en", "contact.score", "isNotEmpty", "", "0", true);

    // Date-times
    row("dateTime equals, same instant in another zone", "en", "conversation.startedAt", "equals",
        R"("2026-11-21T10:30:00Z")", R"("2026-11-21T13:30:00+03:00")", true);
    row("dateTime equals, other instant", "en", "conversation.startedAt", "equals",
        R"("2026-11-21T10:30:00Z")", R"("2026-11-21T10:30:01Z")", false);
    row("dateTime equals, no offset is UTC", "en", "conversation.startedAt", "equals",
        R"("2026-11-21T10:30:00")", R"("2026-11-21T10:30:00Z")", true);
    row("dateTime notEquals, other instant", "en", "conversation.startedAt", "notEquals",
        R"("2026-11-21T10:30:00Z")", R"("2026-11-22T10:30:00Z")", true);
    row("dateTime greaterThan, later", "en", "conversation.startedAt", "greaterThan",
        R"("2026-11-21T10:00:00Z")", R"("2026-11-21T10:30:00Z")", true);
    row("dateTime greaterThan, a millisecond earlier", "en", "conversation.startedAt",
        "greaterThan", R"("2026-11-21T10:00:00Z")", R"("2026-11-21T09:59:59.999Z")", false);
    row("dateTime lessThan, milliseconds", "en", "conversation.startedAt", "lessThan",
        R"("2026-11-21T10:00:00.500Z")", R"("2026-11-21T10:00:00.499Z")", true);
    row("dateTime lessThan, offset makes it later", "en", "conversation.startedAt", "lessThan",
        R"("2026-11-21T10:00:00Z")", R"("2026-11-21T10:30:00-01:00")", false);
    row("dateTime atLeast, same instant", "en", "conversation.startedAt", "atLeast",
        R"("2026-11-21T10:30:00Z")", R"("2026-11-21T10:30:00.000Z")", true);
    row("dateTime atMost, date alone is midnight UTC", "en", "conversation.startedAt", "atMost",
        R"("2026-11-21")", R"("2026-11-21T00:00:00Z")", true);
    row("dateTime atMost, later than the date", "en", "conversation.startedAt", "atMost",
        R"("2026-11-21")", R"("2026-11-21T00:00:01Z")", false);
    row("dateTime greaterThan, not a date is a mismatch", "en", "conversation.startedAt",
        "greaterThan", R"("2026-11-21")", R"("yesterday")", false);
    row("dateTime notEquals, a number is a mismatch", "en", "conversation.startedAt", "notEquals",
        R"("2026-11-21")", "1795257000000", false);
    row("dateTime greaterThan, absent", "en", "conversation.startedAt", "greaterThan",
        R"("2026-11-21")", "", false);
    row("dateTime isEmpty, present", "en", "conversation.startedAt", "isEmpty", "",
        R"("2026-11-21T10:30:00Z")", false);
    row("dateTime of the event itself", "en", "event.occurredAt", "atLeast",
        R"("2026-11-21T10:30:00Z")", R"("2026-11-21T10:30:00Z")", true);
}

void TestConditions::leaf()
{
    QFETCH(QString, language);
    QFETCH(QString, field);
    QFETCH(QString, op);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, actual);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, expected);

    const std::optional<Operator> oper = operatorFromId(op);
    QVERIFY(oper);
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(Condition::leaf(field, *oper, jsonValue(value), caseSensitive),
                                   languageOf(language), testCatalog(), IfPointer, &problems);
    QCOMPARE(describe(problems), QStringList());

    const EventContext context(eventWith(field, jsonValue(actual)));
    QCOMPARE(compiled.matches(context), expected);

    // The traced evaluation agrees, and traces the leaf. It reads the field as a QJsonValue,
    // where the untraced one reads texts and lists in place from the compact form: a context of
    // its own, so that nothing the first one remembered is reused.
    const EventContext traced(eventWith(field, jsonValue(actual)));
    ConditionTrace trace;
    QCOMPARE(compiled.evaluate(traced, &trace, Language::English) == ConditionVerdict::True,
             expected);
    QCOMPARE(trace.kind, Condition::Kind::Leaf);
    QCOMPARE(trace.result, expected);
    QCOMPARE(trace.field, field);
    QCOMPARE(trace.op, *oper);
    QCOMPARE(trace.actual, jsonValue(actual));
    QVERIFY(!trace.explanation.isEmpty());
}

// ----- Groups

void TestConditions::groups_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<bool>("expected");

    // In the event below: VIP is a tag (true), the score is 82 (greaterThan 90 is false).
    const QByteArray yes = R"({"field": "contact.tags", "op": "contains", "value": "VIP"})";
    const QByteArray no = R"({"field": "contact.score", "op": "greaterThan", "value": 90})";

    QTest::newRow("empty all is true") << QByteArray(R"({"all": []})") << true;
    QTest::newRow("empty any is false") << QByteArray(R"({"any": []})") << false;
    QTest::newRow("not of empty any is true") << QByteArray(R"({"not": {"any": []}})") << true;
    QTest::newRow("not of empty all is false") << QByteArray(R"({"not": {"all": []}})") << false;
    QTest::newRow("all of true, true")
        << QByteArray("{\"all\": [" + yes + "," + yes + "]}") << true;
    QTest::newRow("all of true, false")
        << QByteArray("{\"all\": [" + yes + "," + no + "]}") << false;
    QTest::newRow("all of false, true")
        << QByteArray("{\"all\": [" + no + "," + yes + "]}") << false;
    QTest::newRow("any of false, true")
        << QByteArray("{\"any\": [" + no + "," + yes + "]}") << true;
    QTest::newRow("any of false, false")
        << QByteArray("{\"any\": [" + no + "," + no + "]}") << false;
    QTest::newRow("not of true") << QByteArray("{\"not\": " + yes + "}") << false;
    QTest::newRow("not of false") << QByteArray("{\"not\": " + no + "}") << true;
    QTest::newRow("not not of true") << QByteArray("{\"not\": {\"not\": " + yes + "}}") << true;
    QTest::newRow("any of all(false) and not(false)")
        << QByteArray("{\"any\": [{\"all\": [" + no + "]}, {\"not\": " + no + "}]}") << true;
    QTest::newRow("all of any(true, false) and not(any(false))") << QByteArray(
        "{\"all\": [{\"any\": [" + yes + "," + no + "]}, {\"not\": {\"any\": [" + no + "]}}]}")
                                                                 << true;
    QTest::newRow("all of any() and true")
        << QByteArray("{\"all\": [{\"any\": []}," + yes + "]}") << false;
}

void TestConditions::groups()
{
    QFETCH(QByteArray, condition);
    QFETCH(bool, expected);
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(conditionFromJson(jsonValue(condition)), Language::English,
                                   testCatalog(), IfPointer, &problems);
    QCOMPARE(describe(problems), QStringList());
    const EventContext context(jsonObject(R"({"contact": {"tags": ["VIP"], "score": 82}})"));
    QCOMPARE(compiled.matches(context), expected);
    ConditionTrace trace;
    QCOMPARE(compiled.evaluate(context, &trace, Language::Turkish) == ConditionVerdict::True,
             expected);
    QCOMPARE(trace.result, expected);
}

// An EventContext remembers a field's folded text and whether an expression is found in it;
// conditions of other languages and case sensitivities evaluated with the same context must get
// what each gets with a context of its own.
void TestConditions::oneContextServesEveryLanguageAndCase()
{
    const QList<std::pair<QByteArray, Language>> cases{
        {R"({"field": "conversation.firstMessage", "op": "contains", "value": "ilik"})",
         Language::English},
        {R"({"field": "conversation.firstMessage", "op": "contains", "value": "ilik"})",
         Language::Turkish},
        {R"({"field": "conversation.firstMessage", "op": "contains", "value": "ılık"})",
         Language::Turkish},
        {R"({"field": "conversation.firstMessage", "op": "contains", "value": "ılık", "caseSensitive": true})",
         Language::Turkish},
        {R"({"field": "conversation.firstMessage", "op": "contains", "value": "ILIK", "caseSensitive": true})",
         Language::Turkish},
        {R"({"field": "conversation.firstMessage", "op": "matches", "value": "^ılık"})",
         Language::Turkish},
        {R"({"field": "conversation.firstMessage", "op": "matches", "value": "^ılık"})",
         Language::English},
        {R"({"field": "conversation.firstMessage", "op": "matches", "value": "^ILIK", "caseSensitive": true})",
         Language::Turkish},
        {R"({"field": "conversation.firstMessage", "op": "matches", "value": "^ılık", "caseSensitive": true})",
         Language::Turkish},
    };
    const QJsonObject event = jsonObject(R"({"conversation": {"firstMessage": "ILIK SU"}})");
    QList<bool> alone;
    for (const auto &[condition, language] : cases)
        alone.append(compileOk(condition, language).matches(EventContext(event)));
    // "ILIK" reads "ılık" in Turkish, "ilik" in English.
    QCOMPARE(alone.mid(0, 5), QList<bool>({true, false, true, false, true}));
    QCOMPARE(alone.at(5), true);
    QCOMPARE(alone.mid(7, 2), QList<bool>({true, false}));

    // Forwards and backwards, so that each kind is both the first and the last one remembered.
    for (const bool backwards : {false, true}) {
        const EventContext shared(event);
        for (qsizetype n = 0; n < cases.size(); ++n) {
            const qsizetype i = backwards ? cases.size() - 1 - n : n;
            const CompiledCondition compiled = compileOk(cases.at(i).first, cases.at(i).second);
            QVERIFY2(compiled.matches(shared) == alone.at(i), cases.at(i).first.constData());
        }
    }
}

void TestConditions::emptyConditionMatchesEverything()
{
    const CompiledCondition always;
    QVERIFY(always.matches(EventContext()));
    ConditionTrace trace;
    trace.explanation = QStringLiteral("left over from an earlier use");
    QVERIFY(always.evaluate(EventContext(), &trace, Language::English) == ConditionVerdict::True);
    QCOMPARE(compact(trace.toJson()), QStringLiteral(R"({"all":[],"result":true})"));
}

void TestConditions::compiledConditionMoves()
{
    CompiledCondition compiled = compileOk(
        R"({"field": "contact.tags", "op": "contains", "value": "VIP"})", Language::English);
    CompiledCondition moved(std::move(compiled));
    const EventContext vip(jsonObject(R"({"contact": {"tags": ["VIP"]}})"));
    const EventContext other(jsonObject(R"({"contact": {"tags": ["Gold"]}})"));
    QVERIFY(moved.matches(vip));
    QVERIFY(!moved.matches(other));
    CompiledCondition assigned;
    assigned = std::move(moved);
    QVERIFY(assigned.matches(vip));
    QVERIFY(!assigned.matches(other));
}

// ----- Traces

void TestConditions::traceEvaluatesEveryLeaf()
{
    // Both groups are decided by their first member; the trace still shows the second.
    const CompiledCondition compiled = compileOk(
        R"({"all": [
              {"any": [{"field": "contact.tags", "op": "contains", "value": "VIP"},
                       {"field": "contact.score", "op": "greaterThan", "value": 90}]},
              {"all": [{"field": "contact.score", "op": "greaterThan", "value": 90},
                       {"field": "contact.platform", "op": "equals", "value": "WhatsApp"}]}
            ]})",
        Language::English);
    const EventContext context(
        jsonObject(R"({"contact": {"tags": ["VIP"], "score": 82, "platform": "WhatsApp"}})"));
    QVERIFY(!compiled.matches(context));
    ConditionTrace trace;
    QVERIFY(compiled.evaluate(context, &trace, Language::English) != ConditionVerdict::True);
    QCOMPARE(trace.children.size(), std::size_t(2));
    QCOMPARE(trace.children[0].children.size(), std::size_t(2));
    QCOMPARE(trace.children[1].children.size(), std::size_t(2));
    QCOMPARE(trace.children[0].result, true);
    QCOMPARE(trace.children[0].children[0].result, true);
    QCOMPARE(trace.children[0].children[1].result, false);
    QCOMPARE(trace.children[1].result, false);
    QCOMPARE(trace.children[1].children[0].result, false);
    QCOMPARE(trace.children[1].children[1].result, true);
    QCOMPARE(trace.children[1].children[1].explanation,
             QStringLiteral("Contact Platform \"WhatsApp\" equals \"WhatsApp\": yes"));
}

void TestConditions::traceJson_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("English") << QStringLiteral("en") << QByteArray(R"({"all": [
        {"field": "contact.tags", "op": "contains", "value": "VIP", "actual": ["VIP", "Gold"],
         "result": true, "explanation": "Contact Tags [\"VIP\",\"Gold\"] contains \"VIP\": yes"},
        {"field": "contact.score", "op": "greaterThan", "value": 90, "actual": 82,
         "result": false, "explanation": "Lead Score 82 is greater than 90: no"},
        {"not": {"field": "contact.platform", "op": "equals", "value": "Instagram",
                 "actual": "WhatsApp", "result": false,
                 "explanation": "Contact Platform \"WhatsApp\" equals \"Instagram\": no"},
         "result": true},
        {"field": "contact.fullname", "op": "isEmpty", "absent": true, "result": true,
         "explanation": "Full Name (none) is empty: yes"},
        {"any": [], "result": false}
      ], "result": false})");
    QTest::newRow("Turkish") << QStringLiteral("tr") << QByteArray(R"({"all": [
        {"field": "contact.tags", "op": "contains", "value": "VIP", "actual": ["VIP", "Gold"],
         "result": true,
         "explanation": "Kişinin Etiketleri [\"VIP\",\"Gold\"], \"VIP\" değerini içerir: evet"},
        {"field": "contact.score", "op": "greaterThan", "value": 90, "actual": 82,
         "result": false, "explanation": "Skor 82, 90 değerinden büyük: hayır"},
        {"not": {"field": "contact.platform", "op": "equals", "value": "Instagram",
                 "actual": "WhatsApp", "result": false,
                 "explanation": "Kişinin Platformu \"WhatsApp\", \"Instagram\" değerine eşit: hayır"},
         "result": true},
        {"field": "contact.fullname", "op": "isEmpty", "absent": true, "result": true,
         "explanation": "Ad Soyad (yok) boş: evet"},
        {"any": [], "result": false}
      ], "result": false})");
}

void TestConditions::traceJson()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, expected);
    const CompiledCondition compiled = compileOk(
        R"({"all": [
              {"field": "contact.tags", "op": "contains", "value": "VIP"},
              {"field": "contact.score", "op": "greaterThan", "value": 90},
              {"not": {"field": "contact.platform", "op": "equals", "value": "Instagram"}},
              {"field": "contact.fullname", "op": "isEmpty"},
              {"any": []}
            ]})",
        Language::English);
    const EventContext context(jsonObject(
        R"({"contact": {"tags": ["VIP", "Gold"], "score": 82, "platform": "WhatsApp"}})"));
    ConditionTrace trace;
    QVERIFY(compiled.evaluate(context, &trace, languageOf(language)) != ConditionVerdict::True);
    QCOMPARE(compact(trace.toJson()), compact(jsonObject(expected)));
}

void TestConditions::explanation_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *language, const char *condition,
                        const char *event, const char16_t *expected) {
        QTest::newRow(name) << QString::fromUtf8(language) << QByteArray(condition)
                            << QByteArray(event) << QString::fromUtf16(expected);
    };
    const char *tags = R"({"contact": {"tags": ["VIP", "Gold"]}})";
    row("en contains", "en", R"({"field": "contact.tags", "op": "contains", "value": "VIP"})", tags,
        u"Contact Tags [\"VIP\",\"Gold\"] contains \"VIP\": yes");
    row("tr contains", "tr", R"({"field": "contact.tags", "op": "contains", "value": "VIP"})", tags,
        u"Kişinin Etiketleri [\"VIP\",\"Gold\"], \"VIP\" değerini içerir: evet");
    row("en notContains", "en", R"({"field": "contact.tags", "op": "notContains", "value": "VIP"})",
        tags, u"Contact Tags [\"VIP\",\"Gold\"] does not contain \"VIP\": no");
    row("tr notContains", "tr", R"({"field": "contact.tags", "op": "notContains", "value": "VIP"})",
        tags, u"Kişinin Etiketleri [\"VIP\",\"Gold\"], \"VIP\" değerini içermez: hayır");
    row("en equals absent", "en",
        R"({"field": "contact.fullname", "op": "equals", "value": "Ali"})", "{}",
        u"Full Name (none) equals \"Ali\": no");
    row("tr notEquals absent", "tr",
        R"({"field": "contact.fullname", "op": "notEquals", "value": "Ali"})", "{}",
        u"Ad Soyad (yok), \"Ali\" değerine eşit değil: evet");
    row("en startsWith", "en",
        R"({"field": "contact.fullname", "op": "startsWith", "value": "ay"})",
        R"({"contact": {"fullname": "Ayşe"}})", u"Full Name \"Ayşe\" starts with \"ay\": yes");
    row("tr startsWith", "tr",
        R"({"field": "contact.fullname", "op": "startsWith", "value": "ay"})",
        R"({"contact": {"fullname": "Ayşe"}})", u"Ad Soyad \"Ayşe\", \"ay\" ile başlar: evet");
    row("en endsWith", "en", R"({"field": "contact.fullname", "op": "endsWith", "value": "x"})",
        R"({"contact": {"fullname": "Ayşe"}})", u"Full Name \"Ayşe\" ends with \"x\": no");
    row("tr endsWith", "tr", R"({"field": "contact.fullname", "op": "endsWith", "value": "x"})",
        R"({"contact": {"fullname": "Ayşe"}})", u"Ad Soyad \"Ayşe\", \"x\" ile biter: hayır");
    row("en matches", "en", R"({"field": "contact.fullname", "op": "matches", "value": "^A"})",
        R"({"contact": {"fullname": "Ayşe"}})", u"Full Name \"Ayşe\" matches \"^A\": yes");
    row("tr matches", "tr", R"({"field": "contact.fullname", "op": "matches", "value": "^A"})",
        R"({"contact": {"fullname": "Ayşe"}})",
        u"Ad Soyad \"Ayşe\", \"^A\" düzenli ifadesine uyar: evet");
    row("en isNotEmpty", "en", R"({"field": "contact.tags", "op": "isNotEmpty"})", tags,
        u"Contact Tags [\"VIP\",\"Gold\"] is not empty: yes");
    row("tr isNotEmpty", "tr", R"({"field": "contact.tags", "op": "isNotEmpty"})", tags,
        u"Kişinin Etiketleri [\"VIP\",\"Gold\"] boş değil: evet");
    row("en lessThan", "en", R"({"field": "contact.score", "op": "lessThan", "value": 50})",
        R"({"contact": {"score": 82}})", u"Lead Score 82 is less than 50: no");
    row("tr lessThan", "tr", R"({"field": "contact.score", "op": "lessThan", "value": 50})",
        R"({"contact": {"score": 82}})", u"Skor 82, 50 değerinden küçük: hayır");
    row("en atLeast", "en", R"({"field": "contact.score", "op": "atLeast", "value": 82.5})",
        R"({"contact": {"score": 82}})", u"Lead Score 82 is at least 82.5: no");
    row("tr atLeast", "tr", R"({"field": "contact.score", "op": "atLeast", "value": 50})",
        R"({"contact": {"score": 82}})", u"Skor 82, en az 50: evet");
    row("en atMost", "en", R"({"field": "contact.score", "op": "atMost", "value": 100})",
        R"({"contact": {"score": 82}})", u"Lead Score 82 is at most 100: yes");
    row("tr atMost", "tr", R"({"field": "contact.score", "op": "atMost", "value": 100})",
        R"({"contact": {"score": 82}})", u"Skor 82, en fazla 100: evet");
    row("en in", "en", R"({"field": "contact.platform", "op": "in", "value": ["Web", "WhatsApp"]})",
        R"({"contact": {"platform": "WhatsApp"}})",
        u"Contact Platform \"WhatsApp\" is one of [\"Web\",\"WhatsApp\"]: yes");
    row("tr in", "tr", R"({"field": "contact.platform", "op": "in", "value": ["Web", "WhatsApp"]})",
        R"({"contact": {"platform": "WhatsApp"}})",
        u"Kişinin Platformu \"WhatsApp\", [\"Web\",\"WhatsApp\"] değerlerinden biri: evet");
    row("en date-time", "en",
        R"({"field": "conversation.startedAt", "op": "greaterThan", "value": "2026-11-21"})",
        R"({"conversation": {"startedAt": "2026-11-21T10:30:00Z"}})",
        u"Started At \"2026-11-21T10:30:00Z\" is greater than \"2026-11-21\": yes");
    row("en mismatch: not a number", "en",
        R"({"field": "contact.score", "op": "greaterThan", "value": 50})",
        R"({"contact": {"score": "abc"}})",
        u"Lead Score \"abc\" is greater than 50: no (the value is not a number)");
    row("tr mismatch: not a number", "tr",
        R"({"field": "contact.score", "op": "greaterThan", "value": 50})",
        R"({"contact": {"score": "abc"}})",
        u"Skor \"abc\", 50 değerinden büyük: hayır (değer sayı değil)");
    row("en mismatch: not a list", "en",
        R"({"field": "contact.tags", "op": "contains", "value": "VIP"})",
        R"({"contact": {"tags": "VIP"}})",
        u"Contact Tags \"VIP\" contains \"VIP\": no (the value is not a list)");
    row("tr mismatch: not text", "tr",
        R"({"field": "contact.fullname", "op": "equals", "value": "Ali"})",
        R"({"contact": {"fullname": {"first": "Ali"}}})",
        u"Ad Soyad {…}, \"Ali\" değerine eşit: hayır (değer metin değil)");
    row("en mismatch: not a date-time", "en",
        R"({"field": "conversation.startedAt", "op": "lessThan", "value": "2026-11-21"})",
        R"({"conversation": {"startedAt": "dün"}})",
        u"Started At \"dün\" is less than \"2026-11-21\": no (the value is not a date and time)");
    row("en null", "en", R"({"field": "contact.fullname", "op": "isEmpty"})",
        R"({"contact": {"fullname": null}})", u"Full Name null is empty: yes");
    row("en long value is shortened", "en",
        R"({"field": "contact.fullname", "op": "contains", "value": "z"})",
        R"({"contact": {"fullname": "0123456789012345678901234567890123456789012345678901234567890123456789"}})",
        u"Full Name \"012345678901234567890123456789012345678901234567890123456789…\" contains "
        u"\"z\": no");
    row("en control characters are escaped", "en",
        R"({"field": "contact.fullname", "op": "contains", "value": "\u0000"})",
        R"({"contact": {"fullname": "a\u0000\"b\n"}})",
        u"Full Name \"a\\u0000\\\"b\\n\" contains \"\\u0000\": yes");
    row("en a problem never matches", "en",
        R"({"field": "contact.fulname", "op": "notEquals", "value": "x"})",
        R"({"contact": {"fulname": "y"}})",
        u"contact.fulname \"y\" does not equal \"x\": no (the condition has an error and never "
        u"matches)");
    row("tr a problem never matches", "tr",
        R"({"field": "contact.score", "op": "contains", "value": "x"})",
        R"({"contact": {"score": 1}})",
        u"Skor 1, \"x\" değerini içerir: hayır (koşulda bir hata var, hiçbir zaman eşleşmez)");
}

void TestConditions::explanation()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, condition);
    QFETCH(QByteArray, event);
    QFETCH(QString, expected);
    // The rule set's language is English: the trace's language is chosen on its own.
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(conditionFromJson(jsonValue(condition)), Language::English,
                                   testCatalog(), IfPointer, &problems);
    ConditionTrace trace;
    compiled.evaluate(EventContext(jsonObject(event)), &trace, languageOf(language));
    QCOMPARE(trace.explanation, expected);
    QCOMPARE(trace.toJson().value(QLatin1String("explanation")).toString(), expected);
}

// ----- Problems found while compiling

void TestConditions::problems_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<QStringList>("expected"); // "pointer message", "warning: pointer message"

    const auto row = [](const char *name, const char *condition,
                        std::initializer_list<const char16_t *> expected) {
        QStringList problems;
        for (const char16_t *p : expected)
            problems.append(QString::fromUtf16(p));
        QTest::newRow(name) << QByteArray(condition) << problems;
    };

    row("unknown field, with a suggestion",
        R"({"field": "contact.fulname", "op": "equals", "value": "x"})",
        {uR"(/rules/2/if/field Unknown field "contact.fulname". Did you mean "contact.fullname"?)"});
    row("unknown field, nothing close", R"({"field": "foo.bar", "op": "equals", "value": "x"})",
        {uR"(/rules/2/if/field Unknown field "foo.bar".)"});
    row("no field", R"({"field": "", "op": "isEmpty"})",
        {u"/rules/2/if/field A condition needs a field."});
    row("leaf under all[0]",
        R"({"all": [{"field": "contact.tag", "op": "contains", "value": "x"}]})",
        {uR"(/rules/2/if/all/0/field Unknown field "contact.tag". Did you mean "contact.tags"?)"});
    row("leaf under any[1] and not",
        R"({"any": [{"field": "contact.tags", "op": "isEmpty"},
                    {"not": {"field": "contact.scor", "op": "isEmpty"}}]})",
        {uR"(/rules/2/if/any/1/not/field Unknown field "contact.scor". Did you mean "contact.score"?)"});
    row("operator for numbers on a text field",
        R"({"field": "contact.fullname", "op": "greaterThan", "value": 3})",
        {uR"(/rules/2/if/op The operator "greaterThan" does not apply to the text field "contact.fullname"; use one of: equals, notEquals, contains, notContains, startsWith, endsWith, matches, isEmpty, isNotEmpty, in.)"});
    row("operator for text on a number field",
        R"({"field": "contact.score", "op": "contains", "value": "3"})",
        {uR"(/rules/2/if/op The operator "contains" does not apply to the number field "contact.score"; use one of: equals, notEquals, isEmpty, isNotEmpty, greaterThan, lessThan, atLeast, atMost, in.)"});
    row("startsWith on a list field",
        R"({"field": "contact.tags", "op": "startsWith", "value": "V"})",
        {uR"(/rules/2/if/op The operator "startsWith" does not apply to the list field "contact.tags"; use one of: contains, notContains, isEmpty, isNotEmpty.)"});
    row("contains on a one-of field",
        R"({"field": "contact.platform", "op": "contains", "value": "Web"})",
        {uR"(/rules/2/if/op The operator "contains" does not apply to the field "contact.platform", which holds one of a fixed set of values; use one of: equals, notEquals, isEmpty, isNotEmpty, in.)"});
    row("in on a date-time field",
        R"({"field": "conversation.startedAt", "op": "in", "value": ["2026-11-21"]})",
        {uR"(/rules/2/if/op The operator "in" does not apply to the date-time field "conversation.startedAt"; use one of: equals, notEquals, isEmpty, isNotEmpty, greaterThan, lessThan, atLeast, atMost.)"});
    row("value missing", R"({"field": "contact.fullname", "op": "equals"})",
        {uR"(/rules/2/if/value The operator "equals" needs a value.)"});
    row("value must be absent", R"({"field": "contact.fullname", "op": "isEmpty", "value": ""})",
        {uR"(/rules/2/if/value The operator "isEmpty" takes no value; remove "value".)"});
    row("value must be a number",
        R"({"field": "contact.score", "op": "greaterThan", "value": "50"})",
        {u"/rules/2/if/value The value must be a number, such as 42."});
    row("value must be a list", R"({"field": "contact.city", "op": "in", "value": "Ankara"})",
        {uR"(/rules/2/if/value The operator "in" needs a list of values, such as ["a", "b"].)"});
    row("list element must be a number",
        R"({"field": "contact.score", "op": "in", "value": [1, "2", 3, true]})",
        {u"/rules/2/if/value/1 The value must be a number, such as 42.",
         u"/rules/2/if/value/3 The value must be a number, such as 42."});
    row("value must be text", R"({"field": "contact.fullname", "op": "equals", "value": 42})",
        {u"/rules/2/if/value The value must be text in quotes."});
    row("list element must be text", R"({"field": "contact.city", "op": "in", "value": ["A", {}]})",
        {u"/rules/2/if/value/1 The value must be text in quotes."});
    row("one-of value with a suggestion",
        R"({"field": "contact.platform", "op": "equals", "value": "Whatsap"})",
        {uR"(/rules/2/if/value "Whatsap" is not a value of "contact.platform". Did you mean "WhatsApp"? The values are: WhatsApp, Instagram, Messenger, Telegram, Web, Email, SMS.)"});
    row("one-of value, nothing close",
        R"({"field": "contact.platform", "op": "notEquals", "value": "Fax"})",
        {uR"(/rules/2/if/value "Fax" is not a value of "contact.platform"; use one of: WhatsApp, Instagram, Messenger, Telegram, Web, Email, SMS.)"});
    row("one-of list element",
        R"({"field": "conversation.outcome", "op": "in", "value": ["resolved", "resolvd"]})",
        {uR"(/rules/2/if/value/1 "resolvd" is not a value of "conversation.outcome". Did you mean "resolved"? The values are: lead_captured, handoff_requested, resolved, abandoned.)"});
    row("one-of value, case-sensitive and in another case",
        R"({"field": "contact.platform", "op": "equals", "value": "whatsapp", "caseSensitive": true})",
        {uR"(/rules/2/if/value "whatsapp" is not a value of "contact.platform". Did you mean "WhatsApp"? The values are: WhatsApp, Instagram, Messenger, Telegram, Web, Email, SMS.)"});
    row("date-time value",
        R"({"field": "conversation.startedAt", "op": "greaterThan", "value": "yesterday"})",
        {uR"(/rules/2/if/value The value must be a date and time, such as "2026-11-21T10:30:00Z".)"});
    row("date-time value that is a number",
        R"({"field": "event.occurredAt", "op": "equals", "value": 1795257000000})",
        {uR"(/rules/2/if/value The value must be a date and time, such as "2026-11-21T10:30:00Z".)"});
    row("invalid regular expression",
        R"({"field": "contact.fullname", "op": "matches", "value": "a(b"})",
        {u"/rules/2/if/value Invalid regular expression: missing closing parenthesis at character "
         u"4."});
    row("invalid regular expression, in the middle",
        R"({"field": "contact.fullname", "op": "matches", "value": "ab)c"})",
        {u"/rules/2/if/value Invalid regular expression: unmatched closing parenthesis at "
         u"character 3."});
    row("regular expression that is not text",
        R"({"field": "contact.fullname", "op": "matches", "value": ["a"]})",
        {uR"(/rules/2/if/value The value of "matches" must be a regular expression in quotes.)"});
    row("not with two conditions",
        R"({"not": [{"field": "contact.tags", "op": "isEmpty"}, {"field": "contact.tags", "op": "isEmpty"}]})",
        {uR"(/rules/2/if/not "not" must hold exactly one condition, not 2.)"});
    row("not with none", R"({"all": [{"not": []}]})",
        {uR"(/rules/2/if/all/0/not "not" must hold exactly one condition, not 0.)"});
    row("value above the field's range",
        R"({"field": "conversation.rating", "op": "equals", "value": 7})",
        {uR"(warning: /rules/2/if/value 7 is above the largest value of "conversation.rating", 5.)"});
    row("value below the field's range",
        R"({"field": "contact.score", "op": "lessThan", "value": -0.5})",
        {uR"(warning: /rules/2/if/value -0.5 is below the smallest value of "contact.score", 0.)"});
    row("every problem is reported",
        R"({"all": [{"field": "contact.fulname", "op": "equals", "value": "x"},
                    {"field": "contact.fullname", "op": "atMost", "value": 1},
                    {"any": [{"field": "contact.fullname", "op": "matches", "value": "[a-"}]},
                    {"field": "contact.tags", "op": "contains", "value": "VIP"}]})",
        {uR"(/rules/2/if/all/0/field Unknown field "contact.fulname". Did you mean "contact.fullname"?)",
         uR"(/rules/2/if/all/1/op The operator "atMost" does not apply to the text field "contact.fullname"; use one of: equals, notEquals, contains, notContains, startsWith, endsWith, matches, isEmpty, isNotEmpty, in.)",
         u"/rules/2/if/all/2/any/0/value Invalid regular expression: missing terminating ] for "
         u"character class at character 4."});
    row("no problem: one-of value in another case",
        R"({"field": "contact.platform", "op": "equals", "value": "whatsapp"})", {});
    row("no problem: empty groups", R"({"all": [{"any": []}, {"all": []}]})", {});
}

void TestConditions::problems()
{
    QFETCH(QByteArray, condition);
    QFETCH(QStringList, expected);
    Problems problems;
    CompiledCondition::compile(conditionFromJson(jsonValue(condition)), Language::English,
                               testCatalog(), IfPointer, &problems);
    QCOMPARE(describe(problems), expected);
    // Compiling without a problem list is allowed and changes nothing else.
    CompiledCondition::compile(conditionFromJson(jsonValue(condition)), Language::English,
                               testCatalog(), IfPointer, nullptr);
}

void TestConditions::conditionWithProblemsNeverMatchesByAccident_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<bool>("expected");

    QTest::newRow("notEquals with an unknown field")
        << QByteArray(R"({"field": "contact.fulname", "op": "notEquals", "value": "x"})") << false;
    QTest::newRow("not over a problem")
        << QByteArray(R"({"not": {"field": "contact.tags", "op": "greaterThan", "value": 1}})")
        << false;
    QTest::newRow("not over a group with a problem")
        << QByteArray(R"({"not": {"all": [{"field": "contact.tags", "op": "isEmpty"},
                                           {"field": "nope.nope", "op": "isEmpty"}]}})")
        << false;
    QTest::newRow("not with two conditions")
        << QByteArray(R"({"not": [{"field": "contact.tags", "op": "isEmpty"},
                                  {"field": "contact.tags", "op": "isEmpty"}]})")
        << false;
    QTest::newRow("any: the sound member still decides")
        << QByteArray(R"({"any": [{"field": "contact.fullname", "op": "matches", "value": "("},
                                  {"field": "contact.tags", "op": "contains", "value": "VIP"}]})")
        << true;
    QTest::newRow("all: a problem makes it false")
        << QByteArray(R"({"all": [{"field": "contact.fullname", "op": "isEmpty", "value": 1},
                                  {"field": "contact.tags", "op": "contains", "value": "VIP"}]})")
        << false;
    QTest::newRow("a warning does not stop a match")
        << QByteArray(R"({"field": "contact.score", "op": "atLeast", "value": -1})") << true;
}

void TestConditions::conditionWithProblemsNeverMatchesByAccident()
{
    QFETCH(QByteArray, condition);
    QFETCH(bool, expected);
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(conditionFromJson(jsonValue(condition)), Language::English,
                                   testCatalog(), IfPointer, &problems);
    QVERIFY(!problems.isEmpty());
    const EventContext context(jsonObject(R"({"contact": {"tags": ["VIP"], "score": 1}})"));
    QCOMPARE(compiled.matches(context), expected);
    ConditionTrace trace;
    QCOMPARE(compiled.evaluate(context, &trace, Language::English) == ConditionVerdict::True,
             expected);
}

// ----- Hostile input

void TestConditions::nestingUpToMaxDepth()
{
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(nested(CompiledCondition::MaxDepth), Language::English,
                                   testCatalog(), IfPointer, &problems);
    QCOMPARE(describe(problems), QStringList());
    const EventContext context(jsonObject(R"({"contact": {"tags": ["VIP"]}})"));
    QVERIFY(compiled.matches(context));
    ConditionTrace trace;
    QVERIFY(compiled.evaluate(context, &trace, Language::English) == ConditionVerdict::True);
    int depth = 1;
    for (const ConditionTrace *t = &trace; !t->children.empty(); t = &t->children.front())
        ++depth;
    QCOMPARE(depth, CompiledCondition::MaxDepth);
}

void TestConditions::nestingBeyondMaxDepth()
{
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(nested(CompiledCondition::MaxDepth + 1), Language::English,
                                   testCatalog(), IfPointer, &problems);
    QString pointer = IfPointer;
    for (int level = 1; level <= CompiledCondition::MaxDepth; ++level)
        pointer += QStringLiteral("/all/0");
    QCOMPARE(describe(problems),
             QStringList{pointer
                         + QStringLiteral(" Conditions are nested more than 32 levels deep; "
                                          "simplify this condition.")});
    const EventContext context(jsonObject(R"({"contact": {"tags": ["VIP"]}})"));
    QVERIFY(!compiled.matches(context));
}

void TestConditions::hostileNestingDoesNotOverflow()
{
    // Far deeper than any stack would survive if compiling recursed all the way down.
    constexpr int Depth = 20000;
    Condition c = Condition::leaf(QStringLiteral("contact.tags"), Operator::IsEmpty);
    for (int level = 2; level <= Depth; ++level) {
        if (level % 2) {
            std::vector<Condition> members;
            members.push_back(std::move(c));
            c = Condition::any(std::move(members));
        } else {
            c = Condition::negate(std::move(c));
        }
    }
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(c, Language::English, testCatalog(), IfPointer, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.front().pointer.startsWith(IfPointer + QStringLiteral("/not/any/0/not")));
    QVERIFY(!compiled.matches(EventContext()));
    ConditionTrace trace;
    QVERIFY(compiled.evaluate(EventContext(), &trace, Language::Turkish) != ConditionVerdict::True);
    // Unwind the model iteratively, so the test itself does not overflow either.
    while (!c.children.empty()) {
        Condition inner = std::move(c.children.front());
        c = std::move(inner);
    }
}

void TestConditions::hostileText_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QJsonValue>("actual");
    QTest::addColumn<bool>("expected");

    const QString nul = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    QTest::newRow("NUL in text and needle")
        << QStringLiteral("contact.fullname") << QStringLiteral("contains")
        << QJsonValue(QString(QChar(0))) << QJsonValue(nul) << true;
    QTest::newRow("NUL: the text goes on after it")
        << QStringLiteral("contact.fullname") << QStringLiteral("endsWith")
        << QJsonValue(QStringLiteral("B")) << QJsonValue(nul) << true;
    QTest::newRow("emoji tag") << QStringLiteral("contact.tags") << QStringLiteral("contains")
                               << QJsonValue(QString::fromUtf16(u"👍🏽"))
                               << QJsonValue(QJsonArray{QString::fromUtf16(u"👍🏽")}) << true;
    QTest::newRow("emoji skin tone is part of the text")
        << QStringLiteral("contact.tags") << QStringLiteral("contains")
        << QJsonValue(QString::fromUtf16(u"👍"))
        << QJsonValue(QJsonArray{QString::fromUtf16(u"👍🏽")}) << false;
    QTest::newRow("right-to-left text")
        << QStringLiteral("contact.fullname") << QStringLiteral("equals")
        << QJsonValue(QString::fromUtf16(u"שלום مرحبا"))
        << QJsonValue(QString::fromUtf16(u"שלום مرحبا")) << true;
    QTest::newRow("right-to-left mark is a character")
        << QStringLiteral("contact.fullname") << QStringLiteral("equals")
        << QJsonValue(QString::fromUtf16(u"שלום")) << QJsonValue(QString::fromUtf16(u"\u200Fשלום"))
        << false;
    QTest::newRow("lone surrogate")
        << QStringLiteral("contact.fullname") << QStringLiteral("contains")
        << QJsonValue(QStringLiteral("x")) << QJsonValue(QString(QChar(0xD800))) << false;
}

void TestConditions::hostileText()
{
    QFETCH(QString, field);
    QFETCH(QString, op);
    QFETCH(QJsonValue, value);
    QFETCH(QJsonValue, actual);
    QFETCH(bool, expected);
    for (const Language language : {Language::English, Language::Turkish}) {
        Problems problems;
        const CompiledCondition compiled =
            CompiledCondition::compile(Condition::leaf(field, *operatorFromId(op), value), language,
                                       testCatalog(), IfPointer, &problems);
        QCOMPARE(describe(problems), QStringList());
        const EventContext context(eventWith(field, actual));
        QCOMPARE(compiled.matches(context), expected);
        ConditionTrace trace;
        QCOMPARE(compiled.evaluate(context, &trace, language) == ConditionVerdict::True, expected);
        QVERIFY(!trace.explanation.isEmpty());
    }
}

void TestConditions::megabyteHaystack()
{
    const QString ascii = QString(1 << 20, u'x') + QStringLiteral("NEEDLE");
    const QString turkish = QString(1 << 20, QChar(0x015F)) + QString::fromUtf16(u"ÇALIŞMIYOR");
    const struct
    {
        const char *op;
        QString value;
        QString actual;
        Language language;
        bool expected;
    } cases[] = {
        {"contains", QStringLiteral("needle"), ascii, Language::English, true},
        {"contains", QStringLiteral("needles"), ascii, Language::English, false},
        {"endsWith", QStringLiteral("Needle"), ascii, Language::Turkish, true},
        {"equals", QStringLiteral("needle"), ascii, Language::English, false},
        {"contains", QString::fromUtf16(u"çalışmıyor"), turkish, Language::Turkish, true},
        {"contains", QString::fromUtf16(u"çalışmıyor"), turkish, Language::English, false},
        {"matches", QString::fromUtf16(u"çalışmıyor$"), turkish, Language::Turkish, true},
        {"matches", QStringLiteral("^x+NEEDLE$"), ascii, Language::English, true},
        {"startsWith", QStringLiteral("xxxxy"), ascii, Language::English, false},
    };
    QElapsedTimer timer;
    timer.start();
    for (const auto &c : cases) {
        Problems problems;
        const CompiledCondition compiled = CompiledCondition::compile(
            Condition::leaf(QStringLiteral("conversation.firstMessage"),
                            *operatorFromId(QString::fromLatin1(c.op)), c.value),
            c.language, testCatalog(), IfPointer, &problems);
        QCOMPARE(describe(problems), QStringList());
        const EventContext context(
            eventWith(QStringLiteral("conversation.firstMessage"), c.actual));
        QVERIFY2(compiled.matches(context) == c.expected, c.op);
        ConditionTrace trace;
        QVERIFY2((compiled.evaluate(context, &trace, Language::English) == ConditionVerdict::True)
                     == c.expected,
                 c.op);
        QVERIFY(trace.explanation.size() < 200); // the value is shortened in the sentence
    }
    // Generous: a slow machine does this in well under a second.
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
}

void TestConditions::everyLatinCharacterFoldsLikeTextCase()
{
    // The evaluator folds text below U+0300 itself, without TextCase::fold, from the event's
    // UTF-8 (one- and two-byte characters) and from UTF-16; all must agree, for a text and for
    // the elements of a list. Characters from U+0300 on, and those of three bytes in UTF-8, go
    // through TextCase::fold: a few of them are checked too.
    QList<char16_t> characters;
    for (char16_t c = 1; c < 0x0900; ++c)
        characters.append(c);
    characters << u'\u1E9E' << u'\u2126' << u'\u212A' << u'\uFB01' << u'\uFF21';
    for (const Language language : {Language::English, Language::Turkish}) {
        for (const char16_t c : std::as_const(characters)) {
            const QChar character(c);
            if (character.isSurrogate())
                continue;
            const QString same = QStringLiteral("a") + character;
            const QString upper = QStringLiteral("A") + QChar(QChar::toUpper(char32_t(c)));
            const QString where = QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            for (const QString &actual : {same, upper}) {
                const bool expected =
                    TextCase::fold(actual, language) == TextCase::fold(same, language);
                const CompiledCondition text = CompiledCondition::compile(
                    Condition::leaf(QStringLiteral("contact.fullname"), Operator::Equals, same),
                    language, testCatalog(), IfPointer, nullptr);
                QVERIFY2(text.matches(
                             EventContext(eventWith(QStringLiteral("contact.fullname"), actual)))
                             == expected,
                         qPrintable(where));
                const CompiledCondition list = CompiledCondition::compile(
                    Condition::leaf(QStringLiteral("contact.tags"), Operator::Contains, same),
                    language, testCatalog(), IfPointer, nullptr);
                QVERIFY2(
                    list.matches(EventContext(eventWith(QStringLiteral("contact.tags"),
                                                        QJsonArray{QStringLiteral("x"), actual})))
                        == expected,
                    qPrintable(where + QStringLiteral(" in a list")));
            }
        }
    }
}

void TestConditions::plainExpressions_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("plain");
    QTest::newRow("words") << u"ödeme|payment"_s << true;
    QTest::newRow("groups, repetition, anchors") << u"^(şube|kargo)+ x{2,3} .*$"_s << true;
    QTest::newRow("escaped punctuation") << u"example\\.com\\(\\)"_s << true;
    QTest::newRow("a dotless i") << u"ılık"_s << false;
    QTest::newRow("a capital I") << u"Izmir"_s << false;
    QTest::newRow("a dotted capital I") << u"İzmir"_s << false;
    QTest::newRow("a small i") << u"fatura|fiş"_s << false;
    QTest::newRow("a class") << u"[a-z]+"_s << false;
    QTest::newRow("a property") << u"\\p{Lu}"_s << false;
    QTest::newRow("classes and anchors case does not change")
        << u"\\d{5}\\s\\S\\w+\\W\\h\\H\\v\\V\\D\\b\\B\\A\\z\\Z"_s << true;
    QTest::newRow("a grapheme") << u"\\X"_s << false;
    QTest::newRow("quoted text") << u"\\Qa\\E"_s << false;
    QTest::newRow("a code point") << u"\\x{131}"_s << false;
    QTest::newRow("a back-reference") << u"(a)\\1"_s << false;
    // "(?-i)" would turn caseless matching off, but holds an i: any option group is not plain.
    QTest::newRow("an option group") << u"(?-s)A"_s << false;
    QTest::newRow("a look-ahead") << u"a(?=b)"_s << false;
    QTest::newRow("a verb") << u"(*UCP)a"_s << false;
    QTest::newRow("a backslash at the end") << u"a\\"_s << false;
}

void TestConditions::plainExpressions()
{
    QFETCH(QString, pattern);
    QFETCH(bool, plain);
    QCOMPARE(PatternForms::isPlain(pattern), plain);
}

void TestConditions::expressionsWithAnyI()
{
    QCOMPARE(PatternForms::withAnyI(u"(sipariş|ORDER)\\s*#?\\d{4,}"_s),
             u"(s[iIİı]par[iIİı]ş|ORDER)\\s*#?\\d{4,}"_s);
    QCOMPARE(PatternForms::withAnyI(u"^ılık İzmir+"_s), u"^[iIİı]l[iIİı]k [iIİı]zm[iIİı]r+"_s);
    QCOMPARE(PatternForms::withAnyI(u"ödeme"_s), std::nullopt); // plain: no i to widen
    QCOMPARE(PatternForms::withAnyI(u"[i]"_s), std::nullopt);
    QCOMPARE(PatternForms::withAnyI(u"\\p{Ll}i"_s), std::nullopt);
    QCOMPARE(PatternForms::withAnyI(u"(?-i)i"_s), std::nullopt);
}

void TestConditions::formsOfLatinTextKeepTheirCaselessClass()
{
    // What PatternForms rests on: below U+0300, but for the three characters whose capitals are
    // two, fold() and toUpper() map each character, in either language, to one character that
    // PCRE2's caseless matching (with the options a leaf compiles with) takes as the same, both
    // ways; or an i of any kind to another i.
    const QRegularExpression::PatternOptions caseless =
        QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption;
    const auto exactly = [&](const QString &text) {
        return PatternSearch(
            QRegularExpression(u"^\\x{%1}$"_s.arg(uint(text.at(0).unicode()), 0, 16), caseless));
    };
    int checked = 0;
    for (char16_t c = 1; c < 0x0300; ++c) {
        const QString text(QChar{c});
        const QString where = u"U+%1"_s.arg(uint(c), 4, 16, QLatin1Char('0'));
        if (!TextCase::mapsOneToOne(text)) {
            QVERIFY2(c == 0x00DF || c == 0x0149 || c == 0x01F0, qPrintable(where));
            continue;
        }
        for (const Language language : {Language::English, Language::Turkish}) {
            for (const QString &form :
                 {TextCase::fold(text, language), TextCase::toUpper(text, language)}) {
                QVERIFY2(form.size() == 1, qPrintable(where));
                QCOMPARE(LeafFolding::holdsAnI(form), LeafFolding::holdsAnI(text));
                if (LeafFolding::holdsAnI(text))
                    continue;
                QVERIFY2(exactly(text).search(form) == ConditionVerdict::True,
                         qPrintable(where + u" -> "_s + form));
                QVERIFY2(exactly(form).search(text) == ConditionVerdict::True,
                         qPrintable(where + u" <- "_s + form));
                ++checked;
            }
        }
    }
    // And each character is in a case-blind class (PatternForms::CaseBlindClasses) exactly when
    // its forms are, an i of any kind included.
    for (const char escape : std::string_view(PatternForms::CaseBlindClasses)) {
        const PatternSearch inClass(
            QRegularExpression(u"^\\"_s + QLatin1Char(escape) + u"$"_s, caseless));
        for (char16_t c = 1; c < 0x0300; ++c) {
            const QString text(QChar{c});
            if (!TextCase::mapsOneToOne(text))
                continue;
            for (const Language language : {Language::English, Language::Turkish}) {
                for (const QString &form :
                     {TextCase::fold(text, language), TextCase::toUpper(text, language)}) {
                    QVERIFY2(inClass.search(form) == inClass.search(text),
                             qPrintable(u"\\%1 U+%2"_s.arg(QLatin1Char(escape))
                                            .arg(uint(c), 4, 16, QLatin1Char('0'))));
                }
            }
        }
    }
    QVERIFY(checked > 2000);
    QVERIFY(TextCase::mapsOneToOne(u"Iğdır'da şoför, İzmir'de öğün"_s));
    QVERIFY(!TextCase::mapsOneToOne(u"Straße"_s));
    QVERIFY(!TextCase::mapsOneToOne(u"Ω\u0301"_s));
    // Checked eight characters at a time: each character that does not map one to one, at
    // every place around the blocks and in the characters after the last block.
    for (const char16_t odd : {u'\u00DF', u'\u0149', u'\u01F0', u'\u0300', u'\u0301', u'\u03A9',
                               char16_t(0xD83D), u'\uFFFF'}) {
        for (int at = 0; at < 20; ++at) {
            QString text = u"İzmir'de öğün şoför ılık"_s.left(20);
            QVERIFY(TextCase::mapsOneToOne(text));
            text[at] = QChar(odd);
            QVERIFY2(!TextCase::mapsOneToOne(text),
                     qPrintable(u"U+%1 at %2"_s.arg(uint(odd), 4, 16, QLatin1Char('0')).arg(at)));
        }
    }
    QVERIFY(TextCase::mapsOneToOne(QString(17, QChar(0x02FF)))); // the last below the marks
}

void TestConditions::foldingUtf8IsFoldingItsText()
{
    // LeafFolding::foldUtf8 (a field's UTF-8, eight ASCII bytes at a time) folds as fold() folds
    // the text: every length around the blocks, capitals, I and İ, two-byte characters at every
    // place, in both languages.
    const QList<QByteArray> pieces{"A", "b", "I", "i", "Z", "@", "[", "`", "{",   "0",
                                   " ", "İ", "ı", "Ş", "ç", "Ö", "é", "ß", "\x7f"};
    QRandomGenerator random(20261206);
    int checked = 0;
    for (int length = 0; length < 40; ++length) {
        for (int round = 0; round < 25; ++round) {
            QByteArray utf8;
            for (int i = 0; i < length; ++i)
                utf8 += pieces.at(random.bounded(pieces.size()));
            const QString text = QString::fromUtf8(utf8);
            for (const Language language : {Language::Turkish, Language::English}) {
                QString folded;
                const QString expected =
                    LeafFolding::fold(text, language, false, folded).toString();
                QString scratch;
                QCOMPARE(LeafFolding::foldUtf8(utf8, language, false, scratch).toString(),
                         expected);
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 2000);
    // A long ASCII run, and one broken at every place by a two-byte character.
    const QByteArray ascii = "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG, ISTANBUL IZMIR";
    for (qsizetype at = 0; at <= ascii.size(); ++at) {
        const QByteArray utf8 = ascii.left(at) + "Ğ" + ascii.mid(at);
        QString folded;
        QString scratch;
        QCOMPARE(LeafFolding::foldUtf8(utf8, Language::Turkish, false, scratch).toString(),
                 LeafFolding::fold(QString::fromUtf8(utf8), Language::Turkish, false, folded)
                     .toString());
    }
}

void TestConditions::plainExpressionsFindWhatEveryFormWouldFind()
{
    // Random expressions (plain or not) and texts (of characters that map one to one or not):
    // the leaf's verdict, read in place and traced, is what searching the text and, when the
    // leaf is caseless and the text holds an i, its folded and capital forms gives.
    const QStringList pieces = {
        u"a"_s,   u"s"_s,   u"S"_s,   u"k"_s,   u"ş"_s,     u"Ş"_s,       u"ö"_s,     u"ğ"_s,
        u"µ"_s,   u"ſ"_s,   u"ǅ"_s,   u"Σ"_s,   u"ß"_s,     u"ss"_s,      u"fi"_s,    u"."_s,
        u"|"_s,   u"("_s,   u")"_s,   u"*"_s,   u"?"_s,     u"^"_s,       u"$"_s,     u"\\."_s,
        u"i"_s,   u"I"_s,   u"ı"_s,   u"İ"_s,   u"[a-z]"_s, u"\\p{Lu}"_s, u"(?-i)"_s, u"\\w"_s,
        u"\\d"_s, u"\\W"_s, u"\\s"_s, u"\\b"_s, u"\\X"_s,   u"1"_s,       u" "_s};
    const QStringList letters = {
        u"a"_s,      u"s"_s, u"S"_s,       u"k"_s, u"ş"_s,      u"Ş"_s,  u"ö"_s,     u"ğ"_s,
        u"µ"_s,      u"ſ"_s, u"ǅ"_s,       u"ǆ"_s, u"σ"_s,      u"ς"_s,  u"Σ"_s,     u"ß"_s,
        u"ﬁ"_s,      u"i"_s, u"I"_s,       u"ı"_s, u"İ"_s,      u"."_s,  u" "_s,     u"K"_s,
        u"\u212A"_s, u"ŉ"_s, u"e\u0301"_s, u"1"_s, u"\u0661"_s, u"\n"_s, u"\u00A0"_s};
    const QString field = u"conversation.firstMessage"_s;
    QRandomGenerator random(15);
    const auto pick = [&](const QStringList &from, int most) {
        QString text;
        for (int n = int(random.bounded(most + 1)); n > 0; --n)
            text += from.at(int(random.bounded(from.size())));
        return text;
    };
    // First, expressions that only a form of the text finds, for each i of either case, and one
    // that none finds; then random ones.
    const QList<std::pair<QString, QString>> known = {
        {u"I"_s, u"ı"_s},
        {u"İ"_s, u"i"_s},
        {u"ı"_s, u"I"_s},
        {u"i"_s, u"İ"_s},
        {u"^ılık\\b"_s, u"ILIK SU"_s},
        {u"ş.pariş"_s, u"ŞİPARİŞ"_s},
        {u"(sipariş|order)\\s*#?\\d{4,}"_s, u"SİPARİŞ #12345"_s},
        {u"ılık"_s, u"iLİK"_s}};
    int plain = 0;
    int found = 0;
    for (int round = 0; round < 1500 + known.size(); ++round) {
        const bool isRandom = round >= known.size();
        const QString pattern = isRandom ? pick(pieces, 5) : known.at(round).first;
        const QString text = isRandom ? pick(letters, 8) : known.at(round).second;
        for (const Language language : {Language::English, Language::Turkish}) {
            Problems problems;
            const CompiledCondition leaf =
                CompiledCondition::compile(Condition::leaf(field, Operator::Matches, pattern),
                                           language, testCatalog(), IfPointer, &problems);
            if (hasErrors(problems))
                continue; // not a valid expression
            const PatternSearch search(QRegularExpression(
                TextCase::normalized(pattern), QRegularExpression::UseUnicodePropertiesOption
                                                   | QRegularExpression::CaseInsensitiveOption));
            const QString subject = TextCase::normalized(text);
            ConditionVerdict expected = search.search(subject);
            if (expected != ConditionVerdict::True && LeafFolding::holdsAnI(subject)) {
                for (const QString &form :
                     {TextCase::fold(subject, language), TextCase::toUpper(subject, language)}) {
                    const ConditionVerdict inForm = search.search(form);
                    if (inForm != ConditionVerdict::False)
                        expected = inForm;
                    if (expected == ConditionVerdict::True)
                        break;
                }
            }
            const QString what = pattern + u" in "_s + text;
            if (!isRandom && language == Language::Turkish) {
                // The known ones are what they are said to be: not found in the text itself,
                // then found in a form of it, but for the last.
                QVERIFY2(search.search(subject) == ConditionVerdict::False, qPrintable(what));
                QCOMPARE(expected == ConditionVerdict::True, round < known.size() - 1);
            }
            QVERIFY2(leaf.evaluate(EventContext(eventWith(field, text))) == expected,
                     qPrintable(what));
            ConditionTrace trace; // the traced evaluation reads the field as a QJsonValue
            QVERIFY2(leaf.evaluate(EventContext(eventWith(field, text)), &trace, language)
                         == expected,
                     qPrintable(what + u" (traced)"_s));
            plain += PatternForms::isPlain(TextCase::normalized(pattern)) ? 1 : 0;
            found += expected == ConditionVerdict::True ? 1 : 0;
        }
    }
    // Both kinds of expression, and both verdicts, were met often.
    QVERIFY2(plain > 500 && found > 500, qPrintable(u"%1 plain, %2 found"_s.arg(plain).arg(found)));
}

void TestConditions::ruleFields()
{
    Rule rule;
    rule.id = QStringLiteral("vip-to-slack");
    rule.name = QStringLiteral("VIP müşteri yazınca Slack'e bildir");
    const CompiledCondition compiled = compileOk(
        R"({"field": "rule.name", "op": "contains", "value": "MÜŞTERİ"})", Language::Turkish);
    QVERIFY(compiled.matches(EventContext(QJsonObject(), &rule)));
    QVERIFY(!compiled.matches(EventContext(QJsonObject())));
}

// ----- The shipped catalog

void TestConditions::builtInCatalog_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<QByteArray>("event"); // empty: the catalog's Turkish chat.opened sample
    QTest::addColumn<bool>("expected");

    const QByteArray product =
        R"({"field": "conversation.firstMessage", "op": "contains", "value": "çalışmıyor"})";
    const QByteArray shouting = R"({"conversation": {"firstMessage": "SİSTEM ÇALIŞMIYOR"}})";
    QTest::newRow("README example, tr") << QStringLiteral("tr") << product << shouting << true;
    QTest::newRow("README example, en reads I as i")
        << QStringLiteral("en") << product << shouting << false;
    QTest::newRow("sample: first message contains ÇALIŞMIYOR")
        << QStringLiteral("tr")
        << QByteArray(
               R"({"field": "conversation.firstMessage", "op": "contains", "value": "ÇALIŞMIYOR"})")
        << QByteArray() << true;
    // In Turkish "VIP" lowers to "vıp": a Turkish rule set must write the tag with its I.
    QTest::newRow("sample: vip is not VIP in Turkish")
        << QStringLiteral("tr")
        << QByteArray(R"({"field": "contact.tags", "op": "contains", "value": "vip"})")
        << QByteArray() << false;
    QTest::newRow("sample: vip is VIP in English")
        << QStringLiteral("en")
        << QByteArray(R"({"field": "contact.tags", "op": "contains", "value": "vip"})")
        << QByteArray() << true;
    QTest::newRow("sample: VIP on WhatsApp")
        << QStringLiteral("tr")
        << QByteArray(R"({"all": [{"field": "contact.tags", "op": "contains", "value": "VIP"},
                                  {"field": "contact.platform", "op": "in", "value": ["whatsapp", "Telegram"]},
                                  {"field": "contact.score", "op": "atLeast", "value": 80},
                                  {"field": "event.type", "op": "equals", "value": "chat.opened"}]})")
        << QByteArray() << true;
    QTest::newRow("sample: İstanbul Bölgesi tag, tr")
        << QStringLiteral("tr")
        << QByteArray(R"({"field": "contact.tags", "op": "contains", "value": "İSTANBUL BÖLGESİ"})")
        << QByteArray() << true;
    QTest::newRow("sample: outcome absent, not resolved")
        << QStringLiteral("tr")
        << QByteArray(
               R"({"field": "conversation.outcome", "op": "notEquals", "value": "resolved"})")
        << QByteArray() << true;
    QTest::newRow("sample: started after 10:00 Istanbul time")
        << QStringLiteral("tr")
        << QByteArray(R"({"field": "conversation.startedAt", "op": "greaterThan",
                          "value": "2026-11-21T10:00:00+03:00"})")
        << QByteArray() << true;
}

void TestConditions::builtInCatalog()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, condition);
    QFETCH(QByteArray, event);
    QFETCH(bool, expected);
    const Catalog &catalog = Catalog::builtIn();
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(conditionFromJson(jsonValue(condition)), languageOf(language),
                                   catalog, IfPointer, &problems);
    QCOMPARE(describe(problems), QStringList());
    const QJsonObject object = event.isEmpty()
                                   ? catalog.sampleEvent(u"chat.opened", Language::Turkish)
                                   : jsonObject(event);
    QVERIFY(!object.isEmpty());
    QCOMPARE(compiled.matches(EventContext(object)), expected);
}

void TestConditions::builtInTraceUsesCatalogLabels()
{
    const Catalog &catalog = Catalog::builtIn();
    Problems problems;
    const CompiledCondition compiled = CompiledCondition::compile(
        conditionFromJson(jsonValue(
            R"({"field": "conversation.firstMessage", "op": "contains", "value": "çalışmıyor"})")),
        Language::Turkish, catalog, IfPointer, &problems);
    QCOMPARE(describe(problems), QStringList());
    const EventContext context(
        jsonObject(R"({"conversation": {"firstMessage": "SİSTEM ÇALIŞMIYOR"}})"));
    ConditionTrace trace;
    QVERIFY(compiled.evaluate(context, &trace, Language::Turkish) == ConditionVerdict::True);
    QCOMPARE(trace.explanation,
             QString::fromUtf16(u"Son Konuşma İlk Mesajı \"SİSTEM ÇALIŞMIYOR\", \"çalışmıyor\" "
                                u"değerini içerir: evet"));
    QVERIFY(compiled.evaluate(context, &trace, Language::English) == ConditionVerdict::True);
    QCOMPARE(trace.explanation,
             QString::fromUtf16(u"Last Conversation First Message \"SİSTEM ÇALIŞMIYOR\" contains "
                                u"\"çalışmıyor\": yes"));

    problems.clear();
    CompiledCondition::compile(
        conditionFromJson(jsonValue(R"({"field": "contact.fulname", "op": "isEmpty"})")),
        Language::English, catalog, QStringLiteral("/rules/0/if"), &problems);
    QCOMPARE(describe(problems),
             QStringList{QStringLiteral(R"(/rules/0/if/field Unknown field "contact.fulname". )"
                                        R"(Did you mean "contact.fullname"?)")});
}

void TestConditions::expressionThatGivesUpIsUndecided_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<int>("verdict"); // ConditionVerdict
    const QByteArray risky =
        R"({"field": "conversation.firstMessage", "op": "matches", "value": "^(a+)+$|X$"})";
    const int undecided = int(ConditionVerdict::Undecided);
    QTest::newRow("the leaf") << risky << undecided;
    QTest::newRow("not: still undecided, not true") << "{\"not\": " + risky + "}" << undecided;
    QTest::newRow("all with a false member: false")
        << R"({"all": [)" + risky
               + R"(, {"field": "contact.city", "op": "equals", "value": "Ankara"}]})"
        << int(ConditionVerdict::False);
    QTest::newRow("all with a true member: undecided")
        << R"({"all": [{"field": "contact.city", "op": "equals", "value": "İzmir"}, )" + risky
               + "]}"
        << undecided;
    QTest::newRow("any with a true member: true")
        << R"({"any": [)" + risky
               + R"(, {"field": "contact.city", "op": "equals", "value": "İzmir"}]})"
        << int(ConditionVerdict::True);
    QTest::newRow("any with a false member: undecided")
        << R"({"any": [{"field": "contact.city", "op": "equals", "value": "Ankara"}, )" + risky
               + "]}"
        << undecided;
    QTest::newRow("a harmless expression decides")
        << QByteArray(R"({"field": "conversation.firstMessage", "op": "matches", "value": "a+X$"})")
        << int(ConditionVerdict::True);
}

void TestConditions::expressionThatGivesUpIsUndecided()
{
    QFETCH(QByteArray, condition);
    QFETCH(int, verdict);
    const QString longRun = QString(24, u'a') + u'X';
    QJsonObject event = jsonObject(R"({"contact": {"city": "İzmir"}})");
    event.insert(u"conversation"_s, QJsonObject{{u"firstMessage"_s, longRun}});
    const EventContext context(event);
    Problems problems;
    const CompiledCondition compiled =
        CompiledCondition::compile(conditionFromJson(jsonValue(condition)), Language::Turkish,
                                   testCatalog(), IfPointer, &problems);
    QVERIFY(!hasErrors(problems));
    QCOMPARE(int(compiled.evaluate(context)), verdict);
    ConditionTrace trace;
    QCOMPARE(int(compiled.evaluate(context, &trace, Language::English)), verdict);
    QCOMPARE(trace.undecided, verdict == int(ConditionVerdict::Undecided));
    QCOMPARE(compiled.matches(context), verdict == int(ConditionVerdict::True));
    if (trace.undecided) {
        QVERIFY(trace.toJson().value(u"result"_s).isNull());
        // The leaf that gave up says so, with its pointer.
        const ConditionTrace *leaf = &trace;
        while (!leaf->children.empty()) {
            const auto next = std::find_if(leaf->children.cbegin(), leaf->children.cend(),
                                           [](const ConditionTrace &c) { return c.undecided; });
            QVERIFY(next != leaf->children.cend());
            leaf = &*next;
        }
        QVERIFY2(leaf->explanation.contains(u"undecided (the expression gave up (match limit) "
                                            u"on this text)"_s),
                 qPrintable(leaf->explanation));
        QVERIFY2(leaf->pointer.startsWith(IfPointer), qPrintable(leaf->pointer));
        ConditionTrace turkish;
        compiled.evaluate(context, &turkish, Language::Turkish);
        QVERIFY(QJsonDocument(turkish.toJson()).toJson().contains("vazgeçti"));
    }
}

void TestConditions::riskyExpressionsAreWarnedAbout_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("risky"); // empty: no warning
    QTest::newRow("(a+)+") << u"^(a+)+$"_s << u"(a+)+"_s;
    QTest::newRow("star of a star") << u"x(\\w*\\s?)*y"_s << u"(\\w*\\s?)*"_s;
    QTest::newRow("non-capturing") << u"(?:ab+c)+"_s << u"(?:ab+c)+"_s;
    QTest::newRow("counted without end") << u"(a{2,}b){1,}"_s << u"(a{2,}b){1,}"_s;
    QTest::newRow("lazy still backtracks") << u"(a+?)+?"_s << u"(a+?)+?"_s;
    QTest::newRow("nested deeper") << u"((ab)+c)*"_s << u"((ab)+c)*"_s;
    QTest::newRow("bounded outside") << u"(a+){2}"_s << QString();
    QTest::newRow("bounded inside") << u"(a{1,3})+"_s << QString();
    QTest::newRow("atomic") << u"(?>a+)+"_s << QString();
    QTest::newRow("possessive inside") << u"(a++)+"_s << QString();
    QTest::newRow("possessive outside") << u"(a+)++"_s << QString();
    QTest::newRow("class, not a group") << u"[(a+)]+"_s << QString();
    QTest::newRow("escaped parentheses") << u"\\(a+\\)+"_s << QString();
    QTest::newRow("quoted") << u"\\Q(a+)+\\E"_s << QString();
    QTest::newRow("plain words") << u"fatura|iade|destek"_s << QString();
}

void TestConditions::riskyExpressionsAreWarnedAbout()
{
    QFETCH(QString, pattern);
    QFETCH(QString, risky);
    QCOMPARE(PatternRisk::nestedUnboundedRepetition(pattern).value_or(QString()), risky);
    QJsonObject leaf{{u"field"_s, u"conversation.firstMessage"_s},
                     {u"op"_s, u"matches"_s},
                     {u"value"_s, pattern}};
    Problems problems;
    CompiledCondition::compile(conditionFromJson(leaf), Language::English, testCatalog(), IfPointer,
                               &problems);
    QVERIFY(!hasErrors(problems));
    if (risky.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems).join(u'\n')));
    } else {
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().severity, Problem::Severity::Warning);
        QCOMPARE(problems.first().pointer, IfPointer + u"/value"_s);
        QVERIFY(problems.first().message.contains(u'"' + risky + u'"'));
    }
}

QTEST_GUILESS_MAIN(TestConditions)
#include "tst_conditions.moc"
