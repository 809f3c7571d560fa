#include "TemplateRenderingBench.h"

#include "BenchInputs.h"
#include "Throughput.h"
#include "catalog/Catalog.h"
#include "event/EventContext.h"

namespace KancaBench {

TemplateRenderingBench::TemplateRenderingBench(const BenchInputs &inputs, qsizetype set)
    : m_inputs(inputs)
    , m_event(Kanca::CompactEvent::fromJson(inputs.templateEvent()))
{
    const BenchInputs::TemplateSet &templateSet = inputs.templateSets().at(set);
    m_name = templateSet.name;
    for (const QString &text : templateSet.texts) {
        QList<Kanca::TemplateProblem> problems;
        m_templates.push_back(Kanca::Template::parse(text, Kanca::TemplateContext::Json,
                                                     Kanca::Catalog::builtIn(), &problems));
        for (const Kanca::TemplateProblem &problem : std::as_const(problems))
            m_error += m_name + QStringLiteral(": ") + problem.message + u'\n';
    }
}

void TemplateRenderingBench::render(qsizetype i)
{
    m_templates[std::size_t(i) % m_templates.size()].render(
        Kanca::EventContext(m_event), Kanca::Language::Turkish, &m_output, nullptr);
}

void TemplateRenderingBench::renderBody(qsizetype i)
{
    // As a body is rendered for sending (CompiledAction): straight to UTF-8.
    m_templates[std::size_t(i) % m_templates.size()].render(
        Kanca::EventContext(m_event), Kanca::Language::Turkish, &m_body, nullptr);
}

QJsonArray TemplateRenderingBench::run()
{
    QJsonArray outputs;
    for (std::size_t i = 0; i < m_templates.size(); ++i) {
        render(qsizetype(i));
        outputs.append(m_output);
        // The UTF-8 form is checked against the text form, the peers' outputs against the text.
        renderBody(qsizetype(i));
        if (m_body != m_output.toUtf8()) {
            m_error +=
                m_name
                + QStringLiteral(": template %1 rendered to UTF-8 differs from its text").arg(i)
                + u'\n';
        }
    }
    const auto measured = [&](const QString &form, const std::function<void(qsizetype)> &step) {
        QJsonObject kanca =
            Throughput::measure(step, m_inputs.runs(), m_inputs.budgetMs()).toJson();
        kanca.insert(QStringLiteral("peer"), QStringLiteral("Kanca"));
        kanca.insert(QStringLiteral("outputs"), outputs);
        return QJsonObject{{QStringLiteral("name"), m_name},
                           {QStringLiteral("form"), form},
                           {QStringLiteral("peers"), QJsonArray{kanca}}};
    };
    return {measured(QStringLiteral("text"), [this](qsizetype i) { render(i); }),
            measured(QStringLiteral("utf8"), [this](qsizetype i) { renderBody(i); })};
}

} // namespace KancaBench
