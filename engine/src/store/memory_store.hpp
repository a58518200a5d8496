// The in-memory Store is public (ectflow/memory_store.hpp): the SQL store mirrors tables in one.
#pragma once

#include "ectflow/memory_store.hpp"
