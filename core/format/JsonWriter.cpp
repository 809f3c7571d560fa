#include "format/JsonWriter.h"
