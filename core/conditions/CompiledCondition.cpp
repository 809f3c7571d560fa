// How a rule's "if" is evaluated. This comment is the reference for the user documentation.
//
// Groups
//   all: true when every member is true; an empty "all" is true (like an absent "if").
//   any: true when at least one member is true; an empty "any" is false (no member is true).
//   not: true when its one member is false. A "not" must hold exactly one condition.
//   Evaluation stops as soon as the outcome of a group is known, except when a trace is asked
//   for: then every leaf is evaluated and traced, so the user sees every tick and cross.
//   Conditions nest at most MaxDepth (32) levels deep, the "if" itself being the first.
//
// Absent values
//   A field that the event does not carry, or that is JSON null, is absent. For an absent field
//   every operator is false except isEmpty (true), notEquals and notContains (true: an absent
//   value equals nothing and contains nothing).
//
// Text (case-insensitive unless "caseSensitive": true)
//   Both sides are brought to Unicode NFC and folded for the rule set's language: in a Turkish
//   ("tr") rule set I folds to ı and İ to i, so "SİSTEM ÇALIŞMIYOR" contains "çalışmıyor" and
//   "ILIK" does not contain "ilik" (it reads "ılık"); in an English ("en") rule set I folds to
//   i (and İ to i too), so "ILIK" contains "ilik". A Turkish rule set therefore matches the tag
//   "VIP" with "VIP" or "vıp", not with "vip". Other letters follow Unicode simple case folding;
//   ß stays ß. With "caseSensitive": true the texts are compared exactly, after NFC.
//   equals / notEquals: the whole text; contains / notContains: a part of it; startsWith,
//   endsWith: its beginning or end; in: equals one of the listed values. A number or true/false
//   found where text is expected is compared as its JSON text (42, true); a list or an object is
//   a type mismatch.
// matches
//   A regular expression (PCRE, as QRegularExpression, Unicode properties on), searched anywhere
//   in the text (anchor with ^ and $ for the whole text). Case-insensitive unless caseSensitive;
//   the text is also tried in its folded and upper-case forms for the rule set's language, so
//   "çalışmıyor" finds "SİSTEM ÇALIŞMIYOR" in Turkish. The expression engine itself treats I and
//   i as the same letter in both languages, so matches is more lenient than contains there.
// Lists of text (tags)
//   contains / equals: some element equals the value (membership, not a substring of an
//   element); notContains / notEquals: no element equals it; in: some element equals one of the
//   listed values; startsWith, endsWith, matches: some element does. A value that is not a list
//   is a type mismatch.
// One of a fixed set (platform, outcome, sender)
//   Compared as text. The rule's value (each value, for in) must be one of the field's values,
//   in any case ("whatsapp" is WhatsApp) unless caseSensitive.
// Numbers
//   The event's value may be a JSON number or a text holding a number ("42", " 4.5 "); the
//   rule's value must be a JSON number. greaterThan >, lessThan <, atLeast >=, atMost <=,
//   equals, notEquals, in (a list of numbers). A value outside the field's documented range is
//   a warning.
// Date-times
//   ISO 8601 texts ("2026-11-21T10:30:00Z", with milliseconds or an offset such as +03:00, or a
//   date alone, "2026-11-21", meaning its midnight). A date-time without an offset is read as
//   UTC. equals, notEquals, greaterThan (later), lessThan (earlier), atLeast, atMost compare
//   instants: "2026-11-21T13:30:00+03:00" equals "2026-11-21T10:30:00Z".
// isEmpty / isNotEmpty
//   Empty: absent, null, a text of nothing but white space, an empty list, an empty object. A
//   number or true/false is never empty.
// Type mismatches
//   A value of the wrong kind in the event (a list where text was expected, a text that is not a
//   number or not a date-time) makes the leaf false, whatever the operator (notEquals and
//   notContains included; isEmpty and isNotEmpty look at any kind of value), and the trace says
//   why.
// Problems
//   Compiling reports every problem with the JSON pointer of the key at fault ("…/field",
//   "…/op", "…/value", "…/value/2", "…/not", or the condition itself when nested too deep). A
//   leaf with a problem never matches, and a "not" over a condition with a problem never
//   matches either, so a broken rule does not fire by accident.

#include "conditions/CompiledCondition.h"

#include "catalog/Catalog.h"
#include "event/EventContext.h"
#include "text/Suggest.h"
#include "text/TextCase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace Kanca {

namespace {

// How a leaf compares, decided once from its operator and its field's type.
enum class Mode {
    Emptiness, // isEmpty, isNotEmpty
    Text,      // folded (or NFC) text: equals, notEquals, contains, notContains, startsWith, …
    Pattern,   // matches
    List,      // a list of texts, element by element
    Number,
    Instant, // date-times, as milliseconds since the epoch
};

// Why a leaf is false beyond the comparison itself.
enum class Why { None, Absent, NotText, NotList, NotNumber, NotDateTime, Problem };

struct Outcome
{
    bool result = false;
    Why why = Why::None;
};

constexpr char16_t DottedCapitalI = u'\u0130';
constexpr char16_t DotlessSmallI = u'\u0131';
constexpr int DisplayedCharacters = 60;
constexpr qsizetype DisplayedElements = 20;

bool isOrdering(Operator op)
{
    return op == Operator::GreaterThan || op == Operator::LessThan || op == Operator::AtLeast
           || op == Operator::AtMost;
}

bool isNegated(Operator op)
{
    return op == Operator::NotEquals || op == Operator::NotContains;
}

Mode modeFor(Operator op, FieldType type)
{
    if (op == Operator::IsEmpty || op == Operator::IsNotEmpty)
        return Mode::Emptiness;
    const bool comparesValues =
        op == Operator::Equals || op == Operator::NotEquals || op == Operator::In || isOrdering(op);
    switch (type) {
    case FieldType::TextList:
        return isOrdering(op) ? Mode::Number : Mode::List;
    case FieldType::Number:
        if (comparesValues)
            return Mode::Number;
        break;
    case FieldType::DateTime:
        if (comparesValues)
            return Mode::Instant;
        break;
    case FieldType::Text:
    case FieldType::OneOf:
        if (isOrdering(op))
            return Mode::Number;
        break;
    }
    return op == Operator::Matches ? Mode::Pattern : Mode::Text;
}

QString numberText(double value)
{
    if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// The text of a scalar: strings as they are, numbers and booleans as JSON writes them.
bool scalarText(const QJsonValue &value, QString *text)
{
    switch (value.type()) {
    case QJsonValue::String:
        *text = value.toString();
        return true;
    case QJsonValue::Double:
        *text = numberText(value.toDouble());
        return true;
    case QJsonValue::Bool:
        *text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    default:
        return false;
    }
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return number;
}

// Milliseconds since the epoch of an ISO 8601 date-time; no offset means UTC.
std::optional<double> instantOf(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    constexpr qsizetype DateLength = 10; // 2026-11-21
    if (trimmed.size() < DateLength || trimmed.size() > 64)
        return std::nullopt;
    QDateTime dateTime;
    if (trimmed.size() == DateLength) {
        const QDate date = QDate::fromString(trimmed.toString(), Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        dateTime = QDateTime(date, QTime(0, 0), Qt::UTC);
    } else {
        QString iso = trimmed.toString();
        const QStringView time = trimmed.mid(DateLength);
        if (!time.contains(u'Z') && !time.contains(u'+') && !time.contains(u'-'))
            iso += u'Z';
        dateTime = QDateTime::fromString(iso, Qt::ISODateWithMs);
    }
    if (!dateTime.isValid())
        return std::nullopt;
    return double(dateTime.toMSecsSinceEpoch());
}

bool isEmptyValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return QStringView(value.toString()).trimmed().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    default:
        return false;
    }
}

bool holdsAnI(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'I' || u == u'i' || u == DottedCapitalI || u == DotlessSmallI)
            return true;
    }
    return false;
}

// The comparison of two numbers (or instants) for an ordering or equality operator.
bool compareNumbers(Operator op, double actual, double expected)
{
    switch (op) {
    case Operator::Equals:
        return actual == expected;
    case Operator::NotEquals:
        return actual != expected;
    case Operator::GreaterThan:
        return actual > expected;
    case Operator::LessThan:
        return actual < expected;
    case Operator::AtLeast:
        return actual >= expected;
    case Operator::AtMost:
        return actual <= expected;
    default:
        return false;
    }
}

// The event's text folded as the leaf's needles were (TextCase::fold). Text made only of
// characters below U+0300 (ASCII, Latin-1 and Latin Extended: all of Turkish, and most event
// data) is already in NFC, since nothing there composes without a combining mark, so it is folded
// character by character into the thread's scratch buffer: once the buffer is large enough, no
// memory is allocated. Anything else goes through TextCase::fold. The view is valid until the
// scratch buffer is used again.
QStringView foldInto(const QString &text, Language language, bool caseSensitive, QString &scratch)
{
    if (caseSensitive) {
        scratch = text.normalized(QString::NormalizationForm_C); // shares `text` when NFC
        return scratch;
    }
    constexpr char16_t FirstCombiningMark = 0x0300;
    const qsizetype size = text.size();
    scratch.resize(size);
    QChar *out = scratch.data();
    const QChar *in = text.constData();
    const bool turkish = language == Language::Turkish;
    for (qsizetype i = 0; i < size; ++i) {
        char16_t c = in[i].unicode();
        if (c < 0x80) {
            if (c >= u'A' && c <= u'Z')
                c = (c == u'I' && turkish) ? DotlessSmallI : char16_t(c + (u'a' - u'A'));
        } else if (c < FirstCombiningMark) {
            c = c == DottedCapitalI ? u'i' : char16_t(QChar::toCaseFolded(char32_t(c)));
        } else {
            scratch = TextCase::fold(text, language);
            return scratch;
        }
        out[i] = QChar(c);
    }
    return scratch;
}

QString &scratchBuffer()
{
    thread_local QString buffer;
    return buffer;
}

// ----- Explanations in the trace's language (not the interface's: a trace may be asked for in
// either language, so both are here rather than in the translation files).

QString truncatedForDisplay(const QString &text)
{
    if (text.size() <= DisplayedCharacters)
        return text;
    qsizetype cut = DisplayedCharacters;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QChar(0x2026);
}

QString displayValue(const QJsonValue &value, Language language)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return language == Language::Turkish ? QStringLiteral("(yok)") : QStringLiteral("(none)");
    case QJsonValue::String: {
        // JSON's own quoting escapes quotes and control characters (a NUL shows as \u0000).
        const QByteArray json = QJsonDocument(QJsonArray{truncatedForDisplay(value.toString())})
                                    .toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QString out = QStringLiteral("[");
        for (qsizetype i = 0; i < array.size() && i < DisplayedElements; ++i) {
            if (i > 0)
                out += u',';
            out += displayValue(array.at(i), language);
        }
        if (array.size() > DisplayedElements)
            out += u",\u2026";
        return out + u']';
    }
    case QJsonValue::Object:
        return value.toObject().isEmpty() ? QStringLiteral("{}") : QStringLiteral("{\u2026}");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        break;
    }
    return QStringLiteral("null");
}

// "%1 %2 contains %3": %1 the field's label, %2 the event's value, %3 the rule's value.
QString sentenceTemplate(Operator op, Language language)
{
    if (language == Language::Turkish) {
        switch (op) {
        case Operator::Equals:
            return QStringLiteral("%1 %2, %3 değerine eşit");
        case Operator::NotEquals:
            return QStringLiteral("%1 %2, %3 değerine eşit değil");
        case Operator::Contains:
            return QStringLiteral("%1 %2, %3 değerini içerir");
        case Operator::NotContains:
            return QStringLiteral("%1 %2, %3 değerini içermez");
        case Operator::StartsWith:
            return QStringLiteral("%1 %2, %3 ile başlar");
        case Operator::EndsWith:
            return QStringLiteral("%1 %2, %3 ile biter");
        case Operator::Matches:
            return QStringLiteral("%1 %2, %3 düzenli ifadesine uyar");
        case Operator::IsEmpty:
            return QStringLiteral("%1 %2 boş");
        case Operator::IsNotEmpty:
            return QStringLiteral("%1 %2 boş değil");
        case Operator::GreaterThan:
            return QStringLiteral("%1 %2, %3 değerinden büyük");
        case Operator::LessThan:
            return QStringLiteral("%1 %2, %3 değerinden küçük");
        case Operator::AtLeast:
            return QStringLiteral("%1 %2, en az %3");
        case Operator::AtMost:
            return QStringLiteral("%1 %2, en fazla %3");
        case Operator::In:
            return QStringLiteral("%1 %2, %3 değerlerinden biri");
        }
    } else {
        switch (op) {
        case Operator::Equals:
            return QStringLiteral("%1 %2 equals %3");
        case Operator::NotEquals:
            return QStringLiteral("%1 %2 does not equal %3");
        case Operator::Contains:
            return QStringLiteral("%1 %2 contains %3");
        case Operator::NotContains:
            return QStringLiteral("%1 %2 does not contain %3");
        case Operator::StartsWith:
            return QStringLiteral("%1 %2 starts with %3");
        case Operator::EndsWith:
            return QStringLiteral("%1 %2 ends with %3");
        case Operator::Matches:
            return QStringLiteral("%1 %2 matches %3");
        case Operator::IsEmpty:
            return QStringLiteral("%1 %2 is empty");
        case Operator::IsNotEmpty:
            return QStringLiteral("%1 %2 is not empty");
        case Operator::GreaterThan:
            return QStringLiteral("%1 %2 is greater than %3");
        case Operator::LessThan:
            return QStringLiteral("%1 %2 is less than %3");
        case Operator::AtLeast:
            return QStringLiteral("%1 %2 is at least %3");
        case Operator::AtMost:
            return QStringLiteral("%1 %2 is at most %3");
        case Operator::In:
            return QStringLiteral("%1 %2 is one of %3");
        }
    }
    return {};
}

QString reasonText(Why why, Language language)
{
    const bool turkish = language == Language::Turkish;
    switch (why) {
    case Why::NotText:
        return turkish ? QStringLiteral("değer metin değil")
                       : QStringLiteral("the value is not text");
    case Why::NotList:
        return turkish ? QStringLiteral("değer liste değil")
                       : QStringLiteral("the value is not a list");
    case Why::NotNumber:
        return turkish ? QStringLiteral("değer sayı değil")
                       : QStringLiteral("the value is not a number");
    case Why::NotDateTime:
        return turkish ? QStringLiteral("değer tarih ve saat değil")
                       : QStringLiteral("the value is not a date and time");
    case Why::Problem:
        return turkish ? QStringLiteral("koşulda bir hata var, hiçbir zaman eşleşmez")
                       : QStringLiteral("the condition has an error and never matches");
    case Why::None:
    case Why::Absent:
        break;
    }
    return {};
}

QString answerText(bool result, Language language)
{
    if (language == Language::Turkish)
        return result ? QStringLiteral("evet") : QStringLiteral("hayır");
    return result ? QStringLiteral("yes") : QStringLiteral("no");
}

QString groupProblemText(Language language)
{
    return language == Language::Turkish
               ? QStringLiteral("Bu koşulda bir hata var, hiçbir zaman eşleşmez.")
               : QStringLiteral("This condition has an error and never matches.");
}

QString notOverProblemText(Language language)
{
    return language == Language::Turkish
               ? QStringLiteral(
                   "İçindeki koşulda bir hata var; bu yüzden \"değil\" hiçbir zaman eşleşmez.")
               : QStringLiteral("The condition inside has an error, so \"not\" never matches.");
}

// A compiled condition node. CompiledCondition::Node derives from it so that the helpers below,
// which are not members, can work on it.
struct CompiledNode
{
    Condition::Kind kind = Condition::Kind::All;
    std::vector<CompiledNode> children;
    bool invalid = false;      // this node has a problem: it never matches
    bool problemBelow = false; // this node or one below it has a problem

    // Leaf only.
    QString field; // as written
    FieldPath path;
    LocalizedText label; // the catalog's, copied: the catalog need not outlive the condition
    Operator op = Operator::Equals;
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // as written, for the trace
    bool caseSensitive = false;
    Language language = Language::English;
    Mode mode = Mode::Text;
    QString needle;              // folded (or NFC when case-sensitive) text
    QStringList needles;         // in: the folded texts
    double number = 0;           // a number, or a date-time in milliseconds since the epoch
    std::vector<double> numbers; // in: numbers or date-times
    QRegularExpression regex;

    QString displayLabel(Language traceLanguage) const
    {
        const QString &text = label.in(traceLanguage);
        return text.isEmpty() ? field : text;
    }
};

using Node = CompiledNode;

class Compiler
{
public:
    Compiler(const Catalog &catalog, Language locale, Problems *problems)
        : m_catalog(catalog)
        , m_locale(locale)
        , m_problems(problems)
    {}

    void compile(const Condition &condition, const QString &pointer, int depth, Node &node);

private:
    void report(const QString &pointer, const QString &message,
                Problem::Severity severity = Problem::Severity::Error)
    {
        if (m_problems)
            m_problems->append(Problem{severity, pointer, 0, 0, message});
    }

    void compileLeaf(const Condition &condition, const QString &pointer, Node &node);
    void reportOperatorDoesNotApply(const Node &node, const FieldInfo &field,
                                    const QString &pointer);
    bool compileValue(const QJsonValue &value, const FieldInfo &field, const QString &pointer,
                      Node &node);
    bool compileScalar(const QJsonValue &value, const FieldInfo &field, const QString &pointer,
                       Node &node, bool inList);
    bool compilePattern(const QJsonValue &value, const QString &pointer, Node &node);
    void checkRange(double value, const FieldInfo &field, const QString &pointer);

    const Catalog &m_catalog;
    Language m_locale;
    Problems *m_problems;
};

void Compiler::compile(const Condition &condition, const QString &pointer, int depth, Node &node)
{
    node.kind = condition.kind;
    if (condition.kind == Condition::Kind::Leaf) {
        node.field = condition.field;
        node.path = FieldPath(condition.field);
        node.op = condition.op;
        node.value = condition.value;
        node.caseSensitive = condition.caseSensitive;
        node.language = m_locale;
    }
    // Checked before going down, so a hostile tree cannot exhaust the stack.
    if (depth > CompiledCondition::MaxDepth) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "Conditions are nested more than %1 levels "
                                                    "deep; simplify this condition.")
                            .arg(CompiledCondition::MaxDepth));
        node.invalid = node.problemBelow = true;
        return;
    }
    switch (condition.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        const QString groupPointer =
            jsonPointerAppend(pointer, condition.kind == Condition::Kind::All ? u"all" : u"any");
        node.children.resize(condition.children.size());
        for (std::size_t i = 0; i < condition.children.size(); ++i) {
            compile(condition.children[i], jsonPointerAppend(groupPointer, qsizetype(i)), depth + 1,
                    node.children[i]);
            node.problemBelow = node.problemBelow || node.children[i].problemBelow;
        }
        return;
    }
    case Condition::Kind::Not: {
        const QString notPointer = jsonPointerAppend(pointer, u"not");
        if (condition.children.size() != 1) {
            report(notPointer,
                   QCoreApplication::translate("Kanca::CompiledCondition",
                                               "\"not\" must hold exactly one condition, not %n.",
                                               nullptr, int(condition.children.size())));
            node.invalid = node.problemBelow = true;
            return;
        }
        node.children.resize(1);
        compile(condition.children.front(), notPointer, depth + 1, node.children.front());
        node.problemBelow = node.children.front().problemBelow;
        return;
    }
    case Condition::Kind::Leaf:
        compileLeaf(condition, pointer, node);
        node.problemBelow = node.invalid;
        return;
    }
}

void Compiler::compileLeaf(const Condition &condition, const QString &pointer, Node &node)
{
    const QString fieldPointer = jsonPointerAppend(pointer, u"field");
    const FieldInfo *field = m_catalog.field(condition.field);
    if (!field) {
        node.invalid = true;
        if (condition.field.isEmpty()) {
            report(fieldPointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                             "A condition needs a field."));
            return;
        }
        const QString suggestion = closestMatch(condition.field, m_catalog.fieldPaths());
        if (suggestion.isEmpty()) {
            report(fieldPointer,
                   QCoreApplication::translate("Kanca::CompiledCondition", "Unknown field \"%1\".")
                       .arg(condition.field));
        } else {
            report(fieldPointer,
                   QCoreApplication::translate("Kanca::CompiledCondition",
                                               "Unknown field \"%1\". Did you mean \"%2\"?")
                       .arg(condition.field, suggestion));
        }
        return;
    }
    node.label = field->label;
    node.mode = modeFor(condition.op, field->type);

    if (!m_catalog.operatorApplies(condition.op, field->type)) {
        reportOperatorDoesNotApply(node, *field, jsonPointerAppend(pointer, u"op"));
        node.invalid = true;
        return;
    }
    if (!compileValue(condition.value, *field, jsonPointerAppend(pointer, u"value"), node))
        node.invalid = true;
}

void Compiler::reportOperatorDoesNotApply(const Node &node, const FieldInfo &field,
                                          const QString &pointer)
{
    QStringList applicable;
    for (int i = 0; i < OperatorCount; ++i) {
        if (m_catalog.operatorApplies(Operator(i), field.type))
            applicable.append(operatorId(Operator(i)));
    }
    const QString op = operatorId(node.op);
    const QString list = applicable.join(QStringLiteral(", "));
    QString message;
    switch (field.type) {
    case FieldType::Text:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the text field \"%2\"; use one of: %3.");
        break;
    case FieldType::TextList:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the list field \"%2\"; use one of: %3.");
        break;
    case FieldType::OneOf:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the field \"%2\", which holds one of a fixed "
            "set of values; use one of: %3.");
        break;
    case FieldType::Number:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the number field \"%2\"; use one of: %3.");
        break;
    case FieldType::DateTime:
        message = QCoreApplication::translate(
            "Kanca::CompiledCondition",
            "The operator \"%1\" does not apply to the date-time field \"%2\"; use one of: %3.");
        break;
    }
    report(pointer, message.arg(op, field.path, list));
}

bool Compiler::compileValue(const QJsonValue &value, const FieldInfo &field, const QString &pointer,
                            Node &node)
{
    const QString op = operatorId(node.op);
    const OperatorValue kind = operatorValue(node.op);
    if (kind == OperatorValue::None) {
        if (value.isUndefined())
            return true;
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The operator \"%1\" takes no value; remove "
                                                    "\"value\".")
                            .arg(op));
        return false;
    }
    if (value.isUndefined()) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The operator \"%1\" needs a value.")
                            .arg(op));
        return false;
    }
    if (node.mode == Mode::Pattern || (node.mode == Mode::List && node.op == Operator::Matches))
        return compilePattern(value, pointer, node);
    if (kind == OperatorValue::List) {
        if (!value.isArray()) {
            report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                        "The operator \"%1\" needs a list of "
                                                        "values, such as [\"a\", \"b\"].")
                                .arg(op));
            return false;
        }
        const QJsonArray list = value.toArray();
        bool ok = true;
        for (qsizetype i = 0; i < list.size(); ++i)
            ok = compileScalar(list.at(i), field, jsonPointerAppend(pointer, i), node, true) && ok;
        return ok;
    }
    return compileScalar(value, field, pointer, node, false);
}

bool Compiler::compileScalar(const QJsonValue &value, const FieldInfo &field,
                             const QString &pointer, Node &node, bool inList)
{
    if (node.mode == Mode::Number) {
        if (!value.isDouble()) {
            report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                        "The value must be a number, such as "
                                                        "42."));
            return false;
        }
        const double number = value.toDouble();
        checkRange(number, field, pointer);
        if (inList)
            node.numbers.push_back(number);
        else
            node.number = number;
        return true;
    }
    if (node.mode == Mode::Instant) {
        const std::optional<double> instant =
            value.isString() ? instantOf(value.toString()) : std::nullopt;
        if (!instant) {
            report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                        "The value must be a date and time, "
                                                        "such as \"%1\".")
                                .arg(QStringLiteral("2026-11-21T10:30:00Z")));
            return false;
        }
        if (inList)
            node.numbers.push_back(*instant);
        else
            node.number = *instant;
        return true;
    }
    if (!value.isString()) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The value must be text in quotes."));
        return false;
    }
    const QString text = value.toString();
    const QString needle =
        node.caseSensitive ? TextCase::normalized(text) : TextCase::fold(text, node.language);
    const bool mustBeAllowed = field.type == FieldType::OneOf && !field.allowedValues.isEmpty()
                               && (node.op == Operator::Equals || node.op == Operator::NotEquals
                                   || node.op == Operator::In);
    if (mustBeAllowed) {
        const bool allowed = std::any_of(
            field.allowedValues.cbegin(), field.allowedValues.cend(),
            [&](const QString &candidate) {
                return needle
                       == (node.caseSensitive ? TextCase::normalized(candidate)
                                              : TextCase::fold(candidate, node.language));
            });
        if (!allowed) {
            const QString values = field.allowedValues.join(QStringLiteral(", "));
            const QString suggestion = closestMatch(text, field.allowedValues);
            if (suggestion.isEmpty()) {
                report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                            "\"%1\" is not a value of \"%2\"; "
                                                            "use one of: %3.")
                                    .arg(text, field.path, values));
            } else {
                report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                            "\"%1\" is not a value of \"%2\". "
                                                            "Did you mean \"%4\"? The values "
                                                            "are: %3.")
                                    .arg(text, field.path, values, suggestion));
            }
            return false;
        }
    }
    if (inList)
        node.needles.append(needle);
    else
        node.needle = needle;
    return true;
}

bool Compiler::compilePattern(const QJsonValue &value, const QString &pointer, Node &node)
{
    if (!value.isString()) {
        report(pointer, QCoreApplication::translate("Kanca::CompiledCondition",
                                                    "The value of \"matches\" must be a regular "
                                                    "expression in quotes."));
        return false;
    }
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!node.caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    node.regex = QRegularExpression(TextCase::normalized(value.toString()), options);
    if (!node.regex.isValid()) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "Invalid regular expression: %1 at character %2.")
                   .arg(node.regex.errorString(),
                        QString::number(node.regex.patternErrorOffset() + 1)));
        return false;
    }
    node.regex.optimize();
    return true;
}

void Compiler::checkRange(double value, const FieldInfo &field, const QString &pointer)
{
    if (field.minimum && value < *field.minimum) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "%1 is below the smallest value of \"%2\", %3.")
                   .arg(numberText(value), field.path, numberText(*field.minimum)),
               Problem::Severity::Warning);
    } else if (field.maximum && value > *field.maximum) {
        report(pointer,
               QCoreApplication::translate("Kanca::CompiledCondition",
                                           "%1 is above the largest value of \"%2\", %3.")
                   .arg(numberText(value), field.path, numberText(*field.maximum)),
               Problem::Severity::Warning);
    }
}

// ----- Evaluation

bool patternHolds(const Node &node, const QString &text)
{
    const QString subject = text.normalized(QString::NormalizationForm_C);
    if (node.regex.match(subject).hasMatch())
        return true;
    if (node.caseSensitive || !holdsAnI(subject))
        return false;
    // The expression engine knows no Turkish: try the forms in which the language's dotted and
    // dotless i agree with the expression's own case.
    return node.regex.match(TextCase::fold(subject, node.language)).hasMatch()
           || node.regex.match(TextCase::toUpper(subject, node.language)).hasMatch();
}

// For a single text, or one element of a list (where contains means "equals").
bool textHolds(const Node &node, QStringView folded, bool element)
{
    switch (node.op) {
    case Operator::Equals:
        return folded == node.needle;
    case Operator::NotEquals:
        return element ? folded == node.needle : folded != node.needle;
    case Operator::Contains:
        return element ? folded == node.needle : folded.contains(node.needle);
    case Operator::NotContains:
        return element ? folded == node.needle : !folded.contains(node.needle);
    case Operator::StartsWith:
        return folded.startsWith(node.needle);
    case Operator::EndsWith:
        return folded.endsWith(node.needle);
    case Operator::In:
        return std::any_of(node.needles.cbegin(), node.needles.cend(),
                           [folded](const QString &needle) { return folded == needle; });
    default:
        return false;
    }
}

Outcome evaluateLeaf(const Node &node, const QJsonValue &actual)
{
    if (node.invalid)
        return {false, Why::Problem};
    if (node.mode == Mode::Emptiness) {
        const bool empty = isEmptyValue(actual);
        return {node.op == Operator::IsEmpty ? empty : !empty, Why::None};
    }
    if (actual.isUndefined() || actual.isNull())
        return {isNegated(node.op), Why::Absent};

    switch (node.mode) {
    case Mode::Text: {
        QString text;
        if (!scalarText(actual, &text))
            return {false, Why::NotText};
        const QStringView folded =
            foldInto(text, node.language, node.caseSensitive, scratchBuffer());
        return {textHolds(node, folded, false), Why::None};
    }
    case Mode::Pattern: {
        QString text;
        if (!scalarText(actual, &text))
            return {false, Why::NotText};
        return {patternHolds(node, text), Why::None};
    }
    case Mode::List: {
        if (!actual.isArray())
            return {false, Why::NotList};
        const QJsonArray list = actual.toArray();
        bool found = false;
        QString text;
        for (qsizetype i = 0; i < list.size() && !found; ++i) {
            if (!scalarText(list.at(i), &text))
                continue;
            if (node.op == Operator::Matches) {
                found = patternHolds(node, text);
            } else {
                found = textHolds(
                    node, foldInto(text, node.language, node.caseSensitive, scratchBuffer()), true);
            }
        }
        return {isNegated(node.op) ? !found : found, Why::None};
    }
    case Mode::Number: {
        const std::optional<double> number = numberOf(actual);
        if (!number)
            return {false, Why::NotNumber};
        if (node.op == Operator::In)
            return {std::find(node.numbers.cbegin(), node.numbers.cend(), *number)
                        != node.numbers.cend(),
                    Why::None};
        return {compareNumbers(node.op, *number, node.number), Why::None};
    }
    case Mode::Instant: {
        const std::optional<double> instant =
            actual.isString() ? instantOf(actual.toString()) : std::nullopt;
        if (!instant)
            return {false, Why::NotDateTime};
        if (node.op == Operator::In)
            return {std::find(node.numbers.cbegin(), node.numbers.cend(), *instant)
                        != node.numbers.cend(),
                    Why::None};
        return {compareNumbers(node.op, *instant, node.number), Why::None};
    }
    case Mode::Emptiness:
        break;
    }
    return {false, Why::None};
}

QString explainLeaf(const Node &node, const QJsonValue &actual, const Outcome &outcome,
                    Language language)
{
    const QString sentence =
        (node.op == Operator::IsEmpty || node.op == Operator::IsNotEmpty)
            ? sentenceTemplate(node.op, language)
                  .arg(node.displayLabel(language), displayValue(actual, language))
            : sentenceTemplate(node.op, language)
                  .arg(node.displayLabel(language), displayValue(actual, language),
                       displayValue(node.value, language));
    const QString reason = reasonText(outcome.why, language);
    if (reason.isEmpty())
        return QStringLiteral("%1: %2").arg(sentence, answerText(outcome.result, language));
    return QStringLiteral("%1: %2 (%3)")
        .arg(sentence, answerText(outcome.result, language), reason);
}

bool evaluate(const Node &node, const EventContext &context, ConditionTrace *trace,
              Language language)
{
    if (trace)
        trace->kind = node.kind;
    bool result = false;
    switch (node.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        const bool all = node.kind == Condition::Kind::All;
        result = all;
        if (trace)
            trace->children.resize(node.children.size());
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            if (!trace && result != all)
                break; // decided: a false member of "all", a true member of "any"
            const bool member = evaluate(node.children[i], context,
                                         trace ? &trace->children[i] : nullptr, language);
            result = all ? (result && member) : (result || member);
        }
        if (node.invalid) {
            result = false;
            if (trace)
                trace->explanation = groupProblemText(language);
        }
        break;
    }
    case Condition::Kind::Not: {
        if (node.invalid) {
            if (trace)
                trace->explanation = groupProblemText(language);
            break;
        }
        ConditionTrace *childTrace = nullptr;
        if (trace) {
            trace->children.resize(1);
            childTrace = &trace->children.front();
        }
        const bool inner = evaluate(node.children.front(), context, childTrace, language);
        if (node.problemBelow) {
            if (trace)
                trace->explanation = notOverProblemText(language);
            break;
        }
        result = !inner;
        break;
    }
    case Condition::Kind::Leaf: {
        const QJsonValue actual =
            node.path.isValid() ? context.value(node.path) : QJsonValue(QJsonValue::Undefined);
        const Outcome outcome = evaluateLeaf(node, actual);
        result = outcome.result;
        if (trace) {
            trace->field = node.field;
            trace->op = node.op;
            trace->expected = node.value;
            trace->actual = actual;
            trace->explanation = explainLeaf(node, actual, outcome, language);
        }
        break;
    }
    }
    if (trace)
        trace->result = result;
    return result;
}

} // namespace

struct CompiledCondition::Node : CompiledNode
{};

CompiledCondition::CompiledCondition() = default;
CompiledCondition::~CompiledCondition() = default;
CompiledCondition::CompiledCondition(CompiledCondition &&) noexcept = default;
CompiledCondition &CompiledCondition::operator=(CompiledCondition &&) noexcept = default;

CompiledCondition CompiledCondition::compile(const Condition &condition, Language locale,
                                             const Catalog &catalog, const QString &pointer,
                                             Problems *problems)
{
    CompiledCondition compiled;
    compiled.m_catalog = &catalog;
    compiled.m_root = std::make_unique<Node>();
    Compiler(catalog, locale, problems).compile(condition, pointer, 1, *compiled.m_root);
    return compiled;
}

bool CompiledCondition::matches(const EventContext &context) const
{
    return !m_root || evaluate(*m_root, context, nullptr, Language::English);
}

bool CompiledCondition::matches(const EventContext &context, ConditionTrace *trace,
                                Language traceLanguage) const
{
    if (!trace)
        return matches(context);
    *trace = ConditionTrace{};
    if (!m_root) {
        trace->kind = Condition::Kind::All; // an absent "if" reads as an empty "all"
        trace->result = true;
        return true;
    }
    return evaluate(*m_root, context, trace, traceLanguage);
}

} // namespace Kanca
