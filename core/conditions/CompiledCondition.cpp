#include "conditions/CompiledCondition.h"
