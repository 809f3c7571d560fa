#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QStringView>

namespace Kanca {

// Writes pretty-printed JSON with keys in the order they are given: two-space indentation, one
// member per line, empty containers as [] and {}, non-ASCII text as UTF-8, a final newline.
// The output is byte-for-byte what Python's json.dumps(indent=2, ensure_ascii=False) gives, so
// a canonical file is easy to produce and to check with common tools.
class JsonWriter final
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);

    void value(QStringView text);
    void value(const char16_t *text) { value(QStringView(text)); }
    void value(const QString &text) { value(QStringView(text)); }
    void value(bool flag);
    void value(int number) { value(qint64(number)); }
    void value(qint64 number);
    void value(double number);
    void value(const QJsonValue &json); // objects inside are written with sorted keys
    void null();

    // The document, with a final newline.
    QByteArray finish();

    static QByteArray quoted(QStringView text); // a JSON string literal, UTF-8
    static QByteArray number(double number);

private:
    void beforeValue();
    void newline();

    struct Level
    {
        bool isObject = false;
        int count = 0;
    };
    QByteArray m_out;
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace Kanca
