#include "templates/TemplateFilters.h"

#include "templates/TemplateEscaping.h"
#include "text/TextCase.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QTime>

namespace Kanca::TemplateFilters {

namespace {

struct FilterName
{
    QLatin1StringView name;
    TemplateFilterKind kind;
};

constexpr FilterName FilterNames[] = {
    {QLatin1StringView("upper"), TemplateFilterKind::Upper},
    {QLatin1StringView("lower"), TemplateFilterKind::Lower},
    {QLatin1StringView("default"), TemplateFilterKind::Default},
    {QLatin1StringView("json"), TemplateFilterKind::Json},
    {QLatin1StringView("urlencode"), TemplateFilterKind::UrlEncode},
    {QLatin1StringView("truncate"), TemplateFilterKind::Truncate},
    {QLatin1StringView("date"), TemplateFilterKind::Date},
};

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

// At most `count` code points; the last is "…" when the text is cut.
QString truncated(const QString &text, int count)
{
    if (text.size() <= count)
        return text; // fewer UTF-16 units than count: fewer code points too
    qsizetype i = 0;
    qsizetype cutAt = 0;
    int seen = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (seen == count - 1)
            cutAt = i;
        if (seen == count)
            return text.left(cutAt) + QChar(0x2026);
        const bool pair = text[i].isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate();
        i += pair ? 2 : 1;
        ++seen;
    }
    return text;
}

QDateTime parseIsoDateTime(const QString &text)
{
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    const bool hasZone = text.endsWith(u'Z') || text.endsWith(u'z') || text.lastIndexOf(u'+') > 10
                         || text.lastIndexOf(u'-') > 10;
    return QDateTime::fromString(hasZone ? text : text + u'Z', Qt::ISODateWithMs);
}

const QLocale &localeOf(Language language)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    static const QLocale turkish(QLocale::Turkish, QLocale::Turkey);
    return language == Language::Turkish ? turkish : english;
}

} // namespace

QStringList names()
{
    QStringList names;
    for (const FilterName &f : FilterNames)
        names.append(QString(f.name));
    return names;
}

std::optional<TemplateFilterKind> kindNamed(QStringView name)
{
    for (const FilterName &f : FilterNames) {
        if (name == f.name)
            return f.kind;
    }
    return std::nullopt;
}

QString nameOf(TemplateFilterKind kind)
{
    for (const FilterName &f : FilterNames) {
        if (f.kind == kind)
            return QString(f.name);
    }
    return {};
}

bool isDateTimeText(const QString &text)
{
    return parseIsoDateTime(text).isValid();
}

bool apply(const TemplateFilter &filter, TemplateValue *value, Language language, QString *failure)
{
    using TemplateEscaping::textOf;
    QJsonValue &v = value->json;
    switch (filter.kind) {
    case TemplateFilterKind::Upper:
    case TemplateFilterKind::Lower: {
        const auto map = [&](const QString &text) {
            return filter.kind == TemplateFilterKind::Upper ? TextCase::toUpper(text, language)
                                                            : TextCase::toLower(text, language);
        };
        if (v.isString()) {
            v = map(v.toString());
            value->form = TemplateValue::Form::Plain;
        } else if (v.isArray()) {
            QJsonArray array = v.toArray();
            for (auto it = array.begin(); it != array.end(); ++it) {
                if (it->isString())
                    *it = map(it->toString());
            }
            v = array;
        }
        return true;
    }
    case TemplateFilterKind::Default:
        if (isAbsent(v) || (v.isString() && v.toString().isEmpty())) {
            v = filter.text;
            value->form = TemplateValue::Form::Plain;
        }
        return true;
    case TemplateFilterKind::Json:
        v = TemplateEscaping::jsonText(v);
        value->form = TemplateValue::Form::JsonText;
        return true;
    case TemplateFilterKind::UrlEncode: {
        QString encoded;
        TemplateEscaping::appendPercentEncoded(encoded, textOf(v));
        v = encoded;
        value->form = TemplateValue::Form::UrlEncoded;
        return true;
    }
    case TemplateFilterKind::Truncate:
        if (isAbsent(v))
            return true;
        v = truncated(textOf(v), filter.count);
        value->form = TemplateValue::Form::Plain;
        return true;
    case TemplateFilterKind::Date: {
        if (isAbsent(v) || (v.isString() && v.toString().isEmpty()))
            return true;
        const QDateTime dateTime = v.isString() ? parseIsoDateTime(v.toString()) : QDateTime();
        if (!dateTime.isValid()) {
            *failure = truncated(textOf(v), 40);
            return false;
        }
        v = localeOf(language).toString(dateTime, filter.text);
        value->form = TemplateValue::Form::Plain;
        return true;
    }
    }
    return true;
}

} // namespace Kanca::TemplateFilters
