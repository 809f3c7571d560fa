#include "conditions/ConditionTrace.h"
