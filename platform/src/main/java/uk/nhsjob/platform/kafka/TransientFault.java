package uk.nhsjob.platform.kafka;

/**
 * Marks an exception as a fault that passes: a dependency away or behind for a while. A
 * listener whose record fails with one retries it with capped back-off for as long as the
 * fault lasts, and never dead-letters it (docs/operations.md). Besides exceptions that
 * implement it, the failure policy treats the usual connection and timeout exceptions of
 * MongoDB, Kafka and SMTP the same way.
 */
public interface TransientFault {

}
