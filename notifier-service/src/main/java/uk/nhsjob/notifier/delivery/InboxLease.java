package uk.nhsjob.notifier.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The lease on an address's inbox ({@link InboxLeases}).
 *
 * @param id the inbox: the keyed hash of the address, then {@code /instant} or
 * {@code /digest}
 * @param round the sending round that took it last
 * @param until when it is free again (given back: the epoch)
 * @param expiresAt when MongoDB deletes it (a TTL index), a day after it was last taken,
 * so no keyed hash of an address outlives its use for long
 */
@Document(InboxLeases.COLLECTION)
record InboxLease(@Id String id, String round, Instant until, @Indexed(expireAfter = "0s") Instant expiresAt) {

}
