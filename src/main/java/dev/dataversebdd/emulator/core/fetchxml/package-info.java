/**
 * FetchXML over the Web API ({@code GET {set}?fetchXml=…}): a parser to a small typed model, and an evaluator over
 * the store that joins, filters, orders, pages and aggregates. Anything not modelled answers 501 naming it.
 */
package dev.dataversebdd.emulator.core.fetchxml;
