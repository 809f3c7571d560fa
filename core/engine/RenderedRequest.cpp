#include "engine/RenderedRequest.h"
