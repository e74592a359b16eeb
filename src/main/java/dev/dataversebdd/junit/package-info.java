/**
 * JUnit 5 support: {@link dev.dataversebdd.junit.DataverseTest} gives plain JUnit tests a fresh, self-cleaning
 * {@link dev.dataversebdd.dsl.DataverseSession} per test.
 */
package dev.dataversebdd.junit;
