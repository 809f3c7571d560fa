#include "JsonDuplicateKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace Kanca {

namespace {

// The keys of one open object. Few keys are compared one by one; many go into a hash set.
struct ObjectKeys
{
    static constexpr std::size_t LinearUpTo = 16;
    std::vector<std::string_view> list;
    std::unordered_set<std::string_view> set;
    std::vector<std::unique_ptr<std::string>> decoded; // keys that had escapes, unescaped

    // False when the key was there already.
    bool add(std::string_view key)
    {
        if (list.size() < LinearUpTo) {
            for (const std::string_view k : list) {
                if (k == key)
                    return false;
            }
            list.push_back(key);
            if (list.size() == LinearUpTo)
                set.insert(list.begin(), list.end());
            return true;
        }
        return set.insert(key).second;
    }
};

// The text of a string token without its quotes, unescaped when it has escapes.
std::string unescaped(std::string_view raw)
{
    const QByteArray quoted = '"' + QByteArray(raw.data(), qsizetype(raw.size())) + '"';
    const QJsonDocument document = QJsonDocument::fromJson('[' + quoted + ']');
    return document.array().at(0).toString().toStdString();
}

} // namespace

bool jsonHasDuplicateKeys(QByteArrayView utf8)
{
    const char *const text = utf8.data();
    const qsizetype size = utf8.size();
    // One entry per open container: an object's keys, or none for an array.
    std::vector<std::unique_ptr<ObjectKeys>> open;
    bool expectKey = false; // in an object, after "{" or ","
    for (qsizetype i = 0; i < size; ++i) {
        const char c = text[i];
        switch (c) {
        case '{':
            open.push_back(std::make_unique<ObjectKeys>());
            expectKey = true;
            break;
        case '[':
            open.push_back(nullptr);
            expectKey = false;
            break;
        case '}':
        case ']':
            if (!open.empty())
                open.pop_back();
            expectKey = false;
            break;
        case ',':
            expectKey = !open.empty() && open.back() != nullptr;
            break;
        case '"': {
            const qsizetype start = i + 1;
            bool escapes = false;
            for (++i; i < size && text[i] != '"'; ++i) {
                if (text[i] == '\\') {
                    escapes = true;
                    ++i;
                }
            }
            if (!expectKey)
                break;
            expectKey = false;
            ObjectKeys &keys = *open.back();
            std::string_view key(text + start, std::size_t(i - start));
            if (escapes) {
                keys.decoded.push_back(std::make_unique<std::string>(unescaped(key)));
                key = *keys.decoded.back();
            }
            if (!keys.add(key))
                return true;
            break;
        }
        default:
            break;
        }
    }
    return false;
}

} // namespace Kanca
