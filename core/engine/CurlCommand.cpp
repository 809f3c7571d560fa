#include "engine/CurlCommand.h"

namespace Kanca {

QString shellQuoted(const QString &argument)
{
    QString quoted = argument;
    quoted.replace(QChar(u'\''), QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString curlCommand(const RenderedRequest &request, bool showSecrets)
{
    // --globoff: [] and {} in a URL are not cURL patterns; --path-as-is: "/./" and "/../" are
    // sent as they are, not resolved; -sS: quiet but show errors.
    QString command = QStringLiteral("curl -sS --globoff --path-as-is -X ")
                      + shellQuoted(request.method) + u' ' + shellQuoted(request.url);
    for (const RenderedRequest::Header &header : request.headers) {
        const QString value =
            header.secret && !showSecrets ? RenderedRequest::masked(header.value) : header.value;
        // "Name;" sends a header with an empty value; "Name:" would remove it.
        const QString line =
            value.isEmpty() ? QString(header.name + u';') : QString(header.name + u": " + value);
        command += QStringLiteral(" \\\n  -H ") + shellQuoted(line);
    }
    if (!request.body.isEmpty()) {
        // --data-binary would read a file for a body that starts with "@"; --data-raw never
        // does. Both send the bytes as they are.
        command += (request.body.startsWith('@') ? QStringLiteral(" \\\n  --data-raw ")
                                                 : QStringLiteral(" \\\n  --data-binary "))
                   + shellQuoted(QString::fromUtf8(request.body));
    }
    return command;
}

} // namespace Kanca
