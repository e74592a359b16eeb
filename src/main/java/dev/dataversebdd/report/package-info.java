/**
 * Evidence and secrets: recorded exchanges, their formatting for messages and reports (Allure and Cucumber's own, each
 * exchange once), Cucumber's HTML report with features named by their path, Allure's environment, history and failure
 * categories, redaction, report scrubbing and the leak scan.
 */
package dev.dataversebdd.report;
