/**
 * JUnit 5 support: {@link dev.dataversebdd.junit.DataverseTest} gives plain JUnit tests a fresh, self-cleaning
 * {@link dev.dataversebdd.dsl.DataverseSession} per test; {@link dev.dataversebdd.junit.QuietSlf4jSessionListener}
 * keeps SLF4J's no-provider warning out of a consumer's console.
 */
package dev.dataversebdd.junit;
