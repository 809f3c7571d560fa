#include "format/RuleSetWriter.h"
