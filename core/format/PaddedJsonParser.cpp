#include "format/PaddedJsonParser.h"

#include <cstring>

namespace Kanca {

bool PaddedJsonParser::parse(QByteArrayView json, simdjson::dom::element &root)
{
    const auto size = std::size_t(json.size());
    if (m_padded.size() < size + simdjson::SIMDJSON_PADDING)
        m_padded.resize(size + simdjson::SIMDJSON_PADDING);
    if (size != 0)
        std::memcpy(m_padded.data(), json.data(), size);
    std::memset(m_padded.data() + size, 0, simdjson::SIMDJSON_PADDING);
    return m_parser.parse(m_padded.data(), size, false).get(root) == simdjson::SUCCESS;
}

qsizetype PaddedJsonParser::bufferBytes() const
{
    return qsizetype(m_padded.capacity() + m_parser.capacity());
}

} // namespace Kanca
