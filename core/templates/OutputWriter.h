#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace Kanca {

// Writes a template's output into a QString (Utf16Writer: text) or a QByteArray (Utf8Writer: a
// body), whose size() is kept ahead of what is written, resized in steps, so that each piece is
// a copy into room already there rather than an append, whose checks (sharing, room, a source
// inside the string) cost more than the copy for a template's short pieces (private to
// core/templates: Template::render). finish() sets the size to what was written; a QString
// keeps its allocation from one text to the next.
template<typename Buffer>
class OutputWriter final
{
public:
    using Unit = std::conditional_t<std::is_same_v<Buffer, QString>, char16_t, char>;

    OutputWriter(Buffer &out, qsizetype expected)
        : m_out(out)
    {
        m_out.resize(std::max<qsizetype>(expected, 16));
    }
    OutputWriter(const OutputWriter &) = delete;
    OutputWriter &operator=(const OutputWriter &) = delete;

    // Room for `n` more units at the end of what is written; advance() by what was used.
    Unit *room(qsizetype n)
    {
        if (m_size + n > m_out.size())
            m_out.resize(std::max(m_out.size() * 2, m_size + n));
        return reinterpret_cast<Unit *>(m_out.data()) + m_size;
    }
    void advance(qsizetype n) { m_size += n; }

    void append(const Unit *units, qsizetype n)
    {
        if (n == 0)
            return; // a null view has no data to copy from
        std::memcpy(room(n), units, std::size_t(n) * sizeof(Unit));
        m_size += n;
    }
    void append(QStringView text) requires std::is_same_v<Unit, char16_t>
    {
        append(reinterpret_cast<const char16_t *>(text.utf16()), text.size());
    }
    void append(QLatin1StringView text) requires std::is_same_v<Unit, char16_t>
    {
        char16_t *d = room(text.size());
        for (const char c : text)
            *d++ = char16_t(uchar(c));
        m_size += text.size();
    }
    void append(QByteArrayView bytes) requires std::is_same_v<Unit, char>
    {
        append(bytes.data(), bytes.size());
    }
    void append(Unit u)
    {
        *room(1) = u;
        ++m_size;
    }

    // Appends again the `n` units written at `from` (a piece written before: from + n <= size()).
    void repeat(qsizetype from, qsizetype n)
    {
        Unit *const to = room(n); // may move the buffer: the piece is found in it afterwards
        std::memcpy(to, reinterpret_cast<const Unit *>(m_out.constData()) + from,
                    std::size_t(n) * sizeof(Unit));
        m_size += n;
    }

    qsizetype size() const { return m_size; }
    void truncate(qsizetype size) { m_size = std::min(m_size, size); }
    void finish() { m_out.resize(m_size); }

private:
    Buffer &m_out;
    qsizetype m_size = 0;
};

using Utf16Writer = OutputWriter<QString>;
using Utf8Writer = OutputWriter<QByteArray>;

} // namespace Kanca
