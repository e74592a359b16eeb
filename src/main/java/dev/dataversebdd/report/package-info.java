/**
 * Evidence and secrets: recorded exchanges, their formatting for messages and Allure, redaction, report scrubbing
 * and the leak scan.
 */
package dev.dataversebdd.report;
