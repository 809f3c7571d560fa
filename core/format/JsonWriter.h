#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QStringView>

namespace Kanca {

// Writes JSON with keys in the order they are given, non-ASCII text as UTF-8, a final newline.
// Indented (the default): two-space indentation, one member per line, empty containers as [] and
// {}; byte-for-byte what Python's json.dumps(indent=2, ensure_ascii=False) gives, so a canonical
// file is easy to produce and to check with common tools. Compact: no space and no newline but
// the final one (a line of a log).
class JsonWriter final
{
public:
    enum class Layout { Indented, Compact };
    explicit JsonWriter(Layout layout = Layout::Indented)
        : m_layout(layout)
    {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    // A name given as UTF-8 (well-formed: it is copied as it is, escapes apart).
    void keyUtf8(QByteArrayView name);

    void value(QStringView text);
    void value(const char16_t *text) { value(QStringView(text)); }
    void value(const QString &text) { value(QStringView(text)); }
    void value(bool flag);
    void value(int number) { value(qint64(number)); }
    void value(qint64 number);
    void value(double number);
    void value(const QJsonValue &json); // objects inside are written with sorted keys
    // A text given as UTF-8 (well-formed: it is copied as it is, escapes apart).
    void valueUtf8(QByteArrayView text);
    void null();
    // A value already written as JSON text (a number as some other writer writes it).
    void literal(QByteArrayView json);

    // Room for `bytes` of output, for a writer that knows about how much it will write.
    void reserve(qsizetype bytes) { m_out.reserve(bytes); }

    // The document, with a final newline.
    QByteArray finish();

    static QByteArray quoted(QStringView text); // a JSON string literal, UTF-8
    static QByteArray number(double number);

private:
    static void appendQuoted(QByteArray &out, QStringView text); // quoted(), onto `out`
    static void appendQuotedUtf8(QByteArray &out, QByteArrayView utf8);
    void beforeValue();
    void newline();

    struct Level
    {
        bool isObject = false;
        int count = 0;
    };
    Layout m_layout;
    QByteArray m_out;
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace Kanca
