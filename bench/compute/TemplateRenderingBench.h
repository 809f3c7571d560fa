#pragma once

#include "event/CompactEvent.h"
#include "templates/Template.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace KancaBench {

class BenchInputs;

// Payloads per second of one set of JSON body templates, each parsed once and rendered with the
// Turkish sample contact.created event, as Template::render runs for a webhook's body.
class TemplateRenderingBench final
{
public:
    TemplateRenderingBench(const BenchInputs &inputs, qsizetype set);

    const QString &error() const { return m_error; }

    // Renders template i (modulo the number of templates) into a buffer kept between calls, with
    // a new EventContext, so that nothing it remembers from one render serves the next.
    void render(qsizetype i);

    // As render(), then the text encoded in UTF-8: the body as it is sent.
    void renderBody(qsizetype i);

    // Two measurements, rendering to text and to the UTF-8 body:
    // [{"name", "form": "text" or "utf8", "peers": [{"peer": "Kanca", "rate", "runs", "outputs"}]}]
    QJsonArray run();

private:
    const BenchInputs &m_inputs;
    QString m_name;
    QString m_error;
    std::vector<Kanca::Template> m_templates;
    Kanca::CompactEvent m_event; // made once, as the engine keeps an event it renders
    QString m_output;
    QByteArray m_body;
};

} // namespace KancaBench
