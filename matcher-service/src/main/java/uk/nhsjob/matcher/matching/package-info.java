/**
 * The matching runtime: the active alerts read from the profile stream and the open
 * vacancies read from the vacancy stream (on every instance, docs/matching.md "Several
 * instances"), the Kafka listener that matches each vacancy in a transaction, the sent
 * ledger and its reconciliation, welcome sets, and previews (the API, and the port the
 * alert pages ask).
 */
@NullMarked
package uk.nhsjob.matcher.matching;

import org.jspecify.annotations.NullMarked;
