#pragma once

#include <QByteArrayView>

#include <simdjson.h>
#include <vector>

namespace Kanca {

// simdjson's DOM parser, with the copy of each text it needs: simdjson reads up to
// SIMDJSON_PADDING bytes past a text's end, which a QByteArray does not promise, so the text is
// copied into a buffer with that room (kept from one text to the next). Not for two threads at
// once: EventParser and QuickJsonCheck keep one each.
class PaddedJsonParser final
{
public:
    // `json` parsed into `root` (valid until the next parse); false when simdjson refuses it.
    bool parse(QByteArrayView json, simdjson::dom::element &root);
    // The bytes kept between texts: the copy's room and the parser's buffers.
    qsizetype bufferBytes() const;

private:
    simdjson::dom::parser m_parser;
    std::vector<char> m_padded;
};

} // namespace Kanca
