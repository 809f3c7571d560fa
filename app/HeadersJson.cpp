#include "HeadersJson.h"

namespace Kanca {

void writeHeadersJson(JsonWriter &w, const QList<RenderedRequest::Header> &headers,
                      bool showSecrets)
{
    w.key(u"headers");
    w.beginArray();
    for (const RenderedRequest::Header &header : headers) {
        w.beginObject();
        w.key(u"name");
        w.value(header.name);
        w.key(u"value");
        w.value(header.secret && !showSecrets ? RenderedRequest::masked(header.value)
                                              : header.value);
        w.endObject();
    }
    w.endArray();
}

} // namespace Kanca
