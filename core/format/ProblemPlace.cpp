#include "format/ProblemPlace.h"

#include <QJsonArray>

#include <optional>
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
        const QString key = m_tokens.at(m_at++);
        if (key == u"format")
            steps.append(ProblemPlace::tr("format"));
        else if (key == u"version")
            steps.append(ProblemPlace::tr("version"));
        else if (key == u"name")
            steps.append(ProblemPlace::tr("name"));
        else if (key == u"description")
            steps.append(ProblemPlace::tr("description"));
        else if (key == u"locale")
            steps.append(ProblemPlace::tr("language"));
        else if (key == u"rules")
            steps.append(ProblemPlace::tr("rules"));
        else
            steps.append(quotedKey(key));
        rest();
    }

    void rule(const QJsonValue &rule)
    {
        if (done())
            return;
        const QString key = m_tokens.at(m_at++);
        const QJsonObject object = rule.toObject();
        if (key == u"if") {
            steps.append(ProblemPlace::tr("If"));
            condition(object.value(u"if"));
            return;
        }
        if (key == u"then") {
            steps.append(ProblemPlace::tr("Then"));
            actions(object.value(u"then").toArray());
            return;
        }
        if (key == u"id")
            steps.append(ProblemPlace::tr("ID"));
        else if (key == u"name")
            steps.append(ProblemPlace::tr("name"));
        else if (key == u"description")
            steps.append(ProblemPlace::tr("description"));
        else if (key == u"enabled")
            steps.append(ProblemPlace::tr("enabled"));
        else if (key == u"when")
            //: The rule's "when": the event that starts it.
            steps.append(ProblemPlace::tr("When (event)"));
        else
            steps.append(quotedKey(key));
        rest();
    }

private:
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

    void condition(QJsonValue item)
    {
        while (!done()) {
            const QString key = m_tokens.at(m_at);
            const QJsonObject object = item.toObject();
            if (key == u"not") {
                ++m_at;
                item = object.value(u"not");
                continue;
            }
            if (key == u"all" || key == u"any") {
                ++m_at;
                const QJsonArray members = object.value(key).toArray();
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
            if (key == u"field")
                steps.append(ProblemPlace::tr("field"));
            else if (key == u"op")
                steps.append(ProblemPlace::tr("operator"));
            else if (key == u"value")
                steps.append(ProblemPlace::tr("value"));
            else if (key == u"caseSensitive")
                steps.append(ProblemPlace::tr("case-sensitive"));
            else if (const std::optional<qsizetype> index = indexOf(key))
                steps.append(QString::number(*index + 1));
            else
                steps.append(quotedKey(key));
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
        if (done())
            return;
        const std::optional<qsizetype> index = indexOf(m_tokens.at(m_at));
        if (!index) {
            rest();
            return;
        }
        ++m_at;
        const QJsonValue action = *index < actions.size() ? actions.at(*index) : QJsonValue();
        const QJsonValue type = action.toObject().value(u"type");
        // Webhooks are the only kind of version 1; anything else is an action of its own kind.
        const bool webhook = !type.isString() || type.toString() == u"webhook";
        steps.append(webhook ? ProblemPlace::tr("webhook %1").arg(*index + 1)
                             : ProblemPlace::tr("action %1").arg(*index + 1));
        if (!done())
            actionKey();
    }

    void actionKey()
    {
        const QString key = m_tokens.at(m_at++);
        if (key == u"type") {
            steps.append(ProblemPlace::tr("type"));
        } else if (key == u"method") {
            steps.append(ProblemPlace::tr("Method"));
        } else if (key == u"url") {
            steps.append(ProblemPlace::tr("URL"));
        } else if (key == u"headers") {
            steps.append(ProblemPlace::tr("Headers"));
            nameValues();
            return;
        } else if (key == u"auth") {
            steps.append(ProblemPlace::tr("Authentication"));
            auth();
            return;
        } else if (key == u"signing") {
            steps.append(ProblemPlace::tr("Signing"));
            signing();
            return;
        } else if (key == u"body") {
            steps.append(ProblemPlace::tr("Body"));
            body();
            return;
        } else if (key == u"timeoutMs") {
            steps.append(ProblemPlace::tr("Timeout"));
        } else if (key == u"retry") {
            steps.append(ProblemPlace::tr("Retry"));
            retry();
            return;
        } else {
            steps.append(quotedKey(key));
        }
        rest();
    }

    // A list of {"name", "value"}: headers, form fields.
    void nameValues()
    {
        if (done())
            return;
        const std::optional<qsizetype> index = indexOf(m_tokens.at(m_at));
        if (!index) {
            rest();
            return;
        }
        ++m_at;
        steps.append(QString::number(*index + 1));
        if (done())
            return;
        const QString key = m_tokens.at(m_at++);
        if (key == u"name")
            steps.append(ProblemPlace::tr("name"));
        else if (key == u"value")
            steps.append(ProblemPlace::tr("value"));
        else
            steps.append(quotedKey(key));
        rest();
    }

    // A key holding a secret reference: {"secret": "NAME"}.
    void secret(const QString &word)
    {
        steps.append(word);
        if (!done() && m_tokens.at(m_at) == u"secret") {
            ++m_at;
            steps.append(ProblemPlace::tr("secret name"));
        }
    }

    void auth()
    {
        if (done())
            return;
        const QString key = m_tokens.at(m_at++);
        if (key == u"type")
            steps.append(ProblemPlace::tr("type"));
        else if (key == u"username")
            steps.append(ProblemPlace::tr("user name"));
        else if (key == u"password")
            secret(ProblemPlace::tr("password"));
        else if (key == u"token")
            secret(ProblemPlace::tr("token"));
        else if (key == u"name")
            steps.append(ProblemPlace::tr("header name"));
        else if (key == u"value")
            secret(ProblemPlace::tr("value"));
        else
            steps.append(quotedKey(key));
        rest();
    }

    void signing()
    {
        if (done())
            return;
        const QString key = m_tokens.at(m_at++);
        if (key == u"type")
            steps.append(ProblemPlace::tr("type"));
        else if (key == u"secret")
            secret(ProblemPlace::tr("secret"));
        else if (key == u"header")
            steps.append(ProblemPlace::tr("header"));
        else if (key == u"prefix")
            steps.append(ProblemPlace::tr("prefix"));
        else if (key == u"encoding")
            steps.append(ProblemPlace::tr("encoding"));
        else
            steps.append(quotedKey(key));
        rest();
    }

    void body()
    {
        if (done())
            return;
        const QString key = m_tokens.at(m_at++);
        if (key == u"format") {
            steps.append(ProblemPlace::tr("format"));
        } else if (key == u"template") {
            steps.append(ProblemPlace::tr("template"));
        } else if (key == u"contentType") {
            steps.append(ProblemPlace::tr("content type"));
        } else if (key == u"fields") {
            steps.append(ProblemPlace::tr("fields"));
            nameValues();
            return;
        } else {
            steps.append(quotedKey(key));
        }
        rest();
    }

    void retry()
    {
        if (done())
            return;
        const QString key = m_tokens.at(m_at++);
        if (key == u"maxAttempts")
            steps.append(ProblemPlace::tr("attempts at most"));
        else if (key == u"initialDelayMs")
            steps.append(ProblemPlace::tr("first retry after"));
        else if (key == u"maxDelayMs")
            steps.append(ProblemPlace::tr("longest wait"));
        else
            steps.append(quotedKey(key));
        rest();
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
