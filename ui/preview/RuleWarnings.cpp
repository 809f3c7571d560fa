#include "preview/RuleWarnings.h"

#include "catalog/Catalog.h"
#include "templates/Template.h"

#include <QLocale>

#include <algorithm>

namespace Kanca {

namespace {

// Every problem once: the same template problem comes from compiling and from rendering.
void appendOnce(QList<PreviewWarning> &list, PreviewWarning warning)
{
    const bool known = std::any_of(list.cbegin(), list.cend(), [&warning](const PreviewWarning &w) {
        return w.pointer == warning.pointer && w.text == warning.text;
    });
    if (!known)
        list.append(std::move(warning));
}

void addTemplatePaths(QStringList &paths, const QString &text, TemplateContext context,
                      const Catalog &catalog)
{
    if (!text.contains(QLatin1StringView("{{")))
        return;
    QList<TemplateProblem> ignored;
    const Template parsed = Template::parse(text, context, catalog, &ignored);
    for (const QString &path : parsed.fieldPaths()) {
        if (!paths.contains(path))
            paths.append(path);
    }
}

bool isBelow(const QString &pointer, const QString &rulePointer)
{
    return pointer == rulePointer
           || (pointer.startsWith(rulePointer) && pointer.at(rulePointer.size()) == u'/');
}

} // namespace

QStringList RuleWarnings::personalFields(const WebhookAction &action, const Catalog &catalog)
{
    QStringList paths;
    addTemplatePaths(paths, action.url, TemplateContext::Url, catalog);
    for (const NameValue &header : action.headers)
        addTemplatePaths(paths, header.value, TemplateContext::Header, catalog);
    switch (action.body.format) {
    case Body::Format::Json:
        addTemplatePaths(paths, action.body.templateText, TemplateContext::Json, catalog);
        break;
    case Body::Format::Text:
        addTemplatePaths(paths, action.body.templateText, TemplateContext::PlainText, catalog);
        break;
    case Body::Format::Form:
        for (const NameValue &field : action.body.fields)
            addTemplatePaths(paths, field.value, TemplateContext::FormField, catalog);
        break;
    case Body::Format::None:
        break;
    }

    QStringList personal;
    for (const QString &path : std::as_const(paths)) {
        if (const FieldInfo *field = catalog.field(path)) {
            if (field->personal && !personal.contains(path))
                personal.append(path);
            continue;
        }
        const QString prefix = path + u'.';
        for (const FieldInfo &field : catalog.fields()) {
            if (field.personal && field.path.startsWith(prefix) && !personal.contains(field.path))
                personal.append(field.path);
        }
    }
    return personal;
}

QList<PreviewWarning> RuleWarnings::collect(const Rule &rule, qsizetype ruleIndex,
                                            const Problems &ruleSetProblems,
                                            const QList<PlannedAction> &previews,
                                            const Catalog &catalog, Language language)
{
    const QString rulePointer = jsonPointerAppend(QStringLiteral("/rules"), ruleIndex);
    QList<PreviewWarning> errors;
    QList<PreviewWarning> warnings;
    for (const Problem &problem : ruleSetProblems) {
        if (!isBelow(problem.pointer, rulePointer))
            continue;
        PreviewWarning warning{problem.isError() ? PreviewWarning::Kind::Error
                                                 : PreviewWarning::Kind::Warning,
                               problemText(problem, rulePointer), problem.pointer};
        appendOnce(problem.isError() ? errors : warnings, std::move(warning));
    }
    for (const PlannedAction &preview : previews) {
        for (const Problem &problem : preview.problems) {
            PreviewWarning warning{problem.isError() ? PreviewWarning::Kind::Error
                                                     : PreviewWarning::Kind::Warning,
                                   problemText(problem, rulePointer), problem.pointer};
            appendOnce(problem.isError() ? errors : warnings, std::move(warning));
        }
        for (const MissingSecret &missing : preview.missingSecrets) {
            appendOnce(warnings, {PreviewWarning::Kind::Warning, missing.text(), missing.pointer});
        }
    }

    // Personal data: one sentence per action, naming the fields in the interface's language.
    QList<PreviewWarning> advice;
    const QLocale locale(language == Language::Turkish ? QLocale::Turkish : QLocale::English);
    for (qsizetype a = 0; a < rule.actions.size(); ++a) {
        const auto *webhook = std::get_if<WebhookAction>(&rule.actions.at(a));
        if (!webhook)
            continue;
        const QStringList personal = personalFields(*webhook, catalog);
        if (personal.isEmpty())
            continue;
        QStringList labels;
        for (const QString &path : personal) {
            const FieldInfo *field = catalog.field(path);
            labels.append(field ? field->label.in(language) : path);
        }
        const QString actionPointer = jsonPointerAppend(jsonPointerAppend(rulePointer, u"then"), a);
        const QString sentence =
            rule.actions.size() > 1
                ? tr("Webhook %1 sends personal data: %2. Send only what the receiver needs.")
                      .arg(QString::number(a + 1), locale.createSeparatedList(labels))
                : tr("The request sends personal data: %1. Send only what the receiver needs.")
                      .arg(locale.createSeparatedList(labels));
        advice.append({PreviewWarning::Kind::Advice, sentence, actionPointer});
    }
    return errors + warnings + advice;
}

QString RuleWarnings::problemText(const Problem &problem, const QString &rulePointer)
{
    const QString place = placeText(problem.pointer, rulePointer);
    return place.isEmpty() ? problem.message : tr("%1: %2").arg(place, problem.message);
}

QString RuleWarnings::placeText(const QString &pointer, const QString &rulePointer)
{
    if (!isBelow(pointer, rulePointer))
        return {};
    const QStringList tokens = pointer.mid(rulePointer.size()).split(u'/', Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return {};
    const QString &first = tokens.at(0);
    if (first == u"when")
        return tr("Event");
    if (first == u"if")
        return tr("Conditions");
    if (first != u"then")
        return tr("Rule");
    if (tokens.size() < 2)
        return tr("Webhooks");
    bool ok = false;
    const int action = tokens.at(1).toInt(&ok) + 1;
    if (!ok)
        return tr("Webhooks");
    const QString number = QString::number(action);
    const QString part = tokens.value(2);
    if (part == u"method")
        return tr("Webhook %1, method").arg(number);
    if (part == u"url")
        return tr("Webhook %1, URL").arg(number);
    if (part == u"headers") {
        const int header = tokens.value(3).toInt(&ok) + 1;
        return ok ? tr("Webhook %1, header %2").arg(number, QString::number(header))
                  : tr("Webhook %1, headers").arg(number);
    }
    if (part == u"auth")
        return tr("Webhook %1, authentication").arg(number);
    if (part == u"signing")
        return tr("Webhook %1, signing").arg(number);
    if (part == u"body")
        return tr("Webhook %1, body").arg(number);
    if (part == u"timeoutMs")
        return tr("Webhook %1, timeout").arg(number);
    if (part == u"retry")
        return tr("Webhook %1, retries").arg(number);
    return tr("Webhook %1").arg(number);
}

} // namespace Kanca
