#include "catalog/Catalog.h"
#include "event/EventContext.h"
#include "model/Operator.h"
#include "templates/Template.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Kanca;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Kanca::TemplateContext)
Q_DECLARE_METATYPE(Kanca::Language)

namespace {

QJsonObject localized(const QString &en, const QString &tr)
{
    return QJsonObject{{u"en"_s, en}, {u"tr"_s, tr}};
}

QJsonObject field(const QString &path, const QString &type)
{
    QJsonObject object{{u"path"_s, path}, {u"label"_s, localized(path, path)}, {u"type"_s, type}};
    if (type == u"oneOf")
        object.insert(u"values"_s, QJsonArray{u"WhatsApp"_s, u"Web"_s});
    return object;
}

// A small catalog of its own, so that these tests do not depend on the built-in one's contents.
const Catalog &testCatalog()
{
    static const Catalog catalog = [] {
        QJsonArray fields;
        for (const auto &[path, type] : std::initializer_list<std::pair<QString, QString>>{
                 {u"contact.id"_s, u"text"_s},
                 {u"contact.fullname"_s, u"text"_s},
                 {u"contact.email"_s, u"text"_s},
                 {u"contact.phone"_s, u"text"_s},
                 {u"contact.whatsappNumber"_s, u"text"_s},
                 {u"contact.company"_s, u"text"_s},
                 {u"contact.jobTitle"_s, u"text"_s},
                 {u"contact.city"_s, u"text"_s},
                 {u"contact.tags"_s, u"textList"_s},
                 {u"contact.platform"_s, u"oneOf"_s},
                 {u"contact.score"_s, u"number"_s},
                 {u"conversation.firstMessage"_s, u"text"_s},
                 {u"conversation.startedAt"_s, u"dateTime"_s},
                 {u"conversation.endedAt"_s, u"dateTime"_s},
                 {u"message.text"_s, u"text"_s},
                 {u"event.type"_s, u"text"_s},
                 {u"event.id"_s, u"text"_s},
                 {u"event.occurredAt"_s, u"dateTime"_s},
                 {u"delivery.id"_s, u"text"_s},
             }) {
            fields.append(field(path, type));
        }
        QJsonArray operators;
        for (int i = 0; i < OperatorCount; ++i) {
            const QString id = operatorId(Operator(i));
            operators.append(QJsonObject{{u"id"_s, id},
                                         {u"label"_s, localized(id, id)},
                                         {u"appliesTo"_s, QJsonArray{u"text"_s}}});
        }
        const QJsonObject document{
            {u"events"_s,
             QJsonArray{QJsonObject{{u"id"_s, u"chat.opened"_s},
                                    {u"group"_s, u"chat"_s},
                                    {u"label"_s, localized(u"Chat Opened"_s, u"Sohbet Açıldı"_s)},
                                    {u"firesWhen"_s, localized(u"opened"_s, u"açıldı"_s)}}}},
            {u"fields"_s, fields},
            {u"operators"_s, operators},
        };
        const QJsonObject samples{
            {u"base"_s, QJsonObject{}},
            {u"events"_s, QJsonObject{{u"chat.opened"_s,
                                       QJsonObject{{u"type"_s, u"chat.opened"_s},
                                                   {u"id"_s, u"evt_1"_s},
                                                   {u"occurredAt"_s, u"2026-11-21T10:30:00Z"_s}}}}},
        };
        const QByteArray samplesJson = QJsonDocument(samples).toJson();
        QString error;
        std::optional<Catalog> loaded =
            Catalog::load(QJsonDocument(document).toJson(), samplesJson, samplesJson, &error);
        if (!loaded)
            qFatal("test catalog: %s", qUtf8Printable(error));
        return std::move(*loaded);
    }();
    return catalog;
}

QJsonObject sampleEvent()
{
    return QJsonObject{
        {u"type"_s, u"chat.opened"_s},
        {u"id"_s, u"evt_01"_s},
        {u"occurredAt"_s, u"2026-11-21T10:30:00Z"_s},
        {u"contact"_s,
         QJsonObject{
             {u"id"_s, u"c_1"_s},
             {u"fullname"_s, u"Ayşe Yılmaz"_s},
             {u"email"_s, u"ayse+test@example.com"_s},
             {u"company"_s, u"istanbul bilişim"_s},
             {u"jobTitle"_s, u""_s},
             {u"city"_s, QJsonValue(QJsonValue::Null)},
             {u"tags"_s, QJsonArray{u"VIP"_s, u"IĞDIR"_s}},
             {u"platform"_s, u"WhatsApp"_s},
             {u"score"_s, 82},
         }},
        {u"conversation"_s, QJsonObject{{u"firstMessage"_s, u"Merhaba, demo istiyorum"_s},
                                        {u"startedAt"_s, u"2026-11-21T10:30:00+03:00"_s}}},
        {u"message"_s, QJsonObject{{u"text"_s, u"👋🏽 selam"_s}}},
    };
}

// The output, or "parse: <first problem>" / "render: <first problem>".
QString renderText(const QString &text, TemplateContext context, const EventContext &event,
                   Language language = Language::English)
{
    QList<TemplateProblem> problems;
    const Template t = Template::parse(text, context, testCatalog(), &problems);
    if (!problems.isEmpty())
        return u"parse: "_s + problems.first().message;
    QString out;
    if (!t.render(event, language, &out, &problems))
        return u"render: "_s + problems.value(0).message;
    return out;
}

QString withValue(const QString &value)
{
    return renderText(
        u"{{contact.fullname}}"_s, TemplateContext::PlainText,
        EventContext(QJsonObject{{u"contact"_s, QJsonObject{{u"fullname"_s, value}}}}));
}

// Values that try to break out of where they stand.
QStringList hostileValues()
{
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c));
    controls.append(QChar(0x7F));
    QString big;
    big.reserve(1 << 20);
    const QString piece =
        u"Ali \"Can\" Öz\\\n\r\t\u2028\u2029😀مرحبا&=#?/%+{{}}"_s + QChar(0) + u"x"_s;
    while (big.size() < (1 << 20))
        big.append(piece);
    return {
        u"Ali \"Can\" Öz"_s,
        u"C:\\new\\table\\"_s,
        u"line one\nline two\r\nline three"_s,
        controls,
        u"nul"_s + QChar(0) + u"inside"_s,
        u"👋🏽😀 emoji"_s,
        u"مرحبا بالعالم שלום עולם"_s,
        u"a\u2028b\u2029c"_s,
        u"</script><script>alert(1)</script>"_s,
        u"{{contact.email}} not expanded"_s,
        u"\", \"injected\": \"1"_s,
        u"a&b=c#d?e/f g+h%20"_s,
        u""_s,
        big,
    };
}

const char *hostileRowName(qsizetype index)
{
    static const char *const names[] = {
        "quotes",         "backslashes",    "line breaks", "control characters", "NUL",
        "emoji",          "RTL text",       "U+2028/2029", "script tag",         "placeholder text",
        "JSON injection", "URL delimiters", "empty",       "1 MB string"};
    return names[index];
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void largeTemplateParsedAgainIsTheSame();
    void filters_data();
    void filters();
    void filterProblems_data();
    void filterProblems();
    void positions_data();
    void positions();
    void braces_data();
    void braces();
    void dateOnNonDate();
    void jsonValuePosition_data();
    void jsonValuePosition();
    void jsonHostile_data();
    void jsonHostile();
    void urlHostile_data();
    void urlHostile();
    void headerHostile_data();
    void headerHostile();
    void formAndPlainHostile_data();
    void formAndPlainHostile();
    void notJson_data();
    void notJson();
    void seedPayloads_data();
    void seedPayloads();
    void repeatedPlaceholders();
    void fieldPathsAndConstant();
    void movedFrom();
    void valuesWrittenInPlaceAreTheSame_data();
    void valuesWrittenInPlaceAreTheSame();
    void repeatedPlaceholderWritesItsValueAgain_data();
    void repeatedPlaceholderWritesItsValueAgain();
    void listsThroughJsonAreTheSame_data();
    void listsThroughJsonAreTheSame();
    void utf8OfALoneSurrogateOutsideTheEvent();
};

void TestTemplates::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("expected");

    const Language en = Language::English;
    const Language tr = Language::Turkish;
    QTest::newRow("plain path") << u"{{contact.fullname}}"_s << en << u"Ayşe Yılmaz"_s;
    QTest::newRow("literal around") << u"Hi {{contact.fullname}}!"_s << en << u"Hi Ayşe Yılmaz!"_s;
    QTest::newRow("whitespace inside braces")
        << u"{{  contact.fullname\t|\n upper }}"_s << en << u"AYŞE YILMAZ"_s;
    QTest::newRow("upper Turkish i")
        << u"{{contact.company | upper}}"_s << tr << u"İSTANBUL BİLİŞİM"_s;
    QTest::newRow("upper English i")
        << u"{{contact.company | upper}}"_s << en << u"ISTANBUL BILIŞIM"_s;
    QTest::newRow("lower Turkish I")
        << u"{{contact.tags | lower | json}}"_s << tr << u"[\"vıp\",\"ığdır\"]"_s;
    QTest::newRow("lower English I")
        << u"{{contact.tags | lower | json}}"_s << en << u"[\"vip\",\"iğdir\"]"_s;
    QTest::newRow("upper on a number") << u"{{contact.score | upper}}"_s << en << u"82"_s;
    QTest::newRow("default when absent")
        << u"{{contact.phone | default:\"yok\"}}"_s << en << u"yok"_s;
    QTest::newRow("default when empty")
        << u"{{contact.jobTitle | default:\"yok\"}}"_s << en << u"yok"_s;
    QTest::newRow("default when null") << u"{{contact.city | default:\"yok\"}}"_s << en << u"yok"_s;
    QTest::newRow("default when present")
        << u"{{contact.id | default:\"yok\"}}"_s << en << u"c_1"_s;
    QTest::newRow("default with escapes")
        << u"{{contact.phone | default:\"say \\\"hi\\\" \\\\o/ }} |\"}}"_s << en
        << u"say \"hi\" \\o/ }} |"_s;
    QTest::newRow("default empty text") << u"[{{contact.phone | default:\"\"}}]"_s << en << u"[]"_s;
    QTest::newRow("json of a text")
        << u"{{contact.fullname | json}}"_s << en << u"\"Ayşe Yılmaz\""_s;
    QTest::newRow("json of a list")
        << u"{{contact.tags | json}}"_s << en << u"[\"VIP\",\"IĞDIR\"]"_s;
    QTest::newRow("json of a number") << u"{{contact.score | json}}"_s << en << u"82"_s;
    QTest::newRow("json of absent") << u"{{contact.phone | json}}"_s << en << u"null"_s;
    QTest::newRow("json then upper")
        << u"{{contact.fullname | json | upper}}"_s << tr << u"\"AYŞE YILMAZ\""_s;
    QTest::newRow("list as text") << u"{{contact.tags}}"_s << en << u"[\"VIP\",\"IĞDIR\"]"_s;
    QTest::newRow("absent as text") << u"<{{contact.phone}}>"_s << en << u"<>"_s;
    QTest::newRow("urlencode") << u"{{contact.email | urlencode}}"_s << en
                               << u"ayse%2Btest%40example.com"_s;
    QTest::newRow("urlencode UTF-8")
        << u"{{contact.fullname|urlencode}}"_s << en << u"Ay%C5%9Fe%20Y%C4%B1lmaz"_s;
    QTest::newRow("urlencode of absent") << u"[{{contact.phone|urlencode}}]"_s << en << u"[]"_s;
    QTest::newRow("truncate cuts with ellipsis")
        << u"{{conversation.firstMessage | truncate:7}}"_s << en << u"Merhab…"_s;
    QTest::newRow("truncate one short")
        << u"{{conversation.firstMessage | truncate:22}}"_s << en << u"Merhaba, demo istiyor…"_s;
    QTest::newRow("truncate exact length")
        << u"{{conversation.firstMessage | truncate:23}}"_s << en << u"Merhaba, demo istiyorum"_s;
    QTest::newRow("truncate to one") << u"{{contact.fullname | truncate:1}}"_s << en << u"…"_s;
    QTest::newRow("truncate keeps surrogate pairs")
        << u"{{message.text | truncate:3}}"_s << en << u"👋🏽…"_s;
    QTest::newRow("truncate counts code points")
        << u"{{message.text | truncate:8}}"_s << en << u"👋🏽 selam"_s;
    QTest::newRow("truncate of absent") << u"[{{contact.phone | truncate:3}}]"_s << en << u"[]"_s;
    QTest::newRow("date Turkish month")
        << u"{{conversation.startedAt | date:\"d MMMM yyyy HH:mm\"}}"_s << tr
        << u"21 Kasım 2026 10:30"_s;
    QTest::newRow("date English month")
        << u"{{conversation.startedAt | date:\"d MMMM yyyy HH:mm\"}}"_s << en
        << u"21 November 2026 10:30"_s;
    QTest::newRow("date Turkish weekday")
        << u"{{event.occurredAt | date:\"dddd\"}}"_s << tr << u"Cumartesi"_s;
    QTest::newRow("date keeps UTC")
        << u"{{event.occurredAt | date:\"yyyy-MM-dd HH:mm\"}}"_s << en << u"2026-11-21 10:30"_s;
    QTest::newRow("date of absent then default")
        << u"{{conversation.endedAt | date:\"yyyy\" | default:\"-\"}}"_s << en << u"-"_s;
    QTest::newRow("chained truncate upper")
        << u"{{contact.fullname | truncate:4 | upper}}"_s << tr << u"AYŞ…"_s;
    QTest::newRow("chained default upper Turkish")
        << u"{{contact.phone | default:\"istanbul\" | upper}}"_s << tr << u"İSTANBUL"_s;
    QTest::newRow("chained upper default English")
        << u"{{contact.phone | upper | default:\"istanbul\"}}"_s << en << u"istanbul"_s;
    QTest::newRow("lone closing braces")
        << u"a }} b {{contact.id}} }}"_s << en << u"a }} b c_1 }}"_s;
}

void TestTemplates::filters()
{
    QFETCH(QString, text);
    QFETCH(Language, language);
    QFETCH(QString, expected);
    QCOMPARE(renderText(text, TemplateContext::PlainText, EventContext(sampleEvent()), language),
             expected);
}

void TestTemplates::filterProblems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("column");

    QTest::newRow("unknown filter") << u"{{contact.fullname | uper}}"_s
                                    << u"unknown filter \"uper\" (did you mean \"upper\"?)"_s << 22;
    QTest::newRow("unknown filter, nothing close")
        << u"{{contact.fullname|reverse}}"_s << u"unknown filter \"reverse\""_s << 20;
    QTest::newRow("missing filter name")
        << u"{{contact.fullname | }}"_s << u"a filter name is missing after \"|\""_s << 22;
    QTest::newRow("default without argument")
        << u"{{contact.phone|default}}"_s
        << u"the filter \"default\" needs a text in quotes, e.g. default:\"unknown\""_s << 17;
    QTest::newRow("default with a number")
        << u"{{contact.phone|default:5}}"_s
        << u"the filter \"default\" needs a text in quotes, e.g. default:\"unknown\""_s << 25;
    QTest::newRow("colon without argument")
        << u"{{contact.phone|default: }}"_s
        << u"an argument in quotes or a whole number must follow \":\""_s << 26;
    QTest::newRow("truncate without argument")
        << u"{{contact.phone|truncate}}"_s
        << u"the filter \"truncate\" needs a number of characters, e.g. truncate:100"_s << 17;
    QTest::newRow("truncate with a text")
        << u"{{contact.phone|truncate:\"5\"}}"_s
        << u"the filter \"truncate\" needs a number of characters, e.g. truncate:100"_s << 26;
    QTest::newRow("truncate zero")
        << u"{{contact.phone|truncate:0}}"_s
        << u"the length of \"truncate\" must be a whole number of at least 1, not 0"_s << 26;
    QTest::newRow("truncate negative")
        << u"{{contact.phone|truncate:-3}}"_s
        << u"the length of \"truncate\" must be a whole number of at least 1, not -3"_s << 26;
    QTest::newRow("truncate too large")
        << u"{{contact.phone|truncate:99999999999}}"_s
        << u"the length of \"truncate\" must be a whole number of at least 1, not 99999999999"_s
        << 26;
    QTest::newRow("upper with an argument")
        << u"{{contact.phone|upper:\"x\"}}"_s << u"the filter \"upper\" takes no argument"_s << 23;
    QTest::newRow("json with an argument")
        << u"{{contact.phone|json:2}}"_s << u"the filter \"json\" takes no argument"_s << 22;
    QTest::newRow("date without argument")
        << u"{{contact.phone|date}}"_s
        << u"the filter \"date\" needs a date format in quotes, e.g. date:\"yyyy-MM-dd\""_s << 17;
    QTest::newRow("date with an empty format")
        << u"{{contact.phone|date:\"\"}}"_s
        << u"the filter \"date\" needs a date format in quotes, e.g. date:\"yyyy-MM-dd\""_s << 22;
    QTest::newRow("unknown escape in argument")
        << u"{{contact.phone|default:\"a\\nb\"}}"_s
        << u"unknown escape in a quoted argument: only \\\" and \\\\ are allowed"_s << 27;
    QTest::newRow("unclosed quoted argument")
        << u"{{contact.phone|default:\"abc}}"_s << u"the quoted argument is not closed with \""_s
        << 25;
    QTest::newRow("filter without bar") << u"{{contact.fullname upper}}"_s
                                        << u"unexpected \"u\" in the placeholder: filters follow "
                                           u"a \"|\""_s
                                        << 20;
    QTest::newRow("unexpected character after the path")
        << u"{{contact.fullname*}}"_s
        << u"unexpected \"*\" in the placeholder: filters follow a \"|\""_s << 19;

    // "date" on what cannot be a date-time, whatever the event holds: found when the template is
    // read, at the filter, rather than when an event comes.
    const QString needs = u"the filter \"date\" needs a date-time (ISO 8601), but "_s;
    QTest::newRow("date on a text") << u"{{contact.fullname | date:\"yyyy\"}}"_s
                                    << needs + u"\"contact.fullname\" is a text"_s << 22;
    QTest::newRow("date on a number")
        << u"{{contact.score|date:\"d\"}}"_s << needs + u"\"contact.score\" is a number"_s << 17;
    QTest::newRow("date on a list") << u"{{contact.tags | date:\"d\"}}"_s
                                    << needs + u"\"contact.tags\" is a list of texts"_s << 18;
    QTest::newRow("date on one of a set")
        << u"{{contact.platform | date:\"d\"}}"_s
        << needs + u"\"contact.platform\" is one of a fixed set of values"_s << 22;
    QTest::newRow("date after a default that is no date")
        << u"{{conversation.endedAt | default:\"-\" | date:\"d\"}}"_s
        << needs + u"its default \"-\" is not a date-time"_s << 40;
    QTest::newRow("date after truncate")
        << u"{{event.occurredAt | truncate:10 | date:\"d\"}}"_s
        << needs + u"after \"truncate\" the value is a text"_s << 36;
    QTest::newRow("date after json") << u"{{event.occurredAt|json|date:\"d\"}}"_s
                                     << needs + u"after \"json\" the value is a text"_s << 25;
    QTest::newRow("date after urlencode")
        << u"{{event.occurredAt|urlencode|date:\"d\"}}"_s
        << needs + u"after \"urlencode\" the value is a text"_s << 30;
    QTest::newRow("date after date") << u"{{event.occurredAt|date:\"yyyy\"|date:\"d\"}}"_s
                                     << needs + u"after \"date\" the value is a text"_s << 32;
}

void TestTemplates::filterProblems()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, column);
    QList<TemplateProblem> problems;
    Template::parse(text, TemplateContext::PlainText, testCatalog(), &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().message, message);
    QCOMPARE(problems.first().line, 1);
    QCOMPARE(problems.first().column, column);
    QCOMPARE(problems.first().offset, qsizetype(column - 1));
}

void TestTemplates::positions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<qsizetype>("offset");

    QTest::newRow("unknown path with suggestion")
        << u"{{contact.fulname}}"_s
        << u"unknown field \"contact.fulname\" (did you mean \"contact.fullname\"?)"_s << 1 << 3
        << qsizetype(2);
    QTest::newRow("unknown path on line 3")
        << u"{\n  \"name\": \"x\",\n  \"n\": \"{{contact.fulname}}\"\n}"_s
        << u"unknown field \"contact.fulname\" (did you mean \"contact.fullname\"?)"_s << 3 << 11
        << qsizetype(27);
    QTest::newRow("unknown path without suggestion")
        << u"a\nb {{ weather.today }}"_s << u"unknown field \"weather.today\""_s << 2 << 6
        << qsizetype(7);
    QTest::newRow("column counts an emoji as one character")
        << u"👋 {{shop.basket}}"_s << u"unknown field \"shop.basket\""_s << 1 << 5 << qsizetype(5);
    QTest::newRow("CRLF line breaks")
        << u"a\r\nb\r\n{{nope.x}}"_s << u"unknown field \"nope.x\""_s << 3 << 3 << qsizetype(8);
    QTest::newRow("Turkish letters in a path")
        << u"{{kişi.ad}}"_s << u"unknown field \"kişi.ad\""_s << 1 << 3 << qsizetype(2);
    QTest::newRow("unclosed brace")
        << u"Hello\n  {{contact.fullname"_s << u"unclosed \"{{\": a placeholder ends with \"}}\""_s
        << 2 << 3 << qsizetype(8);
    QTest::newRow("unclosed brace at the end")
        << u"x {{"_s << u"unclosed \"{{\": a placeholder ends with \"}}\""_s << 1 << 3
        << qsizetype(2);
    QTest::newRow("unclosed brace before another placeholder")
        << u"{{contact.fullname {{contact.email}}"_s
        << u"unclosed \"{{\": a placeholder ends with \"}}\""_s << 1 << 1 << qsizetype(0);
    QTest::newRow("quote of a JSON string after an unclosed placeholder")
        << u"{\"a\": \"{{contact.fullname\"}"_s
        << u"unclosed \"{{\": a placeholder ends with \"}}\""_s << 1 << 8 << qsizetype(7);
    QTest::newRow("quote inside a placeholder")
        << u"{{contact.fullname\"}}"_s
        << u"unexpected \"\"\" in the placeholder: filters follow a \"|\""_s << 1 << 19
        << qsizetype(18);
    QTest::newRow("closing before opening")
        << u"}}{{"_s << u"unclosed \"{{\": a placeholder ends with \"}}\""_s << 1 << 3
        << qsizetype(2);
    QTest::newRow("empty placeholder")
        << u"a {{ }} b"_s
        << u"empty placeholder: write a field path between the braces, e.g. {{contact.fullname}}"_s
        << 1 << 3 << qsizetype(2);
    QTest::newRow("filter without path")
        << u"{{ | upper}}"_s
        << u"a placeholder starts with a field path, e.g. {{contact.fullname | upper}}"_s << 1 << 4
        << qsizetype(3);
}

void TestTemplates::positions()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(qsizetype, offset);
    for (const TemplateContext context : {TemplateContext::PlainText, TemplateContext::FormField}) {
        QList<TemplateProblem> problems;
        Template::parse(text, context, testCatalog(), &problems);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().message, message);
        QCOMPARE(problems.first().line, line);
        QCOMPARE(problems.first().column, column);
        QCOMPARE(problems.first().offset, offset);
    }
}

void TestTemplates::braces_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("triple braces") << u"{{{contact.id}}}"_s << u"{c_1}"_s;
    QTest::newRow("quadruple braces") << u"{{{{contact.id}}}}"_s << u"{{c_1}}"_s;
    QTest::newRow("single braces are literal") << u"{a} {contact.id}"_s << u"{a} {contact.id}"_s;
    QTest::newRow("closing braces in an argument")
        << u"{{contact.phone | default:\"}}\"}}"_s << u"}}"_s;
    QTest::newRow("adjacent placeholders") << u"{{contact.id}}{{contact.id}}"_s << u"c_1c_1"_s;
}

void TestTemplates::braces()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(renderText(text, TemplateContext::PlainText, EventContext(sampleEvent())), expected);
}

void TestTemplates::dateOnNonDate()
{
    // What "date" may meet, by the field's type and the filters before it: these parse, and
    // render for the sample event.
    const EventContext event(sampleEvent());
    const auto rendered = [&event](const QString &text) {
        return renderText(text, TemplateContext::PlainText, event);
    };
    QCOMPARE(rendered(u"{{event.occurredAt | upper | date:\"yyyy\"}}"_s), u"2026"_s);
    QCOMPARE(rendered(u"{{event.occurredAt | lower | date:\"yyyy\"}}"_s), u"2026"_s);
    QCOMPARE(rendered(u"{{conversation.endedAt | default:\"2027-01-02\" | date:\"yyyy\"}}"_s),
             u"2027"_s);
    QCOMPARE(rendered(u"{{conversation.endedAt | default:\"\" | date:\"yyyy\"}}"_s), u""_s);
    QCOMPARE(rendered(u"{{contact.fullname | date:\"yyyy\" | default:\"x\"}}"_s),
             u"parse: the filter \"date\" needs a date-time (ISO 8601), but "
             u"\"contact.fullname\" is a text"_s);

    // A date-time field whose value in the event is not a date-time: the event's problem, said
    // when it is rendered, with the value.
    QJsonObject odd = sampleEvent();
    odd.insert(u"conversation"_s, QJsonObject{{u"startedAt"_s, u"yesterday"_s}});
    QList<TemplateProblem> problems;
    const Template t = Template::parse(u"When: {{conversation.startedAt | date:\"yyyy\"}}"_s,
                                       TemplateContext::PlainText, testCatalog(), &problems);
    QVERIFY(problems.isEmpty());
    QString out;
    QVERIFY(!t.render(EventContext(odd), Language::English, &out, &problems));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().message,
             u"the filter \"date\" needs a date-time (ISO 8601), but \"conversation.startedAt\" "
             u"is \"yesterday\""_s);
    QCOMPARE(problems.first().column, 34);
    QCOMPARE(out, u"When: "_s);
}

void TestTemplates::jsonValuePosition_data()
{
    QTest::addColumn<QString>("placeholder");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("text") << u"{{contact.fullname}}"_s << QJsonValue(u"Ayşe Yılmaz"_s);
    QTest::newRow("number") << u"{{contact.score}}"_s << QJsonValue(82);
    QTest::newRow("list") << u"{{contact.tags}}"_s << QJsonValue(QJsonArray{u"VIP"_s, u"IĞDIR"_s});
    QTest::newRow("absent") << u"{{contact.phone}}"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("null") << u"{{contact.city}}"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("empty text") << u"{{contact.jobTitle}}"_s << QJsonValue(u""_s);
    QTest::newRow("json of text") << u"{{contact.fullname | json}}"_s
                                  << QJsonValue(u"Ayşe Yılmaz"_s);
    QTest::newRow("json of number") << u"{{contact.score|json}}"_s << QJsonValue(82);
    QTest::newRow("json of list") << u"{{contact.tags | json}}"_s
                                  << QJsonValue(QJsonArray{u"VIP"_s, u"IĞDIR"_s});
    QTest::newRow("json of absent")
        << u"{{contact.phone | json}}"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("lower list") << u"{{contact.tags | lower}}"_s
                                << QJsonValue(QJsonArray{u"vip"_s, u"iğdir"_s});
    QTest::newRow("json then upper is text")
        << u"{{contact.tags | json | upper}}"_s << QJsonValue(u"[\"VIP\",\"IĞDIR\"]"_s);
    QTest::newRow("default in value position")
        << u"{{contact.phone | default:\"yok\"}}"_s << QJsonValue(u"yok"_s);
    QTest::newRow("number truncated is text")
        << u"{{contact.score | truncate:5}}"_s << QJsonValue(u"82"_s);
    QTest::newRow("urlencode is text")
        << u"{{contact.email | urlencode}}"_s << QJsonValue(u"ayse%2Btest%40example.com"_s);
    QTest::newRow("list inside a string")
        << u"\"{{contact.tags}}\""_s << QJsonValue(u"[\"VIP\",\"IĞDIR\"]"_s);
    QTest::newRow("list json inside a string")
        << u"\"{{contact.tags | json}}\""_s << QJsonValue(u"[\"VIP\",\"IĞDIR\"]"_s);
    QTest::newRow("number inside a string") << u"\"{{contact.score}}\""_s << QJsonValue(u"82"_s);
    QTest::newRow("absent inside a string") << u"\"{{contact.phone}}\""_s << QJsonValue(u""_s);
    QTest::newRow("absent json inside a string")
        << u"\"{{contact.phone | json}}\""_s << QJsonValue(u"null"_s);
    QTest::newRow("text json inside a string")
        << u"\"{{contact.fullname | json}}\""_s << QJsonValue(u"\"Ayşe Yılmaz\""_s);
    QTest::newRow("after an escaped quote")
        << u"\"say \\\"{{contact.id}}\\\"\""_s << QJsonValue(u"say \"c_1\""_s);
    QTest::newRow("after an escaped backslash")
        << u"\"C:\\\\{{contact.id}}\""_s << QJsonValue(u"C:\\c_1"_s);
    QTest::newRow("after a unicode escape")
        << u"\"\\u00e7{{contact.id}}\""_s << QJsonValue(u"çc_1"_s);
}

void TestTemplates::jsonValuePosition()
{
    QFETCH(QString, placeholder);
    QFETCH(QJsonValue, expected);
    const QString out = renderText(u"{\"v\": "_s + placeholder + u", \"n\": 1}"_s,
                                   TemplateContext::Json, EventContext(sampleEvent()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(out));
    QCOMPARE(document.object().value(u"v"_s), expected);
    QCOMPARE(document.object().value(u"n"_s), QJsonValue(1));
}

void TestTemplates::jsonHostile_data()
{
    QTest::addColumn<QString>("value");
    const QStringList values = hostileValues();
    for (qsizetype i = 0; i < values.size(); ++i)
        QTest::newRow(hostileRowName(i)) << values[i];
}

void TestTemplates::jsonHostile()
{
    QFETCH(QString, value);
    const EventContext event(QJsonObject{
        {u"contact"_s, QJsonObject{{u"fullname"_s, value}, {u"tags"_s, QJsonArray{value, 1}}}}});
    const QString out = renderText(
        u"{\"v\": \"{{contact.fullname}}\", \"w\": {{contact.fullname}},\n"
        u" \"p\": \"pre {{contact.fullname}} post\", \"j\": {{contact.fullname | json}},\n"
        u" \"l\": {{contact.tags}}, \"s\": \"{{contact.tags}}\"}"_s,
        TemplateContext::Json, event);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(out.left(300)));
    const QJsonObject object = document.object();
    QCOMPARE(object.value(u"v"_s).toString(), value);
    QCOMPARE(object.value(u"w"_s).toString(), value);
    QCOMPARE(object.value(u"p"_s).toString(), u"pre "_s + value + u" post"_s);
    QCOMPARE(object.value(u"j"_s).toString(), value);
    QCOMPARE(object.value(u"l"_s).toArray(), (QJsonArray{value, 1}));
    QCOMPARE(QJsonDocument::fromJson(object.value(u"s"_s).toString().toUtf8()).array(),
             (QJsonArray{value, 1}));
    // Nothing raw that a JavaScript or line-based reader could trip on.
    for (const QChar c : out) {
        QVERIFY(c.unicode() >= 0x20 || c == u'\n');
        QVERIFY(c.unicode() != 0x2028 && c.unicode() != 0x2029);
    }
}

void TestTemplates::urlHostile_data()
{
    jsonHostile_data();
}

void TestTemplates::urlHostile()
{
    QFETCH(QString, value);
    const EventContext event(QJsonObject{{u"contact"_s, QJsonObject{{u"fullname"_s, value}}}});
    const QString prefix = u"https://crm.example.com/leads/"_s;
    for (const QString &suffix :
         {u"{{contact.fullname}}"_s, u"{{ contact.fullname | urlencode }}"_s}) {
        const QString out = renderText(prefix + suffix + u"?src=kanca&name="_s + suffix,
                                       TemplateContext::Url, event);
        QVERIFY(out.startsWith(prefix));
        const QString rest = out.mid(prefix.size());
        const qsizetype query = rest.indexOf(u"?src=kanca&name="_s);
        QVERIFY(query >= 0);
        const QString path = rest.left(query);
        const QString name = rest.mid(query + 16);
        QCOMPARE(path, name);
        for (const QChar c : path) {
            QVERIFY2(c.isLetterOrNumber() || QStringView(u"-._~%").contains(c),
                     qPrintable(QString(c)));
            QVERIFY(c.unicode() < 0x80);
        }
        QCOMPARE(QByteArray::fromPercentEncoding(path.toLatin1()), value.toUtf8());
    }
}

void TestTemplates::headerHostile_data()
{
    jsonHostile_data();
}

void TestTemplates::headerHostile()
{
    QFETCH(QString, value);
    const EventContext event(QJsonObject{{u"contact"_s, QJsonObject{{u"fullname"_s, value}}}});
    const QString out =
        renderText(u"Bearer {{contact.fullname}}; x"_s, TemplateContext::Header, event);
    QString expected = value;
    for (QChar &c : expected) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || u == 0x2028 || u == 0x2029 || u == 0x85)
            c = u' ';
    }
    QCOMPARE(out, u"Bearer "_s + expected + u"; x"_s);
    QVERIFY(!out.contains(u'\r'));
    QVERIFY(!out.contains(u'\n'));
    QVERIFY(!out.contains(QChar(0)));
}

void TestTemplates::formAndPlainHostile_data()
{
    jsonHostile_data();
}

void TestTemplates::formAndPlainHostile()
{
    QFETCH(QString, value);
    const EventContext event(QJsonObject{{u"contact"_s, QJsonObject{{u"fullname"_s, value}}}});
    QCOMPARE(renderText(u"{{contact.fullname}}"_s, TemplateContext::FormField, event), value);
    QCOMPARE(renderText(u"<{{contact.fullname}}>"_s, TemplateContext::PlainText, event),
             u"<"_s + value + u">"_s);
    QCOMPARE(withValue(value), value);
}

void TestTemplates::notJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("missing value")
        << u"{\"a\": }"_s << u"the body is not valid JSON: a value is missing after the colon"_s
        << 1 << 7;
    QTest::newRow("missing closing brace")
        << u"{\"a\": \"{{contact.fullname}}\""_s
        << u"the body is not valid JSON: the text ends too early: a closing } or ] is missing"_s
        << 1 << 29;
    QTest::newRow("error after a placeholder on the same line")
        << u"{\"a\": \"{{contact.fullname}}\", \"b\": x}"_s
        << u"the body is not valid JSON: this is not a JSON value (text goes in double quotes; "
           u"true, false and null are written in lower case)"_s
        << 1 << 36;
    QTest::newRow("error after a placeholder on line 3")
        << u"{\n  \"a\": \"{{contact.fullname}}\",\n  \"b\": x\n}"_s
        << u"the body is not valid JSON: this is not a JSON value (text goes in double quotes; "
           u"true, false and null are written in lower case)"_s
        << 3 << 8;
    QTest::newRow("two values side by side")
        << u"{\"a\": {{contact.fullname}} {{contact.email}}}"_s
        << u"the body is not valid JSON: a comma (,) is missing before this value"_s << 1 << 28;
    QTest::newRow("placeholder as a key")
        << u"{ {{contact.fullname}}: 1 }"_s
        << u"the body is not valid JSON: a member's name is missing here, or is not in double "
           u"quotes"_s
        << 1 << 3;
    QTest::newRow("trailing text") << u"{\"a\": 1} and more"_s
                                   << u"the body is not valid JSON: there is more text after the "
                                      u"end of the JSON"_s
                                   << 1 << 10;
    QTest::newRow("empty") << u""_s
                           << u"the body is not valid JSON: there is no JSON: the text is empty"_s
                           << 1 << 1;
    QTest::newRow("placeholder after a backslash")
        << u"{\"a\": \"x\\{{contact.fullname}}\"}"_s
        << u"a placeholder cannot stand inside a backslash escape of a JSON string"_s << 1 << 10;
    QTest::newRow("placeholder inside a unicode escape")
        << u"{\"a\": \"\\u00{{contact.id}}\"}"_s
        << u"a placeholder cannot stand inside a backslash escape of a JSON string"_s << 1 << 12;
    // RFC 8259, which QJsonDocument alone does not hold to: the body a receiver gets is strict.
    QTest::newRow("raw tab in a string after a placeholder")
        << u"{\"a\": \"{{contact.fullname}}\tx\"}"_s
        << u"the body is not valid JSON: a control character (U+0009) stands raw in a string; "
           u"JSON needs it escaped, as \\n, \\t or \\u0009"_s
        << 1 << 28;
    QTest::newRow("raw line break in a string")
        << u"{\n  \"a\": \"one\ntwo\"\n}"_s
        << u"the body is not valid JSON: a control character (U+000A) stands raw in a string; "
           u"JSON needs it escaped, as \\n, \\t or \\u000A"_s
        << 2 << 12;
    QTest::newRow("lone surrogate escape")
        << u"{\"a\": \"{{contact.id}}\\udc00\"}"_s
        << u"the body is not valid JSON: \"\\uDC00\" is half of a surrogate pair without its "
           u"other half: no character; write the character itself or both halves"_s
        << 1 << 22;
}

void TestTemplates::notJson()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    QList<TemplateProblem> problems;
    Template::parse(text, TemplateContext::Json, testCatalog(), &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().message, message);
    QCOMPARE(problems.first().line, line);
    QCOMPARE(problems.first().column, column);
}

void TestTemplates::seedPayloads_data()
{
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QJsonObject>("expected"); // values: a field path, or "=literal"

    // The four payloads of seed 000, as written there.
    const QString lead = uR"({
"name": "{{contact.fullname}}",
"email": "{{contact.email}}",
"phone": "{{contact.phone}}",
"whatsapp": "{{contact.whatsappNumber}}",
"source": "supsis"
})"_s;
    const QJsonObject leadExpected{{u"name"_s, u"contact.fullname"_s},
                                   {u"email"_s, u"contact.email"_s},
                                   {u"phone"_s, u"contact.phone"_s},
                                   {u"whatsapp"_s, u"contact.whatsappNumber"_s},
                                   {u"source"_s, u"=supsis"_s}};
    const QString slackTr =
        uR"({"text": "VIP müşteri {{contact.fullname}} Supsis üzerinden yeni sohbet açtı."})"_s;
    const QString slackEn =
        uR"({"text": "VIP customer {{contact.fullname}} opened a new chat through Supsis."})"_s;
    const QString ticket = uR"({
"customerName": "{{contact.fullname}}",
"customerEmail": "{{contact.email}}",
"messageType": "support_request",
"source": "supsis"
})"_s;
    const QJsonObject ticketExpected{{u"customerName"_s, u"contact.fullname"_s},
                                     {u"customerEmail"_s, u"contact.email"_s},
                                     {u"messageType"_s, u"=support_request"_s},
                                     {u"source"_s, u"=supsis"_s}};
    const QString analytics = uR"({
"event": "new_whatsapp_lead",
"contact": "{{contact.fullname}}",
"phone": "{{contact.whatsappNumber}}"
})"_s;
    const QJsonObject analyticsExpected{{u"event"_s, u"=new_whatsapp_lead"_s},
                                        {u"contact"_s, u"contact.fullname"_s},
                                        {u"phone"_s, u"contact.whatsappNumber"_s}};

    for (const Language language : {Language::Turkish, Language::English}) {
        const char *code = language == Language::Turkish ? "tr" : "en";
        QTest::addRow("use case 1: lead to CRM (%s)", code)
            << u"contact.created"_s << language << lead << leadExpected;
        QTest::addRow("use case 2: VIP to Slack (%s)", code)
            << u"chat.opened"_s << language << (language == Language::Turkish ? slackTr : slackEn)
            << QJsonObject{
                   {u"text"_s, language == Language::Turkish
                                   ? u"=VIP müşteri %1 Supsis üzerinden yeni sohbet açtı."_s
                                   : u"=VIP customer %1 opened a new chat through Supsis."_s}};
        QTest::addRow("use case 3: support to tickets (%s)", code)
            << u"chat.opened"_s << language << ticket << ticketExpected;
        QTest::addRow("use case 4: WhatsApp lead to analytics (%s)", code)
            << u"contact.created"_s << language << analytics << analyticsExpected;
    }
}

void TestTemplates::seedPayloads()
{
    QFETCH(QString, eventType);
    QFETCH(Language, language);
    QFETCH(QString, payload);
    QFETCH(QJsonObject, expected);

    const Catalog &catalog = Catalog::builtIn();
    QJsonObject sample = catalog.sampleEvent(eventType, language);
    QVERIFY(!sample.isEmpty());

    // The sample as it is, and the sample with a name that tries to break the payload.
    QJsonObject hostile = sample;
    QJsonObject contact = hostile.value(u"contact"_s).toObject();
    contact.insert(u"fullname"_s, u"Ali \"Can\" Öz\\\nİkinci satır\u2028"_s);
    hostile.insert(u"contact"_s, contact);

    QList<TemplateProblem> problems;
    const Template t = Template::parse(payload, TemplateContext::Json, catalog, &problems);
    QVERIFY(problems.isEmpty());
    for (const QJsonObject &event : {sample, hostile}) {
        const EventContext context(event);
        QString out;
        QVERIFY(t.render(context, language, &out, &problems));
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.keys(), expected.keys());
        for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
            const QString spec = it.value().toString();
            const QString name = context.value(u"contact.fullname").toString();
            const QString want = spec.startsWith(u'=') ? spec.mid(1).replace(u"%1"_s, name)
                                                       : context.value(spec).toString();
            QCOMPARE(object.value(it.key()).toString(), want);
        }
    }
}

// A placeholder repeated without filters is escaped once per event and kept in the
// EventContext (per template context and JSON slot): every place still gets its own escaping.
void TestTemplates::repeatedPlaceholders()
{
    const EventContext shared(sampleEvent());
    const QString json =
        uR"({"a": {{contact.tags}}, "b": "{{contact.tags}}", "c": {{contact.tags}},)"
        uR"( "d": "{{contact.tags}}", "e": "{{contact.tags | lower}}",)"
        uR"( "f": "{{contact.fullname}} {{contact.fullname}}"})"_s;
    const QString expected = uR"({"a": ["VIP","IĞDIR"], "b": "[\"VIP\",\"IĞDIR\"]",)"
                             uR"( "c": ["VIP","IĞDIR"], "d": "[\"VIP\",\"IĞDIR\"]",)"
                             uR"( "e": "[\"vip\",\"iğdir\"]", "f": "Ayşe Yılmaz Ayşe Yılmaz"})"_s;
    QCOMPARE(renderText(json, TemplateContext::Json, shared), expected);
    QCOMPARE(renderText(json, TemplateContext::Json, shared), expected);
    QCOMPARE(renderText(u"{{contact.tags}} {{contact.tags}}"_s, TemplateContext::PlainText, shared),
             uR"(["VIP","IĞDIR"] ["VIP","IĞDIR"])"_s);
    QCOMPARE(renderText(u"https://x.example/{{contact.fullname}}/{{contact.fullname}}"_s,
                        TemplateContext::Url, shared),
             u"https://x.example/Ay%C5%9Fe%20Y%C4%B1lmaz/Ay%C5%9Fe%20Y%C4%B1lmaz"_s);
    QCOMPARE(renderText(json, TemplateContext::Json, EventContext(sampleEvent())), expected);
}

void TestTemplates::fieldPathsAndConstant()
{
    QList<TemplateProblem> problems;
    const Template t = Template::parse(
        u"{{contact.email}} {{contact.fullname|upper}} {{contact.email}} {{delivery.id}}"_s,
        TemplateContext::PlainText, testCatalog(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(t.fieldPaths(),
             (QStringList{u"contact.email"_s, u"contact.fullname"_s, u"delivery.id"_s}));
    QVERIFY(!t.isConstant());
    QString out;
    QVERIFY(t.render(EventContext(sampleEvent(), nullptr, u"dlv_1"_s), Language::English, &out,
                     &problems));
    QCOMPARE(out, u"ayse+test@example.com AYŞE YILMAZ ayse+test@example.com dlv_1"_s);

    const Template constant =
        Template::parse(u"{\"a\": 1}"_s, TemplateContext::Json, testCatalog(), &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(constant.isConstant());
    QVERIFY(constant.fieldPaths().isEmpty());
}

void TestTemplates::movedFrom()
{
    QList<TemplateProblem> problems;
    Template a =
        Template::parse(u"x{{contact.id}}"_s, TemplateContext::PlainText, testCatalog(), &problems);
    Template b = std::move(a);
    QString out;
    QVERIFY(b.render(EventContext(sampleEvent()), Language::English, &out, &problems));
    QCOMPARE(out, u"xc_1"_s);
    const Template empty;
    QVERIFY(empty.render(EventContext(sampleEvent()), Language::English, &out, &problems));
    QCOMPARE(out, QString());
    QVERIFY(empty.isConstant());
}

// A large template is remembered once parsed; parsing it again, or another, gives what parsing
// it afresh gives.
void TestTemplates::largeTemplateParsedAgainIsTheSame()
{
    QString a = u"{\"items\": ["_s;
    while (a.size() < Template::CachedSize * 2)
        a += u"{\"name\": \"{{contact.fullname}}\", \"bad\": \"{{no.such.field}}\"},"_s;
    a += u"{}]}"_s;
    QString b = a;
    b.replace(u"{{no.such.field}}"_s, u"{{contact.email}}"_s);
    const QJsonObject event{
        {u"type"_s, u"chat.opened"_s},
        {u"contact"_s, QJsonObject{{u"fullname"_s, u"Ayşe"_s}, {u"email"_s, u"a@example.com"_s}}}};
    const auto parse = [](const QString &text, QList<TemplateProblem> *problems) {
        return Template::parse(text, TemplateContext::Json, Catalog::builtIn(), problems);
    };
    QList<TemplateProblem> firstProblems;
    const Template first = parse(a, &firstProblems);
    QVERIFY(!firstProblems.isEmpty());
    QList<TemplateProblem> otherProblems;
    const Template other = parse(b, &otherProblems);
    QVERIFY(otherProblems.isEmpty());
    QCOMPARE(other.fieldPaths(), QStringList({u"contact.fullname"_s, u"contact.email"_s}));
    QList<TemplateProblem> againProblems{TemplateProblem()}; // appended to, not replaced
    const Template again = parse(a, &againProblems);
    QCOMPARE(againProblems.size(), firstProblems.size() + 1);
    QCOMPARE(againProblems.mid(1), firstProblems);
    QCOMPARE(again.fieldPaths(), first.fieldPaths());
    QList<TemplateProblem> sameAgain;
    const Template otherAgain = parse(b, &sameAgain);
    QVERIFY(sameAgain.isEmpty());
    QString rendered;
    QString renderedAgain;
    QVERIFY(other.render(EventContext(event), Language::Turkish, &rendered, nullptr));
    QVERIFY(otherAgain.render(EventContext(event), Language::Turkish, &renderedAgain, nullptr));
    QCOMPARE(renderedAgain, rendered);
    QVERIFY(rendered.contains(u"\"name\": \"Ayşe\", \"bad\": \"a@example.com\""_s));
}

// A placeholder without filters writes a text or a small integer straight from the event's
// compact form (as text, and as UTF-8 for a body); every other value goes through QJsonValue and
// the filters. Both must give the same output, in every context, whatever the value: the same
// placeholder with a filter that changes nothing here (default, on a value that is not empty)
// takes the general way, and the UTF-8 rendering must be the text's UTF-8.
void TestTemplates::valuesWrittenInPlaceAreTheSame_data()
{
    QTest::addColumn<QJsonValue>("value");
    const QString ascii = u"The quick brown fox jumps over the lazy dog 0123456789"_s;
    QTest::newRow("turkish") << QJsonValue(u"Işıl Şahin, İstanbul: ğüşöç ĞÜŞÖÇ"_s);
    QTest::newRow("quotes") << QJsonValue(u"a\"b\\c/d"_s);
    QTest::newRow("controls") << QJsonValue(u"line\nbreak\ttab\rret\bback\fform"_s + QChar(0x01)
                                            + QChar(0x1F) + u"end"_s);
    QTest::newRow("line separators") << QJsonValue(u"a\u2028b\u2029c"_s);
    QTest::newRow("next line and delete") << QJsonValue(u"a\u0085b"_s + QChar(0x7F) + u"c"_s);
    QTest::newRow("emoji") << QJsonValue(u"ok 😀 👍🏽 done"_s);
    QTest::newRow("nul") << QJsonValue(u"a"_s + QChar(0) + u"b"_s);
    QTest::newRow("long ascii") << QJsonValue(ascii + ascii);
    // A quote and a wide character at every place of an eight-byte word and of a sixteen-byte
    // block.
    for (int at = 0; at < 33; ++at) {
        QString text = ascii.left(48);
        text[at] = u'"';
        text[at + 5] = u'ş';
        QTest::addRow("word boundary %d", at) << QJsonValue(text);
    }
    QTest::newRow("lone surrogate") << QJsonValue(u"a"_s + QChar(0xD800) + u"b"_s);
    QTest::newRow("url reserved") << QJsonValue(u"a b&c=d?e#f/g%h+i~j"_s);
    QTest::newRow("integer") << QJsonValue(42);
    QTest::newRow("negative") << QJsonValue(-7);
    QTest::newRow("int32 max") << QJsonValue(2147483647);
    QTest::newRow("int32 min") << QJsonValue(qint64(-2147483648LL));
    QTest::newRow("int64") << QJsonValue(qint64(1) << 40);
    QTest::newRow("fraction") << QJsonValue(4.5);
    QTest::newRow("true") << QJsonValue(true);
    QTest::newRow("list") << QJsonValue(QJsonArray{u"a\"b"_s, 1, u"ş"_s});
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"k"_s, u"v\n"_s}});
}

void TestTemplates::valuesWrittenInPlaceAreTheSame()
{
    QFETCH(QJsonValue, value);
    const EventContext event(QJsonObject{{u"contact"_s, QJsonObject{{u"fullname"_s, value}}}});
    const struct
    {
        TemplateContext context;
        QString text; // %1: the placeholder
    } cases[] = {
        {TemplateContext::PlainText, u"<%1>"_s},
        {TemplateContext::Json, u"{\"s\": \"pre %1 post\", \"v\": %1}"_s},
        {TemplateContext::Url, u"https://example.com/p/%1?q=%1"_s},
        {TemplateContext::Header, u"x %1 y"_s},
        {TemplateContext::FormField, u"%1"_s},
        // The same placeholder again in the same place: a copy of what was written first.
        {TemplateContext::Json, u"{\"s\": \"%1 and %1\", \"v\": [%1, %1, %1]}"_s},
        {TemplateContext::PlainText, u"%1|%1|%1"_s},
        {TemplateContext::Header, u"%1 %1"_s},
    };
    for (const auto &c : cases) {
        const QString inPlace = c.text.arg(u"{{contact.fullname}}"_s);
        const QString general = c.text.arg(u"{{contact.fullname | default:\"-\"}}"_s);
        const QString expected = renderText(general, c.context, event);
        QVERIFY2(!expected.startsWith(u"parse: "_s), qPrintable(expected));
        QCOMPARE(renderText(inPlace, c.context, event), expected);

        QList<TemplateProblem> problems;
        const Template t = Template::parse(inPlace, c.context, testCatalog(), &problems);
        QByteArray utf8;
        QVERIFY(t.render(event, Language::English, &utf8, &problems));
        QCOMPARE(utf8, expected.toUtf8());
    }
}

// A placeholder without filters placed again in the same way is a copy of what was written the
// first time (Template::render): three of them are the one three times, whatever the value
// (absent and empty included), in text and in UTF-8, with other placeholders between.
void TestTemplates::repeatedPlaceholderWritesItsValueAgain_data()
{
    valuesWrittenInPlaceAreTheSame_data();
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("empty") << QJsonValue(u""_s);
}

void TestTemplates::repeatedPlaceholderWritesItsValueAgain()
{
    QFETCH(QJsonValue, value);
    QJsonObject contact{{u"city"_s, u"İzmir"_s}};
    if (!value.isUndefined())
        contact.insert(u"fullname"_s, value);
    const EventContext event(QJsonObject{{u"contact"_s, contact}});
    for (const TemplateContext context :
         {TemplateContext::PlainText, TemplateContext::Header, TemplateContext::Url}) {
        const QString once = renderText(u"{{contact.fullname}}"_s, context, event);
        const QString city = renderText(u"{{contact.city}}"_s, context, event);
        const QString thrice = u"{{contact.fullname}}/{{contact.city}}/{{contact.fullname}}/"
                               u"{{contact.fullname}}/{{contact.city}}"_s;
        const QString expected = once + u'/' + city + u'/' + once + u'/' + once + u'/' + city;
        QCOMPARE(renderText(thrice, context, event), expected);
        QList<TemplateProblem> problems;
        const Template t = Template::parse(thrice, context, testCatalog(), &problems);
        QByteArray utf8;
        QVERIFY(t.render(event, Language::English, &utf8, &problems));
        QCOMPARE(utf8, expected.toUtf8());
    }
}

// A list of texts and small integers through the json filter alone, where a JSON value stands,
// is written straight from the event's compact form (Template::render): the same output as the
// general way (a filter that changes nothing here before json), in text and in UTF-8, and JSON
// that reads back as the list. Lists with anything else in them, and values that are not lists,
// take the general way and come out the same too.
void TestTemplates::listsThroughJsonAreTheSame_data()
{
    QTest::addColumn<QJsonValue>("tags");
    const QString ascii = u"The quick brown fox jumps over the lazy dog 0123456789"_s;
    QJsonArray texts{u"Işıl Şahin, İstanbul: ğüşöç ĞÜŞÖÇ"_s,
                     u"a\"b\\c/d"_s,
                     QString(u"line\nbreak\ttab\rret\bback\fform"_s + QChar(0x01) + QChar(0x1F)),
                     u"a\u2028b\u2029c"_s,
                     QString(u"a\u0085b"_s + QChar(0x7F) + u"c"_s),
                     u"ok 😀 👍🏽 done"_s,
                     QString(u"a"_s + QChar(0) + u"b"_s),
                     QString(ascii + ascii),
                     u""_s};
    QJsonArray boundaries; // a quote and a wide character at every place of a word and a block
    for (int at = 0; at < 33; ++at) {
        QString text = ascii.left(48);
        text[at] = u'"';
        text[at + 5] = u'ş';
        boundaries.append(text);
    }
    QTest::newRow("empty") << QJsonValue(QJsonArray());
    QTest::newRow("one text") << QJsonValue(QJsonArray{u"VIP"_s});
    QTest::newRow("texts to escape") << QJsonValue(texts);
    QTest::newRow("word boundaries") << QJsonValue(boundaries);
    QTest::newRow("integers") << QJsonValue(
        QJsonArray{42, -7, 0, 2147483647, qint64(-2147483648LL)});
    QTest::newRow("texts and integers") << QJsonValue(QJsonArray{u"a\"b"_s, 1, u"ş"_s, -3});
    QTest::newRow("many") << QJsonValue(boundaries + texts + QJsonArray{1, 2, 3, 4, 5, 6, 7, 8});
    // The general way, whole or from where the list holds something else.
    QTest::newRow("a fraction") << QJsonValue(QJsonArray{u"a"_s, 4.5});
    QTest::newRow("a wide integer") << QJsonValue(QJsonArray{1, qint64(1) << 40});
    QTest::newRow("a list in it") << QJsonValue(QJsonArray{u"a"_s, QJsonArray{1, u"b"_s}});
    QTest::newRow("an object in it") << QJsonValue(QJsonArray{QJsonObject{{u"k"_s, u"v\n"_s}}});
    QTest::newRow("true and null") << QJsonValue(QJsonArray{true, QJsonValue::Null});
    QTest::newRow("lone surrogate")
        << QJsonValue(QJsonArray{QString(u"a"_s + QChar(0xD800) + u"b"_s)});
    QTest::newRow("a text, not a list") << QJsonValue(u"VIP"_s);
    QTest::newRow("an object, not a list") << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, 2}});
}

void TestTemplates::listsThroughJsonAreTheSame()
{
    QFETCH(QJsonValue, tags);
    const EventContext event(
        QJsonObject{{u"contact"_s, QJsonObject{{u"city"_s, u"İzmir"_s}, {u"tags"_s, tags}}}});
    // Where a value stands (twice, the second among others), and inside a string.
    const QString text = u"{\"t\": %1, \"n\": [\"{{contact.city}}\", %1, 2], \"s\": \"<%1>\"}"_s;
    const QString inPlace = text.arg(u"{{contact.tags | json}}"_s);
    const QString general = text.arg(u"{{contact.tags | default:\"-\" | json}}"_s);
    const QString expected = renderText(general, TemplateContext::Json, event);
    QVERIFY2(!expected.startsWith(u"parse: "_s) && !expected.startsWith(u"render: "_s),
             qPrintable(expected));
    QCOMPARE(renderText(inPlace, TemplateContext::Json, event), expected);

    QList<TemplateProblem> problems;
    const Template t = Template::parse(inPlace, TemplateContext::Json, testCatalog(), &problems);
    QByteArray utf8;
    QVERIFY(t.render(event, Language::English, &utf8, &problems));
    QCOMPARE(utf8, expected.toUtf8());
    if (QTest::currentDataTag() == QByteArrayView("lone surrogate"))
        return; // escaped as \ud800, which JSON readers take differently
    QJsonParseError error;
    const QJsonObject read = QJsonDocument::fromJson(utf8, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(read.value(u"t"_s), tags);
    QCOMPARE(read.value(u"n"_s).toArray().at(1), tags);
}

// A value from outside the event (here the delivery's id) may hold a lone surrogate: the body's
// UTF-8 is then still the UTF-8 of the whole text.
void TestTemplates::utf8OfALoneSurrogateOutsideTheEvent()
{
    EventContext event(QJsonObject{{u"contact"_s, QJsonObject{{u"fullname"_s, u"Ayşe"_s}}}});
    event.setDeliveryId(u"d"_s + QChar(0xD83D));
    for (const TemplateContext context : {TemplateContext::PlainText, TemplateContext::Header}) {
        QList<TemplateProblem> problems;
        const Template t = Template::parse(u"{{contact.fullname}} {{delivery.id}}!"_s, context,
                                           testCatalog(), &problems);
        QVERIFY(problems.isEmpty());
        QString text;
        QVERIFY(t.render(event, Language::English, &text, &problems));
        QVERIFY(!QStringView(text).isValidUtf16());
        QByteArray utf8;
        QVERIFY(t.render(event, Language::English, &utf8, &problems));
        QCOMPARE(utf8, text.toUtf8());
        QVERIFY(problems.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
