#include "templates/Template.h"
