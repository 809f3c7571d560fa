#include "catalog/Catalog.h"
