package uk.nhsjob.notifier.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A job an inbox has been sent ({@link InboxJobs}), until {@code expiresAt}. */
@Document(InboxJobs.COLLECTION)
record InboxJob(@Id String id, @Indexed(expireAfter = "0s") Instant expiresAt) {

}
