#include "engine/CompiledAction.h"
