#pragma once

#include "engine/RenderedRequest.h"
#include "format/JsonWriter.h"

namespace Kanca {

// "headers": [{"name", "value"}, …] as `kanca render` and `kanca history --json` print them: the
// value of a header that carries a secret masked unless `showSecrets`.
void writeHeadersJson(JsonWriter &w, const QList<RenderedRequest::Header> &headers,
                      bool showSecrets = false);

} // namespace Kanca
