/**
 * The matching runtime: the open vacancies read from the vacancy stream, the Kafka
 * listener that matches each vacancy in a transaction, the sent ledger and its
 * reconciliation, welcome sets, and previews (the API, and the port the alert pages ask).
 */
@NullMarked
package uk.nhsjob.matcher.matching;

import org.jspecify.annotations.NullMarked;
