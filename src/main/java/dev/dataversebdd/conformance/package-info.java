/**
 * The conformance kit: turns a run's scenario records (attached by the Gherkin glue) into the conformance matrix
 * ({@code reports/conformance/matrix.json} and {@code matrix.html}: operation by relationship kind by reference
 * form, what the target answered, whether the read-back matched, where the expectation comes from) and, for a live
 * org, the behaviour profile that calibrates the emulator to it. Reads only JSON and Cucumber's events: it knows
 * nothing of the DSL or of the emulator.
 */
package dev.dataversebdd.conformance;
