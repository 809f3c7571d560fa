#include "format/RuleSetReader.h"

#include "format/JsonLocator.h"
#include "format/StrictJson.h"
#include "model/FormatNames.h"
#include "text/Suggest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace Kanca {

using namespace Qt::StringLiterals;

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return RuleSetReader::tr("null");
    case QJsonValue::Bool:
        return RuleSetReader::tr("true or false");
    case QJsonValue::Double:
        return RuleSetReader::tr("a number");
    case QJsonValue::String:
        return RuleSetReader::tr("a string");
    case QJsonValue::Array:
        return RuleSetReader::tr("a list");
    case QJsonValue::Object:
        return RuleSetReader::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return RuleSetReader::tr("nothing");
}

// Walks one document, collecting problems.
class Reader
{
public:
    Reader(RuleSetReader::UnknownKeys unknownKeys, Problems &problems)
        : m_unknownKeys(unknownKeys)
        , m_problems(problems)
    {}

    void error(const QString &pointer, const QString &message, bool aboutKey = false)
    {
        m_problems.append({Problem::Severity::Error, pointer, 0, 0, message, aboutKey});
    }

    // Reads the keys of one object; reports keys nobody asked for when it goes out of scope.
    class Object
    {
    public:
        Object(Reader &reader, const QJsonObject &object, QString pointer)
            : m_reader(reader)
            , m_object(object)
            , m_pointer(std::move(pointer))
        {}
        ~Object() { reportUnknownKeys(); }
        Object(const Object &) = delete;
        Object &operator=(const Object &) = delete;

        const QString &pointer() const { return m_pointer; }
        QString at(QStringView key) const { return jsonPointerAppend(m_pointer, key); }
        bool has(QStringView key) const { return m_object.contains(key); }

        QJsonValue take(QStringView key)
        {
            m_known.append(key.toString());
            return m_object.value(key);
        }

        // An object of a kind this version does not know: the problem said at `key`, and its
        // other keys not judged (they are the unknown kind's).
        void refuseKind(QStringView key, const QString &message)
        {
            m_reader.error(at(key), message);
            for (const QString &other : m_object.keys())
                take(other);
        }

        std::optional<QString> string(QStringView key, bool required, bool allowEmpty = true)
        {
            const QJsonValue v = take(key);
            if (v.isUndefined()) {
                if (required)
                    missing(key);
                return std::nullopt;
            }
            if (!v.isString()) {
                m_reader.error(at(key),
                               RuleSetReader::tr("must be a string, not %1").arg(typeName(v)));
                return std::nullopt;
            }
            if (!allowEmpty && v.toString().trimmed().isEmpty()) {
                m_reader.error(at(key), RuleSetReader::tr("must not be empty"));
                return std::nullopt;
            }
            return v.toString();
        }

        std::optional<bool> boolean(QStringView key)
        {
            const QJsonValue v = take(key);
            if (v.isUndefined())
                return std::nullopt;
            if (!v.isBool()) {
                m_reader.error(at(key),
                               RuleSetReader::tr("must be true or false, not %1").arg(typeName(v)));
                return std::nullopt;
            }
            return v.toBool();
        }

        std::optional<int> integer(QStringView key)
        {
            const QJsonValue v = take(key);
            if (v.isUndefined())
                return std::nullopt;
            const double d = v.toDouble();
            if (!v.isDouble() || d != std::trunc(d) || std::fabs(d) > 2147483647.0) {
                m_reader.error(at(key), RuleSetReader::tr("must be a whole number, not %1")
                                            .arg(v.isDouble() ? QString::number(d) : typeName(v)));
                return std::nullopt;
            }
            return int(d);
        }

        std::optional<QJsonArray> array(QStringView key, bool required)
        {
            const QJsonValue v = take(key);
            if (v.isUndefined()) {
                if (required)
                    missing(key);
                return std::nullopt;
            }
            if (!v.isArray()) {
                m_reader.error(at(key),
                               RuleSetReader::tr("must be a list, not %1").arg(typeName(v)));
                return std::nullopt;
            }
            return v.toArray();
        }

        std::optional<QJsonObject> object(QStringView key, bool required)
        {
            const QJsonValue v = take(key);
            if (v.isUndefined()) {
                if (required)
                    missing(key);
                return std::nullopt;
            }
            if (!v.isObject()) {
                m_reader.error(at(key),
                               RuleSetReader::tr("must be an object, not %1").arg(typeName(v)));
                return std::nullopt;
            }
            return v.toObject();
        }

        void missing(QStringView key)
        {
            m_reader.error(m_pointer.isEmpty() ? QString() : m_pointer,
                           RuleSetReader::tr("\"%1\" is missing").arg(key));
        }

    private:
        void reportUnknownKeys()
        {
            for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
                if (m_known.contains(it.key()))
                    continue;
                const bool reject = m_reader.m_unknownKeys == RuleSetReader::UnknownKeys::Reject;
                const QString message =
                    (reject ? RuleSetReader::tr("unknown key \"%1\"%2: a file exported for a "
                                                "server holds only the keys of format version 1")
                            : RuleSetReader::tr("unknown key \"%1\"%2: it is ignored, and lost "
                                                "when the rule set is saved"))
                        .arg(it.key(), didYouMean(it.key(), m_known));
                m_reader.m_problems.append(
                    {reject ? Problem::Severity::Error : Problem::Severity::Warning, at(it.key()),
                     0, 0, message, true});
            }
        }

        Reader &m_reader;
        const QJsonObject &m_object;
        QString m_pointer;
        QStringList m_known;
    };

    RuleSet ruleSet(const QJsonObject &root)
    {
        RuleSet set;
        Object o(*this, root, QString());

        const QJsonValue format = o.take(u"format");
        if (format.isUndefined())
            o.missing(u"format");
        else if (format.toString() != u"kanca.ruleset")
            error(o.at(u"format"), RuleSetReader::tr("must be \"kanca.ruleset\": this is not a "
                                                     "Kanca rule set"));

        const QJsonValue version = o.take(u"version");
        if (version.isUndefined()) {
            o.missing(u"version");
        } else if (!version.isDouble() || version.toDouble() != std::trunc(version.toDouble())
                   || version.toDouble() < 1) {
            error(o.at(u"version"), RuleSetReader::tr("must be a whole number such as 1"));
        } else if (version.toDouble() > RuleSetReader::SupportedVersion) {
            error(o.at(u"version"),
                  RuleSetReader::tr("this file is format version %1; this Kanca reads version %2 "
                                    "and older. Open it with a newer Kanca.")
                      .arg(QString::number(version.toDouble()),
                           QString::number(RuleSetReader::SupportedVersion)));
            // What a newer version means by its keys is not ours to judge.
            for (const QString &key : root.keys())
                o.take(key);
            return set;
        }

        set.name = o.string(u"name", false).value_or(QString());
        set.description = o.string(u"description", false).value_or(QString());
        if (const auto locale = o.string(u"locale", false)) {
            if (const auto language = languageFromCode(*locale))
                set.locale = *language;
            else
                error(
                    o.at(u"locale"),
                    RuleSetReader::tr("unknown locale \"%1\": use \"en\" or \"tr\"").arg(*locale));
        }

        if (const auto rules = o.array(u"rules", true)) {
            for (qsizetype i = 0; i < rules->size(); ++i) {
                const QString pointer = jsonPointerAppend(o.at(u"rules"), i);
                const QJsonValue item = rules->at(i);
                if (!item.isObject()) {
                    error(
                        pointer,
                        RuleSetReader::tr("a rule must be an object, not %1").arg(typeName(item)));
                    continue;
                }
                set.rules.append(rule(item.toObject(), pointer));
            }
        }
        return set;
    }

    Rule rule(const QJsonObject &json, const QString &pointer)
    {
        Rule r;
        Object o(*this, json, pointer);
        r.id = o.string(u"id", true).value_or(QString());
        r.name = o.string(u"name", true).value_or(QString());
        r.description = o.string(u"description", false).value_or(QString());
        r.enabled = o.boolean(u"enabled").value_or(true);
        r.when = o.string(u"when", true).value_or(QString());
        if (o.has(u"if")) {
            const QJsonValue condition = o.take(u"if");
            if (condition.isObject())
                r.condition = this->condition(condition.toObject(), o.at(u"if"), 0);
            else
                error(o.at(u"if"), RuleSetReader::tr("must be a condition object, not %1")
                                       .arg(typeName(condition)));
        }
        if (const auto then = o.array(u"then", true)) {
            if (then->isEmpty())
                error(o.at(u"then"), RuleSetReader::tr("a rule needs at least one action"));
            for (qsizetype i = 0; i < then->size(); ++i) {
                const QString actionPointer = jsonPointerAppend(o.at(u"then"), i);
                const QJsonValue item = then->at(i);
                if (!item.isObject()) {
                    error(actionPointer, RuleSetReader::tr("an action must be an object, not %1")
                                             .arg(typeName(item)));
                    continue;
                }
                if (auto a = action(item.toObject(), actionPointer))
                    r.actions.append(std::move(*a));
            }
        }
        return r;
    }

    // Deeper than this the reader stops; CompiledCondition allows less (MaxDepth).
    static constexpr int MaxConditionDepth = 64;

    Condition condition(const QJsonObject &json, const QString &pointer, int depth)
    {
        if (depth > MaxConditionDepth) {
            error(pointer, RuleSetReader::tr("conditions are nested more than %1 levels deep")
                               .arg(MaxConditionDepth));
            return Condition::all();
        }
        static const QStringList kinds = {u"all"_s, u"any"_s, u"not"_s, u"field"_s};
        QStringList present;
        for (const QString &kind : kinds) {
            if (json.contains(kind))
                present.append(kind);
        }
        if (present.size() != 1) {
            if (present.isEmpty()) {
                const QString guess = json.isEmpty() ? QString() : json.constBegin().key();
                error(pointer, RuleSetReader::tr("a condition needs one of \"all\", \"any\", "
                                                 "\"not\" or \"field\"%1")
                                   .arg(didYouMean(guess, kinds)));
            } else {
                error(pointer, RuleSetReader::tr("a condition is a group (\"all\" or \"any\"), a "
                                                 "negation (\"not\") or a comparison (\"field\"), "
                                                 "not several: this one has %1")
                                   .arg(present.join(QStringLiteral(", "))));
            }
            Object o(*this, json, pointer); // still report unknown keys
            for (const QString &kind : kinds)
                o.take(kind);
            return Condition::all();
        }

        Object o(*this, json, pointer);
        const QString &kind = present.first();
        if (kind == u"all" || kind == u"any") {
            std::vector<Condition> members;
            if (const auto items = o.array(kind, true)) {
                for (qsizetype i = 0; i < items->size(); ++i) {
                    const QString memberPointer = jsonPointerAppend(o.at(kind), i);
                    const QJsonValue item = items->at(i);
                    if (!item.isObject()) {
                        error(memberPointer, RuleSetReader::tr("must be a condition object, not %1")
                                                 .arg(typeName(item)));
                        continue;
                    }
                    members.push_back(condition(item.toObject(), memberPointer, depth + 1));
                }
            }
            return kind == u"all" ? Condition::all(std::move(members))
                                  : Condition::any(std::move(members));
        }
        if (kind == u"not") {
            if (const auto inner = o.object(u"not", true))
                return Condition::negate(condition(*inner, o.at(u"not"), depth + 1));
            return Condition::negate(Condition::all());
        }

        Condition leaf =
            Condition::leaf(o.string(u"field", true).value_or(QString()), Operator::Equals);
        if (const auto opId = o.string(u"op", true)) {
            if (const auto op = operatorFromId(*opId)) {
                leaf.op = *op;
            } else {
                QStringList ids;
                for (int i = 0; i < OperatorCount; ++i)
                    ids.append(operatorId(Operator(i)));
                error(o.at(u"op"), RuleSetReader::tr("unknown operator \"%1\"%2")
                                       .arg(*opId, didYouMean(*opId, ids)));
            }
        }
        leaf.value = o.take(u"value");
        leaf.caseSensitive = o.boolean(u"caseSensitive").value_or(false);
        return leaf;
    }

    SecretRef secret(Object &parent, QStringView key)
    {
        const QJsonValue v = parent.take(key);
        const QString pointer = parent.at(key);
        if (v.isUndefined()) {
            parent.missing(key);
            return {};
        }
        if (!v.isObject()) {
            error(pointer, RuleSetReader::tr("must be a secret reference such as {\"secret\": "
                                             "\"CRM_TOKEN\"}: a rule set never holds a secret's "
                                             "value"));
            return {};
        }
        const QJsonObject json = v.toObject();
        Object o(*this, json, pointer);
        return SecretRef{o.string(u"secret", true, false).value_or(QString())};
    }

    std::optional<Action> action(const QJsonObject &json, const QString &pointer)
    {
        Object o(*this, json, pointer);
        const auto type = o.string(u"type", true);
        if (!type)
            return std::nullopt;
        if (*type != u"webhook") {
            o.refuseKind(u"type", RuleSetReader::tr("unknown action type \"%1\": format version 1 "
                                                    "knows \"webhook\"%2")
                                      .arg(*type, didYouMean(*type, {u"webhook"_s})));
            return std::nullopt;
        }
        WebhookAction a;
        a.method = o.string(u"method", true).value_or(a.method);
        a.url = o.string(u"url", true).value_or(QString());
        if (const auto headers = o.array(u"headers", false))
            a.headers = nameValues(*headers, o.at(u"headers"));
        if (const auto auth = o.object(u"auth", false))
            a.auth = this->auth(*auth, o.at(u"auth"));
        if (const auto signing = o.object(u"signing", false))
            a.signing = this->signing(*signing, o.at(u"signing"));
        if (const auto body = o.object(u"body", false))
            a.body = this->body(*body, o.at(u"body"));
        a.timeoutMs = o.integer(u"timeoutMs").value_or(a.timeoutMs);
        if (const auto retry = o.object(u"retry", false)) {
            Object r(*this, *retry, o.at(u"retry"));
            a.retry.maxAttempts = r.integer(u"maxAttempts").value_or(a.retry.maxAttempts);
            a.retry.initialDelayMs = r.integer(u"initialDelayMs").value_or(a.retry.initialDelayMs);
            a.retry.maxDelayMs = r.integer(u"maxDelayMs").value_or(a.retry.maxDelayMs);
        }
        return a;
    }

    QList<NameValue> nameValues(const QJsonArray &items, const QString &pointer)
    {
        QList<NameValue> result;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPointer = jsonPointerAppend(pointer, i);
            if (!items.at(i).isObject()) {
                error(itemPointer, RuleSetReader::tr("must be an object with \"name\" and "
                                                     "\"value\", not %1")
                                       .arg(typeName(items.at(i))));
                continue;
            }
            const QJsonObject json = items.at(i).toObject();
            Object o(*this, json, itemPointer);
            NameValue nv;
            nv.name = o.string(u"name", true, false).value_or(QString());
            nv.value = o.string(u"value", true).value_or(QString());
            result.append(nv);
        }
        return result;
    }

    Auth auth(const QJsonObject &json, const QString &pointer)
    {
        Auth a;
        Object o(*this, json, pointer);
        const QString type = o.string(u"type", true).value_or(u"none"_s);
        const std::optional<Auth::Type> kind = fromFormatName<Auth::Type>(type);
        if (!kind) {
            o.refuseKind(u"type", RuleSetReader::tr("unknown auth type \"%1\"%2: use none, basic, "
                                                    "bearer or header")
                                      .arg(type, didYouMean(type, formatNameList<Auth::Type>())));
            return a;
        }
        a.type = *kind;
        switch (*kind) {
        case Auth::Type::None:
            break;
        case Auth::Type::Basic:
            a.username = o.string(u"username", true).value_or(QString());
            a.secret = secret(o, u"password");
            break;
        case Auth::Type::Bearer:
            a.secret = secret(o, u"token");
            break;
        case Auth::Type::Header:
            a.headerName = o.string(u"name", true, false).value_or(QString());
            a.secret = secret(o, u"value");
            break;
        }
        return a;
    }

    Signing signing(const QJsonObject &json, const QString &pointer)
    {
        Signing s;
        Object o(*this, json, pointer);
        const QString type = o.string(u"type", true).value_or(u"none"_s);
        const std::optional<Signing::Type> kind = fromFormatName<Signing::Type>(type);
        if (!kind) {
            o.refuseKind(u"type",
                         RuleSetReader::tr("unknown signing type \"%1\"%2: use none, "
                                           "standard-webhooks or hmac-sha256")
                             .arg(type, didYouMean(type, formatNameList<Signing::Type>())));
            return s;
        }
        s.type = *kind;
        switch (*kind) {
        case Signing::Type::None:
            break;
        case Signing::Type::StandardWebhooks:
            s.secret = secret(o, u"secret");
            break;
        case Signing::Type::HmacSha256:
            s.header = o.string(u"header", false, false).value_or(s.header);
            s.prefix = o.string(u"prefix", false).value_or(s.prefix);
            if (const auto encoding = o.string(u"encoding", false)) {
                if (const auto known = fromFormatName<Signing::Encoding>(*encoding))
                    s.encoding = *known;
                else
                    error(o.at(u"encoding"),
                          RuleSetReader::tr("unknown encoding \"%1\": use \"hex\" or \"base64\"")
                              .arg(*encoding));
            }
            s.secret = secret(o, u"secret");
            break;
        }
        return s;
    }

    Body body(const QJsonObject &json, const QString &pointer)
    {
        Body b;
        Object o(*this, json, pointer);
        const QString format = o.string(u"format", true).value_or(QString());
        if (format.isEmpty())
            return b;
        const std::optional<Body::Format> kind = fromFormatName<Body::Format>(format);
        if (!kind) {
            o.refuseKind(u"format",
                         RuleSetReader::tr("unknown body format \"%1\"%2: use json, text or form")
                             .arg(format, didYouMean(format, formatNameList<Body::Format>())));
            return b;
        }
        b.format = *kind;
        switch (*kind) {
        case Body::Format::None:
            break;
        case Body::Format::Json:
            b.templateText = o.string(u"template", true).value_or(QString());
            break;
        case Body::Format::Text:
            b.templateText = o.string(u"template", true).value_or(QString());
            b.contentType = o.string(u"contentType", false, false).value_or(QString());
            break;
        case Body::Format::Form:
            if (const auto fields = o.array(u"fields", true))
                b.fields = nameValues(*fields, o.at(u"fields"));
            break;
        }
        return b;
    }

private:
    RuleSetReader::UnknownKeys m_unknownKeys;
    Problems &m_problems;
};

} // namespace

std::optional<QJsonObject> RuleSetReader::parseObject(const QByteArray &json, Problems *problems)
{
    const std::optional<QJsonDocument> document = StrictJson::parse(json, problems);
    if (!document)
        return std::nullopt;
    if (!document->isObject()) {
        problems->append({Problem::Severity::Error, QString(), 1, 1,
                          tr("a rule set is a JSON object, this document is a list")});
        return std::nullopt;
    }
    return document->object();
}

RuleSet RuleSetReader::fromJson(const QJsonObject &root, UnknownKeys unknownKeys,
                                Problems *problems)
{
    Reader reader(unknownKeys, *problems);
    return reader.ruleSet(root);
}

RuleSetReader::Result RuleSetReader::read(const QByteArray &json, UnknownKeys unknownKeys)
{
    Result result;
    const auto root = parseObject(json, &result.problems);
    if (!root)
        return result;
    const JsonLocator locator(json);
    result.problems += locator.duplicateKeys();
    result.ruleSet = fromJson(*root, unknownKeys, &result.problems);
    locator.locate(&result.problems);
    return result;
}

} // namespace Kanca
