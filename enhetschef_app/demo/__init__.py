"""The demo unit: a realistic unit over years, generated from a seed and written through storage,
for `make run`, `enhetschef demo`, Kom igång and the tests. A front end's helper, beside the
front ends, not a use case."""
