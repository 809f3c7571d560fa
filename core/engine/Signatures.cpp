#include "engine/Signatures.h"
