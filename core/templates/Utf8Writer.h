#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>
#include <cstring>

namespace Kanca {

// Utf16Writer's counterpart for a request body in UTF-8: writes into a QByteArray whose size() is
// kept ahead of what is written, resized in steps, so that each piece is a copy into room already
// there rather than a QByteArray::append, whose checks (sharing, room, a source inside the
// array) cost more than the copy for the short pieces of a template (private to core/templates:
// Template::render). finish() sets the size to what was written.
class Utf8Writer final
{
public:
    Utf8Writer(QByteArray &out, qsizetype expected)
        : m_out(out)
    {
        m_out.resize(std::max<qsizetype>(expected, 16));
    }
    Utf8Writer(const Utf8Writer &) = delete;
    Utf8Writer &operator=(const Utf8Writer &) = delete;

    // Room for `n` more bytes at the end of what is written; advance() by what was used.
    char *room(qsizetype n)
    {
        if (m_size + n > m_out.size())
            m_out.resize(std::max(m_out.size() * 2, m_size + n));
        return m_out.data() + m_size;
    }
    void advance(qsizetype n) { m_size += n; }

    void append(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return; // a null view has no data to copy from
        std::memcpy(room(bytes.size()), bytes.data(), std::size_t(bytes.size()));
        m_size += bytes.size();
    }
    void append(char c) { *room(1) = c, ++m_size; }

    qsizetype size() const { return m_size; }
    void finish() { m_out.resize(m_size); }

private:
    QByteArray &m_out;
    qsizetype m_size = 0;
};

} // namespace Kanca
