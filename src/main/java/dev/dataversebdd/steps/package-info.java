/**
 * The Cucumber glue: thin steps over the DSL, one call each. The steps' text is the API; the classes are
 * instantiated by Cucumber ({@link dev.dataversebdd.steps.World} may be injected into a team's own steps).
 */
package dev.dataversebdd.steps;
