#include "format/ProblemPlace.h"

#include <QJsonArray>

#include <algorithm>
#include <optional>
#include <span>
#include <variant>

namespace Kanca {

using namespace Qt::StringLiterals;

namespace {

// The reference tokens of a JSON pointer, unescaped (~1 -> /, ~0 -> ~).
QStringList tokensOf(const QString &pointer)
{
    QStringList tokens;
    if (!pointer.startsWith(u'/'))
        return tokens;
    for (QString token : pointer.mid(1).split(u'/')) {
        token.replace(u"~1"_s, u"/"_s);
        token.replace(u"~0"_s, u"~"_s);
        tokens.append(token);
    }
    return tokens;
}

// An array index as a pointer writes it: digits, no leading zero.
std::optional<qsizetype> indexOf(const QString &token)
{
    if (token.isEmpty() || token.size() > 9 || (token.size() > 1 && token.front() == u'0'))
        return std::nullopt;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return token.toLongLong();
}

QString quotedKey(const QString &key)
{
    return u"\"%1\""_s.arg(key);
}

QString elided(const QString &text)
{
    const QString simple = text.simplified();
    if (simple.size() <= ProblemPlace::MaxNameLength)
        return simple;
    qsizetype cut = ProblemPlace::MaxNameLength - 1;
    // At the end of a word when one ends near the limit.
    const qsizetype space = simple.lastIndexOf(u' ', cut);
    if (space >= cut * 2 / 3)
        cut = space;
    else if (simple.at(cut - 1).isHighSurrogate())
        --cut;
    return simple.left(cut).trimmed() + u'…';
}

// A condition item's kind under its "not"s: a group (all / any) or a single condition.
bool isGroup(QJsonValue item)
{
    while (item.isObject() && item.toObject().contains(u"not"))
        item = item.toObject().value(u"not");
    const QJsonObject object = item.toObject();
    return object.contains(u"all") || object.contains(u"any");
}

QJsonValue outlineOf(const Condition &condition)
{
    switch (condition.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        QJsonArray members;
        for (const Condition &member : condition.children)
            members.append(outlineOf(member));
        return QJsonObject{{condition.kind == Condition::Kind::All ? u"all"_s : u"any"_s, members}};
    }
    case Condition::Kind::Not:
        return QJsonObject{{u"not"_s, condition.children.empty()
                                          ? QJsonValue(QJsonObject{{u"all"_s, QJsonArray()}})
                                          : outlineOf(condition.children.front())}};
    case Condition::Kind::Leaf:
        return QJsonObject{{u"field"_s, condition.field}};
    }
    return QJsonObject();
}

// Walks the tokens below the subject, appending the words of each step.
class Walk final
{
public:
    explicit Walk(const QStringList &tokens, qsizetype at)
        : m_tokens(tokens)
        , m_at(at)
    {}

    QStringList steps;

    void ruleSetKey()
    {
        static constexpr Key keys[] = {
            {u"format", QT_TRANSLATE_NOOP("ProblemPlace", "format")},
            {u"version", QT_TRANSLATE_NOOP("ProblemPlace", "version")},
            {u"name", QT_TRANSLATE_NOOP("ProblemPlace", "name")},
            {u"description", QT_TRANSLATE_NOOP("ProblemPlace", "description")},
            {u"locale", QT_TRANSLATE_NOOP("ProblemPlace", "language")},
            {u"rules", QT_TRANSLATE_NOOP("ProblemPlace", "rules")},
        };
        oneOf(keys);
    }

    void rule(const QJsonValue &rule)
    {
        if (done())
            return;
        const QString &token = m_tokens.at(m_at);
        const QJsonObject object = rule.toObject();
        if (token == u"if") {
            ++m_at;
            steps.append(ProblemPlace::tr("If"));
            condition(object.value(u"if"));
            return;
        }
        if (token == u"then") {
            ++m_at;
            steps.append(ProblemPlace::tr("Then"));
            actions(object.value(u"then").toArray());
            return;
        }
        static constexpr Key keys[] = {
            {u"id", QT_TRANSLATE_NOOP("ProblemPlace", "ID")},
            {u"name", QT_TRANSLATE_NOOP("ProblemPlace", "name")},
            {u"description", QT_TRANSLATE_NOOP("ProblemPlace", "description")},
            {u"enabled", QT_TRANSLATE_NOOP("ProblemPlace", "enabled")},
            //: The rule's "when": the event that starts it.
            {u"when", QT_TRANSLATE_NOOP("ProblemPlace", "When (event)")},
        };
        oneOf(keys);
    }

private:
    // A key of the format: the word a reader sees for it, and what is below it.
    struct Key
    {
        QStringView name;
        const char *word; // in the source language, marked for lupdate in ProblemPlace's context
        void (Walk::*below)() = nullptr; // walks what the key holds; else the rest as written
        bool secret = false;             // may hold a secret's reference: {"secret": "NAME"}
    };

    static const Key *find(std::span<const Key> keys, QStringView name)
    {
        const auto it = std::find_if(keys.begin(), keys.end(),
                                     [name](const Key &key) { return key.name == name; });
        return it == keys.end() ? nullptr : &*it;
    }

    bool done() const { return m_at >= m_tokens.size(); }

    // Whatever is left: array indices as numbers from 1, keys as written.
    void rest()
    {
        for (; m_at < m_tokens.size(); ++m_at) {
            const QString &token = m_tokens.at(m_at);
            const std::optional<qsizetype> index = indexOf(token);
            steps.append(index ? QString::number(*index + 1) : quotedKey(token));
        }
    }

    // The next token when it is an array index, taken; else nullopt, and the rest as written.
    std::optional<qsizetype> takeIndex()
    {
        const std::optional<qsizetype> index = done() ? std::nullopt : indexOf(m_tokens.at(m_at));
        if (index)
            ++m_at;
        else
            rest();
        return index;
    }

    // The next token as one of `keys`: its word (or the token quoted), then what is below it.
    void oneOf(std::span<const Key> keys)
    {
        if (done())
            return;
        const QString &token = m_tokens.at(m_at++);
        const Key *known = find(keys, token);
        if (!known) {
            steps.append(quotedKey(token));
            rest();
            return;
        }
        steps.append(ProblemPlace::tr(known->word));
        if (known->secret && !done() && m_tokens.at(m_at) == u"secret") {
            ++m_at;
            steps.append(ProblemPlace::tr("secret name"));
        }
        if (known->below)
            (this->*known->below)();
        else
            rest();
    }

    void condition(QJsonValue item)
    {
        static constexpr Key keys[] = {
            {u"field", QT_TRANSLATE_NOOP("ProblemPlace", "field")},
            {u"op", QT_TRANSLATE_NOOP("ProblemPlace", "operator")},
            {u"value", QT_TRANSLATE_NOOP("ProblemPlace", "value")},
            {u"caseSensitive", QT_TRANSLATE_NOOP("ProblemPlace", "case-sensitive")},
        };
        while (!done()) {
            const QString token = m_tokens.at(m_at);
            const QJsonObject object = item.toObject();
            if (token == u"not") {
                ++m_at;
                item = object.value(u"not");
                continue;
            }
            if (token == u"all" || token == u"any") {
                ++m_at;
                const QJsonArray members = object.value(token).toArray();
                const std::optional<qsizetype> index =
                    done() ? std::nullopt : indexOf(m_tokens.at(m_at));
                if (!index)
                    continue;
                ++m_at;
                item = *index < members.size() ? members.at(*index) : QJsonValue();
                steps.append(memberWord(members, *index));
                continue;
            }
            ++m_at;
            if (const Key *known = find(keys, token))
                steps.append(ProblemPlace::tr(known->word));
            else if (const std::optional<qsizetype> index = indexOf(token))
                steps.append(QString::number(*index + 1));
            else
                steps.append(quotedKey(token));
            rest();
        }
    }

    // "condition 2" or "group 1": the conditions and the groups of a group counted apart.
    static QString memberWord(const QJsonArray &members, qsizetype index)
    {
        if (index >= members.size())
            return ProblemPlace::tr("condition %1").arg(index + 1);
        const bool group = isGroup(members.at(index));
        qsizetype number = 0;
        for (qsizetype i = 0; i <= index; ++i) {
            if (isGroup(members.at(i)) == group)
                ++number;
        }
        return group ? ProblemPlace::tr("group %1").arg(number)
                     : ProblemPlace::tr("condition %1").arg(number);
    }

    void actions(const QJsonArray &actions)
    {
        const std::optional<qsizetype> index = takeIndex();
        if (!index)
            return;
        const QJsonValue action = *index < actions.size() ? actions.at(*index) : QJsonValue();
        const QJsonValue type = action.toObject().value(u"type");
        // Webhooks are the only kind of version 1; anything else is an action of its own kind.
        const bool webhook = !type.isString() || type.toString() == u"webhook";
        steps.append(webhook ? ProblemPlace::tr("webhook %1").arg(*index + 1)
                             : ProblemPlace::tr("action %1").arg(*index + 1));
        actionKey();
    }

    void actionKey()
    {
        static constexpr Key keys[] = {
            {u"type", QT_TRANSLATE_NOOP("ProblemPlace", "type")},
            {u"method", QT_TRANSLATE_NOOP("ProblemPlace", "Method")},
            {u"url", QT_TRANSLATE_NOOP("ProblemPlace", "URL")},
            {u"headers", QT_TRANSLATE_NOOP("ProblemPlace", "Headers"), &Walk::nameValues},
            {u"auth", QT_TRANSLATE_NOOP("ProblemPlace", "Authentication"), &Walk::auth},
            {u"signing", QT_TRANSLATE_NOOP("ProblemPlace", "Signing"), &Walk::signing},
            {u"body", QT_TRANSLATE_NOOP("ProblemPlace", "Body"), &Walk::body},
            {u"timeoutMs", QT_TRANSLATE_NOOP("ProblemPlace", "Timeout")},
            {u"retry", QT_TRANSLATE_NOOP("ProblemPlace", "Retry"), &Walk::retry},
        };
        oneOf(keys);
    }

    // A list of {"name", "value"}: headers, form fields.
    void nameValues()
    {
        static constexpr Key keys[] = {
            {u"name", QT_TRANSLATE_NOOP("ProblemPlace", "name")},
            {u"value", QT_TRANSLATE_NOOP("ProblemPlace", "value")},
        };
        if (const std::optional<qsizetype> index = takeIndex()) {
            steps.append(QString::number(*index + 1));
            oneOf(keys);
        }
    }

    void auth()
    {
        static constexpr Key keys[] = {
            {u"type", QT_TRANSLATE_NOOP("ProblemPlace", "type")},
            {u"username", QT_TRANSLATE_NOOP("ProblemPlace", "user name")},
            {u"password", QT_TRANSLATE_NOOP("ProblemPlace", "password"), nullptr, true},
            {u"token", QT_TRANSLATE_NOOP("ProblemPlace", "token"), nullptr, true},
            {u"name", QT_TRANSLATE_NOOP("ProblemPlace", "header name")},
            {u"value", QT_TRANSLATE_NOOP("ProblemPlace", "value"), nullptr, true},
        };
        oneOf(keys);
    }

    void signing()
    {
        static constexpr Key keys[] = {
            {u"type", QT_TRANSLATE_NOOP("ProblemPlace", "type")},
            {u"secret", QT_TRANSLATE_NOOP("ProblemPlace", "secret"), nullptr, true},
            {u"header", QT_TRANSLATE_NOOP("ProblemPlace", "header")},
            {u"prefix", QT_TRANSLATE_NOOP("ProblemPlace", "prefix")},
            {u"encoding", QT_TRANSLATE_NOOP("ProblemPlace", "encoding")},
        };
        oneOf(keys);
    }

    void body()
    {
        static constexpr Key keys[] = {
            {u"format", QT_TRANSLATE_NOOP("ProblemPlace", "format")},
            {u"template", QT_TRANSLATE_NOOP("ProblemPlace", "template")},
            {u"contentType", QT_TRANSLATE_NOOP("ProblemPlace", "content type")},
            {u"fields", QT_TRANSLATE_NOOP("ProblemPlace", "fields"), &Walk::nameValues},
        };
        oneOf(keys);
    }

    void retry()
    {
        static constexpr Key keys[] = {
            {u"maxAttempts", QT_TRANSLATE_NOOP("ProblemPlace", "attempts at most")},
            {u"initialDelayMs", QT_TRANSLATE_NOOP("ProblemPlace", "first retry after")},
            {u"maxDelayMs", QT_TRANSLATE_NOOP("ProblemPlace", "longest wait")},
        };
        oneOf(keys);
    }

    const QStringList &m_tokens;
    qsizetype m_at;
};

QString ruleSubject(const QJsonValue &rule, qsizetype index)
{
    const QJsonObject object = rule.toObject();
    const QString name = object.value(u"name").toString().simplified();
    if (!name.isEmpty())
        //: A rule named by its name: Rule "VIP müşteri…".
        return ProblemPlace::tr("Rule \"%1\"").arg(elided(name));
    const QString id = object.value(u"id").toString().simplified();
    //: A rule without a name, by its id or its number: Rule vip-to-slack, Rule 3.
    return ProblemPlace::tr("Rule %1").arg(id.isEmpty() ? QString::number(index + 1) : elided(id));
}

} // namespace

QString ProblemPlace::text() const
{
    if (subject.isEmpty())
        return where();
    return (QStringList{subject} + steps).join(u" › ");
}

QString ProblemPlace::where() const
{
    return steps.join(u" › ");
}

QString ProblemPlace::sentence(const ProblemPlace &place, const QString &message)
{
    const QString where = place.text();
    //: A problem said with its place: Rule "VIP" › If › condition 2: unknown field "x".
    return where.isEmpty() ? message : tr("%1: %2").arg(where, message);
}

ProblemPlace ProblemPlace::of(const QString &pointer, const QJsonObject &document)
{
    ProblemPlace place;
    const QStringList tokens = tokensOf(pointer);
    if (tokens.isEmpty())
        return place;
    if (tokens.at(0) == u"rules" && tokens.size() >= 2) {
        if (const std::optional<qsizetype> index = indexOf(tokens.at(1))) {
            const QJsonArray rules = document.value(u"rules").toArray();
            const QJsonValue rule = *index < rules.size() ? rules.at(*index) : QJsonValue();
            place.subject = ruleSubject(rule, *index);
            Walk walk(tokens, 2);
            walk.rule(rule);
            place.steps = walk.steps;
            return place;
        }
    }
    place.subject = tr("Rule set");
    Walk walk(tokens, 0);
    walk.ruleSetKey();
    place.steps = walk.steps;
    return place;
}

QJsonObject ProblemPlace::outline(const RuleSet &ruleSet)
{
    QJsonArray rules;
    for (const Rule &rule : ruleSet.rules) {
        QJsonObject object{{u"id"_s, rule.id}, {u"name"_s, rule.name}};
        if (rule.condition)
            object.insert(u"if"_s, outlineOf(*rule.condition));
        QJsonArray actions;
        for (const Action &action : rule.actions) {
            std::visit(
                [&actions](const WebhookAction &) {
                    actions.append(QJsonObject{{u"type"_s, u"webhook"_s}});
                },
                action);
        }
        object.insert(u"then"_s, actions);
        rules.append(object);
    }
    return QJsonObject{{u"rules"_s, rules}};
}

QString ProblemPlace::detail(const Problem &problem)
{
    QStringList parts;
    if (!problem.isError())
        parts.append(tr("Warning"));
    if (problem.line > 0)
        parts.append(tr("Line %1, column %2").arg(problem.line).arg(problem.column));
    if (!problem.pointer.isEmpty())
        parts.append(problem.pointer);
    return parts.join(u" · ");
}

} // namespace Kanca
