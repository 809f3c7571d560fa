#include "conditions/ConditionExplanation.h"

#include "conditions/ConditionValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Kanca::ConditionExplanation {

namespace {

using Why = LeafOutcome::Why;

constexpr int DisplayedCharacters = 60;
constexpr qsizetype DisplayedElements = 20;

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
        return ConditionValues::numberText(value.toDouble());
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
    case Why::GaveUp:
        return turkish ? QStringLiteral("ifade bu metinde vazgeçti (eşleşme sınırı)")
                       : QStringLiteral("the expression gave up (match limit) on this text");
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

} // namespace

QString leaf(const CompiledConditionNode &node, const QJsonValue &actual,
             const LeafOutcome &outcome, Language language)
{
    const QString sentence =
        (node.op == Operator::IsEmpty || node.op == Operator::IsNotEmpty)
            ? sentenceTemplate(node.op, language)
                  .arg(node.displayLabel(language), displayValue(actual, language))
            : sentenceTemplate(node.op, language)
                  .arg(node.displayLabel(language), displayValue(actual, language),
                       displayValue(node.value, language));
    const QString reason = reasonText(outcome.why, language);
    if (outcome.why == Why::GaveUp) {
        return QStringLiteral("%1: %2 (%3)")
            .arg(sentence,
                 language == Language::Turkish ? QStringLiteral("karar verilemedi")
                                               : QStringLiteral("undecided"),
                 reason);
    }
    if (reason.isEmpty())
        return QStringLiteral("%1: %2").arg(sentence, answerText(outcome.result, language));
    return QStringLiteral("%1: %2 (%3)")
        .arg(sentence, answerText(outcome.result, language), reason);
}

QString groupProblem(Language language)
{
    return language == Language::Turkish
               ? QStringLiteral("Bu koşulda bir hata var, hiçbir zaman eşleşmez.")
               : QStringLiteral("This condition has an error and never matches.");
}

QString notOverProblem(Language language)
{
    return language == Language::Turkish
               ? QStringLiteral(
                   "İçindeki koşulda bir hata var; bu yüzden \"değil\" hiçbir zaman eşleşmez.")
               : QStringLiteral("The condition inside has an error, so \"not\" never matches.");
}

} // namespace Kanca::ConditionExplanation
