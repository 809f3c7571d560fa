#include "format/JsonLocator.h"
