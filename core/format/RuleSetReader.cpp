#include "format/RuleSetReader.h"
