#include "engine/CompiledRuleSet.h"
