#include "format/QuickJsonCheck.h"

#include "format/PaddedJsonParser.h"

#include <cfloat>
#include <cmath>

namespace Kanca::QuickJsonCheck {

namespace {

// Deeper text goes to QJsonDocument (which refuses nesting deeper than 1,024).
constexpr int MaxDepth = 256;

// True when every number under `element` is one QJsonDocument reads as simdjson did. A double
// below the normal ones, zero included, is not: "1e-400" is zero to simdjson and an illegal
// number to QJsonDocument.
bool numbersAgree(simdjson::dom::element element, int depth)
{
    using simdjson::dom::element_type;
    if (depth > MaxDepth)
        return false;
    switch (element.type()) {
    case element_type::ARRAY: {
        const simdjson::dom::array array = element.get_array().value_unsafe();
        for (const simdjson::dom::element value : array) {
            if (!numbersAgree(value, depth + 1))
                return false;
        }
        return true;
    }
    case element_type::OBJECT: {
        const simdjson::dom::object object = element.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : object) {
            if (!numbersAgree(field.value, depth + 1))
                return false;
        }
        return true;
    }
    case element_type::DOUBLE:
        return std::fabs(element.get_double().value_unsafe()) >= DBL_MIN;
    default:
        return true;
    }
}

} // namespace

bool accepts(QByteArrayView utf8)
{
    if (utf8.isEmpty() || utf8.size() > MaxBytes)
        return false;
    thread_local PaddedJsonParser parser;
    simdjson::dom::element root;
    if (!parser.parse(utf8, root))
        return false;
    const auto type = root.type();
    if (type != simdjson::dom::element_type::OBJECT && type != simdjson::dom::element_type::ARRAY)
        return false;
    return numbersAgree(root, 0);
}

} // namespace Kanca::QuickJsonCheck
