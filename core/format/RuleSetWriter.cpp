#include "format/RuleSetWriter.h"

#include "format/JsonWriter.h"
#include "model/FormatNames.h"

#include <QSaveFile>

namespace Kanca {

namespace {

void writeCondition(JsonWriter &w, const Condition &c)
{
    w.beginObject();
    switch (c.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any:
        w.key(c.kind == Condition::Kind::All ? u"all" : u"any");
        w.beginArray();
        for (const Condition &member : c.children)
            writeCondition(w, member);
        w.endArray();
        break;
    case Condition::Kind::Not:
        w.key(u"not");
        if (c.children.empty()) {
            w.beginObject();
            w.key(u"all");
            w.beginArray();
            w.endArray();
            w.endObject();
        } else {
            writeCondition(w, c.children.front());
        }
        break;
    case Condition::Kind::Leaf:
        w.key(u"field");
        w.value(c.field);
        w.key(u"op");
        w.value(operatorId(c.op));
        if (!c.value.isUndefined()) {
            w.key(u"value");
            w.value(c.value);
        }
        if (c.caseSensitive) {
            w.key(u"caseSensitive");
            w.value(true);
        }
        break;
    }
    w.endObject();
}

void writeSecret(JsonWriter &w, QStringView key, const SecretRef &secret)
{
    w.key(key);
    w.beginObject();
    w.key(u"secret");
    w.value(secret.name);
    w.endObject();
}

void writeNameValues(JsonWriter &w, const QList<NameValue> &items)
{
    w.beginArray();
    for (const NameValue &item : items) {
        w.beginObject();
        w.key(u"name");
        w.value(item.name);
        w.key(u"value");
        w.value(item.value);
        w.endObject();
    }
    w.endArray();
}

void writeAuth(JsonWriter &w, const Auth &auth)
{
    w.beginObject();
    w.key(u"type");
    w.value(formatName(auth.type));
    switch (auth.type) {
    case Auth::Type::None:
        break;
    case Auth::Type::Basic:
        w.key(u"username");
        w.value(auth.username);
        writeSecret(w, u"password", auth.secret);
        break;
    case Auth::Type::Bearer:
        writeSecret(w, u"token", auth.secret);
        break;
    case Auth::Type::Header:
        w.key(u"name");
        w.value(auth.headerName);
        writeSecret(w, u"value", auth.secret);
        break;
    }
    w.endObject();
}

void writeSigning(JsonWriter &w, const Signing &signing)
{
    w.beginObject();
    w.key(u"type");
    w.value(formatName(signing.type));
    switch (signing.type) {
    case Signing::Type::None:
        break;
    case Signing::Type::StandardWebhooks:
        writeSecret(w, u"secret", signing.secret);
        break;
    case Signing::Type::HmacSha256:
        w.key(u"header");
        w.value(signing.header);
        w.key(u"prefix");
        w.value(signing.prefix);
        w.key(u"encoding");
        w.value(formatName(signing.encoding));
        writeSecret(w, u"secret", signing.secret);
        break;
    }
    w.endObject();
}

// A body there is: a webhook without one (Body::Format::None) has no "body" key.
void writeBody(JsonWriter &w, const Body &body)
{
    w.key(u"body");
    w.beginObject();
    w.key(u"format");
    w.value(formatName(body.format));
    switch (body.format) {
    case Body::Format::None:
        break;
    case Body::Format::Json:
        w.key(u"template");
        w.value(body.templateText);
        break;
    case Body::Format::Text:
        w.key(u"template");
        w.value(body.templateText);
        if (!body.contentType.isEmpty()) {
            w.key(u"contentType");
            w.value(body.contentType);
        }
        break;
    case Body::Format::Form:
        w.key(u"fields");
        writeNameValues(w, body.fields);
        break;
    }
    w.endObject();
}

void writeWebhook(JsonWriter &w, const WebhookAction &a)
{
    w.beginObject();
    w.key(u"type");
    w.value(u"webhook");
    w.key(u"method");
    w.value(a.method);
    w.key(u"url");
    w.value(a.url);
    w.key(u"headers");
    writeNameValues(w, a.headers);
    w.key(u"auth");
    writeAuth(w, a.auth);
    w.key(u"signing");
    writeSigning(w, a.signing);
    if (a.body.format != Body::Format::None)
        writeBody(w, a.body);
    w.key(u"timeoutMs");
    w.value(a.timeoutMs);
    w.key(u"retry");
    w.beginObject();
    w.key(u"maxAttempts");
    w.value(a.retry.maxAttempts);
    w.key(u"initialDelayMs");
    w.value(a.retry.initialDelayMs);
    w.key(u"maxDelayMs");
    w.value(a.retry.maxDelayMs);
    w.endObject();
    w.endObject();
}

void writeRule(JsonWriter &w, const Rule &rule)
{
    w.beginObject();
    w.key(u"id");
    w.value(rule.id);
    w.key(u"name");
    w.value(rule.name);
    w.key(u"description");
    w.value(rule.description);
    w.key(u"enabled");
    w.value(rule.enabled);
    w.key(u"when");
    w.value(rule.when);
    if (rule.condition) {
        w.key(u"if");
        writeCondition(w, *rule.condition);
    }
    w.key(u"then");
    w.beginArray();
    for (const Action &action : rule.actions)
        std::visit([&w](const WebhookAction &webhook) { writeWebhook(w, webhook); }, action);
    w.endArray();
    w.endObject();
}

} // namespace

QByteArray RuleSetWriter::write(const RuleSet &ruleSet)
{
    JsonWriter w;
    w.beginObject();
    w.key(u"format");
    w.value(u"kanca.ruleset");
    w.key(u"version");
    w.value(RuleSet::FormatVersion);
    w.key(u"name");
    w.value(ruleSet.name);
    if (!ruleSet.description.isEmpty()) { // files without one stay as they were
        w.key(u"description");
        w.value(ruleSet.description);
    }
    w.key(u"locale");
    w.value(languageCode(ruleSet.locale));
    w.key(u"rules");
    w.beginArray();
    for (const Rule &rule : ruleSet.rules)
        writeRule(w, rule);
    w.endArray();
    w.endObject();
    return w.finish();
}

bool RuleSetWriter::save(const RuleSet &ruleSet, const QString &fileName, QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    const QByteArray bytes = write(ruleSet);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace Kanca
