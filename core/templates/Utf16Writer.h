#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <cstring>

namespace Kanca {

// Writes a text into a QString whose size() is kept ahead of what is written, resized in
// steps, so that each piece is a copy into room already there rather than a QString::append
// (private to core/templates: Template::render). finish() sets the size to what was written;
// the QString keeps its allocation from one text to the next.
class Utf16Writer final
{
public:
    Utf16Writer(QString &out, qsizetype expected)
        : m_out(out)
    {
        m_out.resize(std::max<qsizetype>(expected, 16));
    }
    Utf16Writer(const Utf16Writer &) = delete;
    Utf16Writer &operator=(const Utf16Writer &) = delete;

    // Room for `n` more units at the end of what is written; advance() by what was used.
    char16_t *room(qsizetype n)
    {
        if (m_size + n > m_out.size())
            m_out.resize(std::max(m_out.size() * 2, m_size + n));
        return reinterpret_cast<char16_t *>(m_out.data()) + m_size;
    }
    void advance(qsizetype n) { m_size += n; }

    void append(QStringView text)
    {
        if (text.isEmpty())
            return; // a null text has no data to copy from
        std::memcpy(room(text.size()), text.data(), std::size_t(text.size()) * sizeof(char16_t));
        m_size += text.size();
    }
    void append(QLatin1StringView text)
    {
        char16_t *d = room(text.size());
        for (const char c : text)
            *d++ = char16_t(uchar(c));
        m_size += text.size();
    }
    void append(char16_t u) { *room(1) = u, ++m_size; }

    qsizetype size() const { return m_size; }
    void truncate(qsizetype size) { m_size = std::min(m_size, size); }
    void finish() { m_out.resize(m_size); }

private:
    QString &m_out;
    qsizetype m_size = 0;
};

} // namespace Kanca
